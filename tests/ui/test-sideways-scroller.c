/* test-sideways-scroller.c: the glide a touchpad swipe leaves behind
 * when it ends over a wide code block or table.
 *
 * GTK has no way to make touchpad events, so this drives the glide
 * itself: it runs on and slows down as GTK's kinetic scrolling does,
 * stops at an end, and gives way when something else scrolls.
 *
 * Copyright 2026 The Steward authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <gtk/gtk.h>

#include "steward-sideways-scroller-private.h"

typedef struct
{
  GtkWidget     *window;
  GtkWidget     *outer;
  GtkAdjustment *adjustment;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *tall = gtk_label_new ("");
  GtkWidget *block = steward_sideways_scroller_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_widget_set_size_request (tall, 200, 5000);
  gtk_box_append (GTK_BOX (box), tall);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (block), gtk_label_new ("A line far wider than the window it is shown in."));
  gtk_box_append (GTK_BOX (box), block);

  fixture->outer = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (fixture->outer), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (fixture->outer), box);
  fixture->adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (fixture->outer));

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 300, 400);
  gtk_window_set_child (GTK_WINDOW (fixture->window), fixture->outer);
  gtk_window_present (GTK_WINDOW (fixture->window));

  while (gtk_adjustment_get_page_size (fixture->adjustment) == 0 ||
         gtk_adjustment_get_upper (fixture->adjustment) < 5000)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
}

static void
run_for (guint msec)
{
  gint64 until = g_get_monotonic_time () + msec * 1000;

  while (g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, FALSE);
}

/* Runs the main loop until the adjustment has stood still for a second
 * (a glide moves it every frame); returns where it came to rest. */
static double
wait_for_rest (GtkAdjustment *adjustment)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  double value = gtk_adjustment_get_value (adjustment);

  for (;;)
    {
      run_for (1000);
      if (gtk_adjustment_get_value (adjustment) == value)
        return value;
      value = gtk_adjustment_get_value (adjustment);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
}

static void
test_glide_slows_down (Fixture       *fixture,
                       gconstpointer  user_data)
{
  gtk_adjustment_set_value (fixture->adjustment, 1000);

  /* At 800 px/s and a friction of 4 it comes to rest 800/4 px further on. */
  _steward_sideways_scroller_glide (GTK_SCROLLED_WINDOW (fixture->outer), 800);
  g_assert_cmpfloat_with_epsilon (wait_for_rest (fixture->adjustment), 1200, 2);

  _steward_sideways_scroller_glide (GTK_SCROLLED_WINDOW (fixture->outer), -400);
  g_assert_cmpfloat_with_epsilon (wait_for_rest (fixture->adjustment), 1100, 2);
}

static void
test_glide_stops_at_the_end (Fixture       *fixture,
                             gconstpointer  user_data)
{
  double end = gtk_adjustment_get_upper (fixture->adjustment) - gtk_adjustment_get_page_size (fixture->adjustment);

  gtk_adjustment_set_value (fixture->adjustment, end - 50);
  _steward_sideways_scroller_glide (GTK_SCROLLED_WINDOW (fixture->outer), 4000);
  g_assert_cmpfloat (wait_for_rest (fixture->adjustment), ==, end);

  /* Scrolling back up from the end still works. */
  _steward_sideways_scroller_glide (GTK_SCROLLED_WINDOW (fixture->outer), -400);
  g_assert_cmpfloat_with_epsilon (wait_for_rest (fixture->adjustment), end - 100, 2);
}

static void
test_glide_gives_way (Fixture       *fixture,
                      gconstpointer  user_data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_adjustment_set_value (fixture->adjustment, 1000);
  _steward_sideways_scroller_glide (GTK_SCROLLED_WINDOW (fixture->outer), 2000);
  while (gtk_adjustment_get_value (fixture->adjustment) == 1000)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }

  /* The user scrolls elsewhere (or the view follows a reply) mid-glide. */
  gtk_adjustment_set_value (fixture->adjustment, 100);
  g_assert_cmpfloat (wait_for_rest (fixture->adjustment), ==, 100);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/steward/sideways-scroller/glide-slows-down", Fixture, NULL,
              fixture_set_up, test_glide_slows_down, fixture_tear_down);
  g_test_add ("/steward/sideways-scroller/glide-stops-at-the-end", Fixture, NULL,
              fixture_set_up, test_glide_stops_at_the_end, fixture_tear_down);
  g_test_add ("/steward/sideways-scroller/glide-gives-way", Fixture, NULL,
              fixture_set_up, test_glide_gives_way, fixture_tear_down);

  return g_test_run ();
}
