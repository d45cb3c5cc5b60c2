/* steward-bench-chat-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-chat-probe"

#include "config.h"

#include <glib/gi18n.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "steward-bench-chat-probe.h"
#include "steward-chat-view.h"
#include "steward-enum-types.h"
#include "steward-message-row.h"
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
 *   STEWARD_BENCH_CHAT_SESSION=N  a long live session: in a new
 *     conversation, send a message, wait until its reply is complete and
 *     the main loop has settled, send the next, N times, as a user would
 *     (steward_chat_view_send ()). Prints a line every 10 turns and, at
 *     the end, the resident memory after the first, the (N/2)th and the
 *     Nth reply:
 *       session-turn n=<…> rss_kb=<…> items=<…> rows=<…> heap_used_kb=<…> heap_free_kb=<…>
 *       chat-session turns=<…> ms=<…> rss_first_kb=<…> rss_half_kb=<…> rss_kb=<…> items=<…> rows=<…>
 *         heap_used_kb=<…> heap_free_kb=<…> not_complete=<…> status=<…>
 *     (one line). items is how many messages the view's list holds, rows
 *     how many message row widgets exist, heap_* what malloc has in use
 *     and holds free (mallinfo2 ()): to tell where the memory goes.
 *   STEWARD_BENCH_MALLOC_TRIM=1  call malloc_trim (0) before each
 *     reading of the session, as bench-chat-baseline --malloc-trim does.
 *   STEWARD_BENCH_CHAT_SESSION_EXIT=1  at the end of the session, exit ()
 *     at once rather than close the window: a memory profiler such as
 *     heaptrack then reports everything still alive as leaked, and two
 *     sessions of different lengths can be compared.
 *
 * The output is read by a program, so it is not translated.
 */

#define SETTLE_MS 500
/* Frames painted after a reply ends before the session reads its memory
 * or sends the next message. */
#define SESSION_SETTLE_FRAMES 3
#define SESSION_PRINT_EVERY   10

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

  /* STEWARD_BENCH_CHAT_SESSION */
  StewardChatView    *view;
  guint               session_turns;
  guint               turns_done;
  guint               settle_tick_id;
  guint               settle_frames;
  guint               settled_id;
  guint               not_complete;
  StewardMessageStatus bad_status;
  gint64              last_reply_id;
  gint64              rss_first_kb;
  gint64              rss_half_kb;

  gint64              start_us;
  gint64              end_us;
  gint64              last_paint_us;
  gint64              longest_frame_us;
  guint               n_frames;

  guint               painted : 1;
  guint               measuring : 1;
  guint               done : 1;
  guint               malloc_trim : 1;
  guint               reply_done : 1;
  guint               settling : 1;
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

/* -- a long session ------------------------------------------------------ */

static void
count_rows (GtkWidget *widget,
            guint     *n_rows)
{
  if (STEWARD_IS_MESSAGE_ROW (widget))
    {
      (*n_rows)++;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    count_rows (child, n_rows);
}

/* What is worth knowing beside the resident memory, to find out where it
 * goes: " items=… rows=… heap_used_kb=… heap_free_kb=…" */
static void
append_session_details (ChatProbe *probe,
                        GString   *line)
{
  struct mallinfo2 info = mallinfo2 ();
  guint n_rows = 0;

  count_rows (GTK_WIDGET (probe->view), &n_rows);
  g_string_append_printf (line, " items=%u rows=%u heap_used_kb=%zu heap_free_kb=%zu",
                          g_list_model_get_n_items (steward_chat_view_get_messages (probe->view)),
                          n_rows,
                          (info.uordblks + info.hblkhd) / 1024,
                          info.fordblks / 1024);
}

static gint64
session_read_rss_kb (ChatProbe *probe)
{
  if (probe->malloc_trim)
    malloc_trim (0);

  return read_rss_kb ();
}

static void
session_send_next (ChatProbe *probe)
{
  g_autofree char *text = NULL;

  if (probe->reply != NULL)
    {
      g_signal_handlers_disconnect_by_data (probe->reply, probe);
      g_clear_object (&probe->reply);
    }
  probe->reply_done = FALSE;

  /* A question of a line, as typed. */
  text = g_strdup_printf ("Question %u of %u: what should I do next with the plan?",
                          probe->turns_done + 1, probe->session_turns);
  steward_chat_view_send (probe->view, text);

  if (!steward_chat_view_get_busy (probe->view))
    {
      g_print ("chat-session turns=%u error=send\n", probe->turns_done);
      chat_probe_quit (probe);
    }
}

static gboolean
session_settled_cb (gpointer user_data)
{
  ChatProbe *probe = user_data;
  guint half = MAX (probe->session_turns / 2, 1);
  gint64 rss_kb;

  probe->settled_id = 0;
  probe->turns_done++;
  rss_kb = session_read_rss_kb (probe);

  if (probe->turns_done == 1)
    probe->rss_first_kb = rss_kb;
  if (probe->turns_done == half)
    probe->rss_half_kb = rss_kb;

  if (probe->turns_done % SESSION_PRINT_EVERY == 0 || probe->turns_done == 1)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      g_string_append_printf (line, "session-turn n=%u rss_kb=%" G_GINT64_FORMAT, probe->turns_done, rss_kb);
      append_session_details (probe, line);
      g_print ("%s\n", line->str);
    }

  if (probe->turns_done < probe->session_turns)
    {
      session_send_next (probe);
      return G_SOURCE_REMOVE;
    }

  {
    g_autoptr(GString) line = g_string_new (NULL);

    g_string_append_printf (line,
                            "chat-session turns=%u ms=%.0f rss_first_kb=%" G_GINT64_FORMAT
                            " rss_half_kb=%" G_GINT64_FORMAT " rss_kb=%" G_GINT64_FORMAT,
                            probe->turns_done,
                            (g_get_monotonic_time () - probe->start_us) / 1000.0,
                            probe->rss_first_kb, probe->rss_half_kb, rss_kb);
    append_session_details (probe, line);
    g_string_append_printf (line, " not_complete=%u status=%s", probe->not_complete,
                            steward_enum_to_nick (STEWARD_TYPE_MESSAGE_STATUS, probe->bad_status));
    g_print ("%s\n", line->str);
  }

  if (g_strcmp0 (g_getenv ("STEWARD_BENCH_CHAT_SESSION_EXIT"), "1") == 0)
    {
      fflush (stdout);
      exit (0);
    }

  chat_probe_quit (probe);

  return G_SOURCE_REMOVE;
}

/* Counts the frames painted since the turn ended; then, once the main
 * loop has nothing more urgent to do, the turn is over. */
static void
session_frame_painted (ChatProbe *probe)
{
  if (++probe->settle_frames < SESSION_SETTLE_FRAMES)
    return;

  probe->settling = FALSE;
  gtk_widget_remove_tick_callback (GTK_WIDGET (probe->window), probe->settle_tick_id);
  probe->settle_tick_id = 0;
  probe->settled_id = g_idle_add_full (G_PRIORITY_LOW, session_settled_cb, probe, NULL);
}

/* A turn is over when its reply is no longer streaming and the view has
 * let go of the turn (the composer takes a message again). */
static void
session_maybe_settle (ChatProbe *probe)
{
  if (probe->session_turns == 0 || !probe->reply_done || probe->settling || probe->settled_id != 0 ||
      steward_chat_view_get_busy (probe->view))
    return;

  /* Frames are asked for, as if something moved, so that a settled
   * frame comes whether or not the view had anything left to draw. */
  probe->settling = TRUE;
  probe->settle_frames = 0;
  probe->settle_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (probe->window), keep_ticking_cb, NULL, NULL);
}

static void
view_busy_cb (StewardChatView *view,
              GParamSpec      *pspec,
              ChatProbe       *probe)
{
  session_maybe_settle (probe);
}

/* Whether the chat view shows messages of @conversation_id */
static gboolean
shows_conversation (ChatProbe *probe,
                    gint64     conversation_id)
{
  StewardChatPage *page = steward_window_get_chat_page (probe->window);
  GListModel *messages = steward_chat_view_get_messages (steward_chat_page_get_chat_view (page));
  g_autoptr(StewardMessage) last = NULL;
  guint n_items = g_list_model_get_n_items (messages);

  if (n_items == 0)
    return FALSE;

  last = g_list_model_get_item (messages, n_items - 1);

  return steward_message_get_conversation_id (last) == conversation_id;
}

static void
chat_probe_after_paint_cb (GdkFrameClock *frame_clock,
                           ChatProbe     *probe)
{
  gint64 now = g_get_monotonic_time ();

  probe->painted = TRUE;

  if (probe->settling)
    session_frame_painted (probe);

  if (probe->done || !probe->measuring || probe->session_turns != 0)
    return;

  if (probe->open_id != 0)
    {
      /* The frame that shows the conversation: its end is read in a
       * worker, and frames before it still show what was there. */
      if (!shows_conversation (probe, probe->open_id))
        return;

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
  StewardMessageStatus status = steward_message_get_status (reply);

  if (status == STEWARD_MESSAGE_STATUS_STREAMING)
    return;

  if (probe->end_us == 0)
    probe->end_us = g_get_monotonic_time ();

  if (probe->session_turns != 0 && !probe->reply_done)
    {
      probe->reply_done = TRUE;
      if (status != STEWARD_MESSAGE_STATUS_COMPLETE)
        {
          probe->not_complete++;
          probe->bad_status = status;
        }
      session_maybe_settle (probe);
    }
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
  if (steward_message_get_role (last) != STEWARD_MESSAGE_ROLE_ASSISTANT ||
      steward_message_get_id (last) == probe->last_reply_id)
    return;

  probe->reply = g_object_ref (last);
  probe->last_reply_id = steward_message_get_id (last);
  g_signal_connect (probe->reply, "notify::status", G_CALLBACK (reply_status_cb), probe);

  /* Done before anyone could listen. */
  if (steward_message_get_status (last) != STEWARD_MESSAGE_STATUS_STREAMING)
    reply_status_cb (probe->reply, NULL, probe);
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

  g_signal_connect (steward_chat_view_get_messages (view), "items-changed",
                    G_CALLBACK (messages_changed_cb), probe);

  steward_chat_page_new_conversation (page);
  probe->measuring = TRUE;
  probe->start_us = g_get_monotonic_time ();

  /* A session is typed into a window that draws when something moves,
   * not under a spinner. */
  if (probe->session_turns != 0)
    {
      probe->view = view;
      g_signal_connect (view, "notify::busy", G_CALLBACK (view_busy_cb), probe);
      session_send_next (probe);
      return G_SOURCE_REMOVE;
    }

  /* A frame every vsync, as a spinner would ask for: a stall shows up as
   * a long gap between two frames. */
  probe->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (probe->window), keep_ticking_cb, NULL, NULL);
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
  g_clear_handle_id (&probe->settled_id, g_source_remove);
  if (probe->view != NULL)
    g_signal_handlers_disconnect_by_data (probe->view, probe);
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
  const char *session = g_getenv ("STEWARD_BENCH_CHAT_SESSION");
  ChatProbe *probe;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (STEWARD_IS_WINDOW (window));

  if (open_id == NULL && send_text == NULL && session == NULL)
    return;

  probe = g_new0 (ChatProbe, 1);
  probe->app = g_object_ref (app);
  probe->window = STEWARD_WINDOW (window);
  probe->open_id = open_id ? g_ascii_strtoll (open_id, NULL, 10) : 0;
  probe->send_text = g_strdup (send_text);
  probe->session_turns = session ? (guint)g_ascii_strtoull (session, NULL, 10) : 0;
  probe->malloc_trim = g_strcmp0 (g_getenv ("STEWARD_BENCH_MALLOC_TRIM"), "1") == 0;
  probe->bad_status = STEWARD_MESSAGE_STATUS_COMPLETE;

  g_signal_connect (steward_application_get_services (app), "notify::ready", G_CALLBACK (store_ready_cb), probe);
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), probe);
  g_object_set_data_full (G_OBJECT (window), "steward-bench-chat-probe", probe, chat_probe_free);

  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    window_realize_cb (GTK_WIDGET (window), probe);
}
