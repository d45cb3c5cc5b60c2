/* test-docx-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "steward-docx-writer.h"
#include "steward-export-source.h"

/* The Word writer (src/core/export/steward-docx-*.c), checked by real
 * readers: Debian's python3-docx reads styles, numbering, tables, links and
 * properties (test-docx-export.py), LibreOffice converts the document to
 * PDF once, pdftotext finds its headings. */

static const char introduction[] =
  "Plain paragraph with **bold**, *italic*, ~~strike~~, `code` and a "
  "[link](https://example.org/a?b=1&c=2).\n"
  "Line one\\\n"
  "line two\n"
  "\n"
  "# Background\n"
  "\n"
  "## Details\n"
  "\n"
  "- first bullet\n"
  "- second bullet\n"
  "  - nested bullet\n"
  "    1. deep one\n"
  "\n"
  "Between lists.\n"
  "\n"
  "3. three\n"
  "4. four\n"
  "\n"
  "Interlude.\n"
  "\n"
  "1. one again\n"
  "2. two again\n"
  "\n"
  "- [ ] open task\n"
  "- [x] done task\n"
  "\n"
  "| Name | Count |\n"
  "|:-----|------:|\n"
  "| Été  | 3     |\n"
  "| 東京 | 4     |\n"
  "\n"
  "```\n"
  "# not a heading\n"
  "code\tline\n"
  "```\n"
  "\n"
  "> A quote\n"
  "> > nested quote\n"
  "\n"
  "---\n"
  "\n"
  "![A diagram of the plan](plan.png)\n"
  "\n"
  "Control\x01" "char and Arabic مرحبا بالعالم.\n";

static const char conclusion[] =
  "Final words.\n"
  "\n"
  "### Deep heading\n";

static StewardExportSource *
make_source (void)
{
  StewardExportSource *source = steward_export_source_new ("Plan – Été 東京 مرحبا");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 14, 9, 26, 53);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2026, 4, 1, 12, 0, 0);

  steward_export_source_set_author (source, "Zoë Ångström");
  steward_export_source_set_dates (source, created, modified);
  steward_export_source_add_section (source, "Introduction", introduction);
  /* The control character is taken out */
  steward_export_source_add_section (source, "Conclu\x02sion", conclusion);

  return source;
}

/* Through a memory stream: a GFile would load GIO's modules, whose
 * one-time allocations LeakSanitizer reports. */
static char *
write_docx (StewardExportSource *source,
            const char          *dir)
{
  g_autofree char *path = g_build_filename (dir, "out.docx", NULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = steward_docx_write (source, out, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path,
                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                       &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

/* Runs the Python checker in @mode on @path; FALSE when it skipped (77). */
static gboolean
run_checker (const char *mode,
             const char *path)
{
  g_autofree char *checker = g_test_build_filename (G_TEST_DIST, "test-docx-export.py", NULL);
  const char *argv[] = { "/usr/bin/python3", checker, mode, path, NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("Debian's /usr/bin/python3 is not installed");
      return FALSE;
    }

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("%s%s", out, err);

  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip (err);
      return FALSE;
    }

  if (!g_spawn_check_wait_status (status, &error))
    g_error ("test-docx-export.py %s: %s\n%s%s", mode, error->message, out, err);

  return TRUE;
}

static void
test_content (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autofree char *dir = g_dir_make_tmp ("steward-docx-XXXXXX", NULL);
  g_autofree char *path = write_docx (source, dir);

  run_checker ("content", path);

  g_unlink (path);
  g_rmdir (dir);
}

/* LibreOffice is the strictest reader at hand, and slow to start: one
 * conversion for the suite. */
static void
test_libreoffice (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autofree char *dir = g_dir_make_tmp ("steward-docx-XXXXXX", NULL);
  g_autofree char *path = write_docx (source, dir);

  run_checker ("libreoffice", path);

  g_unlink (path);
  g_rmdir (dir);
}

/* No sections, no author, no dates, an empty title: still a document,
 * dated when it was written. */
static void
test_empty (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("");
  g_autofree char *dir = g_dir_make_tmp ("steward-docx-XXXXXX", NULL);
  g_autofree char *path = write_docx (source, dir);

  run_checker ("empty", path);

  g_unlink (path);
  g_rmdir (dir);
}

/* Lists, quotes and emphasis nested thousands deep: written without
 * recursion, lists kept at Word's ninth level, readable. */
static void
test_deep_nesting (void)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Deep");
  g_autofree char *dir = g_dir_make_tmp ("steward-docx-XXXXXX", NULL);
  g_autofree char *path = NULL;
  GString *lists = g_string_new (NULL);
  GString *quotes = g_string_new (NULL);
  GString *emphasis = g_string_new (NULL);
  g_autofree char *lists_text = NULL;
  g_autofree char *quotes_text = NULL;
  g_autofree char *emphasis_text = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (lists, "%*s- level %u\n", i * 2, "", i);
      g_string_append (quotes, ">");
      g_string_append (emphasis, i % 2 ? "*a " : "**b ");
    }
  g_string_append (quotes, " deep quote\n");
  g_string_append (emphasis, "deep");
  /* Closed in the order opened: the innermost first */
  for (guint i = 3000; i > 0; i--)
    g_string_append (emphasis, (i - 1) % 2 ? "*" : "**");

  lists_text = g_string_free (lists, FALSE);
  quotes_text = g_string_free (quotes, FALSE);
  emphasis_text = g_string_free (emphasis, FALSE);
  steward_export_source_add_section (source, "Lists", lists_text);
  steward_export_source_add_section (source, "Quotes", quotes_text);
  steward_export_source_add_section (source, "Emphasis", emphasis_text);

  path = write_docx (source, dir);
  run_checker ("deep", path);

  g_unlink (path);
  g_rmdir (dir);
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  gboolean ok;

  /* Cancelled after the first section */
  ok = steward_docx_write (source, out, cancel_cb, cancellable, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ok);
  g_clear_error (&error);

  /* Cancelled before it starts */
  ok = steward_docx_write (source, out, NULL, NULL, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (ok);
}

/* A stream that fills up: the stream's own error, once. */
static void
test_write_error (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autofree guchar *buffer = g_malloc (2000);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new (buffer, 2000, NULL, NULL);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = steward_docx_write (source, out, NULL, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_false (ok);
}

static void
count_progress_cb (double   fraction,
                   gpointer user_data)
{
  GArray *fractions = user_data;

  g_array_append_val (fractions, fraction);
}

static void
test_progress (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_docx_write (source, out, count_progress_cb, fractions, NULL, &error));
  g_assert_no_error (error);

  /* One report a section, then the end */
  g_assert_cmpuint (fractions->len, ==, 3);
  for (guint i = 1; i < fractions->len; i++)
    g_assert_cmpfloat (g_array_index (fractions, double, i - 1), <, g_array_index (fractions, double, i));
  g_assert_cmpfloat (g_array_index (fractions, double, 2), ==, 1.0);
}

/* The export job runs every writer through this type: a writer whose
 * signature drifts fails to build here. */
static const StewardExportWriteFunc writer G_GNUC_UNUSED = steward_docx_write;

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/docx-export/content", test_content);
  g_test_add_func ("/steward/docx-export/libreoffice", test_libreoffice);
  g_test_add_func ("/steward/docx-export/empty", test_empty);
  g_test_add_func ("/steward/docx-export/deep-nesting", test_deep_nesting);
  g_test_add_func ("/steward/docx-export/cancel", test_cancel);
  g_test_add_func ("/steward/docx-export/write-error", test_write_error);
  g_test_add_func ("/steward/docx-export/progress", test_progress);

  return g_test_run ();
}
