/* steward-pdf-writer.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-export-source.h"

G_BEGIN_DECLS

typedef enum {
  /* A4, or US Letter where the locale's paper (LC_PAPER) is Letter */
  STEWARD_PAPER_SIZE_LOCALE,
  STEWARD_PAPER_SIZE_A4,
  STEWARD_PAPER_SIZE_LETTER,
} StewardPaperSize;

/* The page size in points; LOCALE resolved from LC_PAPER. */
void     steward_paper_size_get_points (StewardPaperSize            size,
                                        double                     *width,
                                        double                     *height);

/* A StewardExportWriteFunc: @source as a PDF on the locale's paper, with
 * a title page, page numbers, clickable links, the headings as its
 * outline and the title, author and dates as its metadata. */
gboolean steward_pdf_write             (StewardExportSource        *source,
                                        GOutputStream              *out,
                                        StewardExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable,
                                        GError                    **error);
/* As steward_pdf_write() on paper of @size. */
gboolean steward_pdf_write_on_paper    (StewardExportSource        *source,
                                        StewardPaperSize            size,
                                        GOutputStream              *out,
                                        StewardExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable,
                                        GError                    **error);

G_END_DECLS
