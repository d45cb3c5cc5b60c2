/* steward-document-layout.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include "steward-document-layout.h"
#include "steward-document-layout-private.h"
#include "steward-markdown.h"

/* Rows (steward-document-rows.c) broken into pages, which
 * steward-document-layout-draw.c draws.
 *
 * A placement is a slice of a row, from one y to another inside it, put at
 * a y on a page. A row that does not fit is cut between two lines: where
 * no cell has a line across the cut. Table header rows are placed again at
 * the top of every page a table continues on. Every step places a slice
 * that is not empty or starts a page that was not, so the loop ends even
 * for a row taller than a page: on an empty page that row is cut where
 * the page ends, and a line taller than a page overflows it. */

G_DEFINE_FINAL_TYPE (StewardDocumentLayout, steward_document_layout, G_TYPE_OBJECT)

static void
steward_document_layout_finalize (GObject *object)
{
  StewardDocumentLayout *self = (StewardDocumentLayout *)object;

  g_clear_pointer (&self->source, steward_export_source_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->headings, g_array_unref);
  g_clear_pointer (&self->placements, g_array_unref);
  g_clear_pointer (&self->pages, g_array_unref);
  g_clear_pointer (&self->style.body_font, pango_font_description_free);
  g_clear_pointer (&self->style.bold_font, pango_font_description_free);
  g_clear_pointer (&self->style.mono_font, pango_font_description_free);
  for (guint i = 0; i < G_N_ELEMENTS (self->style.heading_fonts); i++)
    g_clear_pointer (&self->style.heading_fonts[i], pango_font_description_free);
  g_clear_pointer (&self->title_font, pango_font_description_free);
  g_clear_pointer (&self->subtitle_font, pango_font_description_free);
  g_clear_pointer (&self->footer_font, pango_font_description_free);
  g_clear_object (&self->style.context);
  g_clear_object (&self->font_map);

  G_OBJECT_CLASS (steward_document_layout_parent_class)->finalize (object);
}

static void
steward_document_layout_class_init (StewardDocumentLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_document_layout_finalize;
}

static void
steward_document_layout_init (StewardDocumentLayout *self)
{
  self->rows = g_ptr_array_new_with_free_func (_steward_document_row_free);
  self->headings = g_array_new (FALSE, FALSE, sizeof (DocumentHeading));
  g_array_set_clear_func (self->headings, _steward_document_heading_clear);
  self->placements = g_array_new (FALSE, FALSE, sizeof (Placement));
  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
}

static PangoFontDescription *
font_new (const char  *family,
          double       size,
          PangoWeight  weight,
          PangoStyle   style)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  return font;
}

/* Its own font map at 72 dpi, so a Pango unit is a point, with unhinted
 * metrics: a page breaks the same way whatever it is drawn on. A font map
 * of one's own also keeps a worker thread off the default one. */
static void
setup_style (StewardDocumentLayout *self)
{
  static const double heading_sizes[] = { 20, 16, 13.5, 12, 11, 11 };
  cairo_font_options_t *options;

  self->font_map = pango_cairo_font_map_new ();
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (self->font_map), 72);
  self->style.context = pango_font_map_create_context (self->font_map);
  pango_context_set_round_glyph_positions (self->style.context, FALSE);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->style.context, options);
  cairo_font_options_destroy (options);

  self->style.body_font = font_new ("Sans", 10.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->style.bold_font = font_new ("Sans", 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->style.mono_font = font_new ("Monospace", 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  for (guint i = 0; i < G_N_ELEMENTS (heading_sizes); i++)
    self->style.heading_fonts[i] = font_new ("Sans", heading_sizes[i], PANGO_WEIGHT_BOLD,
                                             i == 5 ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
  self->title_font = font_new ("Sans", 26, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL);
  self->subtitle_font = font_new ("Sans", 14, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  self->footer_font = font_new ("Sans", 9, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
}

StewardDocumentLayout *
steward_document_layout_new (StewardExportSource *source,
                             double               page_width,
                             double               page_height,
                             double               margin)
{
  StewardDocumentLayout *self;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (page_width > 2 * margin + 72, NULL);
  g_return_val_if_fail (page_height > 2 * margin + 72, NULL);

  self = g_object_new (STEWARD_TYPE_DOCUMENT_LAYOUT, NULL);
  self->source = steward_export_source_ref (source);
  self->page_width = page_width;
  self->page_height = page_height;
  self->margin = margin;
  setup_style (self);
  self->style.content_width = page_width - 2 * margin;

  return self;
}

typedef struct
{
  StewardExportProgressFunc progress;
  gpointer                  progress_data;
  gsize                     done;
  gsize                     total;
} Progress;

static void
section_progress_cb (gsize    n_bytes,
                     gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->progress != NULL)
    progress->progress (0.9 * MIN ((double) (progress->done + n_bytes) / progress->total, 1),
                        progress->progress_data);
}

/* Page breaking */

typedef struct
{
  StewardDocumentLayout *self;
  double                 top;
  double                 bottom;
  double                 y;
  /* Whether the page holds nothing yet, or only repeated header rows */
  gboolean               fresh;
  /* The open table's header rows */
  guint                  table;
  guint                  header_first;
  guint                  header_end;
  double                 header_height;
} Pager;

static void
new_page (Pager *pager)
{
  guint first = pager->self->placements->len;

  g_array_append_val (pager->self->pages, first);
  pager->y = pager->top;
  pager->fresh = TRUE;
}

static void
place (Pager  *pager,
       guint   row,
       double  from,
       double  to)
{
  Placement placement = { row, from, to, pager->y };

  g_array_append_val (pager->self->placements, placement);
  pager->y += to - from;
  pager->fresh = FALSE;
}

static guint
first_line_from (const DocumentCell *cell,
                 double              y)
{
  guint lo = 0, hi = cell->n_lines;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (cell->lines[mid].top < y)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* Where to end a slice of @row starting at @from that may reach @limit:
 * @limit moved up above any line it would cut. */
static double
cut_row (const DocumentRow *row,
         double             from,
         double             limit)
{
  double end = limit;

  if (row->n_cells == 0)
    return from;

  for (guint c = 0; c < row->n_cells; c++)
    {
      const DocumentCell *cell = &row->cells[c];
      guint lo = 0, hi = cell->n_lines;

      /* The first line whose bottom is below the limit */
      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (cell->lines[mid].bottom <= limit)
            lo = mid + 1;
          else
            hi = mid;
        }

      if (lo < cell->n_lines && cell->lines[lo].top < limit)
        end = MIN (end, cell->lines[lo].top);
    }

  /* A slice with no whole line in it would be an empty sliver of
   * padding: then nothing fits */
  for (guint c = 0; c < row->n_cells; c++)
    {
      const DocumentCell *cell = &row->cells[c];
      guint first = first_line_from (cell, from);

      if (first < cell->n_lines && cell->lines[first].bottom <= end)
        return end;
    }

  return from;
}

/* No paragraph leaves its first line alone at the end of a page, nor its
 * last alone at the top of the next, where it has lines to spare. */
static double
keep_lines_together (const DocumentRow *row,
                     double             from,
                     double             end,
                     gboolean           fresh)
{
  const DocumentCell *cell = row->cells;
  guint first = first_line_from (cell, from);
  guint cut = first_line_from (cell, end);

  if (cut - first == 1 && first == 0 && !fresh)
    return from;

  if (cell->n_lines - cut == 1 && cut - first >= 3)
    return cell->lines[cut - 1].top;

  return end;
}

static void
place_headers (Pager *pager)
{
  for (guint i = pager->header_first; i < pager->header_end; i++)
    {
      const DocumentRow *header = g_ptr_array_index (pager->self->rows, i);

      place (pager, i, 0, header->height);
    }
  pager->fresh = TRUE;
}

static void
place_row (Pager *pager,
           guint  index)
{
  const DocumentRow *row = g_ptr_array_index (pager->self->rows, index);
  double from = 0;

  if (row->table != pager->table)
    {
      pager->table = row->table;
      pager->header_first = pager->header_end = index;
      pager->header_height = 0;
    }
  if (row->table_header && pager->header_end == index)
    {
      pager->header_end = index + 1;
      pager->header_height += row->height;
    }

  if (row->page_break_before && !pager->fresh)
    new_page (pager);

  if (!pager->fresh)
    {
      pager->y += row->space_before;

      /* A heading stays with the start of what follows it */
      if (row->keep_with_next && index + 1 < pager->self->rows->len)
        {
          const DocumentRow *next = g_ptr_array_index (pager->self->rows, index + 1);

          if (pager->y + row->height + MIN (next->height, 40) > pager->bottom)
            new_page (pager);
        }
    }

  for (;;)
    {
      double available;
      double end;

      if (pager->fresh && pager->y == pager->top && row->table != 0 && !row->table_header &&
          pager->header_end > pager->header_first &&
          pager->header_height < (pager->bottom - pager->top) / 3)
        place_headers (pager);

      available = pager->bottom - pager->y;
      if (row->height - from <= available)
        {
          place (pager, index, from, row->height);
          return;
        }

      /* A table row short enough goes to the next page whole */
      if (row->kind == DOCUMENT_ROW_TABLE && !pager->fresh &&
          row->height < (pager->bottom - pager->top) / 4)
        end = from;
      else
        end = cut_row (row, from, from + available);

      if (row->kind == DOCUMENT_ROW_TEXT && end > from)
        end = keep_lines_together (row, from, end, pager->fresh);
      if (end <= from + 0.01)
        {
          if (!pager->fresh)
            {
              new_page (pager);
              continue;
            }
          end = from + MAX (available, 12);
        }

      place (pager, index, from, end);
      from = end;
      new_page (pager);
    }
}

gboolean
steward_document_layout_paginate (StewardDocumentLayout      *self,
                                  StewardExportProgressFunc   progress,
                                  gpointer                    progress_data,
                                  GCancellable               *cancellable,
                                  GError                    **error)
{
  Progress section_progress = { progress, progress_data, 0, 0 };
  Pager pager = { self };
  guint n_sections;
  guint n_tables = 0;

  g_return_val_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self), FALSE);
  g_return_val_if_fail (!self->paginated, FALSE);

  self->paginated = TRUE;
  n_sections = steward_export_source_get_n_sections (self->source);
  section_progress.total = MAX (steward_export_source_get_n_bytes (self->source), 1);

  for (guint i = 0; i < n_sections; i++)
    {
      const char *markdown = steward_export_source_get_section_markdown (self->source, i);
      g_autoptr(StewardMarkdownTree) tree = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      tree = steward_markdown_parse_tree (markdown, -1);
      if (!_steward_document_add_section (&self->style,
                                          steward_export_source_get_section_title (self->source, i),
                                          tree, self->rows, self->headings, &n_tables,
                                          section_progress_cb, &section_progress,
                                          cancellable))
        {
          g_cancellable_set_error_if_cancelled (cancellable, error);
          return FALSE;
        }
      section_progress.done += strlen (markdown);
      section_progress_cb (0, &section_progress);
    }

  /* Page 0 is the title page */
  new_page (&pager);
  pager.top = self->margin;
  pager.bottom = self->page_height - self->margin;
  if (self->rows->len > 0)
    new_page (&pager);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const DocumentRow *row = g_ptr_array_index (self->rows, i);

      if (i % 256 == 0 && g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      place_row (&pager, i);
      if (row->heading != 0)
        g_array_index (self->headings, DocumentHeading, row->heading - 1).page = self->pages->len - 1;
    }

  /* A row may end exactly at a page's end, leaving an empty page behind */
  if (self->pages->len > 1 &&
      g_array_index (self->pages, guint, self->pages->len - 1) == self->placements->len)
    g_array_set_size (self->pages, self->pages->len - 1);

  if (progress != NULL)
    progress (1, progress_data);

  return TRUE;
}

guint
steward_document_layout_get_n_pages (StewardDocumentLayout *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self), 0);

  return MAX (self->pages->len, 1);
}

double
steward_document_layout_get_page_width (StewardDocumentLayout *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self), 0);

  return self->page_width;
}

double
steward_document_layout_get_page_height (StewardDocumentLayout *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self), 0);

  return self->page_height;
}

guint
steward_document_layout_get_n_headings (StewardDocumentLayout *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self), 0);

  return self->headings->len;
}

void
steward_document_layout_get_heading (StewardDocumentLayout  *self,
                                     guint                   index,
                                     guint                  *level,
                                     const char            **text,
                                     const char            **dest,
                                     guint                  *page)
{
  const DocumentHeading *heading;

  g_return_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self));
  g_return_if_fail (index < self->headings->len);

  heading = &g_array_index (self->headings, DocumentHeading, index);
  if (level != NULL)
    *level = heading->level;
  if (text != NULL)
    *text = heading->text;
  if (dest != NULL)
    *dest = heading->dest;
  if (page != NULL)
    *page = heading->page;
}
