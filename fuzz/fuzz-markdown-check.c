/* fuzz-markdown-check.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-markdown-check.h"

/* What steward-markdown.h promises about each block, checked so that a
 * block the chat view would choke on (markup Pango refuses, a table with
 * a short row) counts as a crash. */

static void
start_element_cb (GMarkupParseContext  *context,
                  const char           *element,
                  const char          **names,
                  const char          **values,
                  gpointer              user_data,
                  GError              **error)
{
  static const char * const plain[] = { "markup", "b", "i", "s", "u", "tt", NULL };

  if (g_strv_contains (plain, element))
    {
      if (names[0] != NULL)
        fuzz_fail ("<%s> has an attribute %s", element, names[0]);
      return;
    }

  if (g_str_equal (element, "a"))
    {
      if (names[0] == NULL || !g_str_equal (names[0], "href") || names[1] != NULL)
        fuzz_fail ("<a> without exactly one href");
      if (g_ascii_strncasecmp (values[0], "http://", 7) != 0 &&
          g_ascii_strncasecmp (values[0], "https://", 8) != 0 &&
          g_ascii_strncasecmp (values[0], "mailto:", 7) != 0)
        fuzz_fail ("a link to %s", values[0]);
      return;
    }

  fuzz_fail ("markup holds an element <%s>", element);
}

static void
check_markup (const char *what,
              guint       position,
              const char *markup)
{
  static const GMarkupParser parser = { start_element_cb, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = NULL;

  if (markup == NULL)
    fuzz_fail ("block %u: %s markup is NULL", position, what);
  fuzz_check_utf8 ("markup", markup);

  /* As Pango parses it */
  wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    fuzz_failed_check ("markup-parse", "block %u: %s markup does not parse (%s): %s",
                       position, what, error->message, markup);
}

static void
check_text (const char *what,
            guint       position,
            const char *text,
            gboolean    nullable)
{
  if (text == NULL)
    {
      if (!nullable)
        fuzz_fail ("block %u: %s is NULL", position, what);
      return;
    }

  fuzz_check_utf8 (what, text);
}

void
fuzz_markdown_check_blocks (GPtrArray *blocks)
{
  if (blocks == NULL)
    fuzz_fail ("no blocks at all");

  for (guint i = 0; i < blocks->len; i++)
    {
      const StewardMarkdownBlock *block = g_ptr_array_index (blocks, i);

      if (block == NULL)
        fuzz_fail ("block %u is NULL", i);
      if (!steward_markdown_block_equal (block, block))
        fuzz_fail ("block %u differs from itself", i);

      switch (block->kind)
        {
        case STEWARD_MARKDOWN_HEADING:
          if (block->level < 1 || block->level > 6)
            fuzz_fail ("block %u: heading level %u", i, block->level);
          check_markup ("heading", i, block->markup);
          break;

        case STEWARD_MARKDOWN_LIST_ITEM:
          check_text ("bullet", i, block->bullet, FALSE);
          check_markup ("list item", i, block->markup);
          break;

        case STEWARD_MARKDOWN_PARAGRAPH:
        case STEWARD_MARKDOWN_QUOTE:
          check_markup ("paragraph", i, block->markup);
          break;

        case STEWARD_MARKDOWN_CODE:
          check_text ("code", i, block->text, FALSE);
          check_text ("language", i, block->language, TRUE);
          break;

        case STEWARD_MARKDOWN_TABLE:
          if (block->n_columns == 0 || block->cells == NULL)
            fuzz_fail ("block %u: a table without columns or cells", i);
          if (block->cells->len % block->n_columns != 0)
            fuzz_fail ("block %u: %u cells in %u columns", i, block->cells->len, block->n_columns);
          if (block->header_rows > block->cells->len / block->n_columns)
            fuzz_fail ("block %u: %u header rows of %u", i,
                       block->header_rows, block->cells->len / block->n_columns);
          if (block->alignments == NULL || strlen (block->alignments) != block->n_columns ||
              strspn (block->alignments, "lcr") != block->n_columns)
            fuzz_fail ("block %u: alignments “%s” for %u columns", i,
                       block->alignments ? block->alignments : "(null)", block->n_columns);
          for (guint j = 0; j < block->cells->len; j++)
            check_markup ("cell", i, g_ptr_array_index (block->cells, j));
          break;

        case STEWARD_MARKDOWN_RULE:
          break;

        default:
          fuzz_fail ("block %u: unknown kind %d", i, block->kind);
        }
    }
}
