/* steward-projects.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-export-source.h"
#include "steward-store.h"

G_BEGIN_DECLS

/* Document projects as the app and the CLI use them. The rules of
 * phase statuses and versions are kept by the store (see
 * steward_store_set_phase_content()); here are the ways in by name. */

/* @id_or_name: a project's id, or its name; NOT_FOUND or INVALID (a name
 * several projects share) with one sentence */
StewardProject      *steward_projects_lookup        (StewardStore *store,
                                                     const char   *id_or_name,
                                                     GError      **error);
/* @number: 1-based, as the user counts */
StewardPhase        *steward_projects_lookup_phase  (StewardStore *store,
                                                     gint64        project_id,
                                                     guint         number,
                                                     GError      **error);
/* @template_name (nullable): STEWARD_TEMPLATE_DEFAULT when NULL */
gint64               steward_projects_create        (StewardStore *store,
                                                     const char   *name,
                                                     const char   *template_name,
                                                     const char   *brief,
                                                     GError      **error);
/* A copy with the phases and their content and statuses, and their
 * versions when @with_versions. @name (nullable): "NAME (copy)" */
gint64               steward_projects_duplicate     (StewardStore *store,
                                                     gint64        project_id,
                                                     const char   *name,
                                                     gboolean      with_versions,
                                                     GError      **error);
/* What the document writers read: the project's name as title, and its
 * phases with content as sections */
StewardExportSource *steward_projects_dup_export_source (StewardStore *store,
                                                         gint64        project_id,
                                                         GError      **error);

G_END_DECLS
