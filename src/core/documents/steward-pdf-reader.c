/* steward-pdf-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-pdf-reader"

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <poppler.h>
#include <string.h>

#include "steward-markdown-escape.h"
#include "steward-pdf-lines.h"
#include "steward-pdf-reader.h"

/* Poppler gives a page's text in reading order, one line of the page per
 * line, where each character sits and in what size. A PDF knows no
 * paragraphs or lists, so they are guessed from the layout: a line starts
 * a new paragraph when it is further below the one before than the lines
 * of the paragraph are from each other, when it sits higher (the next
 * column) or further in (a first line, an item), or when its type is of
 * another size; a line level with a bullet poppler found on its own, or
 * starting with one, is a list item; a paragraph cut by the end of a page
 * goes on at the top of the next. Once every page is read, the size most
 * of the text is set in is the body's; a short paragraph in a clearly
 * larger size is a heading, the largest size level 1. */

/* A heading is a line or three, not a paragraph set large */
#define HEADING_MAX_LINES 3
#define HEADING_MAX_BYTES 300

typedef struct
{
  /* NULL for the note of a page without text */
  char   *text;
  /* In points, 0 when poppler did not say */
  double  size;
  guint   n_lines;
  guint   page;
  /* The nesting of a list item, from 0; -1 for a paragraph */
  int     item_level;
} Paragraph;

typedef struct
{
  GArray     *paragraphs;
  GString    *current;
  double      current_size;
  guint       current_lines;
  int         current_item_level;
  /* Half points → how many characters are set in that size */
  GHashTable *sizes;
} Writer;

static void
paragraph_clear (gpointer data)
{
  Paragraph *paragraph = data;

  g_free (paragraph->text);
}

static void
end_paragraph (Writer *writer)
{
  Paragraph paragraph = { 0 };

  if (writer->current->len == 0)
    return;

  paragraph.text = g_strndup (writer->current->str, writer->current->len);
  paragraph.size = writer->current_size;
  paragraph.n_lines = writer->current_lines;
  paragraph.item_level = writer->current_item_level;
  g_array_append_val (writer->paragraphs, paragraph);

  g_string_truncate (writer->current, 0);
  writer->current_size = 0;
  writer->current_lines = 0;
  writer->current_item_level = -1;
}

static void
add_line (Writer     *writer,
          const char *line,
          gsize       len,
          double      size)
{
  GString *current = writer->current;
  gpointer key;

  while (len > 0 && g_ascii_isspace (*line))
    line++, len--;
  while (len > 0 && g_ascii_isspace (line[len - 1]))
    len--;

  if (len == 0)
    return;

  /* A word hyphenated across lines keeps its hyphen, without a space */
  if (current->len > 0 && current->str[current->len - 1] != '-')
    g_string_append_c (current, ' ');

  g_string_append_len (current, line, len);
  writer->current_size = MAX (writer->current_size, size);
  writer->current_lines++;

  key = GUINT_TO_POINTER ((guint) (size * 2 + 0.5));
  g_hash_table_insert (writer->sizes, key,
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (writer->sizes, key)) + len));
}

/* A paragraph cut by the end of a page goes on with the first line of
 * the next when it ends without a full stop and that line starts in
 * lower case; a page number between them keeps them apart. */
static void
continue_paragraph (Writer     *writer,
                    const StewardPdfLine *line)
{
  Paragraph *last;
  gsize len;
  gunichar end;

  if (writer->paragraphs->len == 0)
    return;

  last = &g_array_index (writer->paragraphs, Paragraph, writer->paragraphs->len - 1);
  if (last->text == NULL || last->item_level >= 0 || steward_pdf_sizes_differ (last->size, line->size) ||
      !g_unichar_islower (g_utf8_get_char (line->start)))
    return;

  len = strlen (last->text);
  end = g_utf8_get_char (g_utf8_find_prev_char (last->text, last->text + len));
  if (g_unichar_ispunct (end) && end != ',' && end != '-' && end != 0x2013)
    return;
  if (strspn (last->text, "0123456789 ") == len)
    return;

  g_string_assign (writer->current, last->text);
  writer->current_size = last->size;
  writer->current_lines = last->n_lines;
  g_array_remove_index (writer->paragraphs, writer->paragraphs->len - 1);
}

static void
read_page (Writer      *writer,
           PopplerPage *page,
           guint        number)
{
  g_autofree char *text = NULL;
  g_autoptr(GArray) lines = steward_pdf_lines_read (page, &text);
  g_autoptr(GArray) bullet_lefts = NULL;
  const StewardPdfLine *prev = NULL;
  /* The distance from one line to the next inside this paragraph */
  double pitch = 0;
  guint first_text = G_MAXUINT;
  /* How far apart the lines of a paragraph are, in sizes of their type */
  double leading;
  guint before = writer->paragraphs->len;

  bullet_lefts = steward_pdf_lines_bullet_lefts (lines);

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *line = &g_array_index (lines, StewardPdfLine, i);

      if (line->len > 0 && !line->bullet && line->top <= line->bottom)
        {
          first_text = i;
          break;
        }
    }

  leading = steward_pdf_lines_leading (lines);

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *line = &g_array_index (lines, StewardPdfLine, i);
      int level = -1;

      /* Poppler's empty line between the blocks it finds */
      if (line->len == 0)
        {
          end_paragraph (writer);
          prev = NULL;
          continue;
        }

      if (line->bullet)
        continue;

      if (line->top <= line->bottom)
        {
          double height = line->bottom - line->top;

          /* Beside a bullet poppler set apart (there are none on a page
           * too long to match them), or with one in the line itself */
          level = bullet_lefts->len > 0 ? steward_pdf_lines_item_level (lines, line, bullet_lefts) : -1;
          if (level < 0 && steward_pdf_bullet_length (line->start) > 0)
            level = 0;

          /* A new paragraph: a list item; a line further from the one
           * before than the lines of this paragraph are (or, for its
           * second line, than a line is high); a line higher up (the
           * next column); a line further in (an indented first line, a
           * list item: a line further out may be the second line of an
           * indented paragraph); type of another size */
          if (prev != NULL &&
              (level >= 0 ||
               line->top - prev->top > (leading > 0 && line->size > 0
                                        ? 1.25 * leading * MAX (line->size, prev->size)
                                        : 1.3 * (pitch > 0 ? pitch : MAX (height, prev->bottom - prev->top))) ||
               line->top < prev->top - 0.5 * height ||
               line->left - prev->left > 0.5 * height ||
               steward_pdf_sizes_differ (line->size, prev->size)))
            end_paragraph (writer);

          if (writer->current->len == 0 && prev == NULL && i == first_text &&
              writer->paragraphs->len == before && level < 0)
            continue_paragraph (writer, line);

          if (writer->current->len == 0)
            {
              pitch = 0;
              writer->current_item_level = level;
            }
          else if (prev != NULL)
            pitch = line->top - prev->top;

          prev = line;
        }

      add_line (writer, line->start, line->len, line->size);
    }

  end_paragraph (writer);

  if (writer->paragraphs->len == before)
    {
      Paragraph note = { NULL, 0, 0, number, -1 };

      g_array_append_val (writer->paragraphs, note);
    }
}

static int
compare_sizes_down (gconstpointer a,
                    gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? 1 : x > y ? -1 : 0;
}

/* The length of the bullet and blanks a list item's text starts with, 0
 * when it starts with none */
static gboolean
is_heading (const Paragraph *paragraph,
            double           body)
{
  return paragraph->text != NULL && body > 0 &&
         paragraph->size > body * STEWARD_PDF_SIZE_RATIO &&
         paragraph->n_lines <= HEADING_MAX_LINES &&
         strlen (paragraph->text) <= HEADING_MAX_BYTES;
}

static char *
write_markdown (Writer *writer)
{
  g_autoptr(GArray) heading_sizes = g_array_new (FALSE, FALSE, sizeof (guint));
  GString *out = g_string_new (NULL);
  GHashTableIter iter;
  gpointer key, value;
  guint body_key = 0, body_weight = 0;
  double body;

  g_hash_table_iter_init (&iter, writer->sizes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > body_weight ||
        (GPOINTER_TO_UINT (value) == body_weight && GPOINTER_TO_UINT (key) < body_key))
      {
        body_key = GPOINTER_TO_UINT (key);
        body_weight = GPOINTER_TO_UINT (value);
      }
  body = body_key / 2.0;

  for (guint i = 0; i < writer->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (writer->paragraphs, Paragraph, i);
      guint size_key = (guint) (paragraph->size * 2 + 0.5);
      gboolean seen = FALSE;

      if (!is_heading (paragraph, body))
        continue;
      for (guint k = 0; k < heading_sizes->len; k++)
        seen |= g_array_index (heading_sizes, guint, k) == size_key;
      if (!seen)
        g_array_append_val (heading_sizes, size_key);
    }
  g_array_sort (heading_sizes, compare_sizes_down);

  for (guint i = 0; i < writer->paragraphs->len; i++)
    {
      const Paragraph *paragraph = &g_array_index (writer->paragraphs, Paragraph, i);
      gsize bullet;

      /* The items of a list one under the other */
      if (out->len > 0 && paragraph->item_level >= 0 && i > 0 &&
          g_array_index (writer->paragraphs, Paragraph, i - 1).item_level >= 0)
        g_string_append_c (out, '\n');
      else if (out->len > 0)
        g_string_append (out, "\n\n");

      if (paragraph->text == NULL)
        {
          g_autofree char *note = NULL;

          /* Translators: put in the imported text where a PDF page has no
           * text, %u is the page number */
          note = g_strdup_printf (_("Page %u has no text: it may be a scanned image."), paragraph->page);
          g_string_append (out, "_(");
          steward_markdown_escape_append (out, note, -1, FALSE);
          g_string_append (out, ")_");
          continue;
        }

      if (is_heading (paragraph, body))
        {
          guint size_key = (guint) (paragraph->size * 2 + 0.5);
          guint level = 1;

          while (level - 1 < heading_sizes->len &&
                 g_array_index (heading_sizes, guint, level - 1) != size_key)
            level++;

          for (guint k = 0; k < MIN (level, 6); k++)
            g_string_append_c (out, '#');
          g_string_append_c (out, ' ');
        }

      if (!is_heading (paragraph, body) &&
          paragraph->item_level >= 0)
        {
          bullet = steward_pdf_bullet_length (paragraph->text);
          for (int k = 0; k < paragraph->item_level; k++)
            g_string_append (out, "  ");
          g_string_append (out, "- ");
          steward_markdown_escape_append (out, paragraph->text + bullet, -1, TRUE);
          continue;
        }

      steward_markdown_escape_append (out, paragraph->text, -1, TRUE);
    }

  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (out, FALSE);
}

char *
steward_pdf_read (GBytes                         *data,
                  const char                     *name,
                  guint                          *n_pages,
                  StewardDocumentImportProgress   progress,
                  gpointer                        progress_data,
                  GCancellable                   *cancellable,
                  GError                        **error)
{
  /* Poppler 22 has no autoptr for its types */
  PopplerDocument *document;
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GString) current = NULL;
  g_autoptr(GHashTable) sizes = NULL;
  Writer writer;
  int n;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (n_pages != NULL)
    *n_pages = 0;

  if (!(document = steward_pdf_open (data, name, error)))
    return NULL;

  n = poppler_document_get_n_pages (document);
  paragraphs = g_array_new (FALSE, TRUE, sizeof (Paragraph));
  g_array_set_clear_func (paragraphs, paragraph_clear);
  current = g_string_new (NULL);
  sizes = g_hash_table_new (NULL, NULL);
  writer.paragraphs = paragraphs;
  writer.current = current;
  writer.current_size = 0;
  writer.current_lines = 0;
  writer.current_item_level = -1;
  writer.sizes = sizes;

  for (int i = 0; i < n; i++)
    {
      PopplerPage *page;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          g_object_unref (document);
          return NULL;
        }

      page = poppler_document_get_page (document, i);
      if (page == NULL)
        {
          g_object_unref (document);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not a complete PDF document."), name);
          return NULL;
        }

      read_page (&writer, page, i + 1);
      g_object_unref (page);

      if (progress != NULL)
        progress ((double) (i + 1) / n, progress_data);
    }

  g_object_unref (document);

  if (n_pages != NULL)
    *n_pages = n;

  return write_markdown (&writer);
}
