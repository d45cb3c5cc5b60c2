/* test-ocr.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "steward-ocr.h"
#include "steward-ocr-languages.h"

/* Text recognition (steward-ocr.c) with the real tesseract and its
 * English data: PNGs drawn by pango in the test, read back; the broken
 * files refused with their name. Built without tesseract, the one
 * sentence saying so. */

#define WORDS "Quarterly budget meeting\nWhiteboard photo seven"

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Draws @text in black, on white or on a clear background, into a PNG */
static void
render_png (const char *path,
            const char *text,
            gboolean    transparent)
{
  cairo_surface_t *surface;
  PangoFontDescription *font;
  PangoLayout *layout;
  cairo_t *cr;

  surface = cairo_image_surface_create (transparent ? CAIRO_FORMAT_ARGB32 : CAIRO_FORMAT_RGB24, 900, 260);
  cr = cairo_create (surface);
  if (!transparent)
    {
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
    }

  if (text != NULL)
    {
      layout = pango_cairo_create_layout (cr);
      font = pango_font_description_from_string ("DejaVu Sans 30px");
      pango_layout_set_font_description (layout, font);
      pango_layout_set_text (layout, text, -1);
      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_move_to (cr, 40, 40);
      pango_cairo_show_layout (cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
    }

  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
assert_words (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  const char *words[] = { "quarterly", "budget", "meeting", "whiteboard", "photo", "seven" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      if (strstr (folded, words[i]) == NULL)
        g_error ("“%s” not read in “%s”", words[i], text);
    }
}

static void
test_languages (void)
{
  const char *available[] = { "eng", "deu", "fra", "chi_tra", "srp_latn", "osd", NULL };
  const char *german[] = { "de_DE.UTF-8", "de_DE", "de.UTF-8", "de", "C", NULL };
  const char *english[] = { "en_GB.UTF-8", "en_GB", "en", "C", NULL };
  const char *dutch[] = { "nl_NL.UTF-8", "nl", "C", NULL };
  const char *two[] = { "fr_CA", "de", "C", NULL };
  const char *none[] = { "deu", NULL };
  char *chosen;

  g_assert_cmpstr (steward_ocr_language_for_locale ("de_AT.UTF-8"), ==, "deu");
  g_assert_cmpstr (steward_ocr_language_for_locale ("pt_BR"), ==, "por");
  g_assert_cmpstr (steward_ocr_language_for_locale ("zh_TW.UTF-8"), ==, "chi_tra");
  g_assert_cmpstr (steward_ocr_language_for_locale ("zh_CN"), ==, "chi_sim");
  g_assert_cmpstr (steward_ocr_language_for_locale ("zh"), ==, "chi_sim");
  g_assert_cmpstr (steward_ocr_language_for_locale ("sr_RS@latin"), ==, "srp_latn");
  g_assert_cmpstr (steward_ocr_language_for_locale ("sr_RS"), ==, "srp");
  g_assert_null (steward_ocr_language_for_locale ("C"));
  g_assert_null (steward_ocr_language_for_locale ("C.UTF-8"));
  g_assert_null (steward_ocr_language_for_locale ("POSIX"));
  g_assert_null (steward_ocr_language_for_locale (""));

  chosen = steward_ocr_languages_choose (german, available);
  g_assert_cmpstr (chosen, ==, "deu+eng");
  g_free (chosen);

  chosen = steward_ocr_languages_choose (english, available);
  g_assert_cmpstr (chosen, ==, "eng");
  g_free (chosen);

  /* Dutch data not installed: English alone */
  chosen = steward_ocr_languages_choose (dutch, available);
  g_assert_cmpstr (chosen, ==, "eng");
  g_free (chosen);

  chosen = steward_ocr_languages_choose (two, available);
  g_assert_cmpstr (chosen, ==, "fra+deu+eng");
  g_free (chosen);

  /* No English either: the locale's own */
  chosen = steward_ocr_languages_choose (german, none);
  g_assert_cmpstr (chosen, ==, "deu");
  g_free (chosen);

  g_assert_null (steward_ocr_languages_choose (dutch, none));
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static void
test_unavailable (void)
{
  g_autofree char *path = tmp_path ("unavailable.png");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (steward_ocr_is_available ())
    {
      g_test_skip ("Built with text recognition");
      return;
    }

  render_png (path, WORDS, FALSE);
  file = g_file_new_for_path (path);
  text = steward_ocr_read_file (file, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==, "Steward was built without text recognition.");
  g_assert_null (text);
}

static gboolean
skip_unless_available (void)
{
  if (!steward_ocr_is_available ())
    {
      g_test_skip ("Built without text recognition");
      return TRUE;
    }

  return FALSE;
}

static void
test_file_async (void)
{
  g_autofree char *path = tmp_path ("whiteboard.png");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *languages = NULL;
  g_autofree char *text = NULL;
  guint ticks = 0;

  if (skip_unless_available ())
    return;

  render_png (path, WORDS, FALSE);
  file = g_file_new_for_path (path);

  steward_ocr_read_file_async (file, NULL, read_cb, &result);
  /* The main loop runs while tesseract reads in its worker */
  while (result == NULL)
    {
      g_main_context_iteration (NULL, FALSE);
      ticks++;
      g_usleep (1000);
    }
  g_assert_cmpuint (ticks, >, 1);

  text = steward_ocr_read_finish (result, &error);
  g_assert_no_error (error);
  assert_words (text);
  /* Lines as in the image, no trailing white space */
  g_assert_nonnull (strchr (text, '\n'));
  g_assert_false (g_ascii_isspace (text[strlen (text) - 1]));

  /* LC_ALL=C.UTF-8 in the tests: English only */
  languages = steward_ocr_dup_languages (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (languages, ==, "eng");
}

/* Black text on a clear background, as a screenshot of a label may be:
 * read as black on white, not black on black */
static void
test_transparent_pixbuf (void)
{
  g_autofree char *path = tmp_path ("clear.png");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *again = NULL;

  if (skip_unless_available ())
    return;

  render_png (path, WORDS, TRUE);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (gdk_pixbuf_get_has_alpha (pixbuf));

  text = steward_ocr_read_pixbuf (pixbuf, "clear.png", NULL, &error);
  g_assert_no_error (error);
  assert_words (text);

  steward_ocr_read_pixbuf_async (pixbuf, "clear.png", NULL, read_cb, &result);
  again = steward_ocr_read_finish (wait_for (&result), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, text);
}

static void
test_blank (void)
{
  g_autofree char *path = tmp_path ("blank.png");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (skip_unless_available ())
    return;

  render_png (path, NULL, FALSE);
  file = g_file_new_for_path (path);
  text = steward_ocr_read_file (file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "");
}

static void
test_refused (void)
{
  g_autofree char *whole = tmp_path ("page.png");
  g_autofree char *cut = tmp_path ("photo.png");
  g_autofree char *not_image = tmp_path ("notes.png");
  g_autofree char *missing = tmp_path ("missing.png");
  g_autofree char *data = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  char *text;
  gsize len;

  if (skip_unless_available ())
    return;

  render_png (whole, WORDS, FALSE);
  g_assert_true (g_file_get_contents (whole, &data, &len, NULL));
  g_assert_true (g_file_set_contents (cut, data, len / 2, NULL));
  g_assert_true (g_file_set_contents (not_image, "Not an image at all\n", -1, NULL));

  file = g_file_new_for_path (cut);
  text = steward_ocr_read_file (file, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "photo.png is not a complete PNG image.");
  g_clear_error (&error);
  g_clear_object (&file);

  file = g_file_new_for_path (not_image);
  text = steward_ocr_read_file (file, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "notes.png is not an image Steward can read.");
  g_clear_error (&error);
  g_clear_object (&file);

  file = g_file_new_for_path (missing);
  text = steward_ocr_read_file (file, NULL, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "missing.png does not exist.");
}

static void
test_cancelled (void)
{
  g_autofree char *path = tmp_path ("cancelled.png");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  char *text;

  if (skip_unless_available ())
    return;

  render_png (path, WORDS, FALSE);
  file = g_file_new_for_path (path);
  pixbuf = gdk_pixbuf_new_from_file (path, &error);
  g_assert_no_error (error);

  g_cancellable_cancel (cancellable);

  text = steward_ocr_read_pixbuf (pixbuf, "cancelled.png", cancellable, &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  steward_ocr_read_file_async (file, cancellable, read_cb, &result);
  text = steward_ocr_read_finish (wait_for (&result), &error);
  g_assert_null (text);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

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

  tmp_dir = g_dir_make_tmp ("steward-ocr-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/steward/ocr/languages", test_languages);
  g_test_add_func ("/steward/ocr/unavailable", test_unavailable);
  g_test_add_func ("/steward/ocr/file-async", test_file_async);
  g_test_add_func ("/steward/ocr/transparent-pixbuf", test_transparent_pixbuf);
  g_test_add_func ("/steward/ocr/blank", test_blank);
  g_test_add_func ("/steward/ocr/refused", test_refused);
  g_test_add_func ("/steward/ocr/cancelled", test_cancelled);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
