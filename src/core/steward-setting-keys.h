/* steward-setting-keys.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  STEWARD_SETTING_STRING,
  STEWARD_SETTING_INT,
  STEWARD_SETTING_BOOLEAN,
} StewardSettingType;

typedef struct
{
  const char         *key;
  StewardSettingType  type;
  const char         *default_value;
  gint64              min;
  gint64              max;
  /* Untranslated; pass through _() (gettext) to show it. */
  const char         *summary;
} StewardSettingKey;

const StewardSettingKey *steward_setting_keys_get              (guint                    *n_keys);
const StewardSettingKey *steward_setting_key_lookup            (const char               *key);
char                    *steward_setting_key_normalize         (const StewardSettingKey  *key,
                                                                const char               *value,
                                                                GError                  **error);
const char              *steward_setting_key_get_property_name (const StewardSettingKey  *key);

G_END_DECLS
