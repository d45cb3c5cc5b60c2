/* steward-ocr.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* Text recognition in images, offline, with tesseract: "Extract Text" on
 * an image, `steward-cli ocr`, a scanned PDF page without text. The text
 * is read in the languages of the user's locale that have tesseract data
 * installed, and in English.
 *
 * The text comes back as tesseract reads it: lines ended by a newline, a
 * blank line between blocks, no trailing white space; "" when the image
 * holds no text. Errors are in G_IO_ERROR, one sentence naming the image:
 * NOT_SUPPORTED when Steward was built without text recognition or no
 * language data is installed, INVALID_DATA for a file that is not a
 * complete image, CANCELLED. */

/* Whether Steward was built with text recognition (the 'ocr' feature). */
gboolean  steward_ocr_is_available        (void);

/* The languages text is read in ("deu+eng"), or NULL with @error when
 * none can be (no tesseract, no data). Looked up once: the first call
 * starts tesseract, so call it from a worker. */
char     *steward_ocr_dup_languages       (GError             **error);

/* Blocking: for workers. @name says which image in an error ("page 3 of
 * scan.pdf"); NULL says "the image". @cancellable is checked as the
 * recognition goes. */
char     *steward_ocr_read_pixbuf         (GdkPixbuf           *pixbuf,
                                           const char          *name,
                                           GCancellable        *cancellable,
                                           GError             **error);
char     *steward_ocr_read_file           (GFile               *file,
                                           GCancellable        *cancellable,
                                           GError             **error);

/* The same in a worker thread; the main loop keeps running. */
void      steward_ocr_read_pixbuf_async   (GdkPixbuf           *pixbuf,
                                           const char          *name,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
void      steward_ocr_read_file_async     (GFile               *file,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data);
/* Finishes either: the text, or NULL with @error. */
char     *steward_ocr_read_finish         (GAsyncResult        *result,
                                           GError             **error);

G_END_DECLS
