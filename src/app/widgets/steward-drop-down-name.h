/* steward-drop-down-name.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steward_drop_down_name_button (GtkDropDown *dropdown,
                                    const char  *label);

G_END_DECLS
