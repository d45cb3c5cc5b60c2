/* steward-models-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-models-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-models-page.h"

/* Preferences → Models: the provider and model of each size, with the
 * models the provider offers as suggestions, and the context size of the
 * chosen model (its own, or the default, which the page sets too). The
 * Preferences window hands it the providers it lists.
 */

/* A typed model is saved this long after the last keystroke, and on close. */
#define SAVE_DELAY_MSEC 500

#define KEY_CONTEXT_TOKENS "chat.context-tokens"

/* A model size: its rows, and the menu of the models its provider offers. */
typedef struct
{
  const char    *tier;
  AdwComboRow   *provider_row;
  AdwEntryRow   *model_row;
  GtkMenuButton *models_button;
  AdwActionRow  *context_row;
  GtkSpinButton *context_spin;
  GtkButton     *context_reset;
  GMenu         *menu;
  guint          save_source;
} Tier;

enum {
  TIER_SMALL,
  TIER_MEDIUM,
  TIER_LARGE,
  N_TIERS
};

struct _StewardModelsPage
{
  AdwPreferencesPage  parent_instance;

  /* Template widgets */
  GtkSpinButton      *default_context_spin;
  AdwActionRow       *large_context_row;
  GtkButton          *large_context_reset;
  GtkSpinButton      *large_context_spin;
  GtkMenuButton      *large_models_button;
  AdwEntryRow        *large_model_row;
  AdwComboRow        *large_provider_row;
  AdwActionRow       *medium_context_row;
  GtkButton          *medium_context_reset;
  GtkSpinButton      *medium_context_spin;
  GtkMenuButton      *medium_models_button;
  AdwEntryRow        *medium_model_row;
  AdwComboRow        *medium_provider_row;
  AdwActionRow       *small_context_row;
  GtkButton          *small_context_reset;
  GtkSpinButton      *small_context_spin;
  GtkMenuButton      *small_models_button;
  AdwEntryRow        *small_model_row;
  AdwComboRow        *small_provider_row;

  /* Owned */
  StewardStore       *store;
  SoupSession        *session;
  GCancellable       *cancellable;
  /* The providers as the window lists them. */
  GListModel         *providers;
  GtkStringList      *provider_names;
  /* Provider name → GStrv of its models, once listed; NULL while listing. */
  GHashTable         *models;
  GHashTable         *model_errors;
  Tier                tiers[N_TIERS];

  /* Set while widgets are filled from the store, so that doing so does not
   * write the values straight back.
   */
  guint               loading : 1;
};

G_DEFINE_FINAL_TYPE (StewardModelsPage, steward_models_page, ADW_TYPE_PREFERENCES_PAGE)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
steward_models_page_new (void)
{
  return g_object_new (STEWARD_TYPE_MODELS_PAGE, NULL);
}

static void
steward_models_page_toast (StewardModelsPage *self,
                           const char        *message)
{
  GtkWidget *window;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  window = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_PREFERENCES_WINDOW);
  if (window != NULL)
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (message));
}

/* Returns: (transfer none) (nullable): the listed provider named @name */
static StewardProvider *
steward_models_page_find_provider (StewardModelsPage *self,
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

static Tier *
steward_models_page_find_tier (StewardModelsPage *self,
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

static Tier *
steward_models_page_find_tier_by_id (StewardModelsPage *self,
                                     const char        *id)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    if (g_strcmp0 (self->tiers[i].tier, id) == 0)
      return &self->tiers[i];

  return NULL;
}

/* Returns: (nullable): the provider chosen for @tier, or %NULL for Not Set */
static const char *
steward_models_page_get_tier_provider (StewardModelsPage *self,
                                       Tier              *tier)
{
  guint selected = adw_combo_row_get_selected (tier->provider_row);

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->provider_names, selected);
}

static char *
steward_models_page_dup_tier_model (StewardModelsPage *self,
                                    Tier              *tier)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (tier->model_row))));
}

/* Context sizes */

static gint64
steward_models_page_get_default_tokens (StewardModelsPage *self)
{
  g_autoptr(GError) error = NULL;
  gint64 tokens;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if ((tokens = steward_store_get_context_tokens (self->store, NULL, NULL, NULL, &error)) < 0)
    {
      g_warning ("Cannot read the default context size: %s", error->message);
      tokens = g_ascii_strtoll (steward_setting_key_lookup (KEY_CONTEXT_TOKENS)->default_value, NULL, 10);
    }

  return tokens;
}

/* Shows the context size of the model chosen for @tier: its own, else the
 * default; Reset shows only when it has one of its own. */
static void
steward_models_page_update_context_row (StewardModelsPage *self,
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

  provider = steward_models_page_get_tier_provider (self, tier);
  model = steward_models_page_dup_tier_model (self, tier);
  default_tokens = steward_models_page_get_default_tokens (self);

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

static void
steward_models_page_update_context_rows (StewardModelsPage *self)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    steward_models_page_update_context_row (self, &self->tiers[i]);
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
      !(tier = steward_models_page_find_tier (self, spin)))
    return;

  provider = steward_models_page_get_tier_provider (self, tier);
  model = steward_models_page_dup_tier_model (self, tier);
  if (provider == NULL || model[0] == '\0')
    return;

  tokens = gtk_spin_button_get_value_as_int (spin);

  if ((own = steward_store_get_model_context_tokens (self->store, provider, model, &error)) < 0)
    {
      steward_models_page_toast (self, error->message);
      return;
    }

  /* Showing the default is not choosing it: a model keeps following the
   * default until the user gives it another size. */
  if (own == 0 && tokens == steward_models_page_get_default_tokens (self))
    return;

  if (own != tokens &&
      !steward_store_set_model_context_tokens (self->store, provider, model, tokens, &error))
    {
      g_warning ("Cannot save the context size of %s: %s", model, error->message);
      steward_models_page_toast (self, error->message);
    }

  /* Two sizes may show the same model. */
  steward_models_page_update_context_rows (self);
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

  if (self->store == NULL || !(tier = steward_models_page_find_tier (self, button)))
    return;

  provider = steward_models_page_get_tier_provider (self, tier);
  model = steward_models_page_dup_tier_model (self, tier);

  if (provider != NULL && model[0] != '\0' &&
      !steward_store_reset_model_context_tokens (self->store, provider, model, &error))
    {
      g_warning ("Cannot reset the context size of %s: %s", model, error->message);
      steward_models_page_toast (self, error->message);
    }

  steward_models_page_update_context_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (tier->context_spin));
}

static void
default_context_changed_cb (StewardModelsPage *self,
                            GtkSpinButton     *spin)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->loading || self->store == NULL)
    return;

  value = g_strdup_printf ("%d", gtk_spin_button_get_value_as_int (spin));

  if (!steward_store_set_setting (self->store, KEY_CONTEXT_TOKENS, value, &error))
    {
      g_warning ("Cannot save %s: %s", KEY_CONTEXT_TOKENS, error->message);
      steward_models_page_toast (self, error->message);
    }

  steward_models_page_update_context_rows (self);
}

/* Sizes */

static void
steward_models_page_save_tier (StewardModelsPage *self,
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

  provider = steward_models_page_get_tier_provider (self, tier);
  model = steward_models_page_dup_tier_model (self, tier);

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
      steward_models_page_toast (self, error->message);
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
      steward_models_page_save_tier (self, &self->tiers[i]);
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
  steward_models_page_save_tier (save->self, save->tier);

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

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

static void
steward_models_page_update_tier_menu (StewardModelsPage *self,
                                      Tier              *tier)
{
  const char *provider;
  const char * const *models = NULL;
  gboolean known;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  provider = steward_models_page_get_tier_provider (self, tier);

  gtk_widget_set_sensitive (GTK_WIDGET (tier->model_row), provider != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (tier->models_button), provider != NULL);
  g_menu_remove_all (tier->menu);

  if (provider == NULL)
    return;

  known = g_hash_table_lookup_extended (self->models, provider, NULL, (gpointer *)&models);

  if (!known || models == NULL)
    {
      g_menu_append (tier->menu, _("Listing Models…"), NULL);
    }
  else if (models[0] == NULL)
    {
      const char *error = g_hash_table_lookup (self->model_errors, provider);

      g_menu_append (tier->menu, error ? _("Could Not List Models") : _("No Models Listed"), NULL);
    }
  else
    {
      for (guint i = 0; models[i] != NULL; i++)
        {
          g_autoptr(GMenuItem) item = NULL;
          g_autofree char *label = escape_mnemonic (models[i]);

          item = g_menu_item_new (label, NULL);
          g_menu_item_set_action_and_target (item, "models.use-model", "(ss)", tier->tier, models[i]);
          g_menu_append_item (tier->menu, item);
        }
    }
}

static void
steward_models_page_update_tier_menus (StewardModelsPage *self)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    steward_models_page_update_tier_menu (self, &self->tiers[i]);
}

typedef struct
{
  StewardModelsPage *self;
  StewardProvider   *provider;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_clear_object (&fetch->self);
  g_clear_object (&fetch->provider);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Fetch, fetch_free)

static void
steward_models_page_fetch_done (Fetch        *fetch,
                                GStrv         models,
                                const GError *error)
{
  StewardModelsPage *self = fetch->self;
  const char *name = steward_provider_get_name (fetch->provider);

  if (self->models == NULL)
    {
      g_strfreev (models);
      return;
    }

  if (error != NULL)
    {
      /* Only suggestions: the user may still type any model. */
      g_debug ("Cannot list the models of %s: %s", name, error->message);
      g_hash_table_replace (self->model_errors, g_strdup (name), g_strdup (error->message));
    }
  else
    g_hash_table_remove (self->model_errors, name);

  g_hash_table_replace (self->models, g_strdup (name),
                        models ? models : g_new0 (char *, 1));

  steward_models_page_update_tier_menus (self);
}

static void
fetch_models_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  GStrv models;

  models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  steward_models_page_fetch_done (fetch, models, error);
}

static void
fetch_key_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Fetch) fetch = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  StewardModelsPage *self = fetch->self;
  StewardProvider *provider = fetch->provider;

  key = steward_secrets_lookup_api_key_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      steward_models_page_fetch_done (fetch, NULL, error);
      return;
    }

  steward_provider_list_models_async (provider, self->session, key, self->cancellable,
                                      fetch_models_cb, g_steal_pointer (&fetch));

  if (key != NULL)
    memset (key, 0, strlen (key));
}

/* Lists the models @name offers once, for the suggestions of every size. */
static void
steward_models_page_fetch_models (StewardModelsPage *self,
                                  const char        *name)
{
  StewardProvider *provider;
  Fetch *fetch;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (name == NULL || self->session == NULL || g_hash_table_contains (self->models, name))
    return;

  if (!(provider = steward_models_page_find_provider (self, name)))
    return;

  g_hash_table_insert (self->models, g_strdup (name), NULL);

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->provider = g_object_ref (provider);
  steward_secrets_lookup_api_key_async (provider, self->cancellable, fetch_key_cb, fetch);
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

  if (self->loading || !(tier = steward_models_page_find_tier (self, row)))
    return;

  name = steward_models_page_get_tier_provider (self, tier);

  /* A model of the provider chosen before means nothing to this one: start
   * from the new provider's default model.
   */
  if ((provider = steward_models_page_find_provider (self, name)))
    model = steward_provider_get_model (provider);

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (tier->model_row), model ? model : "");
  self->loading = FALSE;

  steward_models_page_save_tier (self, tier);
  steward_models_page_fetch_models (self, name);
  steward_models_page_update_tier_menu (self, tier);
  steward_models_page_update_context_row (self, tier);
}

static void
tier_model_changed_cb (StewardModelsPage *self,
                       GtkEditable       *editable)
{
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (self->loading || self->store == NULL ||
      !(tier = steward_models_page_find_tier (self, editable)))
    return;

  steward_models_page_queue_tier_save (self, tier);
  steward_models_page_update_context_row (self, tier);
}

/* The suggestions are listed when first wanted, not on every opening of
 * Preferences.
 */
static void
tier_models_popover_show_cb (StewardModelsPage *self,
                             GtkPopover        *popover)
{
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (!(tier = steward_models_page_find_tier (self, gtk_widget_get_parent (GTK_WIDGET (popover)))))
    return;

  steward_models_page_fetch_models (self, steward_models_page_get_tier_provider (self, tier));
  steward_models_page_update_tier_menu (self, tier);
}

static void
use_model_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StewardModelsPage *self = (StewardModelsPage *)widget;
  const char *id;
  const char *model;
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  g_variant_get (param, "(&s&s)", &id, &model);

  if (!(tier = steward_models_page_find_tier_by_id (self, id)))
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (tier->model_row), model);
  self->loading = FALSE;

  steward_models_page_save_tier (self, tier);
  steward_models_page_update_context_row (self, tier);
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

  if (self->store != NULL)
    gtk_spin_button_set_value (self->default_context_spin,
                               steward_models_page_get_default_tokens (self));

  self->loading = FALSE;

  steward_models_page_update_tier_menus (self);
  steward_models_page_update_context_rows (self);
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
 * steward_models_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the sizes are kept in
 */
StewardStore *
steward_models_page_get_store (StewardModelsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_MODELS_PAGE (self), NULL);

  return self->store;
}

void
steward_models_page_set_store (StewardModelsPage *self,
                               StewardStore      *store)
{
  g_return_if_fail (STEWARD_IS_MODELS_PAGE (self));
  g_return_if_fail (!store || STEWARD_IS_STORE (store));

  if (self->store == store)
    return;

  steward_models_page_flush (self);
  g_set_object (&self->store, store);

  /* Without a store there is nothing to show or save. */
  gtk_widget_set_sensitive (GTK_WIDGET (self), store != NULL);
  steward_models_page_load_tiers (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
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
    case PROP_STORE:
      steward_models_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_models_page_class_init (StewardModelsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_models_page_dispose;
  object_class->get_property = steward_models_page_get_property;
  object_class->set_property = steward_models_page_set_property;

  /**
   * StewardModelsPage:store:
   *
   * The store the sizes are read from and written to; %NULL leaves the
   * page insensitive.
   */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
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
  gtk_widget_class_bind_template_callback (widget_class, context_reset_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, context_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_context_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tier_model_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, tier_provider_selected_cb);

  gtk_widget_class_install_action (widget_class, "models.use-model", "(ss)", use_model_action);
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

  gtk_spin_button_set_range (self->default_context_spin, info->min, info->max);
  gtk_spin_button_set_value (self->default_context_spin, g_ascii_strtod (info->default_value, NULL));
  gtk_accessible_reset_relation (GTK_ACCESSIBLE (self->default_context_spin),
                                 GTK_ACCESSIBLE_RELATION_LABELLED_BY);

  for (guint i = 0; i < N_TIERS; i++)
    {
      Tier *tier = &self->tiers[i];

      tier->menu = g_menu_new ();
      gtk_menu_button_set_menu_model (tier->models_button, G_MENU_MODEL (tier->menu));
      g_signal_connect_object (gtk_menu_button_get_popover (tier->models_button), "show",
                               G_CALLBACK (tier_models_popover_show_cb),
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
