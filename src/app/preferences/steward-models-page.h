/* steward-models-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_MODELS_PAGE (steward_models_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardModelsPage, steward_models_page, STEWARD, MODELS_PAGE, AdwPreferencesPage)

GtkWidget       *steward_models_page_new           (void);
void             steward_models_page_load          (StewardModelsPage *self);
StewardSettings *steward_models_page_get_settings  (StewardModelsPage *self);
void             steward_models_page_set_settings  (StewardModelsPage *self,
                                                    StewardSettings   *settings);
void             steward_models_page_set_session   (StewardModelsPage *self,
                                                    SoupSession       *session);
void             steward_models_page_set_providers (StewardModelsPage *self,
                                                    GListModel        *providers);
void             steward_models_page_flush         (StewardModelsPage *self);
void             steward_models_page_close         (StewardModelsPage *self);

G_END_DECLS
