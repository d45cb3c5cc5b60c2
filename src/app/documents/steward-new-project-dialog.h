/* steward-new-project-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_NEW_PROJECT_DIALOG (steward_new_project_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardNewProjectDialog, steward_new_project_dialog, STEWARD, NEW_PROJECT_DIALOG, AdwMessageDialog)

GtkWidget  *steward_new_project_dialog_new               (GtkWindow               *parent,
                                                          GListModel              *templates);
char       *steward_new_project_dialog_dup_name          (StewardNewProjectDialog *self);
const char *steward_new_project_dialog_get_template_name (StewardNewProjectDialog *self);
char       *steward_new_project_dialog_dup_brief         (StewardNewProjectDialog *self);

G_END_DECLS
