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
#include "steward-chat-turn-private.h"
#include "steward-context.h"
#include "steward-message-private.h"

/* One turn of a conversation: the user's message is committed before the
 * request goes out (steward-chat-turn-request.c builds it); the reply is
 * saved as it grows (status streaming, steward-chat-turn-reply.c) and
 * ends complete, interrupted (cancelled) or error with the sentence that
 * says why. Nothing the user typed and nothing that arrived is ever
 * lost. */

#define TITLE_LENGTH      60

G_DEFINE_FINAL_TYPE (StewardChatTurn, steward_chat_turn, G_TYPE_OBJECT)

static void
steward_chat_turn_dispose (GObject *object)
{
  StewardChatTurn *self = (StewardChatTurn *)object;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_handle_id (&self->show_source, g_source_remove);
  g_clear_object (&self->services);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
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
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
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
  REMEMBER_REFUSED,
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

  /**
   * StewardChatTurn::remember-refused:
   * @fact: what the user said to remember
   *
   * The user said "remember …" of a fact they had asked Steward to
   * forget: it is not remembered until they say so again (the app asks,
   * with a button; steward_store_unforget_memory() then
   * steward_store_add_memory() do it).
   */
  signals[REMEMBER_REFUSED] =
    g_signal_new ("remember-refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
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
  self->services = g_object_ref (services);
  self->store = g_object_ref (steward_services_get_store (services));
  self->settings = g_object_ref (steward_services_get_settings (services));
  self->providers = g_object_ref (steward_services_get_providers (services));
  self->session = g_object_ref (steward_services_get_session (services));
  self->text = g_strdup (text);
  self->attachments = g_ptr_array_new_with_free_func (g_object_unref);

  return self;
}

/**
 * steward_chat_turn_add_attachment:
 * @attachment: a file imported with steward_attachment_import_file() (or
 *   its async form) into steward_store_dup_attachments_dir()
 *
 * Sends @attachment with the message, after those added before. It is
 * linked to the user message when that is stored. A turn with an image
 * for a model that cannot see images fails before anything is stored or
 * sent (see steward_store_get_model_vision()).
 */
void
steward_chat_turn_add_attachment (StewardChatTurn   *self,
                                  StewardAttachment *attachment)
{
  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));
  g_return_if_fail (STEWARD_IS_ATTACHMENT (attachment));
  g_return_if_fail (!self->started);

  g_ptr_array_add (self->attachments, g_object_ref (attachment));
}

void
steward_chat_turn_set_conversation_id (StewardChatTurn *self,
                                       gint64           conversation_id)
{
  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));

  self->conversation_id = conversation_id;
}

/**
 * steward_chat_turn_set_regenerate:
 * @reply_id: a reply on its conversation's path
 *
 * Makes the turn answer again the user message @reply_id answers,
 * rather than send a new one: the new reply is an alternative beside
 * @reply_id, which stays stored with what followed it (see
 * steward_store_add_alternative()); a reply that failed, and that the
 * conversation did not go on from, is dropped once the new one is
 * stored. The conversation and the
 * text are those of the user message.
 */
void
steward_chat_turn_set_regenerate (StewardChatTurn *self,
                                  gint64           reply_id)
{
  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));
  g_return_if_fail (!self->started);

  self->replaced_id = reply_id;
}

gint64
steward_chat_turn_get_regenerate (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), 0);

  return self->replaced_id;
}

/* Regenerating: the reply to replace and the user message it answers
 * give the conversation, the text and where the history ends. */
static gboolean
read_replaced (StewardChatTurn  *self,
               GError          **error)
{
  g_autoptr(StewardMessage) reply = NULL;
  g_autoptr(StewardMessage) prompt = NULL;

  if (!(reply = steward_store_find_message (self->store, self->replaced_id, error)))
    return FALSE;

  if (steward_message_get_role (reply) != STEWARD_MESSAGE_ROLE_ASSISTANT ||
      steward_message_get_parent_id (reply) == 0 ||
      !(prompt = steward_store_find_message (self->store, steward_message_get_parent_id (reply), NULL)) ||
      steward_message_get_role (prompt) != STEWARD_MESSAGE_ROLE_USER)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                           _("This reply answers no message of yours, so it cannot be written again."));
      return FALSE;
    }

  self->conversation_id = steward_message_get_conversation_id (reply);

  /* A failed reply held nothing worth switching back to, unless the
   * conversation went on from it. */
  if (steward_message_get_status (reply) == STEWARD_MESSAGE_STATUS_ERROR)
    {
      g_autoptr(GListModel) later = NULL;

      if (!(later = steward_store_list_messages_after (self->store, self->conversation_id,
                                                       self->replaced_id, 1, error)))
        return FALSE;
      self->drop_replaced = g_list_model_get_n_items (later) == 0;
    }

  self->user_message_id = steward_message_get_id (prompt);
  g_free (self->text);
  self->text = g_strdup (steward_message_get_content (prompt));

  /* The message is sent again with its files */
  g_ptr_array_set_size (self->attachments, 0);
  {
    GListModel *attachments = steward_message_get_attachments (prompt);

    for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
      g_ptr_array_add (self->attachments, g_list_model_get_item (attachments, i));
  }

  return TRUE;
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

/* The message is in the store from here on: whatever happens next, the
 * user's words are not lost. */
static void
commit_and_stream (StewardChatTurn *self,
                   GTask           *task)
{
  g_autofree char *context_json = NULL;
  g_autofree char *fact = NULL;
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

  if (self->replaced_id == 0)
    self->user_message_id = steward_store_add_message (self->store, self->conversation_id,
                                                       STEWARD_MESSAGE_ROLE_USER, self->text,
                                                       STEWARD_MESSAGE_STATUS_COMPLETE,
                                                       NULL, NULL, NULL, &error);
  if (self->user_message_id == 0 ||
      (self->replaced_id == 0 &&
       !steward_store_add_attachments (self->store, self->user_message_id, self->attachments, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (self->replaced_id != 0)
    self->reply_message_id = steward_store_add_alternative (self->store, self->replaced_id,
                                                            STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                                                            STEWARD_MESSAGE_STATUS_STREAMING,
                                                            self->provider_name, self->model,
                                                            self->tier, &error);
  else
    self->reply_message_id = steward_store_add_message (self->store, self->conversation_id,
                                                        STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                                                        STEWARD_MESSAGE_STATUS_STREAMING,
                                                        self->provider_name, self->model,
                                                        self->tier, &error);
  context_json = _steward_chat_turn_dup_context_json (self);
  if (self->reply_message_id == 0 ||
      !steward_store_set_message_context (self->store, self->reply_message_id, context_json, &error) ||
      !(self->user_message = steward_store_find_message (self->store, self->user_message_id, &error)) ||
      !(self->reply_message = steward_store_find_message (self->store, self->reply_message_id, &error)))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (self->drop_replaced)
    {
      g_autoptr(GError) delete_error = NULL;

      if (!steward_store_delete_messages_from (self->store, self->replaced_id, &delete_error))
        g_warning ("Could not drop the failed reply: %s", delete_error->message);
    }

  self->started = TRUE;
  self->status = STEWARD_MESSAGE_STATUS_STREAMING;
  g_signal_emit (self, signals[STARTED], 0);

  /* "Remember that …" is kept at once (the first time it is sent); the
   * model still answers. */
  if (self->replaced_id == 0 && (fact = _steward_parse_remember (self->text)))
    {
      g_autoptr(GError) remember_error = NULL;
      gint64 id = steward_store_add_memory (self->store, fact, FALSE, STEWARD_MEMORY_ORIGIN_CHAT,
                                            self->user_message_id, &remember_error);
      g_autoptr(StewardMemory) memory = id ? steward_store_find_memory (self->store, id, NULL) : NULL;

      /* Forgotten before: asked first, not remembered silently. */
      if (g_error_matches (remember_error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FORGOTTEN))
        g_signal_emit (self, signals[REMEMBER_REFUSED], 0, fact);

      if (memory != NULL)
        {
          g_autoptr(GPtrArray) remembered = g_ptr_array_new ();

          g_ptr_array_add (remembered, memory);
          g_signal_emit (self, signals[REMEMBERED], 0, remembered);
        }
    }

  _steward_chat_turn_stream_reply (self, task);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = user_data;
  StewardChatTurn *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!_steward_chat_turn_prepare_finish (self, result, &error) ||
      !_steward_chat_turn_check_attachments (self, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  commit_and_stream (self, task);
}

/* The files are made ready (steward-chat-turn-prepare.c) before the
 * message is stored: a file that cannot be read or transcribed, or is
 * too long, leaves the store untouched and the caller keeps the text. */
static void
prepare_and_commit (StewardChatTurn *self,
                    GTask           *task)
{
  _steward_chat_turn_prepare_async (self, g_task_get_cancellable (task), prepared_cb, task);
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
  else if (!_steward_chat_turn_build_context (self, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  prepare_and_commit (self, task);
}

/**
 * steward_chat_turn_run_async:
 *
 * Makes the files ready in a worker (images scaled, text read, audio
 * transcribed), commits the user's message, then streams the reply. An
 * error before the message was committed (no provider, unknown
 * conversation, a file that cannot be read or transcribed) leaves the
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

  if (self->replaced_id != 0 && !read_replaced (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->conversation_id != 0)
    {
      g_autoptr(StewardConversation) conversation = NULL;

      if (!(conversation = steward_store_find_conversation (self->store, self->conversation_id, &error)))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  /* A turn uses the settings as stored when it starts: steward-cli may
   * have changed them beside the app (see steward-settings.h). */
  if (!steward_settings_reload (self->settings, &error) ||
      !_steward_chat_turn_resolve_provider (self, &error) ||
      !_steward_chat_turn_check_vision (self, &error) ||
      !_steward_chat_turn_build_context (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->context->fold_through > 0)
    {
      _steward_summarize_async (self->store, self->settings, self->providers, self->session,
                                self->provider, self->model,
                                self->conversation_id, self->summary,
                                self->context->to_fold, self->context->fold_through,
                                cancellable, fold_before_send_cb, g_steal_pointer (&task));
      return;
    }

  prepare_and_commit (self, g_steal_pointer (&task));
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

  _steward_chat_turn_read_limits (self, &limits);

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

  _steward_summarize_async (self->store, self->settings, self->providers, self->session,
                            self->provider, self->model,
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
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEWARD_IS_CHAT_TURN (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_chat_turn_follow_up_async);

  /* Nothing to learn from a reply that did not arrive. */
  if (self->status != STEWARD_MESSAGE_STATUS_COMPLETE)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* Automatic memory as stored now; if the store cannot say, as it was
   * when the turn started. */
  if (!steward_settings_reload (self->settings, &error))
    g_debug ("Cannot read the settings again: %s", error->message);

  if (steward_settings_get_boolean (self->settings, "memory.auto"))
    {
      _steward_extract_memories_async (self->store, self->settings, self->providers, self->session,
                                       self->provider, self->model, self->user_message,
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
