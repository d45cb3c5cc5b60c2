/* steward-setting-keys.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-setting-keys"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-setting-keys.h"
#include "steward-store.h"

/* The settings the core reads. They live in SQLite (not GSettings) so that
 * the CLI and the tests can set every one of them. Sorted by key.
 */
static const StewardSettingKey setting_keys[] = {
  { "chat.context-tokens", STEWARD_SETTING_INT, "8192", 1024, 2000000,
    N_("The context size of models, in tokens") },
  /* Long enough for a slow local model writing a long answer; a server
   * that trickles a token now and then must still end some time. */
  { "chat.reply-deadline", STEWARD_SETTING_INT, "1800", 10, 86400,
    N_("Seconds a whole reply may take") },
  { "chat.reply-tokens", STEWARD_SETTING_INT, "2048", 64, 200000,
    N_("Tokens kept free for each reply") },
  /* As long as the OpenAI and Anthropic libraries wait: a model may take
   * minutes to load, or to think before its first word. */
  { "chat.response-timeout", STEWARD_SETTING_INT, "600", 2, 3600,
    N_("Seconds to wait for a provider that sends nothing") },
  /* Stay running with no window (quick chat, task reminders), and start
   * with the session: the app holds itself and asks the Background portal
   * (src/app/desktop/steward-background.c) */
  { "general.run-in-background", STEWARD_SETTING_BOOLEAN, "false", 0, 0,
    N_("Keep Steward running, ready for quick chat and task reminders, when its windows are closed") },
  { "memory.auto", STEWARD_SETTING_BOOLEAN, "true", 0, 0,
    N_("Propose facts to remember after each exchange") },
  { "memory.budget-tokens", STEWARD_SETTING_INT, "1000", 100, 100000,
    N_("Tokens of long-term memory sent with each prompt") },
  { "memory.short-term-exchanges", STEWARD_SETTING_INT, "5", 1, 100,
    N_("Recent exchanges of a conversation sent verbatim") },
  { "personal.instructions", STEWARD_SETTING_STRING, "", 0, 0,
    N_("Free-form instructions for every reply") },
  { "personal.language", STEWARD_SETTING_STRING, "", 0, 0,
    N_("Preferred language for replies") },
  { "personal.name", STEWARD_SETTING_STRING, "", 0, 0,
    N_("How Steward addresses you") },
  { "personal.tone", STEWARD_SETTING_STRING, "", 0, 0,
    N_("The tone of replies") },
  /* Empty: the server detects the language */
  { "voice.language", STEWARD_SETTING_STRING, "", 0, 0,
    N_("The language spoken to Steward, as an ISO 639-1 code such as “en”; empty to detect it") },
  { "voice.model", STEWARD_SETTING_STRING, "whisper-1", 0, 0,
    N_("The speech-to-text model") },
  /* The name of a provider added with `provider add`; its base URL
   * serves /audio/transcriptions */
  { "voice.provider", STEWARD_SETTING_STRING, "", 0, 0,
    N_("The provider that turns speech into text") },
  { "voice.send-at-once", STEWARD_SETTING_BOOLEAN, "false", 0, 0,
    N_("Send a spoken message as soon as it is transcribed, without review") },
};

const StewardSettingKey *
steward_setting_keys_get (guint *n_keys)
{
  g_return_val_if_fail (n_keys != NULL, NULL);

  *n_keys = G_N_ELEMENTS (setting_keys);

  return setting_keys;
}

const StewardSettingKey *
steward_setting_key_lookup (const char *key)
{
  g_return_val_if_fail (key != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (setting_keys); i++)
    {
      if (g_str_equal (setting_keys[i].key, key))
        return &setting_keys[i];
    }

  return NULL;
}

/**
 * steward_setting_key_normalize:
 * @key: a known key
 * @value: the value as the user wrote it
 * @error: a location for a #GError
 *
 * Checks @value against the type and range of @key.
 *
 * Returns: (transfer full): the canonical form of @value to store, or %NULL
 *   with @error set to a sentence the user can act on.
 */
char *
steward_setting_key_normalize (const StewardSettingKey  *key,
                               const char               *value,
                               GError                  **error)
{
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (value != NULL, NULL);

  if (!g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("The value for “%s” is not valid UTF-8 text."),
                   key->key);
      return NULL;
    }

  switch (key->type)
    {
    case STEWARD_SETTING_STRING:
      return g_strdup (value);

    case STEWARD_SETTING_INT:
      {
        g_autofree char *stripped = g_strstrip (g_strdup (value));
        gint64 number = 0;

        if (!g_ascii_string_to_signed (stripped, 10, key->min, key->max, &number, NULL))
          {
            g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, key->min);
            g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, key->max);

            g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                         /* Translators: a setting's key, its smallest and largest values, what was given */
                         _("“%s” takes a whole number from %s to %s, not “%s”."),
                         key->key, min, max, value);
            return NULL;
          }

        return g_strdup_printf ("%" G_GINT64_FORMAT, number);
      }

    case STEWARD_SETTING_BOOLEAN:
      {
        static const char * const truthy[] = { "true", "yes", "on", "1", NULL };
        static const char * const falsy[] = { "false", "no", "off", "0", NULL };
        g_autofree char *lower = g_ascii_strdown (value, -1);

        g_strstrip (lower);

        if (g_strv_contains (truthy, lower))
          return g_strdup ("true");
        if (g_strv_contains (falsy, lower))
          return g_strdup ("false");

        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                     _("“%s” takes true or false, not “%s”."),
                     key->key, value);
        return NULL;
      }

    default:
      g_assert_not_reached ();
    }
}

/**
 * steward_setting_key_get_property_name:
 * @key: a known key
 *
 * The name of the #StewardSettings property of @key: the key with dashes
 * for dots ("memory.auto" is "memory-auto").
 *
 * Returns: (transfer none): an interned string
 */
const char *
steward_setting_key_get_property_name (const StewardSettingKey *key)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  name = g_strdelimit (g_strdup (key->key), ".", '-');

  return g_intern_string (name);
}
