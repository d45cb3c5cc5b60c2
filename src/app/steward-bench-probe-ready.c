/* steward-bench-probe-ready.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-probe"

#include "config.h"

#include "steward-bench-probe-ready.h"

/* When a bench probe starts driving the window: once it has painted a
 * frame and the store is open, and then once start-up work (the first
 * lists, the Ollama probe) has had @settle_ms to finish. */

typedef struct
{
  StewardApplication    *app;
  GtkWindow             *window;
  GdkFrameClock         *frame_clock;
  StewardBenchReadyFunc  func;
  gpointer               user_data;
  guint                  settle_ms;
  guint                  settle_id;
  guint                  painted : 1;
  guint                  begun : 1;
} Ready;

static gboolean
settled_cb (gpointer data)
{
  Ready *ready = data;

  ready->settle_id = 0;
  ready->func (ready->frame_clock, ready->user_data);

  return G_SOURCE_REMOVE;
}

static void
maybe_begin (Ready *ready)
{
  if (ready->begun || !ready->painted || !steward_application_get_store_ready (ready->app))
    return;

  ready->begun = TRUE;
  g_signal_handlers_disconnect_by_data (ready->frame_clock, ready);
  ready->settle_id = g_timeout_add (ready->settle_ms, settled_cb, ready);
}

static void
store_ready_cb (StewardServices *services,
                GParamSpec      *pspec,
                Ready           *ready)
{
  maybe_begin (ready);
}

static void
first_paint_cb (GdkFrameClock *frame_clock,
                Ready         *ready)
{
  ready->painted = TRUE;
  maybe_begin (ready);
}

static void
window_realize_cb (GtkWidget *window,
                   Ready     *ready)
{
  if (ready->frame_clock != NULL)
    return;

  ready->frame_clock = g_object_ref (gtk_widget_get_frame_clock (window));
  g_signal_connect (ready->frame_clock, "after-paint", G_CALLBACK (first_paint_cb), ready);
}

static void
ready_free (gpointer data)
{
  Ready *ready = data;

  g_clear_handle_id (&ready->settle_id, g_source_remove);
  if (ready->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (ready->frame_clock, ready);
      g_clear_object (&ready->frame_clock);
    }
  g_signal_handlers_disconnect_by_data (steward_application_get_services (ready->app), ready);
  g_clear_object (&ready->app);
  g_free (ready);
}

/**
 * steward_bench_probe_when_ready:
 * @func: called once, with @window's frame clock
 *
 * Calls @func @settle_ms after @window first painted with the store
 * open; never once @window is gone.
 */
void
steward_bench_probe_when_ready (StewardApplication    *app,
                                GtkWindow             *window,
                                guint                  settle_ms,
                                StewardBenchReadyFunc  func,
                                gpointer               user_data)
{
  g_autofree char *key = NULL;
  Ready *ready;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (func != NULL);

  ready = g_new0 (Ready, 1);
  ready->app = g_object_ref (app);
  ready->window = window;
  ready->settle_ms = settle_ms;
  ready->func = func;
  ready->user_data = user_data;

  g_signal_connect (steward_application_get_services (app), "notify::ready", G_CALLBACK (store_ready_cb), ready);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), ready);
  key = g_strdup_printf ("steward-bench-ready-%p", user_data);
  g_object_set_data_full (G_OBJECT (window), g_intern_string (key), ready, ready_free);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), ready);
}
