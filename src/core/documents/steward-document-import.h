/* steward-document-import.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* Importing a file into a phase: its text as Markdown.
 *
 * The kind of file is told by its bytes, not its name (a PDF named
 * notes.txt is read as a PDF); the name only tells Markdown from plain
 * text. Markdown and plain text are taken as they are (UTF-8, or UTF-16
 * with a byte order mark; a leading byte order mark and CR LF line ends
 * are dropped); a Word document (.docx) and a PDF are turned into
 * Markdown (see steward-docx-reader.h, steward-pdf-reader.h).
 *
 * A file that cannot be read whole is refused with one sentence naming
 * it and why ("notes.docx is not a complete Word document.", "scan.pdf is
 * protected by a password.", "log.txt is not UTF-8 text."): never a part
 * of it. Errors are in G_IO_ERROR: INVALID_DATA (corrupt, truncated,
 * not UTF-8), NOT_SUPPORTED (a kind of file Steward does not read),
 * MESSAGE_TOO_LARGE (over the size limits), PERMISSION_DENIED (a
 * password), CANCELLED, or what reading the file gave. */

/* The largest Markdown or plain text file imported */
#define STEWARD_DOCUMENT_IMPORT_MAX_TEXT  (10 * 1024 * 1024)
/* The largest Word or PDF file imported */
#define STEWARD_DOCUMENT_IMPORT_MAX_FILE  (200 * 1024 * 1024)

typedef struct _StewardDocumentImport StewardDocumentImport;

#define STEWARD_TYPE_DOCUMENT_IMPORT (steward_document_import_get_type ())

/* How far an import is, from 0 to 1 */
typedef void (*StewardDocumentImportProgress) (double   fraction,
                                               gpointer user_data);

GType                  steward_document_import_get_type     (void);
StewardDocumentImport *steward_document_import_ref          (StewardDocumentImport *self);
void                   steward_document_import_unref        (StewardDocumentImport *self);

/* The imported text, Markdown, never NULL; ends with a newline unless
 * empty */
const char            *steward_document_import_get_markdown (StewardDocumentImport *self);
/* The file's name as shown to the user */
const char            *steward_document_import_get_name     (StewardDocumentImport *self);
StewardDocumentFormat  steward_document_import_get_format   (StewardDocumentImport *self);
/* The number of pages of a PDF, 0 for the other kinds */
guint                  steward_document_import_get_n_pages  (StewardDocumentImport *self);

/**
 * steward_document_import_async:
 * @file: the file to read
 * @progress: (nullable): called in the thread-default main context of
 *   the caller as the import goes (page by page for a PDF), always
 *   before @callback
 * @progress_data: for @progress
 * @progress_destroy: (nullable): frees @progress_data when the import is
 *   over
 * @cancellable: (nullable): stops the import (between PDF pages)
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Reads @file in a worker thread.
 */
void                   steward_document_import_async        (GFile                          *file,
                                                             StewardDocumentImportProgress   progress,
                                                             gpointer                        progress_data,
                                                             GDestroyNotify                  progress_destroy,
                                                             GCancellable                   *cancellable,
                                                             GAsyncReadyCallback             callback,
                                                             gpointer                        user_data);
/* (transfer full): the import, NULL with @error */
StewardDocumentImport *steward_document_import_finish       (GAsyncResult                   *result,
                                                             GError                        **error);

/* The same in the calling thread (for the CLI): @progress, when given,
 * is called in the calling thread. */
StewardDocumentImport *steward_document_import_file         (GFile                          *file,
                                                             StewardDocumentImportProgress   progress,
                                                             gpointer                        progress_data,
                                                             GCancellable                   *cancellable,
                                                             GError                        **error);

/* The same on bytes already read; @name is the file's name, for the
 * errors and to tell Markdown (.md, .markdown) from plain text. */
StewardDocumentImport *steward_document_import_bytes        (GBytes                         *data,
                                                             const char                     *name,
                                                             StewardDocumentImportProgress   progress,
                                                             gpointer                        progress_data,
                                                             GCancellable                   *cancellable,
                                                             GError                        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDocumentImport, steward_document_import_unref)

G_END_DECLS
