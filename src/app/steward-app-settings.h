/* steward-app-settings.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_APP_SETTINGS (steward_app_settings_get_type ())

G_DECLARE_FINAL_TYPE (StewardAppSettings, steward_app_settings, STEWARD, APP_SETTINGS, GObject)

StewardAppSettings *steward_app_settings_new                  (void);
GSettings          *steward_app_settings_get_settings         (StewardAppSettings *self);
void                steward_app_settings_get_window_size      (StewardAppSettings *self,
                                                               int                *width,
                                                               int                *height);
void                steward_app_settings_set_window_size      (StewardAppSettings *self,
                                                               int                 width,
                                                               int                 height);
gboolean            steward_app_settings_get_window_maximized (StewardAppSettings *self);
void                steward_app_settings_set_window_maximized (StewardAppSettings *self,
                                                               gboolean            maximized);
char               *steward_app_settings_dup_last_page        (StewardAppSettings *self);
void                steward_app_settings_set_last_page        (StewardAppSettings *self,
                                                               const char         *last_page);

G_END_DECLS
