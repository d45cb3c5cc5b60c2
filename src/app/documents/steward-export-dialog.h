/* steward-export-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_EXPORT_DIALOG (steward_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardExportDialog, steward_export_dialog, STEWARD, EXPORT_DIALOG, AdwWindow)

StewardExportDialog *steward_export_dialog_new (GtkWindow *parent,
                                                gint64     project_id);

G_END_DECLS
