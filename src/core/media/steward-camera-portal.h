/* steward-camera-portal.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean steward_camera_portal_is_sandboxed (void);
gboolean steward_camera_portal_is_present   (char                **why);
void     steward_camera_portal_open_async   (GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
int      steward_camera_portal_open_finish  (GAsyncResult         *result,
                                             GError              **error);

G_END_DECLS
