/* steward-attachment-parts.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-chat-request.h"

G_BEGIN_DECLS

/* The attachments of a message as each provider kind sends them: an
 * image as base64 bytes with their MIME type (turned, scaled to the
 * kind's longest side, re-encoded: see steward-image-prepare.h), a PDF
 * or text file as text with its name, in the order attached. */

/* The longest side of an image each kind is sent (what each API scales
 * to anyway: sending more only costs time) */
#define STEWARD_OPENAI_IMAGE_EDGE    2048
#define STEWARD_ANTHROPIC_IMAGE_EDGE 1568
#define STEWARD_GEMINI_IMAGE_EDGE    3072
#define STEWARD_OLLAMA_IMAGE_EDGE    1344

typedef struct
{
  /* A text part, or NULL for an image */
  char *text;
  /* An image: its MIME type ("image/jpeg") and bytes in base64 */
  char *mime_type;
  char *base64;
} StewardAttachmentPart;

/* (element-type StewardAttachmentPart) (nullable): the parts of
 * @message's attachments, NULL when it has none: those made ready
 * beforehand (message->parts, when made for @max_edge), else made now,
 * blocking. An attachment that can no longer be read becomes a text part
 * saying so, never a failed request. */
GPtrArray *_steward_attachment_parts_new (const StewardChatMessage *message,
                                          guint                     max_edge);

/* The longest side of the images sent to a provider of @kind
 * ("openai", "anthropic", …) */
guint      _steward_attachment_parts_edge (const char *kind);

/* @attachment made ready to send, blocking (call it in a worker): an
 * image decoded at the size it is sent at most, scaled and encoded; a
 * PDF's or text file's text with its name; for an audio file, the note
 * that it has not been transcribed (the chat turn transcribes: see
 * _steward_attachment_part_new_transcript()). NULL with @error, one
 * sentence naming the file, when it cannot be read. */
StewardAttachmentPart *_steward_attachment_part_new            (StewardAttachment  *attachment,
                                                                guint               max_edge,
                                                                GCancellable       *cancellable,
                                                                GError            **error);
/* A text part saying that @attachment could not be read, and why */
StewardAttachmentPart *_steward_attachment_part_new_unreadable (StewardAttachment  *attachment,
                                                                const GError       *error);
/* The part of an audio file: its transcript, under its name */
StewardAttachmentPart *_steward_attachment_part_new_transcript (StewardAttachment  *attachment,
                                                                const char         *transcript);
void                   _steward_attachment_part_free           (gpointer            part);

G_END_DECLS
