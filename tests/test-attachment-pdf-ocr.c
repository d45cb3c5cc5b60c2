/* test-attachment-pdf-ocr.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "steward-attachment-import.h"
#include "steward-attachment-pdf.h"
#include "steward-ocr.h"

/* Scanned pages of an attached PDF (steward-attachment-pdf.c) read with
 * the real tesseract: PDFs made by cairo in the test, a page of real text
 * beside a page that is only a picture of text (pdftotext, poppler-utils,
 * finds no text on it), and a blank page. Without text recognition (the
 * 'ocr' feature off, or tesseract without its language data: a
 * TESSDATA_PREFIX pointing at an empty folder, as the 'no-ocr-data' case
 * sets in a subprocess) the scan is marked as having no text and the
 * attachment still works. */

#define TEXT_PAGE "Quarterly plan\nShip the attachments by Friday."
#define SCANNED_TEXT "Invoice for the garden shed\nPlease pay before Monday"

static const char *scanned_words[] = { "invoice", "garden", "shed", "please", "pay", "before", "monday" };

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* An image of @text in a large clear font, as a scanner at 200 dpi would
 * give it of a printed A4 page (the top third of it) */
static cairo_surface_t *
make_scan (const char *text)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 1654, 780);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("DejaVu Sans 60px");

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 160, 160);
  pango_cairo_show_layout (cr, layout);

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);

  return surface;
}

typedef enum
{
  PAGE_TEXT,
  PAGE_SCAN,
  PAGE_BLANK,
} PageKind;

/* An A4 PDF whose pages are text (pango in the PDF's text layer), a scan
 * (an image of text, no text layer) or blank */
static void
make_pdf (const char     *path,
          const PageKind *pages,
          guint           n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_surface_t *scan = make_scan (SCANNED_TEXT);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 12");

  pango_layout_set_font_description (layout, font);

  for (guint i = 0; i < n_pages; i++)
    {
      switch (pages[i])
        {
        case PAGE_TEXT:
          cairo_move_to (cr, 72, 72);
          pango_layout_set_text (layout, TEXT_PAGE, -1);
          pango_cairo_show_layout (cr, layout);
          break;

        case PAGE_SCAN:
          cairo_save (cr);
          cairo_scale (cr, 72.0 / 200, 72.0 / 200);
          cairo_set_source_surface (cr, scan, 0, 0);
          cairo_paint (cr);
          cairo_restore (cr);
          break;

        case PAGE_BLANK:
        default:
          break;
        }
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_destroy (scan);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static GBytes *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

/* What pdftotext reads on page @page of @path: the PDF's own text */
static char *
pdftotext_page (const char *path,
                guint       page)
{
  g_autofree char *number = g_strdup_printf ("%u", page);
  const char *argv[] = { "pdftotext", "-f", number, "-l", number, path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_strstrip (out);
}

static void
assert_scanned_words (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);

  for (guint i = 0; i < G_N_ELEMENTS (scanned_words); i++)
    {
      if (strstr (folded, scanned_words[i]) == NULL)
        g_error ("“%s” not recognised in “%s”", scanned_words[i], text);
    }
}

typedef struct
{
  GArray       *pages;
  GCancellable *cancel_after;
} Progress;

static void
progress_cb (guint    page,
             guint    n_pages,
             gpointer user_data)
{
  Progress *progress = user_data;
  guint pair[2] = { page, n_pages };

  g_array_append_vals (progress->pages, pair, 2);
  if (progress->cancel_after != NULL)
    g_cancellable_cancel (progress->cancel_after);
}

static const PageKind mixed[] = { PAGE_TEXT, PAGE_SCAN, PAGE_BLANK };

/* The text page as it always was, the scan recognised under its own
 * marker, the blank page noted; the progress counts every page */
static void
test_scanned_page (void)
{
  g_autofree char *path = tmp_path ("mixed.pdf");
  g_autofree char *page_2 = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  Progress progress = { pages, NULL };
  g_autofree char *text = NULL;
  const char *scan, *blank;
  guint n_pages = 0;
  gint64 start;

  make_pdf (path, mixed, G_N_ELEMENTS (mixed));

  /* The scan is a picture: a PDF reader finds no text on it */
  page_2 = pdftotext_page (path, 2);
  g_assert_cmpstr (page_2, ==, "");

  data = load (path);
  start = g_get_monotonic_time ();
  text = steward_attachment_pdf_read_full (data, "mixed.pdf", &n_pages, progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_test_message ("Read 3 pages, one of them scanned, in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
  g_assert_cmpuint (n_pages, ==, 3);

  g_assert_cmpuint (pages->len, ==, 6);
  for (guint i = 0; i < 3; i++)
    {
      g_assert_cmpuint (g_array_index (pages, guint, 2 * i), ==, i + 1);
      g_assert_cmpuint (g_array_index (pages, guint, 2 * i + 1), ==, 3);
    }

  g_assert_true (g_str_has_prefix (text,
                                   "--- Page 1 ---\n"
                                   "Quarterly plan\n"
                                   "Ship the attachments by Friday.\n"
                                   "\n"));
  blank = strstr (text, "--- Page 3 ---\n");
  g_assert_nonnull (blank);
  g_assert_cmpstr (blank, ==,
                   "--- Page 3 ---\n"
                   "(This page has no text: it may be a scanned image.)\n"
                   "\n");

  if (!steward_ocr_is_available ())
    {
      g_assert_nonnull (strstr (text,
                                "--- Page 2 ---\n"
                                "(A scanned page: no text could be recognised.)\n"
                                "\n"
                                "--- Page 3 ---\n"));
      g_test_skip ("Built without text recognition");
      return;
    }

  scan = strstr (text, "\n--- Page 2 (recognised from the scan) ---\n");
  g_assert_nonnull (scan);
  g_assert_true (scan < blank);
  {
    g_autofree char *scan_text = g_strndup (scan, blank - scan);

    assert_scanned_words (scan_text);
    /* One blank line before the next marker, as after any page */
    g_assert_true (g_str_has_suffix (scan_text, "\n\n"));
    g_assert_false (g_str_has_suffix (scan_text, "\n\n\n"));
  }

  /* The words on the scan are recognised, not in the text page */
  g_assert_null (strstr (text, "--- Page 1 (recognised"));
  g_assert_null (strstr (text, "no text could be recognised"));
}

/* Through the real import, as the chat and the board attach a file: the
 * recognised text is what the attachment gives and keeps beside it */
static void
test_import (void)
{
  g_autofree char *path = tmp_path ("scan-import.pdf");
  g_autofree char *attachments = tmp_path ("attachments");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autofree char *text = NULL;
  const PageKind pages[] = { PAGE_SCAN };

  if (!steward_ocr_is_available ())
    {
      g_test_skip ("Built without text recognition");
      return;
    }

  make_pdf (path, pages, G_N_ELEMENTS (pages));
  file = g_file_new_for_path (path);
  directory = g_file_new_for_path (attachments);

  attachment = steward_attachment_import_file (file, directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_attachment_get_kind (attachment), ==, STEWARD_ATTACHMENT_KIND_PDF);
  g_assert_cmpuint (steward_attachment_get_n_pages (attachment), ==, 1);

  text = steward_attachment_dup_text (attachment, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (text, "--- Page 1 (recognised from the scan) ---\n"));
  assert_scanned_words (text);
}

/* Run in a subprocess whose tesseract finds no language data: the scan
 * is marked, the rest read, nothing refused */
static void
test_no_ocr_data (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *path = tmp_path ("no-data.pdf");
      g_autofree char *attachments = tmp_path ("attachments-no-data");
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFile) directory = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardAttachment) attachment = NULL;
      g_autofree char *text = NULL;
      const PageKind pages[] = { PAGE_TEXT, PAGE_SCAN, PAGE_SCAN, PAGE_BLANK };

      make_pdf (path, pages, G_N_ELEMENTS (pages));
      file = g_file_new_for_path (path);
      directory = g_file_new_for_path (attachments);

      attachment = steward_attachment_import_file (file, directory, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (steward_attachment_get_n_pages (attachment), ==, 4);

      text = steward_attachment_dup_text (attachment, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==,
                       "--- Page 1 ---\n"
                       "Quarterly plan\n"
                       "Ship the attachments by Friday.\n"
                       "\n"
                       "--- Page 2 ---\n"
                       "(A scanned page: no text could be recognised.)\n"
                       "\n"
                       "--- Page 3 ---\n"
                       "(A scanned page: no text could be recognised.)\n"
                       "\n"
                       "--- Page 4 ---\n"
                       "(This page has no text: it may be a scanned image.)\n"
                       "\n");
      return;
    }

  /* main () points the subprocess's tesseract at an empty folder */
  g_test_trap_subprocess (NULL, 120 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* Cancelled after the first of several scans: the rest are not read */
static void
test_cancelled_between_pages (void)
{
  g_autofree char *path = tmp_path ("long-scan.pdf");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GArray) pages = g_array_new (FALSE, FALSE, sizeof (guint));
  Progress progress = { pages, cancellable };
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const PageKind kinds[] = { PAGE_SCAN, PAGE_SCAN, PAGE_SCAN, PAGE_SCAN, PAGE_SCAN, PAGE_SCAN };
  guint n_pages = 99;

  make_pdf (path, kinds, G_N_ELEMENTS (kinds));
  data = load (path);

  text = steward_attachment_pdf_read_full (data, "long-scan.pdf", &n_pages, progress_cb, &progress,
                                           cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (text);
  g_assert_cmpuint (n_pages, ==, 0);
  g_assert_cmpuint (pages->len, ==, 2);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GBytes *data = task_data;
  GError *error = NULL;
  char *text;

  text = steward_attachment_pdf_read (data, "one-scan.pdf", NULL, cancellable, &error);
  if (text != NULL)
    g_task_return_pointer (task, text, g_free);
  else
    g_task_return_error (task, error);
}

static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  /* The task is looked at when it has completed */
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);
  return G_SOURCE_REMOVE;
}

/* Reads @data in a worker, cancelled after @cancel_ms (-1: not); the
 * time it took */
static double
read_in_thread (GBytes  *data,
                int      cancel_ms,
                GError **error)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, read_done_cb, NULL);
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();

  g_task_set_task_data (task, g_bytes_ref (data), (GDestroyNotify) g_bytes_unref);
  g_task_run_in_thread (task, read_thread);
  if (cancel_ms >= 0)
    g_timeout_add_full (G_PRIORITY_DEFAULT, cancel_ms, cancel_cb,
                        g_object_ref (cancellable), g_object_unref);

  while (!g_task_get_completed (task))
    g_main_context_iteration (NULL, TRUE);

  text = g_task_propagate_pointer (task, error);

  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* GCC says so with -fsanitize=address */
#ifdef __SANITIZE_ADDRESS__
# define SANITIZED TRUE
#else
# define SANITIZED FALSE
#endif

/* A cancel while tesseract reads a page stops it there, well before the
 * page would have been read. Under AddressSanitizer tesseract's
 * allocations are slowed down so much that the parts of its work it
 * cannot stop in (finding the lines on the page) take most of the time:
 * there only the error is checked. */
static void
test_cancelled_during_page (void)
{
  g_autofree char *path = tmp_path ("one-scan.pdf");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  const PageKind kinds[] = { PAGE_SCAN };
  double whole, cancelled;

  if (!steward_ocr_is_available ())
    {
      g_test_skip ("Built without text recognition");
      return;
    }

  make_pdf (path, kinds, G_N_ELEMENTS (kinds));
  data = load (path);

  if (SANITIZED)
    {
      read_in_thread (data, 1000, &error);
      g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      return;
    }

  whole = read_in_thread (data, -1, &error);
  g_assert_no_error (error);
  /* Past the drawing of the page, into the recognition */
  cancelled = read_in_thread (data, (int) (whole * 1000 / 3), &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_test_message ("A scanned page read in %.2f s, cancelled in %.2f s", whole, cancelled);
  g_assert_cmpfloat (cancelled, <, whole);
}

/* A scan cut short is refused with its name, before any recognition */
static void
test_truncated (void)
{
  g_autofree char *path = tmp_path ("cut-scan.pdf");
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) cut = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const PageKind kinds[] = { PAGE_SCAN, PAGE_TEXT };
  guint n_pages = 99;

  make_pdf (path, kinds, G_N_ELEMENTS (kinds));
  whole = load (path);
  cut = g_bytes_new_from_bytes (whole, 0, g_bytes_get_size (whole) * 2 / 3);

  text = steward_attachment_pdf_read (cut, "cut-scan.pdf", &n_pages, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "cut-scan.pdf is not a complete PDF document.");
  g_assert_cmpuint (n_pages, ==, 0);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* The subprocess (no-ocr-data) shares the parent's folder, and its
   * tesseract looks for its language data in an empty one there; set
   * before any thread starts */
  if (g_test_subprocess ())
    {
      g_autofree char *empty = NULL;

      tmp_dir = g_strdup (g_getenv ("STEWARD_TEST_PDF_OCR_DIR"));
      g_assert_nonnull (tmp_dir);
      empty = tmp_path ("no-tessdata");
      g_setenv ("TESSDATA_PREFIX", empty, TRUE);
    }
  else
    {
      g_autofree char *empty = NULL;

      tmp_dir = g_dir_make_tmp ("steward-pdf-ocr-test-XXXXXX", NULL);
      g_assert_nonnull (tmp_dir);
      g_setenv ("STEWARD_TEST_PDF_OCR_DIR", tmp_dir, TRUE);
      empty = tmp_path ("no-tessdata");
      g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);
    }

  g_test_add_func ("/steward/attachment-pdf-ocr/scanned-page", test_scanned_page);
  g_test_add_func ("/steward/attachment-pdf-ocr/import", test_import);
  g_test_add_func ("/steward/attachment-pdf-ocr/no-ocr-data", test_no_ocr_data);
  g_test_add_func ("/steward/attachment-pdf-ocr/cancelled-between-pages", test_cancelled_between_pages);
  g_test_add_func ("/steward/attachment-pdf-ocr/cancelled-during-page", test_cancelled_during_page);
  g_test_add_func ("/steward/attachment-pdf-ocr/truncated", test_truncated);

  status = g_test_run ();

  if (!g_test_subprocess ())
    remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
