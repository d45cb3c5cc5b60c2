/* steward-pdf-lines.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* memmem () */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "steward-pdf-lines.h"

/* How far from the end of a PDF its end marker may be */
#define EOF_WINDOW 1024

static gboolean
has_end_marker (GBytes *data)
{
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);
  gsize window = MIN (size, EOF_WINDOW);

  return memmem (bytes + size - window, window, "%%EOF", 5) != NULL;
}

PopplerDocument *
steward_pdf_open (GBytes      *data,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  PopplerDocument *document;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!has_end_marker (data))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a complete PDF document."), name);
      return NULL;
    }

  if (!(document = poppler_document_new_from_bytes (data, NULL, &local_error)))
    {
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                     _("%s is protected by a password."), name);
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                     _("%s is not a complete PDF document."), name);
      return NULL;
    }

  return document;
}

/* How many times a page must show a line spacing to take it for the
 * spacing of its paragraphs' lines */
#define MIN_LEADING_COUNT 3
/* Matching lines with the bullets beside them costs lines × lines: a
 * page of more lines than this has no list found by its bullets */
#define MAX_BULLET_LINES 2000

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

gboolean
steward_pdf_sizes_differ (double a,
                          double b)
{
  return a > 0 && b > 0 && (a > b * STEWARD_PDF_SIZE_RATIO || b > a * STEWARD_PDF_SIZE_RATIO);
}

/* The page's lines, with their boxes when @rects is given */
static GArray *
split_lines (const char             *text,
             const PopplerRectangle *rects,
             const double           *sizes)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (StewardPdfLine));
  const char *p = text;
  guint index = 0;

  for (;;)
    {
      StewardPdfLine line = { p, 0, G_MAXDOUBLE, -G_MAXDOUBLE, G_MAXDOUBLE, 0, FALSE };

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
int
steward_pdf_lines_item_level (GArray               *lines,
                              const StewardPdfLine *line,
                              GArray               *bullet_lefts)
{
  double height = line->bottom - line->top;

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *bullet = &g_array_index (lines, StewardPdfLine, i);

      if (!bullet->bullet || bullet->top > bullet->bottom ||
          fabs (bullet->top - line->top) > 0.5 * height || bullet->left >= line->left)
        continue;

      for (guint k = 0; k < bullet_lefts->len; k++)
        if (fabs (g_array_index (bullet_lefts, double, k) - bullet->left) < 2)
          return MIN (k, 5);
    }

  return -1;
}

gsize
steward_pdf_bullet_length (const char *text)
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
double
steward_pdf_lines_leading (GArray *lines)
{
  g_autoptr(GHashTable) counts = g_hash_table_new (NULL, NULL);
  const StewardPdfLine *prev = NULL;
  guint best = 0, best_count = 0;
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *line = &g_array_index (lines, StewardPdfLine, i);

      if (line->len == 0 || line->bullet || line->top > line->bottom || line->size <= 0)
        {
          prev = line->len == 0 ? NULL : prev;
          continue;
        }

      if (prev != NULL && !steward_pdf_sizes_differ (line->size, prev->size) && line->top > prev->top)
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

GArray *
steward_pdf_lines_bullet_lefts (GArray *lines)
{
  GArray *lefts = g_array_new (FALSE, FALSE, sizeof (double));

  if (lines->len > MAX_BULLET_LINES)
    return lefts;

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardPdfLine *line = &g_array_index (lines, StewardPdfLine, i);

      if (line->bullet && line->top <= line->bottom)
        {
          gboolean seen = FALSE;

          for (guint k = 0; k < lefts->len; k++)
            seen |= fabs (g_array_index (lefts, double, k) - line->left) < 2;
          if (!seen)
            g_array_append_val (lefts, line->left);
        }
    }
  g_array_sort (lefts, compare_doubles);

  return lefts;
}

GArray *
steward_pdf_lines_read (PopplerPage  *page,
                        char        **text)
{
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree double *sizes = NULL;
  guint n_rects = 0;
  guint n_chars;
  gboolean have_layout;

  *text = poppler_page_get_text (page);
  if (*text == NULL)
    *text = g_strdup ("");

  n_chars = g_utf8_strlen (*text, -1);
  have_layout = poppler_page_get_text_layout (page, &rects, &n_rects) && n_rects == n_chars;
  sizes = character_sizes (page, n_chars);

  return split_lines (*text, have_layout ? rects : NULL, sizes);
}
