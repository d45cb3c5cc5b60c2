/* steward-project.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PROJECT (steward_project_get_type ())

G_DECLARE_FINAL_TYPE (StewardProject, steward_project, STEWARD, PROJECT, GObject)

gint64      steward_project_get_id         (StewardProject *self);
const char *steward_project_get_name       (StewardProject *self);
const char *steward_project_get_template   (StewardProject *self);
/* What the document is for and who reads it: every phase is drafted
 * with it */
const char *steward_project_get_brief      (StewardProject *self);
GDateTime  *steward_project_get_created_at (StewardProject *self);
GDateTime  *steward_project_get_updated_at (StewardProject *self);

G_END_DECLS
