/* steward-models-page-context.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-models-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-models-page-private.h"

/* Context sizes: the default, and each chosen model's own. */

gint64
_steward_models_page_get_default_tokens (StewardModelsPage *self)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->settings == NULL)
    return g_ascii_strtoll (steward_setting_key_lookup (KEY_CONTEXT_TOKENS)->default_value, NULL, 10);

  return steward_settings_get_int (self->settings, KEY_CONTEXT_TOKENS);
}

/* Shows the context size of the model chosen for @tier: its own, else the
 * default; Reset shows only when it has one of its own. */
void
_steward_models_page_update_context_row (StewardModelsPage *self,
                                         Tier              *tier)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *number = NULL;
  g_autofree char *subtitle = NULL;
  const char *provider;
  gboolean was_loading;
  gint64 default_tokens;
  gint64 own = 0;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->store == NULL)
    return;

  provider = _steward_models_page_get_tier_provider (self, tier);
  model = _steward_models_page_dup_tier_model (self, tier);
  default_tokens = _steward_models_page_get_default_tokens (self);

  if (provider != NULL && model[0] != '\0' &&
      (own = steward_store_get_model_context_tokens (self->store, provider, model, &error)) < 0)
    {
      g_warning ("Cannot read the context size of %s: %s", model, error->message);
      own = 0;
    }

  was_loading = self->loading;
  self->loading = TRUE;
  gtk_spin_button_set_value (tier->context_spin, own > 0 ? own : default_tokens);
  self->loading = was_loading;

  number = g_strdup_printf ("%" G_GINT64_FORMAT, default_tokens);
  /* Translators: %s is the default context size, a number of tokens */
  subtitle = g_strdup_printf (_("Tokens the model reads at most; default %s"), number);
  adw_action_row_set_subtitle (tier->context_row, subtitle);

  gtk_widget_set_sensitive (GTK_WIDGET (tier->context_spin), provider != NULL && model[0] != '\0');
  gtk_widget_set_visible (GTK_WIDGET (tier->context_reset), own > 0);
}

void
_steward_models_page_update_context_rows (StewardModelsPage *self)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    _steward_models_page_update_context_row (self, &self->tiers[i]);
}

static void
context_value_changed_cb (StewardModelsPage *self,
                          GtkSpinButton     *spin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  const char *provider;
  gint64 tokens;
  gint64 own;
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->loading || self->store == NULL ||
      !(tier = _steward_models_page_find_tier (self, spin)))
    return;

  provider = _steward_models_page_get_tier_provider (self, tier);
  model = _steward_models_page_dup_tier_model (self, tier);
  if (provider == NULL || model[0] == '\0')
    return;

  tokens = gtk_spin_button_get_value_as_int (spin);

  if ((own = steward_store_get_model_context_tokens (self->store, provider, model, &error)) < 0)
    {
      _steward_models_page_toast (self, error->message);
      return;
    }

  /* Showing the default is not choosing it: a model keeps following the
   * default until the user gives it another size. */
  if (own == 0 && tokens == _steward_models_page_get_default_tokens (self))
    return;

  if (own != tokens &&
      !steward_store_set_model_context_tokens (self->store, provider, model, tokens, &error))
    {
      g_warning ("Cannot save the context size of %s: %s", model, error->message);
      _steward_models_page_toast (self, error->message);
    }

  /* Two sizes may show the same model. */
  _steward_models_page_update_context_rows (self);
}

static void
context_reset_clicked_cb (StewardModelsPage *self,
                          GtkButton         *button)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  const char *provider;
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->store == NULL || !(tier = _steward_models_page_find_tier (self, button)))
    return;

  provider = _steward_models_page_get_tier_provider (self, tier);
  model = _steward_models_page_dup_tier_model (self, tier);

  if (provider != NULL && model[0] != '\0' &&
      !steward_store_reset_model_context_tokens (self->store, provider, model, &error))
    {
      g_warning ("Cannot reset the context size of %s: %s", model, error->message);
      _steward_models_page_toast (self, error->message);
    }

  _steward_models_page_update_context_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (tier->context_spin));
}

/* Every model without a size of its own follows the default. */
static void
default_tokens_changed_cb (StewardModelsPage *self)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  _steward_models_page_update_context_rows (self);
}

static void
settings_write_failed_cb (StewardModelsPage *self,
                          const char        *key,
                          const GError      *error)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (!g_str_equal (key, KEY_CONTEXT_TOKENS))
    return;

  g_warning ("Cannot save %s: %s", KEY_CONTEXT_TOKENS, error->message);
  _steward_models_page_toast (self, error->message);
}

/* The default context size: a row bound to the setting. */
void
_steward_models_page_init_context (StewardModelsPage *self)
{
  const StewardSettingKey *info = steward_setting_key_lookup (KEY_CONTEXT_TOKENS);
  const char *property = steward_setting_key_get_property_name (info);
  g_autofree char *detailed_notify = g_strconcat ("notify::", property, NULL);

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  /* The range comes from the core so the two cannot disagree. */
  gtk_spin_button_set_range (self->default_context_spin, info->min, info->max);
  gtk_spin_button_set_value (self->default_context_spin, g_ascii_strtod (info->default_value, NULL));

  self->settings_bindings = g_binding_group_new ();
  g_binding_group_bind (self->settings_bindings, property,
                        self->default_context_spin, "value",
                        G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);

  self->settings_signals = g_signal_group_new (STEWARD_TYPE_SETTINGS);
  g_signal_group_connect_object (self->settings_signals, detailed_notify,
                                 G_CALLBACK (default_tokens_changed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);
  g_signal_group_connect_object (self->settings_signals, "write-failed",
                                 G_CALLBACK (settings_write_failed_cb),
                                 self,
                                 G_CONNECT_SWAPPED);
}

void
_steward_models_page_class_context_init (StewardModelsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_bind_template_callback (widget_class, context_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, context_value_changed_cb);
}
