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
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "steward-markdown-escape.h"
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

/* Where a complete PDF ends: Acrobat looks this far back for %%EOF */
#define EOF_WINDOW 1024
/* How much larger than the body a heading is set, at least */
#define HEADING_RATIO 1.15
/* How many times a page must show a line spacing to take it for the
 * spacing of its paragraphs' lines */
#define MIN_LEADING_COUNT 3
/* Matching lines with the bullets beside them costs lines × lines: a
 * page of more lines than this has no list found by its bullets */
#define MAX_BULLET_LINES 2000
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

static const char * const bullets[] = {
  "-", "\u2013", "\u2022", "\u25e6", "\u25aa", "\u25cf", "\u2023", "\u2043", "\u25a0", "\u25a1", "\u25cb",
};

static gboolean
is_lone_bullet (const char *line,
                gsize       len)
{
  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (len == strlen (bullets[i]) && memcmp (line, bullets[i], len) == 0)
      return TRUE;

  return FALSE;
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

/* The size of each character of the page's text, 0 where unknown */
static double *
character_sizes (PopplerPage *page,
                 guint        n_chars)
{
  double *sizes = g_new0 (double, n_chars + 1);
  GList *attributes = poppler_page_get_text_attributes (page);

  for (GList *l = attributes; l != NULL; l = l->next)
    {
      PopplerTextAttributes *attr = l->data;

      for (int i = MAX (attr->start_index, 0); i <= attr->end_index && i < (int) n_chars; i++)
        sizes[i] = attr->font_size;
    }

  poppler_page_free_text_attributes (attributes);

  return sizes;
}

static gboolean
sizes_differ (double a,
              double b)
{
  return a > 0 && b > 0 && (a > b * HEADING_RATIO || b > a * HEADING_RATIO);
}

typedef struct
{
  const char *start;
  gsize       len;
  /* Its box; top > bottom when it holds no text */
  double      top;
  double      bottom;
  double      left;
  double      size;
  gboolean    bullet;
} Line;

/* The page's lines, with their boxes when @rects is given */
static GArray *
split_lines (const char             *text,
             const PopplerRectangle *rects,
             const double           *sizes)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (Line));
  const char *p = text;
  guint index = 0;

  for (;;)
    {
      Line line = { p, 0, G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, 0, FALSE };

      for (; *p != '\0' && *p != '\n'; p = g_utf8_next_char (p), index++)
        if (!g_ascii_isspace (*p))
          {
            line.size = MAX (line.size, sizes[index]);
            if (rects != NULL)
              {
                line.top = MIN (line.top, rects[index].y1);
                line.bottom = MAX (line.bottom, rects[index].y2);
                line.left = MIN (line.left, rects[index].x1);
              }
          }

      line.len = p - line.start;
      while (line.len > 0 && g_ascii_isspace (*line.start))
        line.start++, line.len--;
      while (line.len > 0 && g_ascii_isspace (line.start[line.len - 1]))
        line.len--;
      line.bullet = is_lone_bullet (line.start, line.len);
      g_array_append_val (lines, line);

      if (*p == '\0')
        break;
      p++;
      index++;
    }

  return lines;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

/* When poppler sets bullets apart from their items' text, an item's first
 * line is the one level with a bullet, to its right: its nesting is the
 * rank of the bullet's place among the page's bullet places. -1 for a
 * line beside no bullet. */
static int
item_level (GArray      *lines,
            const Line  *line,
            GArray      *bullet_lefts)
{
  double height = line->bottom - line->top;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *bullet = &g_array_index (lines, Line, i);

      if (!bullet->bullet || bullet->top > bullet->bottom ||
          fabs (bullet->top - line->top) > 0.5 * height || bullet->left >= line->left)
        continue;

      for (guint k = 0; k < bullet_lefts->len; k++)
        if (fabs (g_array_index (bullet_lefts, double, k) - bullet->left) < 2)
          return MIN (k, 5);
    }

  return -1;
}

static gsize
bullet_length (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    if (g_str_has_prefix (text, bullets[i]))
      {
        gsize len = strlen (bullets[i]);

        /* Poppler may drop the space after a bullet glyph; a dash needs
         * one, or "-5 degrees" would be an item */
        if (text[len] != ' ' && text[len] != '\t' && i < 2)
          return 0;
        while (text[len] == ' ' || text[len] == '\t')
          len++;

        return text[len] != '\0' ? len : 0;
      }

  return 0;
}

/* The distance from one line to the next most lines of the page have,
 * as a multiple of their type size (1.2 for 10 point type 12 points
 * apart), or 0 when there are too few lines to tell */
static double
typical_leading (GArray *lines)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const Line *prev = NULL;
  guint best = 0, best_count = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->len == 0 || line->bullet || line->top > line->bottom || line->size <= 0)
        {
          prev = line->len == 0 ? NULL : prev;
          continue;
        }

      if (prev != NULL && !sizes_differ (line->size, prev->size) && line->top > prev->top)
        {
          double ratio = (line->top - prev->top) / MAX (line->size, prev->size);

          if (ratio < 5)
            {
              key = GUINT_TO_POINTER ((guint) (ratio * 20 + 0.5));
              g_hash_table_insert (counts, key, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, key)) + 1));
            }
        }

      prev = line;
    }

  /* The closest spacing seen a few times: paragraphs are further apart
   * than their lines, and a page of short paragraphs has more gaps
   * between paragraphs than lines inside them */
  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) >= MIN_LEADING_COUNT && GPOINTER_TO_UINT (key) >= 16 &&
        (best_count == 0 || GPOINTER_TO_UINT (key) < best))
      {
        best = GPOINTER_TO_UINT (key);
        best_count = GPOINTER_TO_UINT (value);
      }

  return best_count > 0 ? best / 20.0 : 0;
}

/* A paragraph cut by the end of a page goes on with the first line of
 * the next when it ends without a full stop and that line starts in
 * lower case; a page number between them keeps them apart. */
static void
continue_paragraph (Writer     *writer,
                    const Line *line)
{
  Paragraph *last;
  gsize len;
  gunichar end;

  if (writer->paragraphs->len == 0)
    return;

  last = &g_array_index (writer->paragraphs, Paragraph, writer->paragraphs->len - 1);
  if (last->text == NULL || last->item_level >= 0 || sizes_differ (last->size, line->size) ||
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
  g_autofree char *text = poppler_page_get_text (page);
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree double *sizes = NULL;
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GArray) bullet_lefts = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_rects = 0;
  guint n_chars;
  gboolean have_layout;
  const Line *prev = NULL;
  /* The distance from one line to the next inside this paragraph */
  double pitch = 0;
  guint first_text = G_MAXUINT;
  /* How far apart the lines of a paragraph are, in sizes of their type */
  double leading;
  guint before = writer->paragraphs->len;

  if (text == NULL)
    text = g_strdup ("");

  n_chars = g_utf8_strlen (text, -1);
  have_layout = poppler_page_get_text_layout (page, &rects, &n_rects) && n_rects == n_chars;
  sizes = character_sizes (page, n_chars);
  lines = split_lines (text, have_layout ? rects : NULL, sizes);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->bullet && line->top <= line->bottom)
        {
          gboolean seen = FALSE;

          for (guint k = 0; k < bullet_lefts->len; k++)
            seen |= fabs (g_array_index (bullet_lefts, double, k) - line->left) < 2;
          if (!seen)
            g_array_append_val (bullet_lefts, line->left);
        }
    }
  g_array_sort (bullet_lefts, compare_doubles);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);

      if (line->len > 0 && !line->bullet && line->top <= line->bottom)
        {
          first_text = i;
          break;
        }
    }

  leading = typical_leading (lines);

  for (guint i = 0; i < lines->len; i++)
    {
      const Line *line = &g_array_index (lines, Line, i);
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

          level = bullet_lefts->len > 0 && lines->len <= MAX_BULLET_LINES
                  ? item_level (lines, line, bullet_lefts) : -1;
          /* A bullet in the line itself */
          if (level < 0 && bullet_length (line->start) > 0)
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
               sizes_differ (line->size, prev->size)))
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
         paragraph->size > body * HEADING_RATIO &&
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
          bullet = bullet_length (paragraph->text);
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

static gboolean
has_end_marker (GBytes *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  gsize window = MIN (size, EOF_WINDOW);

  return memmem (bytes + size - window, window, "%%EOF", 5) != NULL;
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
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) paragraphs = NULL;
  g_autoptr(GString) current = NULL;
  g_autoptr(GHashTable) sizes = NULL;
  Writer writer;
  int n;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (n_pages != NULL)
    *n_pages = 0;

  /* Poppler mends a cut file as best it can and would give the pages
   * before the cut: a file without its end is refused whole. */
  if (!has_end_marker (data))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a complete PDF document."), name);
      return NULL;
    }

  document = poppler_document_new_from_bytes (data, NULL, &local_error);
  if (document == NULL)
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("%s is protected by a password."), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s is not a complete PDF document."), name);
      return NULL;
    }

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
