/* steward-markdown.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-markdown-pango.h"
#include "steward-markdown-plain.h"
#include "steward-markdown-stream.h"
#include "steward-markdown-tree.h"

G_BEGIN_DECLS

/* Markdown (GitHub dialect, raw HTML shown as text) read with md4c into a
 * renderer-neutral tree (steward-markdown-tree.h), which each renderer
 * walks: the chat view through steward-markdown-pango.h, the export
 * through its own. For both functions @len may be -1 for a NUL-terminated
 * string; invalid UTF-8 is replaced by U+FFFD. */

/* (transfer full) */
StewardMarkdownTree *steward_markdown_parse_tree            (const char *text,
                                                             gssize      len);
/* steward_markdown_pango_render() of steward_markdown_parse_tree().
 * (element-type StewardMarkdownBlock) (transfer full): the free function
 * is set. */
GPtrArray           *steward_markdown_parse                 (const char *text,
                                                             gssize      len);
/* Whether @text has a line defining a reference link ("[label]: url"). */
gboolean             steward_markdown_has_link_definitions  (const char *text);

G_END_DECLS
