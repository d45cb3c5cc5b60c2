/* steward-json-guard.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-json-guard"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-json-guard.h"

/* JSON from a provider (or a model's own words) goes through here before
 * json-glib sees it. A pass over the text, which stays JSON text: it
 * counts nesting outside strings, and inside strings rewrites the escapes
 * that would not survive as a C string of valid UTF-8 — \u0000 (which
 * would cut the text) and an unpaired surrogate (which json-glib turns
 * into invalid UTF-8) — into \ufffd, which has the same length. */

static gboolean
is_hex4 (const char *p,
         const char *end)
{
  if (end - p < 4)
    return FALSE;

  for (guint i = 0; i < 4; i++)
    if (!g_ascii_isxdigit (p[i]))
      return FALSE;

  return TRUE;
}

static guint
hex4 (const char *p)
{
  guint value = 0;

  for (guint i = 0; i < 4; i++)
    value = (value << 4) | (guint)g_ascii_xdigit_value (p[i]);

  return value;
}

static void
replace_escape (char *escape)
{
  /* escape points at the 'u' of \uXXXX */
  memcpy (escape, "ufffd", 5);
}

typedef enum
{
  SCRUB_OK,
  TOO_DEEP,
  ESCAPE_INVALID,
} ScrubResult;

static ScrubResult
scrub (char  *text,
       gsize  len)
{
  char *end = text + len;
  gboolean in_string = FALSE;
  guint depth = 0;

  for (char *p = text; p < end; p++)
    {
      if (!in_string)
        {
          switch (*p)
            {
            case '"':
              in_string = TRUE;
              break;

            case '[':
            case '{':
              if (++depth > STEWARD_JSON_MAX_DEPTH)
                return TOO_DEEP;
              break;

            case ']':
            case '}':
              if (depth > 0)
                depth--;
              break;

            default:
              break;
            }
          continue;
        }

      if (*p == '"')
        {
          in_string = FALSE;
          continue;
        }

      if (*p != '\\')
        continue;

      /* Only JSON's own escapes: json-glib also takes octal ("\\351")
       * and short ("\\ud8") ones, which make bytes that are not UTF-8. */
      if (++p >= end || strchr ("\"\\/bfnrtu", *p) == NULL || *p == '\0')
        return ESCAPE_INVALID;
      if (*p != 'u')
        continue;
      if (!is_hex4 (p + 1, end))
        return ESCAPE_INVALID;

      {
        guint unit = hex4 (p + 1);

        if (unit == 0)
          {
            replace_escape (p);
          }
        else if (unit >= 0xD800 && unit <= 0xDBFF)
          {
            /* A high surrogate stands only before a low one. */
            char *next = p + 5;

            if (end - next >= 6 && next[0] == '\\' && next[1] == 'u' && is_hex4 (next + 2, end) &&
                hex4 (next + 2) >= 0xDC00 && hex4 (next + 2) <= 0xDFFF)
              {
                p = next + 5;
                continue;
              }
            replace_escape (p);
          }
        else if (unit >= 0xDC00 && unit <= 0xDFFF)
          {
            replace_escape (p);
          }

        p += 4;
      }
    }

  return SCRUB_OK;
}

/**
 * steward_json_load_untrusted:
 * @data: JSON text from outside; need not be NUL-terminated
 *
 * Parses @data into @parser, as json_parser_load_from_data() does, but
 * refuses text nested deeper than %STEWARD_JSON_MAX_DEPTH or with escapes
 * that JSON does not have (json-glib reads some), and turns
 * invalid UTF-8, unpaired surrogates and NUL into U+FFFD, so every string
 * the parser hands out is valid UTF-8 in full.
 */
gboolean
steward_json_load_untrusted (JsonParser  *parser,
                             const char  *data,
                             gsize        len,
                             GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (JSON_IS_PARSER (parser), FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (data == NULL)
    data = "";

  /* A NUL byte ends the text for json-glib; replace it like any invalid
   * byte rather than lose what follows. */
  if (memchr (data, '\0', len) != NULL)
    {
      text = g_malloc (len + 1);
      for (gsize i = 0; i < len; i++)
        text[i] = data[i] != '\0' ? data[i] : '\xff';
      text[len] = '\0';
    }
  else
    {
      text = g_strndup (data, len);
    }

  if (!g_utf8_validate_len (text, len, NULL))
    {
      char *valid = g_utf8_make_valid (text, len);

      g_free (text);
      text = valid;
      len = strlen (text);
    }

  switch (scrub (text, len))
    {
    case TOO_DEEP:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("it nests deeper than %u levels"), STEWARD_JSON_MAX_DEPTH);
      return FALSE;

    case ESCAPE_INVALID:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("a string has an escape JSON does not allow"));
      return FALSE;

    case SCRUB_OK:
    default:
      break;
    }

  if (!json_parser_load_from_data (parser, text, len, error))
    {
      /* json-glib quotes the text around the fault, cut at a byte count:
       * the sentence must stay UTF-8 all the same. */
      if (error != NULL && *error != NULL && !g_utf8_validate ((*error)->message, -1, NULL))
        {
          char *valid = g_utf8_make_valid ((*error)->message, -1);

          g_free ((*error)->message);
          (*error)->message = valid;
        }
      return FALSE;
    }

  return TRUE;
}
