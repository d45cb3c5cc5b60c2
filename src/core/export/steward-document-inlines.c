/* steward-document-inlines.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-document-layout-private.h"

/* A block's runs as one PangoLayout: the text set once with a list of
 * attributes (no markup to escape and parse again), and the links' byte
 * ranges kept for the PDF's link areas. The runs are walked through their
 * parent links, not by recursion: emphasis may nest thousands deep. */

#define LINK_COLOR    0x1a5fb4
#define CODE_BG       0xebebeb

static void
link_clear (gpointer data)
{
  DocumentLink *link = data;

  g_free (link->uri);
}

static PangoAttribute *
foreground_new (guint32 rgb)
{
  return pango_attr_foreground_new (((rgb >> 16) & 0xff) * 257,
                                    ((rgb >> 8) & 0xff) * 257,
                                    (rgb & 0xff) * 257);
}

static PangoAttribute *
background_new (guint32 rgb)
{
  return pango_attr_background_new (((rgb >> 16) & 0xff) * 257,
                                    ((rgb >> 8) & 0xff) * 257,
                                    (rgb & 0xff) * 257);
}

static void
insert_attr (PangoAttrList  *attrs,
             PangoAttribute *attr,
             guint           start,
             guint           end)
{
  attr->start_index = start;
  attr->end_index = end;
  pango_attr_list_insert (attrs, attr);
}

static void
apply_span (PangoAttrList             *attrs,
            GArray                   **links,
            const StewardMarkdownInline *span,
            guint                      start,
            guint                      end)
{
  if (start == end)
    return;

  switch (span->kind)
    {
    case STEWARD_MARKDOWN_INLINE_EMPHASIS:
      insert_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, end);
      break;

    case STEWARD_MARKDOWN_INLINE_STRONG:
      insert_attr (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD), start, end);
      break;

    case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
      insert_attr (attrs, pango_attr_strikethrough_new (TRUE), start, end);
      break;

    case STEWARD_MARKDOWN_INLINE_UNDERLINE:
      insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, end);
      break;

    case STEWARD_MARKDOWN_INLINE_LINK:
      {
        DocumentLink link = { g_strdup (span->href), start, end };

        insert_attr (attrs, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE), start, end);
        insert_attr (attrs, foreground_new (LINK_COLOR), start, end);
        if (*links == NULL)
          {
            *links = g_array_new (FALSE, FALSE, sizeof (DocumentLink));
            g_array_set_clear_func (*links, link_clear);
          }
        g_array_append_val (*links, link);
      }
      break;

    case STEWARD_MARKDOWN_INLINE_TEXT:
    case STEWARD_MARKDOWN_INLINE_CODE:
    case STEWARD_MARKDOWN_INLINE_IMAGE:
    case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
    default:
      break;
    }
}

/* The runs from @first on as text and attributes, spans applied when the
 * walk leaves them. */
static void
collect_inlines (const StewardMarkdownInline  *first,
                 GString                      *text,
                 PangoAttrList                *attrs,
                 GArray                      **links)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (guint));
  const StewardMarkdownInline *node = first;
  const StewardMarkdownInline *top = first != NULL ? first->parent : NULL;

  while (node != NULL)
    {
      guint start = text->len;

      switch (node->kind)
        {
        case STEWARD_MARKDOWN_INLINE_TEXT:
          g_string_append (text, node->text);
          break;

        case STEWARD_MARKDOWN_INLINE_CODE:
          g_string_append (text, node->text);
          insert_attr (attrs, pango_attr_family_new ("Monospace"), start, text->len);
          insert_attr (attrs, pango_attr_scale_new (0.9), start, text->len);
          insert_attr (attrs, background_new (CODE_BG), start, text->len);
          break;

        case STEWARD_MARKDOWN_INLINE_IMAGE:
          if (*node->text != '\0')
            /* Translators: an image in an exported document, shown by its
             * description */
            g_string_append_printf (text, _("[Image: %s]"), node->text);
          else
            /* Translators: an image without a description in an exported
             * document */
            g_string_append (text, _("[Image]"));
          insert_attr (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC), start, text->len);
          break;

        case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
          g_string_append_c (text, '\n');
          break;

        case STEWARD_MARKDOWN_INLINE_EMPHASIS:
        case STEWARD_MARKDOWN_INLINE_STRONG:
        case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
        case STEWARD_MARKDOWN_INLINE_UNDERLINE:
        case STEWARD_MARKDOWN_INLINE_LINK:
        default:
          if (node->children != NULL)
            {
              g_array_append_val (starts, start);
              node = node->children;
              continue;
            }
          break;
        }

      for (;;)
        {
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }

          node = node->parent;
          if (node == top || node == NULL || starts->len == 0)
            {
              node = NULL;
              break;
            }

          apply_span (attrs, links, node,
                      g_array_index (starts, guint, starts->len - 1), text->len);
          g_array_set_size (starts, starts->len - 1);
        }
    }
}

PangoLayout *
_steward_document_plain_layout (const DocumentStyle        *style,
                                const char                 *text,
                                const PangoFontDescription *font,
                                double                      width,
                                PangoAlignment              alignment)
{
  PangoLayout *layout = pango_layout_new (style->context);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

PangoLayout *
_steward_document_inline_layout (const DocumentStyle          *style,
                                 const StewardMarkdownInline  *first,
                                 const PangoFontDescription   *font,
                                 double                        width,
                                 PangoAlignment                alignment,
                                 GArray                      **links)
{
  g_autoptr(GString) text = g_string_new (NULL);
  PangoAttrList *attrs = pango_attr_list_new ();
  PangoLayout *layout;

  collect_inlines (first, text, attrs, links);

  layout = _steward_document_plain_layout (style, "", font, width, alignment);
  pango_layout_set_text (layout, text->str, text->len);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);

  return layout;
}
