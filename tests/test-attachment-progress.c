/* test-attachment-progress.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "steward-attachment-import.h"

/* An import that says how far it is (steward-attachment-import.h): a PDF
 * drawn by cairo in the test, read by the real poppler in a worker; its
 * progress arrives on the main context, in order, ending at (N, N)
 * before the import is finished; cancelled half-way it is refused with
 * G_IO_ERROR_CANCELLED and leaves nothing in the attachments folder. */

typedef struct
{
  char         *path;
  GFile        *directory;
  GMainLoop    *loop;
  GThread      *main_thread;
  GArray       *done;
  GArray       *totals;
  guint         n_destroyed;
  gboolean      destroyed_on_main;
  gboolean      finished;
  gboolean      progress_after_finish;
  GCancellable *cancel_at_first;
  StewardAttachment *attachment;
  GError       *error;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->path = g_dir_make_tmp ("steward-progress-XXXXXX", NULL);
  g_assert_nonnull (fixture->path);
  fixture->directory = g_file_new_build_filename (fixture->path, "attachments", NULL);
  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->main_thread = g_thread_self ();
  fixture->done = g_array_new (FALSE, FALSE, sizeof (guint));
  fixture->totals = g_array_new (FALSE, FALSE, sizeof (guint));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  remove_tree (fixture->path);
  g_free (fixture->path);
  g_clear_object (&fixture->directory);
  g_main_loop_unref (fixture->loop);
  g_array_unref (fixture->done);
  g_array_unref (fixture->totals);
  g_clear_object (&fixture->cancel_at_first);
  g_clear_object (&fixture->attachment);
  g_clear_error (&fixture->error);
}

/* A PDF of @n_pages pages of text, each a few milliseconds to read */
static GFile *
make_pdf (Fixture    *fixture,
          const char *name,
          guint       n_pages)
{
  g_autofree char *path = g_build_filename (fixture->path, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);

  cairo_set_font_size (cr, 14);
  for (guint i = 1; i <= n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page %u of the report", i);

      cairo_move_to (cr, 72, 72);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return g_file_new_for_path (path);
}

static void
progress_cb (guint    done,
             guint    total,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  g_assert_true (g_thread_self () == fixture->main_thread);
  if (fixture->finished)
    fixture->progress_after_finish = TRUE;
  g_array_append_val (fixture->done, done);
  g_array_append_val (fixture->totals, total);

  if (fixture->cancel_at_first != NULL)
    g_cancellable_cancel (fixture->cancel_at_first);
}

static void
progress_destroy (gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->n_destroyed++;
  fixture->destroyed_on_main = g_thread_self () == fixture->main_thread;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->attachment = steward_attachment_import_finish (result, &fixture->error);
  fixture->finished = TRUE;
  g_main_loop_quit (fixture->loop);
}

/* Until the progress data is let go too */
static void
wait_for_destroy (Fixture *fixture)
{
  while (fixture->n_destroyed == 0)
    g_main_context_iteration (NULL, TRUE);
  /* Nothing more may come */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (fixture->n_destroyed, ==, 1);
  g_assert_true (fixture->destroyed_on_main);
  g_assert_false (fixture->progress_after_finish);
}

static void
assert_in_order (Fixture *fixture,
                 guint    n_pages)
{
  g_assert_cmpuint (fixture->done->len, >=, 1);
  for (guint i = 0; i < fixture->done->len; i++)
    {
      g_assert_cmpuint (g_array_index (fixture->totals, guint, i), ==, n_pages);
      g_assert_cmpuint (g_array_index (fixture->done, guint, i), >=, 1);
      if (i > 0)
        g_assert_cmpuint (g_array_index (fixture->done, guint, i), >,
                          g_array_index (fixture->done, guint, i - 1));
    }
}

static void
test_progress_file (Fixture       *fixture,
                    gconstpointer  data)
{
  const guint n_pages = 40;
  g_autoptr(GFile) file = make_pdf (fixture, "report.pdf", n_pages);

  steward_attachment_import_with_progress_async (file, fixture->directory,
                                                 progress_cb, fixture, progress_destroy,
                                                 NULL, imported_cb, fixture);
  g_main_loop_run (fixture->loop);

  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->attachment);
  g_assert_cmpuint (steward_attachment_get_n_pages (fixture->attachment), ==, n_pages);

  /* On the main context, in order, the last one whole, before the end */
  assert_in_order (fixture, n_pages);
  g_assert_cmpuint (g_array_index (fixture->done, guint, fixture->done->len - 1), ==, n_pages);
  /* Coalesced: never more calls than pages */
  g_assert_cmpuint (fixture->done->len, <=, n_pages);
  wait_for_destroy (fixture);
}

static void
test_progress_bytes (Fixture       *fixture,
                     gconstpointer  data)
{
  const guint n_pages = 5;
  g_autoptr(GFile) file = make_pdf (fixture, "scan.pdf", n_pages);
  g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, NULL);

  g_assert_nonnull (bytes);
  steward_attachment_import_bytes_with_progress_async (bytes, "Pasted scan.pdf", fixture->directory,
                                                       progress_cb, fixture, progress_destroy,
                                                       NULL, imported_cb, fixture);
  g_main_loop_run (fixture->loop);

  g_assert_no_error (fixture->error);
  g_assert_cmpstr (steward_attachment_get_name (fixture->attachment), ==, "Pasted scan.pdf");
  assert_in_order (fixture, n_pages);
  g_assert_cmpuint (g_array_index (fixture->done, guint, fixture->done->len - 1), ==, n_pages);
  wait_for_destroy (fixture);
}

/* Not a PDF: no pages to count, and the progress data is still let go */
static void
test_progress_text (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->path, "notes.txt", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  g_assert_true (g_file_set_contents (path, "Milk, eggs, bread.\n", -1, NULL));
  steward_attachment_import_with_progress_async (file, fixture->directory,
                                                 progress_cb, fixture, progress_destroy,
                                                 NULL, imported_cb, fixture);
  g_main_loop_run (fixture->loop);

  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->attachment);
  g_assert_cmpuint (fixture->done->len, ==, 0);
  wait_for_destroy (fixture);
}

static guint
count_files (GFile *directory)
{
  g_autofree char *path = g_file_get_path (directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir != NULL)
    while (g_dir_read_name (dir) != NULL)
      n++;
  return n;
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  /* Long enough that the first page's progress reaches the main context
   * well before the last page is read */
  const guint n_pages = 400;
  g_autoptr(GFile) file = make_pdf (fixture, "long.pdf", n_pages);

  fixture->cancel_at_first = g_cancellable_new ();
  steward_attachment_import_with_progress_async (file, fixture->directory,
                                                 progress_cb, fixture, progress_destroy,
                                                 fixture->cancel_at_first, imported_cb, fixture);
  g_main_loop_run (fixture->loop);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->attachment);
  g_assert_cmpuint (fixture->done->len, >=, 1);
  g_assert_cmpuint (g_array_index (fixture->done, guint, fixture->done->len - 1), <, n_pages);
  wait_for_destroy (fixture);

  /* Nothing half attached: neither a copy nor a PDF's text */
  g_assert_cmpuint (count_files (fixture->directory), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/attachment-progress/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("file", test_progress_file);
  ADD ("bytes", test_progress_bytes);
  ADD ("text", test_progress_text);
  ADD ("cancel", test_cancel);

  return g_test_run ();
}
