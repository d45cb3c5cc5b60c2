/* steward-secrets.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>


G_BEGIN_DECLS

#define STEWARD_SECRETS_ERROR (steward_secrets_error_quark ())

typedef enum
{
  /* The environment variable named for a key is not set */
  STEWARD_SECRETS_ERROR_NO_KEY,
} StewardSecretsError;

GQuark   steward_secrets_error_quark     (void);

/* API keys live only in the keyring (libsecret, schema
 * io.github.stewardapp.Steward.Secret, attributes kind and name), or in an
 * environment variable the provider names. Never in the database,
 * GSettings, logs or exports. */

gboolean steward_secrets_store_api_key   (const char           *provider_name,
                                          const char           *key,
                                          GCancellable         *cancellable,
                                          GError              **error);
void     steward_secrets_store_api_key_async  (const char           *provider_name,
                                               const char           *key,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean steward_secrets_store_api_key_finish (GAsyncResult         *result,
                                               GError              **error);
void     steward_secrets_clear_api_key_async  (const char           *provider_name,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean steward_secrets_clear_api_key_finish (GAsyncResult         *result,
                                               GError              **error);
gboolean steward_secrets_clear_api_key   (const char           *provider_name,
                                          GCancellable         *cancellable,
                                          GError              **error);
gboolean steward_secrets_has_api_key     (const char           *provider_name,
                                          const char           *env_name);

/* The key for @provider: from its environment variable when it names one,
 * else from the keyring. May block on D-Bus: off the main thread, use
 * the async pair. Returns NULL with no error when there is no key. */
char    *steward_secrets_lookup_api_key  (const char           *provider_name,
                                          const char           *env_name,
                                          GCancellable         *cancellable,
                                          GError              **error);
void     steward_secrets_lookup_api_key_async  (const char           *provider_name,
                                                const char           *env_name,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char    *steward_secrets_lookup_api_key_finish (GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
