/* steward-provider-http.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-provider-private.h"

#define MAX_ATTEMPTS      3
#define READ_SIZE         8192
#define MAX_ERROR_BODY    (64 * 1024)
#define MAX_RETRY_SECONDS 60
/* GTK's redraw priority (GDK_PRIORITY_REDRAW; the core does not include
 * GDK): sources of one priority are dispatched together, so a reply that
 * arrives faster than the screen refreshes never keeps frames from being
 * drawn, and frames that take long never hold the reply back until it
 * lands all at once. */
#define READ_PRIORITY     (G_PRIORITY_HIGH_IDLE + 20)

/* Sending a request and reading its reply as it streams. A 429, a 5xx or
 * an "overloaded" answer that came before any text is retried (at most
 * MAX_ATTEMPTS in all), waiting as long as Retry-After asks; once text
 * was shown, never — the user would see it twice. */

typedef struct
{
  StewardProvider     *provider;
  SoupSession         *session;
  StewardChatRequest  *request;
  char                *api_key;
  StewardReply        *reply;
  StewardReplyDecoder *decoder;
  SoupMessage         *message;
  GInputStream        *stream;
  GByteArray          *error_body;
  gint64               started_at;
  guint                attempt;
  guint                retry_source;
  GSource             *cancel_source;
  /* One attempt's requests: cancelled with the task's cancellable, or
   * when the provider has sent nothing for request->timeout_seconds */
  GCancellable        *task_cancellable;
  GCancellable        *attempt_cancellable;
  gulong               cancelled_id;
  guint                silence_source;
  gboolean             timed_out;
} ChatData;

static void
stop_waiting (ChatData *cd)
{
  g_clear_handle_id (&cd->retry_source, g_source_remove);
  if (cd->cancel_source != NULL)
    {
      g_source_destroy (cd->cancel_source);
      g_clear_pointer (&cd->cancel_source, g_source_unref);
    }
}

/* -- giving up on a silent provider ------------------------------------- */

static gboolean
silence_cb (gpointer user_data)
{
  ChatData *cd = user_data;

  cd->silence_source = 0;
  cd->timed_out = TRUE;
  g_cancellable_cancel (cd->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Something arrived (or an attempt starts): the wait starts again. */
static void
restart_silence (ChatData *cd)
{
  g_clear_handle_id (&cd->silence_source, g_source_remove);
  if (cd->request->timeout_seconds > 0)
    cd->silence_source = g_timeout_add (cd->request->timeout_seconds * 1000, silence_cb, cd);
}

static void
task_cancelled_cb (GCancellable *cancellable,
                   GCancellable *attempt_cancellable)
{
  g_cancellable_cancel (attempt_cancellable);
}

static void
end_attempt (ChatData *cd)
{
  g_clear_handle_id (&cd->silence_source, g_source_remove);
  if (cd->cancelled_id != 0)
    g_cancellable_disconnect (cd->task_cancellable, cd->cancelled_id);
  cd->cancelled_id = 0;
  g_clear_object (&cd->attempt_cancellable);
}

static void
begin_attempt (ChatData *cd)
{
  end_attempt (cd);

  cd->timed_out = FALSE;
  cd->attempt_cancellable = g_cancellable_new ();
  if (cd->task_cancellable != NULL)
    cd->cancelled_id = g_cancellable_connect (cd->task_cancellable, G_CALLBACK (task_cancelled_cb),
                                              g_object_ref (cd->attempt_cancellable), g_object_unref);
  restart_silence (cd);
}

/* A transport error, or the sentence for a provider that went silent. */
static GError *
transport_error (ChatData     *cd,
                 const GError *error)
{
  if (cd->timed_out)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TIMED_OUT,
                        _("%s at %s sent nothing for %u seconds; a slow model may need a longer "
                          "chat.response-timeout."),
                        steward_provider_get_name (cd->provider),
                        steward_provider_get_base_url (cd->provider),
                        cd->request->timeout_seconds);

  return steward_provider_error_for_transport (cd->provider, error);
}

static void
chat_data_free (gpointer data)
{
  ChatData *cd = data;

  stop_waiting (cd);
  end_attempt (cd);
  g_clear_object (&cd->task_cancellable);
  g_clear_object (&cd->provider);
  g_clear_object (&cd->session);
  g_clear_pointer (&cd->request, steward_chat_request_free);
  if (cd->api_key != NULL)
    memset (cd->api_key, 0, strlen (cd->api_key));
  g_clear_pointer (&cd->api_key, g_free);
  g_clear_object (&cd->reply);
  g_clear_pointer (&cd->decoder, steward_reply_decoder_free);
  g_clear_object (&cd->message);
  g_clear_object (&cd->stream);
  g_clear_pointer (&cd->error_body, g_byte_array_unref);
  g_free (cd);
}

static StewardChatRequest *
copy_request (const StewardChatRequest *request)
{
  StewardChatRequest *copy = steward_chat_request_new (request->model);

  steward_chat_request_set_system (copy, request->system);
  copy->max_tokens = request->max_tokens;
  copy->timeout_seconds = request->timeout_seconds;
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      steward_chat_request_add_message (copy, message->role, message->content);
    }

  return copy;
}

static gboolean
is_retryable (const GError *error)
{
  return g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_RATE_LIMITED) ||
         g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_OVERLOADED) ||
         g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_SERVER);
}

/* Seconds to wait before the next attempt: what Retry-After asks
 * (seconds or an HTTP date), else 1 s, 2 s, … */
static guint
retry_delay_seconds (SoupMessage *message,
                     guint        attempt)
{
  const char *value = NULL;
  guint64 seconds;

  if (message != NULL)
    value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");

  if (value != NULL)
    {
      if (g_ascii_string_to_unsigned (value, 10, 0, MAX_RETRY_SECONDS, &seconds, NULL))
        return (guint)seconds;

      {
        g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (value);
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

        if (when != NULL)
          return (guint)CLAMP (g_date_time_difference (when, now) / G_USEC_PER_SEC, 0, MAX_RETRY_SECONDS);
      }
    }

  return 1u << (attempt - 1);
}

static void send_attempt (GTask *task);

static gboolean
retry_cb (gpointer user_data)
{
  GTask *task = user_data;
  ChatData *cd = g_task_get_task_data (task);

  cd->retry_source = 0;
  stop_waiting (cd);
  send_attempt (task);

  return G_SOURCE_REMOVE;
}

/* Stop pressed while waiting to retry: end at once, not after the wait. */
static gboolean
retry_cancelled_cb (GCancellable *cancellable,
                    gpointer      user_data)
{
  GTask *task = user_data;
  ChatData *cd = g_task_get_task_data (task);

  stop_waiting (cd);
  g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("The request was cancelled."));
  g_object_unref (task);

  return G_SOURCE_REMOVE;
}

/* Takes over the task's reference: either it is retried, or it ends. */
static void
fail_or_retry (GTask  *task,
               GError *error)
{
  ChatData *cd = g_task_get_task_data (task);

  if (is_retryable (error) &&
      cd->attempt < MAX_ATTEMPTS &&
      !steward_reply_has_content (cd->reply) &&
      !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      guint delay = retry_delay_seconds (cd->message, cd->attempt);

      g_debug ("Attempt %u failed (%s); retrying in %u s", cd->attempt, error->message, delay);
      g_error_free (error);

      cd->retry_source = g_timeout_add (delay * 1000, retry_cb, task);
      if (g_task_get_cancellable (task))
        {
          cd->cancel_source = g_cancellable_source_new (g_task_get_cancellable (task));
          g_source_set_callback (cd->cancel_source, G_SOURCE_FUNC (retry_cancelled_cb), task, NULL);
          g_source_attach (cd->cancel_source, g_main_context_get_thread_default ());
        }
      return;
    }

  g_task_return_error (task, error);
  g_object_unref (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  ChatData *cd = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  GError *error = NULL;
  gsize len;

  if (!(bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error)))
    {
      GError *transport = transport_error (cd, error);

      g_error_free (error);
      /* A connection lost mid-reply is not retried: text may be showing. */
      g_task_return_error (task, transport);
      g_object_unref (task);
      return;
    }

  len = g_bytes_get_size (bytes);
  restart_silence (cd);

  if (cd->error_body != NULL)
    {
      if (len > 0 && cd->error_body->len < MAX_ERROR_BODY)
        {
          g_byte_array_append (cd->error_body, g_bytes_get_data (bytes, NULL), len);
        }
      else
        {
          g_autoptr(GBytes) body = g_byte_array_free_to_bytes (g_steal_pointer (&cd->error_body));

          fail_or_retry (task, steward_provider_error_for_status (cd->provider,
                                                                  soup_message_get_status (cd->message),
                                                                  cd->request->model,
                                                                  body));
          return;
        }
    }
  else if (len > 0)
    {
      if (steward_reply_get_latency_ms (cd->reply) < 0)
        steward_reply_set_latency_ms (cd->reply, (g_get_monotonic_time () - cd->started_at) / 1000);

      if (!steward_reply_decoder_feed (cd->decoder, g_bytes_get_data (bytes, NULL), len, &error))
        {
          fail_or_retry (task, error);
          return;
        }
    }
  else
    {
      if (!steward_reply_decoder_finish (cd->decoder, &error))
        {
          fail_or_retry (task, error);
          return;
        }

      if (!steward_reply_get_done (cd->reply))
        {
          g_task_return_new_error (task, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                                   _("The reply from %s stopped before it was complete."),
                                   steward_provider_get_name (cd->provider));
          g_object_unref (task);
          return;
        }

      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  g_input_stream_read_bytes_async (cd->stream, READ_SIZE, READ_PRIORITY,
                                   cd->attempt_cancellable, read_cb, task);
}

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  ChatData *cd = g_task_get_task_data (task);
  GError *error = NULL;
  guint status;

  g_clear_object (&cd->stream);
  if (!(cd->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error)))
    {
      GError *transport = transport_error (cd, error);

      g_error_free (error);
      g_task_return_error (task, transport);
      g_object_unref (task);
      return;
    }

  status = soup_message_get_status (cd->message);
  restart_silence (cd);

  g_clear_pointer (&cd->error_body, g_byte_array_unref);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    cd->error_body = g_byte_array_new ();

  g_input_stream_read_bytes_async (cd->stream, READ_SIZE, READ_PRIORITY,
                                   cd->attempt_cancellable, read_cb, task);
}

static void
send_attempt (GTask *task)
{
  ChatData *cd = g_task_get_task_data (task);

  cd->attempt++;
  cd->started_at = g_get_monotonic_time ();

  g_clear_object (&cd->message);
  g_clear_pointer (&cd->decoder, steward_reply_decoder_free);

  cd->message = steward_provider_build_chat_message (cd->provider, cd->request, TRUE, cd->api_key);
  if (cd->message == NULL)
    {
      g_task_return_new_error (task, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE,
                               _("The address of %s, “%s”, is not a valid URL."),
                               steward_provider_get_name (cd->provider),
                               steward_provider_get_base_url (cd->provider));
      g_object_unref (task);
      return;
    }

  cd->decoder = steward_reply_decoder_new (cd->provider, cd->reply, TRUE);

  begin_attempt (cd);
  soup_session_send_async (cd->session, cd->message, G_PRIORITY_DEFAULT,
                           cd->attempt_cancellable, send_cb, task);
}

/**
 * steward_provider_chat_async:
 * @reply: where the reply is assembled; its "text-delta" signal fires as
 *   text arrives
 * @api_key: (nullable): the key, when the provider takes one
 *
 * Streams the reply to @request into @reply.
 */
void
steward_provider_chat_async (StewardProvider          *self,
                             SoupSession              *session,
                             const StewardChatRequest *request,
                             const char               *api_key,
                             StewardReply             *reply,
                             GCancellable             *cancellable,
                             GAsyncReadyCallback       callback,
                             gpointer                  user_data)
{
  GTask *task;
  ChatData *cd;

  g_return_if_fail (STEWARD_IS_PROVIDER (self));
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (request != NULL);
  g_return_if_fail (STEWARD_IS_REPLY (reply));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_provider_chat_async);

  cd = g_new0 (ChatData, 1);
  cd->provider = g_object_ref (self);
  cd->session = g_object_ref (session);
  cd->request = copy_request (request);
  cd->api_key = g_strdup (api_key);
  cd->reply = g_object_ref (reply);
  g_set_object (&cd->task_cancellable, cancellable);
  g_task_set_task_data (task, cd, chat_data_free);

  send_attempt (task);
}

gboolean
steward_provider_chat_finish (StewardProvider  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
models_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardProvider *self = g_task_get_source_object (task);
  SoupMessage *message = g_task_get_task_data (task);
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status;
  GStrv models;

  if (!(body = soup_session_send_and_read_finish (SOUP_SESSION (object), result, &error)))
    {
      GError *transport = steward_provider_error_for_transport (self, error);

      g_error_free (error);
      g_task_return_error (task, transport);
      return;
    }

  status = soup_message_get_status (message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      g_task_return_error (task, steward_provider_error_for_status (self, status, NULL, body));
      return;
    }

  if (!(models = steward_provider_parse_models (self, body, &error)))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, models, (GDestroyNotify)g_strfreev);
}

/**
 * steward_provider_list_models_async:
 *
 * Asks the provider which models it offers: what the settings and
 * `steward-cli provider test` show.
 */
void
steward_provider_list_models_async (StewardProvider     *self,
                                    SoupSession         *session,
                                    const char          *api_key,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SoupMessage *message;

  g_return_if_fail (STEWARD_IS_PROVIDER (self));
  g_return_if_fail (SOUP_IS_SESSION (session));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_provider_list_models_async);

  if (!(message = steward_provider_build_models_message (self, api_key)))
    {
      g_task_return_new_error (task, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE,
                               _("The address of %s, “%s”, is not a valid URL."),
                               steward_provider_get_name (self),
                               steward_provider_get_base_url (self));
      return;
    }

  g_task_set_task_data (task, message, g_object_unref);
  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, cancellable,
                                    models_cb, g_steal_pointer (&task));
}

/**
 * steward_provider_list_models_finish:
 *
 * Returns: (transfer full): the model ids, sorted
 */
GStrv
steward_provider_list_models_finish (StewardProvider  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
