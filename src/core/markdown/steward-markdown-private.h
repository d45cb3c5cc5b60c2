/* steward-markdown-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-markdown.h"

G_BEGIN_DECLS

/* Where a block's text came from in the source, to find where the block
 * still growing starts. Offsets of -1 when the block holds no source text
 * (rules, empty code blocks). */
typedef struct
{
  gssize   first;
  gssize   last;
  gboolean fenced;
} StewardMarkdownSpan;

/* steward_markdown_parse() of valid UTF-8, also giving each block's span
 * (element-type StewardMarkdownSpan) when @spans_out is not %NULL. */
GPtrArray *_steward_markdown_parse_valid (const char  *text,
                                          gsize        len,
                                          GArray     **spans_out);

G_END_DECLS
