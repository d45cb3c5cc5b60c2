/* steward-pdf-reader.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-document-import.h"

G_BEGIN_DECLS

/* The text of the PDF in @data as Markdown, page by page: lines joined
 * into paragraphs as the layout shows them (a paragraph cut by a page
 * break joined again), bulleted lines made list items, short lines set
 * clearly larger than the body text made headings (the largest size
 * level 1), a page without text noted as such. @progress is called in the calling thread
 * after each page; @cancellable is checked between pages. @n_pages gets
 * the page count. NULL with @error (one sentence naming the file, @name)
 * for a truncated, damaged or password-protected PDF. */
char *steward_pdf_read (GBytes                         *data,
                        const char                     *name,
                        guint                          *n_pages,
                        StewardDocumentImportProgress   progress,
                        gpointer                        progress_data,
                        GCancellable                   *cancellable,
                        GError                        **error);

G_END_DECLS
