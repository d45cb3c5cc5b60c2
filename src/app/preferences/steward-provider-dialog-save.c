/* steward-provider-dialog-save.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-dialog"

#include "config.h"

#include "steward-provider-dialog-private.h"

/* Saving: the settings and the key together, through the provider
 * registry; when either cannot be saved, neither is, and Save can be
 * pressed again.
 */

static void
steward_provider_dialog_save_failed (StewardProviderDialog *self,
                                     StewardProvider       *provider,
                                     const GError          *error)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->saving = FALSE;

  if (g_error_matches (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID))
    {
      /* The store refuses a name or an address (one carrying a
       * password, say): point at the one it refused. */
      const char *base_url = steward_provider_get_base_url (provider);
      GtkWidget *row = base_url != NULL && !steward_store_check_provider_address (base_url, NULL)
                       ? GTK_WIDGET (self->address_row) : GTK_WIDGET (self->name_row);

      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }

  _steward_provider_dialog_show_error (self, error->message);
  _steward_provider_dialog_update (self);
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  StewardProviderRegistry *registry = STEWARD_PROVIDER_REGISTRY (object);
  StewardProviderDialog *self = call->self;
  g_autoptr(GError) error = NULL;
  gboolean closed;
  gboolean saved;

  if (g_task_get_source_tag (G_TASK (result)) == steward_provider_registry_add_async)
    saved = steward_provider_registry_add_finish (registry, result, &error);
  else
    saved = steward_provider_registry_update_finish (registry, result, &error);

  /* Closed while saving: the saving went on, and there is no one to show
   * the outcome to but the log and whoever follows "saved".
   */
  closed = g_cancellable_is_cancelled (self->cancellable);

  if (!saved)
    {
      if (closed)
        g_message ("%s", error->message);
      else
        steward_provider_dialog_save_failed (self, call->provider, error);
      return;
    }

  _steward_provider_dialog_wipe_string (&self->stored_key);
  g_free (self->saved_name);
  self->saved_name = g_strdup (steward_provider_get_name (call->provider));
  g_set_object (&self->provider, call->provider);
  self->saving = FALSE;

  _steward_provider_dialog_emit_saved (self, call->provider);

  if (!closed)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
_steward_provider_dialog_save_clicked_cb (StewardProviderDialog *self,
                                          GtkButton             *button)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_key = NULL;
  const char *key = NULL;
  Call *call;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (self->saving || self->looking_up)
    return;

  _steward_provider_dialog_show_error (self, NULL);

  if (!(provider = _steward_provider_dialog_build_provider (self, FALSE, &error)))
    {
      _steward_provider_dialog_show_error (self, error->message);
      return;
    }

  /* What becomes of the key: NULL keeps the one stored (and moves it
   * along with a new name), "" takes it out of the keyring. Not the
   * dialog's cancellable: closing it does not stop what Save started.
   */
  typed_key = _steward_provider_dialog_dup_row_text (self->key_row);
  if (!_steward_provider_dialog_row_is_empty (self->env_row))
    key = self->stored_key != NULL ? "" : NULL;  /* the environment holds the key now */
  else if (typed_key[0] != '\0')
    key = typed_key;
  else if (self->key_removed)
    key = self->stored_key != NULL ? "" : NULL;

  call = _steward_provider_dialog_call_new (self, provider);

  self->saving = TRUE;
  _steward_provider_dialog_update (self);

  if (self->saved_name != NULL)
    steward_provider_registry_update_async (self->providers, self->saved_name, provider, key,
                                            NULL, saved_cb, call);
  else
    steward_provider_registry_add_async (self->providers, provider, key,
                                         NULL, saved_cb, call);

  _steward_provider_dialog_wipe_string (&typed_key);
}
