/* steward-attachment-pdf.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The most pages a PDF attachment may have */
#define STEWARD_ATTACHMENT_MAX_PAGES 500

/* Called after each page is read, in the thread reading: @page pages
 * of @n_pages are done. A scanned page takes seconds (text recognition),
 * a page of text a few milliseconds. */
typedef void (*StewardAttachmentPdfProgress) (guint    page,
                                              guint    n_pages,
                                              gpointer user_data);

/* The text of the PDF in @data as it is sent to a model: each page's
 * lines under a marker ("--- Page 2 ---"). A page without text but with
 * something drawn on it is a scan: its text is recognised with tesseract
 * (steward-ocr.h) under "--- Page 2 (recognised from the scan) ---", or,
 * without text recognition or when none is read, the page says "(A
 * scanned page: no text could be recognised.)"; a blank page is noted as
 * having no text. Blocking, page by page in the calling thread (the
 * import runs in a worker): a page of text takes milliseconds, a scanned
 * one seconds. @cancellable is checked between pages and during a
 * recognition. @n_pages gets the page count. NULL with @error, one
 * sentence naming @name, for a truncated, damaged or password-protected
 * PDF or one of more than STEWARD_ATTACHMENT_MAX_PAGES pages
 * (G_IO_ERROR_MESSAGE_TOO_LARGE), which is refused before any page is
 * read; G_IO_ERROR_CANCELLED when cancelled. */
char *steward_attachment_pdf_read      (GBytes                       *data,
                                        const char                   *name,
                                        guint                        *n_pages,
                                        GCancellable                 *cancellable,
                                        GError                      **error);
/* The same, calling @progress (when not NULL) after each page */
char *steward_attachment_pdf_read_full (GBytes                       *data,
                                        const char                   *name,
                                        guint                        *n_pages,
                                        StewardAttachmentPdfProgress  progress,
                                        gpointer                      progress_data,
                                        GCancellable                 *cancellable,
                                        GError                      **error);

G_END_DECLS
