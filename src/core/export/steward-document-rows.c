/* steward-document-rows.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include "steward-document-layout-private.h"

/* A section's Markdown tree to rows (see steward-document-layout-private.h).
 * Both the blocks and the runs inside them are walked through their parent
 * links, never by recursion: a hostile text may nest thousands deep. Deep
 * lists and quotes stop indenting at half the page width. */

#define LIST_INDENT   18.0
#define QUOTE_INDENT  14.0
#define CELL_PADDING  4.0
#define CODE_PADDING  6.0
#define BULLET_GAP    5.0


typedef struct
{
  /* Borrowed */
  const DocumentStyle *style;
  GPtrArray           *rows;
  GArray              *headings;
  guint               *table_counter;

  /* Owned */
  GArray              *containers;   /* of Container, one per open LIST, ITEM, QUOTE */
  char                *bullet;       /* the open item's marker, until a row takes it */
  double               bullet_x;

  double               x;            /* the left edge of the text, from the margin */
  guint                n_bars;
  double               bars[DOCUMENT_MAX_BARS];
  gboolean             tight;
  /* A list has just begun: its first row is spaced from what is before */
  gboolean             list_start;
} Builder;

typedef struct
{
  double   x;
  guint    n_bars;
  gboolean tight;
  guint    number;
  gboolean ordered;
} Container;

static void
measure_cell (DocumentCell *cell,
              double        top)
{
  PangoLayoutIter *iter;
  guint i = 0;

  cell->n_lines = pango_layout_get_line_count (cell->layout);
  cell->lines = g_new (DocumentLine, MAX (cell->n_lines, 1));

  iter = pango_layout_get_iter (cell->layout);
  do
    {
      PangoRectangle logical;
      DocumentLine *line;

      if (i >= cell->n_lines)
        break;

      line = &cell->lines[i++];
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line->line = pango_layout_iter_get_line_readonly (iter);
      line->top = top + (double) logical.y / PANGO_SCALE;
      line->bottom = top + (double) (logical.y + logical.height) / PANGO_SCALE;
      line->baseline = top + (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      line->x = (double) logical.x / PANGO_SCALE;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  cell->n_lines = i;
}

static double
cell_bottom (const DocumentCell *cell)
{
  return cell->n_lines > 0 ? cell->lines[cell->n_lines - 1].bottom : 0;
}

static DocumentRow *
add_row (Builder         *builder,
         DocumentRowKind  kind,
         double           space_before)
{
  DocumentRow *row = g_new0 (DocumentRow, 1);

  row->kind = kind;
  row->space_before = builder->list_start ? MAX (space_before, 6) : space_before;
  builder->list_start = FALSE;
  row->n_bars = builder->n_bars;
  memcpy (row->bars, builder->bars, sizeof row->bars);

  if (builder->bullet != NULL)
    {
      row->bullet = _steward_document_plain_layout (builder->style, builder->bullet,
                                                    builder->style->body_font, -1,
                                                    PANGO_ALIGN_LEFT);
      row->bullet_x = builder->bullet_x;
      g_clear_pointer (&builder->bullet, g_free);
    }

  g_ptr_array_add (builder->rows, row);

  return row;
}

static double
text_width (Builder *builder)
{
  return builder->style->content_width - builder->x;
}

static void
add_text_row (Builder                     *builder,
              const StewardMarkdownInline *inlines,
              const PangoFontDescription  *font,
              double                       space_before)
{
  DocumentRow *row = add_row (builder, DOCUMENT_ROW_TEXT, space_before);
  DocumentCell *cell;

  row->n_cells = 1;
  row->cells = cell = g_new0 (DocumentCell, 1);
  cell->box_x = cell->text_x = builder->x;
  cell->box_width = text_width (builder);
  cell->layout = _steward_document_inline_layout (builder->style, inlines, font, cell->box_width,
                                PANGO_ALIGN_LEFT, &cell->links);
  measure_cell (cell, 0);
  row->height = cell_bottom (cell);
}

static void
add_heading (Builder                     *builder,
             guint                        level,
             const StewardMarkdownInline *inlines,
             const char                  *plain)
{
  DocumentHeading heading;
  DocumentRow *row;
  const char *text;

  level = CLAMP (level, 1, 6);
  if (plain != NULL)
    {
      row = add_row (builder, DOCUMENT_ROW_TEXT, 0);
      row->n_cells = 1;
      row->cells = g_new0 (DocumentCell, 1);
      row->cells->box_x = row->cells->text_x = builder->x;
      row->cells->box_width = text_width (builder);
      row->cells->layout = _steward_document_plain_layout (builder->style, plain,
                                                           builder->style->heading_fonts[0],
                                                           text_width (builder),
                                                           PANGO_ALIGN_LEFT);
      measure_cell (row->cells, 0);
      row->height = cell_bottom (row->cells);
      row->page_break_before = TRUE;
    }
  else
    {
      add_text_row (builder, inlines, builder->style->heading_fonts[level - 1],
                    level <= 2 ? 16 : 12);
      row = g_ptr_array_index (builder->rows, builder->rows->len - 1);
    }

  row->keep_with_next = TRUE;

  text = pango_layout_get_text (row->cells->layout);
  heading.level = level;
  heading.text = g_strdelimit (g_strdup (text), "\n\t", ' ');
  heading.dest = g_strdup_printf ("heading-%u", builder->headings->len + 1);
  heading.page = 0;
  g_array_append_val (builder->headings, heading);
  row->heading = builder->headings->len;
}

static void
add_code (Builder    *builder,
          const char *code)
{
  DocumentRow *row = add_row (builder, DOCUMENT_ROW_CODE, 8);
  DocumentCell *cell;

  row->n_cells = 1;
  row->cells = cell = g_new0 (DocumentCell, 1);
  cell->box_x = builder->x;
  cell->box_width = text_width (builder);
  cell->text_x = cell->box_x + CODE_PADDING;
  cell->layout = _steward_document_plain_layout (builder->style, code,
                                                 builder->style->mono_font,
                                                 MAX (cell->box_width - 2 * CODE_PADDING, 20),
                                                 PANGO_ALIGN_LEFT);
  measure_cell (cell, CODE_PADDING);
  row->height = cell_bottom (cell) + CODE_PADDING;
}

static void
add_rule (Builder *builder)
{
  DocumentRow *row = add_row (builder, DOCUMENT_ROW_RULE, 6);

  row->x = builder->x;
  row->width = text_width (builder);
  row->height = 12;
}

static PangoAlignment
cell_alignment (StewardMarkdownAlign align)
{
  switch (align)
    {
    case STEWARD_MARKDOWN_ALIGN_CENTER:
      return PANGO_ALIGN_CENTER;

    case STEWARD_MARKDOWN_ALIGN_RIGHT:
      return PANGO_ALIGN_RIGHT;

    case STEWARD_MARKDOWN_ALIGN_DEFAULT:
    case STEWARD_MARKDOWN_ALIGN_LEFT:
    default:
      return PANGO_ALIGN_LEFT;
    }
}

/* Column widths: each column's natural width when they all fit, else
 * shares of the width in proportion to it, no column below a minimum
 * unless there are too many columns for that. */
static double *
column_widths (Builder                   *builder,
               const StewardMarkdownNode *table,
               PangoLayout              **layouts)
{
  guint n_columns = table->table.n_columns;
  double available = text_width (builder);
  double *widths = g_new0 (double, n_columns);
  double total = 0;
  double minimum = MIN (36.0, available / n_columns);

  for (guint r = 0; r < table->table.n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        PangoLayout *layout = layouts[r * n_columns + c];
        int width;

        pango_layout_get_size (layout, &width, NULL);
        widths[c] = MAX (widths[c], (double) width / PANGO_SCALE + 2 * CELL_PADDING + 1);
      }

  for (guint c = 0; c < n_columns; c++)
    total += widths[c];

  if (total > available)
    {
      double spare = available - minimum * n_columns;
      double excess = total - minimum * n_columns;

      for (guint c = 0; c < n_columns; c++)
        widths[c] = minimum + (excess > 0 ? (widths[c] - minimum) * spare / excess : 0);
    }

  return widths;
}

static void
add_table (Builder                   *builder,
           const StewardMarkdownNode *table)
{
  guint n_columns = table->table.n_columns;
  guint n_rows = table->table.n_rows;
  guint id = ++*builder->table_counter;
  g_autofree PangoLayout **layouts = NULL;
  g_autofree GArray **links = NULL;
  g_autofree double *widths = NULL;

  if (n_columns == 0 || n_rows == 0)
    return;

  layouts = g_new0 (PangoLayout *, (gsize) n_rows * n_columns);
  links = g_new0 (GArray *, (gsize) n_rows * n_columns);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        guint i = r * n_columns + c;
        const PangoFontDescription *font = builder->style->body_font;

        if (r < table->table.header_rows)
          font = builder->style->bold_font;
        layouts[i] = _steward_document_inline_layout (builder->style, table->table.cells[i], font, -1,
                                    cell_alignment (table->table.alignments[c]), &links[i]);
      }

  widths = column_widths (builder, table, layouts);

  for (guint r = 0; r < n_rows; r++)
    {
      DocumentRow *row = add_row (builder, DOCUMENT_ROW_TABLE, r == 0 ? 8 : 0);
      double x = builder->x;

      row->table = id;
      row->table_header = r < table->table.header_rows;
      row->keep_with_next = r + 1 == table->table.header_rows;
      row->n_cells = n_columns;
      row->cells = g_new0 (DocumentCell, n_columns);

      for (guint c = 0; c < n_columns; c++)
        {
          DocumentCell *cell = &row->cells[c];
          guint i = r * n_columns + c;

          cell->layout = g_steal_pointer (&layouts[i]);
          cell->links = g_steal_pointer (&links[i]);
          cell->box_x = x;
          cell->box_width = widths[c];
          cell->text_x = x + CELL_PADDING;
          pango_layout_set_width (cell->layout,
                                  (int) (MAX (widths[c] - 2 * CELL_PADDING, 1) * PANGO_SCALE));
          measure_cell (cell, CELL_PADDING);
          row->height = MAX (row->height, cell_bottom (cell) + CELL_PADDING);
          x += widths[c];
        }
    }
}

/* Entering a container: indent, unless the indent has reached half the
 * width already. */
static void
push_container (Builder                   *builder,
                const StewardMarkdownNode *node)
{
  Container container = {
    builder->x, builder->n_bars, builder->tight, 0, FALSE,
  };
  double indent = 0;

  if (node->kind == STEWARD_MARKDOWN_NODE_LIST)
    {
      container.number = node->list.start;
      container.ordered = node->list.ordered;
      builder->tight = node->list.tight;
      builder->list_start = TRUE;
      indent = LIST_INDENT;
    }
  else if (node->kind == STEWARD_MARKDOWN_NODE_QUOTE)
    {
      indent = QUOTE_INDENT;
    }

  if (builder->x + indent > builder->style->content_width / 2)
    indent = 0;

  if (node->kind == STEWARD_MARKDOWN_NODE_QUOTE && indent > 0 &&
      builder->n_bars < DOCUMENT_MAX_BARS)
    builder->bars[builder->n_bars++] = builder->x + 2;

  if (node->kind == STEWARD_MARKDOWN_NODE_ITEM && builder->containers->len > 0)
    {
      Container *list = &g_array_index (builder->containers, Container,
                                        builder->containers->len - 1);

      g_free (builder->bullet);
      if (node->item.task == STEWARD_MARKDOWN_TASK_CHECKED)
        builder->bullet = g_strdup ("☑");
      else if (node->item.task == STEWARD_MARKDOWN_TASK_UNCHECKED)
        builder->bullet = g_strdup ("☐");
      else if (list->ordered)
        builder->bullet = g_strdup_printf ("%u.", list->number++);
      else
        builder->bullet = g_strdup ("•");
      builder->bullet_x = builder->x - BULLET_GAP;
    }

  builder->x += indent;
  g_array_append_val (builder->containers, container);
}

static void
pop_container (Builder *builder)
{
  Container *container = &g_array_index (builder->containers, Container,
                                         builder->containers->len - 1);

  builder->x = container->x;
  builder->n_bars = container->n_bars;
  builder->tight = container->tight;
  g_array_set_size (builder->containers, builder->containers->len - 1);
}

static double
paragraph_space (Builder *builder)
{
  return builder->tight ? 2 : 6;
}

gboolean
_steward_document_add_section (const DocumentStyle       *style,
                               const char                *title,
                               const StewardMarkdownTree *tree,
                               GPtrArray                 *rows,
                               GArray                    *headings,
                               guint                     *table_counter,
                               DocumentSectionProgress    progress,
                               gpointer                   progress_data,
                               GCancellable              *cancellable)
{
  gboolean cancelled = FALSE;
  guint n_blocks = 0;
  Builder builder = {
    .style = style,
    .rows = rows,
    .headings = headings,
    .table_counter = table_counter,
    .containers = g_array_new (FALSE, FALSE, sizeof (Container)),
  };
  const StewardMarkdownNode *node = steward_markdown_tree_get_blocks (tree);

  add_heading (&builder, 1, NULL, title);

  while (node != NULL)
    {
      if (++n_blocks % 64 == 0)
        {
          if (g_cancellable_is_cancelled (cancellable))
            {
              cancelled = TRUE;
              break;
            }
          if (progress != NULL && node->source_first >= 0)
            progress (node->source_first, progress_data);
        }

      switch (node->kind)
        {
        case STEWARD_MARKDOWN_NODE_PARAGRAPH:
          add_text_row (&builder, node->inlines, style->body_font, paragraph_space (&builder));
          break;

        case STEWARD_MARKDOWN_NODE_HEADING:
          add_heading (&builder, node->heading.level + 1, node->inlines, NULL);
          break;

        case STEWARD_MARKDOWN_NODE_CODE:
          add_code (&builder, node->code.text);
          break;

        case STEWARD_MARKDOWN_NODE_TABLE:
          add_table (&builder, node);
          break;

        case STEWARD_MARKDOWN_NODE_RULE:
          add_rule (&builder);
          break;

        case STEWARD_MARKDOWN_NODE_LIST:
        case STEWARD_MARKDOWN_NODE_ITEM:
        case STEWARD_MARKDOWN_NODE_QUOTE:
        default:
          push_container (&builder, node);
          if (node->children != NULL)
            {
              node = node->children;
              continue;
            }
          /* An empty item still shows its marker */
          if (builder.bullet != NULL)
            add_text_row (&builder, NULL, style->body_font, paragraph_space (&builder));
          pop_container (&builder);
          break;
        }

      for (;;)
        {
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }

          node = node->parent;
          if (node == NULL)
            break;
          pop_container (&builder);
        }
    }

  g_free (builder.bullet);
  g_array_unref (builder.containers);

  return !cancelled;
}

void
_steward_document_row_free (gpointer data)
{
  DocumentRow *row = data;

  for (guint i = 0; i < row->n_cells; i++)
    {
      DocumentCell *cell = &row->cells[i];

      g_clear_object (&cell->layout);
      g_free (cell->lines);
      g_clear_pointer (&cell->links, g_array_unref);
    }

  g_free (row->cells);
  g_clear_object (&row->bullet);
  g_free (row);
}

void
_steward_document_heading_clear (gpointer data)
{
  DocumentHeading *heading = data;

  g_free (heading->text);
  g_free (heading->dest);
}
