/* steward-templates-window.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_TEMPLATES_WINDOW (steward_templates_window_get_type ())

G_DECLARE_FINAL_TYPE (StewardTemplatesWindow, steward_templates_window, STEWARD, TEMPLATES_WINDOW, AdwWindow)

StewardTemplatesWindow *steward_templates_window_new (GtkWindow *parent);

G_END_DECLS
