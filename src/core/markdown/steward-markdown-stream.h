/* steward-markdown-stream.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-markdown-pango.h"

G_BEGIN_DECLS

/* Streaming: a reply arrives a few characters at a time. Blocks are
 * committed once they can no longer change, so that the view builds each
 * block widget once; the committed blocks are exactly those that
 * steward_markdown_parse() gives for the whole text. */
typedef struct _StewardMarkdownStream StewardMarkdownStream;

StewardMarkdownStream *steward_markdown_stream_new         (void);
void                   steward_markdown_stream_free        (StewardMarkdownStream *self);
/* Appends @text (which may end inside a UTF-8 sequence); returns how many
 * blocks this completed. They are at the end of the array that
 * steward_markdown_stream_get_blocks() returns. */
guint                  steward_markdown_stream_append      (StewardMarkdownStream *self,
                                                            const char            *text,
                                                            gssize                 len);
/* The committed blocks, complete and never to change again.
 * (transfer none) (element-type StewardMarkdownBlock) */
GPtrArray             *steward_markdown_stream_get_blocks  (StewardMarkdownStream *self);
/* The source text after the last committed block, still growing, to show
 * as plain (escaped) text until it closes: leading blank lines and trailing
 * newlines left out; "" when none. (transfer none): valid until the next
 * append or finish. */
const char            *steward_markdown_stream_get_pending (StewardMarkdownStream *self);
/* The stream ended: commits the rest; returns how many blocks that added.
 * Nothing may be appended afterwards. */
guint                  steward_markdown_stream_finish      (StewardMarkdownStream *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardMarkdownStream, steward_markdown_stream_free)

G_END_DECLS
