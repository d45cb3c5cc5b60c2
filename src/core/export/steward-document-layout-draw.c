/* steward-document-layout-draw.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-document-layout-private.h"

/* A paginated layout's pages drawn: each placement's lines, with what
 * goes around them (a code block's tint, a table's borders, quote bars,
 * a list marker), the title page and the page numbers. Headings and links
 * become cairo tags. */

/* A link target as a cairo tag attribute: in single quotes, with quotes
 * and backslashes escaped. */
static void
append_quoted (GString    *out,
               const char *text)
{
  g_string_append_c (out, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* Whatever the locale's decimal separator, cairo reads points */
static void
append_number (GString  *out,
               gboolean  space,
               double    value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (space)
    g_string_append_c (out, ' ');
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static gboolean
line_in_slice (const DocumentLine *line,
               double              from,
               double              to,
               double              height)
{
  return line->top >= from && (line->top < to || to >= height);
}

static void
draw_links (cairo_t            *cr,
            const DocumentCell *cell,
            double              x,
            double              dy,
            double              from,
            double              to,
            double              height)
{
  for (guint l = 0; l < cell->links->len; l++)
    {
      const DocumentLink *link = &g_array_index (cell->links, DocumentLink, l);
      g_autoptr(GString) attributes = g_string_new ("rect=[");
      gboolean any = FALSE;

      for (guint i = 0; i < cell->n_lines; i++)
        {
          const DocumentLine *line = &cell->lines[i];
          int *ranges = NULL;
          int n_ranges = 0;

          if (!line_in_slice (line, from, to, height) ||
              link->end <= line->line->start_index ||
              link->start >= line->line->start_index + line->line->length)
            continue;

          pango_layout_line_get_x_ranges (line->line, link->start, link->end, &ranges, &n_ranges);
          for (int r = 0; r < n_ranges; r++)
            {
              double left = x + (double) ranges[2 * r] / PANGO_SCALE;
              double right = x + (double) ranges[2 * r + 1] / PANGO_SCALE;

              if (right <= left)
                continue;
              append_number (attributes, any, left);
              append_number (attributes, TRUE, line->top + dy);
              append_number (attributes, TRUE, right - left);
              append_number (attributes, TRUE, line->bottom - line->top);
              any = TRUE;
            }
          g_free (ranges);
        }

      if (!any)
        continue;

      g_string_append (attributes, "] uri=");
      append_quoted (attributes, link->uri);
      cairo_tag_begin (cr, CAIRO_TAG_LINK, attributes->str);
      cairo_tag_end (cr, CAIRO_TAG_LINK);
    }
}

static void
draw_slice (StewardDocumentLayout *self,
            cairo_t               *cr,
            const Placement       *placement)
{
  const DocumentRow *row = g_ptr_array_index (self->rows, placement->row);
  double left = self->margin;
  double from = placement->from;
  double to = placement->to;
  double dy = placement->y - from;
  double y = placement->y;
  double h = to - from;

  if (row->kind == DOCUMENT_ROW_CODE)
    {
      cairo_set_source_rgb (cr, 0.95, 0.95, 0.95);
      cairo_rectangle (cr, left + row->cells->box_x, y, row->cells->box_width, h);
      cairo_fill (cr);
    }
  else if (row->kind == DOCUMENT_ROW_TABLE)
    {
      cairo_set_line_width (cr, 0.6);
      for (guint c = 0; c < row->n_cells; c++)
        {
          cairo_rectangle (cr, left + row->cells[c].box_x, y, row->cells[c].box_width, h);
          if (row->table_header)
            {
              cairo_set_source_rgb (cr, 0.9, 0.9, 0.9);
              cairo_fill_preserve (cr);
            }
          cairo_set_source_rgb (cr, 0.45, 0.45, 0.45);
          cairo_stroke (cr);
        }
    }
  else if (row->kind == DOCUMENT_ROW_RULE)
    {
      cairo_set_source_rgb (cr, 0.6, 0.6, 0.6);
      cairo_set_line_width (cr, 0.8);
      cairo_move_to (cr, left + row->x, y + h / 2);
      cairo_line_to (cr, left + row->x + row->width, y + h / 2);
      cairo_stroke (cr);
    }

  if (row->n_bars > 0)
    {
      /* Up to the row before, unless the row starts the page */
      double bar_top = y > self->margin + row->space_before ? y - row->space_before : y;

      cairo_set_source_rgb (cr, 0.7, 0.7, 0.7);
      cairo_set_line_width (cr, 2);
      for (guint i = 0; i < row->n_bars; i++)
        {
          cairo_move_to (cr, left + row->bars[i], bar_top);
          cairo_line_to (cr, left + row->bars[i], y + h);
        }
      cairo_stroke (cr);
    }

  if (from == 0 && row->heading != 0)
    {
      const DocumentHeading *heading = &g_array_index (self->headings, DocumentHeading,
                                                       row->heading - 1);
      g_autofree char *attributes = g_strdup_printf ("name='%s' x=%d y=%d", heading->dest,
                                                     (int) left, (int) y);

      cairo_tag_begin (cr, CAIRO_TAG_DEST, attributes);
      cairo_tag_end (cr, CAIRO_TAG_DEST);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);

  if (from == 0 && row->bullet != NULL && row->n_cells > 0 && row->cells->n_lines > 0)
    {
      int width;

      pango_layout_get_size (row->bullet, &width, NULL);
      cairo_move_to (cr, left + row->bullet_x - (double) width / PANGO_SCALE,
                     y + row->cells->lines[0].baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (row->bullet, 0));
    }

  for (guint c = 0; c < row->n_cells; c++)
    {
      const DocumentCell *cell = &row->cells[c];

      for (guint i = 0; i < cell->n_lines; i++)
        {
          const DocumentLine *line = &cell->lines[i];

          if (!line_in_slice (line, from, to, row->height))
            continue;
          cairo_move_to (cr, left + cell->text_x + line->x, line->baseline + dy);
          pango_cairo_show_layout_line (cr, line->line);
        }

      if (cell->links != NULL)
        draw_links (cr, cell, left + cell->text_x, dy, from, to, row->height);
    }
}

static void
show_centered (StewardDocumentLayout      *self,
               cairo_t                    *cr,
               const char                 *text,
               const PangoFontDescription *font,
               double                      y)
{
  g_autoptr(PangoLayout) layout = NULL;

  layout = _steward_document_plain_layout (&self->style, text, font,
                                           self->style.content_width, PANGO_ALIGN_CENTER);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_title_page (StewardDocumentLayout *self,
                 cairo_t               *cr)
{
  const char *author = steward_export_source_get_author (self->source);
  GDateTime *date = steward_export_source_get_modified (self->source);
  double y = self->page_height * 0.3;
  g_autoptr(PangoLayout) title = NULL;
  int height;

  if (date == NULL)
    date = steward_export_source_get_created (self->source);

  cairo_set_source_rgb (cr, 0, 0, 0);
  title = _steward_document_plain_layout (&self->style,
                                          steward_export_source_get_title (self->source),
                                          self->title_font, self->style.content_width,
                                          PANGO_ALIGN_CENTER);
  cairo_move_to (cr, self->margin, y);
  pango_cairo_show_layout (cr, title);
  pango_layout_get_size (title, NULL, &height);
  y += (double) height / PANGO_SCALE + 24;

  cairo_set_source_rgb (cr, 0.25, 0.25, 0.25);
  if (author != NULL && *author != '\0')
    {
      show_centered (self, cr, author, self->subtitle_font, y);
      y += 24;
    }

  if (date != NULL)
    {
      /* Translators: the date on an exported document's title page, as
       * g_date_time_format() writes it */
      g_autofree char *text = g_date_time_format (date, _("%-d %B %Y"));

      if (text != NULL)
        show_centered (self, cr, text, self->subtitle_font, y);
    }
}

static void
draw_footer (StewardDocumentLayout *self,
             cairo_t               *cr,
             guint                  page)
{
  g_autofree char *text = NULL;

  /* Translators: the page number in an exported document's footer: this
   * page, then how many there are */
  text = g_strdup_printf (_("%u / %u"), page + 1, steward_document_layout_get_n_pages (self));
  cairo_set_source_rgb (cr, 0.4, 0.4, 0.4);
  show_centered (self, cr, text, self->footer_font,
                 self->page_height - self->margin / 2 - 6);
}

void
steward_document_layout_draw_page (StewardDocumentLayout *self,
                                   cairo_t               *cr,
                                   guint                  page)
{
  guint first, end;

  g_return_if_fail (STEWARD_IS_DOCUMENT_LAYOUT (self));
  g_return_if_fail (self->paginated);
  g_return_if_fail (page < steward_document_layout_get_n_pages (self));

  cairo_save (cr);

  if (page == 0)
    {
      draw_title_page (self, cr);
      cairo_restore (cr);
      return;
    }

  first = g_array_index (self->pages, guint, page);
  end = page + 1 < self->pages->len ? g_array_index (self->pages, guint, page + 1)
                                    : self->placements->len;
  for (guint i = first; i < end; i++)
    draw_slice (self, cr, &g_array_index (self->placements, Placement, i));

  draw_footer (self, cr, page);
  cairo_restore (cr);
}
