/* test-document-print.c: Print… of a document project, without its
 * dialog.
 *
 * steward_document_print_to_file() runs the GtkPrintOperation Print…
 * runs (its begin-print lays the project out as the PDF export does, its
 * draw-page draws each page) with GTK_PRINT_OPERATION_ACTION_EXPORT;
 * poppler's pdfinfo and pdftotext read the file back: more than one page,
 * every heading and the text of the phases there.
 *
 * Copyright 2026 The Steward authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>

#include "steward-document-print.h"

static char *
run_tool (const char *tool,
          const char *path)
{
  const char *argv[] = { tool, path, NULL, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (g_str_equal (tool, "pdftotext"))
    argv[2] = "-";

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", tool, error->message, err);

  return g_steal_pointer (&out);
}

static guint
n_pages (const char *info)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], "Pages:"))
      return (guint)g_ascii_strtoull (g_strstrip (lines[i] + strlen ("Pages:")), NULL, 10);

  return 0;
}

static StewardExportSource *
field_guide (void)
{
  StewardExportSource *source = steward_export_source_new ("Field guide");
  g_autoptr(GString) walks = g_string_new ("## Walks along the shore\n\n");

  steward_export_source_set_author (source, "Ana Lima");
  steward_export_source_add_section (source, "Brief and Audience",
                                     "Birds of the coast, for walkers with phones.\n\n"
                                     "- gulls and terns\n- waders\n  - the oystercatcher\n");
  steward_export_source_add_section (source, "Goals", "To name **twenty** birds, with *care*.");
  /* Enough text for more pages than one */
  for (guint i = 1; i <= 120; i++)
    g_string_append_printf (walks, "Walk %u follows the tide line past the dunes and the salt marsh, "
                                   "where the curlews feed at low water.\n\n", i);
  steward_export_source_add_section (source, "Main Discussion", walks->str);

  return source;
}

static void
test_print_to_file (void)
{
  g_autoptr(StewardExportSource) source = field_guide ();
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_dir_make_tmp ("steward-print-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  path = g_build_filename (folder, "field-guide.pdf", NULL);
  file = g_file_new_for_path (path);

  g_assert_true (steward_document_print_to_file (source, file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));

  info = run_tool ("pdfinfo", path);
  g_test_message ("%s", info);
  g_assert_cmpuint (n_pages (info), >, 1);

  text = run_tool ("pdftotext", path);
  g_assert_nonnull (strstr (text, "Field guide"));
  g_assert_nonnull (strstr (text, "Brief and Audience"));
  g_assert_nonnull (strstr (text, "Goals"));
  g_assert_nonnull (strstr (text, "Main Discussion"));
  g_assert_nonnull (strstr (text, "Walks along the shore"));
  g_assert_nonnull (strstr (text, "the oystercatcher"));
  g_assert_nonnull (strstr (text, "twenty"));
  g_assert_nonnull (strstr (text, "Walk 120 follows the tide line"));

  g_assert_cmpint (g_remove (path), ==, 0);
  g_assert_cmpint (g_rmdir (folder), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/document-print/to-file", test_print_to_file);

  return g_test_run ();
}
