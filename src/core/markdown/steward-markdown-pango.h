/* steward-markdown-pango.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-markdown-tree.h"

G_BEGIN_DECLS

/* A Markdown tree as the flat list of blocks the chat view shows, one
 * widget per block, their text as Pango markup. */
typedef enum {
  STEWARD_MARKDOWN_PARAGRAPH,
  STEWARD_MARKDOWN_HEADING,
  STEWARD_MARKDOWN_LIST_ITEM,
  STEWARD_MARKDOWN_CODE,
  STEWARD_MARKDOWN_QUOTE,
  STEWARD_MARKDOWN_TABLE,
  STEWARD_MARKDOWN_RULE,
} StewardMarkdownKind;

typedef struct {
  StewardMarkdownKind kind;
  /* HEADING: 1-6; LIST_ITEM: nesting depth, 0 = top; QUOTE: quote depth,
   * 1 = "> "; CODE and TABLE: depth of the list item holding them (0 also
   * outside lists); else 0 */
  guint      level;
  /* LIST_ITEM: "•", "◦", "▪" by depth, "3." in ordered lists, "☐"/"☑" for
   * task items, and "" for a further paragraph of the same item (a paragraph
   * after a nested list or code block, or the second paragraph of a loose
   * item); else NULL */
  char      *bullet;
  /* PARAGRAPH, HEADING, LIST_ITEM, QUOTE: Pango markup, never NULL (escaped
   * text with <b>, <i>, <s>, <u>, <tt> and <a href> for http, https and
   * mailto links); else NULL */
  char      *markup;
  /* CODE: the code, verbatim, without the final newline; else NULL */
  char      *text;
  /* CODE: the info string's first word ("python"), or NULL */
  char      *language;
  /* TABLE: columns, and the cells' Pango markup (char *), row-major, header
   * row first; every row has n_columns cells */
  guint      n_columns;
  GPtrArray *cells;
  guint      header_rows;
  /* TABLE: per-column alignment, 'l', 'c' or 'r', n_columns long */
  char      *alignments;
} StewardMarkdownBlock;

/* (element-type StewardMarkdownBlock) (transfer full): the free function
 * is set. */
GPtrArray *steward_markdown_pango_render  (const StewardMarkdownTree  *tree);
void       steward_markdown_block_free    (StewardMarkdownBlock       *block);
gboolean   steward_markdown_block_equal   (const StewardMarkdownBlock *a,
                                           const StewardMarkdownBlock *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardMarkdownBlock, steward_markdown_block_free)

G_END_DECLS
