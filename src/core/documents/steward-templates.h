/* steward-templates.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-store.h"
#include "steward-template.h"

G_BEGIN_DECLS

/* The templates a project is made from: the built-in ones (in this
 * build, translated) and the user's own (in the store). A user's
 * template cannot take a built-in's name. */

/* The general document, 14 phases: what a project is made from when no
 * template is named */
#define STEWARD_TEMPLATE_DEFAULT "default"

/* Built-in: "default", "proposal", "design" */
GListModel      *steward_templates_list_builtin  (void);
/* (nullable): a new copy of built-in @name, or NULL */
StewardTemplate *steward_templates_dup_builtin   (const char   *name);

/* The built-ins, then the user's templates by name */
GListModel      *steward_templates_list          (StewardStore *store,
                                                  GError      **error);
/* A built-in or a user's template; NOT_FOUND with a sentence naming it */
StewardTemplate *steward_templates_find          (StewardStore *store,
                                                  const char   *name,
                                                  GError      **error);
/* Keeps @template as a user's template: it needs a name that no
 * built-in has and at least one phase. Replaces a user's template of
 * that name when @replace, else refuses. */
gboolean         steward_templates_add           (StewardStore    *store,
                                                  StewardTemplate *template,
                                                  gboolean         replace,
                                                  GError         **error);
gboolean         steward_templates_remove        (StewardStore    *store,
                                                  const char      *name,
                                                  GError         **error);
/* The user's templates by name, without the built-ins */
GListModel      *steward_templates_list_user     (StewardStore    *store,
                                                  GError         **error);
/* (nullable): the user's template @name, or NULL (no error) when there
 * is none */
StewardTemplate *steward_templates_lookup_user   (StewardStore    *store,
                                                  const char      *name,
                                                  GError         **error);
/* Puts @template in place of the user's template @old_name: replaced
 * when the name stays, else kept under its new name (refused when a
 * template has it already) and @old_name removed */
gboolean         steward_templates_update        (StewardStore    *store,
                                                  const char      *old_name,
                                                  StewardTemplate *template,
                                                  GError         **error);
/* A template of a project's phases (titles and instructions) */
StewardTemplate *steward_templates_new_from_project (StewardStore *store,
                                                     gint64        project_id,
                                                     const char   *name,
                                                     const char   *description,
                                                     GError      **error);
/* steward_templates_new_from_project() then steward_templates_add() */
gboolean         steward_templates_save_project  (StewardStore *store,
                                                  gint64        project_id,
                                                  const char   *name,
                                                  const char   *description,
                                                  GError      **error);

G_END_DECLS
