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
#include "steward-redact.h"

#define MAX_ATTEMPTS      3
#define READ_SIZE         8192
#define MAX_ERROR_BODY    (64 * 1024)
#define MAX_RETRY_SECONDS 60
/* A reply may run past the tokens asked for (estimates differ, some
 * servers ignore the limit), but not by this much: 16 bytes a token is
 * four times the budget of English text. */
#define BYTES_PER_TOKEN   16
#define MIN_REPLY_LIMIT   (64 * 1024)
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
  /* The whole reply, retries included, ends by this (request->deadline_seconds) */
  guint                deadline_source;
  gboolean             deadline_passed;
  gint64               deadline_at;
  guint                n_redirects;
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
  if (cd->deadline_passed)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TIMED_OUT,
                        _("%s at %s took more than %u seconds over the reply, so it was stopped; "
                          "a slow model may need a longer chat.reply-deadline."),
                        steward_provider_get_name (cd->provider),
                        steward_provider_get_base_url (cd->provider),
                        cd->request->deadline_seconds);

  if (cd->timed_out)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TIMED_OUT,
                        _("%s at %s sent nothing for %u seconds; a slow model may need a longer "
                          "chat.response-timeout."),
                        steward_provider_get_name (cd->provider),
                        steward_provider_get_base_url (cd->provider),
                        cd->request->timeout_seconds);

  /* Text is showing: "could not reach" would be wrong. */
  if (steward_reply_has_content (cd->reply) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) &&
      error->domain != G_TLS_ERROR)
    return g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE,
                        _("The connection to %s at %s was lost in the middle of the reply (%s)."),
                        steward_provider_get_name (cd->provider),
                        steward_provider_get_base_url (cd->provider),
                        error->message);

  return steward_provider_error_for_transport (cd->provider, error);
}

static gboolean
deadline_cb (gpointer user_data)
{
  ChatData *cd = user_data;

  cd->deadline_source = 0;
  cd->deadline_passed = TRUE;
  /* A retry never waits past the deadline (fail_or_retry), so an attempt
   * is under way, or the task has ended. */
  if (cd->attempt_cancellable != NULL)
    g_cancellable_cancel (cd->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

/* Ends the task with @error, which says nothing of the key. Takes over
 * the task's reference. */
static void
return_error (GTask  *task,
              GError *error)
{
  ChatData *cd = g_task_get_task_data (task);

  steward_reply_flush (cd->reply);
  steward_redact_error (error, cd->api_key);
  g_task_return_error (task, error);
  g_object_unref (task);
}

/* The most a reply may grow to, in bytes. */
static guint64
reply_limit (const StewardChatRequest *request)
{
  if (request->max_tokens <= 0)
    return STEWARD_PROVIDER_MAX_BODY;

  return CLAMP ((guint64)request->max_tokens * BYTES_PER_TOKEN, MIN_REPLY_LIMIT, STEWARD_PROVIDER_MAX_BODY);
}

static void
chat_data_free (gpointer data)
{
  ChatData *cd = data;

  stop_waiting (cd);
  end_attempt (cd);
  g_clear_handle_id (&cd->deadline_source, g_source_remove);
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

static gboolean
is_retryable (const GError *error)
{
  return g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_RATE_LIMITED) ||
         g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_OVERLOADED) ||
         g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_SERVER);
}

/* Seconds to wait before the next attempt: what Retry-After asks
 * (seconds or an HTTP date), else 1 s, 2 s, … */
static guint64
retry_delay_seconds (SoupMessage *message,
                     guint        attempt)
{
  const char *value = NULL;
  guint64 seconds;

  if (message != NULL)
    value = soup_message_headers_get_one (soup_message_get_response_headers (message), "Retry-After");

  if (value != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (value));

      if (g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXUINT32, &seconds, NULL))
        return seconds;

      {
        g_autoptr(GDateTime) when = soup_date_time_new_from_http_string (stripped);
        g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

        if (when != NULL)
          return (guint64)CLAMP (g_date_time_difference (when, now) / G_USEC_PER_SEC, 0, G_MAXUINT32);
      }
    }

  return 1u << (attempt - 1);
}

/* "90 seconds", "60 minutes", "3 hours" */
static char *
format_wait (guint64 seconds)
{
  if (seconds < 120)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u second", "%u seconds", (gulong)seconds),
                            (guint)seconds);

  if (seconds < 2 * 3600)
    {
      guint minutes = (guint)((seconds + 59) / 60);

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u minute", "%u minutes", minutes), minutes);
    }

  {
    guint hours = (guint)MIN ((seconds + 3599) / 3600, G_MAXUINT);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u hour", "%u hours", hours), hours);
  }
}

static void send_attempt (GTask *task);
static void read_cb (GObject *object, GAsyncResult *result, gpointer user_data);

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
      guint64 delay = retry_delay_seconds (cd->message, cd->attempt);

      /* Neither waited for nor ignored: the user hears how long. */
      if (delay > MAX_RETRY_SECONDS)
        {
          g_autofree char *wait = format_wait (delay);
          GError *later = g_error_new (error->domain, error->code,
                                       _("%s asks Steward to wait %s before trying again; try again later."),
                                       steward_provider_get_name (cd->provider), wait);

          g_error_free (error);
          return_error (task, later);
          return;
        }

      if (cd->deadline_at > 0 &&
          g_get_monotonic_time () + (gint64)delay * G_USEC_PER_SEC >= cd->deadline_at)
        {
          return_error (task, error);
          return;
        }

      g_debug ("Attempt %u failed (%s); retrying in %u s", cd->attempt, error->message, (guint)delay);
      g_error_free (error);

      cd->retry_source = g_timeout_add ((guint)delay * 1000, retry_cb, task);
      if (g_task_get_cancellable (task))
        {
          cd->cancel_source = g_cancellable_source_new (g_task_get_cancellable (task));
          g_source_set_callback (cd->cancel_source, G_SOURCE_FUNC (retry_cancelled_cb), task, NULL);
          g_source_attach (cd->cancel_source, g_main_context_get_thread_default ());
        }
      return;
    }

  return_error (task, error);
}

/* -- a chat reply ----------------------------------------------------------- */

static void
read_next (GTask *task)
{
  ChatData *cd = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (cd->stream, READ_SIZE, READ_PRIORITY,
                                   cd->attempt_cancellable, read_cb, task);
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
  guint64 size_before;
  gsize len;

  if (!(bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error)))
    {
      GError *transport = transport_error (cd, error);

      g_error_free (error);
      /* A connection lost mid-reply is not retried: text may be showing. */
      return_error (task, transport);
      return;
    }

  len = g_bytes_get_size (bytes);

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

      size_before = steward_reply_get_size (cd->reply);

      if (!steward_reply_decoder_feed (cd->decoder, g_bytes_get_data (bytes, NULL), len, &error))
        {
          fail_or_retry (task, error);
          return;
        }

      /* Only progress keeps the wait going: keep-alive comments, empty
       * events and single bytes do not. */
      if (steward_reply_get_size (cd->reply) > size_before)
        restart_silence (cd);

      if (steward_reply_get_size (cd->reply) > reply_limit (cd->request))
        {
          g_autofree char *size = g_format_size (reply_limit (cd->request));

          if (cd->request->max_tokens > 0)
            return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TOO_LONG,
                                             _("The reply from %s grew past %s, far beyond the %d tokens "
                                               "asked for, so it was stopped."),
                                             steward_provider_get_name (cd->provider), size,
                                             (int)MIN (cd->request->max_tokens, G_MAXINT)));
          else
            return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TOO_LONG,
                                             _("The reply from %s grew past %s, so it was stopped."),
                                             steward_provider_get_name (cd->provider), size));
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

      /* libsoup ends a body cut short (even by a reset) as if it were
       * whole: only the provider's own end of reply tells. */
      if (!steward_reply_get_done (cd->reply) && steward_reply_has_content (cd->reply))
        {
          return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                                           _("The connection to %s at %s ended in the middle of the reply."),
                                           steward_provider_get_name (cd->provider),
                                           steward_provider_get_base_url (cd->provider)));
          return;
        }

      if (!steward_reply_get_done (cd->reply))
        {
          return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                                           _("The reply from %s stopped before it was complete."),
                                           steward_provider_get_name (cd->provider)));
          return;
        }

      steward_reply_flush (cd->reply);
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  read_next (task);
}

static void send_message (GTask *task);

static void
send_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  ChatData *cd = g_task_get_task_data (task);
  g_autoptr(GUri) follow = NULL;
  GError *error = NULL;
  guint status;

  g_clear_object (&cd->stream);
  if (!(cd->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error)))
    {
      GError *transport = transport_error (cd, error);

      g_error_free (error);
      return_error (task, transport);
      return;
    }

  if (!_steward_provider_check_redirect (cd->provider, cd->message, &cd->n_redirects, &follow, &error))
    {
      return_error (task, error);
      return;
    }

  if (follow != NULL)
    {
      /* The same request, to where the server moved it */
      g_autoptr(SoupMessage) moved = steward_provider_build_chat_message (cd->provider, cd->request,
                                                                          TRUE, cd->api_key);

      soup_message_set_uri (moved, follow);
      g_set_object (&cd->message, moved);
      g_clear_object (&cd->stream);
      send_message (task);
      return;
    }

  status = soup_message_get_status (cd->message);
  restart_silence (cd);

  g_clear_pointer (&cd->error_body, g_byte_array_unref);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    cd->error_body = g_byte_array_new ();

  read_next (task);
}

static void
send_message (GTask *task)
{
  ChatData *cd = g_task_get_task_data (task);

  soup_session_send_async (cd->session, cd->message, G_PRIORITY_DEFAULT,
                           cd->attempt_cancellable, send_cb, task);
}

static void
send_attempt (GTask *task)
{
  ChatData *cd = g_task_get_task_data (task);

  cd->attempt++;
  cd->n_redirects = 0;
  cd->started_at = g_get_monotonic_time ();

  g_clear_object (&cd->message);
  g_clear_pointer (&cd->decoder, steward_reply_decoder_free);

  cd->message = steward_provider_build_chat_message (cd->provider, cd->request, TRUE, cd->api_key);
  if (cd->message == NULL)
    {
      return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE,
                                       _("The address of %s, “%s”, is not a valid URL."),
                                       steward_provider_get_name (cd->provider),
                                       steward_provider_get_base_url (cd->provider)));
      return;
    }

  cd->decoder = steward_reply_decoder_new (cd->provider, cd->reply, TRUE);

  begin_attempt (cd);
  send_message (task);
}

/**
 * steward_provider_chat_async:
 * @reply: where the reply is assembled; its "text-delta" signal fires as
 *   text arrives
 * @api_key: (nullable): the key, when the provider takes one
 *
 * Streams the reply to @request into @reply. It ends with an error when
 * the provider sends nothing new for `request->timeout_seconds`, when the
 * whole reply takes longer than `request->deadline_seconds`, and when the
 * reply grows far past `request->max_tokens` (or %STEWARD_PROVIDER_MAX_BODY);
 * what arrived stays in @reply. No error message carries @api_key.
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
  cd->request = steward_chat_request_copy (request);
  cd->api_key = g_strdup (api_key);
  cd->reply = g_object_ref (reply);
  steward_reply_set_secret (reply, api_key);
  g_set_object (&cd->task_cancellable, cancellable);
  g_task_set_task_data (task, cd, chat_data_free);

  if (request->deadline_seconds > 0)
    {
      cd->deadline_at = g_get_monotonic_time () + (gint64)request->deadline_seconds * G_USEC_PER_SEC;
      cd->deadline_source = g_timeout_add_seconds (request->deadline_seconds, deadline_cb, cd);
    }

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
