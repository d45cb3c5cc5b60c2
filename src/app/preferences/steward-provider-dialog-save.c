/* steward-provider-dialog-save.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-dialog"

#include "config.h"

#include "steward-provider-dialog-private.h"

/* Saving: the settings into the store, then the key into the keyring. */

static void
steward_provider_dialog_save_failed (StewardProviderDialog *self,
                                     const char            *message)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->saving = FALSE;
  _steward_provider_dialog_show_error (self, message);
  _steward_provider_dialog_update (self);
}

static void
steward_provider_dialog_save_done (StewardProviderDialog *self)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->saving = FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
clear_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(StewardProviderDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_secrets_clear_api_key_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        steward_provider_dialog_save_failed (self, error->message);
      return;
    }

  /* The key now lives under the saved name, or nowhere. */
  g_free (self->key_name);
  self->key_name = self->stored_key ? g_strdup (self->saved_name) : NULL;

  steward_provider_dialog_save_done (self);
}

/* Takes the key stored under an old name, or a removed key, out of the
 * keyring; the key_name field changes only once that worked, so Save can
 * try again.
 */
static void
steward_provider_dialog_clear_old_key (StewardProviderDialog *self)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (self->key_name == NULL ||
      (self->stored_key != NULL && g_strcmp0 (self->key_name, self->saved_name) == 0))
    {
      steward_provider_dialog_save_done (self);
      return;
    }

  steward_secrets_clear_api_key_async (self->key_name, self->cancellable,
                                       clear_key_cb,
                                       g_object_ref (self));
}

static void
store_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  StewardProviderDialog *self = call->self;
  g_autoptr(GError) error = NULL;

  if (!steward_secrets_store_api_key_finish (result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        steward_provider_dialog_save_failed (self, error->message);
      return;
    }

  _steward_provider_dialog_wipe_string (&self->stored_key);
  self->stored_key = g_steal_pointer (&call->key);
  self->key_removed = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->key_row), "");

  if (self->key_name == NULL)
    self->key_name = g_strdup (self->saved_name);

  steward_provider_dialog_clear_old_key (self);
}

static void
steward_provider_dialog_save_key (StewardProviderDialog *self)
{
  g_autofree char *typed_key = NULL;
  const char *key = NULL;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  typed_key = _steward_provider_dialog_dup_row_text (self->key_row);

  if (!_steward_provider_dialog_row_is_empty (self->env_row))
    self->key_removed = TRUE;  /* the environment holds the key now */
  else if (typed_key[0] != '\0')
    key = typed_key;
  else if (!self->key_removed && self->stored_key != NULL &&
           g_strcmp0 (self->key_name, self->saved_name) != 0)
    key = self->stored_key;  /* renamed: the key moves along */

  if (self->key_removed)
    _steward_provider_dialog_wipe_string (&self->stored_key);

  if (key == NULL)
    {
      steward_provider_dialog_clear_old_key (self);
      return;
    }

  steward_secrets_store_api_key_async (self->saved_name, key, self->cancellable,
                                       store_key_cb,
                                       _steward_provider_dialog_call_new (self, NULL, key));
  _steward_provider_dialog_wipe_string (&typed_key);
}

void
_steward_provider_dialog_save_clicked_cb (StewardProviderDialog *self,
                                          GtkButton             *button)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saved;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (self->saving || self->looking_up)
    return;

  _steward_provider_dialog_show_error (self, NULL);

  if (!(provider = _steward_provider_dialog_build_provider (self, FALSE, &error)))
    {
      _steward_provider_dialog_show_error (self, error->message);
      return;
    }

  if (self->saved_name != NULL)
    saved = steward_store_update_provider (self->store, self->saved_name, provider, &error);
  else
    saved = steward_store_add_provider (self->store, provider, &error);

  if (!saved)
    {
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
      return;
    }

  /* From here on the provider is stored: should the keyring fail, Save
   * again updates it rather than adding it twice.
   */
  g_free (self->saved_name);
  self->saved_name = g_strdup (steward_provider_get_name (provider));
  g_set_object (&self->provider, provider);
  _steward_provider_dialog_emit_saved (self, provider);

  self->saving = TRUE;
  _steward_provider_dialog_update (self);
  steward_provider_dialog_save_key (self);
}
