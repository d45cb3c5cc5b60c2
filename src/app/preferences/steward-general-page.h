/* steward-general-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_GENERAL_PAGE (steward_general_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardGeneralPage, steward_general_page, STEWARD, GENERAL_PAGE, AdwPreferencesPage)

GtkWidget *steward_general_page_new          (void);
void       steward_general_page_set_settings (StewardGeneralPage *self,
                                              StewardSettings    *settings);

G_END_DECLS
