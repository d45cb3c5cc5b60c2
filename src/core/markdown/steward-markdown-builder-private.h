/* steward-markdown-builder-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <md4c.h>

#include "steward-markdown-private.h"

G_BEGIN_DECLS

/* The state of one md4c pass building a tree: steward-markdown.c handles
 * md4c's block events, steward-markdown-inlines.c its span and text
 * events. */

#define REPLACEMENT_CHARACTER "\xEF\xBF\xBD"

typedef struct
{
  /* NULL for the top of a leaf, and for a span that made no run (a link
   * left out): its content goes to the run around it */
  StewardMarkdownInline  *node;
  /* Where the next run goes */
  StewardMarkdownInline **tail;
  /* The md4c span type; -1 for the top of a leaf */
  int                     type;
} StewardMarkdownInlineFrame;

/* Deep enough for what people write; deeper spans go to the heap */
#define N_EMBEDDED_FRAMES 16

typedef struct
{
  const char                 *source;
  gsize                       source_len;

  /* Owned */
  StewardMarkdownTree        *tree;
  /* Text not yet in the tree: a run's (until a span opens or closes), a
   * code block's, or an attribute being decoded */
  GString                    *text;

  /* The innermost open LIST, ITEM or QUOTE (NULL for the document), and
   * where its next child goes */
  StewardMarkdownNode        *container;
  StewardMarkdownNode       **tail;

  /* The block the text goes to: a paragraph, heading or table takes runs
   * (@in_inline), a code block the text verbatim (@in_code) */
  StewardMarkdownNode        *leaf;
  gboolean                    in_inline;
  gboolean                    in_code;
  /* A tight list item's text comes without a paragraph around it */
  gboolean                    implicit_paragraph;

  /* The open spans, while @in_inline: the leaf's top first */
  StewardMarkdownInlineFrame *frames;
  guint                       n_frames;
  guint                       frames_size;
  StewardMarkdownInlineFrame  embedded_frames[N_EMBEDDED_FRAMES];

  /* Links that made a run, open now */
  guint                       open_links;
  /* An image or code span: its text is plain, spans inside are left out;
   * @opaque_depth counts the spans open in it, itself included */
  StewardMarkdownInline      *opaque;
  guint                       opaque_depth;

  /* Tables */
  StewardMarkdownNode        *table;
  GPtrArray                  *cells;      /* StewardMarkdownInline *, row-major; NULL before a table */
  GArray                     *alignments; /* StewardMarkdownAlign, of the first row; likewise */
  StewardMarkdownInline      *cell;
  guint                       row;
  guint                       row_cells;
} StewardMarkdownBuilder;

/* steward-markdown.c */
void _steward_markdown_builder_ensure_inline (StewardMarkdownBuilder  *self);

/* steward-markdown-inlines.c */
void _steward_markdown_builder_begin_inline  (StewardMarkdownBuilder  *self,
                                              StewardMarkdownNode     *leaf,
                                              StewardMarkdownInline  **first);
void _steward_markdown_builder_end_inline    (StewardMarkdownBuilder  *self);
void _steward_markdown_builder_clear_frames  (StewardMarkdownBuilder  *self);
int  _steward_markdown_builder_enter_span    (MD_SPANTYPE              type,
                                              void                    *detail,
                                              void                    *user_data);
int  _steward_markdown_builder_leave_span    (MD_SPANTYPE              type,
                                              void                    *detail,
                                              void                    *user_data);
int  _steward_markdown_builder_text          (MD_TEXTTYPE              type,
                                              const MD_CHAR           *text,
                                              MD_SIZE                  size,
                                              void                    *user_data);
/* An attribute (a link's target, a code block's info string) with its
 * entities decoded, copied into the tree; NULL when empty */
const char *_steward_markdown_builder_dup_attribute (StewardMarkdownBuilder *self,
                                                     const MD_ATTRIBUTE     *attribute);

G_END_DECLS
