/* steward-document-layout-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <pango/pangocairo.h>

#include "steward-document-layout.h"
#include "steward-markdown-tree.h"

G_BEGIN_DECLS

/* What the document layout is made of, shared by the files that turn the
 * Markdown tree into rows (steward-document-rows.c, with the runs of a
 * block in steward-document-inlines.c), break rows into pages
 * (steward-document-layout.c) and draw them
 * (steward-document-layout-draw.c).
 *
 * A row is a band across the page: a paragraph, a heading, a code block,
 * one table row, a rule. It holds cells (one, or a table row's), each a
 * PangoLayout laid out once, with the position of every line measured
 * once, so that pagination can cut a row between two lines and drawing can
 * show just the lines of a slice. All lengths are in points; y inside a
 * row is from the row's top. */

/* The quote bars drawn beside a row: deeper quotes are indented but get no
 * more bars */
#define DOCUMENT_MAX_BARS 8

typedef enum {
  DOCUMENT_ROW_TEXT,
  DOCUMENT_ROW_CODE,
  DOCUMENT_ROW_TABLE,
  DOCUMENT_ROW_RULE,
} DocumentRowKind;

typedef struct
{
  PangoLayoutLine *line;
  float            top;
  float            bottom;
  float            baseline;
  /* Where the line starts from the cell's text origin (alignment, right
   * to left) */
  float            x;
} DocumentLine;

typedef struct
{
  char *uri;
  int   start;
  int   end;
} DocumentLink;

typedef struct
{
  PangoLayout  *layout;
  /* The box (borders, background) from the left margin, and the text's
   * left edge */
  double        box_x;
  double        box_width;
  double        text_x;
  DocumentLine *lines;
  guint         n_lines;
  /* (element-type DocumentLink) or NULL */
  GArray       *links;
} DocumentCell;

typedef struct
{
  DocumentRowKind  kind;
  guint            page_break_before : 1;
  guint            keep_with_next : 1;
  guint            table_header : 1;
  /* Rows of one table share it; 0 outside tables */
  guint            table;
  /* 1 + the index of the heading this row is, or 0 */
  guint            heading;
  double           space_before;
  double           height;
  /* RULE: where it is drawn across */
  double           x;
  double           width;
  DocumentCell    *cells;
  guint            n_cells;
  /* A list item's marker, drawn before the first line, right-aligned at
   * bullet_x; NULL when none */
  PangoLayout     *bullet;
  double           bullet_x;
  guint            n_bars;
  double           bars[DOCUMENT_MAX_BARS];
} DocumentRow;

typedef struct
{
  guint  level;
  char  *text;
  char  *dest;
  guint  page;
} DocumentHeading;

typedef struct
{
  PangoContext         *context;
  PangoFontDescription *body_font;
  PangoFontDescription *bold_font;
  PangoFontDescription *mono_font;
  PangoFontDescription *heading_fonts[6];
  double                content_width;
} DocumentStyle;

/* A slice of a row, from one y to another inside it, placed at @y on a
 * page: see steward-document-layout.c */
typedef struct
{
  guint  row;
  float  from;
  float  to;
  float  y;
} Placement;

struct _StewardDocumentLayout
{
  GObject               parent_instance;

  /* Owned */
  StewardExportSource  *source;
  PangoFontMap         *font_map;
  DocumentStyle         style;
  PangoFontDescription *title_font;
  PangoFontDescription *subtitle_font;
  PangoFontDescription *footer_font;
  GPtrArray            *rows;        /* of DocumentRow */
  GArray               *headings;    /* of DocumentHeading */
  GArray               *placements;  /* of Placement */
  GArray               *pages;       /* the first placement of each page */

  double                page_width;
  double                page_height;
  double                margin;
  gboolean              paginated;
};

void  _steward_document_row_free   (gpointer             data);
void  _steward_document_heading_clear (gpointer          data);
/* How far into a section's Markdown the rows are, in bytes */
typedef void (*DocumentSectionProgress) (gsize    n_bytes,
                                         gpointer user_data);

/* Appends the rows of one section to @rows (of DocumentRow), its title
 * first as a level-1 heading on a new page, and its headings to
 * @headings (of DocumentHeading). @table_counter numbers the tables.
 * FALSE when @cancellable was cancelled (checked between blocks). */
gboolean _steward_document_add_section (const DocumentStyle        *style,
                                        const char                 *title,
                                        const StewardMarkdownTree  *tree,
                                        GPtrArray                  *rows,
                                        GArray                     *headings,
                                        guint                      *table_counter,
                                        DocumentSectionProgress     progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable);
/* A layout of @first and the runs after it, @width wide (-1:
 * unbounded); its links appended to *@links (of DocumentLink), which is
 * made when NULL. */
PangoLayout *_steward_document_inline_layout (const DocumentStyle          *style,
                                              const StewardMarkdownInline  *first,
                                              const PangoFontDescription   *font,
                                              double                        width,
                                              PangoAlignment                alignment,
                                              GArray                      **links);
/* A layout of plain @text in @font, @width wide (-1: unbounded). */
PangoLayout *_steward_document_plain_layout (const DocumentStyle        *style,
                                             const char                 *text,
                                             const PangoFontDescription *font,
                                             double                      width,
                                             PangoAlignment              alignment);

G_END_DECLS
