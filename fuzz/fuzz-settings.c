/* fuzz-settings.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-harness.h"
#include "steward-setting-keys.h"

/* A setting as `steward-cli settings set KEY VALUE` gets it: the input up
 * to its first NUL byte is the key, the rest up to the next NUL the value
 * (a command-line argument ends at NUL). An unknown key is looked up, then
 * the value is checked against the key its first byte picks, so every
 * input reaches the number and boolean parsers. What normalisation gives
 * must be valid UTF-8 and normalise to itself. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *key_text = NULL;
  g_autofree char *value = NULL;
  g_autofree char *normal = NULL;
  g_autoptr(GError) error = NULL;
  const StewardSettingKey *keys;
  const StewardSettingKey *key;
  const guint8 *nul;
  guint n_keys;

  nul = memchr (data, '\0', size);
  key_text = g_strndup ((const char *)data, nul ? (gsize)(nul - data) : size);
  value = nul ? g_strndup ((const char *)nul + 1, size - (nul + 1 - data)) : g_strdup ("");

  keys = steward_setting_keys_get (&n_keys);
  if (!(key = steward_setting_key_lookup (key_text)))
    key = &keys[(size > 0 ? data[0] : 0) % n_keys];

  normal = steward_setting_key_normalize (key, value, &error);
  if (normal == NULL)
    {
      if (error == NULL)
        fuzz_fail ("“%s” refused a value without saying why", key->key);
      fuzz_check_utf8 ("error-message", error->message);
      return 0;
    }

  fuzz_check_utf8 ("setting-value", normal);

  switch (key->type)
    {
    case STEWARD_SETTING_INT:
      {
        gint64 number = 0;

        if (!g_ascii_string_to_signed (normal, 10, key->min, key->max, &number, NULL))
          fuzz_fail ("“%s” normalised to “%s”, out of its range", key->key, normal);
      }
      break;

    case STEWARD_SETTING_BOOLEAN:
      if (!g_str_equal (normal, "true") && !g_str_equal (normal, "false"))
        fuzz_fail ("“%s” normalised to “%s”", key->key, normal);
      break;

    case STEWARD_SETTING_STRING:
    default:
      break;
    }

  /* The stored form reads back as itself */
  {
    g_autofree char *again = steward_setting_key_normalize (key, normal, NULL);

    if (g_strcmp0 (again, normal) != 0)
      fuzz_fail ("“%s”: “%s” normalises to “%s”", key->key, normal, again ? again : "(refused)");
  }

  return 0;
}
