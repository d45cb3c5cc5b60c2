/* steward-services.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-services"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-secrets.h"
#include "steward-services.h"

/* What the rest of Steward works with, in one place: the store, the
 * typed settings over it, and the HTTP session every provider request
 * goes through. The app keeps one (steward_application_get_services ()),
 * steward-cli builds one per command, tests build one on a temporary
 * folder. Widgets take what they need from it.
 *
 * The store opens in a worker (migrations may take a moment on a large
 * file): until "ready" is TRUE, get_store () and get_settings () return
 * NULL; after, either the store is there or get_open_error () says why
 * not. */

struct _StewardServices
{
  GObject          parent_instance;

  StewardStore    *store;
  StewardSettings *settings;
  SoupSession     *session;
  GError          *open_error;
  /* Shared by every view, made on first use */
  StewardRowList  *conversations;
  StewardRowList  *memories;
  StewardRowList  *tasks;
  StewardRowList  *projects;
  guint            ready : 1;
};

G_DEFINE_FINAL_TYPE (StewardServices, steward_services, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_READY,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_services_dispose (GObject *object)
{
  StewardServices *self = (StewardServices *)object;

  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->conversations);
  g_clear_object (&self->memories);
  g_clear_object (&self->tasks);
  g_clear_object (&self->projects);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (steward_services_parent_class)->dispose (object);
}

static void
steward_services_finalize (GObject *object)
{
  StewardServices *self = (StewardServices *)object;

  g_clear_error (&self->open_error);

  G_OBJECT_CLASS (steward_services_parent_class)->finalize (object);
}

static void
steward_services_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardServices *self = STEWARD_SERVICES (object);

  switch (prop_id)
    {
    case PROP_READY:
      g_value_set_boolean (value, self->ready);
      break;

    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_services_class_init (StewardServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_services_dispose;
  object_class->finalize = steward_services_finalize;
  object_class->get_property = steward_services_get_property;

  /**
   * StewardServices:ready:
   *
   * Whether opening the store has finished, with the store or an error.
   */
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, STEWARD_TYPE_SETTINGS,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, STEWARD_TYPE_STORE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_services_init (StewardServices *self)
{
  self->session = soup_session_new_with_options ("user-agent", "Steward/" PACKAGE_VERSION, NULL);
}

StewardServices *
steward_services_new (void)
{
  return g_object_new (STEWARD_TYPE_SERVICES, NULL);
}

/* Error and store first, then "ready": listeners look at both. */
static void
set_opened (StewardServices *self,
            StewardStore    *store,
            GError          *error)
{
  g_set_object (&self->store, store);
  if (store != NULL)
    self->settings = steward_settings_new (store);
  g_clear_error (&self->open_error);
  self->open_error = error;
  self->ready = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/**
 * steward_services_open:
 * @data_dir: (nullable): the data folder; %NULL for the default one
 *
 * Opens the store, here and now (steward-cli, tests).
 */
gboolean
steward_services_open (StewardServices  *self,
                       const char       *data_dir,
                       GError          **error)
{
  g_autoptr(StewardStore) store = NULL;
  g_autofree char *dir = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (STEWARD_IS_SERVICES (self), FALSE);
  g_return_val_if_fail (!self->ready, FALSE);

  dir = steward_store_dup_default_data_dir (data_dir);
  store = steward_store_open (dir, &local_error);
  set_opened (self, store, local_error ? g_error_copy (local_error) : NULL);

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  return TRUE;
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardServices *self = g_task_get_source_object (task);
  g_autoptr(StewardStore) store = NULL;
  GError *error = NULL;

  store = steward_store_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, error);
      return;
    }

  set_opened (self, store, error ? g_error_copy (error) : NULL);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * steward_services_open_async:
 * @data_dir: (nullable): the data folder; %NULL for the default one
 *
 * Opens the store in a worker; "ready" turns %TRUE when it is done, with
 * the store or an error.
 */
void
steward_services_open_async (StewardServices     *self,
                             const char          *data_dir,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *dir = NULL;

  g_return_if_fail (STEWARD_IS_SERVICES (self));
  g_return_if_fail (!self->ready);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_services_open_async);

  dir = steward_store_dup_default_data_dir (data_dir);
  steward_store_open_async (dir, cancellable, open_cb, g_steal_pointer (&task));
}

gboolean
steward_services_open_finish (StewardServices  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
steward_services_get_ready (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), FALSE);

  return self->ready;
}

/**
 * steward_services_get_open_error:
 *
 * Returns: (nullable): why the store could not be opened
 */
const GError *
steward_services_get_open_error (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return self->open_error;
}

/**
 * steward_services_get_store:
 *
 * Returns: (transfer none) (nullable): the store, once it is open
 */
StewardStore *
steward_services_get_store (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return self->store;
}

/**
 * steward_services_get_settings:
 *
 * Returns: (transfer none) (nullable): the typed settings, once the store
 *   is open
 */
StewardSettings *
steward_services_get_settings (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return self->settings;
}

/**
 * steward_services_get_session:
 *
 * Returns: (transfer none): the HTTP session of every provider request
 */
SoupSession *
steward_services_get_session (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return self->session;
}

/* -- adding a provider with its key ---------------------------------------- */

static gboolean
check_open (StewardServices  *self,
            GError          **error)
{
  if (self->store != NULL)
    return TRUE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                       _("Steward’s data is not open yet."));
  return FALSE;
}

/**
 * steward_services_add_provider:
 * @api_key: (nullable): the key, for the keyring; %NULL for none (or
 *   for a provider that reads its key from an environment variable)
 *
 * Stores @provider, then its key in the keyring. When the key cannot be
 * stored, the provider is removed again: one or the other, never half.
 */
gboolean
steward_services_add_provider (StewardServices  *self,
                               StewardProvider  *provider,
                               const char       *api_key,
                               GError          **error)
{
  g_autoptr(GError) undo_error = NULL;
  const char *name;

  g_return_val_if_fail (STEWARD_IS_SERVICES (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_PROVIDER (provider), FALSE);

  if (!check_open (self, error) || !steward_store_add_provider (self->store, provider, error))
    return FALSE;

  name = steward_provider_get_name (provider);
  if (api_key == NULL || api_key[0] == '\0' ||
      steward_secrets_store_api_key (name, api_key, NULL, error))
    return TRUE;

  if (!steward_store_remove_provider (self->store, name, &undo_error))
    g_warning ("Cannot remove the provider “%s” whose key could not be stored: %s", name, undo_error->message);

  return FALSE;
}

typedef struct
{
  StewardProvider *provider;
  char            *api_key;
} AddData;

static void
add_data_free (gpointer data)
{
  AddData *ad = data;

  g_clear_object (&ad->provider);
  if (ad->api_key != NULL)
    memset (ad->api_key, 0, strlen (ad->api_key));
  g_free (ad->api_key);
  g_free (ad);
}

static void
add_key_stored_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardServices *self = g_task_get_source_object (task);
  AddData *ad = g_task_get_task_data (task);
  g_autoptr(GError) undo_error = NULL;
  GError *error = NULL;

  if (steward_secrets_store_api_key_finish (result, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (self->store != NULL &&
      !steward_store_remove_provider (self->store, steward_provider_get_name (ad->provider), &undo_error))
    g_warning ("Cannot remove the provider whose key could not be stored: %s", undo_error->message);

  g_task_return_error (task, error);
}

/**
 * steward_services_add_provider_async:
 *
 * As steward_services_add_provider(), with the keyring reached without
 * blocking.
 */
void
steward_services_add_provider_async (StewardServices     *self,
                                     StewardProvider     *provider,
                                     const char          *api_key,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  AddData *ad;

  g_return_if_fail (STEWARD_IS_SERVICES (self));
  g_return_if_fail (STEWARD_IS_PROVIDER (provider));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_services_add_provider_async);

  ad = g_new0 (AddData, 1);
  ad->provider = g_object_ref (provider);
  ad->api_key = g_strdup (api_key);
  g_task_set_task_data (task, ad, add_data_free);

  if (!check_open (self, &error) || !steward_store_add_provider (self->store, provider, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (api_key == NULL || api_key[0] == '\0')
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  steward_secrets_store_api_key_async (steward_provider_get_name (provider), api_key, cancellable,
                                       add_key_stored_cb, g_steal_pointer (&task));
}

gboolean
steward_services_add_provider_finish (StewardServices  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/* -- lists of what the store holds --------------------------------------- */

static StewardRowList *
get_list (StewardServices  *self,
          StewardRowList  **list,
          StewardRowList *(*watch) (StewardStore *store),
          GError          **error)
{
  g_autoptr(StewardRowList) new_list = NULL;

  if (*list != NULL)
    return *list;

  if (self->store == NULL)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FAILED,
                           _("The store is not open yet."));
      return NULL;
    }

  new_list = watch (self->store);
  if (!steward_row_list_reload (new_list, error))
    return NULL;

  return *list = g_steal_pointer (&new_list);
}

/**
 * steward_services_get_conversations:
 *
 * The conversations, latest first, read on first use and kept up to date
 * from then on: one list that every view shares.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL with @error set
 *   if the store is not open or could not be read
 */
StewardRowList *
steward_services_get_conversations (StewardServices  *self,
                                    GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return get_list (self, &self->conversations, steward_store_watch_conversations, error);
}

/**
 * steward_services_get_memories:
 *
 * The long-term memories, latest first, shared as
 * steward_services_get_conversations() is.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL with @error set
 */
StewardRowList *
steward_services_get_memories (StewardServices  *self,
                               GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return get_list (self, &self->memories, steward_store_watch_memories, error);
}

/**
 * steward_services_get_tasks:
 *
 * The tasks, the most recently created first, shared as
 * steward_services_get_conversations() is.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL with @error set
 */
StewardRowList *
steward_services_get_tasks (StewardServices  *self,
                            GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return get_list (self, &self->tasks, steward_store_watch_tasks, error);
}

/**
 * steward_services_get_projects:
 *
 * The document projects, the most recently updated first, shared as
 * steward_services_get_conversations() is.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL with @error set
 */
StewardRowList *
steward_services_get_projects (StewardServices  *self,
                               GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return get_list (self, &self->projects, steward_store_watch_projects, error);
}

/**
 * steward_services_watch_messages:
 * @conversation_id: the conversation, or 0 for a new one
 *
 * Opens a window on a conversation's messages, for one view: it keeps
 * itself up to date, and holds only what is near where the view looks.
 *
 * Returns: (transfer full) (nullable): the window, empty until
 *   steward_message_list_load_end(); %NULL before the store is open
 */
StewardMessageList *
steward_services_watch_messages (StewardServices *self,
                                 gint64           conversation_id)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  if (self->store == NULL)
    return NULL;

  return steward_store_watch_messages (self->store, conversation_id);
}
