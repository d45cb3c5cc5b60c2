/* steward-bench-quick-chat-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-probe"

#include "config.h"

#include <stdio.h>

#include "steward-bench-quick-chat-probe.h"

/* Quick chat's bench (bench/bench-quick-chat.c): with
 * STEWARD_BENCH_QUICK_CHAT set, print when the quick chat window has been
 * made, the time of each first frame after it is shown, and hide it
 * again, so that the bench can open it as often as it likes. The output
 * is read by the bench, so it is not translated. */

static gboolean
hide_cb (gpointer user_data)
{
  GtkWindow *window = user_data;

  gtk_window_close (window);
  g_print ("quick-chat-hidden\n");
  fflush (stdout);

  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                GtkWindow     *window)
{
  g_signal_handlers_disconnect_by_func (frame_clock, after_paint_cb, window);

  g_print ("quick-chat-frame monotonic_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);

  g_idle_add_full (G_PRIORITY_LOW, hide_cb, g_object_ref (window), g_object_unref);
}

static void
map_cb (GtkWidget *window)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (window);

  if (frame_clock != NULL)
    g_signal_connect_object (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), window, 0);
}

void
steward_bench_quick_chat_probe_attach (GtkWindow *window)
{
  g_return_if_fail (GTK_IS_WINDOW (window));

  if (g_getenv ("STEWARD_BENCH_QUICK_CHAT") == NULL)
    return;

  g_signal_connect (window, "map", G_CALLBACK (map_cb), NULL);
  g_print ("quick-chat-ready monotonic_us=%" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
}
