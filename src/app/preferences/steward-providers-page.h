/* steward-providers-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PROVIDERS_PAGE (steward_providers_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardProvidersPage, steward_providers_page, STEWARD, PROVIDERS_PAGE, AdwPreferencesPage)

GtkWidget  *steward_providers_page_new           (void);
GListModel *steward_providers_page_get_providers (StewardProvidersPage *self);
void        steward_providers_page_set_session   (StewardProvidersPage *self,
                                                  SoupSession          *session);

G_END_DECLS
