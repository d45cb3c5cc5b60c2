/* steward-markdown-inlines.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include <string.h>

#include "steward-markdown-builder-private.h"

/* md4c's span and text events into runs (StewardMarkdownInline) of the
 * paragraph, heading or table cell being built.
 *
 * Text is gathered until a span opens or closes, so that a run holds all
 * the text between two spans however md4c cut it up (entities, soft line
 * breaks). An image's description and a code span are plain text: spans
 * inside them are left out. Links are kept only to http:, https: and
 * mailto: targets, and never inside another link; a link left out keeps
 * its content as runs of the span around it.
 */

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

/* An attribute (a link's target, a code block's info string, an image's
 * source) with its entities decoded, appended to @out. */
static void
append_attribute (GString            *out,
                  const MD_ATTRIBUTE *attribute)
{
  if (attribute->text == NULL)
    return;

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
}

static gboolean
href_is_allowed (const char *href)
{
  return g_ascii_strncasecmp (href, "http://", 7) == 0 ||
         g_ascii_strncasecmp (href, "https://", 8) == 0 ||
         g_ascii_strncasecmp (href, "mailto:", 7) == 0;
}

/* The decoded @attribute, copied into the tree if @allowed says so (or
 * @allowed is NULL); NULL when empty or not allowed. */
static const char *
builder_dup_attribute_if (StewardMarkdownBuilder *self,
                          const MD_ATTRIBUTE     *attribute,
                          gboolean              (*allowed) (const char *))
{
  gsize start = self->text->len;
  const char *copy = NULL;

  append_attribute (self->text, attribute);
  if (self->text->len > start &&
      (allowed == NULL || allowed (self->text->str + start)))
    copy = _steward_markdown_tree_strndup (self->tree, self->text->str + start,
                                           self->text->len - start);
  g_string_truncate (self->text, start);

  return copy;
}

const char *
_steward_markdown_builder_dup_attribute (StewardMarkdownBuilder *self,
                                         const MD_ATTRIBUTE     *attribute)
{
  return builder_dup_attribute_if (self, attribute, NULL);
}

static StewardMarkdownInlineFrame *
builder_top (StewardMarkdownBuilder *self)
{
  g_assert (self->n_frames > 0);

  return &self->frames[self->n_frames - 1];
}

static void
builder_push_frame (StewardMarkdownBuilder *self,
                    StewardMarkdownInline  *node,
                    StewardMarkdownInline **tail,
                    int                     type)
{
  StewardMarkdownInlineFrame *frame;

  if (self->n_frames == self->frames_size)
    {
      self->frames_size *= 2;
      if (self->frames == self->embedded_frames)
        self->frames = g_memdup2 (self->embedded_frames, sizeof self->embedded_frames);
      self->frames = g_renew (StewardMarkdownInlineFrame, self->frames, self->frames_size);
    }

  frame = &self->frames[self->n_frames++];
  frame->node = node;
  frame->tail = tail;
  frame->type = type;
}

void
_steward_markdown_builder_clear_frames (StewardMarkdownBuilder *self)
{
  if (self->frames != self->embedded_frames)
    g_free (self->frames);

  self->frames = self->embedded_frames;
  self->frames_size = N_EMBEDDED_FRAMES;
  self->n_frames = 0;
}

/* Appends @node to the innermost open span (or the leaf). */
static void
builder_add_inline (StewardMarkdownBuilder *self,
                    StewardMarkdownInline  *node)
{
  StewardMarkdownInlineFrame *frame = builder_top (self);

  /* In a link left out, the run around it holds the content */
  for (guint i = self->n_frames - 1; i > 0 && node->parent == NULL; i--)
    node->parent = self->frames[i].node;

  *frame->tail = node;
  frame->tail = &node->next;
}

/* The text gathered so far becomes a run. */
static void
builder_flush_text (StewardMarkdownBuilder *self)
{
  StewardMarkdownInline *node;

  if (self->text->len == 0)
    return;

  node = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_TEXT);
  node->text = _steward_markdown_tree_strndup (self->tree, self->text->str, self->text->len);
  builder_add_inline (self, node);
  g_string_truncate (self->text, 0);
}

/* @leaf (a paragraph, heading or table) takes runs, from @first on. */
void
_steward_markdown_builder_begin_inline (StewardMarkdownBuilder  *self,
                                        StewardMarkdownNode     *leaf,
                                        StewardMarkdownInline  **first)
{
  g_assert (!self->in_inline);

  self->leaf = leaf;
  self->in_inline = TRUE;
  self->n_frames = 0;
  builder_push_frame (self, NULL, first, -1);
}

void
_steward_markdown_builder_end_inline (StewardMarkdownBuilder *self)
{
  g_assert (self->in_inline);

  builder_flush_text (self);
  self->n_frames = 0;
  self->leaf = NULL;
  self->in_inline = FALSE;
  self->implicit_paragraph = FALSE;
  self->open_links = 0;
  self->opaque = NULL;
  self->opaque_depth = 0;
}

static StewardMarkdownInline *
builder_new_link (StewardMarkdownBuilder *self,
                  MD_SPAN_A_DETAIL       *detail)
{
  StewardMarkdownInline *link;
  const char *href;

  if (self->open_links > 0)
    return NULL;

  href = builder_dup_attribute_if (self, &detail->href, href_is_allowed);
  if (href == NULL)
    return NULL;

  link = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_LINK);
  link->href = href;
  self->open_links++;

  return link;
}

int
_steward_markdown_builder_enter_span (MD_SPANTYPE  type,
                                      void        *detail,
                                      void        *user_data)
{
  StewardMarkdownBuilder *self = user_data;
  StewardMarkdownInline *node;

  _steward_markdown_builder_ensure_inline (self);
  if (!self->in_inline)
    return 0;

  if (self->opaque != NULL)
    {
      self->opaque_depth++;
      return 0;
    }

  switch (type)
    {
    case MD_SPAN_IMG:
      builder_flush_text (self);
      self->opaque = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_IMAGE);
      self->opaque->href = _steward_markdown_builder_dup_attribute (self, &((MD_SPAN_IMG_DETAIL *) detail)->src);
      self->opaque_depth = 1;
      return 0;

    case MD_SPAN_CODE:
      builder_flush_text (self);
      self->opaque = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_CODE);
      self->opaque_depth = 1;
      return 0;

    case MD_SPAN_A:
      node = builder_new_link (self, detail);
      break;

    case MD_SPAN_EM:
      node = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_EMPHASIS);
      break;

    case MD_SPAN_STRONG:
      node = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_STRONG);
      break;

    case MD_SPAN_DEL:
      node = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_STRIKETHROUGH);
      break;

    case MD_SPAN_U:
      node = _steward_markdown_tree_new_inline (self->tree, STEWARD_MARKDOWN_INLINE_UNDERLINE);
      break;

    case MD_SPAN_LATEXMATH:
    case MD_SPAN_LATEXMATH_DISPLAY:
    case MD_SPAN_WIKILINK:
    default:
      node = NULL;
      break;
    }

  /* A span left out does not end the text around it */
  if (node != NULL)
    {
      builder_flush_text (self);
      builder_add_inline (self, node);
      builder_push_frame (self, node, &node->children, type);
    }
  else
    builder_push_frame (self, NULL, builder_top (self)->tail, type);

  return 0;
}

int
_steward_markdown_builder_leave_span (MD_SPANTYPE  type,
                                      void        *detail,
                                      void        *user_data)
{
  StewardMarkdownBuilder *self = user_data;
  StewardMarkdownInlineFrame frame;

  if (!self->in_inline)
    return 0;

  if (self->opaque != NULL)
    {
      StewardMarkdownInline *opaque = self->opaque;

      if (--self->opaque_depth > 0)
        return 0;

      opaque->text = _steward_markdown_tree_strndup (self->tree, self->text->str, self->text->len);
      g_string_truncate (self->text, 0);
      self->opaque = NULL;
      builder_add_inline (self, opaque);
      return 0;
    }

  /* md4c 0.4.8 may leave a span it never entered ("**b** ~~a **b**~~"
   * ends a strikethrough it did not start): such a leave is ignored */
  if (self->n_frames < 2 || builder_top (self)->type != (int) type)
    return 0;

  frame = *builder_top (self);
  if (frame.node != NULL)
    builder_flush_text (self);
  self->n_frames--;

  if (frame.node == NULL)
    builder_top (self)->tail = frame.tail;
  else if (frame.node->kind == STEWARD_MARKDOWN_INLINE_LINK)
    self->open_links--;

  return 0;
}

/* The longest text md4c hands over from outside the document (a line
 * break's, a replacement character's) */
#define MAX_FOREIGN_TEXT 8

static void
builder_note_source (StewardMarkdownBuilder *self,
                     const char             *text,
                     gsize                   size)
{
  StewardMarkdownNode *leaf = self->leaf;
  gssize first;

  if (leaf == NULL ||
      text < self->source ||
      text >= self->source + self->source_len)
    return;

  first = text - self->source;
  if (leaf->source_first < 0 || first < leaf->source_first)
    leaf->source_first = first;
  if (first + (gssize) size > leaf->source_last)
    leaf->source_last = first + (gssize) size;
}

int
_steward_markdown_builder_text (MD_TEXTTYPE    type,
                                const MD_CHAR *text,
                                MD_SIZE        size,
                                void          *user_data)
{
  StewardMarkdownBuilder *self = user_data;
  GString *out = self->text;

  /* md4c 0.4.8 can give a size that runs past the end of the document
   * (an autolink inside a link's text, "[a ](www`", found by fuzzing: a
   * 4 GiB size). Text from the document never goes past its end; what
   * md4c gives from elsewhere is a character or two. */
  if (text >= self->source && text <= self->source + self->source_len)
    size = MIN (size, (MD_SIZE) (self->source + self->source_len - text));
  else if (size > MAX_FOREIGN_TEXT)
    size = 0;

  _steward_markdown_builder_ensure_inline (self);
  builder_note_source (self, text, size);

  if (self->in_code)
    {
      if (type == MD_TEXT_NULLCHAR)
        g_string_append (out, REPLACEMENT_CHARACTER);
      else
        g_string_append_len (out, text, size);
      return 0;
    }

  switch (type)
    {
    case MD_TEXT_NULLCHAR:
      g_string_append (out, REPLACEMENT_CHARACTER);
      break;

    case MD_TEXT_BR:
      if (self->opaque != NULL)
        g_string_append_c (out, self->opaque->kind == STEWARD_MARKDOWN_INLINE_IMAGE ? ' ' : '\n');
      else
        {
          builder_flush_text (self);
          builder_add_inline (self, _steward_markdown_tree_new_inline (self->tree,
                                                                       STEWARD_MARKDOWN_INLINE_LINE_BREAK));
        }
      break;

    case MD_TEXT_SOFTBR:
      g_string_append_c (out, ' ');
      break;

    case MD_TEXT_ENTITY:
      append_entity (out, text, size);
      break;

    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE:
    case MD_TEXT_HTML:
    case MD_TEXT_LATEXMATH:
    default:
      g_string_append_len (out, text, size);
      break;
    }

  return 0;
}
