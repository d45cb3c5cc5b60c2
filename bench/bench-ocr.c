/* bench-ocr.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Text recognition of a rendered A4 page:
 *
 * 1. Draw a page of prose (DejaVu Serif 11 pt, 2.5 cm margins) with pango
 *    into a 300 dpi PNG, 2480 × 3508 pixels, as a scanner would give it.
 * 2. Read it N times with steward_ocr_read_file () and print the median
 *    time, the process's peak memory (VmHWM) and the share of the page's
 *    words found in the text read.
 * 3. Beside it, the same page read by tesseract's own command (the
 *    tesseract-ocr package), when installed: the same library, the cost of
 *    the engine alone.
 *
 * Benches report; they never gate CI. The exit status says only whether
 * the measurement itself worked.
 */

#define G_LOG_DOMAIN "steward-bench-ocr"

#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>

#include "steward-ocr.h"

#define DPI    300
#define WIDTH  2480
#define HEIGHT 3508

static int opt_runs = 3;

static const char *words[] = {
  "the", "budget", "meeting", "moved", "to", "Thursday", "morning", "and",
  "everyone", "should", "bring", "their", "notes", "about", "quarterly",
  "results", "before", "lunch", "we", "will", "review", "each", "project",
  "in", "turn", "with", "questions", "answered", "afterwards", "clearly",
};

static char *
make_text (void)
{
  GString *text = g_string_new (NULL);
  GRand *rand = g_rand_new_with_seed (20261207);

  /* About 600 words: a page of 11 pt prose */
  for (guint paragraph = 0; paragraph < 8; paragraph++)
    {
      for (guint i = 0; i < 75; i++)
        {
          const char *word = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

          g_string_append (text, word);
          g_string_append (text, (i % 12 == 11) ? ". " : " ");
        }
      g_string_append (text, "\n\n");
    }

  g_rand_free (rand);
  return g_string_free (text, FALSE);
}

static void
render_page (const char *path,
             const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Serif 11");
  double margin = 2.5 / 2.54 * DPI;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  /* Points to pixels at 300 dpi */
  cairo_scale (cr, DPI / 72.0, DPI / 72.0);
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_cairo_update_layout (cr, layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int)((WIDTH - 2 * margin) * 72.0 / DPI * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, margin * 72.0 / DPI, margin * 72.0 / DPI);
  pango_cairo_show_layout (cr, layout);

  g_assert (cairo_surface_write_to_png (surface, path) == CAIRO_STATUS_SUCCESS);
  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* The share of @expected's words found, in order, in @read */
static double
word_accuracy (const char *expected,
               const char *read)
{
  g_auto(GStrv) want = g_regex_split_simple ("[^A-Za-z]+", expected, 0, 0);
  g_autofree char *folded = g_ascii_strdown (read, -1);
  guint total = 0, found = 0;
  const char *at = folded;

  for (guint i = 0; want[i] != NULL; i++)
    {
      g_autofree char *word = g_ascii_strdown (want[i], -1);
      const char *hit;

      if (word[0] == '\0')
        continue;
      total++;
      if ((hit = strstr (at, word)) != NULL)
        {
          found++;
          at = hit + strlen (word);
        }
    }

  return total > 0 ? (double)found / total : 0;
}

static long
peak_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, "VmHWM:")))
    return -1;

  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *times)
{
  g_array_sort (times, compare_doubles);
  return g_array_index (times, double, times->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Read the page N times (3)", "N" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- text recognition of an A4 page");
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *tesseract = g_find_program_in_path ("tesseract");
  g_autofree char *tmp_dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *read = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (!steward_ocr_is_available ())
    {
      g_printerr ("Steward was built without text recognition.\n");
      return 1;
    }

  tmp_dir = g_dir_make_tmp ("steward-bench-ocr-XXXXXX", NULL);
  path = g_build_filename (tmp_dir, "page.png", NULL);
  text = make_text ();
  render_page (path, text);
  file = g_file_new_for_path (path);

  for (int run = 0; run < MAX (1, opt_runs); run++)
    {
      gint64 start = g_get_monotonic_time ();
      double seconds;

      g_clear_pointer (&read, g_free);
      if (!(read = steward_ocr_read_file (file, NULL, &error)))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
      g_array_append_val (times, seconds);

      if (tesseract != NULL)
        {
          g_autofree char *out_base = g_build_filename (tmp_dir, "baseline", NULL);
          const char *args[] = { tesseract, path, out_base, "-l", "eng", NULL };

          start = g_get_monotonic_time ();
          if (g_spawn_sync (NULL, (char **)args, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                            NULL, NULL, NULL, NULL, NULL, NULL))
            {
              seconds = (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC;
              g_array_append_val (baseline, seconds);
            }
        }
    }

  printf ("A4 page, %d × %d pixels (300 dpi), %d run(s), medians:\n", WIDTH, HEIGHT, MAX (1, opt_runs));
  printf ("  steward_ocr_read_file ():        %.2f s, words found %.1f%%\n",
          median (times), 100 * word_accuracy (text, read));
  printf ("  peak memory of the process:      %.0f MB\n", peak_kb () / 1024.0);
  if (baseline->len > 0)
    printf ("  baseline (tesseract's command):  %.2f s\n", median (baseline));
  else
    printf ("  baseline: tesseract's command is not installed (tesseract-ocr)\n");

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (tmp_dir, name, NULL);

        g_unlink (child);
      }
    g_rmdir (tmp_dir);
  }

  return 0;
}
