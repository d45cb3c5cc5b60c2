/* steward-markdown-pango.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include "steward-markdown-private.h"

/* The chat view's rendering of a Markdown tree: a flat list of blocks, one
 * widget each. Containers do not get a widget of their own: a list item's
 * first paragraph is the item's text, beside its bullet, and the blocks
 * after it are indented by the item's depth; a paragraph in a quote is a
 * quote block of that depth.
 *
 * The tree is walked through its parent links rather than by recursion,
 * since a reply may nest lists or quotes very deep. */

typedef struct
{
  /* Owned */
  GPtrArray *blocks;
  GArray    *numbers;       /* the next number of each open ordered list, or NULL */

  /* Borrowed */
  GArray    *spans;         /* may be NULL */

  guint      list_depth;
  guint      quote_depth;
} Renderer;

void
steward_markdown_block_free (StewardMarkdownBlock *block)
{
  if (block == NULL)
    return;

  g_free (block->bullet);
  g_free (block->markup);
  g_free (block->text);
  g_free (block->language);
  g_clear_pointer (&block->cells, g_ptr_array_unref);
  g_free (block->alignments);
  g_free (block);
}

static gboolean
cells_equal (GPtrArray *a,
             GPtrArray *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (a->len != b->len)
    return FALSE;

  for (guint i = 0; i < a->len; i++)
    if (g_strcmp0 (g_ptr_array_index (a, i), g_ptr_array_index (b, i)) != 0)
      return FALSE;

  return TRUE;
}

gboolean
steward_markdown_block_equal (const StewardMarkdownBlock *a,
                              const StewardMarkdownBlock *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->kind == b->kind &&
         a->level == b->level &&
         a->n_columns == b->n_columns &&
         a->header_rows == b->header_rows &&
         g_strcmp0 (a->bullet, b->bullet) == 0 &&
         g_strcmp0 (a->markup, b->markup) == 0 &&
         g_strcmp0 (a->text, b->text) == 0 &&
         g_strcmp0 (a->language, b->language) == 0 &&
         g_strcmp0 (a->alignments, b->alignments) == 0 &&
         cells_equal (a->cells, b->cells);
}

/* Bytes that g_markup_escape_text() changes: the five of XML, control
 * characters but tab and line breaks, and the lead byte of U+0080 to
 * U+00BF (some of them C1 controls) */
static const guint8 needs_escape[256] = {
  [0x01 ... 0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0E ... 0x1F] = 1,
  ['&'] = 1, ['<'] = 1, ['>'] = 1, ['\''] = 1, ['"'] = 1, [0x7F] = 1, [0xC2] = 1,
};

/* As g_markup_escape_text(), without its copy of the common text that
 * needs no escaping. */
static void
append_escaped (GString    *out,
                const char *text)
{
  const char *run = text;
  const char *p = text;

  for (;;)
    {
      const char *next;

      while (*p != '\0' && !needs_escape[(guchar) *p])
        p++;
      if (*p == '\0')
        break;

      g_string_append_len (out, run, p - run);
      next = p + 1;
      switch (*p)
        {
        case '&':
          g_string_append (out, "&amp;");
          break;

        case '<':
          g_string_append (out, "&lt;");
          break;

        case '>':
          g_string_append (out, "&gt;");
          break;

        case '\'':
          g_string_append (out, "&apos;");
          break;

        case '"':
          g_string_append (out, "&quot;");
          break;

        default:
          {
            g_autofree char *escaped = NULL;

            next = g_utf8_next_char (p);
            escaped = g_markup_escape_text (p, next - p);
            g_string_append (out, escaped);
          }
          break;
        }

      p = run = next;
    }

  g_string_append_len (out, run, p - run);
}

static const char *
inline_close_tag (StewardMarkdownInlineKind kind)
{
  switch (kind)
    {
    case STEWARD_MARKDOWN_INLINE_EMPHASIS:
      return "</i>";

    case STEWARD_MARKDOWN_INLINE_STRONG:
      return "</b>";

    case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
      return "</s>";

    case STEWARD_MARKDOWN_INLINE_UNDERLINE:
      return "</u>";

    case STEWARD_MARKDOWN_INLINE_LINK:
      return "</a>";

    case STEWARD_MARKDOWN_INLINE_TEXT:
    case STEWARD_MARKDOWN_INLINE_CODE:
    case STEWARD_MARKDOWN_INLINE_IMAGE:
    case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
    default:
      return NULL;
    }
}

/* Runs to markup: escaped text, an element per run kind; an image shows
 * its description. @size_hint: about the length of the source. */
static char *
render_inlines (const StewardMarkdownInline *first,
                gsize                        size_hint)
{
  GString *out = g_string_sized_new (size_hint + 16);
  const StewardMarkdownInline *node = first;

  while (node != NULL)
    {
      switch (node->kind)
        {
        case STEWARD_MARKDOWN_INLINE_TEXT:
        case STEWARD_MARKDOWN_INLINE_IMAGE:
          append_escaped (out, node->text);
          break;

        case STEWARD_MARKDOWN_INLINE_EMPHASIS:
          g_string_append (out, "<i>");
          break;

        case STEWARD_MARKDOWN_INLINE_STRONG:
          g_string_append (out, "<b>");
          break;

        case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
          g_string_append (out, "<s>");
          break;

        case STEWARD_MARKDOWN_INLINE_UNDERLINE:
          g_string_append (out, "<u>");
          break;

        case STEWARD_MARKDOWN_INLINE_CODE:
          g_string_append (out, "<tt>");
          append_escaped (out, node->text);
          g_string_append (out, "</tt>");
          break;

        case STEWARD_MARKDOWN_INLINE_LINK:
          g_string_append (out, "<a href=\"");
          append_escaped (out, node->href);
          g_string_append (out, "\">");
          break;

        case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
          g_string_append_c (out, '\n');
          break;

        default:
          break;
        }

      if (node->children != NULL)
        {
          node = node->children;
          continue;
        }

      /* Close it, and each run it was the last one of */
      for (;;)
        {
          const char *close = inline_close_tag (node->kind);

          if (close != NULL)
            g_string_append (out, close);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL)
            break;
        }
    }

  return g_string_free (out, FALSE);
}

/* The length of the source a block's text came from, as a guess of its
 * markup's. */
static gsize
source_length (const StewardMarkdownNode *node)
{
  return node->source_first >= 0 ? node->source_last - node->source_first : 0;
}

static StewardMarkdownBlock *
renderer_add_block (Renderer                  *self,
                    StewardMarkdownKind        kind,
                    guint                      level,
                    const StewardMarkdownNode *source)
{
  StewardMarkdownBlock *block = g_new0 (StewardMarkdownBlock, 1);

  block->kind = kind;
  block->level = level;
  g_ptr_array_add (self->blocks, block);

  if (self->spans != NULL)
    {
      StewardMarkdownSpan span = { -1, -1, FALSE };

      if (source != NULL)
        {
          span.first = source->source_first;
          span.last = source->source_last;
          span.fenced = source->kind == STEWARD_MARKDOWN_NODE_CODE && source->code.fenced;
        }
      g_array_append_val (self->spans, span);
    }

  return block;
}

/* Code and tables in a list item are indented as the item's text is. */
static guint
renderer_item_depth (Renderer *self)
{
  return self->list_depth > 0 ? self->list_depth - 1 : 0;
}

static char *
item_bullet (Renderer                  *self,
             const StewardMarkdownNode *item)
{
  static const char *bullets[] = { "•", "◦", "▪" };
  const StewardMarkdownNode *list = item->parent;

  if (item->item.task != STEWARD_MARKDOWN_TASK_NONE)
    return g_strdup (item->item.task == STEWARD_MARKDOWN_TASK_CHECKED ? "☑" : "☐");

  if (list != NULL && list->kind == STEWARD_MARKDOWN_NODE_LIST &&
      list->list.ordered && self->numbers != NULL && self->numbers->len > 0)
    {
      guint *number = &g_array_index (self->numbers, guint, self->numbers->len - 1);

      return g_strdup_printf ("%u.", (*number)++);
    }

  return g_strdup (bullets[MIN (renderer_item_depth (self), G_N_ELEMENTS (bullets) - 1)]);
}

static void
render_paragraph (Renderer                  *self,
                  const StewardMarkdownNode *node)
{
  StewardMarkdownBlock *block;
  const StewardMarkdownNode *parent = node->parent;

  if (parent != NULL && parent->kind == STEWARD_MARKDOWN_NODE_ITEM)
    {
      /* A further paragraph of the item: no bullet of its own */
      block = renderer_add_block (self, STEWARD_MARKDOWN_LIST_ITEM,
                                  renderer_item_depth (self), node);
      block->bullet = g_strdup ("");
    }
  else if (parent != NULL && parent->kind == STEWARD_MARKDOWN_NODE_QUOTE)
    block = renderer_add_block (self, STEWARD_MARKDOWN_QUOTE, self->quote_depth, node);
  else
    block = renderer_add_block (self, STEWARD_MARKDOWN_PARAGRAPH, 0, node);

  block->markup = render_inlines (node->inlines, source_length (node));
}

static void
render_table (Renderer                  *self,
              const StewardMarkdownNode *node)
{
  StewardMarkdownBlock *block;
  guint n_cells = node->table.n_rows * node->table.n_columns;

  block = renderer_add_block (self, STEWARD_MARKDOWN_TABLE, renderer_item_depth (self), node);
  block->n_columns = node->table.n_columns;
  block->header_rows = node->table.header_rows;
  block->cells = g_ptr_array_new_full (n_cells, g_free);
  for (guint i = 0; i < n_cells; i++)
    g_ptr_array_add (block->cells, render_inlines (node->table.cells[i], 0));

  block->alignments = g_malloc (node->table.n_columns + 1);
  for (guint i = 0; i < node->table.n_columns; i++)
    {
      switch (node->table.alignments[i])
        {
        case STEWARD_MARKDOWN_ALIGN_CENTER:
          block->alignments[i] = 'c';
          break;

        case STEWARD_MARKDOWN_ALIGN_RIGHT:
          block->alignments[i] = 'r';
          break;

        case STEWARD_MARKDOWN_ALIGN_DEFAULT:
        case STEWARD_MARKDOWN_ALIGN_LEFT:
        default:
          block->alignments[i] = 'l';
          break;
        }
    }
  block->alignments[node->table.n_columns] = '\0';
}

/* Renders what @node shows by itself; returns the first of its children
 * still to render, if any. */
static const StewardMarkdownNode *
render_enter (Renderer                  *self,
              const StewardMarkdownNode *node)
{
  StewardMarkdownBlock *block;

  switch (node->kind)
    {
    case STEWARD_MARKDOWN_NODE_PARAGRAPH:
      render_paragraph (self, node);
      return NULL;

    case STEWARD_MARKDOWN_NODE_HEADING:
      block = renderer_add_block (self, STEWARD_MARKDOWN_HEADING, node->heading.level, node);
      block->markup = render_inlines (node->inlines, source_length (node));
      return NULL;

    case STEWARD_MARKDOWN_NODE_CODE:
      block = renderer_add_block (self, STEWARD_MARKDOWN_CODE, renderer_item_depth (self), node);
      block->text = g_strdup (node->code.text);
      block->language = g_strdup (node->code.language);
      return NULL;

    case STEWARD_MARKDOWN_NODE_TABLE:
      render_table (self, node);
      return NULL;

    case STEWARD_MARKDOWN_NODE_RULE:
      renderer_add_block (self, STEWARD_MARKDOWN_RULE, 0, NULL);
      return NULL;

    case STEWARD_MARKDOWN_NODE_QUOTE:
      self->quote_depth++;
      return node->children;

    case STEWARD_MARKDOWN_NODE_LIST:
      self->list_depth++;
      if (node->list.ordered)
        {
          if (self->numbers == NULL)
            self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (self->numbers, node->list.start);
        }
      return node->children;

    case STEWARD_MARKDOWN_NODE_ITEM:
      {
        const StewardMarkdownNode *first = node->children;

        /* The item's first paragraph goes beside its bullet */
        if (first != NULL && first->kind == STEWARD_MARKDOWN_NODE_PARAGRAPH)
          {
            block = renderer_add_block (self, STEWARD_MARKDOWN_LIST_ITEM,
                                        renderer_item_depth (self), first);
            block->markup = render_inlines (first->inlines, source_length (first));
            first = first->next;
          }
        else
          {
            block = renderer_add_block (self, STEWARD_MARKDOWN_LIST_ITEM,
                                        renderer_item_depth (self), NULL);
            block->markup = g_strdup ("");
          }
        block->bullet = item_bullet (self, node);

        return first;
      }

    default:
      g_return_val_if_reached (NULL);
    }
}

static void
render_leave (Renderer                  *self,
              const StewardMarkdownNode *node)
{
  switch (node->kind)
    {
    case STEWARD_MARKDOWN_NODE_QUOTE:
      self->quote_depth--;
      break;

    case STEWARD_MARKDOWN_NODE_LIST:
      self->list_depth--;
      if (node->list.ordered)
        g_array_set_size (self->numbers, self->numbers->len - 1);
      break;

    case STEWARD_MARKDOWN_NODE_PARAGRAPH:
    case STEWARD_MARKDOWN_NODE_HEADING:
    case STEWARD_MARKDOWN_NODE_ITEM:
    case STEWARD_MARKDOWN_NODE_CODE:
    case STEWARD_MARKDOWN_NODE_TABLE:
    case STEWARD_MARKDOWN_NODE_RULE:
    default:
      break;
    }
}

GPtrArray *
_steward_markdown_pango_render (const StewardMarkdownTree *tree,
                                GArray                    *spans)
{
  const StewardMarkdownNode *node = steward_markdown_tree_get_blocks (tree);
  Renderer self = {
    .blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_markdown_block_free),
    .spans = spans,
  };

  while (node != NULL)
    {
      const StewardMarkdownNode *child = render_enter (&self, node);

      if (child != NULL)
        {
          node = child;
          continue;
        }

      /* Leave it, and each container it was the last block of */
      for (;;)
        {
          render_leave (&self, node);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
          if (node == NULL)
            break;
        }
    }

  g_clear_pointer (&self.numbers, g_array_unref);

  return self.blocks;
}

/**
 * steward_markdown_pango_render:
 * @tree: a Markdown tree
 *
 * The blocks the chat view shows for @tree: see #StewardMarkdownBlock.
 *
 * Returns: (transfer full) (element-type StewardMarkdownBlock): the blocks
 */
GPtrArray *
steward_markdown_pango_render (const StewardMarkdownTree *tree)
{
  g_return_val_if_fail (tree != NULL, NULL);

  return _steward_markdown_pango_render (tree, NULL);
}
