/* replay-dribble.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Sends a response body a few bytes at a time, so that clients meet their
 * events cut anywhere: inside a UTF-8 sequence, between CR and LF. Each
 * piece is its own HTTP chunk, appended only after the previous one was
 * written, with the main loop running in between.
 */

#define G_LOG_DOMAIN "steward-replay"

#include "config.h"

#include "replay-dribble.h"

/* One dribbled response. It lives as data on its message, so it can never
 * outlive it, and its timer goes with it.
 */
typedef struct
{
  /* Borrowed */
  SoupServerMessage *msg;

  /* Owned */
  GBytes            *body;

  gsize              offset;
  gsize              piece;
  guint              delay_ms;
  guint              timeout_id;
  gboolean           done;
} Dribble;

static void
dribble_free (gpointer data)
{
  Dribble *dribble = data;

  g_clear_handle_id (&dribble->timeout_id, g_source_remove);
  g_clear_pointer (&dribble->body, g_bytes_unref);
  g_free (dribble);
}

static gboolean
dribble_timeout_cb (gpointer user_data)
{
  Dribble *dribble = user_data;
  SoupMessageBody *body;
  gsize size = g_bytes_get_size (dribble->body);
  gsize len;

  dribble->timeout_id = 0;

  if (dribble->done)
    return G_SOURCE_REMOVE;

  body = soup_server_message_get_response_body (dribble->msg);
  len = MIN (dribble->piece, size - dribble->offset);
  if (len > 0)
    {
      g_autoptr(GBytes) piece = NULL;

      piece = g_bytes_new_from_bytes (dribble->body, dribble->offset, len);
      soup_message_body_append_bytes (body, piece);
      dribble->offset += len;
    }

  if (dribble->offset >= size)
    {
      soup_message_body_complete (body);
      dribble->done = TRUE;
    }

  soup_server_message_unpause (dribble->msg);

  return G_SOURCE_REMOVE;
}

static void
dribble_schedule (Dribble *dribble)
{
  if (dribble->done || dribble->timeout_id != 0)
    return;

  /* Even at 0 ms this goes back to the main loop, so every piece is
   * written on its own.
   */
  dribble->timeout_id = g_timeout_add (dribble->delay_ms,
                                       dribble_timeout_cb, dribble);
}

static void
dribble_wrote_chunk_cb (SoupServerMessage *msg,
                        gpointer           user_data)
{
  dribble_schedule (user_data);
}

static void
dribble_stop_cb (SoupServerMessage *msg,
                 gpointer           user_data)
{
  Dribble *dribble = user_data;

  if (!dribble->done && dribble->offset < g_bytes_get_size (dribble->body))
    g_debug ("Client gone after %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
             dribble->offset, g_bytes_get_size (dribble->body));

  dribble->done = TRUE;
  g_clear_handle_id (&dribble->timeout_id, g_source_remove);
}

/* Sends @body in pieces of @piece bytes with chunked encoding, waiting
 * @delay_ms between them. The caller has set the status and content type.
 */
void
replay_dribble_start (SoupServerMessage *msg,
                      GBytes            *body,
                      guint              piece,
                      guint              delay_ms)
{
  Dribble *dribble;

  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));
  g_return_if_fail (body != NULL);
  g_return_if_fail (piece > 0);

  soup_message_headers_set_encoding (soup_server_message_get_response_headers (msg),
                                     SOUP_ENCODING_CHUNKED);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (msg),
                                    FALSE);

  dribble = g_new0 (Dribble, 1);
  dribble->msg = msg;
  dribble->body = g_bytes_ref (body);
  dribble->piece = piece;
  dribble->delay_ms = delay_ms;
  g_object_set_data_full (G_OBJECT (msg), "replay-dribble",
                          dribble, dribble_free);

  g_signal_connect (msg, "wrote-chunk",
                    G_CALLBACK (dribble_wrote_chunk_cb), dribble);
  g_signal_connect (msg, "finished",
                    G_CALLBACK (dribble_stop_cb), dribble);
  g_signal_connect (msg, "disconnected",
                    G_CALLBACK (dribble_stop_cb), dribble);

  /* Nothing goes out until the first piece is there. */
  soup_server_message_pause (msg);
  dribble_schedule (dribble);
}
