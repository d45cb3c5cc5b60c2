/* steward-pdf-lines.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <poppler.h>

G_BEGIN_DECLS

/* The PDF in @data opened with poppler, or NULL with @error set to one
 * sentence naming the file (@name): a file cut short (poppler would mend
 * it and give the pages before the cut), damaged, or protected by a
 * password. Poppler 22 has no autoptr: the caller unrefs it. */
PopplerDocument *steward_pdf_open (GBytes      *data,
                                   const char  *name,
                                   GError     **error);

/* The lines of a PDF page as poppler gives them, with what the PDF reader
 * (steward-pdf-reader.c) guesses paragraphs, lists and headings from:
 * where each line sits, the size of its type, and whether it is a bullet
 * alone. */

/* Type this much larger than other type is set apart from it: a heading
 * from the body, a paragraph from the next */
#define STEWARD_PDF_SIZE_RATIO 1.15

typedef struct
{
  /* The line's text, blanks trimmed, in the page's text */
  const char *start;
  gsize       len;
  /* Its box, in points from the top left; top > bottom when it holds no
   * text or poppler gave no boxes */
  double      top;
  double      bottom;
  double      left;
  /* The largest size of its type, 0 when poppler did not say */
  double      size;
  /* Whether it is a bullet alone, set apart from its item's text */
  gboolean    bullet;
} StewardPdfLine;

/* (element-type StewardPdfLine): the page's lines, in reading order, an
 * empty one where poppler found the end of a block; they point into
 * @text, the page's text, which the caller frees after them */
GArray   *steward_pdf_lines_read         (PopplerPage          *page,
                                          char                **text);
/* How far apart most lines of the page are, as a multiple of their type
 * size (1.2 for 10 point type 12 points apart), 0 when there are too few
 * lines to tell */
double    steward_pdf_lines_leading      (GArray               *lines);
/* (element-type double): where the page's lone bullets are, left to
 * right, one entry per column of bullets; none on a page of thousands of
 * lines, which would cost lines × lines to match */
GArray   *steward_pdf_lines_bullet_lefts (GArray               *lines);
/* The nesting of the list item @line starts, by the bullet level with it
 * on its left (its column in @bullet_lefts); -1 beside no bullet */
int       steward_pdf_lines_item_level   (GArray               *lines,
                                          const StewardPdfLine *line,
                                          GArray               *bullet_lefts);
/* Whether sizes @a and @b (0: unknown) are clearly different */
gboolean  steward_pdf_sizes_differ       (double                a,
                                          double                b);
/* The length of the bullet and blanks @text starts with, 0 when it does
 * not start with a bullet */
gsize     steward_pdf_bullet_length      (const char           *text);

G_END_DECLS
