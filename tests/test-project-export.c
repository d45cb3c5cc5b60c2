/* test-project-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A document project exported in each format (steward-project-export.c),
 * the way the CLI's export and the app's Export… do it: the file is what
 * the format's readers take, JSON comes back as the same project, and a
 * cancelled export leaves nothing. The writers' own suites check each
 * format in depth. */

#include "config.h"

#include <glib/gstdio.h>

#include "steward-core.h"
#include "store-fixture.h"

static gint64
make_project (StewardStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardPhase) first = NULL;
  g_autoptr(StewardPhase) second = NULL;
  gint64 id;

  id = steward_projects_create (store, "Field guide: Algarve", NULL, "Birds, for walkers.", &error);
  g_assert_no_error (error);

  first = steward_projects_lookup_phase (store, id, 1, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_set_phase_content (store, steward_phase_get_id (first),
                                                  "Walkers, **birders** and _families_.\n\n- Hoopoe\n- Bee-eater\n",
                                                  STEWARD_VERSION_REASON_COMPLETED, NULL, NULL, &error));
  g_assert_no_error (error);
  second = steward_projects_lookup_phase (store, id, 2, &error);
  g_assert_true (steward_store_set_phase_content (store, steward_phase_get_id (second),
                                                  "# Goals\n\nIdentify a bird in under a minute. Çà 快 مرحبا\n",
                                                  STEWARD_VERSION_REASON_SAVED, NULL, NULL, &error));
  g_assert_no_error (error);

  return id;
}

static GBytes *
read_all (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);

  return bytes;
}

static void
test_file_name (StoreFixture  *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *md = NULL;
  gint64 id;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  id = make_project (store);
  project = steward_store_find_project (store, id, &error);
  g_assert_no_error (error);

  pdf = steward_project_export_dup_file_name (project, STEWARD_EXPORT_FORMAT_PDF);
  g_assert_cmpstr (pdf, ==, "Field guide- Algarve.pdf");
  md = steward_project_export_dup_file_name (project, STEWARD_EXPORT_FORMAT_MARKDOWN);
  g_assert_cmpstr (md, ==, "Field guide- Algarve.md");
  g_assert_cmpstr (steward_export_format_get_extension (STEWARD_EXPORT_FORMAT_DOCX), ==, "docx");
}

/* Each format, synchronously (the CLI's way) */
static void
test_formats (StoreFixture  *fixture,
              gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  id = make_project (store);

  for (StewardExportFormat format = STEWARD_EXPORT_FORMAT_PDF; format <= STEWARD_EXPORT_FORMAT_JSON; format++)
    {
      g_autofree char *name = g_strdup_printf ("out.%s", steward_export_format_get_extension (format));
      g_autofree char *path = g_build_filename (fixture->data_dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GBytes) bytes = NULL;
      const char *data;
      gsize size;

      g_assert_true (steward_project_export (store, id, format, file, NULL, NULL, NULL, &error));
      g_assert_no_error (error);

      bytes = read_all (file);
      data = g_bytes_get_data (bytes, &size);
      g_assert_cmpuint (size, >, 4);

      switch (format)
        {
        case STEWARD_EXPORT_FORMAT_PDF:
          g_assert_true (memcmp (data, "%PDF", 4) == 0);
          break;

        case STEWARD_EXPORT_FORMAT_DOCX:
          g_assert_true (memcmp (data, "PK\003\004", 4) == 0);
          break;

        case STEWARD_EXPORT_FORMAT_MARKDOWN:
          {
            g_autofree char *text = g_strndup (data, size);

            g_assert_nonnull (strstr (text, "# Brief and Audience"));
            /* The body's heading one level down under its phase */
            g_assert_nonnull (strstr (text, "\n## Goals"));
            g_assert_nonnull (strstr (text, "Çà 快 مرحبا"));
          }
          break;

        case STEWARD_EXPORT_FORMAT_JSON:
          {
            g_autoptr(StewardProject) again = NULL;
            g_autofree char *first = NULL;
            g_autofree char *second = NULL;
            gint64 copy;

            copy = steward_project_json_import_file (store, file, &error);
            g_assert_no_error (error);
            g_assert_cmpint (copy, !=, id);
            again = steward_store_find_project (store, copy, &error);
            g_assert_cmpstr (steward_project_get_name (again), ==, "Field guide: Algarve");
            first = steward_project_json_dup (store, id, &error);
            second = steward_project_json_dup (store, copy, &error);
            g_assert_cmpstr (first, ==, second);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
  double   last_progress;
} Done;

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  Done *done = user_data;

  g_assert_cmpfloat (fraction, >=, done->last_progress);
  done->last_progress = fraction;
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Done *done = user_data;

  done->ok = steward_project_export_finish (result, &done->error);
  done->done = TRUE;
}

/* In a worker, with progress; cancelled, it leaves an existing file as
 * it was and no other file beside it. */
static void
test_async (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (fixture->data_dir, "exports", NULL);
  g_autofree char *path = g_build_filename (dir, "guide.docx", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GDir) listing = NULL;
  g_autofree char *kept = NULL;
  Done done = { 0 };
  gint64 id;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  id = make_project (store);
  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);

  steward_project_export_async (store, id, STEWARD_EXPORT_FORMAT_DOCX, file, progress_cb, &done, NULL,
                                NULL, export_cb, &done);
  while (!done.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (done.error);
  g_assert_true (done.ok);
  g_assert_cmpfloat (done.last_progress, ==, 1.0);

  /* Cancelled before it began: the file from before stays */
  g_assert_true (g_file_set_contents (path, "before", -1, NULL));
  memset (&done, 0, sizeof done);
  g_cancellable_cancel (cancellable);
  for (StewardExportFormat format = STEWARD_EXPORT_FORMAT_PDF; format <= STEWARD_EXPORT_FORMAT_JSON; format++)
    {
      done.done = FALSE;
      g_clear_error (&done.error);
      steward_project_export_async (store, id, format, file, NULL, NULL, NULL,
                                    cancellable, export_cb, &done);
      while (!done.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_error (done.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    }
  g_clear_error (&done.error);

  g_assert_true (g_file_get_contents (path, &kept, NULL, NULL));
  g_assert_cmpstr (kept, ==, "before");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "guide.docx");
  g_assert_null (g_dir_read_name (listing));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("project-export", "file-name", test_file_name);
  STORE_TEST_ADD ("project-export", "formats", test_formats);
  STORE_TEST_ADD ("project-export", "async", test_async);

  return g_test_run ();
}
