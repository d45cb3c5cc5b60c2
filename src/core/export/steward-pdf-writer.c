/* steward-pdf-writer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include <glib/gi18n.h>
#include <cairo-pdf.h>
#include <langinfo.h>

#include "steward-document-layout.h"
#include "steward-pdf-writer.h"

/* The document layout drawn page by page onto a PDF surface that writes
 * into the output stream as it goes. Laying out takes the first part of
 * the progress, drawing the rest. */

#define MARGIN       (72 * 2 / 2.54)   /* 2 cm */
#define LAYOUT_SHARE 0.4

static gboolean
locale_uses_letter (void)
{
#ifdef __GLIBC__
  /* glibc gives the width in millimetres, in place of a string */
  union { const char *string; guint width; } paper;

  paper.string = nl_langinfo (_NL_PAPER_WIDTH);

  return paper.width == 216;
#else
  return FALSE;
#endif
}

void
steward_paper_size_get_points (StewardPaperSize  size,
                               double           *width,
                               double           *height)
{
  if (size == STEWARD_PAPER_SIZE_LOCALE)
    size = locale_uses_letter () ? STEWARD_PAPER_SIZE_LETTER : STEWARD_PAPER_SIZE_A4;

  if (size == STEWARD_PAPER_SIZE_LETTER)
    {
      *width = 612;
      *height = 792;
    }
  else
    {
      *width = 595.276;
      *height = 841.89;
    }
}

typedef struct
{
  GOutputStream *out;
  GCancellable  *cancellable;
  GError        *error;
} Stream;

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  Stream *stream = closure;

  if (stream->error != NULL)
    return CAIRO_STATUS_WRITE_ERROR;

  if (!g_output_stream_write_all (stream->out, data, length, NULL,
                                  stream->cancellable, &stream->error))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static void
set_date (cairo_surface_t     *surface,
          cairo_pdf_metadata_t metadata,
          GDateTime           *date)
{
  g_autofree char *text = NULL;

  if (date == NULL)
    return;

  text = g_date_time_format (date, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_pdf_surface_set_metadata (surface, metadata, text);
}

static void
set_metadata (cairo_surface_t     *surface,
              StewardExportSource *source)
{
  const char *author = steward_export_source_get_author (source);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  steward_export_source_get_title (source));
  if (author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Steward");
  set_date (surface, CAIRO_PDF_METADATA_CREATE_DATE, steward_export_source_get_created (source));
  set_date (surface, CAIRO_PDF_METADATA_MOD_DATE, steward_export_source_get_modified (source));
}

/* Each heading under the nearest heading before it of a higher level */
static void
add_outline (cairo_surface_t       *surface,
             StewardDocumentLayout *layout)
{
  int parents[7] = { CAIRO_PDF_OUTLINE_ROOT };

  for (guint i = 0; i < steward_document_layout_get_n_headings (layout); i++)
    {
      g_autofree char *link = NULL;
      const char *text;
      const char *dest;
      guint level;
      int id;

      steward_document_layout_get_heading (layout, i, &level, &text, &dest, NULL);
      link = g_strdup_printf ("dest='%s'", dest);
      id = cairo_pdf_surface_add_outline (surface, parents[level - 1], text, link,
                                          level == 1 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      for (guint l = level; l < G_N_ELEMENTS (parents); l++)
        parents[l] = id;
    }
}

typedef struct
{
  StewardExportProgressFunc progress;
  gpointer                  progress_data;
} Progress;

static void
layout_progress_cb (double   fraction,
                    gpointer user_data)
{
  Progress *progress = user_data;

  progress->progress (LAYOUT_SHARE * fraction, progress->progress_data);
}

gboolean
steward_pdf_write_on_paper (StewardExportSource        *source,
                            StewardPaperSize            size,
                            GOutputStream              *out,
                            StewardExportProgressFunc   progress,
                            gpointer                    progress_data,
                            GCancellable               *cancellable,
                            GError                    **error)
{
  g_autoptr(StewardDocumentLayout) layout = NULL;
  Progress layout_progress = { progress, progress_data };
  Stream stream = { out, cancellable, NULL };
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double width, height;
  guint n_pages;
  gboolean cancelled = FALSE;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);

  steward_paper_size_get_points (size, &width, &height);
  layout = steward_document_layout_new (source, width, height, MARGIN);
  if (!steward_document_layout_paginate (layout,
                                         progress != NULL ? layout_progress_cb : NULL,
                                         &layout_progress, cancellable, error))
    return FALSE;

  surface = cairo_pdf_surface_create_for_stream (write_cb, &stream, width, height);
  set_metadata (surface, source);
  add_outline (surface, layout);

  cr = cairo_create (surface);
  n_pages = steward_document_layout_get_n_pages (layout);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable) || stream.error != NULL)
        {
          cancelled = TRUE;
          break;
        }

      steward_document_layout_draw_page (layout, cr, page);
      cairo_show_page (cr);

      if (progress != NULL)
        progress (LAYOUT_SHARE + (1 - LAYOUT_SHARE) * (page + 1) / n_pages, progress_data);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);

  /* Nothing more is written once cancelled: the stream is left as it is,
   * and the caller throws it away */
  if (cancelled && stream.error == NULL)
    g_cancellable_set_error_if_cancelled (cancellable, &stream.error);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (stream.error != NULL)
    {
      g_propagate_error (error, stream.error);
      return FALSE;
    }

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s says what went wrong, in the drawing library's
       * words */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The PDF could not be drawn: %s"), cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_pdf_write (StewardExportSource        *source,
                   GOutputStream              *out,
                   StewardExportProgressFunc   progress,
                   gpointer                    progress_data,
                   GCancellable               *cancellable,
                   GError                    **error)
{
  return steward_pdf_write_on_paper (source, STEWARD_PAPER_SIZE_LOCALE, out, progress,
                                     progress_data, cancellable, error);
}
