/* test-pdf-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <poppler.h>

#include "steward-document-layout.h"
#include "steward-export-job.h"
#include "steward-export-source.h"
#include "steward-pdf-writer.h"

/* The PDF export (steward-pdf-writer.c over steward-document-layout.c),
 * read back with the real readers: poppler-utils' pdfinfo and pdftotext,
 * and poppler-glib for the outline, the links and the page sizes. */

/* poppler-glib 22.12 declares none */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerIndexIter, poppler_index_iter_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerAction, poppler_action_free)

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("steward-pdf-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static char *
run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("%s failed: %s", argv[0], err);

  return out;
}

static char *
pdftotext (const char *path,
           int         page)
{
  g_autofree char *first = g_strdup_printf ("%d", page);
  const char *all[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  const char *one[] = { "pdftotext", "-enc", "UTF-8", "-f", first, "-l", first, path, "-", NULL };

  return run_tool (page > 0 ? one : all);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

static gboolean
write_a4 (StewardExportSource       *source,
          GOutputStream             *out,
          StewardExportProgressFunc  progress,
          gpointer                   progress_data,
          GCancellable              *cancellable,
          GError                   **error)
{
  return steward_pdf_write_on_paper (source, STEWARD_PAPER_SIZE_A4, out, progress,
                                     progress_data, cancellable, error);
}

static gboolean
write_letter (StewardExportSource       *source,
              GOutputStream             *out,
              StewardExportProgressFunc  progress,
              gpointer                   progress_data,
              GCancellable              *cancellable,
              GError                   **error)
{
  return steward_pdf_write_on_paper (source, STEWARD_PAPER_SIZE_LETTER, out, progress,
                                     progress_data, cancellable, error);
}

static char *
export (StewardExportSource    *source,
        StewardExportWriteFunc  write,
        const char             *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  steward_export_job_run (file, write, source, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  return path;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);

  return document;
}

static const char long_paragraph[] =
  "The committee met on a grey morning to weigh the **budget**, the *schedule* "
  "and the ~~old~~ new `build_all()` target, and it agreed that every part of "
  "the plan would be read twice before anyone signed it. ";

static char *
long_body (const char *heading,
           guint       n_paragraphs)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "# %s\n\n", heading);
  for (guint i = 0; i < n_paragraphs; i++)
    {
      for (guint j = 0; j < 4; j++)
        g_string_append (text, long_paragraph);
      g_string_append (text, "\n\n");
      if (i == n_paragraphs / 2)
        g_string_append_printf (text, "## %s, continued\n\n", heading);
    }

  return g_string_free (text, FALSE);
}

/* @text without white space and bidirectional embedding marks */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && !(c >= 0x202A && c <= 0x202E))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static StewardExportSource *
make_source (void)
{
  StewardExportSource *source = steward_export_source_new ("Annual Report");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2026, 4, 2, 11, 30, 0);
  g_autofree char *first = long_body ("Background", 30);
  g_autofree char *third = long_body ("Findings", 20);

  steward_export_source_set_author (source, "Ada Lovelace");
  steward_export_source_set_dates (source, created, modified);
  steward_export_source_add_section (source, "Brief and audience", first);
  steward_export_source_add_section (source, "Goals",
    "Some goals:\n\n"
    "- First goal bullet\n"
    "  1. Nested numbered step\n"
    "  2. Second nested step\n"
    "- [x] Done task item\n"
    "- [ ] Open task item\n\n"
    "| Metric name | Target value |\n"
    "|-------------|-------------:|\n"
    "| Readers     | 1200         |\n"
    "| Pages       | 40           |\n\n"
    "```c\nint main (void) { return fortytwo; }\n```\n\n"
    "> A quoted line of wisdom\n\n"
    "---\n\n"
    "See [the project site](https://example.org/steward?q='x'&list=1,2) for more.\n\n"
    "![A chart of sales](chart.png)\n");
  steward_export_source_add_section (source, "Results", third);

  return source;
}

static void
test_long_text (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = export (source, write_a4, dir);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autofree char *squeezed = NULL;
  const char *pdfinfo[] = { "pdfinfo", path, NULL };
  int pages = 0;
  const char *line;

  info = run_tool (pdfinfo);
  g_assert_nonnull (strstr (info, "Title:           Annual Report"));
  g_assert_nonnull (strstr (info, "Author:          Ada Lovelace"));
  line = strstr (info, "Pages:");
  g_assert_nonnull (line);
  pages = atoi (line + strlen ("Pages:"));
  g_assert_cmpint (pages, >, 4);

  text = pdftotext (path, 0);

  /* Every line of the paragraphs once, whichever page it went to: none
   * cut in half at a page's end, none left out or shown twice */
  squeezed = squeeze (text);
  g_assert_cmpuint (count (squeezed, "greymorning"), ==, 4 * (30 + 20));
  g_assert_cmpuint (count (squeezed, "signedit."), ==, 4 * (30 + 20));

  for (guint i = 0; i < 3; i++)
    {
      static const char *headings[] = { "Brief and audience", "Goals", "Results" };

      g_assert_nonnull (strstr (text, headings[i]));
    }
  for (guint i = 0; i < 14; i++)
    {
      static const char *needles[] = {
        "Background", "Background, continued", "Findings, continued",
        "First goal bullet", "Nested numbered step", "Done task item",
        "Metric name", "Target value", "1200",
        "int main (void) { return fortytwo; }", "A quoted line of wisdom",
        "the project site", "A chart of sales", "Annual Report",
      };

      if (strstr (text, needles[i]) == NULL)
        g_error ("“%s” is not in the PDF's text", needles[i]);
    }

  remove_dir (dir);
}

static void
check_outline (PopplerIndexIter *iter,
               GString          *out,
               guint             depth)
{
  do
    {
      g_autoptr(PopplerAction) action = poppler_index_iter_get_action (iter);
      g_autoptr(PopplerIndexIter) child = NULL;

      g_assert_nonnull (action);
      g_string_append_printf (out, "%u:%s\n", depth, action->any.title);
      g_assert_true (action->type == POPPLER_ACTION_GOTO_DEST);

      child = poppler_index_iter_get_child (iter);
      if (child != NULL)
        check_outline (child, out, depth + 1);
    }
  while (poppler_index_iter_next (iter));
}

static void
test_outline_and_links (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autofree char *dir = make_dir ();
  g_autofree char *path = export (source, write_a4, dir);
  g_autoptr(PopplerDocument) document = open_pdf (path);
  g_autoptr(PopplerIndexIter) iter = poppler_index_iter_new (document);
  g_autoptr(GString) outline = g_string_new (NULL);
  g_autofree char *title = poppler_document_get_title (document);
  g_autofree char *author = poppler_document_get_author (document);
  gboolean found_link = FALSE;

  g_assert_cmpstr (title, ==, "Annual Report");
  g_assert_cmpstr (author, ==, "Ada Lovelace");
  g_assert_cmpint (poppler_document_get_creation_date (document), ==,
                   g_date_time_to_unix (steward_export_source_get_created (source)));

  g_assert_nonnull (iter);
  check_outline (iter, outline, 0);
  g_assert_cmpstr (outline->str, ==,
                   "0:Brief and audience\n"
                   "1:Background\n"
                   "2:Background, continued\n"
                   "0:Goals\n"
                   "0:Results\n"
                   "1:Findings\n"
                   "2:Findings, continued\n");

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, i);
      GList *links = poppler_page_get_link_mapping (page);

      for (GList *l = links; l != NULL; l = l->next)
        {
          PopplerLinkMapping *mapping = l->data;

          if (mapping->action->type == POPPLER_ACTION_URI &&
              g_strcmp0 (mapping->action->uri.uri, "https://example.org/steward?q='x'&list=1,2") == 0)
            {
              g_assert_cmpfloat (mapping->area.x2 - mapping->area.x1, >, 20);
              found_link = TRUE;
            }
        }
      poppler_page_free_link_mapping (links);
    }
  g_assert_true (found_link);

  remove_dir (dir);
}

static void
test_unicode (void)
{
  g_autofree char *squeezed = NULL;
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Ünïcödé títle");
  g_autofree char *dir = make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  steward_export_source_add_section (source, "Café crème",
                                     "Ça déjà naïve façade, Ærøskøbing.\n\n"
                                     "日本語の文章です。中文测试。\n\n"
                                     "مرحبا بالعالم\n\n"
                                     "| 名前 | Größe |\n|---|---|\n| 東京 | Über |\n");
  path = export (source, write_a4, dir);
  text = pdftotext (path, 0);

  g_assert_nonnull (strstr (text, "Ünïcödé títle"));
  g_assert_nonnull (strstr (text, "Café crème"));
  g_assert_nonnull (strstr (text, "Ça déjà naïve façade, Ærøskøbing."));
  g_assert_nonnull (strstr (text, "日本語の文章です。中文测试。"));
  g_assert_nonnull (strstr (text, "東京"));
  g_assert_nonnull (strstr (text, "Größe"));

  /* Right-to-left text in its logical order. pdftotext guesses where
   * the spaces between Arabic letters are from their positions, and puts
   * direction marks around it: compare without either. */
  squeezed = squeeze (text);
  g_assert_nonnull (strstr (squeezed, "مرحبابالعالم"));

  remove_dir (dir);
}

static void
test_table_header_repeats (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Tables");
  g_autoptr(GString) body = g_string_new ("Before the table.\n\n| Column Alpha | Column Beta |\n|---|---|\n");
  g_autofree char *dir = make_dir ();
  g_autofree char *path = NULL;
  g_autoptr(PopplerDocument) document = NULL;
  guint table_pages = 0;
  guint header_pages = 0;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (body, "| row %u | value %u |\n", i, i * 7);
  g_string_append (body, "\nAfter the table.\n");
  steward_export_source_add_section (source, "Data", body->str);
  path = export (source, write_a4, dir);
  document = open_pdf (path);

  for (int i = 1; i <= poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = pdftotext (path, i);

      if (strstr (text, "row ") != NULL)
        table_pages++;
      header_pages += count (text, "Column Alpha");
    }

  g_assert_cmpuint (table_pages, >=, 3);
  g_assert_cmpuint (header_pages, ==, table_pages);

  /* Every row once */
  {
    g_autofree char *text = pdftotext (path, 0);

    g_assert_cmpuint (count (text, "value "), ==, 300);
    g_assert_nonnull (strstr (text, "row 299"));
  }

  remove_dir (dir);
}

static void
test_taller_than_a_page (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Tall");
  g_autoptr(GString) body = g_string_new ("| Head |\n|---|\n| ");
  g_autofree char *dir = make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PopplerDocument) document = NULL;

  for (guint i = 0; i < 3000; i++)
    g_string_append_printf (body, "cell%u ", i);
  g_string_append (body, "|\n\n```\n");
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (body, "code line %u\n", i);
  g_string_append (body, "```\n");
  steward_export_source_add_section (source, "Tall rows", body->str);
  path = export (source, write_a4, dir);

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), >, 4);
  text = pdftotext (path, 0);
  g_assert_nonnull (strstr (text, "cell0 "));
  g_assert_nonnull (strstr (text, "cell2999"));
  g_assert_cmpuint (count (text, "code line "), ==, 400);
  g_assert_nonnull (strstr (text, "code line 399"));

  remove_dir (dir);
}

static void
test_paper_sizes (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Paper");
  g_autofree char *dir = make_dir ();
  StewardExportWriteFunc writers[] = { write_a4, write_letter };
  double widths[] = { 595.28, 612 };
  double heights[] = { 841.89, 792 };

  steward_export_source_add_section (source, "One", "Text.");
  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    {
      g_autofree char *path = export (source, writers[i], dir);
      g_autoptr(PopplerDocument) document = open_pdf (path);
      g_autoptr(PopplerPage) page = poppler_document_get_page (document, 1);
      double width, height;

      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, widths[i], 0.5);
      g_assert_cmpfloat_with_epsilon (height, heights[i], 0.5);
    }

  remove_dir (dir);
}

/* The locale's paper: US Letter where LC_PAPER says so. Run in a child
 * with a locale compiled into a temporary folder, when localedef can. */
static void
test_paper_locale (void)
{
  if (g_test_subprocess ())
    {
      double width, height;

      g_assert_nonnull (setlocale (LC_ALL, ""));
      steward_paper_size_get_points (STEWARD_PAPER_SIZE_LOCALE, &width, &height);
      g_print ("%s %.0fx%.0f\n", g_getenv ("LC_ALL"), width, height);
      return;
    }

  {
    g_autofree char *dir = make_dir ();
    g_autofree char *us = g_build_filename (dir, "en_US.UTF-8", NULL);
    g_autofree char *de = g_build_filename (dir, "de_DE.UTF-8", NULL);
    const char *make_us[] = { "localedef", "-i", "en_US", "-f", "UTF-8", us, NULL };
    const char *make_de[] = { "localedef", "-i", "de_DE", "-f", "UTF-8", de, NULL };
    int status_us = 1, status_de = 1;

    g_spawn_sync (NULL, (char **) make_us, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status_us, NULL);
    g_spawn_sync (NULL, (char **) make_de, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                  NULL, NULL, NULL, NULL, &status_de, NULL);
    if (!g_file_test (us, G_FILE_TEST_IS_DIR) || !g_file_test (de, G_FILE_TEST_IS_DIR))
      {
        g_test_skip ("localedef could not compile en_US and de_DE");
        return;
      }

    g_setenv ("LOCPATH", dir, TRUE);
    g_setenv ("LC_ALL", "en_US.UTF-8", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("en_US.UTF-8 612x792\n");

    g_setenv ("LC_ALL", "de_DE.UTF-8", TRUE);
    g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
    g_test_trap_assert_passed ();
    g_test_trap_assert_stdout ("de_DE.UTF-8 595x842\n");

    g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    g_unsetenv ("LOCPATH");
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

      g_assert_cmpint (system (command), ==, 0);
    }
  }
}

static void
test_deep_nesting (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Deep");
  g_autofree char *squeezed = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 5000; i++)
    g_string_append (body, "> ");
  g_string_append (body, "deep quote\n\n");
  for (guint i = 0; i < 2000; i++)
    {
      for (guint j = 0; j < i; j++)
        g_string_append (body, "  ");
      g_string_append (body, "- item\n");
    }
  g_string_append (body, "\nlast words\n\n");
  for (guint i = 0; i < 3000; i++)
    g_string_append (body, "*_**");
  g_string_append (body, "nested emphasis");
  for (guint i = 0; i < 3000; i++)
    g_string_append (body, "**_*");
  g_string_append (body, "\n");

  steward_export_source_add_section (source, "Nesting", body->str);
  path = export (source, write_a4, dir);
  text = pdftotext (path, 0);
  g_assert_nonnull (strstr (text, "deep quote"));
  g_assert_nonnull (strstr (text, "last words"));
  /* Between the underscores left over, it wraps anywhere */
  squeezed = squeeze (text);
  g_assert_nonnull (strstr (squeezed, "nestedemphasis"));

  remove_dir (dir);
}

/* An empty project is a title page */
static void
test_empty (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Nothing yet");
  g_autofree char *dir = make_dir ();
  g_autofree char *path = export (source, write_a4, dir);
  g_autoptr(PopplerDocument) document = open_pdf (path);
  g_autofree char *text = pdftotext (path, 0);

  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
  g_assert_nonnull (strstr (text, "Nothing yet"));

  remove_dir (dir);
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  double *last = user_data;

  g_assert_cmpfloat (fraction, >=, *last);
  g_assert_cmpfloat (fraction, <=, 1);
  *last = fraction;
}

static gpointer
paginate_thread (gpointer data)
{
  StewardDocumentLayout *layout = data;
  double last = 0;

  if (!steward_document_layout_paginate (layout, progress_cb, &last, NULL, NULL))
    return NULL;

  return GINT_TO_POINTER (last == 1);
}

/* The same pages on any cairo surface, as Print… draws them: here an
 * image, where the text leaves dark pixels and the tags are ignored.
 * Laid out in a worker, drawn in the main thread. */
static void
test_layout_on_image (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autoptr(StewardDocumentLayout) layout = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint dark = 0;
  guchar *data;
  int stride;

  layout = steward_document_layout_new (source, 612, 792, 54);
  g_assert_true (g_thread_join (g_thread_new ("paginate", paginate_thread, layout)));
  g_assert_cmpuint (steward_document_layout_get_n_pages (layout), >, 4);
  g_assert_cmpuint (steward_document_layout_get_n_headings (layout), ==, 7);

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 612, 792);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  steward_document_layout_draw_page (layout, cr, 1);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);

  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);
  for (int y = 0; y < 792; y++)
    for (int x = 0; x < 612; x++)
      if ((((guint32 *) (data + y * stride))[x] & 0xff) < 0x80)
        dark++;
  g_assert_cmpuint (dark, >, 5000);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/pdf-export/long-text", test_long_text);
  g_test_add_func ("/steward/pdf-export/outline-and-links", test_outline_and_links);
  g_test_add_func ("/steward/pdf-export/unicode", test_unicode);
  g_test_add_func ("/steward/pdf-export/table-header-repeats", test_table_header_repeats);
  g_test_add_func ("/steward/pdf-export/taller-than-a-page", test_taller_than_a_page);
  g_test_add_func ("/steward/pdf-export/paper-sizes", test_paper_sizes);
  g_test_add_func ("/steward/pdf-export/paper-locale", test_paper_locale);
  g_test_add_func ("/steward/pdf-export/deep-nesting", test_deep_nesting);
  g_test_add_func ("/steward/pdf-export/empty", test_empty);
  g_test_add_func ("/steward/pdf-export/layout-on-image", test_layout_on_image);

  return g_test_run ();
}
