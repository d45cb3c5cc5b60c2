/* steward-first-run.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-first-run"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "steward-first-run.h"

/* Setting Steward up the first time: while no provider is set up, a
 * local Ollama that answers is offered, with the first model it has;
 * taking the offer adds it as the provider "Ollama" and maps the medium
 * size to that model. The Chat page shows the offer and its button.
 *
 * STEWARD_OLLAMA_URL names another address to look at (tests, an Ollama
 * elsewhere). */

#define OLLAMA_DEFAULT_URL     "http://127.0.0.1:11434"
#define OLLAMA_PROVIDER_NAME   "Ollama"
#define OLLAMA_TIER            "medium"
/* Looking must not keep the page waiting on an address that swallows
 * packets. */
#define OLLAMA_PROBE_TIMEOUT_S 2

struct _StewardFirstRun
{
  GObject          parent_instance;

  StewardStore            *store;
  StewardProviderRegistry *providers;
  SoupSession             *session;
  /* Once found */
  char            *ollama_url;
  char            *ollama_model;
};

G_DEFINE_FINAL_TYPE (StewardFirstRun, steward_first_run, G_TYPE_OBJECT)

static void
steward_first_run_finalize (GObject *object)
{
  StewardFirstRun *self = (StewardFirstRun *)object;

  g_clear_object (&self->store);
  g_clear_object (&self->providers);
  g_clear_object (&self->session);
  g_clear_pointer (&self->ollama_url, g_free);
  g_clear_pointer (&self->ollama_model, g_free);

  G_OBJECT_CLASS (steward_first_run_parent_class)->finalize (object);
}

static void
steward_first_run_class_init (StewardFirstRunClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_first_run_finalize;
}

static void
steward_first_run_init (StewardFirstRun *self)
{
}

/**
 * steward_first_run_new:
 * @store: where the medium size is mapped
 * @providers: where Ollama is added
 * @session: the session to look for it with
 *
 * See also steward_services_new_first_run().
 */
StewardFirstRun *
steward_first_run_new (StewardStore            *store,
                       StewardProviderRegistry *providers,
                       SoupSession             *session)
{
  StewardFirstRun *self;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (STEWARD_IS_PROVIDER_REGISTRY (providers), NULL);
  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);

  self = g_object_new (STEWARD_TYPE_FIRST_RUN, NULL);
  self->store = g_object_ref (store);
  self->providers = g_object_ref (providers);
  self->session = g_object_ref (session);

  return self;
}

/**
 * steward_first_run_is_needed:
 *
 * Returns: %TRUE while no provider is set up; %FALSE when one is, or
 *   with @error set when the providers cannot be listed
 */
gboolean
steward_first_run_is_needed (StewardFirstRun  *self,
                             GError          **error)
{
  g_autoptr(GListModel) providers = NULL;

  g_return_val_if_fail (STEWARD_IS_FIRST_RUN (self), FALSE);

  if (!(providers = steward_provider_registry_list (self->providers, error)))
    return FALSE;

  return g_list_model_get_n_items (providers) == 0;
}

/* -- looking for Ollama --------------------------------------------------------- */

typedef struct
{
  StewardProvider *provider;
  /* Cancelled by the caller's cancellable or by the timeout */
  GCancellable    *probe;
  GCancellable    *cancellable;
  gulong           cancelled_id;
  guint            timeout_id;
  guint            timed_out : 1;
} Probe;

static void
probe_free (gpointer data)
{
  Probe *probe = data;

  g_clear_handle_id (&probe->timeout_id, g_source_remove);
  /* Not g_cancellable_disconnect (): this may run inside the caller's
   * "cancelled", where that would wait for itself. */
  if (probe->cancellable != NULL)
    g_clear_signal_handler (&probe->cancelled_id, probe->cancellable);
  g_clear_object (&probe->cancellable);
  g_clear_object (&probe->probe);
  g_clear_object (&probe->provider);
  g_free (probe);
}

static void
probe_cancelled_cb (GCancellable *cancellable,
                    GCancellable *probe)
{
  g_cancellable_cancel (probe);
}

static void
probe_cancellable_unref (gpointer  data,
                         GClosure *closure)
{
  g_object_unref (data);
}

static gboolean
probe_timeout_cb (gpointer user_data)
{
  Probe *probe = user_data;

  probe->timeout_id = 0;
  probe->timed_out = TRUE;
  g_cancellable_cancel (probe->probe);

  return G_SOURCE_REMOVE;
}

static void
ollama_models_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardFirstRun *self = g_task_get_source_object (task);
  Probe *probe = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;

  g_clear_handle_id (&probe->timeout_id, g_source_remove);

  models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &error);

  if (probe->timed_out)
    {
      g_autoptr(GError) timed_out = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                                         g_strerror (ETIMEDOUT));

      g_task_return_error (task, steward_provider_error_for_transport (probe->provider, timed_out));
      return;
    }

  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Ollama answers, but has no model to offer. */
  if (models == NULL || models[0] == NULL)
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  g_free (self->ollama_url);
  self->ollama_url = g_strdup (steward_provider_get_base_url (probe->provider));
  g_free (self->ollama_model);
  self->ollama_model = g_strdup (models[0]);

  g_task_return_pointer (task, g_strdup (models[0]), g_free);
}

/**
 * steward_first_run_find_ollama_async:
 *
 * Asks the local Ollama (or the one STEWARD_OLLAMA_URL names) for its
 * models, giving up after a moment.
 */
void
steward_first_run_find_ollama_async (StewardFirstRun     *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;
  const char *url;
  Probe *probe;

  g_return_if_fail (STEWARD_IS_FIRST_RUN (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_first_run_find_ollama_async);

  probe = g_new0 (Probe, 1);
  g_task_set_task_data (task, probe, probe_free);

  if (!(probe->provider = steward_provider_new ("ollama", OLLAMA_PROVIDER_NAME, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  url = g_getenv ("STEWARD_OLLAMA_URL");
  steward_provider_set_base_url (probe->provider, url && *url ? url : OLLAMA_DEFAULT_URL);

  probe->probe = g_cancellable_new ();
  if (cancellable != NULL)
    {
      probe->cancellable = g_object_ref (cancellable);
      probe->cancelled_id = g_signal_connect_data (cancellable, "cancelled",
                                                   G_CALLBACK (probe_cancelled_cb),
                                                   g_object_ref (probe->probe),
                                                   probe_cancellable_unref, 0);
      if (g_cancellable_is_cancelled (cancellable))
        g_cancellable_cancel (probe->probe);
    }
  probe->timeout_id = g_timeout_add_seconds (OLLAMA_PROBE_TIMEOUT_S, probe_timeout_cb, probe);

  steward_provider_list_models_async (probe->provider, self->session,
                                      NULL, probe->probe, ollama_models_cb, g_steal_pointer (&task));
}

/**
 * steward_first_run_find_ollama_finish:
 *
 * Returns: (transfer full) (nullable): the model Steward would use, the
 *   first Ollama lists; %NULL with @error set when no Ollama answered
 *   in time, %NULL without when it has no model
 */
char *
steward_first_run_find_ollama_finish (StewardFirstRun  *self,
                                      GAsyncResult     *result,
                                      GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_FIRST_RUN (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * steward_first_run_get_ollama_url:
 *
 * Returns: (nullable): the address of the Ollama found
 */
const char *
steward_first_run_get_ollama_url (StewardFirstRun *self)
{
  g_return_val_if_fail (STEWARD_IS_FIRST_RUN (self), NULL);

  return self->ollama_url;
}

/**
 * steward_first_run_get_ollama_model:
 *
 * Returns: (nullable): the model offered, once an Ollama with one was
 *   found
 */
const char *
steward_first_run_get_ollama_model (StewardFirstRun *self)
{
  g_return_val_if_fail (STEWARD_IS_FIRST_RUN (self), NULL);

  return self->ollama_model;
}

/* -- taking the offer ----------------------------------------------------------- */

/**
 * steward_first_run_use_ollama:
 *
 * Adds the Ollama found as the provider "Ollama", with the model offered
 * as its default and as the medium size's. It needs no key.
 */
gboolean
steward_first_run_use_ollama (StewardFirstRun  *self,
                              GError          **error)
{
  g_autoptr(StewardProvider) provider = NULL;

  g_return_val_if_fail (STEWARD_IS_FIRST_RUN (self), FALSE);
  g_return_val_if_fail (self->ollama_model != NULL, FALSE);

  if (!(provider = steward_provider_new ("ollama", OLLAMA_PROVIDER_NAME, error)))
    return FALSE;

  steward_provider_set_base_url (provider, self->ollama_url);
  steward_provider_set_model (provider, self->ollama_model);

  return steward_provider_registry_add (self->providers, provider, NULL, error) &&
         steward_store_set_tier (self->store, OLLAMA_TIER,
                                 OLLAMA_PROVIDER_NAME, self->ollama_model, error);
}
