/* steward-focus.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The CSS class that marks a pane for F6, see steward_focus_cycle_panes(). */
#define STEWARD_FOCUS_PANE_CLASS "steward-pane"

gboolean steward_focus_is_within     (GtkWidget        *widget);
gboolean steward_focus_leave         (GtkWidget        *widget,
                                      GtkDirectionType  direction);
void     steward_focus_set_tab_stop  (GtkWidget        *widget);
typedef gboolean (*StewardFocusPaneEnter) (GtkWidget *pane,
                                           gpointer   user_data);

void     steward_focus_set_pane_enter (GtkWidget             *pane,
                                       StewardFocusPaneEnter  enter,
                                       gpointer               user_data);
gboolean steward_focus_cycle_panes    (GtkWidget             *root,
                                       gboolean               forward);

G_END_DECLS
