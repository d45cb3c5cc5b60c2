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
 * @message's attachments, NULL when it has none. An attachment that can
 * no longer be read becomes a text part saying so, never a failed
 * request. */
GPtrArray *_steward_attachment_parts_new (const StewardChatMessage *message,
                                          guint                     max_edge);

G_END_DECLS
