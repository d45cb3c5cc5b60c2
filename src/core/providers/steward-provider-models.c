/* steward-provider-models.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-provider-private.h"
#include "steward-redact.h"

#define READ_SIZE 8192

/* Asking a provider which models it offers: what Preferences and
 * `steward-cli provider test` show. The list is read to its end, up to
 * STEWARD_PROVIDER_MAX_BODY. */

typedef struct
{
  SoupSession  *session;
  SoupMessage  *message;
  GInputStream *stream;
  GByteArray   *body;
  char         *api_key;
  guint         n_redirects;
} ModelsData;

static void
models_data_free (gpointer data)
{
  ModelsData *md = data;

  g_clear_object (&md->session);
  g_clear_object (&md->message);
  g_clear_object (&md->stream);
  g_clear_pointer (&md->body, g_byte_array_unref);
  if (md->api_key != NULL)
    memset (md->api_key, 0, strlen (md->api_key));
  g_clear_pointer (&md->api_key, g_free);
  g_free (md);
}

static void
models_return_error (GTask  *task,
                     GError *error)
{
  ModelsData *md = g_task_get_task_data (task);

  steward_redact_error (error, md->api_key);
  g_task_return_error (task, error);
}

/* Where the list was asked for, which tells a wrong address or kind
 * apart; without the query, where a key may travel. */
static char *
models_dup_url (ModelsData *md)
{
  return g_uri_to_string_partial (soup_message_get_uri (md->message),
                                  G_URI_HIDE_USERINFO | G_URI_HIDE_QUERY | G_URI_HIDE_FRAGMENT);
}

static void models_send (GTask *task);
static void models_read_cb (GObject *object, GAsyncResult *result, gpointer user_data);

/* Takes over @task's reference */
static void
models_read (GTask *task)
{
  ModelsData *md = g_task_get_task_data (task);

  g_input_stream_read_bytes_async (md->stream, READ_SIZE, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), models_read_cb, task);
}

static void
models_read_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardProvider *self = g_task_get_source_object (task);
  ModelsData *md = g_task_get_task_data (task);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) body = NULL;
  GError *error = NULL;
  guint status;
  GStrv models;

  if (!(bytes = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error)))
    {
      GError *transport = steward_provider_error_for_transport (self, error);

      g_error_free (error);
      models_return_error (task, transport);
      return;
    }

  if (g_bytes_get_size (bytes) > 0)
    {
      if (md->body->len + g_bytes_get_size (bytes) > STEWARD_PROVIDER_MAX_BODY)
        {
          g_autofree char *size = g_format_size (STEWARD_PROVIDER_MAX_BODY);

          models_return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TOO_LONG,
                                                  _("%s sent a model list longer than %s; Steward stopped reading it."),
                                                  steward_provider_get_name (self), size));
          return;
        }

      g_byte_array_append (md->body, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
      models_read (g_steal_pointer (&task));
      return;
    }

  body = g_byte_array_free_to_bytes (g_steal_pointer (&md->body));
  status = soup_message_get_status (md->message);
  if (!SOUP_STATUS_IS_SUCCESSFUL (status))
    {
      error = steward_provider_error_for_status (self, status, NULL, body);

      /* No model was asked for: a list that is not there means the
       * address or the kind is wrong, not the model. */
      if (g_error_matches (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL))
        {
          g_autofree char *url = models_dup_url (md);

          g_clear_error (&error);
          error = g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL,
                               _("%s has no model list at %s (HTTP %u %s); check the address and the kind of provider."),
                               steward_provider_get_name (self), url, status,
                               soup_status_get_phrase (status));
        }

      models_return_error (task, error);
      return;
    }

  if (!(models = steward_provider_parse_models (self, body, &error)))
    {
      g_autofree char *url = models_dup_url (md);

      g_clear_error (&error);
      models_return_error (task, g_error_new (STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                                              _("What %s sent from %s is not a model list Steward can read; check the address and the kind of provider."),
                                              steward_provider_get_name (self), url));
      return;
    }

  g_task_return_pointer (task, models, (GDestroyNotify)g_strfreev);
}

static void
models_send_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardProvider *self = g_task_get_source_object (task);
  ModelsData *md = g_task_get_task_data (task);
  g_autoptr(GUri) follow = NULL;
  GError *error = NULL;

  g_clear_object (&md->stream);
  if (!(md->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error)))
    {
      GError *transport = steward_provider_error_for_transport (self, error);

      g_error_free (error);
      models_return_error (task, transport);
      return;
    }

  if (!_steward_provider_check_redirect (self, md->message, &md->n_redirects, &follow, &error))
    {
      models_return_error (task, error);
      return;
    }

  if (follow != NULL)
    {
      g_autoptr(SoupMessage) moved = steward_provider_build_models_message (self, md->api_key);

      soup_message_set_uri (moved, follow);
      g_set_object (&md->message, moved);
      g_clear_object (&md->stream);
      models_send (g_steal_pointer (&task));
      return;
    }

  g_clear_pointer (&md->body, g_byte_array_unref);
  md->body = g_byte_array_new ();
  models_read (g_steal_pointer (&task));
}

/* Takes over @task's reference */
static void
models_send (GTask *task)
{
  ModelsData *md = g_task_get_task_data (task);

  soup_session_send_async (md->session, md->message, G_PRIORITY_DEFAULT,
                           g_task_get_cancellable (task), models_send_cb, task);
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
  ModelsData *md;

  g_return_if_fail (STEWARD_IS_PROVIDER (self));
  g_return_if_fail (SOUP_IS_SESSION (session));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_provider_list_models_async);

  md = g_new0 (ModelsData, 1);
  md->session = g_object_ref (session);
  md->api_key = g_strdup (api_key);
  g_task_set_task_data (task, md, models_data_free);

  if (!(md->message = steward_provider_build_models_message (self, api_key)))
    {
      g_task_return_new_error (task, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE,
                               _("The address of %s, “%s”, is not a valid URL."),
                               steward_provider_get_name (self),
                               steward_provider_get_base_url (self));
      return;
    }

  models_send (g_steal_pointer (&task));
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
