/* steward-project-json.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-store.h"

G_BEGIN_DECLS

/* A whole project as JSON, which imports back into the same project:
 *
 *   { "format": "steward-project", "version": 1,
 *     "name", "template", "brief", "created_at", "updated_at",
 *     "phases": [ { "number", "title", "instructions", "content",
 *                   "status", "created_at", "updated_at", "autosaved_at",
 *                   "versions": [ { "number", "reason", "content",
 *                                   "created_at" }, … ] }, … ] }
 *
 * Times are ISO 8601 in UTC ("autosaved_at" may be null); statuses and
 * reasons are the nicks of StewardPhaseStatus and StewardVersionReason;
 * phases in order, versions oldest first. Ids are not written. */

#define STEWARD_PROJECT_JSON_FORMAT  "steward-project"
#define STEWARD_PROJECT_JSON_VERSION 1

char    *steward_project_json_dup         (StewardStore *store,
                                           gint64        project_id,
                                           GError      **error);
/* Written whole or not at all */
gboolean steward_project_json_save_file   (StewardStore *store,
                                           gint64        project_id,
                                           GFile        *file,
                                           GError      **error);
/* A new project from @data; @error gives the reason it is refused */
gint64   steward_project_json_import      (StewardStore *store,
                                           const char   *data,
                                           gssize        length,
                                           GError      **error);
/* A refused file is named in @error with the reason */
gint64   steward_project_json_import_file (StewardStore *store,
                                           GFile        *file,
                                           GError      **error);

G_END_DECLS
