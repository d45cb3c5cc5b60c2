/* steward-speakable.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-speakable"

#include "config.h"

#include <string.h>

#include "steward-markdown.h"
#include "steward-speakable.h"

/* A speech synthesiser reads what it is given: "**", "|---|", a URL's
 * every slash, a Python listing. So the reply's Markdown tree is walked
 * (through the parent links, not by recursion: a reply may nest lists
 * thousands deep) and only what a person reading it aloud would say is
 * kept. Every block ends its sentence with punctuation so that the
 * voice pauses between a heading and the paragraph after it, and
 * between list items, instead of running them together. */

/* Whether @c ends a sentence, or a clause a voice pauses after */
static gboolean
is_stop (gunichar c)
{
  return strchr (".!?:;", (int)c) != NULL ||
         c == 0x2026 /* … */ ||
         c == 0x3002 /* 。 */ ||
         c == 0xFF01 /* ！ */ ||
         c == 0xFF1F /* ？ */ ||
         c == 0x061F /* ؟ */ ||
         c == 0x0964 /* । */;
}

/* Whether @c may stand after a sentence's stop: 'She said "yes."' */
static gboolean
is_closing (gunichar c)
{
  return strchr (")]}\"'*_", (int)c) != NULL ||
         c == 0x201D /* ” */ ||
         c == 0x2019 /* ’ */ ||
         c == 0x00BB /* » */ ||
         c == 0x300D /* 」 */;
}

/* Appends @sentence, its white space collapsed, to @out as a line of its
 * own, with a full stop when it has none; empties @sentence. */
static void
end_sentence (GString *out,
              GString *sentence)
{
  g_autoptr(GString) clean = g_string_new (NULL);
  gboolean space = FALSE;
  const char *end;

  for (const char *p = sentence->str; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = TRUE;
          continue;
        }

      if (space && clean->len > 0)
        g_string_append_c (clean, ' ');
      space = FALSE;
      g_string_append_unichar (clean, c);
    }
  g_string_truncate (sentence, 0);

  if (clean->len == 0)
    return;

  /* Behind closing quotes and brackets, is there a stop? */
  end = clean->str + clean->len;
  do
    end = g_utf8_prev_char (end);
  while (end > clean->str && is_closing (g_utf8_get_char (end)));

  if (!is_stop (g_utf8_get_char (end)))
    g_string_append_c (clean, '.');

  if (out->len > 0)
    g_string_append_c (out, '\n');
  g_string_append_len (out, clean->str, clean->len);
}

/* The text a link reads as when it shows its own address: the host */
static gboolean
append_bare_address (GString                     *sentence,
                     const StewardMarkdownInline *link)
{
  const StewardMarkdownInline *child = link->children;
  g_autoptr(GUri) uri = NULL;
  const char *href = link->href;

  if (href == NULL || child == NULL || child->next != NULL ||
      child->kind != STEWARD_MARKDOWN_INLINE_TEXT)
    return FALSE;

  if (g_str_has_prefix (href, "mailto:"))
    {
      const char *address = href + strlen ("mailto:");

      if (!g_str_equal (child->text, href) && !g_str_equal (child->text, address))
        return FALSE;

      g_string_append (sentence, address);
      return TRUE;
    }

  if (!g_str_equal (child->text, href) ||
      !(uri = g_uri_parse (href, G_URI_FLAGS_NONE, NULL)) ||
      g_uri_get_host (uri) == NULL)
    return FALSE;

  g_string_append (sentence, g_uri_get_host (uri));
  return TRUE;
}

static void
append_inlines (GString                     *out,
                GString                     *sentence,
                const StewardMarkdownInline *first)
{
  const StewardMarkdownInline *run = first;

  while (run != NULL)
    {
      gboolean enter = TRUE;

      switch (run->kind)
        {
        case STEWARD_MARKDOWN_INLINE_TEXT:
        case STEWARD_MARKDOWN_INLINE_CODE:
        case STEWARD_MARKDOWN_INLINE_IMAGE:
          if (run->text != NULL)
            g_string_append (sentence, run->text);
          break;

        case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
          /* Lines of an address or a verse: a pause each */
          if (out != NULL)
            end_sentence (out, sentence);
          else
            g_string_append_c (sentence, ' ');
          break;

        case STEWARD_MARKDOWN_INLINE_LINK:
          enter = !append_bare_address (sentence, run);
          break;

        case STEWARD_MARKDOWN_INLINE_EMPHASIS:
        case STEWARD_MARKDOWN_INLINE_STRONG:
        case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
        case STEWARD_MARKDOWN_INLINE_UNDERLINE:
        default:
          break;
        }

      if (enter && run->children != NULL)
        {
          run = run->children;
          continue;
        }

      while (run != NULL && run->next == NULL)
        run = run->parent;
      if (run != NULL)
        run = run->next;
    }
}

static char *
dup_cell_text (const StewardMarkdownNode *table,
               guint                      row,
               guint                      column)
{
  g_autoptr(GString) text = g_string_new (NULL);

  append_inlines (NULL, text, table->table.cells[row * table->table.n_columns + column]);

  return g_strstrip (g_string_free (g_steal_pointer (&text), FALSE));
}

/* A row a sentence. Under a header row, each cell is read after its
 * column's name ("Name: Ada, Born: 1815"), so a listener need not keep
 * the columns in mind; the header row itself is read only when the table
 * has nothing under it. */
static void
append_table (GString                   *out,
              GString                   *sentence,
              const StewardMarkdownNode *table)
{
  guint n_columns = table->table.n_columns;
  guint header_rows = MIN (table->table.header_rows, table->table.n_rows);
  gboolean named = header_rows > 0 && table->table.n_rows > header_rows;

  for (guint row = named ? header_rows : 0; row < table->table.n_rows; row++)
    {
      gboolean first = TRUE;

      for (guint column = 0; column < n_columns; column++)
        {
          g_autofree char *cell = dup_cell_text (table, row, column);
          g_autofree char *header = NULL;

          if (cell[0] == '\0')
            continue;

          if (!first)
            g_string_append (sentence, ", ");
          first = FALSE;

          if (named)
            header = dup_cell_text (table, header_rows - 1, column);
          if (header != NULL && header[0] != '\0')
            g_string_append_printf (sentence, "%s: %s", header, cell);
          else
            g_string_append (sentence, cell);
        }
      end_sentence (out, sentence);
    }
}

/* "3. " before the first sentence of an ordered list's third item */
static void
append_item_number (GString                   *sentence,
                    const StewardMarkdownNode *item)
{
  const StewardMarkdownNode *list = item->parent;
  guint number;

  if (list == NULL || list->kind != STEWARD_MARKDOWN_NODE_LIST || !list->list.ordered)
    return;

  number = list->list.start;
  for (const StewardMarkdownNode *sibling = list->children; sibling != item; sibling = sibling->next)
    number++;

  g_string_append_printf (sentence, "%u. ", number);
}

char *
steward_speakable_from_tree (const StewardMarkdownTree *tree)
{
  g_autoptr(GString) sentence = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const StewardMarkdownNode *node;

  g_return_val_if_fail (tree != NULL, NULL);

  node = steward_markdown_tree_get_blocks (tree);

  while (node != NULL)
    {
      switch (node->kind)
        {
        case STEWARD_MARKDOWN_NODE_PARAGRAPH:
        case STEWARD_MARKDOWN_NODE_HEADING:
          append_inlines (out, sentence, node->inlines);
          end_sentence (out, sentence);
          break;

        case STEWARD_MARKDOWN_NODE_ITEM:
          /* The number waits in @sentence for the item's first block; an
           * item holding only a listing drops it */
          g_string_truncate (sentence, 0);
          append_item_number (sentence, node);
          break;

        case STEWARD_MARKDOWN_NODE_TABLE:
          append_table (out, sentence, node);
          break;

        case STEWARD_MARKDOWN_NODE_CODE:
          /* A listing is read by no one: skipped */
        case STEWARD_MARKDOWN_NODE_LIST:
        case STEWARD_MARKDOWN_NODE_QUOTE:
        case STEWARD_MARKDOWN_NODE_RULE:
        default:
          break;
        }

      if (node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL && node->next == NULL)
        node = node->parent;
      if (node != NULL)
        node = node->next;
    }

  /* An item with nothing in it leaves only its number: not worth saying */
  g_string_truncate (sentence, 0);

  return g_string_free (out, FALSE);
}

char *
steward_speakable_from_markdown (const char *markdown,
                                 gssize      len)
{
  g_autoptr(StewardMarkdownTree) tree = NULL;

  g_return_val_if_fail (markdown != NULL || len == 0, NULL);

  tree = steward_markdown_parse_tree (markdown != NULL ? markdown : "", len);

  return steward_speakable_from_tree (tree);
}
