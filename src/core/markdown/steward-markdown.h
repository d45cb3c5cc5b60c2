/* steward-markdown.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Markdown (GitHub dialect, raw HTML shown as text) turned into a flat list
 * of blocks that the chat view renders natively, one widget per block. */
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

/* (element-type StewardMarkdownBlock) (transfer full): the free function is
 * set. @len may be -1 for a NUL-terminated string; invalid UTF-8 is
 * replaced by U+FFFD. */
GPtrArray *steward_markdown_parse       (const char                 *text,
                                         gssize                      len);
void       steward_markdown_block_free  (StewardMarkdownBlock       *block);
gboolean   steward_markdown_block_equal (const StewardMarkdownBlock *a,
                                         const StewardMarkdownBlock *b);
/* Whether @text has a line defining a reference link ("[label]: url"). */
gboolean   steward_markdown_has_link_definitions (const char *text);

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

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardMarkdownBlock, steward_markdown_block_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardMarkdownStream, steward_markdown_stream_free)

G_END_DECLS
