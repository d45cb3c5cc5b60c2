/* steward-bench-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-probe"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "steward-bench-probe.h"

/* Start-up benchmark (bench/): with STEWARD_BENCH_FIRST_FRAME set, print when
 * the first frame was painted and when the store finished opening, then quit.
 * The output is read by a script, so it is not translated.
 */

typedef struct
{
  StewardApplication *app;
  GdkFrameClock      *frame_clock;
  gulong              after_paint_id;
  gulong              store_ready_id;
  guint               first_frame_done : 1;
  guint               store_ready_done : 1;
} BenchProbe;

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
bench_probe_maybe_finish (BenchProbe *probe)
{
  if (!probe->first_frame_done || !probe->store_ready_done)
    return;

  fflush (stdout);
  g_application_quit (G_APPLICATION (probe->app));
}

static void
bench_probe_store_ready (BenchProbe *probe)
{
  if (probe->store_ready_done)
    return;

  probe->store_ready_done = TRUE;
  g_print ("store-ready monotonic_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  bench_probe_maybe_finish (probe);
}

static void
bench_probe_store_ready_cb (StewardServices *services,
                            GParamSpec      *pspec,
                            BenchProbe      *probe)
{
  if (steward_services_get_ready (services))
    bench_probe_store_ready (probe);
}

static void
bench_probe_after_paint_cb (GdkFrameClock *frame_clock,
                            BenchProbe    *probe)
{
  gint64 now = g_get_monotonic_time ();

  g_clear_signal_handler (&probe->after_paint_id, frame_clock);

  probe->first_frame_done = TRUE;
  g_print ("first-frame monotonic_us=%" G_GINT64_FORMAT " rss_kb=%" G_GINT64_FORMAT "\n",
           now, read_rss_kb ());
  bench_probe_maybe_finish (probe);
}

static void
bench_probe_realize_cb (GtkWidget  *window,
                        BenchProbe *probe)
{
  if (probe->frame_clock != NULL)
    return;

  probe->frame_clock = g_object_ref (gtk_widget_get_frame_clock (window));
  probe->after_paint_id = g_signal_connect (probe->frame_clock,
                                            "after-paint",
                                            G_CALLBACK (bench_probe_after_paint_cb),
                                            probe);
}

static void
bench_probe_free (gpointer data)
{
  BenchProbe *probe = data;

  if (probe->frame_clock != NULL)
    g_clear_signal_handler (&probe->after_paint_id, probe->frame_clock);
  g_clear_signal_handler (&probe->store_ready_id, steward_application_get_services (probe->app));
  g_clear_object (&probe->frame_clock);
  g_clear_object (&probe->app);
  g_free (probe);
}

void
steward_bench_probe_attach (StewardApplication *app,
                            GtkWindow          *window)
{
  BenchProbe *probe;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (GTK_IS_WINDOW (window));

  probe = g_new0 (BenchProbe, 1);
  probe->app = g_object_ref (app);
  probe->store_ready_id = g_signal_connect (steward_application_get_services (app),
                                            "notify::ready",
                                            G_CALLBACK (bench_probe_store_ready_cb),
                                            probe);
  g_signal_connect (window, "realize", G_CALLBACK (bench_probe_realize_cb), probe);
  g_object_set_data_full (G_OBJECT (window), "steward-bench-probe", probe, bench_probe_free);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    bench_probe_realize_cb (GTK_WIDGET (window), probe);

  if (steward_application_get_store_ready (app))
    bench_probe_store_ready (probe);
}
