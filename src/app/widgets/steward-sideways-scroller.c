/* steward-sideways-scroller.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-sideways-scroller"

#include "config.h"

#include <math.h>

#include "steward-sideways-scroller-private.h"

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

/* GtkKineticScrolling's friction when a touchpad swipe ends. */
#define DECELERATION_FRICTION 4.0

/* How long after the last scroll a swipe's end still belongs to it, in
 * ms, like GtkEventControllerScroll's own history. */
#define SWIPE_END_MS 150

/* A glide of the outer scrolled window after a swipe that ended over a
 * block, kept on that window: the block may scroll out of view, and its
 * row be recycled, before the glide ends. */
typedef struct
{
  guint  tick_id;
  gint64 last_time;
  double velocity;   /* pixels a second */
  double last_value; /* where the glide left the adjustment */
} Glide;

/* On the block's controller: the time of the last scroll it moved the
 * outer window by, or 0 when the last one was not its own. */
static G_DEFINE_QUARK (steward-sideways-scroller-forwarding, forwarding)
static G_DEFINE_QUARK (steward-sideways-scroller-glide, glide)

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

static void
glide_stop (GtkScrolledWindow *outer)
{
  Glide *glide = g_object_get_qdata (G_OBJECT (outer), glide_quark ());

  if (glide != NULL && glide->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (outer), glide->tick_id);
      glide->tick_id = 0;
    }
}

static gboolean
glide_step (Glide         *glide,
            GtkAdjustment *adjustment,
            gint64         now)
{
  double elapsed = (now - glide->last_time) / (double) G_USEC_PER_SEC;
  double decay = exp (-DECELERATION_FRICTION * elapsed);
  double target;

  /* Someone else moved the view meanwhile (the user scrolling elsewhere,
   * the view following a reply): theirs wins. */
  if (fabs (gtk_adjustment_get_value (adjustment) - glide->last_value) > 0.5)
    return G_SOURCE_REMOVE;

  target = glide->last_value + glide->velocity * (1.0 - decay) / DECELERATION_FRICTION;
  glide->velocity *= decay;
  glide->last_time = now;
  gtk_adjustment_set_value (adjustment, target);
  glide->last_value = gtk_adjustment_get_value (adjustment);

  /* Slowed to a stop, or at an end of the conversation. */
  if (fabs (glide->velocity) < 1.0 || fabs (glide->last_value - target) > 0.5)
    return G_SOURCE_REMOVE;

  return G_SOURCE_CONTINUE;
}

static gboolean
glide_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  Glide *glide = g_object_get_qdata (G_OBJECT (widget), glide_quark ());
  GtkAdjustment *adjustment;

  g_assert (GTK_IS_SCROLLED_WINDOW (widget));

  if (glide == NULL)
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (widget));
  if (glide_step (glide, adjustment, gdk_frame_clock_get_frame_time (frame_clock)) == G_SOURCE_REMOVE)
    {
      glide->tick_id = 0;
      return G_SOURCE_REMOVE;
    }

  return G_SOURCE_CONTINUE;
}

/**
 * _steward_sideways_scroller_glide:
 * @outer: a realized #GtkScrolledWindow
 * @velocity: pixels a second, down when positive
 *
 * Lets @outer's vertical scrolling run on and slow down, as a touchpad
 * swipe does when the fingers lift.
 */
void
_steward_sideways_scroller_glide (GtkScrolledWindow *outer,
                                  double             velocity)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (outer));
  Glide *glide;

  if (frame_clock == NULL)
    return;

  if (!(glide = g_object_get_qdata (G_OBJECT (outer), glide_quark ())))
    {
      glide = g_new0 (Glide, 1);
      g_object_set_qdata_full (G_OBJECT (outer), glide_quark (), glide, g_free);
    }

  glide->velocity = velocity;
  glide->last_time = gdk_frame_clock_get_frame_time (frame_clock);
  glide->last_value = gtk_adjustment_get_value (gtk_scrolled_window_get_vadjustment (outer));
  if (glide->tick_id == 0)
    glide->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (outer), glide_tick_cb, NULL, NULL);
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

  g_object_set_qdata (G_OBJECT (controller), forwarding_quark (), NULL);

  if (!is_vertical (GTK_EVENT_CONTROLLER (controller), dx, dy) ||
      !is_scrollable_sideways (GTK_SCROLLED_WINDOW (scroller)) ||
      !(outer = find_outer (scroller)))
    return GDK_EVENT_PROPAGATE;

  glide_stop (outer);
  adjustment = gtk_scrolled_window_get_vadjustment (outer);
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_value (adjustment) + dy * scroll_step (controller, adjustment));
  g_object_set_qdata (G_OBJECT (controller), forwarding_quark (),
                      GUINT_TO_POINTER (MAX (1, gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller)))));

  /* Only scrolls with a delta are claimed: a touchpad's closing event
   * has none and goes on, so every scrolled window sees its swipe end. */
  return GDK_EVENT_STOP;
}

/* A touchpad swipe that was moving the conversation from over a block
 * glides on when the fingers lift, as it does elsewhere. Only when this
 * controller moved it last, just before: the mark of an earlier swipe
 * that ended elsewhere must not start a glide beside GTK's own. */
static void
decelerate_cb (GtkEventControllerScroll *controller,
               double                    velocity_x,
               double                    velocity_y,
               gpointer                  user_data)
{
  guint32 forwarded = GPOINTER_TO_UINT (g_object_get_qdata (G_OBJECT (controller), forwarding_quark ()));
  guint32 now = gtk_event_controller_get_current_event_time (GTK_EVENT_CONTROLLER (controller));
  GtkScrolledWindow *outer;

  g_assert (GTK_IS_EVENT_CONTROLLER_SCROLL (controller));

  if (forwarded == 0 || now - forwarded > SWIPE_END_MS ||
      !is_vertical (GTK_EVENT_CONTROLLER (controller), velocity_x, velocity_y) ||
      !(outer = find_outer (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller)))))
    return;

  g_object_set_qdata (G_OBJECT (controller), forwarding_quark (), NULL);
  _steward_sideways_scroller_glide (outer, velocity_y * scroll_step (controller, gtk_scrolled_window_get_vadjustment (outer)));
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

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES |
                                                GTK_EVENT_CONTROLLER_SCROLL_KINETIC);
  gtk_event_controller_set_name (controller, "steward-sideways-scroller");
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), NULL);
  g_signal_connect (controller, "decelerate", G_CALLBACK (decelerate_cb), NULL);
  gtk_widget_add_controller (scroller, controller);

  return scroller;
}
