/* steward-attachment-pdf.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment-pdf"

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "steward-attachment-pdf.h"
#include "steward-attachment-pdf-scan.h"
#include "steward-ocr.h"
#include "steward-pdf-lines.h"

/* A model is given the PDF's lines as poppler reads them, page by page
 * under a marker, so that it can say on which page something stands. The
 * phase import (steward-pdf-reader.c) guesses paragraphs and headings
 * for Markdown instead; both read lines the same way
 * (steward-pdf-lines.c).
 *
 * A page with no text of its own but something drawn on it is a scan: it
 * is read with tesseract (steward-attachment-pdf-scan.c) and its marker
 * says the text was recognised, since it may hold misread words. When
 * there is no text recognition (built without it, no language data) or
 * it fails, the page is still there, saying no text could be read. */

typedef struct
{
  const char   *name;
  GCancellable *cancellable;
  /* Whether scanned pages are read: TRUE until recognition turns out
   * not to be there */
  gboolean      recognise;
} Reader;

static void
append_marker (GString *out,
               guint    number)
{
  /* Translators: the marker put before each page of a PDF sent to a
   * model, %u is the page number */
  g_string_append_printf (out, _("--- Page %u ---"), number);
  g_string_append_c (out, '\n');
}

/* A page without text: what tesseract reads in its image, or a note
 * that it has none. FALSE only when cancelled. */
static gboolean
append_scan (Reader       *reader,
             GString      *out,
             PopplerPage  *page,
             guint         number,
             GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *page_name = NULL;
  g_autofree char *text = NULL;
  gboolean blank = FALSE;

  /* Translators: names a page in an error, "page 3 of scan.pdf" */
  page_name = g_strdup_printf (_("page %u of %s"), number, reader->name);
  text = steward_attachment_pdf_scan_read (page, page_name, reader->recognise, &blank,
                                           reader->cancellable, &local_error);

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* No use drawing the next scans at full size to fail again */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    reader->recognise = FALSE;
  if (local_error != NULL)
    g_debug ("%s", local_error->message);

  if (blank)
    {
      append_marker (out, number);
      g_string_append (out, _("(This page has no text: it may be a scanned image.)"));
      g_string_append_c (out, '\n');
    }
  else if (text != NULL && text[0] != '\0')
    {
      /* Translators: the marker put before a scanned page of a PDF sent
       * to a model, whose text was read in its image; %u is the page
       * number */
      g_string_append_printf (out, _("--- Page %u (recognised from the scan) ---"), number);
      g_string_append_c (out, '\n');
      g_string_append (out, text);
      g_string_append_c (out, '\n');
    }
  else
    {
      append_marker (out, number);
      /* Translators: said of a page of a PDF sent to a model, which is
       * an image in which no text could be read */
      g_string_append (out, _("(A scanned page: no text could be recognised.)"));
      g_string_append_c (out, '\n');
    }

  return TRUE;
}

static gboolean
append_page (Reader       *reader,
             GString      *out,
             PopplerPage  *page,
             guint         number,
             GError      **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = steward_pdf_lines_read (page, &text);
  gboolean has_text = FALSE;

  /* Lines come with their blanks trimmed: a page of spaces has none */
  for (guint i = 0; i < lines->len && !has_text; i++)
    has_text = g_array_index (lines, StewardPdfLine, i).len > 0;

  if (!has_text)
    {
      if (!append_scan (reader, out, page, number, error))
        return FALSE;
      g_string_append_c (out, '\n');
      return TRUE;
    }

  append_marker (out, number);
  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *line = &g_array_index (lines, StewardPdfLine, i);

      if (line->len == 0)
        continue;
      g_string_append_len (out, line->start, line->len);
      g_string_append_c (out, '\n');
    }
  g_string_append_c (out, '\n');

  return TRUE;
}

char *
steward_attachment_pdf_read_full (GBytes                       *data,
                                  const char                   *name,
                                  guint                        *n_pages,
                                  StewardAttachmentPdfProgress  progress,
                                  gpointer                      progress_data,
                                  GCancellable                 *cancellable,
                                  GError                      **error)
{
  /* Poppler 22 has no autoptr for its types */
  PopplerDocument *document;
  g_autoptr(GString) out = NULL;
  Reader reader = { 0 };
  int n;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_pages != NULL)
    *n_pages = 0;

  if (!(document = steward_pdf_open (data, name, error)))
    return NULL;

  n = poppler_document_get_n_pages (document);
  if (n > STEWARD_ATTACHMENT_MAX_PAGES)
    {
      g_object_unref (document);
      /* Translators: %s is a file name, %d its page count and %d the
       * limit */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s has %d pages, more than the %d a PDF attachment may have."),
                   name, n, STEWARD_ATTACHMENT_MAX_PAGES);
      return NULL;
    }

  reader.name = name;
  reader.cancellable = cancellable;
  reader.recognise = steward_ocr_is_available ();

  out = g_string_new (NULL);
  for (int i = 0; i < n; i++)
    {
      PopplerPage *page;
      gboolean read;

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

      read = append_page (&reader, out, page, i + 1, error);
      g_object_unref (page);
      if (!read)
        {
          g_object_unref (document);
          return NULL;
        }

      if (progress != NULL)
        progress (i + 1, n, progress_data);
    }

  g_object_unref (document);

  if (n_pages != NULL)
    *n_pages = n;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
steward_attachment_pdf_read (GBytes        *data,
                             const char    *name,
                             guint         *n_pages,
                             GCancellable  *cancellable,
                             GError       **error)
{
  return steward_attachment_pdf_read_full (data, name, n_pages, NULL, NULL, cancellable, error);
}
