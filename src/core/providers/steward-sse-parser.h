/* steward-sse-parser.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One dispatched server-sent event: @event is the `event:` field (or
 * "message" when there was none) and @data the `data:` lines joined with
 * LF, as the HTML specification's event-stream interpretation says. */
typedef gboolean (*StewardSseEventFunc) (const char  *event,
                                         const char  *data,
                                         gpointer     user_data,
                                         GError     **error);

typedef struct _StewardSseParser StewardSseParser;

StewardSseParser *steward_sse_parser_new    (StewardSseEventFunc  func,
                                             gpointer             user_data);
void              steward_sse_parser_free   (StewardSseParser    *self);
gboolean          steward_sse_parser_feed   (StewardSseParser    *self,
                                             const char          *data,
                                             gsize                len,
                                             GError             **error);
/* The stream ended: an event not yet followed by a blank line is
 * dispatched too (servers that close right after the last data line). */
gboolean          steward_sse_parser_finish (StewardSseParser    *self,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardSseParser, steward_sse_parser_free)

G_END_DECLS
