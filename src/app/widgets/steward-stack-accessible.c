/* steward-stack-accessible.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-stack-accessible"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-stack-accessible.h"

/* GTK 4.8 exposes every page of a GtkStack to assistive technologies as
 * visible, mapped or not, so a screen reader (or a UI test) cannot tell the
 * page on screen from the ones behind it. Mark the pages that are not the
 * visible child as hidden.
 */

static void
steward_stack_accessible_sync (GtkStack *stack)
{
  GtkWidget *visible_child = gtk_stack_get_visible_child (stack);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (stack));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_HIDDEN, child != visible_child,
                                 -1);
}

static void
steward_stack_accessible_visible_child_cb (GtkStack   *stack,
                                           GParamSpec *pspec,
                                           gpointer    user_data)
{
  steward_stack_accessible_sync (stack);
}

void
steward_stack_accessible_track (GtkStack *stack)
{
  g_return_if_fail (GTK_IS_STACK (stack));

  g_signal_connect (stack,
                    "notify::visible-child",
                    G_CALLBACK (steward_stack_accessible_visible_child_cb),
                    NULL);
  steward_stack_accessible_sync (stack);
}
