/* test-export-job.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steward-export-job.h"
#include "steward-pdf-writer.h"

/* The export job (steward-export-job.c): a file appears only when its
 * writer succeeded, under its own name, whole; failing or cancelled
 * exports leave the folder as it was. */

static char *
make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("steward-export-job-XXXXXX", &error);

  g_assert_no_error (error);

  return dir;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char *const *) a, *(const char *const *) b);
}

/* The names in @dir, sorted, comma-separated */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (",", (char **) names->pdata);
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

static StewardExportSource *
make_source (guint n_paragraphs)
{
  StewardExportSource *source = steward_export_source_new ("Job");
  g_autoptr(GString) body = g_string_new (NULL);

  for (guint i = 0; i < n_paragraphs; i++)
    g_string_append (body, "A paragraph of some words to lay out, with **bold** ones.\n\n");
  steward_export_source_add_section (source, "One", body->str);
  steward_export_source_add_section (source, "Two", body->str);

  return source;
}

/* Writes half its text, then fails */
static gboolean
failing_write (StewardExportSource       *source,
               GOutputStream             *out,
               StewardExportProgressFunc  progress,
               gpointer                   progress_data,
               GCancellable              *cancellable,
               GError                   **error)
{
  if (!g_output_stream_write_all (out, "%PDF-1.5\n", 9, NULL, cancellable, error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE, "The disk is full");

  return FALSE;
}

static void
test_success_and_failure (void)
{
  g_autoptr(StewardExportSource) source = make_source (10);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *names = NULL;
  gsize length;

  g_assert_true (steward_export_job_run (file, steward_pdf_write, source, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "report.pdf");
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_nonnull (g_strrstr_len (contents + length - 8, 8, "%%EOF"));

  /* A failing writer: the earlier file stays, no temporary is left */
  g_assert_false (steward_export_job_run (file, failing_write, source, NULL, NULL, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
  g_assert_cmpstr (error->message, ==, "Could not write report.pdf: The disk is full.");
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "report.pdf");
  {
    g_autofree char *after = NULL;
    gsize after_length;

    g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
    g_assert_cmpmem (after, after_length, contents, length);
  }

  /* A folder that does not exist */
  g_clear_error (&error);
  {
    g_autofree char *missing = g_build_filename (dir, "gone", "report.pdf", NULL);
    g_autoptr(GFile) missing_file = g_file_new_for_path (missing);

    g_assert_false (steward_export_job_run (missing_file, steward_pdf_write, source, NULL, NULL, NULL, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
    g_assert_cmpstr (error->message, ==, "Could not write report.pdf: Its folder does not exist.");
  }

  /* A folder where the file should go: nothing is left beside it */
  g_clear_error (&error);
  {
    g_autofree char *folder = g_build_filename (dir, "taken.pdf", NULL);
    g_autoptr(GFile) folder_file = g_file_new_for_path (folder);

    g_assert_cmpint (g_mkdir (folder, 0700), ==, 0);
    g_assert_false (steward_export_job_run (folder_file, steward_pdf_write, source, NULL, NULL, NULL, &error));
    g_assert_cmpstr (error->message, ==, "Could not write taken.pdf: A folder has that name.");
    g_clear_pointer (&names, g_free);
    names = list_dir (dir);
    g_assert_cmpstr (names, ==, "report.pdf,taken.pdf");
    g_rmdir (folder);
  }

  remove_dir (dir);
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  double        last;
  guint         n_reports;
  gboolean      decreased;
  double        cancel_at;
  GThread      *thread;
  gboolean      notified;
  gboolean      wrong_thread;
} Run;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Run *run = user_data;

  if (g_thread_self () != run->thread)
    run->wrong_thread = TRUE;
  if (fraction < run->last)
    run->decreased = TRUE;
  run->last = fraction;
  run->n_reports++;
  if (run->cancel_at > 0 && fraction >= run->cancel_at)
    g_cancellable_cancel (run->cancellable);
}

static void
progress_notify (gpointer user_data)
{
  Run *run = user_data;

  run->notified = TRUE;
}

static void
run_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;

  steward_export_job_run_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

/* steward_pdf_write(), which once past pause_at waits in the worker
 * until the export is cancelled (at most 10 s): the main thread's cancel
 * then always lands in the middle of the export, however busy the
 * machine. */
static double pause_at;

typedef struct
{
  StewardExportProgressFunc  progress;
  gpointer                   progress_data;
  GCancellable              *cancellable;
} Pausing;

static void
pausing_progress_cb (double   fraction,
                     gpointer user_data)
{
  Pausing *pausing = user_data;

  pausing->progress (fraction, pausing->progress_data);
  if (pause_at > 0 && fraction >= pause_at)
    for (guint i = 0; i < 10000 && !g_cancellable_is_cancelled (pausing->cancellable); i++)
      g_usleep (1000);
}

static gboolean
pausing_write (StewardExportSource       *source,
               GOutputStream             *out,
               StewardExportProgressFunc  progress,
               gpointer                   progress_data,
               GCancellable              *cancellable,
               GError                   **error)
{
  Pausing pausing = { progress, progress_data, cancellable };

  return steward_pdf_write (source, out, pausing_progress_cb, &pausing, cancellable, error);
}

static void
run_async (GFile               *file,
           StewardExportSource *source,
           Run                 *run)
{
  run->loop = g_main_loop_new (NULL, FALSE);
  run->cancellable = g_cancellable_new ();
  run->thread = g_thread_self ();
  pause_at = run->cancel_at;
  steward_export_job_run_async (file, pausing_write, source, progress_cb, run,
                                progress_notify, run->cancellable, run_done_cb, run);
  g_main_loop_run (run->loop);
  /* The worker thread lets the task go soon after: poll, since nothing
   * wakes this context up when it does */
  while (!run->notified)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_main_loop_unref (run->loop);
  g_object_unref (run->cancellable);
}

static void
test_async_progress (void)
{
  g_autoptr(StewardExportSource) source = make_source (3000);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *names = NULL;
  Run run = { 0 };
  gint64 start = g_get_monotonic_time ();
  double seconds;

  run_async (file, source, &run);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_assert_no_error (run.error);
  g_assert_cmpfloat (run.last, ==, 1);
  g_assert_cmpuint (run.n_reports, >=, 1);
  /* About 30 a second at most, and the last one */
  g_assert_cmpfloat (run.n_reports, <=, 31 * seconds + 2);
  g_assert_false (run.decreased);
  g_assert_false (run.wrong_thread);
  g_assert_true (run.notified);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "report.pdf");

  remove_dir (dir);
}

static void
test_cancel (void)
{
  g_autoptr(StewardExportSource) source = make_source (3000);
  g_autofree char *dir = make_dir ();
  g_autofree char *path = g_build_filename (dir, "report.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *names = NULL;
  g_autofree char *contents = NULL;
  Run run = { 0 };

  /* Cancelled half-way: nothing is left */
  run.cancel_at = 0.3;
  run_async (file, source, &run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (g_str_has_prefix (run.error->message, "Could not write report.pdf: "));
  g_assert_cmpfloat (run.last, <, 1);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "");
  g_clear_error (&run.error);

  /* Cancelled over an earlier export: that one stays as it was */
  g_assert_true (g_file_set_contents (path, "the earlier file", -1, NULL));
  run = (Run) { 0 };
  run.cancel_at = 0.5;
  run_async (file, source, &run);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&run.error);
  g_clear_pointer (&names, g_free);
  names = list_dir (dir);
  g_assert_cmpstr (names, ==, "report.pdf");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "the earlier file");

  /* Cancelled before it starts, synchronously */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (steward_export_job_run (file, steward_pdf_write, source, NULL, NULL,
                                            cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_pointer (&names, g_free);
    names = list_dir (dir);
    g_assert_cmpstr (names, ==, "report.pdf");
  }

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/export-job/success-and-failure", test_success_and_failure);
  g_test_add_func ("/steward/export-job/async-progress", test_async_progress);
  g_test_add_func ("/steward/export-job/cancel", test_cancel);

  return g_test_run ();
}
