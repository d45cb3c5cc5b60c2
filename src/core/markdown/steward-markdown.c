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

#include "steward-markdown-private.h"

#define PARSER_FLAGS (MD_DIALECT_GITHUB | MD_FLAG_NOHTML)
#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

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
  StewardMarkdownSpan span = { -1, -1, FALSE };

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
  StewardMarkdownSpan *span;
  gssize first;

  if (builder->leaf < 0 ||
      text < builder->source ||
      text >= builder->source + builder->source_len)
    return;

  first = text - builder->source;
  span = &g_array_index (builder->spans, StewardMarkdownSpan, builder->leaf);
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
        g_array_index (builder->spans, StewardMarkdownSpan, builder->blocks->len - 1).fenced = code->fence_char != 0;
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

/* @text must be valid UTF-8. @spans_out, when given, gets a
 * StewardMarkdownSpan per block. */
GPtrArray *
_steward_markdown_parse_valid (const char  *text,
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
  builder.spans = g_array_new (FALSE, FALSE, sizeof (StewardMarkdownSpan));
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

  return _steward_markdown_parse_valid (text, len, NULL);
}
