/* steward-ocr-languages.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-ocr"

#include "config.h"

#include <string.h>

#include "steward-ocr-languages.h"

/* Locales name languages by ISO 639-1 (two letters) where there is such a
 * code; tesseract's data files are named by ISO 639-2 (three), with a
 * suffix for a script. A language and country ("zh_TW") is looked up
 * before the language alone ("zh"). */
static const struct {
  const char *locale;
  const char *tesseract;
} languages[] = {
  { "af", "afr" }, { "am", "amh" }, { "ar", "ara" }, { "as", "asm" },
  { "az", "aze" }, { "be", "bel" }, { "bg", "bul" }, { "bn", "ben" },
  { "bo", "bod" }, { "bs", "bos" }, { "ca", "cat" }, { "cs", "ces" },
  { "cy", "cym" }, { "da", "dan" }, { "de", "deu" }, { "dz", "dzo" },
  { "el", "ell" }, { "en", "eng" }, { "eo", "epo" }, { "es", "spa" },
  { "et", "est" }, { "eu", "eus" }, { "fa", "fas" }, { "fi", "fin" },
  { "fil", "fil" }, { "fo", "fao" }, { "fr", "fra" }, { "fy", "fry" },
  { "ga", "gle" }, { "gd", "gla" }, { "gl", "glg" }, { "gu", "guj" },
  { "he", "heb" }, { "hi", "hin" }, { "hr", "hrv" }, { "ht", "hat" },
  { "hu", "hun" }, { "hy", "hye" }, { "id", "ind" }, { "is", "isl" },
  { "it", "ita" }, { "ja", "jpn" }, { "jv", "jav" }, { "ka", "kat" },
  { "kk", "kaz" }, { "km", "khm" }, { "kn", "kan" }, { "ko", "kor" },
  { "ku", "kmr" }, { "ky", "kir" }, { "la", "lat" }, { "lb", "ltz" },
  { "lo", "lao" }, { "lt", "lit" }, { "lv", "lav" }, { "mi", "mri" },
  { "mk", "mkd" }, { "ml", "mal" }, { "mn", "mon" }, { "mr", "mar" },
  { "ms", "msa" }, { "mt", "mlt" }, { "my", "mya" }, { "nb", "nor" },
  { "ne", "nep" }, { "nl", "nld" }, { "nn", "nor" }, { "no", "nor" },
  { "oc", "oci" }, { "or", "ori" }, { "pa", "pan" }, { "pl", "pol" },
  { "ps", "pus" }, { "pt", "por" }, { "qu", "que" }, { "ro", "ron" },
  { "ru", "rus" }, { "sa", "san" }, { "sd", "snd" }, { "si", "sin" },
  { "sk", "slk" }, { "sl", "slv" }, { "sq", "sqi" }, { "sr", "srp" },
  { "sr@latin", "srp_latn" }, { "sv", "swe" }, { "sw", "swa" },
  { "ta", "tam" }, { "te", "tel" }, { "tg", "tgk" }, { "th", "tha" },
  { "ti", "tir" }, { "tl", "tgl" }, { "to", "ton" }, { "tr", "tur" },
  { "tt", "tat" }, { "ug", "uig" }, { "uk", "ukr" }, { "ur", "urd" },
  { "uz", "uzb" }, { "uz@cyrillic", "uzb_cyrl" }, { "vi", "vie" },
  { "yi", "yid" }, { "yo", "yor" },
  { "zh", "chi_sim" }, { "zh_CN", "chi_sim" }, { "zh_SG", "chi_sim" },
  { "zh_HK", "chi_tra" }, { "zh_MO", "chi_tra" }, { "zh_TW", "chi_tra" },
};

static const char *
lookup (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      if (g_str_equal (languages[i].locale, key))
        return languages[i].tesseract;
    }

  return NULL;
}

const char *
steward_ocr_language_for_locale (const char *locale_name)
{
  g_autofree char *language = NULL;
  g_autofree char *territory = NULL;
  const char *modifier;
  const char *found = NULL;
  gsize len;

  g_return_val_if_fail (locale_name != NULL, NULL);

  /* language[_territory][.codeset][@modifier] */
  len = strcspn (locale_name, "_.@");
  if (len == 0)
    return NULL;
  language = g_strndup (locale_name, len);

  if (locale_name[len] == '_')
    {
      const char *start = locale_name + len + 1;

      territory = g_strndup (start, strcspn (start, ".@"));
    }

  if ((modifier = strchr (locale_name, '@')) != NULL)
    {
      g_autofree char *key = g_strconcat (language, modifier, NULL);

      found = lookup (key);
    }

  if (found == NULL && territory != NULL)
    {
      g_autofree char *key = g_strconcat (language, "_", territory, NULL);

      found = lookup (key);
    }

  if (found == NULL)
    found = lookup (language);

  return found;
}

static void
add_language (GPtrArray         *chosen,
              const char        *language,
              const char *const *available)
{
  if (language == NULL || !g_strv_contains (available, language))
    return;

  for (guint i = 0; i < chosen->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (chosen, i), language))
        return;
    }

  g_ptr_array_add (chosen, (char *)language);
}

char *
steward_ocr_languages_choose (const char *const *locale_names,
                              const char *const *available)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();

  g_return_val_if_fail (available != NULL, NULL);

  for (guint i = 0; locale_names != NULL && locale_names[i] != NULL; i++)
    add_language (chosen, steward_ocr_language_for_locale (locale_names[i]), available);
  add_language (chosen, "eng", available);

  if (chosen->len == 0)
    return NULL;

  g_ptr_array_add (chosen, NULL);

  return g_strjoinv ("+", (char **)chosen->pdata);
}
