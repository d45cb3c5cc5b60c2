/* steward-services.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-services"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-services.h"

/* What the rest of Steward works with, in one place: the store, the
 * typed settings over it, the providers (the registry over the store and
 * the keyring), and the HTTP session every provider request goes
 * through. The app keeps one (steward_application_get_services ()),
 * steward-cli builds one per command, tests build one on a temporary
 * folder. Widgets take what they need from it.
 *
 * The store opens in a worker (migrations may take a moment on a large
 * file): until "ready" is TRUE, get_store (), get_settings () and
 * get_providers () return NULL; after, either the store is there or get_open_error () says why
 * not. */

struct _StewardServices
{
  GObject          parent_instance;

  StewardStore    *store;
  StewardSettings *settings;
  StewardProviderRegistry *providers;
  SoupSession     *session;
  GError          *open_error;
  guint            external_source;
  /* Shared by every view, made on first use */
  StewardRowList  *conversations;
  StewardRowList  *memories;
  StewardRowList  *tasks;
  StewardRowList  *projects;
  /* The board's columns, by status */
  StewardTaskColumn *task_columns[STEWARD_TASK_STATUS_DONE + 1];
  guint            ready : 1;
};

G_DEFINE_FINAL_TYPE (StewardServices, steward_services, G_TYPE_OBJECT)

/* How often the app looks for changes another process made: a cheap
 * read of the connection's own state, within a couple of seconds of the
 * change. */
#define EXTERNAL_CHANGE_INTERVAL_S 2

enum {
  PROP_0,
  PROP_PROVIDERS,
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

  g_clear_handle_id (&self->external_source, g_source_remove);
  /* A card dropped just before quitting is in the file before the
   * process ends */
  if (self->store != NULL)
    steward_store_wait_for_writes (self->store);
  if (self->session != NULL)
    soup_session_abort (self->session);
  g_clear_object (&self->conversations);
  g_clear_object (&self->memories);
  g_clear_object (&self->providers);
  for (guint i = 0; i < G_N_ELEMENTS (self->task_columns); i++)
    g_clear_object (&self->task_columns[i]);
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
    case PROP_PROVIDERS:
      g_value_set_object (value, self->providers);
      break;

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
   * StewardServices:providers:
   *
   * The providers the user set up, once the store is open.
   */
  properties[PROP_PROVIDERS] =
    g_param_spec_object ("providers", NULL, NULL, STEWARD_TYPE_PROVIDER_REGISTRY,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
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
    {
      self->settings = steward_settings_new (store);
      self->providers = steward_provider_registry_new (store);
    }
  g_clear_error (&self->open_error);
  self->open_error = error;
  self->ready = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROVIDERS]);
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

/**
 * steward_services_get_providers:
 *
 * Returns: (transfer none) (nullable): the providers the user set up,
 *   once the store is open
 */
StewardProviderRegistry *
steward_services_get_providers (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  return self->providers;
}

/* -- lists of what the store holds --------------------------------------- */

static StewardRowList *
get_list (StewardServices  *self,
          StewardRowList  **list,
          StewardRowList *(*watch) (StewardStore *store),
          GError          **error)
{
  if (*list != NULL)
    return *list;

  if (self->store == NULL)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FAILED,
                           _("The store is not open yet."));
      return NULL;
    }

  /* Read in a worker where the list can be long; it says when it is
   * loaded, or why it could not be. */
  *list = watch (self->store);
  steward_row_list_load_async (*list, NULL, NULL, NULL);

  return *list;
}

/**
 * steward_services_get_conversations:
 *
 * The conversations, latest first, read on first use (in a worker) and
 * kept up to date from then on: one list that every view shares. See
 * #StewardRowList:loaded for when it is read, and whether it could be.
 *
 * Returns: (transfer none) (nullable): the list, or %NULL with @error set
 *   if the store is not open
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
 * steward_services_get_task_column:
 * @status: the column
 *
 * The tasks of @status, in the order of their positions: one list per
 * status that every view shares, over steward_services_get_tasks().
 *
 * Returns: (transfer none) (nullable): the column, or %NULL with @error set
 */
StewardTaskColumn *
steward_services_get_task_column (StewardServices    *self,
                                  StewardTaskStatus   status,
                                  GError            **error)
{
  StewardRowList *tasks;

  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);
  g_return_val_if_fail (status <= STEWARD_TASK_STATUS_DONE, NULL);

  if (self->task_columns[status] != NULL)
    return self->task_columns[status];

  if (!(tasks = steward_services_get_tasks (self, error)))
    return NULL;

  self->task_columns[status] = steward_task_column_new (tasks, status);

  return self->task_columns[status];
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

/**
 * steward_services_new_first_run:
 *
 * Returns: (transfer full) (nullable): what sets up a first provider, on
 *   these services; %NULL before the store is open
 */
StewardFirstRun *
steward_services_new_first_run (StewardServices *self)
{
  g_return_val_if_fail (STEWARD_IS_SERVICES (self), NULL);

  if (self->store == NULL || self->providers == NULL)
    return NULL;

  return steward_first_run_new (self->store, self->providers, self->session);
}

static gboolean
check_external_change_cb (gpointer user_data)
{
  StewardServices *self = user_data;

  if (self->store != NULL)
    steward_store_check_external_change (self->store);

  return G_SOURCE_CONTINUE;
}

/**
 * steward_services_follow_external_changes:
 *
 * Looks every EXTERNAL_CHANGE_INTERVAL_S seconds whether another process
 * (steward-cli) changed the store, so that the lists show what it did:
 * for the app, which stays open while the CLI is used beside it.
 */
void
steward_services_follow_external_changes (StewardServices *self)
{
  g_return_if_fail (STEWARD_IS_SERVICES (self));

  if (self->external_source != 0 || self->store == NULL)
    return;

  /* Where things stand now */
  steward_store_check_external_change (self->store);
  self->external_source = g_timeout_add_seconds (EXTERNAL_CHANGE_INTERVAL_S, check_external_change_cb, self);
}
