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

/* What steward-markdown-pango.h promises about each block, checked so
 * that a block the chat view would choke on (markup Pango refuses, a table
 * with a short row) counts as a crash; and what steward-markdown-tree.h
 * promises about the tree the export will walk. */

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

static gboolean
href_is_allowed (const char *href)
{
  return g_ascii_strncasecmp (href, "http://", 7) == 0 ||
         g_ascii_strncasecmp (href, "https://", 8) == 0 ||
         g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

static void
check_run (const StewardMarkdownInline *run,
           guint                        links)
{
  switch (run->kind)
    {
    case STEWARD_MARKDOWN_INLINE_TEXT:
    case STEWARD_MARKDOWN_INLINE_CODE:
      if (run->text == NULL)
        fuzz_fail ("a text or code run without text");
      fuzz_check_utf8 ("run", run->text);
      if (run->children != NULL)
        fuzz_fail ("a text or code run with runs inside");
      break;

    case STEWARD_MARKDOWN_INLINE_LINK:
      if (run->href == NULL || !href_is_allowed (run->href))
        fuzz_fail ("a link to %s", run->href ? run->href : "(null)");
      fuzz_check_utf8 ("href", run->href);
      if (links > 0)
        fuzz_fail ("a link inside a link");
      break;

    case STEWARD_MARKDOWN_INLINE_IMAGE:
      if (run->text == NULL || run->children != NULL)
        fuzz_fail ("an image without a description, or with runs inside");
      fuzz_check_utf8 ("image", run->text);
      fuzz_check_utf8 ("image source", run->href);
      break;

    case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
      if (run->children != NULL)
        fuzz_fail ("a line break with runs inside");
      break;

    case STEWARD_MARKDOWN_INLINE_EMPHASIS:
    case STEWARD_MARKDOWN_INLINE_STRONG:
    case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
    case STEWARD_MARKDOWN_INLINE_UNDERLINE:
      break;

    default:
      fuzz_fail ("a run of unknown kind %d", run->kind);
    }
}

/* Walked as a renderer walks them, without recursion: runs nest as deep
 * as the input allows. */
static void
check_runs (const StewardMarkdownInline *first)
{
  const StewardMarkdownInline *run = first;
  guint links = 0;

  if (first != NULL && first->parent != NULL)
    fuzz_fail ("a block's first run has a parent");

  while (run != NULL)
    {
      check_run (run, links);

      if (run->children != NULL)
        {
          if (run->children->parent != run)
            fuzz_fail ("a run is not its first run's parent");
          links += run->kind == STEWARD_MARKDOWN_INLINE_LINK;
          run = run->children;
          continue;
        }

      while (run != NULL && run->next == NULL)
        {
          run = run->parent;
          if (run != NULL && run->kind == STEWARD_MARKDOWN_INLINE_LINK)
            links--;
        }
      if (run != NULL)
        {
          if (run->next->parent != run->parent)
            fuzz_fail ("runs side by side with different parents");
          run = run->next;
        }
    }
}

static void
check_table (const StewardMarkdownNode *table)
{
  guint n_columns = table->table.n_columns;

  if (n_columns == 0 || table->table.alignments == NULL)
    fuzz_fail ("a table without columns");
  if (table->table.header_rows > table->table.n_rows)
    fuzz_fail ("a table of %u rows with %u header rows", table->table.n_rows, table->table.header_rows);
  if (table->table.n_rows > 0 && table->table.cells == NULL)
    fuzz_fail ("a table without cells");

  for (guint i = 0; i < n_columns; i++)
    if ((int) table->table.alignments[i] > STEWARD_MARKDOWN_ALIGN_RIGHT)
      fuzz_fail ("a column aligned %d", table->table.alignments[i]);

  for (guint i = 0; i < table->table.n_rows * n_columns; i++)
    check_runs (table->table.cells[i]);
}

static void
check_node (const StewardMarkdownNode *node)
{
  gboolean container = node->kind == STEWARD_MARKDOWN_NODE_LIST ||
                       node->kind == STEWARD_MARKDOWN_NODE_ITEM ||
                       node->kind == STEWARD_MARKDOWN_NODE_QUOTE;

  if (!container && node->children != NULL)
    fuzz_fail ("a block of kind %d with blocks inside", node->kind);
  if (node->inlines != NULL &&
      node->kind != STEWARD_MARKDOWN_NODE_PARAGRAPH &&
      node->kind != STEWARD_MARKDOWN_NODE_HEADING)
    fuzz_fail ("a block of kind %d with runs", node->kind);
  if ((node->source_first < 0) != (node->source_last < 0) ||
      node->source_first > node->source_last)
    fuzz_fail ("a block's source from %" G_GSSIZE_FORMAT " to %" G_GSSIZE_FORMAT,
               node->source_first, node->source_last);
  if ((node->kind == STEWARD_MARKDOWN_NODE_ITEM) !=
      (node->parent != NULL && node->parent->kind == STEWARD_MARKDOWN_NODE_LIST))
    fuzz_fail ("an item outside a list, or a list holding a block of kind %d", node->kind);

  switch (node->kind)
    {
    case STEWARD_MARKDOWN_NODE_HEADING:
      if (node->heading.level < 1 || node->heading.level > 6)
        fuzz_fail ("a heading of level %u", node->heading.level);
      G_GNUC_FALLTHROUGH;

    case STEWARD_MARKDOWN_NODE_PARAGRAPH:
      check_runs (node->inlines);
      break;

    case STEWARD_MARKDOWN_NODE_CODE:
      if (node->code.text == NULL)
        fuzz_fail ("a code block without text");
      fuzz_check_utf8 ("code", node->code.text);
      fuzz_check_utf8 ("language", node->code.language);
      if (node->code.language != NULL && node->code.language[0] == '\0')
        fuzz_fail ("a code block's language is empty, not NULL");
      break;

    case STEWARD_MARKDOWN_NODE_TABLE:
      check_table (node);
      break;

    case STEWARD_MARKDOWN_NODE_ITEM:
      if ((int) node->item.task > STEWARD_MARKDOWN_TASK_CHECKED)
        fuzz_fail ("an item of task %d", node->item.task);
      break;

    case STEWARD_MARKDOWN_NODE_LIST:
      if (node->children == NULL)
        fuzz_fail ("a list without items");
      break;

    case STEWARD_MARKDOWN_NODE_QUOTE:
    case STEWARD_MARKDOWN_NODE_RULE:
      break;

    default:
      fuzz_fail ("a block of unknown kind %d", node->kind);
    }
}

void
fuzz_markdown_check_tree (const StewardMarkdownTree *tree)
{
  const StewardMarkdownNode *node;

  if (tree == NULL)
    fuzz_fail ("no tree at all");

  node = steward_markdown_tree_get_blocks (tree);
  if (node != NULL && node->parent != NULL)
    fuzz_fail ("the first block has a parent");

  while (node != NULL)
    {
      check_node (node);

      if (node->children != NULL)
        {
          if (node->children->parent != node)
            fuzz_fail ("a block is not its first block's parent");
          node = node->children;
          continue;
        }

      while (node != NULL && node->next == NULL)
        node = node->parent;
      if (node != NULL)
        {
          if (node->next->parent != node->parent)
            fuzz_fail ("blocks side by side with different parents");
          node = node->next;
        }
    }
}
