/* steward-bench-chat-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-chat-probe"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "steward-bench-chat-probe.h"
#include "steward-chat-view.h"
#include "steward-enum-types.h"
#include "steward-window.h"

/* Chat benchmark (bench/bench-chat.c), driven by the environment:
 *
 *   STEWARD_BENCH_CHAT_OPEN=ID   once the window has painted and the store
 *     is open, switch to conversation ID and print the time to the frame
 *     that shows it, and the resident memory after, then quit:
 *       chat-open ms=<…> rss_kb=<…> rss_before_kb=<…>
 *   STEWARD_BENCH_CHAT_SEND=TEXT  send TEXT in a new conversation, keep the
 *     frame clock running and print, when the reply is complete and
 *     painted, how long it took and the longest gap between frames:
 *       chat-stream ms=<…> chars=<…> longest_frame_ms=<…> frames=<…> status=<…>
 *
 * The output is read by a program, so it is not translated.
 */

#define SETTLE_MS 500

typedef struct
{
  StewardApplication *app;
  StewardWindow      *window;
  GdkFrameClock      *frame_clock;
  StewardMessage     *reply;
  gulong              after_paint_id;
  guint               tick_id;
  guint               settle_id;

  gint64              open_id;
  char               *send_text;

  gint64              start_us;
  gint64              end_us;
  gint64              last_paint_us;
  gint64              longest_frame_us;
  guint               n_frames;

  guint               painted : 1;
  guint               measuring : 1;
  guint               done : 1;
} ChatProbe;

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
chat_probe_quit (ChatProbe *probe)
{
  probe->done = TRUE;
  fflush (stdout);
  gtk_window_close (GTK_WINDOW (probe->window));
}

static gboolean
keep_ticking_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
chat_probe_after_paint_cb (GdkFrameClock *frame_clock,
                           ChatProbe     *probe)
{
  gint64 now = g_get_monotonic_time ();

  probe->painted = TRUE;

  if (probe->done || !probe->measuring)
    return;

  if (probe->open_id != 0)
    {
      g_print ("chat-open ms=%.2f rss_kb=%" G_GINT64_FORMAT "\n",
               (now - probe->start_us) / 1000.0, read_rss_kb ());
      chat_probe_quit (probe);
      return;
    }

  if (probe->last_paint_us != 0)
    probe->longest_frame_us = MAX (probe->longest_frame_us, now - probe->last_paint_us);
  probe->last_paint_us = now;
  probe->n_frames++;

  if (probe->end_us != 0)
    {
      g_print ("chat-stream ms=%.2f chars=%zu longest_frame_ms=%.2f frames=%u status=%s\n",
               (now - probe->start_us) / 1000.0,
               strlen (steward_message_get_content (probe->reply)),
               probe->longest_frame_us / 1000.0,
               probe->n_frames,
               steward_enum_to_nick (STEWARD_TYPE_MESSAGE_STATUS, steward_message_get_status (probe->reply)));
      chat_probe_quit (probe);
    }
}

static void
reply_status_cb (StewardMessage *reply,
                 GParamSpec     *pspec,
                 ChatProbe      *probe)
{
  if (steward_message_get_status (reply) != STEWARD_MESSAGE_STATUS_STREAMING && probe->end_us == 0)
    probe->end_us = g_get_monotonic_time ();
}

static void
messages_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     ChatProbe  *probe)
{
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(StewardMessage) last = NULL;

  if (probe->reply != NULL || n_items == 0)
    return;

  last = g_list_model_get_item (model, n_items - 1);
  if (steward_message_get_role (last) != STEWARD_MESSAGE_ROLE_ASSISTANT)
    return;

  probe->reply = g_object_ref (last);
  g_signal_connect (probe->reply, "notify::status", G_CALLBACK (reply_status_cb), probe);
}

static gboolean
chat_probe_begin_cb (gpointer user_data)
{
  ChatProbe *probe = user_data;
  StewardChatPage *page = steward_window_get_chat_page (probe->window);
  StewardChatView *view = steward_chat_page_get_chat_view (page);

  probe->settle_id = 0;

  steward_window_set_page (probe->window, "chat");

  if (probe->open_id != 0)
    {
      probe->measuring = TRUE;
      probe->start_us = g_get_monotonic_time ();
      steward_chat_page_show_conversation (page, probe->open_id);
      return G_SOURCE_REMOVE;
    }

  /* A frame every vsync, as a spinner would ask for: a stall shows up as
   * a long gap between two frames. */
  probe->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (probe->window), keep_ticking_cb, NULL, NULL);
  g_signal_connect (steward_chat_view_get_messages (view), "items-changed",
                    G_CALLBACK (messages_changed_cb), probe);

  steward_chat_page_new_conversation (page);
  probe->measuring = TRUE;
  probe->start_us = g_get_monotonic_time ();
  steward_chat_view_send (view, probe->send_text);

  return G_SOURCE_REMOVE;
}

static void
chat_probe_maybe_begin (ChatProbe *probe)
{
  if (probe->settle_id != 0 || probe->measuring || !probe->painted)
    return;

  if (!steward_application_get_store_ready (probe->app))
    return;

  /* Let start-up work (the first list, the Ollama probe) finish first. */
  probe->settle_id = g_timeout_add (SETTLE_MS, chat_probe_begin_cb, probe);
}

static void
store_ready_cb (StewardServices *services,
                GParamSpec      *pspec,
                ChatProbe       *probe)
{
  chat_probe_maybe_begin (probe);
}

static void
first_paint_cb (GdkFrameClock *frame_clock,
                ChatProbe     *probe)
{
  probe->painted = TRUE;
  chat_probe_maybe_begin (probe);
}

static void
window_realize_cb (GtkWidget *window,
                   ChatProbe *probe)
{
  if (probe->frame_clock != NULL)
    return;

  probe->frame_clock = g_object_ref (gtk_widget_get_frame_clock (window));
  probe->after_paint_id = g_signal_connect (probe->frame_clock, "after-paint",
                                            G_CALLBACK (chat_probe_after_paint_cb), probe);
  g_signal_connect (probe->frame_clock, "after-paint", G_CALLBACK (first_paint_cb), probe);
}

static void
chat_probe_free (gpointer data)
{
  ChatProbe *probe = data;

  g_clear_handle_id (&probe->settle_id, g_source_remove);
  if (probe->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (probe->frame_clock, probe);
      g_clear_object (&probe->frame_clock);
    }
  if (probe->reply != NULL)
    g_signal_handlers_disconnect_by_data (probe->reply, probe);
  g_signal_handlers_disconnect_by_data (probe->app, probe);
  g_clear_object (&probe->reply);
  g_clear_object (&probe->app);
  g_free (probe->send_text);
  g_free (probe);
}

void
steward_bench_chat_probe_attach (StewardApplication *app,
                                 GtkWindow          *window)
{
  const char *open_id = g_getenv ("STEWARD_BENCH_CHAT_OPEN");
  const char *send_text = g_getenv ("STEWARD_BENCH_CHAT_SEND");
  ChatProbe *probe;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (STEWARD_IS_WINDOW (window));

  if (open_id == NULL && send_text == NULL)
    return;

  probe = g_new0 (ChatProbe, 1);
  probe->app = g_object_ref (app);
  probe->window = STEWARD_WINDOW (window);
  probe->open_id = open_id ? g_ascii_strtoll (open_id, NULL, 10) : 0;
  probe->send_text = g_strdup (send_text);

  g_signal_connect (steward_application_get_services (app), "notify::ready", G_CALLBACK (store_ready_cb), probe);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), probe);
  g_object_set_data_full (G_OBJECT (window), "steward-bench-chat-probe", probe, chat_probe_free);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), probe);
}
