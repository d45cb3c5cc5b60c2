/* steward-chat-turn.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-turn"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-private.h"
#include "steward-chat-turn.h"
#include "steward-context.h"
#include "steward-enum-types.h"
#include "steward-message-private.h"
#include "steward-provider-calls.h"
#include "steward-system-prompt.h"

/* One turn of a conversation: the user's message is committed before the
 * request goes out; the reply is saved as it grows (status streaming,
 * flushed every FLUSH_INTERVAL_MS) and ends complete, interrupted
 * (cancelled) or error with the sentence that says why. Nothing the
 * user typed and nothing that arrived is ever lost. */

#define FLUSH_INTERVAL_MS 250
#define TITLE_LENGTH      60

struct _StewardChatTurn
{
  GObject          parent_instance;

  /* Owned */
  StewardStore    *store;
  StewardProviderRegistry *providers;
  SoupSession     *session;
  StewardProvider *provider;
  StewardReply    *reply;
  StewardMessage  *user_message;
  StewardMessage  *reply_message;
  char            *text;
  char            *tier;
  char            *provider_name;
  char            *model;
  StewardMessageStatus status;
  gboolean         started;
  StewardContext  *context;
  char            *summary;

  gint64           conversation_id;
  gint64           user_message_id;
  gint64           reply_message_id;
  guint            flush_source;
  guint            show_source;
  GString         *unshown;
  guint            dirty : 1;
};

G_DEFINE_FINAL_TYPE (StewardChatTurn, steward_chat_turn, G_TYPE_OBJECT)

static void
steward_chat_turn_dispose (GObject *object)
{
  StewardChatTurn *self = (StewardChatTurn *)object;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_handle_id (&self->show_source, g_source_remove);
  g_clear_object (&self->store);
  g_clear_object (&self->providers);
  g_clear_object (&self->session);
  g_clear_object (&self->provider);
  g_clear_object (&self->reply);
  g_clear_object (&self->user_message);
  g_clear_object (&self->reply_message);

  G_OBJECT_CLASS (steward_chat_turn_parent_class)->dispose (object);
}

static void
steward_chat_turn_finalize (GObject *object)
{
  StewardChatTurn *self = (StewardChatTurn *)object;

  g_free (self->text);
  g_free (self->tier);
  g_free (self->provider_name);
  g_free (self->model);
  g_clear_pointer (&self->context, steward_context_free);
  g_free (self->summary);
  g_string_free (self->unshown, TRUE);

  G_OBJECT_CLASS (steward_chat_turn_parent_class)->finalize (object);
}

enum {
  STARTED,
  REMEMBERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
steward_chat_turn_class_init (StewardChatTurnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_chat_turn_dispose;
  object_class->finalize = steward_chat_turn_finalize;

  /**
   * StewardChatTurn::started:
   *
   * The user's message and the (empty, streaming) reply are stored: a view
   * shows steward_chat_turn_get_user_message() and
   * steward_chat_turn_get_reply_message(), whose "content" then grows.
   */
  signals[STARTED] =
    g_signal_new ("started",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StewardChatTurn::remembered:
   * @memories: (element-type StewardMemory): what was just added to
   *   long-term memory
   *
   * The user said "remember …", or automatic memory proposed facts after
   * the exchange: the app shows "Remembered: …" with Undo.
   */
  signals[REMEMBERED] =
    g_signal_new ("remembered",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_PTR_ARRAY);
}

static void
steward_chat_turn_init (StewardChatTurn *self)
{
  self->reply = steward_reply_new ();
  self->tier = g_strdup ("medium");
  self->unshown = g_string_new (NULL);
}

StewardChatTurn *
steward_chat_turn_new (StewardServices *services,
                       const char      *text)
{
  StewardChatTurn *self;

  g_return_val_if_fail (STEWARD_IS_SERVICES (services), NULL);
  g_return_val_if_fail (steward_services_get_store (services) != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_CHAT_TURN, NULL);
  self->store = g_object_ref (steward_services_get_store (services));
  self->providers = g_object_ref (steward_services_get_providers (services));
  self->session = g_object_ref (steward_services_get_session (services));
  self->text = g_strdup (text);

  return self;
}

void
steward_chat_turn_set_conversation_id (StewardChatTurn *self,
                                       gint64           conversation_id)
{
  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));

  self->conversation_id = conversation_id;
}

void
steward_chat_turn_set_tier (StewardChatTurn *self,
                            const char      *tier)
{
  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));

  g_free (self->tier);
  self->tier = g_strdup (tier ? tier : "medium");
}

void
steward_chat_turn_set_provider (StewardChatTurn *self,
                                const char      *provider,
                                const char      *model)
{
  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));

  g_free (self->provider_name);
  g_free (self->model);
  self->provider_name = g_strdup (provider);
  self->model = g_strdup (model);
}

gint64
steward_chat_turn_get_conversation_id (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), 0);

  return self->conversation_id;
}

gint64
steward_chat_turn_get_user_message_id (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), 0);

  return self->user_message_id;
}

gint64
steward_chat_turn_get_reply_message_id (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), 0);

  return self->reply_message_id;
}

/**
 * steward_chat_turn_get_reply:
 *
 * Returns: (transfer none): the reply as it grows; connect to its
 *   "text-delta" signal to show text as it arrives
 */
StewardReply *
steward_chat_turn_get_reply (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), NULL);

  return self->reply;
}

/**
 * steward_chat_turn_get_user_message:
 *
 * Returns: (transfer none) (nullable): the stored user message, once the
 *   turn started
 */
StewardMessage *
steward_chat_turn_get_user_message (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), NULL);

  return self->user_message;
}

/**
 * steward_chat_turn_get_reply_message:
 *
 * Returns: (transfer none) (nullable): the stored reply, once the turn
 *   started; its "content" grows as text arrives and its "status" ends
 *   complete, interrupted or error
 */
StewardMessage *
steward_chat_turn_get_reply_message (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), NULL);

  return self->reply_message;
}

/**
 * steward_chat_turn_get_status:
 *
 * Returns: the stored status of the reply: streaming until it ends (and
 *   before the turn started), then complete, interrupted or error
 */
StewardMessageStatus
steward_chat_turn_get_status (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), STEWARD_MESSAGE_STATUS_STREAMING);

  return self->status;
}

static gboolean
resolve_provider (StewardChatTurn  *self,
                  GError          **error)
{
  g_autofree char *model = NULL;

  if (!_steward_resolve_model (self->store, self->providers, self->tier, self->provider_name, self->model,
                               &self->provider, &model, error))
    return FALSE;

  /* An explicit provider is not a tier. */
  if (self->provider_name != NULL)
    g_clear_pointer (&self->tier, g_free);

  g_free (self->provider_name);
  self->provider_name = g_strdup (steward_provider_get_name (self->provider));
  g_free (self->model);
  self->model = g_steal_pointer (&model);

  return TRUE;
}

static char *
make_title (const char *text)
{
  g_autofree char *line = NULL;
  const char *newline;
  glong len;

  while (g_unichar_isspace (g_utf8_get_char (text)) && *text)
    text = g_utf8_next_char (text);

  newline = strchr (text, '\n');
  line = newline ? g_strndup (text, newline - text) : g_strdup (text);
  g_strstrip (line);

  len = g_utf8_strlen (line, -1);
  if (len <= TITLE_LENGTH)
    return g_steal_pointer (&line);

  {
    g_autofree char *cut = g_utf8_substring (line, 0, TITLE_LENGTH - 1);

    g_strchomp (cut);
    return g_strconcat (cut, "…", NULL);
  }
}

/* What a turn may send: the context size of the model this turn resolved
 * (its own, else the default), the rest from the settings. */
static void
read_limits (StewardChatTurn      *self,
             StewardContextLimits *limits)
{
  g_assert (STEWARD_IS_CHAT_TURN (self));

  limits->window_exchanges = (guint) _steward_setting_int (self->store, "memory.short-term-exchanges");
  limits->reply_tokens = _steward_setting_int (self->store, "chat.reply-tokens");
  limits->context_tokens = _steward_context_tokens (self->store, self->provider_name, self->model);

  /* A reply never takes more than half of the context, so that a model
   * with a small context still gets the window, and is never asked for
   * more tokens than it can hold. */
  limits->reply_tokens = MIN (limits->reply_tokens, limits->context_tokens / 2);
}

/* The request for this turn: system part (personalization, memories and
 * the rolling summary), the window of recent exchanges, the new message.
 * Sets self->context; its fold_through says whether older exchanges must
 * be folded into the summary before sending. */
static gboolean
build_context (StewardChatTurn  *self,
               GError          **error)
{
  g_autoptr(GListModel) history = NULL;
  g_autofree char *system = NULL;
  g_autofree char *summary = NULL;
  gint64 summary_through = 0;
  StewardContextLimits limits;

  read_limits (self, &limits);

  if (!(system = steward_system_prompt_build (self->store, self->text, error)))
    return FALSE;

  if (self->conversation_id != 0)
    {
      if (!steward_store_get_summary (self->store, self->conversation_id, &summary, &summary_through, error) ||
          !(history = steward_store_list_messages (self->store, self->conversation_id, error)))
        return FALSE;
    }

  g_clear_pointer (&self->context, steward_context_free);
  self->context = steward_context_build (history, summary, summary_through, system,
                                         self->model, self->text, &limits);
  self->context->request->timeout_seconds = (guint) _steward_setting_int (self->store, "chat.response-timeout");
  self->context->request->deadline_seconds = (guint) _steward_setting_int (self->store, "chat.reply-deadline");
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);

  return TRUE;
}

/* Exactly what goes to the model, kept with the reply so the user can
 * see it (message details → Context). */
static char *
context_to_json (StewardChatTurn *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  StewardChatRequest *request = self->context->request;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "provider");
  json_builder_add_string_value (builder, self->provider_name);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, request->model);
  json_builder_set_member_name (builder, "system");
  json_builder_add_string_value (builder, request->system ? request->system : "");
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, steward_enum_to_nick (STEWARD_TYPE_MESSAGE_ROLE, message->role));
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, message->content);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "estimated_tokens");
  json_builder_add_int_value (builder, self->context->estimated_tokens);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

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

/* The message is in the store from here on: whatever happens next, the
 * user's words are not lost. */
static void
commit_and_stream (StewardChatTurn *self,
                   GTask           *task)
{
  g_autofree char *context_json = NULL;
  g_autofree char *fact = NULL;
  GCancellable *cancellable = g_task_get_cancellable (task);
  GError *error = NULL;

  if (self->conversation_id == 0)
    {
      g_autofree char *title = make_title (self->text);

      if (!(self->conversation_id = steward_store_create_conversation (self->store, title, &error)))
        {
          g_task_return_error (task, error);
          g_object_unref (task);
          return;
        }
    }

  self->user_message_id = steward_store_add_message (self->store, self->conversation_id,
                                                     STEWARD_MESSAGE_ROLE_USER, self->text,
                                                     STEWARD_MESSAGE_STATUS_COMPLETE,
                                                     NULL, NULL, NULL, &error);
  if (self->user_message_id == 0)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  self->reply_message_id = steward_store_add_message (self->store, self->conversation_id,
                                                      STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                                                      STEWARD_MESSAGE_STATUS_STREAMING,
                                                      self->provider_name, self->model,
                                                      self->tier, &error);
  context_json = context_to_json (self);
  if (self->reply_message_id == 0 ||
      !steward_store_set_message_context (self->store, self->reply_message_id, context_json, &error) ||
      !(self->user_message = steward_store_find_message (self->store, self->user_message_id, &error)) ||
      !(self->reply_message = steward_store_find_message (self->store, self->reply_message_id, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  self->started = TRUE;
  self->status = STEWARD_MESSAGE_STATUS_STREAMING;
  g_signal_emit (self, signals[STARTED], 0);

  /* "Remember that …" is kept at once; the model still answers. */
  if ((fact = _steward_parse_remember (self->text)))
    {
      gint64 id = steward_store_add_memory (self->store, fact, FALSE, STEWARD_MEMORY_ORIGIN_CHAT,
                                            self->user_message_id, NULL);
      g_autoptr(StewardMemory) memory = id ? steward_store_find_memory (self->store, id, NULL) : NULL;

      if (memory != NULL)
        {
          g_autoptr(GPtrArray) remembered = g_ptr_array_new ();

          g_ptr_array_add (remembered, memory);
          g_signal_emit (self, signals[REMEMBERED], 0, remembered);
        }
    }

  g_signal_connect_object (self->reply, "text-delta", G_CALLBACK (text_delta_cb),
                           self, G_CONNECT_SWAPPED);
  self->flush_source = g_timeout_add (FLUSH_INTERVAL_MS, flush_cb, self);

  steward_provider_calls_chat_async (self->provider, self->session, self->context->request,
                                     self->reply, cancellable, chat_cb, task);
}

static void
fold_before_send_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  StewardChatTurn *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  if (!_steward_summarize_finish (result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }

      /* Not worth failing the user's message: it goes with what fits. */
      g_warning ("Could not update the summary of conversation %" G_GINT64_FORMAT ": %s",
                 self->conversation_id, error->message);
    }
  else if (!build_context (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  commit_and_stream (self, task);
}

/**
 * steward_chat_turn_run_async:
 *
 * Commits the user's message, then streams the reply. An error before the
 * message was committed (no provider, unknown conversation) leaves the
 * store untouched, so the caller keeps the text for the user. When
 * exchanges outside the window are not yet in the conversation's summary,
 * they are folded into it first (by the small model size).
 */
void
steward_chat_turn_run_async (StewardChatTurn     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));
  g_return_if_fail (!self->started);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_chat_turn_run_async);

  if (self->conversation_id != 0)
    {
      g_autoptr(StewardConversation) conversation = NULL;

      if (!(conversation = steward_store_find_conversation (self->store, self->conversation_id, &error)))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  if (!resolve_provider (self, &error) || !build_context (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->context->fold_through > 0)
    {
      _steward_summarize_async (self->store, self->providers, self->session, self->provider, self->model,
                                self->conversation_id, self->summary,
                                self->context->to_fold, self->context->fold_through,
                                cancellable, fold_before_send_cb, g_steal_pointer (&task));
      return;
    }

  commit_and_stream (self, g_steal_pointer (&task));
}

gboolean
steward_chat_turn_run_finish (StewardChatTurn  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* After the reply: propose facts to remember (when automatic memory is
 * on), then fold exchanges that left the window into the summary, so the
 * next message need not wait for it. */

static void follow_up_fold (GTask *task);

static void
follow_up_fold_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!_steward_summarize_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
follow_up_fold (GTask *task)
{
  StewardChatTurn *self = g_task_get_source_object (task);
  g_autoptr(GListModel) history = NULL;
  g_autoptr(StewardContext) next = NULL;
  g_autofree char *summary = NULL;
  StewardContextLimits limits;
  gint64 summary_through = 0;
  GError *error = NULL;

  read_limits (self, &limits);

  if (!steward_store_get_summary (self->store, self->conversation_id, &summary, &summary_through, &error) ||
      !(history = steward_store_list_messages (self->store, self->conversation_id, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  /* As if the next message were empty: what would have to be folded. */
  next = steward_context_build (history, summary, summary_through,
                                self->context->request->system, self->model, "", &limits);
  if (next->fold_through == 0)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  _steward_summarize_async (self->store, self->providers, self->session, self->provider, self->model,
                            self->conversation_id, summary, next->to_fold, next->fold_through,
                            g_task_get_cancellable (task), follow_up_fold_cb, task);
}

static void
follow_up_extract_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  GTask *task = user_data;
  StewardChatTurn *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;

  if (!(added = _steward_extract_memories_finish (result, &error)))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          g_object_unref (task);
          return;
        }
      g_warning ("Could not propose facts to remember: %s", error->message);
    }
  else if (added->len > 0)
    {
      g_signal_emit (self, signals[REMEMBERED], 0, added);
    }

  follow_up_fold (task);
}

void
steward_chat_turn_follow_up_async (StewardChatTurn     *self,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *automatic = NULL;

  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_chat_turn_follow_up_async);

  /* Nothing to learn from a reply that did not arrive. */
  if (self->status != STEWARD_MESSAGE_STATUS_COMPLETE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  automatic = steward_store_dup_setting (self->store, "memory.auto", NULL);
  if (g_strcmp0 (automatic, "true") == 0)
    {
      _steward_extract_memories_async (self->store, self->providers, self->session, self->provider, self->model,
                                       self->user_message,
                                       cancellable, follow_up_extract_cb, g_steal_pointer (&task));
      return;
    }

  follow_up_fold (g_steal_pointer (&task));
}

gboolean
steward_chat_turn_follow_up_finish (StewardChatTurn  *self,
                                    GAsyncResult     *result,
                                    GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
