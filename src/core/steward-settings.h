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

/* The settings the core reads, typed (steward-settings.c), owned by
 * StewardServices. The values are kept as read: the store is read again
 * only by steward_settings_reload(). What is set through this object is
 * seen at once. What another process writes to the same file —
 * `steward-cli settings set` while the app runs — is seen after a
 * reload: the Preferences window reloads when it becomes active, and a
 * chat turn reloads when it starts and again before its follow-up, so a
 * message is sent with the settings stored at that moment, as when the
 * chat code read the table itself. Other readers that must follow such
 * changes reload likewise. */

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
