/* steward-voice-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_VOICE_PAGE (steward_voice_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardVoicePage, steward_voice_page, STEWARD, VOICE_PAGE, AdwPreferencesPage)

GtkWidget *steward_voice_page_new           (void);
void       steward_voice_page_set_settings  (StewardVoicePage *self,
                                             StewardSettings  *settings);
void       steward_voice_page_set_providers (StewardVoicePage *self,
                                             GListModel       *providers);

G_END_DECLS
