/* steward-markdown-tree.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Markdown as a tree that says what the text is, not how it looks: the
 * chat view renders it to Pango markup (steward-markdown-pango.h), the
 * document export to its own formats. Built by steward_markdown_parse_tree().
 *
 * The tree is read-only and owns every node and string in it: they live as
 * long as the tree. Siblings are linked through @next, and every node knows
 * its @parent, so a renderer can walk it without recursion (a hostile reply
 * may nest quotes or lists thousands deep). */

typedef enum {
  STEWARD_MARKDOWN_NODE_PARAGRAPH,
  STEWARD_MARKDOWN_NODE_HEADING,
  STEWARD_MARKDOWN_NODE_LIST,
  STEWARD_MARKDOWN_NODE_ITEM,
  STEWARD_MARKDOWN_NODE_CODE,
  STEWARD_MARKDOWN_NODE_QUOTE,
  STEWARD_MARKDOWN_NODE_TABLE,
  STEWARD_MARKDOWN_NODE_RULE,
} StewardMarkdownNodeKind;

typedef enum {
  /* Text as it reads: entities decoded, soft line breaks turned into
   * spaces */
  STEWARD_MARKDOWN_INLINE_TEXT,
  STEWARD_MARKDOWN_INLINE_EMPHASIS,
  STEWARD_MARKDOWN_INLINE_STRONG,
  STEWARD_MARKDOWN_INLINE_STRIKETHROUGH,
  STEWARD_MARKDOWN_INLINE_UNDERLINE,
  STEWARD_MARKDOWN_INLINE_CODE,
  STEWARD_MARKDOWN_INLINE_LINK,
  STEWARD_MARKDOWN_INLINE_IMAGE,
  STEWARD_MARKDOWN_INLINE_LINE_BREAK,
} StewardMarkdownInlineKind;

typedef enum {
  STEWARD_MARKDOWN_ALIGN_DEFAULT,
  STEWARD_MARKDOWN_ALIGN_LEFT,
  STEWARD_MARKDOWN_ALIGN_CENTER,
  STEWARD_MARKDOWN_ALIGN_RIGHT,
} StewardMarkdownAlign;

typedef enum {
  STEWARD_MARKDOWN_TASK_NONE,
  STEWARD_MARKDOWN_TASK_UNCHECKED,
  STEWARD_MARKDOWN_TASK_CHECKED,
} StewardMarkdownTask;

typedef struct _StewardMarkdownTree   StewardMarkdownTree;
typedef struct _StewardMarkdownNode   StewardMarkdownNode;
typedef struct _StewardMarkdownInline StewardMarkdownInline;

/* A run of a paragraph's, heading's or table cell's content. */
struct _StewardMarkdownInline
{
  StewardMarkdownInlineKind  kind;
  /* The next run in the same parent, or NULL */
  StewardMarkdownInline     *next;
  /* The run holding this one, or NULL at the top of a block or cell */
  StewardMarkdownInline     *parent;
  /* EMPHASIS, STRONG, STRIKETHROUGH, UNDERLINE, LINK: the runs inside,
   * NULL when empty; else NULL */
  StewardMarkdownInline     *children;
  /* TEXT and CODE: the text, never NULL; IMAGE: its description as plain
   * text (spans inside it flattened); else NULL */
  const char                *text;
  /* LINK: the target, always an http:, https: or mailto: address (a link
   * to anything else is left out, its content kept, and so is a link
   * inside a link); IMAGE: the source as written, NULL when empty; else
   * NULL */
  const char                *href;
};

struct _StewardMarkdownNode
{
  StewardMarkdownNodeKind  kind;
  /* The next block in the same container, or NULL */
  StewardMarkdownNode     *next;
  /* The LIST, ITEM or QUOTE holding this block, or NULL at the top */
  StewardMarkdownNode     *parent;
  /* LIST: its ITEMs; ITEM and QUOTE: the blocks inside them; else NULL */
  StewardMarkdownNode     *children;
  /* PARAGRAPH and HEADING: their runs, NULL when empty; else NULL */
  StewardMarkdownInline   *inlines;
  /* Where the text that PARAGRAPH, HEADING, CODE and TABLE hold was in
   * the parsed (valid UTF-8) source: bytes from @source_first to before
   * @source_last; -1 when the block holds no text */
  gssize                   source_first;
  gssize                   source_last;

  union {
    struct {
      /* 1-6 */
      guint level;
    } heading;

    struct {
      gboolean ordered;
      /* ORDERED: the number of the first item */
      guint    start;
      /* Whether no blank line separates the items (the paragraphs inside
       * are then shown without space between them) */
      gboolean tight;
    } list;

    struct {
      StewardMarkdownTask task;
    } item;

    struct {
      /* The info string's first word ("python"), or NULL */
      const char *language;
      /* Verbatim, without the final newline; never NULL */
      const char *text;
      /* Fenced with ``` or ~~~, rather than indented */
      gboolean    fenced;
    } code;

    struct {
      guint                         n_columns;
      guint                         n_rows;
      /* Rows at the top that are headers */
      guint                         header_rows;
      /* n_columns long */
      const StewardMarkdownAlign   *alignments;
      /* n_rows * n_columns, row-major: the first run of each cell, NULL
       * for an empty cell */
      StewardMarkdownInline *const *cells;
    } table;
  };
};

#define STEWARD_TYPE_MARKDOWN_TREE (steward_markdown_tree_get_type ())

GType                      steward_markdown_tree_get_type   (void);
StewardMarkdownTree       *steward_markdown_tree_ref        (StewardMarkdownTree       *self);
void                       steward_markdown_tree_unref      (StewardMarkdownTree       *self);
/* The first top-level block, or NULL for an empty text. */
const StewardMarkdownNode *steward_markdown_tree_get_blocks (const StewardMarkdownTree *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardMarkdownTree, steward_markdown_tree_unref)

G_END_DECLS
