/* steward-chat-turn-reply.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-turn"

#include "config.h"

#include "steward-chat-turn-private.h"
#include "steward-message-private.h"
#include "steward-provider-calls.h"

/* The reply as it arrives: shown as it grows (the message's "content"
 * once per frame), saved with status streaming every FLUSH_INTERVAL_MS,
 * and saved one last time with how it ended. */

#define FLUSH_INTERVAL_MS 250

/* What the store keeps of the reply besides its text; @tool_calls holds
 * the JSON text @record points to. */
static void
reply_record (StewardChatTurn     *self,
              StewardReplyRecord  *record,
              char               **tool_calls)
{
  *tool_calls = NULL;
  if (steward_reply_get_n_tool_calls (self->reply) > 0)
    {
      g_autoptr(JsonNode) calls = steward_reply_dup_tool_calls_json (self->reply);

      *tool_calls = json_to_string (calls, FALSE);
    }

  record->input_tokens = steward_reply_get_input_tokens (self->reply);
  record->output_tokens = steward_reply_get_output_tokens (self->reply);
  record->latency_ms = steward_reply_get_latency_ms (self->reply);
  record->model = steward_reply_get_model (self->reply);
  record->tool_calls = *tool_calls;
}

static gboolean
flush_cb (gpointer user_data)
{
  StewardChatTurn *self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *tool_calls = NULL;
  StewardReplyRecord record;

  if (!self->dirty)
    return G_SOURCE_CONTINUE;

  self->dirty = FALSE;
  reply_record (self, &record, &tool_calls);

  if (!steward_store_update_reply (self->store, self->reply_message_id,
                                   steward_reply_get_text (self->reply),
                                   STEWARD_MESSAGE_STATUS_STREAMING, NULL, &record, &error))
    g_warning ("Could not save the reply as it streams: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
show_unshown (StewardChatTurn *self)
{
  g_clear_handle_id (&self->show_source, g_source_remove);

  if (self->unshown->len > 0)
    {
      _steward_message_append_content (self->reply_message, self->unshown->str);
      g_string_truncate (self->unshown, 0);
    }
}

static gboolean
show_cb (gpointer user_data)
{
  StewardChatTurn *self = user_data;

  self->show_source = 0;
  show_unshown (self);

  return G_SOURCE_REMOVE;
}

/* One piece of a reply may carry many deltas: the message's "content" is
 * notified once for all of them, before the next frame. */
static void
text_delta_cb (StewardChatTurn *self,
               const char      *text,
               StewardReply    *reply)
{
  self->dirty = TRUE;
  g_string_append (self->unshown, text);

  if (self->show_source == 0)
    self->show_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, show_cb, self, NULL);
}

static void
finish_turn (StewardChatTurn *self,
             GTask           *task,
             GError          *error)
{
  g_autoptr(GError) store_error = NULL;
  g_autofree char *tool_calls = NULL;
  StewardReplyRecord record;
  StewardMessageStatus status;
  const char *error_message;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->reply, text_delta_cb, self);
  show_unshown (self);

  if (error == NULL)
    status = STEWARD_MESSAGE_STATUS_COMPLETE;
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    status = STEWARD_MESSAGE_STATUS_INTERRUPTED;
  else
    status = STEWARD_MESSAGE_STATUS_ERROR;

  self->status = status;
  error_message = status == STEWARD_MESSAGE_STATUS_ERROR ? error->message : NULL;
  reply_record (self, &record, &tool_calls);

  if (!steward_store_update_reply (self->store, self->reply_message_id,
                                   steward_reply_get_text (self->reply),
                                   status, error_message, &record, &store_error))
    {
      g_clear_error (&error);
      g_task_return_error (task, g_steal_pointer (&store_error));
      return;
    }

  _steward_message_finish (self->reply_message, status, error_message,
                           record.input_tokens, record.output_tokens, record.latency_ms,
                           record.model, record.tool_calls);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
chat_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardChatTurn *self = g_task_get_source_object (task);
  GError *error = NULL;

  steward_provider_calls_chat_finish (result, &error);
  finish_turn (self, task, error);
}

/* Sends the request and follows the reply until it ends; @task, owned,
 * returns then. */
void
_steward_chat_turn_stream_reply (StewardChatTurn *self,
                                 GTask           *task)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  g_assert (STEWARD_IS_CHAT_TURN (self));

  g_signal_connect_object (self->reply, "text-delta", G_CALLBACK (text_delta_cb),
                           self, G_CONNECT_SWAPPED);
  self->flush_source = g_timeout_add (FLUSH_INTERVAL_MS, flush_cb, self);

  steward_provider_calls_chat_async (self->provider, self->session, self->context->request,
                                     self->reply, cancellable, chat_cb, task);
}
