/* steward-markdown-plain.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include "steward-markdown-plain.h"

/* A Markdown tree as the text a reader sees, without its syntax: no
 * emphasis stars, backticks, link targets, heading hashes or list
 * markers. Each block ends a line; table cells are parted by spaces.
 * For places that show text without formatting, such as a search
 * result's snippet.
 *
 * Walked through the parent links rather than by recursion, as the
 * Pango renderer is, since a reply may nest lists or quotes very deep. */

static void
append_inlines (GString                     *out,
                const StewardMarkdownInline *first)
{
  const StewardMarkdownInline *node = first;

  while (node != NULL)
    {
      switch (node->kind)
        {
        case STEWARD_MARKDOWN_INLINE_TEXT:
        case STEWARD_MARKDOWN_INLINE_CODE:
        case STEWARD_MARKDOWN_INLINE_IMAGE:
          if (node->text != NULL)
            g_string_append (out, node->text);
          break;

        case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
          g_string_append_c (out, '\n');
          break;

        case STEWARD_MARKDOWN_INLINE_EMPHASIS:
        case STEWARD_MARKDOWN_INLINE_STRONG:
        case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
        case STEWARD_MARKDOWN_INLINE_UNDERLINE:
        case STEWARD_MARKDOWN_INLINE_LINK:
        default:
          break;
        }

      if (node->children != NULL)
        {
          node = node->children;
          continue;
        }

      /* The next run, of this parent or of the first one up that has one */
      while (node != NULL && node->next == NULL)
        node = node->parent;
      if (node != NULL)
        node = node->next;
    }
}

static void
append_table (GString                   *out,
              const StewardMarkdownNode *node)
{
  for (guint row = 0; row < node->table.n_rows; row++)
    {
      for (guint column = 0; column < node->table.n_columns; column++)
        {
          if (column > 0)
            g_string_append_c (out, ' ');
          append_inlines (out, node->table.cells[row * node->table.n_columns + column]);
        }
      g_string_append_c (out, '\n');
    }
}

char *
steward_markdown_plain_inlines (const StewardMarkdownInline *first)
{
  GString *out = g_string_new (NULL);

  append_inlines (out, first);

  return g_string_free (out, FALSE);
}

/**
 * steward_markdown_plain_render:
 * @tree: a Markdown tree
 *
 * Returns: (transfer full): @tree's text without Markdown syntax, a line
 *   for each block
 */
char *
steward_markdown_plain_render (const StewardMarkdownTree *tree)
{
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
          append_inlines (out, node->inlines);
          g_string_append_c (out, '\n');
          break;

        case STEWARD_MARKDOWN_NODE_CODE:
          g_string_append (out, node->code.text);
          g_string_append_c (out, '\n');
          break;

        case STEWARD_MARKDOWN_NODE_TABLE:
          append_table (out, node);
          break;

        case STEWARD_MARKDOWN_NODE_LIST:
        case STEWARD_MARKDOWN_NODE_ITEM:
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

  return g_string_free (out, FALSE);
}
