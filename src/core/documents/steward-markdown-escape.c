/* steward-markdown-escape.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-markdown-escape.h"

/* Special anywhere in a line for md4c with the GitHub dialect that chat
 * and export use: emphasis, code, links, tables, strikethrough, autolinks
 * and HTML, and the backslash itself. */
static gboolean
is_inline_special (char c)
{
  return strchr ("\\`*_[]<>|~", c) != NULL && c != '\0';
}

/* The length of a block marker at the start of @text: "#", "-", "+",
 * "=", ">" or an ordered list's "12." / "12)", 0 when there is none. The
 * last byte of the marker is the one escaped. */
static gsize
line_marker_length (const char *text,
                    gsize       len)
{
  gsize i = 0;

  if (len == 0)
    return 0;

  if (strchr ("#-+=>", text[0]) != NULL)
    return 1;

  while (i < len && i < 10 && g_ascii_isdigit (text[i]))
    i++;

  if (i > 0 && i < len && (text[i] == '.' || text[i] == ')'))
    return i + 1;

  return 0;
}

void
steward_markdown_escape_append (GString    *out,
                                const char *text,
                                gssize      len,
                                gboolean    at_line_start)
{
  gsize n;
  gsize i = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || len == 0);

  n = len < 0 ? strlen (text) : (gsize) len;

  if (at_line_start)
    {
      gsize marker;

      while (i < n && (text[i] == ' ' || text[i] == '\t'))
        i++;

      marker = line_marker_length (text + i, n - i);
      if (marker > 0)
        {
          g_string_append_len (out, text + i, marker - 1);
          g_string_append_c (out, '\\');
          g_string_append_c (out, text[i + marker - 1]);
          i += marker;
        }
    }

  for (; i < n; i++)
    {
      char c = text[i];

      /* An entity (&amp; &#38;) would be decoded: escape the & that could
       * start one, not every & in "Smith & Sons". */
      if (is_inline_special (c) ||
          (c == '&' && i + 1 < n && (g_ascii_isalnum (text[i + 1]) || text[i + 1] == '#')))
        g_string_append_c (out, '\\');

      g_string_append_c (out, c);
    }
}
