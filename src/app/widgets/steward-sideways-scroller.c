/* steward-sideways-scroller.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-sideways-scroller"

#include "config.h"

#include <math.h>

#include "steward-sideways-scroller.h"

/* A wide code block or table sits in a GtkScrolledWindow that scrolls only
 * sideways, inside the conversation's own scrolled window. GTK 4.8's
 * scrolled window claims every scroll event once its content is wider than
 * it, vertical ones included, even with no vertical scrolling to do: the
 * conversation would not move under the wheel while the pointer is over
 * such a block. A controller in the capture phase therefore hands
 * vertical scrolling to the nearest scrolled window above, moving it as
 * GTK moves a scrolled window, and leaves sideways scrolling (and
 * Shift+wheel, which GTK turns sideways) to the block's own. */

/* Pixels a touchpad delta moves a GtkScrolledWindow by (gtkscrolledwindow.c:
 * 1 up to GTK 4.8, MAGIC_SCROLL_FACTOR from 4.10). */
#if GTK_CHECK_VERSION (4, 10, 0)
# define SURFACE_SCROLL_FACTOR 2.5
#else
# define SURFACE_SCROLL_FACTOR 1.0
#endif

/* The scrolled window that scrolls the block's surroundings up and down. */
static GtkScrolledWindow *
find_outer (GtkWidget *scroller)
{
  GtkWidget *ancestor = scroller;

  while ((ancestor = gtk_widget_get_parent (ancestor)) &&
         (ancestor = gtk_widget_get_ancestor (ancestor, GTK_TYPE_SCROLLED_WINDOW)))
    {
      GtkPolicyType vertical_policy;

      gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (ancestor), NULL, &vertical_policy);
      if (vertical_policy != GTK_POLICY_NEVER)
        return GTK_SCROLLED_WINDOW (ancestor);
    }

  return NULL;
}

/* Whether the block is wider than its place, which is when GTK's
 * scrolled window claims every scroll event (its hscrollbar_visible);
 * otherwise GTK passes vertical scrolling on by itself. */
static gboolean
is_scrollable_sideways (GtkScrolledWindow *scroller)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (scroller);

  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
         gtk_adjustment_get_page_size (adjustment);
}

/* How far one unit of a scroll delta moves @adjustment, as GTK's own
 * scrolled window reckons it: a wheel detent moves by the page size to
 * the power 2/3, a touchpad by pixels. */
static double
scroll_step (GtkEventControllerScroll *controller,
             GtkAdjustment            *adjustment)
{
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    return pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0);

  return SURFACE_SCROLL_FACTOR;
}

static gboolean
is_vertical (GtkEventController *controller,
             double              dx,
             double              dy)
{
  /* Shift turns the wheel sideways in every GtkScrolledWindow. */
  if ((gtk_event_controller_get_current_event_state (controller) & GDK_SHIFT_MASK) != 0)
    return FALSE;

  return fabs (dy) > fabs (dx);
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           gpointer                  user_data)
{
  GtkWidget *scroller = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkScrolledWindow *outer;
  GtkAdjustment *adjustment;

  g_assert (GTK_IS_EVENT_CONTROLLER_SCROLL (controller));

  if (!is_vertical (GTK_EVENT_CONTROLLER (controller), dx, dy) ||
      !is_scrollable_sideways (GTK_SCROLLED_WINDOW (scroller)) ||
      !(outer = find_outer (scroller)))
    return GDK_EVENT_PROPAGATE;

  adjustment = gtk_scrolled_window_get_vadjustment (outer);
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + dy * scroll_step (controller, adjustment));

  return GDK_EVENT_STOP;
}

/**
 * steward_sideways_scroller_new:
 *
 * A #GtkScrolledWindow for content that may be too wide for the
 * conversation, a code block's lines or a table: it scrolls sideways and
 * is as tall as its content, and vertical scrolling over it scrolls the
 * scrolled window it sits in.
 *
 * Returns: (transfer floating): a new #GtkScrolledWindow
 */
GtkWidget *
steward_sideways_scroller_new (void)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkEventController *controller;

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_name (controller, "steward-sideways-scroller");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), NULL);
  gtk_widget_add_controller (scroller, controller);

  return scroller;
}
