/* steward-remember.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-private.h"

/* "Remember that …" said in a chat: stored as the user said it, no model
 * asked. */

/**
 * _steward_parse_remember:
 *
 * "Remember that I'm vegetarian", "please remember: my manager is Priya"
 *
 * Returns: (transfer full) (nullable): what to remember, or %NULL when
 *   @text is not such a request
 */
char *
_steward_parse_remember (const char *text)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *fact = NULL;
  gsize len;

  regex = g_regex_new ("^\\s*(?:please\\s*,?\\s+)?remember\\s*(?:that\\b|:|,)?\\s*(.+?)\\s*$",
                       G_REGEX_CASELESS | G_REGEX_DOTALL, 0, NULL);
  if (!g_regex_match (regex, text, 0, &match))
    return NULL;

  fact = g_match_info_fetch (match, 1);
  len = strlen (fact);
  while (len > 0 && (fact[len - 1] == '.' || fact[len - 1] == '!'))
    fact[--len] = '\0';

  if (g_utf8_strlen (fact, -1) < 3)
    return NULL;

  /* Capitalise the first letter: "my manager is Priya" → "My manager …" */
  {
    char first[8] = { 0 };

    g_unichar_to_utf8 (g_unichar_totitle (g_utf8_get_char (fact)), first);

    return g_strconcat (first, g_utf8_next_char (fact), NULL);
  }
}
