/* steward-models-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-models-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-models-page-private.h"

/* Preferences → Models: the provider and model of each size, with the
 * models the provider offers as suggestions, and the context size of the
 * chosen model (its own, or the default, which the page sets too). The
 * Preferences window hands it the providers its Providers page lists.
 */

/* A typed model is saved this long after the last keystroke, and on close. */
#define SAVE_DELAY_MSEC 500

G_DEFINE_FINAL_TYPE (StewardModelsPage, steward_models_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
steward_models_page_new (void)
{
  return g_object_new (STEWARD_TYPE_MODELS_PAGE, NULL);
}

void
_steward_models_page_toast (StewardModelsPage *self,
                            const char        *message)
{
  GtkWidget *window;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

/* Returns: (transfer none) (nullable): the listed provider named @name */
StewardProvider *
_steward_models_page_find_provider (StewardModelsPage *self,
                                    const char        *name)
{
  guint n_items;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->providers == NULL || name == NULL)
    return NULL;

  n_items = g_list_model_get_n_items (self->providers);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (self->providers, i);

      /* The list holds a reference, so the pointer stays good. */
      if (g_strcmp0 (steward_provider_get_name (provider), name) == 0)
        return provider;
    }

  return NULL;
}

Tier *
_steward_models_page_find_tier (StewardModelsPage *self,
                                gconstpointer      widget)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    {
      Tier *tier = &self->tiers[i];

      if (widget == (gconstpointer)tier->provider_row ||
          widget == (gconstpointer)tier->model_row ||
          widget == (gconstpointer)tier->models_button ||
          widget == (gconstpointer)tier->context_spin ||
          widget == (gconstpointer)tier->context_reset)
        return tier;
    }

  return NULL;
}

/* Returns: (nullable): the provider chosen for @tier, or %NULL for Not Set */
const char *
_steward_models_page_get_tier_provider (StewardModelsPage *self,
                                        Tier              *tier)
{
  guint selected = adw_combo_row_get_selected (tier->provider_row);

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->provider_names, selected);
}

char *
_steward_models_page_dup_tier_model (StewardModelsPage *self,
                                     Tier              *tier)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (tier->model_row))));
}

/* Sizes */

void
_steward_models_page_save_tier (StewardModelsPage *self,
                                Tier              *tier)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  const char *provider;
  gboolean saved;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  g_clear_handle_id (&tier->save_source, g_source_remove);

  if (self->store == NULL)
    return;

  provider = _steward_models_page_get_tier_provider (self, tier);
  model = _steward_models_page_dup_tier_model (self, tier);

  /* A size needs a model: the row asks for one, and the size keeps what
   * it had until the user gives it.
   */
  gtk_widget_remove_css_class (GTK_WIDGET (tier->model_row), "error");
  if (provider != NULL && model[0] == '\0')
    {
      gtk_widget_add_css_class (GTK_WIDGET (tier->model_row), "error");
      return;
    }

  if (provider == NULL)
    saved = steward_store_clear_tier (self->store, tier->tier, &error);
  else
    saved = steward_store_set_tier (self->store, tier->tier, provider, model, &error);

  if (!saved)
    {
      g_warning ("Cannot save the %s model size: %s", tier->tier, error->message);
      _steward_models_page_toast (self, error->message);
    }
}

/**
 * steward_models_page_flush:
 *
 * Saves a model still being typed, before the providers change or the
 * window closes.
 */
void
steward_models_page_flush (StewardModelsPage *self)
{
  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    if (self->tiers[i].save_source != 0)
      _steward_models_page_save_tier (self, &self->tiers[i]);
}

typedef struct
{
  StewardModelsPage *self;
  Tier              *tier;
} TierSave;

static gboolean
tier_save_timeout (gpointer user_data)
{
  TierSave *save = user_data;

  save->tier->save_source = 0;
  _steward_models_page_save_tier (save->self, save->tier);

  return G_SOURCE_REMOVE;
}

static void
steward_models_page_queue_tier_save (StewardModelsPage *self,
                                     Tier              *tier)
{
  TierSave *save;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  g_clear_handle_id (&tier->save_source, g_source_remove);

  save = g_new0 (TierSave, 1);
  save->self = self;
  save->tier = tier;
  tier->save_source = g_timeout_add_full (G_PRIORITY_DEFAULT, SAVE_DELAY_MSEC,
                                          tier_save_timeout, save, g_free);
}

static void
tier_provider_selected_cb (StewardModelsPage *self,
                           GParamSpec        *pspec,
                           AdwComboRow       *row)
{
  StewardProvider *provider;
  const char *name;
  const char *model = NULL;
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->loading || !(tier = _steward_models_page_find_tier (self, row)))
    return;

  name = _steward_models_page_get_tier_provider (self, tier);

  /* A model of the provider chosen before means nothing to this one: start
   * from the new provider's default model.
   */
  if ((provider = _steward_models_page_find_provider (self, name)))
    model = steward_provider_get_model (provider);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (tier->model_row), model ? model : "");
  self->loading = FALSE;

  _steward_models_page_save_tier (self, tier);
  _steward_models_page_fetch_models (self, name);
  _steward_models_page_update_tier_menu (self, tier);
  _steward_models_page_update_context_row (self, tier);
}

static void
tier_model_changed_cb (StewardModelsPage *self,
                       GtkEditable       *editable)
{
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->loading || self->store == NULL ||
      !(tier = _steward_models_page_find_tier (self, editable)))
    return;

  steward_models_page_queue_tier_save (self, tier);
  _steward_models_page_update_context_row (self, tier);
}

static void
steward_models_page_load_tiers (StewardModelsPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n_providers = 0;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->providers != NULL)
    n_providers = g_list_model_get_n_items (self->providers);

  g_ptr_array_add (names, (gpointer)_("Not Set"));
  for (guint i = 0; i < n_providers; i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (self->providers, i);

      /* Borrowed: self->providers keeps the provider and its name. */
      g_ptr_array_add (names, (gpointer)steward_provider_get_name (provider));
    }
  g_ptr_array_add (names, NULL);

  self->loading = TRUE;

  gtk_string_list_splice (self->provider_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->provider_names)),
                          (const char * const *)names->pdata);

  for (guint i = 0; i < N_TIERS; i++)
    {
      Tier *tier = &self->tiers[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *provider = NULL;
      g_autofree char *model = NULL;
      guint selected = 0;

      if (self->store != NULL &&
          !steward_store_get_tier (self->store, tier->tier, &provider, &model, &error))
        g_warning ("Cannot read the %s model size: %s", tier->tier, error->message);

      for (guint j = 1; provider != NULL && j < names->len - 1; j++)
        if (g_strcmp0 (g_ptr_array_index (names, j), provider) == 0)
          selected = j;

      adw_combo_row_set_selected (tier->provider_row, selected);
      gtk_editable_set_text (GTK_EDITABLE (tier->model_row),
                             selected != 0 && model != NULL ? model : "");
      gtk_widget_remove_css_class (GTK_WIDGET (tier->model_row), "error");
    }

  self->loading = FALSE;

  _steward_models_page_update_tier_menus (self);
  _steward_models_page_update_context_rows (self);
}

/**
 * steward_models_page_set_providers:
 * @providers: (nullable): a #GListModel of #StewardProvider
 *
 * Refills the rows from the store with @providers to choose from, after
 * saving a model still being typed. The models each provider offers are
 * listed afresh when next wanted: an address or key may have changed.
 */
void
steward_models_page_set_providers (StewardModelsPage *self,
                                   GListModel        *providers)
{
  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));
  g_return_if_fail (!providers || G_IS_LIST_MODEL (providers));

  steward_models_page_flush (self);

  g_set_object (&self->providers, providers);
  g_hash_table_remove_all (self->models);
  g_hash_table_remove_all (self->model_errors);

  steward_models_page_load_tiers (self);
}

void
steward_models_page_set_session (StewardModelsPage *self,
                                 SoupSession       *session)
{
  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));
  g_return_if_fail (!session || SOUP_IS_SESSION (session));

  g_set_object (&self->session, session);
}

/**
 * steward_models_page_load:
 *
 * Fills the rows from the services' store, once it is open; without a
 * store the page stays insensitive: there is nothing to show or save.
 */
void
steward_models_page_load (StewardModelsPage *self)
{
  StewardStore *store;

  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));

  store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  if (self->store == store)
    return;

  steward_models_page_flush (self);
  g_set_object (&self->store, store);

  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
  steward_models_page_load_tiers (self);
}

/**
 * steward_models_page_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings the default context
 *   size is read from and written to
 */
StewardSettings *
steward_models_page_get_settings (StewardModelsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_MODELS_PAGE (self), NULL);

  return self->settings;
}

void
steward_models_page_set_settings (StewardModelsPage *self,
                                  StewardSettings   *settings)
{
  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));
  g_return_if_fail (!settings || STEWARD_IS_SETTINGS (settings));

  if (!g_set_object (&self->settings, settings))
    return;

  g_binding_group_set_source (self->settings_bindings, settings);
  g_signal_group_set_target (self->settings_signals, settings);
  _steward_models_page_update_context_rows (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SETTINGS]);
}

/**
 * steward_models_page_close:
 *
 * Saves what is being typed and stops listing models: the window is
 * closing.
 */
void
steward_models_page_close (StewardModelsPage *self)
{
  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));

  steward_models_page_flush (self);
  g_cancellable_cancel (self->cancellable);
}

static void
steward_models_page_dispose (GObject *object)
{
  StewardModelsPage *self = (StewardModelsPage *)object;

  /* Nothing the user typed is lost, even without a close. */
  if (self->models != NULL)
    steward_models_page_close (self);

  if (self->settings_bindings != NULL)
    g_binding_group_set_source (self->settings_bindings, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_MODELS_PAGE);

  for (guint i = 0; i < N_TIERS; i++)
    {
      g_clear_handle_id (&self->tiers[i].save_source, g_source_remove);
      g_clear_object (&self->tiers[i].menu);
    }

  g_clear_pointer (&self->models, g_hash_table_unref);
  g_clear_pointer (&self->model_errors, g_hash_table_unref);
  g_clear_object (&self->provider_names);
  g_clear_object (&self->providers);
  g_clear_object (&self->session);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->settings_bindings);
  g_clear_object (&self->settings_signals);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_models_page_parent_class)->dispose (object);
}

static void
steward_models_page_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardModelsPage *self = STEWARD_MODELS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_models_page_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StewardModelsPage *self = STEWARD_MODELS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      steward_models_page_set_settings (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* Leaving the page saves what was typed on it: a size typed here is
 * stored before the Providers page renames or removes its provider.
 */
static void
steward_models_page_unmap (GtkWidget *widget)
{
  steward_models_page_flush (STEWARD_MODELS_PAGE (widget));

  GTK_WIDGET_CLASS (steward_models_page_parent_class)->unmap (widget);
}

static void
steward_models_page_class_init (StewardModelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_models_page_dispose;
  object_class->get_property = steward_models_page_get_property;
  object_class->set_property = steward_models_page_set_property;

  widget_class->unmap = steward_models_page_unmap;

  /**
   * StewardModelsPage:settings:
   *
   * The settings the default context size is bound to.
   */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         STEWARD_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-models-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, default_context_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, large_context_reset);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, large_context_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, large_context_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, large_models_button);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, large_model_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, large_provider_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, medium_context_reset);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, medium_context_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, medium_context_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, medium_models_button);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, medium_model_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, medium_provider_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, small_context_reset);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, small_context_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, small_context_spin);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, small_models_button);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, small_model_row);
  gtk_widget_class_bind_template_child (widget_class, StewardModelsPage, small_provider_row);
  gtk_widget_class_bind_template_callback (widget_class, tier_model_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tier_provider_selected_cb);

  /* Binding template callbacks needs the template set first. */
  _steward_models_page_class_context_init (klass);
  _steward_models_page_class_fetch_init (klass);
}

static void
steward_models_page_init (StewardModelsPage *self)
{
  const StewardSettingKey *info;

  self->cancellable = g_cancellable_new ();
  self->provider_names = gtk_string_list_new (NULL);
  self->models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_strfreev);
  self->model_errors = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->tiers[TIER_SMALL] = (Tier) { "small", self->small_provider_row, self->small_model_row,
                                     self->small_models_button, self->small_context_row,
                                     self->small_context_spin, self->small_context_reset, NULL, 0 };
  self->tiers[TIER_MEDIUM] = (Tier) { "medium", self->medium_provider_row, self->medium_model_row,
                                      self->medium_models_button, self->medium_context_row,
                                      self->medium_context_spin, self->medium_context_reset, NULL, 0 };
  self->tiers[TIER_LARGE] = (Tier) { "large", self->large_provider_row, self->large_model_row,
                                     self->large_models_button, self->large_context_row,
                                     self->large_context_spin, self->large_context_reset, NULL, 0 };

  /* The range comes from the core so the two cannot disagree. */
  info = steward_setting_key_lookup (KEY_CONTEXT_TOKENS);

  /* Until it has a store there is nothing to show or save. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

  self->loading = TRUE;

  _steward_models_page_init_context (self);
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->default_context_spin),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  for (guint i = 0; i < N_TIERS; i++)
    {
      Tier *tier = &self->tiers[i];

      tier->menu = g_menu_new ();
      gtk_menu_button_set_menu_model (tier->models_button, G_MENU_MODEL (tier->menu));
      g_signal_connect_object (gtk_menu_button_get_popover (tier->models_button), "show",
                               G_CALLBACK (_steward_models_page_tier_models_popover_show_cb),
                               self,
                               G_CONNECT_SWAPPED);
      adw_combo_row_set_model (tier->provider_row, G_LIST_MODEL (self->provider_names));
      gtk_widget_set_sensitive (GTK_WIDGET (tier->model_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (tier->models_button), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (tier->context_spin), FALSE);
      gtk_spin_button_set_range (tier->context_spin, info->min, info->max);
      gtk_spin_button_set_value (tier->context_spin, g_ascii_strtod (info->default_value, NULL));

      /* The rows read "Provider", "Model" and "Context Size" under the
       * size's heading; a screen reader hears the size too (the .ui
       * labels), and only once.
       */
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (tier->provider_row),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (tier->model_row),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
      gtk_accessible_reset_relation (GTK_ACCESSIBLE (tier->context_spin),
                                     GTK_ACCESSIBLE_RELATION_LABELLED_BY);
    }

  self->loading = FALSE;
}
