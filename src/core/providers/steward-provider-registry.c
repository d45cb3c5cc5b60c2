/* steward-provider-registry.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-registry"

#include "config.h"

#include <string.h>

#include "steward-provider-registry.h"
#include "steward-secrets.h"

/* The providers the user set up, as StewardProviders ready to be asked:
 * the store keeps their rows (StewardProviderRecord) and knows nothing of
 * HTTP; the keyring keeps their keys. Adding, changing and removing a
 * provider goes through here, so that its row and its key change
 * together. The services own one (steward_services_get_providers ()).
 *
 * The store is reached on the calling thread (the main thread's
 * connection does short writes); the keyring, which answers over D-Bus
 * and may ask to be unlocked, in a worker. */

struct _StewardProviderRegistry
{
  GObject       parent_instance;

  StewardStore *store;
};

G_DEFINE_FINAL_TYPE (StewardProviderRegistry, steward_provider_registry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A key is wiped before its memory goes back. */
typedef char WipedKey;

static void
wipe (WipedKey *key)
{
  if (key != NULL)
    memset (key, 0, strlen (key));
  g_free (key);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WipedKey, wipe)

/* -- rows and providers ------------------------------------------------------ */

static StewardProviderRecord *
record_from_provider (StewardProvider *provider)
{
  const char *base_url = steward_provider_get_base_url (provider);

  /* Only a base URL the user chose is stored; the official one may move. */
  if (g_strcmp0 (base_url, steward_provider_get_default_base_url (provider)) == 0)
    base_url = NULL;

  return steward_provider_record_new (steward_provider_get_name (provider),
                                      steward_provider_get_kind (provider),
                                      base_url,
                                      steward_provider_get_model (provider),
                                      steward_provider_get_api_key_env (provider));
}

static StewardProvider *
provider_from_record (StewardProviderRecord  *record,
                      GError                **error)
{
  StewardProvider *provider;

  provider = steward_provider_new (steward_provider_record_get_kind (record),
                                   steward_provider_record_get_name (record),
                                   error);
  if (provider == NULL)
    return NULL;

  steward_provider_set_base_url (provider, steward_provider_record_get_base_url (record));
  steward_provider_set_model (provider, steward_provider_record_get_model (record));
  steward_provider_set_api_key_env (provider, steward_provider_record_get_api_key_env (record));

  return provider;
}

/* -- keys ---------------------------------------------------------------------- */

/* What happens to a provider's key along with its row. */
typedef struct
{
  /* The row before an update (to put back, and where the key was);
   * NULL when the provider is added or removed. */
  StewardProviderRecord *old_record;
  StewardProviderRecord *record;
  /* NULL: the key stays (and follows a rename); "": it is removed;
   * else it replaces the one stored. */
  char                  *api_key;
} Change;

static void
change_free (Change *change)
{
  g_clear_object (&change->old_record);
  g_clear_object (&change->record);
  g_clear_pointer (&change->api_key, wipe);
  g_free (change);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Change, change_free)

static Change *
change_new (StewardProviderRecord *old_record,
            StewardProviderRecord *record,
            const char            *api_key)
{
  Change *change = g_new0 (Change, 1);

  change->old_record = old_record ? g_object_ref (old_record) : NULL;
  change->record = g_object_ref (record);
  change->api_key = g_strdup (api_key);

  return change;
}

/* The key the keyring holds under @name, whatever environment variable
 * the provider names: a provider without one asks the keyring only. */
static char *
lookup_keyring_key (const char    *kind,
                    const char    *name,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(StewardProvider) keyring_provider = NULL;

  if (!(keyring_provider = steward_provider_new (kind, name, error)))
    return NULL;

  return steward_secrets_lookup_api_key (steward_provider_get_name (keyring_provider), steward_provider_get_api_key_env (keyring_provider), cancellable, error);
}

static gboolean
change_is_renamed (Change *change)
{
  return change->old_record != NULL &&
         g_strcmp0 (steward_provider_record_get_name (change->old_record),
                    steward_provider_record_get_name (change->record)) != 0;
}

/* Whether the change reaches the keyring at all. */
static gboolean
change_needs_keyring (Change *change)
{
  if (change->old_record == NULL)
    return change->api_key != NULL && change->api_key[0] != '\0';

  return change->api_key != NULL || change_is_renamed (change);
}

/* The key's part of adding or updating, blocking: in a worker, or in
 * steward-cli. On failure the keyring is left as it was, as far as it
 * can be. */
static gboolean
change_key (Change        *change,
            GCancellable  *cancellable,
            GError       **error)
{
  const char *name = steward_provider_record_get_name (change->record);
  const char *old_name = change->old_record ? steward_provider_record_get_name (change->old_record) : name;
  gboolean renamed = change_is_renamed (change);
  g_autoptr(WipedKey) moved = NULL;
  GError *local_error = NULL;
  const char *key;

  if (!change_needs_keyring (change))
    return TRUE;

  if (change->api_key == NULL)
    {
      /* Renamed: the key moves along, if there is one. */
      moved = lookup_keyring_key (steward_provider_record_get_kind (change->old_record), old_name,
                                  cancellable, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      if (moved == NULL)
        return TRUE;
      key = moved;
    }
  else if (change->api_key[0] == '\0')
    {
      /* Removed: from under the new name too, so that no key left there
       * before becomes this provider's. */
      return (!renamed || steward_secrets_clear_api_key (name, cancellable, error)) &&
             steward_secrets_clear_api_key (old_name, cancellable, error);
    }
  else
    {
      key = change->api_key;
    }

  if (!steward_secrets_store_api_key (name, key, cancellable, error))
    return FALSE;

  if (renamed && !steward_secrets_clear_api_key (old_name, cancellable, error))
    {
      /* The key stays under the old name, with the old row. */
      steward_secrets_clear_api_key (name, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* The row as it was, when the key could not follow: one or the other,
 * never half. */
static void
undo_change (StewardProviderRegistry *self,
             Change                  *change)
{
  g_autoptr(GError) error = NULL;
  const char *name = steward_provider_record_get_name (change->record);

  if (change->old_record == NULL)
    {
      if (!steward_store_remove_provider (self->store, name, &error))
        g_warning ("Cannot remove the provider “%s” whose key could not be stored: %s", name, error->message);
    }
  else
    {
      if (!steward_store_update_provider (self->store, name, change->old_record, &error))
        g_warning ("Cannot put back the provider “%s” whose key could not follow: %s", name, error->message);
    }
}

static void
change_key_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;

  if (change_key (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
change_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardProviderRegistry *self = STEWARD_PROVIDER_REGISTRY (object);
  GError *error = NULL;

  if (g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  undo_change (self, g_task_get_task_data (task));
  g_task_return_error (task, error);
}

/* Runs the key's part of @task's change in a worker, then finishes @task. */
static void
run_change (StewardProviderRegistry *self,
            GTask                   *task)
{
  g_autoptr(GTask) worker = NULL;
  Change *change = g_task_get_task_data (task);

  if (!change_needs_keyring (change))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* The worker's task holds the change too, never the caller's task:
   * the caller's callback runs on the caller's thread. */
  worker = g_task_new (self, g_task_get_cancellable (task), change_key_cb, g_object_ref (task));
  g_task_set_source_tag (worker, run_change);
  g_task_set_task_data (worker,
                        change_new (change->old_record, change->record, change->api_key),
                        (GDestroyNotify)change_free);
  g_task_run_in_thread (worker, change_key_worker);
}

/* -- GObject ------------------------------------------------------------------- */

static void
store_providers_changed_cb (StewardProviderRegistry *self,
                            StewardStore            *store)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
steward_provider_registry_constructed (GObject *object)
{
  StewardProviderRegistry *self = (StewardProviderRegistry *)object;

  G_OBJECT_CLASS (steward_provider_registry_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "providers-changed",
                           G_CALLBACK (store_providers_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
}

static void
steward_provider_registry_dispose (GObject *object)
{
  StewardProviderRegistry *self = (StewardProviderRegistry *)object;

  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_provider_registry_parent_class)->dispose (object);
}

static void
steward_provider_registry_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  StewardProviderRegistry *self = STEWARD_PROVIDER_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_registry_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  StewardProviderRegistry *self = STEWARD_PROVIDER_REGISTRY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_provider_registry_class_init (StewardProviderRegistryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = steward_provider_registry_constructed;
  object_class->dispose = steward_provider_registry_dispose;
  object_class->get_property = steward_provider_registry_get_property;
  object_class->set_property = steward_provider_registry_set_property;

  /**
   * StewardProviderRegistry:store:
   *
   * The store the providers' rows are kept in.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardProviderRegistry::changed:
   *
   * A provider was added, changed or removed, or a model size mapped,
   * through the store (its "providers-changed").
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
steward_provider_registry_init (StewardProviderRegistry *self)
{
}

StewardProviderRegistry *
steward_provider_registry_new (StewardStore *store)
{
  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  return g_object_new (STEWARD_TYPE_PROVIDER_REGISTRY,
                       "store", store,
                       NULL);
}

/**
 * steward_provider_registry_get_store:
 *
 * Returns: (transfer none): the store the rows are kept in
 */
StewardStore *
steward_provider_registry_get_store (StewardProviderRegistry *self)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), NULL);

  return self->store;
}

/* -- finding and listing ------------------------------------------------------------ */

/**
 * steward_provider_registry_find:
 *
 * Returns: (transfer full): the provider named @name, set up as stored,
 *   or %NULL with @error set: %STEWARD_STORE_ERROR_NOT_FOUND when there
 *   is none, a %STEWARD_PROVIDER_ERROR when its kind is unknown here
 */
StewardProvider *
steward_provider_registry_find (StewardProviderRegistry  *self,
                                const char               *name,
                                GError                  **error)
{
  g_autoptr(StewardProviderRecord) record = NULL;

  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(record = steward_store_find_provider (self->store, name, error)))
    return NULL;

  return provider_from_record (record, error);
}

/**
 * steward_provider_registry_list:
 *
 * A provider of a kind this version does not know (a newer Steward
 * wrote it) is left out rather than failing the list.
 *
 * Returns: (transfer full): a #GListModel of #StewardProvider, the most
 *   recently added first
 */
GListModel *
steward_provider_registry_list (StewardProviderRegistry  *self,
                                GError                  **error)
{
  g_autoptr(GListModel) records = NULL;
  g_autoptr(GListStore) providers = NULL;
  guint n_records;

  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), NULL);

  if (!(records = steward_store_list_providers (self->store, error)))
    return NULL;

  providers = g_list_store_new (STEWARD_TYPE_PROVIDER);
  n_records = g_list_model_get_n_items (records);

  for (guint i = 0; i < n_records; i++)
    {
      g_autoptr(StewardProviderRecord) record = g_list_model_get_item (records, i);
      g_autoptr(StewardProvider) provider = NULL;
      g_autoptr(GError) local_error = NULL;

      if ((provider = provider_from_record (record, &local_error)))
        g_list_store_append (providers, provider);
      else
        g_debug ("Leaving out a provider: %s", local_error->message);
    }

  return G_LIST_MODEL (g_steal_pointer (&providers));
}

/* -- adding ------------------------------------------------------------------------- */

/**
 * steward_provider_registry_add:
 * @api_key: (nullable): the key, for the keyring; %NULL or empty for
 *   none (or for a provider that reads its key from an environment
 *   variable)
 *
 * Stores @provider, then its key in the keyring. When the key cannot be
 * stored, the provider is removed again: one or the other, never half.
 * Blocks on the keyring: steward-cli and tests; the app uses
 * steward_provider_registry_add_async().
 */
gboolean
steward_provider_registry_add (StewardProviderRegistry  *self,
                               StewardProvider          *provider,
                               const char               *api_key,
                               GError                  **error)
{
  g_autoptr(StewardProviderRecord) record = NULL;
  g_autoptr(Change) change = NULL;

  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_PROVIDER (provider), FALSE);

  record = record_from_provider (provider);
  if (!steward_store_add_provider (self->store, record, error))
    return FALSE;

  change = change_new (NULL, record, api_key);
  if (change_key (change, NULL, error))
    return TRUE;

  undo_change (self, change);

  return FALSE;
}

/**
 * steward_provider_registry_add_async:
 *
 * As steward_provider_registry_add(), with the keyring reached without
 * blocking. The row is stored before this returns.
 */
void
steward_provider_registry_add_async (StewardProviderRegistry *self,
                                     StewardProvider         *provider,
                                     const char              *api_key,
                                     GCancellable            *cancellable,
                                     GAsyncReadyCallback      callback,
                                     gpointer                 user_data)
{
  g_autoptr(StewardProviderRecord) record = NULL;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self));
  g_return_if_fail (STEWARD_IS_PROVIDER (provider));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_provider_registry_add_async);

  record = record_from_provider (provider);
  g_task_set_task_data (task, change_new (NULL, record, api_key), (GDestroyNotify)change_free);

  if (!steward_store_add_provider (self->store, record, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  run_change (self, task);
}

gboolean
steward_provider_registry_add_finish (StewardProviderRegistry  *self,
                                      GAsyncResult             *result,
                                      GError                  **error)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- updating ----------------------------------------------------------------------- */

/**
 * steward_provider_registry_update_async:
 * @old_name: the name the provider is stored under
 * @provider: its new settings, possibly under a new name
 * @api_key: (nullable): %NULL to keep the key in the keyring (it follows
 *   a rename), an empty string to take it out, else the key to keep from
 *   now on
 *
 * Stores new settings for a provider, then changes its key as asked.
 * Model sizes follow a rename. When the keyring fails, the provider's
 * row is put back as it was: one or the other, never half.
 */
void
steward_provider_registry_update_async (StewardProviderRegistry *self,
                                        const char              *old_name,
                                        StewardProvider         *provider,
                                        const char              *api_key,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_autoptr(StewardProviderRecord) old_record = NULL;
  g_autoptr(StewardProviderRecord) record = NULL;
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self));
  g_return_if_fail (old_name != NULL);
  g_return_if_fail (STEWARD_IS_PROVIDER (provider));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_provider_registry_update_async);

  record = record_from_provider (provider);

  if (!(old_record = steward_store_find_provider (self->store, old_name, &error)) ||
      !steward_store_update_provider (self->store, old_name, record, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_set_task_data (task, change_new (old_record, record, api_key), (GDestroyNotify)change_free);
  run_change (self, task);
}

gboolean
steward_provider_registry_update_finish (StewardProviderRegistry  *self,
                                         GAsyncResult             *result,
                                         GError                  **error)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- removing ----------------------------------------------------------------------- */

/**
 * steward_provider_registry_remove:
 * @key_error: (out) (optional): why the key could not be taken out of the
 *   keyring (there may be no keyring at all); the provider is removed
 *   all the same
 *
 * Removes the provider (its model sizes go with it; messages keep its
 * name as text), then its key from the keyring. Blocks on the keyring:
 * steward-cli and tests; the app uses steward_provider_registry_remove_async().
 *
 * Returns: %TRUE if the provider was removed, else %FALSE with @error set
 */
gboolean
steward_provider_registry_remove (StewardProviderRegistry  *self,
                                  const char               *name,
                                  GError                  **key_error,
                                  GError                  **error)
{
  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!steward_store_remove_provider (self->store, name, error))
    return FALSE;

  steward_secrets_clear_api_key (name, NULL, key_error);

  return TRUE;
}

static void
remove_key_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError **key_error = g_task_get_task_data (task);

  steward_secrets_clear_api_key_finish (result, key_error);
  g_task_return_boolean (task, TRUE);
}

static void
clear_key_error (gpointer data)
{
  GError **key_error = data;

  g_clear_error (key_error);
  g_free (key_error);
}

/**
 * steward_provider_registry_remove_async:
 *
 * As steward_provider_registry_remove(), with the keyring reached
 * without blocking. The row is removed before this returns; cancelling
 * leaves the key where it is.
 */
void
steward_provider_registry_remove_async (StewardProviderRegistry *self,
                                        const char              *name,
                                        GCancellable            *cancellable,
                                        GAsyncReadyCallback      callback,
                                        gpointer                 user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self));
  g_return_if_fail (name != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_provider_registry_remove_async);
  /* Where the keyring's error waits for _finish () */
  g_task_set_task_data (task, g_new0 (GError *, 1), clear_key_error);

  if (!steward_store_remove_provider (self->store, name, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  steward_secrets_clear_api_key_async (name, cancellable, remove_key_cb, g_steal_pointer (&task));
}

/**
 * steward_provider_registry_remove_finish:
 * @key_error: (out) (optional): why the key could not be taken out of the
 *   keyring; the provider is removed all the same
 *
 * Returns: %TRUE if the provider was removed, else %FALSE with @error set
 */
gboolean
steward_provider_registry_remove_finish (StewardProviderRegistry  *self,
                                         GAsyncResult             *result,
                                         GError                  **key_error,
                                         GError                  **error)
{
  GError **task_key_error;

  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  task_key_error = g_task_get_task_data (G_TASK (result));
  if (*task_key_error != NULL)
    g_propagate_error (key_error, g_error_copy (*task_key_error));

  return TRUE;
}
