/* steward-markdown-document-writer.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-export-source.h"

G_BEGIN_DECLS

/* A StewardExportWriteFunc: @source as one Markdown file. A YAML front
 * matter block carries the title, author and date (pandoc reads it), each
 * section follows as "# Title" and its body, the body's headings moved one
 * level down ("#" becomes "##", a setext heading the next level), those
 * inside code blocks left alone. */
gboolean steward_markdown_document_write (StewardExportSource       *source,
                                          GOutputStream             *out,
                                          StewardExportProgressFunc  progress,
                                          gpointer                   progress_data,
                                          GCancellable              *cancellable,
                                          GError                   **error);

/* The body @markdown (@len bytes, -1 when NUL-terminated) with its
 * headings one level down, no lower than 6; invalid UTF-8 replaced.
 * (transfer full) */
char    *steward_markdown_shift_headings (const char                *markdown,
                                          gssize                     len);

G_END_DECLS
