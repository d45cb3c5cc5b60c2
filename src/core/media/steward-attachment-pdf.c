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
#include "steward-pdf-lines.h"

/* A model is given the PDF's lines as poppler reads them, page by page
 * under a marker, so that it can say on which page something stands. The
 * phase import (steward-pdf-reader.c) guesses paragraphs and headings
 * for Markdown instead; both read lines the same way
 * (steward-pdf-lines.c). */


static void
append_page (GString     *out,
             PopplerPage *page,
             guint        number)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = steward_pdf_lines_read (page, &text);
  gsize before;

  /* Translators: the marker put before each page of a PDF sent to a
   * model, %u is the page number */
  g_string_append_printf (out, _("--- Page %u ---"), number);
  g_string_append_c (out, '\n');
  before = out->len;

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *line = &g_array_index (lines, StewardPdfLine, i);

      if (line->len == 0)
        continue;
      g_string_append_len (out, line->start, line->len);
      g_string_append_c (out, '\n');
    }

  if (out->len == before)
    {
      g_string_append (out, _("(This page has no text: it may be a scanned image.)"));
      g_string_append_c (out, '\n');
    }

  g_string_append_c (out, '\n');
}

char *
steward_attachment_pdf_read (GBytes        *data,
                             const char    *name,
                             guint         *n_pages,
                             GCancellable  *cancellable,
                             GError       **error)
{
  /* Poppler 22 has no autoptr for its types */
  PopplerDocument *document;
  g_autoptr(GString) out = NULL;
  int n;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

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

  out = g_string_new (NULL);
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

      append_page (out, page, i + 1);
      g_object_unref (page);
    }

  g_object_unref (document);

  if (n_pages != NULL)
    *n_pages = n;

  return g_string_free (g_steal_pointer (&out), FALSE);
}
