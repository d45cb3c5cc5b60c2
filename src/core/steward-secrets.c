/* steward-secrets.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-secrets"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "steward-secrets.h"

static const SecretSchema *
get_schema (void)
{
  static const SecretSchema schema = {
    "io.github.stewardapp.Steward.Secret", SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "name", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    },
    0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
  };

  return &schema;
}

gboolean
steward_secrets_store_api_key (const char    *provider_name,
                               const char    *key,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autofree char *label = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (provider_name != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  /* Translators: the label of a key in the keyring; %s is a provider name */
  label = g_strdup_printf (_("Steward API key for %s"), provider_name);

  if (!secret_password_store_sync (get_schema (), SECRET_COLLECTION_DEFAULT, label, key,
                                   cancellable, &local_error,
                                   "kind", "api-key",
                                   "name", provider_name,
                                   NULL))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not save the key for %s in the keyring (%s)."),
                   provider_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_secrets_clear_api_key (const char    *provider_name,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (provider_name != NULL, FALSE);

  secret_password_clear_sync (get_schema (), cancellable, &local_error,
                              "kind", "api-key",
                              "name", provider_name,
                              NULL);
  if (local_error != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not remove the key for %s from the keyring (%s)."),
                   provider_name, local_error->message);
      return FALSE;
    }

  return TRUE;
}

G_DEFINE_QUARK (steward-secrets-error-quark, steward_secrets_error)

/**
 * steward_secrets_lookup_api_key:
 * @provider_name: the provider's name, which its key is kept under
 * @env_name: (nullable): the environment variable the user named for
 *   the key, if any: then the key is read from it, never the keyring
 */
char *
steward_secrets_lookup_api_key (const char     *provider_name,
                                const char     *env_name,
                                GCancellable   *cancellable,
                                GError        **error)
{
  g_autoptr(GError) local_error = NULL;
  char *key;

  g_return_val_if_fail (provider_name != NULL, NULL);

  if (env_name != NULL)
    {
      const char *value = g_getenv (env_name);

      if (value == NULL || value[0] == '\0')
        {
          g_set_error (error, STEWARD_SECRETS_ERROR, STEWARD_SECRETS_ERROR_NO_KEY,
                       _("The environment variable %s, which holds the key for %s, is not set."),
                       env_name, provider_name);
          return NULL;
        }

      return g_strdup (value);
    }

  key = secret_password_lookup_sync (get_schema (), cancellable, &local_error,
                                     "kind", "api-key",
                                     "name", provider_name,
                                     NULL);

  /* No keyring (a bare shell, a CI runner) is the same as no key: the
   * provider may not need one, and says so if it does. */
  if (local_error != NULL)
    g_debug ("No keyring to look up the key for %s: %s",
             provider_name, local_error->message);

  if (key == NULL)
    return NULL;

  {
    char *copy = g_strdup (key);

    secret_password_free (key);
    return copy;
  }
}

gboolean
steward_secrets_has_api_key (const char *provider_name,
                             const char *env_name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (provider_name != NULL, FALSE);

  key = steward_secrets_lookup_api_key (provider_name, env_name, NULL, NULL);

  return key != NULL && key[0] != '\0';
}

typedef struct
{
  char *name;
  char *env_name;
} KeyOwner;

static void
key_owner_free (gpointer data)
{
  KeyOwner *owner = data;

  g_free (owner->name);
  g_free (owner->env_name);
  g_free (owner);
}

static void
lookup_worker (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  KeyOwner *owner = task_data;
  GError *error = NULL;
  char *key;

  key = steward_secrets_lookup_api_key (owner->name, owner->env_name, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, key, g_free);
}

void
steward_secrets_lookup_api_key_async (const char          *provider_name,
                                      const char          *env_name,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeyOwner *owner;

  g_return_if_fail (provider_name != NULL);

  owner = g_new0 (KeyOwner, 1);
  owner->name = g_strdup (provider_name);
  owner->env_name = g_strdup (env_name);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_secrets_lookup_api_key_async);
  g_task_set_task_data (task, owner, key_owner_free);
  g_task_run_in_thread (task, lookup_worker);
}

/**
 * steward_secrets_lookup_api_key_finish:
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when there is none
 *   (and @error is not set) or on error
 */
char *
steward_secrets_lookup_api_key_finish (GAsyncResult  *result,
                                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *name;
  char *key;
} KeyData;

static void
key_data_free (gpointer data)
{
  KeyData *kd = data;

  g_free (kd->name);
  if (kd->key != NULL)
    memset (kd->key, 0, strlen (kd->key));
  g_free (kd->key);
  g_free (kd);
}

static void
store_worker (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  KeyData *kd = task_data;
  GError *error = NULL;
  gboolean ok;

  if (kd->key != NULL)
    ok = steward_secrets_store_api_key (kd->name, kd->key, cancellable, &error);
  else
    ok = steward_secrets_clear_api_key (kd->name, cancellable, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* The keyring answers over D-Bus and may ask to be unlocked: from the
 * main thread, store and clear keys with these. */
void
steward_secrets_store_api_key_async (const char          *provider_name,
                                     const char          *key,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeyData *kd;

  g_return_if_fail (provider_name != NULL);
  g_return_if_fail (key != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_secrets_store_api_key_async);
  kd = g_new0 (KeyData, 1);
  kd->name = g_strdup (provider_name);
  kd->key = g_strdup (key);
  g_task_set_task_data (task, kd, key_data_free);
  g_task_run_in_thread (task, store_worker);
}

gboolean
steward_secrets_store_api_key_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

void
steward_secrets_clear_api_key_async (const char          *provider_name,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  KeyData *kd;

  g_return_if_fail (provider_name != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_secrets_clear_api_key_async);
  kd = g_new0 (KeyData, 1);
  kd->name = g_strdup (provider_name);
  g_task_set_task_data (task, kd, key_data_free);
  g_task_run_in_thread (task, store_worker);
}

gboolean
steward_secrets_clear_api_key_finish (GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
