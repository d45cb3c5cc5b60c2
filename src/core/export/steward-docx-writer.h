/* steward-docx-writer.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-export-source.h"

G_BEGIN_DECLS

/* A StewardExportWriteFunc: @source as a Word document (Office Open XML,
 * .docx). Each section is a Heading 1, the headings of its body one level
 * down; lists number through word/numbering.xml, links are clickable and
 * the title, author and dates are the document's properties. The zip is
 * written to @out as it is produced. */
gboolean steward_docx_write (StewardExportSource       *source,
                             GOutputStream             *out,
                             StewardExportProgressFunc  progress,
                             gpointer                   progress_data,
                             GCancellable              *cancellable,
                             GError                   **error);

G_END_DECLS
