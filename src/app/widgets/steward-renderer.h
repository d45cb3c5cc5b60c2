/* steward-renderer.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean    steward_renderer_is_software     (const char *gl_renderer);
char       *steward_renderer_dup_gl_renderer (GdkDisplay *display);
const char *steward_renderer_choose          (GdkDisplay *display);

G_END_DECLS
