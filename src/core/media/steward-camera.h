/* steward-camera.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_CAMERA (steward_camera_get_type ())

G_DECLARE_FINAL_TYPE (StewardCamera, steward_camera, STEWARD, CAMERA, GObject)

gboolean       steward_camera_is_available (char          **why);
StewardCamera *steward_camera_new          (void);
gboolean       steward_camera_start        (StewardCamera  *self,
                                            GError        **error);
void           steward_camera_stop         (StewardCamera  *self);
GBytes        *steward_camera_dup_frame    (StewardCamera  *self,
                                            guint          *width,
                                            guint          *height,
                                            gsize          *stride);

G_END_DECLS
