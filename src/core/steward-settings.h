/* steward-settings.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-setting-keys.h"
#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SETTINGS (steward_settings_get_type ())

G_DECLARE_FINAL_TYPE (StewardSettings, steward_settings, STEWARD, SETTINGS, GObject)

StewardSettings *steward_settings_new          (StewardStore     *store);
StewardStore    *steward_settings_get_store    (StewardSettings  *self);
gboolean         steward_settings_reload       (StewardSettings  *self,
                                                GError          **error);

/* Each key of steward-setting-keys.h is also a property, named like the
 * key with dashes for dots ("memory.auto" is "memory-auto"). */
gint64           steward_settings_get_int      (StewardSettings  *self,
                                                const char       *key);
gboolean         steward_settings_get_boolean  (StewardSettings  *self,
                                                const char       *key);
const char      *steward_settings_get_string   (StewardSettings  *self,
                                                const char       *key);
char            *steward_settings_dup_value    (StewardSettings  *self,
                                                const char       *key);
gboolean         steward_settings_set_value    (StewardSettings  *self,
                                                const char       *key,
                                                const char       *value,
                                                GError          **error);

G_END_DECLS
