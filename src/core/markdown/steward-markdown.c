/* steward-markdown.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include <string.h>

#include "steward-markdown-builder-private.h"

/* Markdown read with md4c into a StewardMarkdownTree.
 *
 * md4c reports blocks and spans as they open and close, and text in
 * pieces. This file handles the blocks: each new node goes where the next
 * child of the innermost open container goes, and the parent links lead
 * back out when a container closes. Spans and text are
 * steward-markdown-inlines.c's.
 *
 * A tight list item's text comes without a paragraph around it: the
 * builder opens one (an "implicit" paragraph) at its first text and closes
 * it when another block starts or the item ends, so that the tree has the
 * same paragraphs whether the list is tight or loose.
 */

#define PARSER_FLAGS (MD_DIALECT_GITHUB | MD_FLAG_NOHTML)

/* The start of the line after @line's, or its terminating NUL. */
static const char *
line_after (const char *line)
{
  const char *end = strchr (line, '\n');

  return end != NULL ? end + 1 : line + strlen (line);
}

/* Whether the line at @line holds nothing but spaces and tabs. */
static gboolean
line_is_blank (const char *line)
{
  while (*line == ' ' || *line == '\t')
    line++;

  return *line == '\n' || *line == '\0';
}

/**
 * steward_markdown_has_link_definitions:
 * @text: Markdown
 *
 * Whether a line of @text, after its indentation and any quote (">") and
 * list ("-", "*", "+", "1.", "1)") markers, starts with a link reference
 * definition: "[label]:". A stream commits the blocks before it sees such
 * a definition, so only a parse of the whole text links the references to
 * it (see #StewardMarkdownStream). It may say yes to a line that is no
 * definition (one in a code block, say): that only costs a parse of the
 * whole text. A label may run over several lines ("[\nhb]:", found by
 * fuzz/fuzz-markdown-stream.c).
 *
 * Returns: whether the whole text should be parsed again once complete
 */
gboolean
steward_markdown_has_link_definitions (const char *text)
{
  g_return_val_if_fail (text != NULL, FALSE);

  for (const char *line = text; *line != '\0'; line = line_after (line))
    {
      const char *p = line;

      /* The containers a definition may stand in, however deep */
      for (;;)
        {
          const char *q = p;

          while (*q == ' ' || *q == '\t')
            q++;

          if (*q == '>')
            {
              p = q + 1;
              continue;
            }

          if ((*q == '-' || *q == '*' || *q == '+') && (q[1] == ' ' || q[1] == '\t'))
            {
              p = q + 1;
              continue;
            }

          if (g_ascii_isdigit (*q))
            {
              const char *d = q;

              while (g_ascii_isdigit (*d) && d - q < 9)
                d++;
              if ((*d == '.' || *d == ')') && (d[1] == ' ' || d[1] == '\t'))
                {
                  p = d + 1;
                  continue;
                }
            }

          p = q;
          break;
        }

      if (*p != '[')
        continue;

      /* A label may run over lines, though not over a blank one. */
      for (p++; *p != '\0' && *p != ']'; p++)
        {
          if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
            p++;
          else if (*p == '\n' && line_is_blank (p + 1))
            break;
        }

      if (*p == ']' && p[-1] != '[' && p[1] == ':')
        return TRUE;
    }

  return FALSE;
}

/* Appends @node to the innermost open container. */
static StewardMarkdownNode *
builder_new_node (StewardMarkdownBuilder  *self,
                  StewardMarkdownNodeKind  kind)
{
  StewardMarkdownNode *node = _steward_markdown_tree_new_node (self->tree, kind);

  node->parent = self->container;
  *self->tail = node;
  self->tail = &node->next;

  return node;
}

/* @node, just added, is now the innermost open container. */
static void
builder_push (StewardMarkdownBuilder *self,
              StewardMarkdownNode    *node)
{
  self->container = node;
  self->tail = &node->children;
}

static void
builder_pop (StewardMarkdownBuilder *self)
{
  StewardMarkdownNode *node = self->container;

  g_return_if_fail (node != NULL);

  self->container = node->parent;
  self->tail = &node->next;
}

static void
builder_begin_paragraph (StewardMarkdownBuilder *self)
{
  StewardMarkdownNode *paragraph = builder_new_node (self, STEWARD_MARKDOWN_NODE_PARAGRAPH);

  _steward_markdown_builder_begin_inline (self, paragraph, &paragraph->inlines);
}

static void
builder_close_implicit_paragraph (StewardMarkdownBuilder *self)
{
  if (self->implicit_paragraph)
    _steward_markdown_builder_end_inline (self);
}

/* Text or a span came: outside any block that takes them, it is a tight
 * list item's. */
void
_steward_markdown_builder_ensure_inline (StewardMarkdownBuilder *self)
{
  if (!self->in_inline && !self->in_code)
    {
      builder_begin_paragraph (self);
      self->implicit_paragraph = TRUE;
    }
}

static StewardMarkdownAlign
align_from_md4c (MD_ALIGN align)
{
  switch (align)
    {
    case MD_ALIGN_LEFT:
      return STEWARD_MARKDOWN_ALIGN_LEFT;

    case MD_ALIGN_CENTER:
      return STEWARD_MARKDOWN_ALIGN_CENTER;

    case MD_ALIGN_RIGHT:
      return STEWARD_MARKDOWN_ALIGN_RIGHT;

    case MD_ALIGN_DEFAULT:
    default:
      return STEWARD_MARKDOWN_ALIGN_DEFAULT;
    }
}

static void
builder_begin_table (StewardMarkdownBuilder *self,
                     MD_BLOCK_TABLE_DETAIL  *detail)
{
  StewardMarkdownNode *table = builder_new_node (self, STEWARD_MARKDOWN_NODE_TABLE);

  table->table.n_columns = detail->col_count;
  table->table.header_rows = detail->head_row_count;
  self->table = table;
  self->row = 0;
  if (self->cells == NULL)
    {
      self->cells = g_ptr_array_new ();
      self->alignments = g_array_new (FALSE, FALSE, sizeof (StewardMarkdownAlign));
    }
  g_ptr_array_set_size (self->cells, 0);
  g_array_set_size (self->alignments, 0);
}

static void
builder_begin_cell (StewardMarkdownBuilder *self,
                    MD_BLOCK_TD_DETAIL     *detail)
{
  if (self->row == 0)
    {
      StewardMarkdownAlign align = align_from_md4c (detail->align);

      g_array_append_val (self->alignments, align);
    }

  self->cell = NULL;
  _steward_markdown_builder_begin_inline (self, self->table, &self->cell);
}

/* Cells past the table's last column are left out. */
static void
builder_end_cell (StewardMarkdownBuilder *self)
{
  _steward_markdown_builder_end_inline (self);
  if (self->row_cells < self->table->table.n_columns)
    g_ptr_array_add (self->cells, self->cell);
  self->row_cells++;
}

/* Short rows are padded with empty cells. */
static void
builder_end_row (StewardMarkdownBuilder *self)
{
  for (; self->row_cells < self->table->table.n_columns; self->row_cells++)
    g_ptr_array_add (self->cells, NULL);
  self->row++;
}

static void
builder_end_table (StewardMarkdownBuilder *self)
{
  StewardMarkdownNode *table = self->table;
  guint n_columns = table->table.n_columns;
  StewardMarkdownAlign *alignments;
  StewardMarkdownInline **cells;

  /* Columns the first row lacks keep the default alignment (zero) */
  alignments = _steward_markdown_tree_alloc (self->tree, n_columns * sizeof *alignments);
  if (self->alignments->len > 0)
    memcpy (alignments, self->alignments->data,
            MIN (n_columns, self->alignments->len) * sizeof *alignments);
  table->table.alignments = alignments;

  cells = _steward_markdown_tree_alloc (self->tree, self->cells->len * sizeof *cells);
  if (self->cells->len > 0)
    memcpy (cells, self->cells->pdata, self->cells->len * sizeof *cells);
  table->table.cells = cells;
  table->table.n_rows = self->row;

  self->table = NULL;
}

static void
builder_begin_code (StewardMarkdownBuilder *self,
                    MD_BLOCK_CODE_DETAIL   *detail)
{
  StewardMarkdownNode *code = builder_new_node (self, STEWARD_MARKDOWN_NODE_CODE);

  code->code.language = _steward_markdown_builder_dup_attribute (self, &detail->lang);
  code->code.fenced = detail->fence_char != 0;

  self->leaf = code;
  self->in_code = TRUE;
  g_string_truncate (self->text, 0);
}

static void
builder_end_code (StewardMarkdownBuilder *self)
{
  GString *text = self->text;

  if (text->len > 0 && text->str[text->len - 1] == '\n')
    g_string_truncate (text, text->len - 1);
  self->leaf->code.text = _steward_markdown_tree_strndup (self->tree, text->str, text->len);
  g_string_truncate (text, 0);
  self->leaf = NULL;
  self->in_code = FALSE;
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  StewardMarkdownBuilder *self = user_data;
  StewardMarkdownNode *node;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      break;

    case MD_BLOCK_QUOTE:
      builder_close_implicit_paragraph (self);
      builder_push (self, builder_new_node (self, STEWARD_MARKDOWN_NODE_QUOTE));
      break;

    case MD_BLOCK_UL:
      builder_close_implicit_paragraph (self);
      node = builder_new_node (self, STEWARD_MARKDOWN_NODE_LIST);
      node->list.tight = ((MD_BLOCK_UL_DETAIL *) detail)->is_tight;
      builder_push (self, node);
      break;

    case MD_BLOCK_OL:
      builder_close_implicit_paragraph (self);
      node = builder_new_node (self, STEWARD_MARKDOWN_NODE_LIST);
      node->list.ordered = TRUE;
      node->list.start = ((MD_BLOCK_OL_DETAIL *) detail)->start;
      node->list.tight = ((MD_BLOCK_OL_DETAIL *) detail)->is_tight;
      builder_push (self, node);
      break;

    case MD_BLOCK_LI:
      {
        MD_BLOCK_LI_DETAIL *item = detail;

        builder_close_implicit_paragraph (self);
        node = builder_new_node (self, STEWARD_MARKDOWN_NODE_ITEM);
        if (item->is_task)
          node->item.task = item->task_mark == ' ' ? STEWARD_MARKDOWN_TASK_UNCHECKED
                                                   : STEWARD_MARKDOWN_TASK_CHECKED;
        builder_push (self, node);
      }
      break;

    case MD_BLOCK_HR:
      builder_close_implicit_paragraph (self);
      builder_new_node (self, STEWARD_MARKDOWN_NODE_RULE);
      break;

    case MD_BLOCK_H:
      builder_close_implicit_paragraph (self);
      node = builder_new_node (self, STEWARD_MARKDOWN_NODE_HEADING);
      node->heading.level = ((MD_BLOCK_H_DETAIL *) detail)->level;
      _steward_markdown_builder_begin_inline (self, node, &node->inlines);
      break;

    case MD_BLOCK_CODE:
      builder_close_implicit_paragraph (self);
      builder_begin_code (self, detail);
      break;

    case MD_BLOCK_TABLE:
      builder_close_implicit_paragraph (self);
      builder_begin_table (self, detail);
      break;

    case MD_BLOCK_TR:
      self->row_cells = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (self->table != NULL)
        builder_begin_cell (self, detail);
      break;

    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      builder_close_implicit_paragraph (self);
      builder_begin_paragraph (self);
      break;

    default:
      break;
    }

  return 0;
}

static int
leave_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  StewardMarkdownBuilder *self = user_data;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_HR:
      break;

    case MD_BLOCK_QUOTE:
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
    case MD_BLOCK_LI:
      builder_close_implicit_paragraph (self);
      builder_pop (self);
      break;

    case MD_BLOCK_CODE:
      if (self->in_code)
        builder_end_code (self);
      break;

    case MD_BLOCK_TABLE:
      if (self->table != NULL)
        builder_end_table (self);
      break;

    case MD_BLOCK_TR:
      if (self->table != NULL)
        builder_end_row (self);
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (self->table != NULL && self->in_inline)
        builder_end_cell (self);
      break;

    case MD_BLOCK_H:
    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      if (self->in_inline)
        _steward_markdown_builder_end_inline (self);
      break;

    default:
      break;
    }

  return 0;
}

/* @text must be valid UTF-8. */
StewardMarkdownTree *
_steward_markdown_parse_tree_valid (const char *text,
                                    gsize       len)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = PARSER_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = _steward_markdown_builder_enter_span,
    .leave_span = _steward_markdown_builder_leave_span,
    .text = _steward_markdown_builder_text,
  };
  StewardMarkdownBuilder builder = {
    .source_len = len,
  };
  g_autofree char *terminated = NULL;

  g_return_val_if_fail (len <= G_MAXUINT32, NULL);

  /* md4c 0.4.8 reads a byte past the end it is given in places (an
   * autolink in a link's text: "[a ](www`" followed by ")" crashes it).
   * A block of a streaming reply is followed by the rest of the reply:
   * md4c gets a copy that ends in NUL, which closes nothing. */
  terminated = g_malloc (len + 1);
  memcpy (terminated, text, len);
  terminated[len] = '\0';
  text = builder.source = terminated;

  builder.tree = _steward_markdown_tree_new ();
  builder.tail = _steward_markdown_tree_get_root (builder.tree);
  builder.text = g_string_new (NULL);
  _steward_markdown_builder_clear_frames (&builder);

  if (md_parse (text, (MD_SIZE) len, &parser, &builder) != 0)
    g_warning ("Could not parse Markdown");

  /* Only a failed parse leaves anything open; what it built is kept */
  if (builder.in_inline)
    _steward_markdown_builder_end_inline (&builder);
  if (builder.in_code)
    builder_end_code (&builder);
  if (builder.table != NULL)
    builder_end_table (&builder);

  _steward_markdown_builder_clear_frames (&builder);
  g_string_free (builder.text, TRUE);
  g_clear_pointer (&builder.cells, g_ptr_array_unref);
  g_clear_pointer (&builder.alignments, g_array_unref);

  return builder.tree;
}

GPtrArray *
_steward_markdown_parse_valid (const char  *text,
                               gsize        len,
                               GArray     **spans_out)
{
  g_autoptr(StewardMarkdownTree) tree = _steward_markdown_parse_tree_valid (text, len);
  GArray *spans = NULL;

  if (spans_out != NULL)
    *spans_out = spans = g_array_new (FALSE, FALSE, sizeof (StewardMarkdownSpan));

  return _steward_markdown_pango_render (tree, spans);
}

/* @text as valid UTF-8: itself, or a copy stored in @valid. */
static const char *
make_valid (const char  *text,
            gssize      *len,
            char       **valid)
{
  if (text == NULL)
    text = "";
  if (*len < 0)
    *len = strlen (text);

  if (!g_utf8_validate_len (text, *len, NULL))
    {
      *valid = g_utf8_make_valid (text, *len);
      text = *valid;
      *len = strlen (*valid);
    }

  return text;
}

/**
 * steward_markdown_parse_tree:
 * @text: Markdown
 * @len: the length of @text, or -1 when it is NUL-terminated
 *
 * Reads @text into a tree for a renderer to walk. Invalid UTF-8 is
 * replaced by U+FFFD first, and the nodes' source offsets are in that
 * text.
 *
 * Returns: (transfer full): the tree of @text
 */
StewardMarkdownTree *
steward_markdown_parse_tree (const char *text,
                             gssize      len)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL || len <= 0, NULL);

  text = make_valid (text, &len, &valid);

  return _steward_markdown_parse_tree_valid (text, len);
}

/**
 * steward_markdown_parse:
 * @text: Markdown
 * @len: the length of @text, or -1 when it is NUL-terminated
 *
 * Returns: (transfer full) (element-type StewardMarkdownBlock): the
 *   blocks the chat view shows for @text
 */
GPtrArray *
steward_markdown_parse (const char *text,
                        gssize      len)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL || len <= 0, NULL);

  text = make_valid (text, &len, &valid);

  return _steward_markdown_parse_valid (text, len, NULL);
}
