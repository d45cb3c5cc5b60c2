/* steward-docx-reader.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-document-import.h"

G_BEGIN_DECLS

/* The text of the Word document (.docx) in @data as Markdown: headings
 * (Title and Heading 1–6, by style or outline level), paragraphs, bulleted
 * and numbered lists with their nesting, bold and italic, links, tables
 * (as pipe tables) and line breaks. @name is the file's name for errors;
 * @progress, when given, is called in the calling thread. Safe in a
 * worker thread. NULL with @error (one sentence naming the file) when the
 * file is not a complete, safe Word document; never a part of one. */
char *steward_docx_read (GBytes                         *data,
                         const char                     *name,
                         StewardDocumentImportProgress   progress,
                         gpointer                        progress_data,
                         GCancellable                   *cancellable,
                         GError                        **error);

G_END_DECLS
