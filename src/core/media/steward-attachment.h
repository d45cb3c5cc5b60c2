/* steward-attachment.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* A file attached to a message: a copy in the data dir's attachments/,
 * named by the SHA-256 of its bytes, and what was learnt of it when it
 * was imported (see steward-attachment-import.h). Immutable. */

#define STEWARD_TYPE_ATTACHMENT (steward_attachment_get_type ())

G_DECLARE_FINAL_TYPE (StewardAttachment, steward_attachment, STEWARD, ATTACHMENT, GObject)

/* The row in the store, 0 before it is linked to a message */
gint64                 steward_attachment_get_id           (StewardAttachment *self);
/* The SHA-256 of the bytes, 64 lower-case hex digits: the copy's name */
const char            *steward_attachment_get_hash         (StewardAttachment *self);
/* The name of the file as the user chose it ("photo.png") */
const char            *steward_attachment_get_name         (StewardAttachment *self);
/* The MIME type told from the bytes ("image/png", "application/pdf") */
const char            *steward_attachment_get_content_type (StewardAttachment *self);
StewardAttachmentKind  steward_attachment_get_kind         (StewardAttachment *self);
/* In bytes */
guint64                steward_attachment_get_size         (StewardAttachment *self);
/* The image's size in pixels (as stored, before any EXIF rotation);
 * 0 for the other kinds */
guint                  steward_attachment_get_width        (StewardAttachment *self);
guint                  steward_attachment_get_height       (StewardAttachment *self);
/* A PDF's page count; 0 for the other kinds */
guint                  steward_attachment_get_n_pages      (StewardAttachment *self);
/* An audio file's length in seconds; 0 when unknown or not audio */
double                 steward_attachment_get_duration     (StewardAttachment *self);
/* The text sent for a PDF (its pages under markers, kept beside the
 * copy as HASH.txt) or a text file, read from the attachments folder
 * (blocking); NULL with @error for an image or audio file, or when the
 * copy is gone */
char                  *steward_attachment_dup_text         (StewardAttachment  *self,
                                                            GCancellable       *cancellable,
                                                            GError            **error);
/* (transfer none): the copy in attachments/ */
GFile                 *steward_attachment_get_file         (StewardAttachment *self);

G_END_DECLS
