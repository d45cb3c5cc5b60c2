/* bench-chat-baseline.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The baseline bench-chat compares the Chat page against: a bare
 * libadwaita window of Steward's default size, optionally running only a
 * spinner (which asks for a frame every vsync). It prints
 *   baseline rss_kb=<…> longest_frame_ms=<…> frames=<…>
 * after --seconds of frames, measured like steward-bench-chat-probe.c
 * does: the longest gap between two painted frames. With --malloc-trim
 * it calls malloc_trim (0) before reading its memory, as the probe does
 * with STEWARD_BENCH_MALLOC_TRIM=1.
 */

#define G_LOG_DOMAIN "steward-bench-chat-baseline"

#include "config.h"

#include <malloc.h>
#include <stdio.h>
#include <string.h>

#include <adwaita.h>

#define DEFAULT_WIDTH  960
#define DEFAULT_HEIGHT 680

static double   opt_seconds = 2.0;
static gboolean opt_spinner = FALSE;
static gboolean opt_malloc_trim = FALSE;

static gint64 first_paint_us;
static gint64 last_paint_us;
static gint64 longest_frame_us;
static guint  n_frames;

static gint64
read_rss_kb (void)
{
  g_autofree char *contents = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &contents, NULL, NULL))
    return -1;
  if ((line = strstr (contents, "\nVmRSS:")) == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen ("\nVmRSS:"), NULL, 10);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GApplication  *app)
{
  gint64 now = g_get_monotonic_time ();

  if (first_paint_us == 0)
    {
      /* The first frames carry start-up: measure from the second on. */
      first_paint_us = now;
      return;
    }

  if (last_paint_us != 0)
    longest_frame_us = MAX (longest_frame_us, now - last_paint_us);
  last_paint_us = now;
  n_frames++;

  if (now - first_paint_us >= opt_seconds * G_USEC_PER_SEC)
    {
      g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, app);
      if (opt_malloc_trim)
        malloc_trim (0);
      printf ("baseline rss_kb=%" G_GINT64_FORMAT " longest_frame_ms=%.2f frames=%u\n",
              read_rss_kb (), longest_frame_us / 1000.0, n_frames);
      fflush (stdout);
      g_application_quit (app);
    }
}

static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
realize_cb (GtkWidget    *window,
            GApplication *app)
{
  g_signal_connect_object (gtk_widget_get_frame_clock (window), "after-paint",
                           G_CALLBACK (after_paint_cb), app, 0);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *child;

  gtk_window_set_title (GTK_WINDOW (window), "Baseline Window");
  gtk_window_set_default_size (GTK_WINDOW (window), DEFAULT_WIDTH, DEFAULT_HEIGHT);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());

  if (opt_spinner)
    {
      child = gtk_spinner_new ();
      gtk_spinner_start (GTK_SPINNER (child));
    }
  else
    {
      child = gtk_label_new ("Baseline libadwaita window");
    }
  gtk_widget_set_vexpand (child, TRUE);
  gtk_box_append (GTK_BOX (box), child);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  /* The same steady clock the probe keeps in steward. */
  gtk_widget_add_tick_callback (window, tick_cb, NULL, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (realize_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_DOUBLE, &opt_seconds, "How long to count frames", "S" },
    { "spinner", 0, 0, G_OPTION_ARG_NONE, &opt_spinner, "Run a spinner", NULL },
    { "malloc-trim", 0, 0, G_OPTION_ARG_NONE, &opt_malloc_trim, "malloc_trim (0) before reading memory", NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  app = adw_application_new ("io.github.stewardapp.Steward.BenchChatBaseline",
                             G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 0, NULL);
}
