/* steward-docx-body.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-docx-private.h"
#include "steward-markdown.h"

/* word/document.xml from each section's Markdown tree. The tree is walked
 * through its parent links, never by recursion: a hostile text may nest
 * lists or quotes thousands deep. Lists deeper than Word's nine levels
 * stay at the ninth, quotes deeper than nine indents at the ninth.
 *
 * Elements inside w:pPr, w:rPr and w:tblPr keep the schema's order, which
 * Word insists on. */

/* The width of the text on a page (A4 and Letter alike, with inch
 * margins), in twentieths of a point */
#define TEXT_WIDTH 9000

typedef struct
{
  StewardDocx      *docx;

  /* Owned */
  /* The w:num of each list around the block being written, outermost
   * first */
  GArray           *lists;
  /* The ITEM whose number is not written yet: its first block carries
   * it */
  const StewardMarkdownNode *pending_item;
  guint             quote_depth;
  /* The block being written is right inside a quote (rather than a list
   * item): it takes the quote's style */
  gboolean          in_quote;
  /* The last block written was a table: Word joins two tables that touch
   * and wants a paragraph at the end of the body */
  gboolean          after_table;
} Body;

static void
start (Body       *body,
       const char *name)
{
  xmlTextWriterStartElement (body->docx->writer, BAD_CAST name);
}

static void
end (Body *body)
{
  xmlTextWriterEndElement (body->docx->writer);
}

static void
attr (Body       *body,
      const char *name,
      const char *value)
{
  xmlTextWriterWriteAttribute (body->docx->writer, BAD_CAST name, BAD_CAST value);
}

static void
attr_uint (Body       *body,
           const char *name,
           guint       value)
{
  xmlTextWriterWriteFormatAttribute (body->docx->writer, BAD_CAST name, "%u", value);
}

static void
val (Body       *body,
     const char *name,
     const char *value)
{
  start (body, name);
  attr (body, "w:val", value);
  end (body);
}

static void
empty (Body       *body,
       const char *name)
{
  start (body, name);
  end (body);
}


static guint
list_level (Body *body)
{
  return MIN (body->lists->len, DOCX_MAX_LEVELS) - 1;
}

/* Opens a w:p and writes its properties: @style, the number of the
 * pending list item when @numbered, an indent for the lists and quotes
 * around it. */
static void
paragraph_begin (Body       *body,
                 const char *style,
                 gboolean    numbered,
                 const char *justify)
{
  const StewardMarkdownNode *item = body->pending_item;
  gboolean task = item != NULL && item->item.task != STEWARD_MARKDOWN_TASK_NONE;
  guint indent = MIN (body->quote_depth, DOCX_MAX_LEVELS) * DOCX_INDENT_STEP;
  gboolean in_list = body->lists->len > 0;
  gboolean number;

  numbered = numbered && item != NULL;
  number = numbered && !task;
  if (in_list)
    indent += DOCX_INDENT_STEP * (list_level (body) + 1);
  if (style == NULL && body->in_quote)
    style = "Quote";
  else if (style == NULL && in_list)
    style = "ListParagraph";

  body->after_table = FALSE;

  start (body, "w:p");
  if (style != NULL || number || indent > 0 || justify != NULL)
    {
      start (body, "w:pPr");
      if (style != NULL)
        val (body, "w:pStyle", style);
      if (number)
        {
          start (body, "w:numPr");
          start (body, "w:ilvl");
          attr_uint (body, "w:val", list_level (body));
          end (body);
          start (body, "w:numId");
          attr_uint (body, "w:val", g_array_index (body->lists, guint, body->lists->len - 1));
          end (body);
          end (body);
        }
      if (indent > 0)
        {
          start (body, "w:ind");
          attr_uint (body, "w:left", indent);
          if (number)
            attr (body, "w:hanging", "360");
          end (body);
        }
      if (justify != NULL)
        val (body, "w:jc", justify);
      end (body);
    }

  if (numbered)
    {
      /* A task shows its box instead of a bullet */
      body->pending_item = NULL;
      if (task)
        _steward_docx_write_run (body->docx,
                                 item->item.task == STEWARD_MARKDOWN_TASK_CHECKED ? "\u2612 " : "\u2610 ",
                                 -1, 0);
    }
}

static void
write_empty_item (Body *body)
{
  paragraph_begin (body, NULL, TRUE, NULL);
  end (body);
}

static void
write_heading (Body                      *body,
               const StewardMarkdownNode *node)
{
  char style[] = "Heading0";

  style[7] = '0' + MIN (node->heading.level + 1, 6);
  paragraph_begin (body, style, TRUE, NULL);
  _steward_docx_write_inlines (body->docx, node->inlines, 0);
  end (body);
}

static void
write_code (Body                      *body,
            const StewardMarkdownNode *node)
{
  const char *line = node->code.text;

  if (body->pending_item != NULL)
    write_empty_item (body);

  for (;;)
    {
      const char *eol = strchr (line, '\n');
      gsize len = eol != NULL ? (gsize) (eol - line) : strlen (line);

      paragraph_begin (body, "SourceCode", FALSE, NULL);
      if (len > 0)
        {
          start (body, "w:r");
          _steward_docx_write_run_text (body->docx, line, len);
          end (body);
        }
      end (body);

      if (eol == NULL)
        break;
      line = eol + 1;
    }
}

static void
write_rule (Body *body)
{
  if (body->pending_item != NULL)
    write_empty_item (body);

  body->after_table = FALSE;
  start (body, "w:p");
  start (body, "w:pPr");
  start (body, "w:pBdr");
  start (body, "w:bottom");
  attr (body, "w:val", "single");
  attr (body, "w:sz", "6");
  attr (body, "w:space", "1");
  attr (body, "w:color", "auto");
  end (body);
  end (body);
  end (body);
  end (body);
}

static const char *
alignment_name (StewardMarkdownAlign align)
{
  switch (align)
    {
    case STEWARD_MARKDOWN_ALIGN_CENTER:
      return "center";
    case STEWARD_MARKDOWN_ALIGN_RIGHT:
      return "right";
    case STEWARD_MARKDOWN_ALIGN_LEFT:
      return "left";
    case STEWARD_MARKDOWN_ALIGN_DEFAULT:
    default:
      return NULL;
    }
}

static void
write_table (Body                      *body,
             const StewardMarkdownNode *node)
{
  guint n_columns = MAX (node->table.n_columns, 1);
  guint indent = MIN (body->quote_depth, DOCX_MAX_LEVELS) * DOCX_INDENT_STEP;
  guint width;

  if (body->pending_item != NULL)
    write_empty_item (body);
  /* Two tables that touch would become one */
  if (body->after_table)
    {
      start (body, "w:p");
      end (body);
    }

  if (body->lists->len > 0)
    indent += DOCX_INDENT_STEP * (list_level (body) + 1);
  width = MAX (TEXT_WIDTH - MIN (indent, TEXT_WIDTH / 2), TEXT_WIDTH / 2) / n_columns;

  start (body, "w:tbl");
  start (body, "w:tblPr");
  val (body, "w:tblStyle", "TableGrid");
  start (body, "w:tblW");
  attr_uint (body, "w:w", width * n_columns);
  attr (body, "w:type", "dxa");
  end (body);
  if (indent > 0)
    {
      start (body, "w:tblInd");
      attr_uint (body, "w:w", indent);
      attr (body, "w:type", "dxa");
      end (body);
    }
  start (body, "w:tblLook");
  attr (body, "w:val", "04A0");
  end (body);
  end (body);

  start (body, "w:tblGrid");
  for (guint column = 0; column < n_columns; column++)
    {
      start (body, "w:gridCol");
      attr_uint (body, "w:w", width);
      end (body);
    }
  end (body);

  for (guint row = 0; row < node->table.n_rows; row++)
    {
      gboolean header = row < node->table.header_rows;

      start (body, "w:tr");
      if (header)
        {
          start (body, "w:trPr");
          empty (body, "w:tblHeader");
          end (body);
        }

      for (guint column = 0; column < n_columns; column++)
        {
          const StewardMarkdownInline *cell = NULL;
          const char *justify = NULL;

          if (column < node->table.n_columns)
            {
              cell = node->table.cells[row * node->table.n_columns + column];
              justify = alignment_name (node->table.alignments[column]);
            }

          start (body, "w:tc");
          start (body, "w:tcPr");
          start (body, "w:tcW");
          attr_uint (body, "w:w", width);
          attr (body, "w:type", "dxa");
          end (body);
          end (body);
          start (body, "w:p");
          if (justify != NULL)
            {
              start (body, "w:pPr");
              val (body, "w:jc", justify);
              end (body);
            }
          _steward_docx_write_inlines (body->docx, cell, header ? STEWARD_DOCX_RUN_BOLD : 0);
          end (body);
          end (body);
        }

      end (body);
    }

  end (body);
  body->after_table = TRUE;
}

/* Enters @node: writes a leaf, opens a container. */
static void
block_enter (Body                      *body,
             const StewardMarkdownNode *node)
{
  StewardDocx *docx = body->docx;

  body->in_quote = node->parent != NULL && node->parent->kind == STEWARD_MARKDOWN_NODE_QUOTE;

  switch (node->kind)
    {
    case STEWARD_MARKDOWN_NODE_PARAGRAPH:
      paragraph_begin (body, NULL, TRUE, NULL);
      _steward_docx_write_inlines (body->docx, node->inlines, 0);
      end (body);
      break;

    case STEWARD_MARKDOWN_NODE_HEADING:
      write_heading (body, node);
      break;

    case STEWARD_MARKDOWN_NODE_CODE:
      write_code (body, node);
      break;

    case STEWARD_MARKDOWN_NODE_TABLE:
      write_table (body, node);
      break;

    case STEWARD_MARKDOWN_NODE_RULE:
      write_rule (body);
      break;

    case STEWARD_MARKDOWN_NODE_QUOTE:
      if (body->pending_item != NULL)
        write_empty_item (body);
      body->quote_depth++;
      break;

    case STEWARD_MARKDOWN_NODE_LIST:
      {
        guint num_id = DOCX_BULLET_NUM_ID;

        if (body->pending_item != NULL)
          write_empty_item (body);

        g_array_append_val (body->lists, num_id);
        if (node->list.ordered)
          {
            StewardDocxOrderedList list = {
              .num_id = docx->ordered_lists->len + 2,
              .level = list_level (body),
              .start = node->list.start,
            };

            g_array_append_val (docx->ordered_lists, list);
            g_array_index (body->lists, guint, body->lists->len - 1) = list.num_id;
          }
      }
      break;

    case STEWARD_MARKDOWN_NODE_ITEM:
      body->pending_item = node;
      break;

    default:
      break;
    }
}

/* Leaves @node once everything inside it is written. */
static void
block_leave (Body                      *body,
             const StewardMarkdownNode *node)
{
  switch ((int) node->kind)
    {
    case STEWARD_MARKDOWN_NODE_QUOTE:
      body->quote_depth--;
      break;

    case STEWARD_MARKDOWN_NODE_LIST:
      g_array_set_size (body->lists, body->lists->len - 1);
      break;

    case STEWARD_MARKDOWN_NODE_ITEM:
      if (body->pending_item == node)
        write_empty_item (body);
      break;

    default:
      break;
    }
}

static gboolean
write_blocks (Body                       *body,
              const StewardMarkdownNode  *node,
              GError                    **error)
{
  while (node != NULL)
    {
      if (g_cancellable_set_error_if_cancelled (body->docx->cancellable, error))
        return FALSE;

      block_enter (body, node);
      if (node->children != NULL)
        {
          node = node->children;
          continue;
        }

      while (node != NULL)
        {
          block_leave (body, node);
          if (node->next != NULL)
            {
              node = node->next;
              break;
            }
          node = node->parent;
        }
    }

  return TRUE;
}

static void
write_title (Body *body)
{
  StewardExportSource *source = body->docx->source;
  const char *author = steward_export_source_get_author (source);
  GDateTime *date = steward_export_source_get_modified (source);

  if (date == NULL)
    date = steward_export_source_get_created (source);

  paragraph_begin (body, "Title", FALSE, NULL);
  _steward_docx_write_run (body->docx, steward_export_source_get_title (source), -1, 0);
  end (body);

  if (author != NULL && *author != '\0')
    {
      paragraph_begin (body, "Subtitle", FALSE, NULL);
      _steward_docx_write_run (body->docx, author, -1, 0);
      end (body);
    }

  if (date != NULL)
    {
      /* Translators: the date under a document's title, a
       * g_date_time_format() format */
      g_autofree char *text = g_date_time_format (date, _("%B %-d, %Y"));

      paragraph_begin (body, "Subtitle", FALSE, NULL);
      if (text != NULL)
        _steward_docx_write_run (body->docx, text, -1, 0);
      end (body);
    }
}

gboolean
_steward_docx_write_body (StewardDocx       *docx,
                          xmlTextWriterPtr   writer,
                          GError           **error)
{
  StewardExportSource *source = docx->source;
  guint n_sections = steward_export_source_get_n_sections (source);
  gsize n_bytes = steward_export_source_get_n_bytes (source);
  gsize done = 0;
  Body body = {
    .docx = docx,
    .lists = g_array_new (FALSE, FALSE, sizeof (guint)),
  };
  gboolean ok = TRUE;

  docx->writer = writer;
  start (&body, "w:document");
  attr (&body, "xmlns:w", DOCX_NS_W);
  attr (&body, "xmlns:r", DOCX_NS_R);
  start (&body, "w:body");

  write_title (&body);

  for (guint i = 0; ok && i < n_sections; i++)
    {
      const char *markdown = steward_export_source_get_section_markdown (source, i);
      g_autoptr(StewardMarkdownTree) tree = NULL;

      if (g_cancellable_set_error_if_cancelled (docx->cancellable, error))
        {
          ok = FALSE;
          break;
        }

      paragraph_begin (&body, "Heading1", FALSE, NULL);
      _steward_docx_write_run (body.docx, steward_export_source_get_section_title (source, i), -1, 0);
      end (&body);

      tree = steward_markdown_parse_tree (markdown, -1);
      ok = write_blocks (&body, steward_markdown_tree_get_blocks (tree), error);

      done += strlen (markdown);
      if (ok && docx->progress != NULL)
        docx->progress (n_bytes > 0 ? (double) done / n_bytes * 0.99 : (double) (i + 1) / n_sections * 0.99,
                        docx->progress_data);
    }

  if (ok)
    {
      if (body.after_table)
        {
          start (&body, "w:p");
          end (&body);
        }
      end (&body);
      end (&body);
    }

  g_array_unref (body.lists);
  docx->writer = NULL;

  return ok;
}
