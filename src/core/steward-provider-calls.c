/* steward-provider-calls.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-calls"

#include "config.h"

#include <string.h>

#include "steward-provider-calls.h"
#include "steward-secrets.h"

typedef struct
{
  StewardProvider    *provider;
  SoupSession        *session;
  StewardChatRequest *request;
  StewardReply       *reply;
} CallData;

static void
call_data_free (gpointer data)
{
  CallData *cd = data;

  g_clear_object (&cd->provider);
  g_clear_object (&cd->session);
  g_clear_pointer (&cd->request, steward_chat_request_free);
  g_clear_object (&cd->reply);
  g_free (cd);
}

static void
wipe (char *key)
{
  if (key != NULL)
    memset (key, 0, strlen (key));
  g_free (key);
}

static GTask *
call_new (StewardProvider     *provider,
          SoupSession         *session,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (NULL, cancellable, callback, user_data);
  CallData *cd = g_new0 (CallData, 1);

  g_task_set_source_tag (task, source_tag);
  cd->provider = g_object_ref (provider);
  cd->session = g_object_ref (session);
  g_task_set_task_data (task, cd, call_data_free);

  return task;
}

/* -- a chat ------------------------------------------------------------------ */

static void
chat_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (steward_provider_chat_finish (STEWARD_PROVIDER (object), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
chat_key_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *cd = g_task_get_task_data (task);
  GError *error = NULL;
  char *key;

  key = steward_secrets_lookup_api_key_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  steward_provider_chat_async (cd->provider, cd->session, cd->request, key, cd->reply,
                               g_task_get_cancellable (task), chat_cb, g_object_ref (task));
  wipe (key);
}

/**
 * steward_provider_calls_chat_async:
 * @reply: where the reply is assembled, as steward_provider_chat_async()
 *
 * Streams the reply to @request with the provider's own key.
 */
void
steward_provider_calls_chat_async (StewardProvider          *provider,
                                   SoupSession              *session,
                                   const StewardChatRequest *request,
                                   StewardReply             *reply,
                                   GCancellable             *cancellable,
                                   GAsyncReadyCallback       callback,
                                   gpointer                  user_data)
{
  GTask *task;
  CallData *cd;

  g_return_if_fail (STEWARD_IS_PROVIDER (provider));
  g_return_if_fail (SOUP_IS_SESSION (session));
  g_return_if_fail (request != NULL);
  g_return_if_fail (STEWARD_IS_REPLY (reply));

  task = call_new (provider, session, cancellable, callback, user_data, steward_provider_calls_chat_async);
  cd = g_task_get_task_data (task);
  cd->reply = g_object_ref (reply);
  cd->request = steward_chat_request_copy (request);

  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), cancellable, chat_key_cb, task);
}

gboolean
steward_provider_calls_chat_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- the model list ------------------------------------------------------------ */

static void
models_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GStrv models;

  if ((models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &error)))
    g_task_return_pointer (task, models, (GDestroyNotify)g_strfreev);
  else
    g_task_return_error (task, error);
}

static void
models_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CallData *cd = g_task_get_task_data (task);
  GError *error = NULL;
  char *key;

  key = steward_secrets_lookup_api_key_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  steward_provider_list_models_async (cd->provider, cd->session, key,
                                      g_task_get_cancellable (task), models_cb, g_object_ref (task));
  wipe (key);
}

/**
 * steward_provider_calls_list_models_async:
 *
 * Asks the provider which models it offers, with its own key.
 */
void
steward_provider_calls_list_models_async (StewardProvider     *provider,
                                          SoupSession         *session,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (STEWARD_IS_PROVIDER (provider));
  g_return_if_fail (SOUP_IS_SESSION (session));

  task = call_new (provider, session, cancellable, callback, user_data,
                   steward_provider_calls_list_models_async);
  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), cancellable, models_key_cb, task);
}

/**
 * steward_provider_calls_list_models_finish:
 *
 * Returns: (transfer full): the model ids, sorted
 */
GStrv
steward_provider_calls_list_models_finish (GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
