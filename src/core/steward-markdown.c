/* steward-markdown.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include <string.h>

#include <md4c.h>

#include "steward-markdown.h"

#define PARSER_FLAGS (MD_DIALECT_GITHUB | MD_FLAG_NOHTML)
#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

/* Where a block's text came from in the source, to find where the block
 * still growing starts. Offsets of -1 when the block holds no source text
 * (rules, empty code blocks). */
typedef struct
{
  gssize   first;
  gssize   last;
  gboolean fenced;
} BlockSpan;

typedef enum
{
  CONTAINER_LIST,
  CONTAINER_ITEM,
  CONTAINER_QUOTE,
} ContainerKind;

typedef struct
{
  ContainerKind kind;
  /* Lists */
  gboolean      ordered;
  guint         next_number;
  /* Items: the item's own block while it can still take the item's first
   * paragraph, else -1 */
  gint          item_block;
} Container;

typedef struct
{
  const char           *source;
  gsize                 source_len;

  /* Owned */
  GPtrArray            *blocks;
  GArray               *spans;
  GArray               *containers;
  GArray               *links;       /* gboolean per open link: opened <a> */

  guint                 list_depth;
  guint                 quote_depth;
  guint                 image_depth;
  guint                 open_anchors;

  /* The leaf receiving text: inline markup goes to @inline_markup, code
   * block text to @code. */
  gint                  leaf;
  GString              *inline_markup;
  GString              *code;
  gboolean              implicit_paragraph;

  /* Tables */
  gint                  table;
  guint                 row;
  guint                 row_cells;
  GString              *alignments;
} Builder;

static const struct {
  const char *name;
  const char *utf8;
} entities[] = {
  { "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
  { "apos", "'" }, { "nbsp", "\xC2\xA0" }, { "copy", "©" }, { "reg", "®" },
  { "trade", "™" }, { "hellip", "…" }, { "mdash", "—" }, { "ndash", "–" },
  { "laquo", "«" }, { "raquo", "»" }, { "ldquo", "“" }, { "rdquo", "”" },
  { "lsquo", "‘" }, { "rsquo", "’" }, { "times", "×" }, { "divide", "÷" },
  { "deg", "°" }, { "plusmn", "±" }, { "middot", "·" }, { "bull", "•" },
  { "euro", "€" }, { "pound", "£" }, { "yen", "¥" }, { "cent", "¢" },
  { "sect", "§" }, { "para", "¶" }, { "larr", "←" }, { "rarr", "→" },
  { "uarr", "↑" }, { "darr", "↓" }, { "harr", "↔" }, { "le", "≤" },
  { "ge", "≥" }, { "ne", "≠" }, { "shy", "\xC2\xAD" }, { "zwj", "\xE2\x80\x8D" },
};

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

/* The start of the line after @line's, or its terminating NUL. */
static const char *
line_after (const char *line)
{
  const char *end = strchr (line, '\n');

  return end != NULL ? end + 1 : line + strlen (line);
}

/**
 * steward_markdown_has_link_definitions:
 * @text: Markdown
 *
 * Whether a line of @text, indented by at most three spaces, starts with a
 * link reference definition: "[label]:". A stream commits the blocks
 * before it sees such a definition, so only a parse of the whole text
 * links the references to it (see #StewardMarkdownStream). Labels running
 * over several lines and definitions inside containers are not found.
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
      guint indent = 0;

      while (*p == ' ' && indent < 4)
        p++, indent++;
      if (indent == 4 || *p != '[')
        continue;

      for (p++; *p != '\0' && *p != '\n' && *p != ']'; p++)
        if (*p == '\\' && p[1] != '\0' && p[1] != '\n')
          p++;

      if (*p == ']' && p[-1] != '[' && p[1] == ':')
        return TRUE;
    }

  return FALSE;
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

/* Entities: numeric ones, and the named ones people actually type; any
 * other is kept as written (it is escaped like all text). */
static void
append_entity (GString    *out,
               const char *text,
               gsize       size)
{
  g_autofree char *name = NULL;

  if (size >= 4 && text[0] == '&' && text[1] == '#' && text[size - 1] == ';')
    {
      gboolean hex = text[2] == 'x' || text[2] == 'X';
      guint64 value = 0;
      gsize i = hex ? 3 : 2;

      for (; i < size - 1; i++)
        {
          int digit = hex ? g_ascii_xdigit_value (text[i])
                          : g_ascii_digit_value (text[i]);

          if (digit < 0)
            break;
          value = value * (hex ? 16 : 10) + (guint64) digit;
          if (value > 0x10FFFF)
            break;
        }

      if (i == size - 1)
        {
          if (value == 0 || value > 0x10FFFF ||
              (value >= 0xD800 && value <= 0xDFFF))
            g_string_append (out, REPLACEMENT_CHARACTER);
          else
            g_string_append_unichar (out, (gunichar) value);
          return;
        }
    }
  else if (size >= 3 && text[0] == '&' && text[size - 1] == ';')
    {
      name = g_strndup (text + 1, size - 2);

      for (guint i = 0; i < G_N_ELEMENTS (entities); i++)
        if (strcmp (entities[i].name, name) == 0)
          {
            g_string_append (out, entities[i].utf8);
            return;
          }
    }

  g_string_append_len (out, text, size);
}

static char *
attribute_to_string (const MD_ATTRIBUTE *attribute)
{
  GString *out = g_string_new (NULL);

  if (attribute->text == NULL)
    return g_string_free (out, FALSE);

  for (guint i = 0; attribute->substr_offsets[i] < attribute->size; i++)
    {
      const char *piece = attribute->text + attribute->substr_offsets[i];
      gsize size = attribute->substr_offsets[i + 1] - attribute->substr_offsets[i];

      switch (attribute->substr_types[i])
        {
        case MD_TEXT_ENTITY:
          append_entity (out, piece, size);
          break;

        case MD_TEXT_NULLCHAR:
          g_string_append (out, REPLACEMENT_CHARACTER);
          break;

        default:
          g_string_append_len (out, piece, size);
          break;
        }
    }

  return g_string_free (out, FALSE);
}

static void
append_escaped (GString    *out,
                const char *text,
                gsize       size)
{
  g_autofree char *escaped = g_markup_escape_text (text, size);

  g_string_append (out, escaped);
}

static gboolean
href_is_allowed (const char *href)
{
  return g_ascii_strncasecmp (href, "http://", 7) == 0 ||
         g_ascii_strncasecmp (href, "https://", 8) == 0 ||
         g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

static StewardMarkdownBlock *
builder_add_block (Builder             *builder,
                   StewardMarkdownKind  kind,
                   guint                level)
{
  StewardMarkdownBlock *block = g_new0 (StewardMarkdownBlock, 1);
  BlockSpan span = { -1, -1, FALSE };

  block->kind = kind;
  block->level = level;
  g_ptr_array_add (builder->blocks, block);
  g_array_append_val (builder->spans, span);

  return block;
}

static Container *
builder_innermost (Builder *builder)
{
  if (builder->containers->len == 0)
    return NULL;

  return &g_array_index (builder->containers, Container, builder->containers->len - 1);
}

static guint
builder_item_depth (Builder *builder)
{
  return builder->list_depth > 0 ? builder->list_depth - 1 : 0;
}

static void
builder_note_source (Builder    *builder,
                     const char *text,
                     gsize       size)
{
  BlockSpan *span;
  gssize first;

  if (builder->leaf < 0 ||
      text < builder->source ||
      text >= builder->source + builder->source_len)
    return;

  first = text - builder->source;
  span = &g_array_index (builder->spans, BlockSpan, builder->leaf);
  if (span->first < 0 || first < span->first)
    span->first = first;
  if (first + (gssize) size > span->last)
    span->last = first + (gssize) size;
}

/* A paragraph's (or heading's, or cell's) inline content starts. Where it
 * goes depends on the innermost container: the first paragraph of a list
 * item fills the item's own block, a later one gets a block of its own
 * with an empty bullet, and paragraphs in quotes become quote blocks. */
static void
builder_begin_inline (Builder *builder,
                      gint     leaf)
{
  g_assert (builder->inline_markup == NULL);

  if (leaf < 0)
    {
      Container *container = builder_innermost (builder);

      if (container != NULL && container->kind == CONTAINER_ITEM)
        {
          if (container->item_block >= 0)
            {
              leaf = container->item_block;
              container->item_block = -1;
            }
          else
            {
              StewardMarkdownBlock *block;

              block = builder_add_block (builder, STEWARD_MARKDOWN_LIST_ITEM,
                                         builder_item_depth (builder));
              block->bullet = g_strdup ("");
              leaf = builder->blocks->len - 1;
            }
        }
      else if (container != NULL && container->kind == CONTAINER_QUOTE)
        {
          builder_add_block (builder, STEWARD_MARKDOWN_QUOTE, builder->quote_depth);
          leaf = builder->blocks->len - 1;
        }
      else
        {
          builder_add_block (builder, STEWARD_MARKDOWN_PARAGRAPH, 0);
          leaf = builder->blocks->len - 1;
        }
    }

  builder->leaf = leaf;
  builder->inline_markup = g_string_new (NULL);
}

static char *
builder_end_inline (Builder *builder)
{
  g_assert (builder->inline_markup != NULL);

  builder->leaf = -1;
  builder->implicit_paragraph = FALSE;

  return g_string_free (g_steal_pointer (&builder->inline_markup), FALSE);
}

static void
builder_end_paragraph (Builder *builder)
{
  StewardMarkdownBlock *block = g_ptr_array_index (builder->blocks, builder->leaf);

  g_free (block->markup);
  block->markup = builder_end_inline (builder);
}

/* Tight list items hold their text without a paragraph block around it. */
static void
builder_close_implicit_paragraph (Builder *builder)
{
  if (builder->implicit_paragraph)
    builder_end_paragraph (builder);
}

static void
builder_ensure_inline (Builder *builder)
{
  if (builder->inline_markup == NULL && builder->code == NULL)
    {
      builder_begin_inline (builder, -1);
      builder->implicit_paragraph = TRUE;
    }
}

/* Any block but a paragraph inside an item ends the item's first
 * paragraph slot, so that blocks keep the source order. */
static void
builder_child_block (Builder *builder)
{
  Container *container;

  builder_close_implicit_paragraph (builder);

  container = builder_innermost (builder);
  if (container != NULL && container->kind == CONTAINER_ITEM)
    container->item_block = -1;
}

static void
builder_push (Builder       *builder,
              ContainerKind  kind)
{
  Container container = { kind, FALSE, 1, -1 };

  g_array_append_val (builder->containers, container);
}

static void
builder_pop (Builder *builder)
{
  g_assert (builder->containers->len > 0);

  g_array_set_size (builder->containers, builder->containers->len - 1);
}

static char *
list_item_bullet (Builder            *builder,
                  MD_BLOCK_LI_DETAIL *detail)
{
  Container *list = builder_innermost (builder);
  static const char *bullets[] = { "•", "◦", "▪" };

  if (detail->is_task)
    return g_strdup (detail->task_mark == ' ' ? "☐" : "☑");

  if (list != NULL && list->kind == CONTAINER_LIST && list->ordered)
    return g_strdup_printf ("%u.", list->next_number++);

  return g_strdup (bullets[MIN (builder_item_depth (builder), G_N_ELEMENTS (bullets) - 1)]);
}

static int
enter_block_cb (MD_BLOCKTYPE  type,
                void         *detail,
                void         *user_data)
{
  Builder *builder = user_data;
  StewardMarkdownBlock *block;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
      break;

    case MD_BLOCK_QUOTE:
      builder_child_block (builder);
      builder_push (builder, CONTAINER_QUOTE);
      builder->quote_depth++;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      builder_child_block (builder);
      builder_push (builder, CONTAINER_LIST);
      builder->list_depth++;
      if (type == MD_BLOCK_OL)
        {
          Container *list = builder_innermost (builder);

          list->ordered = TRUE;
          list->next_number = ((MD_BLOCK_OL_DETAIL *) detail)->start;
        }
      break;

    case MD_BLOCK_LI:
      builder_close_implicit_paragraph (builder);
      block = builder_add_block (builder, STEWARD_MARKDOWN_LIST_ITEM,
                                 builder_item_depth (builder));
      block->bullet = list_item_bullet (builder, detail);
      block->markup = g_strdup ("");
      builder_push (builder, CONTAINER_ITEM);
      builder_innermost (builder)->item_block = builder->blocks->len - 1;
      break;

    case MD_BLOCK_HR:
      builder_child_block (builder);
      builder_add_block (builder, STEWARD_MARKDOWN_RULE, 0);
      break;

    case MD_BLOCK_H:
      builder_child_block (builder);
      builder_add_block (builder, STEWARD_MARKDOWN_HEADING,
                         ((MD_BLOCK_H_DETAIL *) detail)->level);
      builder_begin_inline (builder, builder->blocks->len - 1);
      break;

    case MD_BLOCK_CODE:
      {
        MD_BLOCK_CODE_DETAIL *code = detail;
        g_autofree char *language = attribute_to_string (&code->lang);

        builder_child_block (builder);
        block = builder_add_block (builder, STEWARD_MARKDOWN_CODE,
                                   builder_item_depth (builder));
        if (language[0] != '\0')
          block->language = g_steal_pointer (&language);
        g_array_index (builder->spans, BlockSpan, builder->blocks->len - 1).fenced = code->fence_char != 0;
        builder->leaf = builder->blocks->len - 1;
        builder->code = g_string_new (NULL);
      }
      break;

    case MD_BLOCK_TABLE:
      {
        MD_BLOCK_TABLE_DETAIL *table = detail;

        builder_child_block (builder);
        block = builder_add_block (builder, STEWARD_MARKDOWN_TABLE,
                                   builder_item_depth (builder));
        block->n_columns = table->col_count;
        block->header_rows = table->head_row_count;
        block->cells = g_ptr_array_new_with_free_func (g_free);
        builder->table = builder->blocks->len - 1;
        builder->row = 0;
        builder->alignments = g_string_new (NULL);
      }
      break;

    case MD_BLOCK_TR:
      builder->row_cells = 0;
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (builder->table >= 0)
        {
          if (builder->row == 0)
            {
              switch (((MD_BLOCK_TD_DETAIL *) detail)->align)
                {
                case MD_ALIGN_CENTER:
                  g_string_append_c (builder->alignments, 'c');
                  break;

                case MD_ALIGN_RIGHT:
                  g_string_append_c (builder->alignments, 'r');
                  break;

                case MD_ALIGN_DEFAULT:
                case MD_ALIGN_LEFT:
                default:
                  g_string_append_c (builder->alignments, 'l');
                  break;
                }
            }
          builder_begin_inline (builder, builder->table);
        }
      break;

    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      builder_close_implicit_paragraph (builder);
      builder_begin_inline (builder, -1);
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
  Builder *builder = user_data;
  StewardMarkdownBlock *block;

  switch (type)
    {
    case MD_BLOCK_DOC:
    case MD_BLOCK_THEAD:
    case MD_BLOCK_TBODY:
    case MD_BLOCK_HR:
      break;

    case MD_BLOCK_QUOTE:
      builder_close_implicit_paragraph (builder);
      builder_pop (builder);
      builder->quote_depth--;
      break;

    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
      builder_close_implicit_paragraph (builder);
      builder_pop (builder);
      builder->list_depth--;
      break;

    case MD_BLOCK_LI:
      builder_close_implicit_paragraph (builder);
      builder_pop (builder);
      break;

    case MD_BLOCK_CODE:
      if (builder->code != NULL)
        {
          block = g_ptr_array_index (builder->blocks, builder->leaf);
          if (builder->code->len > 0 && builder->code->str[builder->code->len - 1] == '\n')
            g_string_truncate (builder->code, builder->code->len - 1);
          block->text = g_string_free (g_steal_pointer (&builder->code), FALSE);
          builder->leaf = -1;
        }
      break;

    case MD_BLOCK_TABLE:
      if (builder->table >= 0)
        {
          block = g_ptr_array_index (builder->blocks, builder->table);
          while (builder->alignments->len < block->n_columns)
            g_string_append_c (builder->alignments, 'l');
          g_string_truncate (builder->alignments, block->n_columns);
          block->alignments = g_string_free (g_steal_pointer (&builder->alignments), FALSE);
          builder->table = -1;
        }
      break;

    case MD_BLOCK_TR:
      if (builder->table >= 0)
        {
          block = g_ptr_array_index (builder->blocks, builder->table);
          for (; builder->row_cells < block->n_columns; builder->row_cells++)
            g_ptr_array_add (block->cells, g_strdup (""));
          builder->row++;
        }
      break;

    case MD_BLOCK_TH:
    case MD_BLOCK_TD:
      if (builder->table >= 0 && builder->inline_markup != NULL)
        {
          char *cell = builder_end_inline (builder);

          block = g_ptr_array_index (builder->blocks, builder->table);
          if (builder->row_cells < block->n_columns)
            g_ptr_array_add (block->cells, cell);
          else
            g_free (cell);
          builder->row_cells++;
        }
      break;

    case MD_BLOCK_H:
    case MD_BLOCK_P:
    case MD_BLOCK_HTML:
      if (builder->inline_markup != NULL)
        builder_end_paragraph (builder);
      break;

    default:
      break;
    }

  return 0;
}

static int
enter_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *builder = user_data;
  GString *out;

  builder_ensure_inline (builder);
  out = builder->inline_markup;
  if (out == NULL)
    return 0;

  if (type == MD_SPAN_IMG)
    {
      builder->image_depth++;
      return 0;
    }

  /* An image's alt text is plain text */
  if (builder->image_depth > 0)
    return 0;

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (out, "<i>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (out, "<b>");
      break;

    case MD_SPAN_DEL:
      g_string_append (out, "<s>");
      break;

    case MD_SPAN_U:
      g_string_append (out, "<u>");
      break;

    case MD_SPAN_CODE:
      g_string_append (out, "<tt>");
      break;

    case MD_SPAN_A:
      {
        g_autofree char *href = attribute_to_string (&((MD_SPAN_A_DETAIL *) detail)->href);
        gboolean anchor = builder->open_anchors == 0 && href_is_allowed (href);

        if (anchor)
          {
            g_string_append (out, "<a href=\"");
            append_escaped (out, href, strlen (href));
            g_string_append (out, "\">");
            builder->open_anchors++;
          }
        g_array_append_val (builder->links, anchor);
      }
      break;

    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      break;
    }

  return 0;
}

static int
leave_span_cb (MD_SPANTYPE  type,
               void        *detail,
               void        *user_data)
{
  Builder *builder = user_data;
  GString *out = builder->inline_markup;

  if (out == NULL)
    return 0;

  if (type == MD_SPAN_IMG)
    {
      builder->image_depth--;
      return 0;
    }

  if (builder->image_depth > 0)
    return 0;

  switch (type)
    {
    case MD_SPAN_EM:
      g_string_append (out, "</i>");
      break;

    case MD_SPAN_STRONG:
      g_string_append (out, "</b>");
      break;

    case MD_SPAN_DEL:
      g_string_append (out, "</s>");
      break;

    case MD_SPAN_U:
      g_string_append (out, "</u>");
      break;

    case MD_SPAN_CODE:
      g_string_append (out, "</tt>");
      break;

    case MD_SPAN_A:
      if (builder->links->len > 0)
        {
          gboolean anchor = g_array_index (builder->links, gboolean, builder->links->len - 1);

          g_array_set_size (builder->links, builder->links->len - 1);
          if (anchor)
            {
              g_string_append (out, "</a>");
              builder->open_anchors--;
            }
        }
      break;

    case MD_SPAN_IMG:
    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      break;
    }

  return 0;
}

static int
text_cb (MD_TEXTTYPE    type,
         const MD_CHAR *text,
         MD_SIZE        size,
         void          *user_data)
{
  Builder *builder = user_data;
  GString *out;

  builder_ensure_inline (builder);
  builder_note_source (builder, text, size);

  if (builder->code != NULL)
    {
      if (type == MD_TEXT_NULLCHAR)
        g_string_append (builder->code, REPLACEMENT_CHARACTER);
      else
        g_string_append_len (builder->code, text, size);
      return 0;
    }

  out = builder->inline_markup;

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, REPLACEMENT_CHARACTER);
      break;

    case MD_TEXT_BR:
      g_string_append_c (out, builder->image_depth > 0 ? ' ' : '\n');
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;

    case MD_TEXT_ENTITY:
      {
        g_autoptr(GString) decoded = g_string_new (NULL);

        append_entity (decoded, text, size);
        append_escaped (out, decoded->str, decoded->len);
      }
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      append_escaped (out, text, size);
      break;
    }

  return 0;
}

/* @text must be valid UTF-8. @spans_out, when given, gets a BlockSpan per
 * block. */
static GPtrArray *
parse_valid (const char  *text,
             gsize        len,
             GArray     **spans_out)
{
  MD_PARSER parser = {
    .abi_version = 0,
    .flags = PARSER_FLAGS,
    .enter_block = enter_block_cb,
    .leave_block = leave_block_cb,
    .enter_span = enter_span_cb,
    .leave_span = leave_span_cb,
    .text = text_cb,
  };
  Builder builder = {
    .source = text,
    .source_len = len,
    .leaf = -1,
    .table = -1,
  };

  g_return_val_if_fail (len <= G_MAXUINT32, NULL);

  builder.blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_markdown_block_free);
  builder.spans = g_array_new (FALSE, FALSE, sizeof (BlockSpan));
  builder.containers = g_array_new (FALSE, FALSE, sizeof (Container));
  builder.links = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (md_parse (text, (MD_SIZE) len, &parser, &builder) != 0)
    g_warning ("Could not parse Markdown");

  /* Only a failed parse leaves anything open */
  if (builder.inline_markup != NULL)
    g_string_free (builder.inline_markup, TRUE);
  if (builder.code != NULL)
    g_string_free (builder.code, TRUE);
  if (builder.alignments != NULL)
    g_string_free (builder.alignments, TRUE);

  for (guint i = 0; i < builder.blocks->len; i++)
    {
      StewardMarkdownBlock *block = g_ptr_array_index (builder.blocks, i);

      if (block->markup == NULL &&
          block->kind != STEWARD_MARKDOWN_CODE &&
          block->kind != STEWARD_MARKDOWN_TABLE &&
          block->kind != STEWARD_MARKDOWN_RULE)
        block->markup = g_strdup ("");
      if (block->kind == STEWARD_MARKDOWN_CODE && block->text == NULL)
        block->text = g_strdup ("");
    }

  g_array_unref (builder.containers);
  g_array_unref (builder.links);

  if (spans_out != NULL)
    *spans_out = builder.spans;
  else
    g_array_unref (builder.spans);

  return builder.blocks;
}

GPtrArray *
steward_markdown_parse (const char *text,
                        gssize      len)
{
  g_autofree char *valid = NULL;

  g_return_val_if_fail (text != NULL || len == 0, NULL);

  if (text == NULL)
    text = "";
  if (len < 0)
    len = strlen (text);

  if (!g_utf8_validate_len (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  return parse_valid (text, len, NULL);
}

/* Streaming.
 *
 * The stream keeps only the segment of the text that may still matter:
 * everything before it is committed and never parsed again. Each time a
 * line completes, the segment's complete lines are parsed; every block
 * but the last is then final (appended lines only extend or reinterpret
 * the open leaf, the last block: a later block starting means the earlier
 * leaf was closed for good) and is committed. Incomplete lines are never
 * parsed: a half-received line may read as a different block ("***" of
 * "***bold***").
 *
 * To keep each parse small the segment start moves to a cut point: the
 * blank line before a line at column 0 (or an ATX heading line), outside
 * a fence. Such a line closes every container but a top-level list that
 * it may continue, so the text from there parses the same alone; a cut is
 * only taken when parsing both halves apart gives exactly the blocks of
 * parsing them together, which also catches what the line scan cannot
 * see (a fence opened in a list item, an ordered list numbered 1., 1.).
 * So a parse costs the size of the text since the last cut, which is
 * about the pending block, never the whole reply.
 *
 * Not handled: a reference link ("[a]: https://…") defined in a part
 * already cut off, or defined after the block using it was committed,
 * is not linked in the stream although it is in the whole text.
 */
struct _StewardMarkdownStream
{
  GString   *segment;
  GPtrArray *blocks;
  char      *pending;

  char       held[4];
  gsize      n_held;

  guint      segment_committed;
  gsize      parsed_end;
  gsize      scan_end;
  gsize      previous_start;
  gsize      candidate;
  gsize      pending_start;
  gboolean   previous_blank;
  char       fence_char;
  gsize      fence_len;
  gboolean   finished;
};

StewardMarkdownStream *
steward_markdown_stream_new (void)
{
  StewardMarkdownStream *self = g_new0 (StewardMarkdownStream, 1);

  self->segment = g_string_new (NULL);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_markdown_block_free);
  self->previous_blank = TRUE;

  return self;
}

void
steward_markdown_stream_free (StewardMarkdownStream *self)
{
  if (self == NULL)
    return;

  g_string_free (self->segment, TRUE);
  g_ptr_array_unref (self->blocks);
  g_free (self->pending);
  g_free (self);
}

GPtrArray *
steward_markdown_stream_get_blocks (StewardMarkdownStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->blocks;
}

static gboolean
line_is_blank (const char *line,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;

  return TRUE;
}

/* A fence line at up to 3 spaces of indentation: returns the fence
 * character and sets @run and whether only blanks follow it. */
static char
line_fence (const char *line,
            gsize       len,
            gsize      *run,
            gboolean   *bare)
{
  gsize i = 0;
  gsize start;
  char c;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '`' && line[i] != '~'))
    return 0;

  c = line[i];
  start = i;
  while (i < len && line[i] == c)
    i++;
  if (i - start < 3)
    return 0;

  *run = i - start;
  *bare = line_is_blank (line + i, len - i);

  /* A backtick fence's info string has no backtick */
  if (c == '`' && memchr (line + i, '`', len - i) != NULL)
    return 0;

  return c;
}

/* Looks for cut candidates in the lines completed since the last call. */
static void
stream_scan_lines (StewardMarkdownStream *self,
                   gsize                  end)
{
  const char *str = self->segment->str;

  while (self->scan_end < end)
    {
      gsize start = self->scan_end;
      const char *nl = memchr (str + start, '\n', end - start);
      gsize len = nl - (str + start);
      gboolean blank = line_is_blank (str + start, len);
      gboolean bare = FALSE;
      gsize run = 0;
      char fence = line_fence (str + start, len, &run, &bare);

      if (self->fence_char != 0)
        {
          if (fence == self->fence_char && run >= self->fence_len && bare)
            self->fence_char = 0;
        }
      else
        {
          /* The blank line stays in the segment: md4c reads a list at
           * the very start of a document differently ("10. a" followed by
           * two blank lines ends there) */
          if (!blank && str[start] != ' ' && str[start] != '\t')
            {
              if (self->previous_blank && self->previous_start > 0)
                self->candidate = self->previous_start;
              else if (!self->previous_blank && str[start] == '#')
                self->candidate = start;
            }

          if (fence != 0)
            {
              self->fence_char = fence;
              self->fence_len = run;
            }
        }

      self->previous_blank = blank;
      self->previous_start = start;
      self->scan_end = start + len + 1;
    }
}

static gboolean
blocks_split_equal (GPtrArray *whole,
                    GPtrArray *before,
                    GPtrArray *after)
{
  if (before->len + after->len != whole->len)
    return FALSE;

  for (guint i = 0; i < whole->len; i++)
    {
      StewardMarkdownBlock *part = i < before->len ? g_ptr_array_index (before, i)
                                                   : g_ptr_array_index (after, i - before->len);

      if (!steward_markdown_block_equal (g_ptr_array_index (whole, i), part))
        return FALSE;
    }

  return TRUE;
}

static gsize
line_start (const char *str,
            gsize       offset)
{
  while (offset > 0 && str[offset - 1] != '\n')
    offset--;

  return offset;
}

static gsize
next_line (const char *str,
           gsize       len,
           gsize       offset)
{
  const char *nl = memchr (str + offset, '\n', len - offset);

  return nl != NULL ? (gsize) (nl - str) + 1 : len;
}

/* Where the last block of a parse of the segment starts in the source:
 * the line of its first text (one line up for a fence), or else the line
 * after the previous block's text. */
static gsize
stream_find_pending_start (StewardMarkdownStream *self,
                           GArray                *spans)
{
  const char *str = self->segment->str;
  gsize len = self->segment->len;
  const BlockSpan *last;
  const BlockSpan *previous;
  gsize offset;

  if (spans->len == 0)
    return 0;

  last = &g_array_index (spans, BlockSpan, spans->len - 1);
  if (last->first >= 0)
    {
      offset = line_start (str, last->first);
      if (last->fenced && offset > 0)
        offset = line_start (str, offset - 1);
      return offset;
    }

  if (spans->len < 2)
    return 0;

  previous = &g_array_index (spans, BlockSpan, spans->len - 2);
  if (previous->last < 0)
    return 0;

  /* Past the previous block's text, blank lines and a closing fence */
  offset = next_line (str, len, previous->last - 1);
  while (offset < len)
    {
      gsize end = next_line (str, len, offset);
      const char *p = str + offset;
      gboolean bare = FALSE;
      gsize run;

      if (line_is_blank (p, end - offset))
        {
          offset = end;
          continue;
        }

      while (*p == ' ' || *p == '>')
        p++;
      if (previous->fenced &&
          line_fence (p, end - (p - str), &run, &bare) != 0 && bare)
        offset = end;
      break;
    }

  return offset;
}

/* md4c 0.4.8, on a blank line in a list item after a closed block, reads
 * the last line record as if it were a block header, so whether the item
 * goes on depends on that line's offset modulo 256. Keeping the segment's
 * offsets congruent to the whole text's makes the parse of a segment
 * agree with the parse of the whole: the cut-off part is replaced by
 * cut % 256 blank lines. */
#define OFFSET_ALIGNMENT 256

static GString *
stream_dup_after_cut (StewardMarkdownStream *self,
                      gsize                  cut,
                      gsize                  end)
{
  gsize pad = cut % OFFSET_ALIGNMENT;
  GString *after = g_string_sized_new (pad + end - cut);

  g_string_set_size (after, pad);
  memset (after->str, '\n', pad);
  g_string_append_len (after, self->segment->str + cut, end - cut);

  return after;
}

static void
stream_cut (StewardMarkdownStream *self,
            gsize                  cut)
{
  gsize pad = cut % OFFSET_ALIGNMENT;
  gsize shift = cut - pad;

  g_string_erase (self->segment, 0, shift);
  memset (self->segment->str, '\n', pad);
  self->parsed_end -= shift;
  self->scan_end -= shift;
  self->previous_start -= MIN (self->previous_start, shift);
}

static guint
stream_parse (StewardMarkdownStream *self,
              gsize                  end,
              gboolean               final)
{
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GArray) spans = NULL;
  gsize cut = self->candidate;
  guint n_commit;
  guint added = 0;

  whole = parse_valid (self->segment->str, end, &spans);
  n_commit = final ? whole->len : (whole->len > 0 ? whole->len - 1 : 0);

  /* A cut only where the two halves parse as the whole did */
  if (cut > 0 && cut < end && !final)
    {
      g_autoptr(GPtrArray) before = parse_valid (self->segment->str, cut, NULL);
      g_autoptr(GArray) after_spans = NULL;
      g_autoptr(GString) after_text = stream_dup_after_cut (self, cut, end);
      g_autoptr(GPtrArray) after = parse_valid (after_text->str, after_text->len, &after_spans);

      if (before->len <= n_commit && after->len > 0 &&
          blocks_split_equal (whole, before, after))
        {
          g_clear_pointer (&spans, g_array_unref);
          spans = g_steal_pointer (&after_spans);
        }
      else
        cut = 0;
    }
  else
    cut = 0;
  self->candidate = 0;

  for (guint i = self->segment_committed; i < n_commit; i++)
    {
      g_ptr_array_add (self->blocks, g_ptr_array_index (whole, i));
      whole->pdata[i] = NULL;
      added++;
    }
  self->segment_committed = MAX (self->segment_committed, n_commit);

  if (cut > 0)
    {
      guint before_len = whole->len - spans->len;

      stream_cut (self, cut);
      self->segment_committed -= before_len;
    }

  self->pending_start = final ? self->segment->len : stream_find_pending_start (self, spans);

  return added;
}

/* The length of a UTF-8 sequence that @data ends in the middle of, or 0. */
static gsize
incomplete_utf8_tail (const char *data,
                      gsize       len)
{
  for (gsize back = 1; back <= 3 && back <= len; back++)
    {
      guchar c = data[len - back];
      gsize need;

      if ((c & 0xC0) == 0x80)
        continue;

      if (c >= 0xC2 && c <= 0xDF)
        need = 2;
      else if (c >= 0xE0 && c <= 0xEF)
        need = 3;
      else if (c >= 0xF0 && c <= 0xF4)
        need = 4;
      else
        return 0;

      return need > back ? back : 0;
    }

  return 0;
}

static void
stream_take_text (StewardMarkdownStream *self,
                  const char            *text,
                  gsize                  len,
                  gboolean               flush)
{
  g_autoptr(GString) joined = NULL;
  gsize tail;

  if (self->n_held > 0)
    {
      joined = g_string_new_len (self->held, self->n_held);
      g_string_append_len (joined, text, len);
      text = joined->str;
      len = joined->len;
      self->n_held = 0;
    }

  tail = flush ? 0 : incomplete_utf8_tail (text, len);
  memcpy (self->held, text + len - tail, tail);
  self->n_held = tail;
  len -= tail;

  if (g_utf8_validate_len (text, len, NULL))
    {
      g_string_append_len (self->segment, text, len);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, len);

      g_string_append (self->segment, valid);
    }
}

guint
steward_markdown_stream_append (StewardMarkdownStream *self,
                                const char            *text,
                                gssize                 len)
{
  gsize end;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->finished, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);

  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return 0;

  g_clear_pointer (&self->pending, g_free);
  stream_take_text (self, text, len, FALSE);

  for (end = self->segment->len; end > self->parsed_end; end--)
    if (self->segment->str[end - 1] == '\n')
      break;
  if (end == self->parsed_end)
    return 0;

  stream_scan_lines (self, end);
  self->parsed_end = end;

  return stream_parse (self, end, FALSE);
}

guint
steward_markdown_stream_finish (StewardMarkdownStream *self)
{
  guint added;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->finished, 0);

  g_clear_pointer (&self->pending, g_free);
  stream_take_text (self, "", 0, TRUE);
  added = stream_parse (self, self->segment->len, TRUE);
  self->finished = TRUE;
  g_string_truncate (self->segment, 0);
  self->pending_start = 0;

  return added;
}

const char *
steward_markdown_stream_get_pending (StewardMarkdownStream *self)
{
  const char *str;
  gsize start;
  gsize end;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->pending != NULL)
    return self->pending;

  str = self->segment->str;
  start = MIN (self->pending_start, self->segment->len);
  end = self->segment->len;

  /* Leading blank lines, trailing line breaks */
  for (;;)
    {
      const char *nl = memchr (str + start, '\n', end - start);

      if (nl == NULL || !line_is_blank (str + start, nl - (str + start)))
        break;
      start = nl - str + 1;
    }
  while (end > start && (str[end - 1] == '\n' || str[end - 1] == '\r'))
    end--;

  self->pending = g_strndup (str + start, end - start);

  return self->pending;
}
