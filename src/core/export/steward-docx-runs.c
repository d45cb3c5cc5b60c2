/* steward-docx-runs.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx"

#include "config.h"

#include <string.h>

#include "steward-docx-private.h"

/* The runs of word/document.xml: text without what XML forbids, its
 * emphasis, code and links (each target a relationship of the document). */

static void
start (StewardDocx *docx,
       const char  *name)
{
  xmlTextWriterStartElement (docx->writer, BAD_CAST name);
}

static void
end (StewardDocx *docx)
{
  xmlTextWriterEndElement (docx->writer);
}

static void
attr (StewardDocx *docx,
      const char  *name,
      const char  *value)
{
  xmlTextWriterWriteAttribute (docx->writer, BAD_CAST name, BAD_CAST value);
}

static void
val (StewardDocx *docx,
     const char  *name,
     const char  *value)
{
  start (docx, name);
  attr (docx, "w:val", value);
  end (docx);
}

static void
empty (StewardDocx *docx,
       const char  *name)
{
  start (docx, name);
  end (docx);
}

/* Whether @p (at least 3 bytes left) starts U+FFFE or U+FFFF, which XML
 * forbids */
static inline gboolean
is_noncharacter (const guchar *p)
{
  return p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf);
}

void
_steward_docx_write_text (StewardDocx      *docx,
                          xmlTextWriterPtr  writer,
                          const char       *text,
                          gssize            len)
{
  g_autofree char *valid = NULL;
  const guchar *p;
  const guchar *stop;

  if (len < 0)
    len = strlen (text);
  /* Titles and names come from outside, not through the parser */
  if (!g_utf8_validate (text, len, NULL))
    {
      valid = g_utf8_make_valid (text, len);
      text = valid;
      len = strlen (valid);
    }

  /* The common case: nothing to take out */
  p = (const guchar *) text;
  stop = p + len;
  for (; p < stop; p++)
    if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') ||
        (*p == 0xef && stop - p >= 3 && is_noncharacter (p)))
      break;

  g_string_truncate (docx->scratch, 0);
  g_string_append_len (docx->scratch, text, (const char *) p - text);
  while (p < stop)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        p++;
      else if (*p == 0xef && stop - p >= 3 && is_noncharacter (p))
        p += 3;
      else
        g_string_append_c (docx->scratch, *p++);
    }

  xmlTextWriterWriteString (writer, BAD_CAST docx->scratch->str);
}

/* Text inside the open w:r: tabs become w:tab, line ends w:br. */
void
_steward_docx_write_run_text (StewardDocx *docx,
                              const char  *text,
                              gsize        len)
{
  const char *stop = text + len;

  while (text < stop)
    {
      const char *p = text;

      while (p < stop && *p != '\t' && *p != '\n' && *p != '\r')
        p++;

      if (p > text)
        {
          start (docx, "w:t");
          attr (docx, "xml:space", "preserve");
          _steward_docx_write_text (docx, docx->writer, text, p - text);
          end (docx);
        }

      if (p < stop)
        {
          if (*p == '\t')
            empty (docx, "w:tab");
          else if (*p == '\n')
            empty (docx, "w:br");
          p++;
        }
      text = p;
    }
}

void
_steward_docx_write_run (StewardDocx         *docx,
                         const char          *text,
                         gssize               len,
                         StewardDocxRunFlags  flags)
{
  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return;

  start (docx, "w:r");
  if (flags != 0)
    {
      start (docx, "w:rPr");
      if (flags & STEWARD_DOCX_RUN_CODE)
        val (docx, "w:rStyle", "VerbatimChar");
      else if (flags & STEWARD_DOCX_RUN_LINK)
        val (docx, "w:rStyle", "Hyperlink");
      if (flags & STEWARD_DOCX_RUN_BOLD)
        empty (docx, "w:b");
      if (flags & STEWARD_DOCX_RUN_ITALIC)
        empty (docx, "w:i");
      if (flags & STEWARD_DOCX_RUN_STRIKE)
        empty (docx, "w:strike");
      if (flags & STEWARD_DOCX_RUN_UNDERLINE)
        val (docx, "w:u", "single");
      end (docx);
    }
  _steward_docx_write_run_text (docx, text, len);
  end (docx);
}

/* The relationship id of @href, "rIdLink" and its number, recorded for
 * word/_rels/document.xml.rels. Word refuses a target that is not a URI:
 * what is not (spaces, letters beyond ASCII) is percent-encoded. */
static char *
link_id (StewardDocx *docx,
         const char  *href)
{
  g_autofree char *target = g_uri_escape_string (href,
                                                 G_URI_RESERVED_CHARS_GENERIC_DELIMITERS
                                                 G_URI_RESERVED_CHARS_SUBCOMPONENT_DELIMITERS "%",
                                                 FALSE);
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (docx->link_index, target));

  if (index == 0)
    {
      g_ptr_array_add (docx->links, g_strdup (target));
      index = docx->links->len;
      g_hash_table_insert (docx->link_index, g_ptr_array_index (docx->links, index - 1),
                           GUINT_TO_POINTER (index));
    }

  return g_strdup_printf ("rIdLink%u", index);
}

static StewardDocxRunFlags
inline_flag (StewardMarkdownInlineKind kind)
{
  switch (kind)
    {
    case STEWARD_MARKDOWN_INLINE_STRONG:
      return STEWARD_DOCX_RUN_BOLD;
    case STEWARD_MARKDOWN_INLINE_EMPHASIS:
      return STEWARD_DOCX_RUN_ITALIC;
    case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
      return STEWARD_DOCX_RUN_STRIKE;
    case STEWARD_MARKDOWN_INLINE_UNDERLINE:
      return STEWARD_DOCX_RUN_UNDERLINE;
    case STEWARD_MARKDOWN_INLINE_LINK:
      return STEWARD_DOCX_RUN_LINK;
    case STEWARD_MARKDOWN_INLINE_TEXT:
    case STEWARD_MARKDOWN_INLINE_CODE:
    case STEWARD_MARKDOWN_INLINE_IMAGE:
    case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
    default:
      return 0;
    }
}

/* The runs of a paragraph, heading or cell. Spans nest without bound, so
 * each kind counts how deep it is open rather than keeping a stack. */
void
_steward_docx_write_inlines (StewardDocx                 *docx,
                             const StewardMarkdownInline *first,
                             StewardDocxRunFlags          base)
{
  const StewardMarkdownInline *run = first;
  guint depth[6] = { 0 };

  while (run != NULL)
    {
      StewardDocxRunFlags flags = base;

      for (guint bit = 0; bit < G_N_ELEMENTS (depth); bit++)
        if (depth[bit] > 0)
          flags |= 1 << bit;

      switch (run->kind)
        {
        case STEWARD_MARKDOWN_INLINE_TEXT:
          _steward_docx_write_run (docx, run->text, -1, flags);
          break;

        case STEWARD_MARKDOWN_INLINE_CODE:
          _steward_docx_write_run (docx, run->text, -1, flags | STEWARD_DOCX_RUN_CODE);
          break;

        case STEWARD_MARKDOWN_INLINE_IMAGE:
          if (run->text != NULL)
            _steward_docx_write_run (docx, run->text, -1, flags);
          break;

        case STEWARD_MARKDOWN_INLINE_LINE_BREAK:
          start (docx, "w:r");
          empty (docx, "w:br");
          end (docx);
          break;

        case STEWARD_MARKDOWN_INLINE_LINK:
          if (run->href != NULL)
            {
              g_autofree char *id = link_id (docx, run->href);

              start (docx, "w:hyperlink");
              attr (docx, "r:id", id);
              attr (docx, "w:history", "1");
            }
          G_GNUC_FALLTHROUGH;
        case STEWARD_MARKDOWN_INLINE_EMPHASIS:
        case STEWARD_MARKDOWN_INLINE_STRONG:
        case STEWARD_MARKDOWN_INLINE_STRIKETHROUGH:
        case STEWARD_MARKDOWN_INLINE_UNDERLINE:
        default:
          if (inline_flag (run->kind) != 0)
            depth[g_bit_nth_lsf (inline_flag (run->kind), -1)]++;
          break;
        }

      if (inline_flag (run->kind) != 0 && run->children != NULL)
        {
          run = run->children;
          continue;
        }

      while (run != NULL)
        {
          StewardDocxRunFlags flag = inline_flag (run->kind);

          if (flag != 0)
            {
              depth[g_bit_nth_lsf (flag, -1)]--;
              if (run->kind == STEWARD_MARKDOWN_INLINE_LINK && run->href != NULL)
                end (docx);
            }

          if (run->next != NULL)
            {
              run = run->next;
              break;
            }
          run = run->parent;
        }
    }
}
