/* steward-models-page-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-models-page.h"

G_BEGIN_DECLS

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
  StewardSettings    *settings;
  /* Follow the settings: the default size and what it could not save. */
  GBindingGroup      *settings_bindings;
  GSignalGroup       *settings_signals;
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

/* steward-models-page.c */
void             _steward_models_page_toast                       (StewardModelsPage      *self,
                                                                   const char             *message);
StewardProvider *_steward_models_page_find_provider               (StewardModelsPage      *self,
                                                                   const char             *name);
Tier            *_steward_models_page_find_tier                   (StewardModelsPage      *self,
                                                                   gconstpointer           widget);
const char      *_steward_models_page_get_tier_provider           (StewardModelsPage      *self,
                                                                   Tier                   *tier);
char            *_steward_models_page_dup_tier_model              (StewardModelsPage      *self,
                                                                   Tier                   *tier);
void             _steward_models_page_save_tier                   (StewardModelsPage      *self,
                                                                   Tier                   *tier);

/* steward-models-page-context.c */
void             _steward_models_page_class_context_init          (StewardModelsPageClass *klass);
void             _steward_models_page_init_context                (StewardModelsPage      *self);
gint64           _steward_models_page_get_default_tokens          (StewardModelsPage      *self);
void             _steward_models_page_update_context_row          (StewardModelsPage      *self,
                                                                   Tier                   *tier);
void             _steward_models_page_update_context_rows         (StewardModelsPage      *self);

/* steward-models-page-fetch.c */
void             _steward_models_page_class_fetch_init            (StewardModelsPageClass *klass);
void             _steward_models_page_fetch_models                (StewardModelsPage      *self,
                                                                   const char             *name);
void             _steward_models_page_update_tier_menu            (StewardModelsPage      *self,
                                                                   Tier                   *tier);
void             _steward_models_page_update_tier_menus           (StewardModelsPage      *self);
void             _steward_models_page_tier_models_popover_show_cb (StewardModelsPage      *self,
                                                                   GtkPopover             *popover);

G_END_DECLS
