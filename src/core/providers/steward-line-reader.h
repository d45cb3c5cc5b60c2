/* steward-line-reader.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Splits a byte stream into lines however it is cut: a piece may end in
 * the middle of a line, a UTF-8 sequence or a CRLF. LF, CRLF and a lone
 * CR all end a line (as SSE allows). The line is handed over without its
 * ending, as a NUL-terminated string valid until the callback returns.
 * Returning FALSE from the callback stops the feed and makes it fail. */
/* A longer line fails the feed with G_IO_ERROR_MESSAGE_TOO_LARGE: an
 * endless line must not take all the memory there is. */
#define STEWARD_LINE_READER_MAX_LINE (16 * 1024 * 1024)

typedef gboolean (*StewardLineFunc) (const char  *line,
                                     gsize        len,
                                     gpointer     user_data,
                                     GError     **error);

typedef struct _StewardLineReader StewardLineReader;

StewardLineReader *steward_line_reader_new    (StewardLineFunc     func,
                                               gpointer            user_data);
void               steward_line_reader_free   (StewardLineReader  *self);
gboolean           steward_line_reader_feed   (StewardLineReader  *self,
                                               const char         *data,
                                               gsize               len,
                                               GError            **error);
/* Hands over a last line that had no ending. */
gboolean           steward_line_reader_finish (StewardLineReader  *self,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardLineReader, steward_line_reader_free)

G_END_DECLS
