/* steward-chat-turn.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-turn"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-turn.h"
#include "steward-message-private.h"
#include "steward-secrets.h"

/* One turn of a conversation: the user's message is committed before the
 * request goes out; the reply is saved as it grows (status "streaming",
 * flushed every FLUSH_INTERVAL_MS) and ends "complete", "interrupted"
 * (cancelled) or "error" with the sentence that says why. Nothing the
 * user typed and nothing that arrived is ever lost. */

#define FLUSH_INTERVAL_MS 250
#define TITLE_LENGTH      60

struct _StewardChatTurn
{
  GObject          parent_instance;

  /* Owned */
  StewardStore    *store;
  SoupSession     *session;
  StewardProvider *provider;
  StewardReply    *reply;
  StewardMessage  *user_message;
  StewardMessage  *reply_message;
  char            *text;
  char            *tier;
  char            *provider_name;
  char            *model;
  char            *status;
  StewardChatRequest *request;

  gint64           conversation_id;
  gint64           user_message_id;
  gint64           reply_message_id;
  guint            flush_source;
  guint            dirty : 1;
};

G_DEFINE_FINAL_TYPE (StewardChatTurn, steward_chat_turn, G_TYPE_OBJECT)

static void
steward_chat_turn_dispose (GObject *object)
{
  StewardChatTurn *self = (StewardChatTurn *)object;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_clear_object (&self->store);
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
  g_free (self->status);
  g_clear_pointer (&self->request, steward_chat_request_free);

  G_OBJECT_CLASS (steward_chat_turn_parent_class)->finalize (object);
}

enum {
  STARTED,
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
}

static void
steward_chat_turn_init (StewardChatTurn *self)
{
  self->reply = steward_reply_new ();
  self->tier = g_strdup ("medium");
}

StewardChatTurn *
steward_chat_turn_new (StewardStore *store,
                       SoupSession  *session,
                       const char   *text)
{
  StewardChatTurn *self;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (text != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_CHAT_TURN, NULL);
  self->store = g_object_ref (store);
  self->session = g_object_ref (session);
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
 *   "complete", "interrupted" or "error"
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
 * Returns: the stored status of the reply: "streaming", "complete",
 *   "interrupted" or "error"; %NULL before the turn started
 */
const char *
steward_chat_turn_get_status (StewardChatTurn *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_TURN (self), NULL);

  return self->status;
}

/* Which provider and model answer: an explicit provider (with its own
 * default model unless one is named), else the tier's mapping, else —
 * for an unmapped tier — the only provider there is, with its default
 * model. */
static gboolean
resolve_provider (StewardChatTurn  *self,
                  GError          **error)
{
  g_autofree char *provider_name = NULL;
  g_autofree char *model = NULL;

  if (self->provider_name != NULL)
    {
      if (!(self->provider = steward_store_find_provider (self->store, self->provider_name, error)))
        return FALSE;

      model = g_strdup (self->model ? self->model : steward_provider_get_model (self->provider));
      if (model == NULL)
        {
          g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL,
                       _("%s has no default model; name one or set it on the provider."),
                       self->provider_name);
          return FALSE;
        }

      g_clear_pointer (&self->tier, g_free);
      g_free (self->model);
      self->model = g_steal_pointer (&model);
      return TRUE;
    }

  if (!steward_store_get_tier (self->store, self->tier, &provider_name, &model, error))
    return FALSE;

  if (provider_name == NULL)
    {
      g_autoptr(GListModel) providers = steward_store_list_providers (self->store, error);
      g_autoptr(StewardProvider) only = NULL;

      if (providers == NULL)
        return FALSE;

      if (g_list_model_get_n_items (providers) == 1)
        only = g_list_model_get_item (providers, 0);

      if (only == NULL || steward_provider_get_model (only) == NULL)
        {
          if (g_list_model_get_n_items (providers) == 0)
            g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED,
                         _("No provider is set up yet; add one in Preferences or with “steward-cli provider add”."));
          else
            g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED,
                         _("No model is chosen for the %s size; choose one in Preferences or with “steward-cli tier set”."),
                         self->tier);
          return FALSE;
        }

      provider_name = g_strdup (steward_provider_get_name (only));
      model = g_strdup (steward_provider_get_model (only));
      self->provider = g_steal_pointer (&only);
    }
  else if (!(self->provider = steward_store_find_provider (self->store, provider_name, error)))
    {
      return FALSE;
    }

  g_free (self->provider_name);
  g_free (self->model);
  self->provider_name = g_steal_pointer (&provider_name);
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

/* The conversation so far, as the model sees it. Replies that failed
 * carry nothing to continue from; interrupted ones keep what arrived. */
static gboolean
build_request (StewardChatTurn  *self,
               GError          **error)
{
  g_autoptr(GListModel) messages = NULL;
  guint n_items;

  self->request = steward_chat_request_new (self->model);

  if (self->conversation_id != 0)
    {
      if (!(messages = steward_store_list_messages (self->store, self->conversation_id, error)))
        return FALSE;

      n_items = g_list_model_get_n_items (messages);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);
          const char *role = steward_message_get_role (message);
          const char *status = steward_message_get_status (message);
          const char *content = steward_message_get_content (message);

          if (!g_str_equal (role, "user") && !g_str_equal (role, "assistant"))
            continue;
          if (g_str_equal (status, "error") || g_str_equal (status, "streaming") || content[0] == '\0')
            continue;

          steward_chat_request_add_message (self->request, role, content);
        }
    }

  steward_chat_request_add_message (self->request, "user", self->text);

  return TRUE;
}

static void
set_status (StewardChatTurn *self,
            const char      *status)
{
  g_free (self->status);
  self->status = g_strdup (status);
}

static gboolean
flush_cb (gpointer user_data)
{
  StewardChatTurn *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!self->dirty)
    return G_SOURCE_CONTINUE;

  self->dirty = FALSE;

  if (!steward_store_update_reply (self->store, self->reply_message_id,
                                   steward_reply_get_text (self->reply),
                                   "streaming", NULL, self->reply, &error))
    g_warning ("Could not save the reply as it streams: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
text_delta_cb (StewardChatTurn *self,
               const char      *text,
               StewardReply    *reply)
{
  self->dirty = TRUE;
  _steward_message_append_content (self->reply_message, text);
}

static void
finish_turn (StewardChatTurn *self,
             GTask           *task,
             GError          *error)
{
  g_autoptr(GError) store_error = NULL;
  const char *status;

  g_clear_handle_id (&self->flush_source, g_source_remove);
  g_signal_handlers_disconnect_by_func (self->reply, text_delta_cb, self);

  if (error == NULL)
    status = "complete";
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    status = "interrupted";
  else
    status = "error";

  set_status (self, status);

  if (!steward_store_update_reply (self->store, self->reply_message_id,
                                   steward_reply_get_text (self->reply),
                                   status,
                                   g_str_equal (status, "error") ? error->message : NULL,
                                   self->reply,
                                   &store_error))
    {
      g_clear_error (&error);
      g_task_return_error (task, g_steal_pointer (&store_error));
      return;
    }

  {
    g_autofree char *tool_calls = NULL;

    if (steward_reply_get_n_tool_calls (self->reply) > 0)
      {
        g_autoptr(JsonNode) calls = steward_reply_dup_tool_calls_json (self->reply);

        tool_calls = json_to_string (calls, FALSE);
      }

    _steward_message_finish (self->reply_message, status,
                             g_str_equal (status, "error") ? error->message : NULL,
                             steward_reply_get_input_tokens (self->reply),
                             steward_reply_get_output_tokens (self->reply),
                             steward_reply_get_latency_ms (self->reply),
                             steward_reply_get_model (self->reply),
                             tool_calls);
  }

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

  steward_provider_chat_finish (STEWARD_PROVIDER (object), result, &error);
  finish_turn (self, task, error);
}

static void
key_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardChatTurn *self = g_task_get_source_object (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autofree char *key = NULL;
  GError *error = NULL;

  key = steward_secrets_lookup_api_key_finish (result, &error);
  if (error != NULL)
    {
      finish_turn (self, task, error);
      return;
    }

  steward_provider_chat_async (self->provider, self->session, self->request, key,
                               self->reply, cancellable,
                               chat_cb, g_steal_pointer (&task));
}

/**
 * steward_chat_turn_run_async:
 *
 * Commits the user's message, then streams the reply. An error before the
 * message was committed (no provider, unknown conversation) leaves the
 * store untouched, so the caller keeps the text for the user.
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
  g_return_if_fail (self->status == NULL);

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

  if (!resolve_provider (self, &error) || !build_request (self, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (self->conversation_id == 0)
    {
      g_autofree char *title = make_title (self->text);

      if (!(self->conversation_id = steward_store_create_conversation (self->store, title, &error)))
        {
          g_task_return_error (task, error);
          return;
        }
    }

  self->user_message_id = steward_store_add_message (self->store, self->conversation_id,
                                                     "user", self->text, "complete",
                                                     NULL, NULL, NULL, &error);
  if (self->user_message_id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  self->reply_message_id = steward_store_add_message (self->store, self->conversation_id,
                                                      "assistant", "", "streaming",
                                                      self->provider_name, self->model,
                                                      self->tier, &error);
  if (self->reply_message_id == 0)
    {
      g_task_return_error (task, error);
      return;
    }

  if (!(self->user_message = steward_store_find_message (self->store, self->user_message_id, &error)) ||
      !(self->reply_message = steward_store_find_message (self->store, self->reply_message_id, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  set_status (self, "streaming");
  g_signal_emit (self, signals[STARTED], 0);

  g_signal_connect_object (self->reply, "text-delta", G_CALLBACK (text_delta_cb),
                           self, G_CONNECT_SWAPPED);
  self->flush_source = g_timeout_add (FLUSH_INTERVAL_MS, flush_cb, self);

  steward_secrets_lookup_api_key_async (self->provider, cancellable, key_cb, g_steal_pointer (&task));
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
