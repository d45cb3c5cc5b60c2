/* steward-docx-inline.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The Markdown of one paragraph of a Word document, built run by run:
 * runs with the same emphasis share one pair of markers ("**", "_", or
 * "*" inside a word, where "_" does not work), markers hug the text
 * (blanks go outside them, as Markdown requires), links close the
 * emphasis around them, and the text is escaped. */
typedef struct
{
  GString  *out;
  /* The open markers, outermost first: 'B' bold, 'I' italic */
  char      open[2];
  /* Where each opener is in @out, to drop an empty pair or turn "_"
   * into "*" when the closer lands inside a word */
  gsize     open_pos[2];
  guint     n_open;
  gboolean  at_line_start;
  gboolean  allow_breaks;
  gboolean  allow_bold;
  gboolean  in_link;
  gsize     link_start;
  /* Monospaced runs waiting to become one code span, and their
   * emphasis */
  GString  *code;
  gboolean  code_bold;
  gboolean  code_italic;
} StewardDocxInline;

/* @allow_breaks: FALSE in table cells and headings, where a line break
 * becomes a space; @allow_bold: FALSE in headings, which are bold
 * anyway. */
void  steward_docx_inline_init       (StewardDocxInline *self,
                                      gboolean           allow_breaks,
                                      gboolean           allow_bold);
void  steward_docx_inline_text       (StewardDocxInline *self,
                                      const char        *text,
                                      gboolean           bold,
                                      gboolean           italic);
/* Text in a monospaced font or a code style: a code span, not escaped */
void  steward_docx_inline_code       (StewardDocxInline *self,
                                      const char        *text,
                                      gboolean           bold,
                                      gboolean           italic);
void  steward_docx_inline_break      (StewardDocxInline *self);
void  steward_docx_inline_link_start (StewardDocxInline *self);
/* @url: NULL keeps the text without a link */
void  steward_docx_inline_link_end   (StewardDocxInline *self,
                                      const char        *url);
/* The Markdown, trimmed; frees the rest of @self */
char *steward_docx_inline_finish     (StewardDocxInline *self);

G_END_DECLS
