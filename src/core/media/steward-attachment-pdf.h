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

/* The text of the PDF in @data as it is sent to a model: each page's
 * lines under a marker ("--- Page 2 ---"), a page without text noted as
 * such. Read page by page in the calling thread (the import runs in a
 * worker); @cancellable is checked between pages. @n_pages gets the page
 * count. NULL with @error, one sentence naming @name, for a truncated,
 * damaged or password-protected PDF or one of more than
 * STEWARD_ATTACHMENT_MAX_PAGES pages (G_IO_ERROR_MESSAGE_TOO_LARGE),
 * which is refused before any page is read. */
char *steward_attachment_pdf_read (GBytes        *data,
                                   const char    *name,
                                   guint         *n_pages,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
