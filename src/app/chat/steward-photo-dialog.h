/* steward-photo-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_PHOTO_DIALOG (steward_photo_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardPhotoDialog, steward_photo_dialog, STEWARD, PHOTO_DIALOG, AdwWindow)

StewardPhotoDialog *steward_photo_dialog_new (GtkWindow *parent);

G_END_DECLS
