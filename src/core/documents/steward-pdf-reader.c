/* steward-pdf-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-pdf-reader"

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "steward-markdown-escape.h"
#include "steward-pdf-reader.h"

/* Poppler gives a page's text in reading order, one line of the page per
 * line, and where each character sits. A PDF knows no paragraphs: a line
 * starts a new one when the gap above it is more than half a line high,
 * or when it sits higher than the line before (the next column). */

/* Where a complete PDF ends: Acrobat looks this far back for %%EOF */
#define EOF_WINDOW 1024

typedef struct
{
  GString  *out;
  GString  *paragraph;
} Writer;

static void
end_paragraph (Writer *writer)
{
  if (writer->paragraph->len == 0)
    return;

  if (writer->out->len > 0)
    g_string_append (writer->out, "\n\n");

  steward_markdown_escape_append (writer->out, writer->paragraph->str,
                                  writer->paragraph->len, TRUE);
  g_string_truncate (writer->paragraph, 0);
}

static void
add_line (Writer     *writer,
          const char *line,
          gsize       len)
{
  GString *paragraph = writer->paragraph;

  while (len > 0 && g_ascii_isspace (*line))
    line++, len--;
  while (len > 0 && g_ascii_isspace (line[len - 1]))
    len--;

  if (len == 0)
    return;

  /* A word hyphenated across lines keeps its hyphen, without a space */
  if (paragraph->len > 0 && paragraph->str[paragraph->len - 1] != '-')
    g_string_append_c (paragraph, ' ');

  g_string_append_len (paragraph, line, len);
}

static void
read_page (Writer      *writer,
           PopplerPage *page,
           guint        number)
{
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  guint n_rects = 0;
  gboolean have_layout;
  double prev_top = 0, prev_bottom = 0;
  gboolean have_prev = FALSE;
  const char *line_start;
  const char *p;
  guint index = 0;
  gsize before = writer->out->len;

  if (text == NULL)
    text = g_strdup ("");

  have_layout = poppler_page_get_text_layout (page, &rects, &n_rects) &&
                n_rects == (guint) g_utf8_strlen (text, -1);

  line_start = text;
  p = text;
  for (;;)
    {
      double top = G_MAXDOUBLE, bottom = -G_MAXDOUBLE;
      const char *line_end;
      gboolean last;

      /* One line, and the box around its characters */
      for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p), index++)
        if (have_layout && !g_ascii_isspace (*p))
          {
            top = MIN (top, rects[index].y1);
            bottom = MAX (bottom, rects[index].y2);
          }

      line_end = p;
      last = *p == '\0';

      if (top <= bottom)
        {
          double height = bottom - top;

          if (have_prev &&
              (top - prev_bottom > 0.5 * MAX (prev_bottom - prev_top, height) ||
               top < prev_top - 0.5 * height))
            end_paragraph (writer);

          prev_top = top;
          prev_bottom = bottom;
          have_prev = TRUE;
        }
      else if (!have_layout && line_end == line_start)
        end_paragraph (writer);

      add_line (writer, line_start, line_end - line_start);

      if (last)
        break;

      p++;
      index++;
      line_start = p;
    }

  end_paragraph (writer);

  if (writer->out->len == before)
    {
      g_autofree char *note = NULL;

      /* Translators: put in the imported text where a PDF page has no
       * text, %u is the page number */
      note = g_strdup_printf (_("Page %u has no text: it may be a scanned image."), number);

      if (writer->out->len > 0)
        g_string_append (writer->out, "\n\n");
      g_string_append (writer->out, "_(");
      steward_markdown_escape_append (writer->out, note, -1, FALSE);
      g_string_append (writer->out, ")_");
    }
}

static gboolean
has_end_marker (GBytes *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  gsize window = MIN (size, EOF_WINDOW);

  return memmem (bytes + size - window, window, "%%EOF", 5) != NULL;
}

char *
steward_pdf_read (GBytes                         *data,
                  const char                     *name,
                  guint                          *n_pages,
                  StewardDocumentImportProgress   progress,
                  gpointer                        progress_data,
                  GCancellable                   *cancellable,
                  GError                        **error)
{
  /* Poppler 22 has no autoptr for its types */
  PopplerDocument *document;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) paragraph = NULL;
  Writer writer;
  int n;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (n_pages != NULL)
    *n_pages = 0;

  /* Poppler mends a cut file as best it can and would give the pages
   * before the cut: a file without its end is refused whole. */
  if (!has_end_marker (data))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a complete PDF document."), name);
      return NULL;
    }

  document = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("%s is protected by a password."), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s is not a complete PDF document."), name);
      return NULL;
    }

  n = poppler_document_get_n_pages (document);
  out = g_string_new (NULL);
  paragraph = g_string_new (NULL);
  writer.out = out;
  writer.paragraph = paragraph;

  for (int i = 0; i < n; i++)
    {
      PopplerPage *page;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (document);
          return NULL;
        }

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_object_unref (document);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not a complete PDF document."), name);
          return NULL;
        }

      read_page (&writer, page, i + 1);
      g_object_unref (page);

      if (progress != NULL)
        progress ((double) (i + 1) / n, progress_data);
    }

  g_object_unref (document);

  if (n_pages != NULL)
    *n_pages = n;

  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}
