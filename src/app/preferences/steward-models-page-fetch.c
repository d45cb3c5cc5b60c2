/* steward-models-page-fetch.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-models-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-models-page-private.h"

/* The models a provider offers, listed once and shown as suggestions in
 * each size's menu.
 */

static char *
escape_mnemonic (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "_", -1);

  return g_strjoinv ("__", parts);
}

void
_steward_models_page_update_tier_menu (StewardModelsPage *self,
                                       Tier              *tier)
{
  const char *provider;
  const char * const *models = NULL;
  gboolean known;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  provider = _steward_models_page_get_tier_provider (self, tier);

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

void
_steward_models_page_update_tier_menus (StewardModelsPage *self)
{
  g_assert (STEWARD_IS_MODELS_PAGE (self));

  for (guint i = 0; i < N_TIERS; i++)
    _steward_models_page_update_tier_menu (self, &self->tiers[i]);
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

  _steward_models_page_update_tier_menus (self);
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
void
_steward_models_page_fetch_models (StewardModelsPage *self,
                                   const char        *name)
{
  StewardProvider *provider;
  Fetch *fetch;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (name == NULL || self->session == NULL || g_hash_table_contains (self->models, name))
    return;

  if (!(provider = _steward_models_page_find_provider (self, name)))
    return;

  g_hash_table_insert (self->models, g_strdup (name), NULL);

  fetch = g_new0 (Fetch, 1);
  fetch->self = g_object_ref (self);
  fetch->provider = g_object_ref (provider);
  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), self->cancellable, fetch_key_cb, fetch);
}

/* The suggestions are listed when first wanted, not on every opening of
 * Preferences.
 */
void
_steward_models_page_tier_models_popover_show_cb (StewardModelsPage *self,
                                                  GtkPopover        *popover)
{
  Tier *tier;

  g_assert (STEWARD_IS_MODELS_PAGE (self));

  if (!(tier = _steward_models_page_find_tier (self, gtk_widget_get_parent (GTK_WIDGET (popover)))))
    return;

  _steward_models_page_fetch_models (self, _steward_models_page_get_tier_provider (self, tier));
  _steward_models_page_update_tier_menu (self, tier);
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

  _steward_models_page_save_tier (self, tier);
  _steward_models_page_update_context_row (self, tier);
}

void
_steward_models_page_class_fetch_init (StewardModelsPageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "models.use-model", "(ss)", use_model_action);
}
