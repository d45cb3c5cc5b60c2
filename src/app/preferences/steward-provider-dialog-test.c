/* steward-provider-dialog-test.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-provider-dialog-private.h"

/* Test Connection: asks the provider for its models with what the dialog
 * shows, and lists them so a click picks the default one.
 */

/* Test Connection shows the models in an open list when there are this
 * few; a long list (OpenAI offers dozens) starts folded.
 */
#define MODELS_SHOWN_OPEN 12

void
_steward_provider_dialog_update_model_checks (StewardProviderDialog *self)
{
  g_autofree char *model = NULL;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  model = _steward_provider_dialog_dup_row_text (self->model_row);

  for (guint i = 0; i < self->model_rows->len; i++)
    {
      AdwActionRow *row = g_ptr_array_index (self->model_rows, i);
      GtkWidget *check = g_object_get_data (G_OBJECT (row), "check");

      gtk_widget_set_visible (check,
                              g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                         model) == 0);
    }
}

static void
model_row_activated_cb (StewardProviderDialog *self,
                        AdwActionRow          *row)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->model_row),
                         adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)));
}

void
_steward_provider_dialog_clear_models (StewardProviderDialog *self)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  for (guint i = 0; i < self->model_rows->len; i++)
    adw_expander_row_remove (self->models_row, g_ptr_array_index (self->model_rows, i));
  g_ptr_array_set_size (self->model_rows, 0);

  gtk_widget_set_visible (GTK_WIDGET (self->models_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->test_error_row), FALSE);
}

static void
steward_provider_dialog_show_models (StewardProviderDialog *self,
                                     const char * const    *models)
{
  g_autofree char *title = NULL;
  guint n_models = g_strv_length ((char **)models);

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  _steward_provider_dialog_clear_models (self);

  for (guint i = 0; models[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), models[i]);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Default model"),
                                      -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
      g_object_set_data (G_OBJECT (row), "check", check);
      g_signal_connect_object (row, "activated",
                               G_CALLBACK (model_row_activated_cb),
                               self,
                               G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->models_row, row);
      g_ptr_array_add (self->model_rows, row);
    }

  if (n_models == 0)
    title = g_strdup (_("Connected, but the provider lists no models"));
  else
    /* Translators: shown after Test Connection worked */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Connected: %u model available",
                                          "Connected: %u models available",
                                          n_models),
                             n_models);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->models_row), title);
  adw_expander_row_set_enable_expansion (self->models_row, n_models > 0);
  adw_expander_row_set_expanded (self->models_row, n_models > 0 && n_models <= MODELS_SHOWN_OPEN);
  gtk_widget_set_visible (GTK_WIDGET (self->models_row), TRUE);

  _steward_provider_dialog_update_model_checks (self);
}

static void
steward_provider_dialog_show_test_error (StewardProviderDialog *self,
                                         const GError          *error)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  _steward_provider_dialog_clear_models (self);
  adw_action_row_set_subtitle (self->test_error_row, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->test_error_row), TRUE);
}

static void
steward_provider_dialog_test_done (StewardProviderDialog *self,
                                   const char * const    *models,
                                   const GError          *error)
{
  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  self->testing = FALSE;
  g_clear_object (&self->test_cancellable);

  if (error != NULL)
    steward_provider_dialog_show_test_error (self, error);
  else
    steward_provider_dialog_show_models (self, models);

  _steward_provider_dialog_update (self);
}

static void
list_models_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StewardProviderDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;

  models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  steward_provider_dialog_test_done (self, (const char * const *)models, error);
}

static void
test_lookup_key_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  StewardProviderDialog *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  key = steward_secrets_lookup_api_key_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      steward_provider_dialog_test_done (self, NULL, error);
      return;
    }

  steward_provider_list_models_async (call->provider, self->session, key,
                                      self->test_cancellable,
                                      list_models_cb,
                                      g_object_ref (self));
  _steward_provider_dialog_wipe_string (&key);
}

void
_steward_provider_dialog_test_clicked_cb (StewardProviderDialog *self,
                                          GtkButton             *button)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *typed_key = NULL;
  const char *key = NULL;

  g_assert (STEWARD_IS_PROVIDER_DIALOG (self));

  if (!(provider = _steward_provider_dialog_build_provider (self, TRUE, &error)))
    {
      steward_provider_dialog_show_test_error (self, error);
      return;
    }

  g_cancellable_cancel (self->test_cancellable);
  g_clear_object (&self->test_cancellable);
  self->test_cancellable = g_cancellable_new ();

  self->testing = TRUE;
  _steward_provider_dialog_update (self);

  if (steward_provider_get_api_key_env (provider) != NULL)
    {
      /* The core reads the variable and says so when it is not set. */
      steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), self->test_cancellable,
                                            test_lookup_key_cb,
                                            _steward_provider_dialog_call_new (self, provider));
      return;
    }

  typed_key = _steward_provider_dialog_dup_row_text (self->key_row);
  if (typed_key[0] != '\0')
    key = typed_key;
  else if (!self->key_removed)
    key = self->stored_key;

  steward_provider_list_models_async (provider, self->session, key,
                                      self->test_cancellable,
                                      list_models_cb,
                                      g_object_ref (self));
  _steward_provider_dialog_wipe_string (&typed_key);
}
