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

/* steward_markdown_parse_tree() of valid UTF-8. */
StewardMarkdownTree  *_steward_markdown_parse_tree_valid (const char                *text,
                                                          gsize                      len);
/* steward_markdown_parse() of valid UTF-8, also giving each block's span
 * (element-type StewardMarkdownSpan) when @spans_out is not %NULL. */
GPtrArray            *_steward_markdown_parse_valid      (const char                *text,
                                                          gsize                      len,
                                                          GArray                   **spans_out);
/* steward_markdown_pango_render(), appending each block's span to @spans
 * when it is not %NULL. */
GPtrArray            *_steward_markdown_pango_render     (const StewardMarkdownTree *tree,
                                                          GArray                    *spans);

/* Building a tree: nodes and strings live in the tree's own memory, freed
 * all at once with it. */
StewardMarkdownTree   *_steward_markdown_tree_new         (void);
/* Where the first top-level block goes */
StewardMarkdownNode  **_steward_markdown_tree_get_root    (StewardMarkdownTree       *self);
StewardMarkdownNode   *_steward_markdown_tree_new_node    (StewardMarkdownTree       *self,
                                                           StewardMarkdownNodeKind    kind);
StewardMarkdownInline *_steward_markdown_tree_new_inline  (StewardMarkdownTree       *self,
                                                           StewardMarkdownInlineKind  kind);
gpointer               _steward_markdown_tree_alloc       (StewardMarkdownTree       *self,
                                                           gsize                      size);
const char            *_steward_markdown_tree_strndup     (StewardMarkdownTree       *self,
                                                           const char                *text,
                                                           gsize                      len);

G_END_DECLS
