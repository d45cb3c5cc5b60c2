/* steward-attachment-import.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-attachment.h"

G_BEGIN_DECLS

/* Attaching a file: its bytes are told apart (g_content_type_guess on
 * the data, never the name), checked against the limits below and read
 * whole (an image decoded, a PDF's text read page by page, a text file
 * checked to be UTF-8), then copied into the attachments directory under
 * the SHA-256 of the bytes. The same bytes attached twice are stored
 * once. The copy is written under a temporary name and renamed, so a
 * failure leaves nothing behind.
 *
 * A file that cannot be attached is refused with one sentence naming it
 * and why ("photo.png is not a complete PNG image."), in G_IO_ERROR:
 * INVALID_DATA (truncated, corrupt, not UTF-8, empty), NOT_SUPPORTED (a
 * kind of file Steward does not attach), MESSAGE_TOO_LARGE (over a
 * limit), PERMISSION_DENIED (a PDF with a password), CANCELLED, or what
 * reading or writing the file gave. */

/* Larger images are refused; an image of more pixels than
 * STEWARD_IMAGE_MAX_PIXELS is scaled down when sent, never refused */
#define STEWARD_ATTACHMENT_MAX_IMAGE_BYTES (20 * 1024 * 1024)
#define STEWARD_ATTACHMENT_MAX_AUDIO_BYTES (25 * 1024 * 1024)
#define STEWARD_ATTACHMENT_MAX_AUDIO_SECONDS (30 * 60)
#define STEWARD_ATTACHMENT_MAX_TEXT_BYTES  (2 * 1024 * 1024)
/* PDFs: STEWARD_ATTACHMENT_MAX_PAGES pages (steward-attachment-pdf.h) and
 * no more bytes than the largest other kind */
#define STEWARD_ATTACHMENT_MAX_PDF_BYTES   (200 * 1024 * 1024)

/* (transfer full): @data_dir/attachments */
GFile             *steward_attachment_dup_directory (const char           *data_dir);

/* Attaches @file in the calling thread (for the CLI and workers):
 * the attachment, not yet linked to a message (id 0), or NULL with
 * @error. @directory is where copies go (see
 * steward_attachment_dup_directory()); it is made when missing. */
StewardAttachment *steward_attachment_import_file   (GFile                 *file,
                                                     GFile                 *directory,
                                                     GCancellable          *cancellable,
                                                     GError               **error);
/* The same on bytes already in memory (a pasted image, a photo taken),
 * @name being what the user sees ("Pasted image.png") */
StewardAttachment *steward_attachment_import_bytes  (GBytes                *data,
                                                     const char            *name,
                                                     GFile                 *directory,
                                                     GCancellable          *cancellable,
                                                     GError               **error);

/* steward_attachment_import_file() in a worker thread; @callback is
 * called in the thread-default main context of the caller */
void               steward_attachment_import_async  (GFile                 *file,
                                                     GFile                 *directory,
                                                     GCancellable          *cancellable,
                                                     GAsyncReadyCallback    callback,
                                                     gpointer               user_data);
/* steward_attachment_import_bytes() in a worker thread (a pasted image,
 * a photo taken), finished with steward_attachment_import_finish() */
void               steward_attachment_import_bytes_async (GBytes              *data,
                                                          const char          *name,
                                                          GFile               *directory,
                                                          GCancellable        *cancellable,
                                                          GAsyncReadyCallback  callback,
                                                          gpointer             user_data);
/* How far an import is: @done pages of @total read (a PDF's pages; a
 * scanned page takes seconds). Called on the main context the import was
 * started from, in order, coalesced (a fast PDF does not call it for
 * every page), the last call being (total, total) for a PDF read whole.
 * Other kinds of file report nothing: they take a moment. */
typedef void (*StewardAttachmentImportProgress) (guint    done,
                                                 guint    total,
                                                 gpointer user_data);

/* steward_attachment_import_async() and
 * steward_attachment_import_bytes_async() reporting @progress;
 * @progress_destroy is called on @progress_data in the caller's main
 * context once no more progress can come. Finished with
 * steward_attachment_import_finish(). Cancelled, the import leaves
 * nothing in @directory. */
void               steward_attachment_import_with_progress_async       (GFile                           *file,
                                                                        GFile                           *directory,
                                                                        StewardAttachmentImportProgress  progress,
                                                                        gpointer                         progress_data,
                                                                        GDestroyNotify                   progress_destroy,
                                                                        GCancellable                    *cancellable,
                                                                        GAsyncReadyCallback              callback,
                                                                        gpointer                         user_data);
void               steward_attachment_import_bytes_with_progress_async (GBytes                          *data,
                                                                        const char                      *name,
                                                                        GFile                           *directory,
                                                                        StewardAttachmentImportProgress  progress,
                                                                        gpointer                         progress_data,
                                                                        GDestroyNotify                   progress_destroy,
                                                                        GCancellable                    *cancellable,
                                                                        GAsyncReadyCallback              callback,
                                                                        gpointer                         user_data);
/* (transfer full): the attachment, NULL with @error */
StewardAttachment *steward_attachment_import_finish (GAsyncResult          *result,
                                                     GError               **error);

G_END_DECLS
