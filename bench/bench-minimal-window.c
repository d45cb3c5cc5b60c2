/* bench-minimal-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The baseline bench-startup compares steward against: the least a
 * libadwaita application does to show a window of Steward's default size.
 * It carries the same first-frame probe as steward, so both programs are
 * timed by the same clock at the same point of their start-up.
 */

#define G_LOG_DOMAIN "steward-bench-minimal"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#define BENCH_MINIMAL_APP_ID "io.github.stewardapp.Steward.BenchMinimal"

/* Steward's default window size, so both paint the same number of pixels. */
#define DEFAULT_WIDTH  960
#define DEFAULT_HEIGHT 680

static gint64
read_rss_kb (void)
{
  g_autofree char *status = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, &error))
    {
      g_warning ("Could not read /proc/self/status: %s", error->message);
      return 0;
    }

  line = strstr (status, "\nVmRSS:");
  if (line == NULL)
    {
      g_warning ("No VmRSS line in /proc/self/status");
      return 0;
    }

  /* "VmRSS:\t   12345 kB": strtoll skips the blanks before the number. */
  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GApplication  *app)
{
  /* Take the time first: reading /proc is not part of the start-up. */
  gint64 now_us = g_get_monotonic_time ();

  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, app);

  printf ("first-frame monotonic_us=%" G_GINT64_FORMAT
          " rss_kb=%" G_GINT64_FORMAT "\n",
          now_us, read_rss_kb ());
  fflush (stdout);

  g_application_quit (app);
}

static void
window_realize_cb (GtkWidget    *window,
                   GApplication *app)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  g_return_if_fail (frame_clock != NULL);

  g_signal_connect_object (frame_clock, "after-paint",
                           G_CALLBACK (after_paint_cb), app, 0);
}

static void
app_activate_cb (GApplication *app)
{
  GtkWidget *window;
  GtkWidget *box;
  GtkWidget *label;

  window = adw_application_window_new (GTK_APPLICATION (app));
  gtk_window_set_title (GTK_WINDOW (window), "Minimal Window");
  gtk_window_set_default_size (GTK_WINDOW (window),
                               DEFAULT_WIDTH, DEFAULT_HEIGHT);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  label = gtk_label_new ("Minimal libadwaita window");
  gtk_widget_set_vexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  if (g_getenv ("STEWARD_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "realize",
                             G_CALLBACK (window_realize_cb), app,
                             G_CONNECT_AFTER);

  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new (BENCH_MINIMAL_APP_ID, G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (app_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
