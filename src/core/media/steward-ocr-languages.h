/* steward-ocr-languages.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The tesseract language a locale name ("de_DE.UTF-8", "pt_BR", "sr@latin",
 * "zh_TW") reads text in ("deu", "por", "srp_latn", "chi_tra"), or NULL
 * for "C", "POSIX" and languages tesseract has no data for. */
const char *steward_ocr_language_for_locale (const char        *locale_name);

/* The languages to recognise text in, joined by '+' as tesseract takes
 * them ("deu+eng"): those of @locale_names (most preferred first, as
 * g_get_language_names () gives them) that are among @available, then
 * English, which most text on screens and whiteboards is also in. NULL
 * when none of them, not even English, is available. */
char       *steward_ocr_languages_choose     (const char *const *locale_names,
                                              const char *const *available);

G_END_DECLS
