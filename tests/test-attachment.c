/* test-attachment.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "steward-attachment-import.h"
#include "steward-attachment-pdf.h"
#include "steward-image-prepare.h"

/* Attaching files (src/core/media): images made by gdk-pixbuf, PDFs drawn
 * by cairo and pango, copies named by their hash, and the broken and
 * oversized files that must be refused with their name, leaving nothing
 * behind. */

static char *tmp_dir;

typedef struct
{
  GFile *directory;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = g_dir_make_tmp ("steward-attachments-XXXXXX", NULL);

  g_assert_nonnull (path);
  fixture->directory = g_file_new_build_filename (path, "attachments", NULL);
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
  g_autoptr(GFile) parent = g_file_get_parent (fixture->directory);
  g_autofree char *path = g_file_get_path (parent);

  remove_tree (path);
  g_clear_object (&fixture->directory);
}

/* How many files the attachments directory holds */
static guint
count_copies (Fixture *fixture)
{
  g_autofree char *path = g_file_get_path (fixture->directory);
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  if (dir == NULL)
    return 0;
  while (g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static GFile *
write_file (const char *name,
            const char *data,
            gsize       len)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GBytes *
encode_pixbuf (int         width,
               int         height,
               gboolean    alpha,
               const char *format)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, alpha, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize len;

  g_assert_nonnull (pixbuf);
  gdk_pixbuf_fill (pixbuf, 0x3366ccff);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &len, format, &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, len);
}

static GFile *
write_bytes (const char *name,
             GBytes     *bytes)
{
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  return write_file (name, data, len);
}

static void
image_size (GBytes *bytes,
            int    *width,
            int    *height)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) error = NULL;
  GdkPixbuf *pixbuf;

  gdk_pixbuf_loader_write_bytes (loader, bytes, &error);
  g_assert_no_error (error);
  gdk_pixbuf_loader_close (loader, &error);
  g_assert_no_error (error);
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  *width = gdk_pixbuf_get_width (pixbuf);
  *height = gdk_pixbuf_get_height (pixbuf);
}

/* A 60-megapixel image is attached whole, and scaled when sent: under the
 * 40 megapixels every time, under a provider's longest side when asked */
static void
test_large_image_scaled (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GBytes) png = encode_pixbuf (10000, 6000, FALSE, "png");
  g_autoptr(GFile) file = write_bytes ("board.png", png);
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GBytes) stored = NULL;
  g_autoptr(GBytes) sent = NULL;
  g_autoptr(GBytes) small = NULL;
  g_autofree char *mime_type = NULL;
  guint width, height;
  int decoded_width, decoded_height;

  attachment = steward_attachment_import_file (file, fixture->directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_attachment_get_kind (attachment), ==, STEWARD_ATTACHMENT_KIND_IMAGE);
  g_assert_cmpstr (steward_attachment_get_content_type (attachment), ==, "image/png");
  g_assert_cmpuint (steward_attachment_get_width (attachment), ==, 10000);
  g_assert_cmpuint (steward_attachment_get_height (attachment), ==, 6000);

  stored = g_file_load_bytes (steward_attachment_get_file (attachment), NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stored, png));

  sent = steward_image_prepare (stored, "board.png", 0, &mime_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  g_assert_cmpuint ((guint64) width * height, <=, STEWARD_IMAGE_MAX_PIXELS);
  g_assert_cmpuint ((guint64) width * height, >, STEWARD_IMAGE_MAX_PIXELS * 0.99);
  image_size (sent, &decoded_width, &decoded_height);
  g_assert_cmpint (decoded_width, ==, width);
  g_assert_cmpint (decoded_height, ==, height);

  g_clear_pointer (&mime_type, g_free);
  small = steward_image_prepare (stored, "board.png", 1568, &mime_type, &width, &height, &error);
  g_assert_no_error (error);
  image_size (small, &decoded_width, &decoded_height);
  g_assert_cmpint (decoded_width, ==, 1568);
  g_assert_cmpint (decoded_height, ==, 940);
}

/* A small PNG within every limit is sent as it is; one with transparency
 * scaled stays a PNG */
static void
test_small_image_as_is (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GBytes) png = encode_pixbuf (300, 200, TRUE, "png");
  g_autoptr(GBytes) sent = NULL;
  g_autoptr(GBytes) scaled = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime_type = NULL;
  guint width, height;

  sent = steward_image_prepare (png, "icon.png", 1024, &mime_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (sent, png));
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_cmpuint (width, ==, 300);

  g_clear_pointer (&mime_type, g_free);
  scaled = steward_image_prepare (png, "icon.png", 150, &mime_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/png");
  g_assert_cmpuint (width, ==, 150);
  g_assert_cmpuint (height, ==, 100);
}

/* A JPEG whose EXIF says "turn me a quarter clockwise" (orientation 6, as
 * a phone held upright writes): an APP1 segment put after the start of
 * an image gdk-pixbuf encoded */
static GBytes *
encode_turned_jpeg (int width,
                    int height)
{
  static const guchar app1[] = {
    0xFF, 0xE1, 0x00, 0x22,                       /* APP1, 34 bytes */
    'E', 'x', 'i', 'f', 0, 0,
    'I', 'I', 0x2A, 0x00, 0x08, 0x00, 0x00, 0x00, /* TIFF, little end, IFD at 8 */
    0x01, 0x00,                                   /* one entry */
    0x12, 0x01, 0x03, 0x00, 0x01, 0x00, 0x00, 0x00, 0x06, 0x00, 0x00, 0x00, /* Orientation = 6 */
    0x00, 0x00, 0x00, 0x00,                       /* no next IFD */
  };
  g_autoptr(GBytes) plain = encode_pixbuf (width, height, FALSE, "jpeg");
  gsize len;
  const guchar *bytes = g_bytes_get_data (plain, &len);
  GByteArray *turned = g_byte_array_new ();

  g_assert_cmpuint (bytes[0], ==, 0xFF);
  g_assert_cmpuint (bytes[1], ==, 0xD8);
  g_byte_array_append (turned, bytes, 2);
  g_byte_array_append (turned, app1, sizeof app1);
  g_byte_array_append (turned, bytes + 2, len - 2);

  return g_byte_array_free_to_bytes (turned);
}

/* The EXIF orientation is applied before sending: the model sees the
 * photo upright */
static void
test_orientation_applied (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = encode_turned_jpeg (400, 200);
  g_autoptr(GFile) file = write_bytes ("upright.jpg", jpeg);
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GBytes) sent = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime_type = NULL;
  guint width, height;
  int decoded_width, decoded_height;

  attachment = steward_attachment_import_file (file, fixture->directory, NULL, &error);
  g_assert_no_error (error);
  /* As stored */
  g_assert_cmpuint (steward_attachment_get_width (attachment), ==, 400);
  g_assert_cmpuint (steward_attachment_get_height (attachment), ==, 200);

  sent = steward_image_prepare (jpeg, "upright.jpg", 0, &mime_type, &width, &height, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (mime_type, ==, "image/jpeg");
  g_assert_cmpuint (width, ==, 200);
  g_assert_cmpuint (height, ==, 400);
  image_size (sent, &decoded_width, &decoded_height);
  g_assert_cmpint (decoded_width, ==, 200);
  g_assert_cmpint (decoded_height, ==, 400);
}

static void
assert_refused (Fixture    *fixture,
                const char *name,
                const char *data,
                gsize       len,
                gint        code,
                const char *message)
{
  g_autoptr(GFile) file = write_file (name, data, len);
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardAttachment) attachment = NULL;

  attachment = steward_attachment_import_file (file, fixture->directory, NULL, &error);
  g_assert_error (error, G_IO_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
  g_assert_null (attachment);
  /* Nothing half attached */
  g_assert_cmpuint (count_copies (fixture), ==, 0);
}

static void
test_truncated_images (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GBytes) png = encode_pixbuf (640, 480, FALSE, "png");
  g_autoptr(GBytes) jpeg = encode_pixbuf (640, 480, FALSE, "jpeg");
  gsize len;
  const char *bytes;

  bytes = g_bytes_get_data (png, &len);
  assert_refused (fixture, "photo.png", bytes, len * 2 / 3, G_IO_ERROR_INVALID_DATA,
                  "photo.png is not a complete PNG image.");
  /* Cut in the header */
  assert_refused (fixture, "tiny.png", bytes, 30, G_IO_ERROR_INVALID_DATA,
                  "tiny.png is not a complete PNG image.");

  bytes = g_bytes_get_data (jpeg, &len);
  assert_refused (fixture, "camera.jpg", bytes, len - 40, G_IO_ERROR_INVALID_DATA,
                  "camera.jpg is not a complete JPEG image.");
}

static void
make_pdf (const char  *path,
          const char **pages,
          guint        n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 400 * PANGO_SCALE);

  for (guint i = 0; i < n_pages; i++)
    {
      if (pages != NULL && pages[i] != NULL)
        {
          cairo_move_to (cr, 72, 72);
          pango_layout_set_text (layout, pages[i], -1);
          pango_cairo_show_layout (cr, layout);
        }
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_pdf (Fixture       *fixture,
          gconstpointer  data)
{
  const char *pages[] = { "Quarterly plan\nShip the attachments by Friday.", NULL, "Budget: 4200 euros" };
  g_autofree char *path = g_build_filename (tmp_dir, "plan.pdf", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autofree char *text = NULL;
  g_autofree char *kept = NULL;
  g_autofree char *kept_path = NULL;

  make_pdf (path, pages, G_N_ELEMENTS (pages));
  file = g_file_new_for_path (path);

  attachment = steward_attachment_import_file (file, fixture->directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_attachment_get_kind (attachment), ==, STEWARD_ATTACHMENT_KIND_PDF);
  g_assert_cmpstr (steward_attachment_get_content_type (attachment), ==, "application/pdf");
  g_assert_cmpuint (steward_attachment_get_n_pages (attachment), ==, 3);
  text = steward_attachment_dup_text (attachment, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (text, ==,
                   "--- Page 1 ---\n"
                   "Quarterly plan\n"
                   "Ship the attachments by Friday.\n"
                   "\n"
                   "--- Page 2 ---\n"
                   "(This page has no text: it may be a scanned image.)\n"
                   "\n"
                   "--- Page 3 ---\n"
                   "Budget: 4200 euros\n"
                   "\n");

  /* The text is kept beside the copy, for a conversation read again */
  kept_path = g_strconcat (g_file_peek_path (steward_attachment_get_file (attachment)), ".txt", NULL);
  g_file_get_contents (kept_path, &kept, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept, ==, text);
  g_assert_cmpuint (count_copies (fixture), ==, 2);
}

static void
test_pdf_refused (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *pages[] = { "Some text" };
  g_autofree char *path = g_build_filename (tmp_dir, "long.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize len;

  make_pdf (path, NULL, STEWARD_ATTACHMENT_MAX_PAGES + 1);
  g_file_get_contents (path, &contents, &len, NULL);
  assert_refused (fixture, "long.pdf", contents, len, G_IO_ERROR_MESSAGE_TOO_LARGE,
                  "long.pdf has 501 pages, more than the 500 a PDF attachment may have.");

  g_clear_pointer (&contents, g_free);
  make_pdf (path, pages, 1);
  g_file_get_contents (path, &contents, &len, NULL);
  assert_refused (fixture, "cut.pdf", contents, len / 2, G_IO_ERROR_INVALID_DATA,
                  "cut.pdf is not a complete PDF document.");
}

/* The same bytes attached twice, under two names, are stored once; the
 * kind comes from the bytes, not the name */
static void
test_dedup_by_hash (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) png = encode_pixbuf (64, 48, FALSE, "png");
  g_autoptr(GFile) first = write_bytes ("a.png", png);
  g_autoptr(GFile) second = write_bytes ("notes.txt", png);
  g_autoptr(StewardAttachment) one = NULL;
  g_autoptr(StewardAttachment) two = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, png);
  g_autofree char *basename = NULL;

  one = steward_attachment_import_file (first, fixture->directory, NULL, &error);
  g_assert_no_error (error);
  two = steward_attachment_import_file (second, fixture->directory, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpstr (steward_attachment_get_hash (one), ==, hash);
  g_assert_cmpstr (steward_attachment_get_hash (two), ==, hash);
  g_assert_cmpstr (steward_attachment_get_name (two), ==, "notes.txt");
  g_assert_cmpint (steward_attachment_get_kind (two), ==, STEWARD_ATTACHMENT_KIND_IMAGE);
  g_assert_cmpuint (steward_attachment_get_size (two), ==, g_bytes_get_size (png));
  g_assert_true (g_file_equal (steward_attachment_get_file (one), steward_attachment_get_file (two)));
  basename = g_file_get_basename (steward_attachment_get_file (one));
  g_assert_cmpstr (basename, ==, hash);
  g_assert_cmpuint (count_copies (fixture), ==, 1);
}

static void
test_text (Fixture       *fixture,
           gconstpointer  data)
{
  const char *source = "#include <stdio.h>\n\nint\nmain (void)\n{\n  puts (\"hé\");\n}\n";
  g_autoptr(GFile) file = write_file ("hello.c", source, strlen (source));
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *big = NULL;

  attachment = steward_attachment_import_file (file, fixture->directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_attachment_get_kind (attachment), ==, STEWARD_ATTACHMENT_KIND_TEXT);
  {
    g_autofree char *text = steward_attachment_dup_text (attachment, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (text, ==, source);
  }
  g_assert_true (g_str_has_prefix (steward_attachment_get_content_type (attachment), "text/"));
  g_clear_object (&attachment);
  g_assert_cmpuint (count_copies (fixture), ==, 1);
  /* Start the refusals with an empty folder */
  {
    g_autofree char *dir = g_file_get_path (fixture->directory);
    remove_tree (dir);
  }

  big = g_malloc (STEWARD_ATTACHMENT_MAX_TEXT_BYTES + 1);
  memset (big, 'a', STEWARD_ATTACHMENT_MAX_TEXT_BYTES + 1);
  assert_refused (fixture, "log.txt", big, STEWARD_ATTACHMENT_MAX_TEXT_BYTES + 1,
                  G_IO_ERROR_MESSAGE_TOO_LARGE, "log.txt is larger than 2 MB, the limit for a text file.");
  assert_refused (fixture, "empty.txt", "", 0, G_IO_ERROR_INVALID_DATA, "empty.txt is empty.");
  assert_refused (fixture, "data.bin", "\x01\x02\x00\xff\xfe\x00\x10", 7, G_IO_ERROR_NOT_SUPPORTED,
                  "data.bin is not an image, audio file, PDF or text file, the kinds of file Steward can attach.");
}

/* A WAV file of @seconds of silence, 8 kHz mono, @bits per sample */
static GBytes *
make_wav (guint seconds,
          guint bits)
{
  guint rate = 8000;
  guint32 data_size = rate * seconds * (bits / 8);
  GByteArray *wav = g_byte_array_sized_new (44 + data_size);
  guint8 *silence;
  guint8 header[44] = { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'A', 'V', 'E',
                        'f', 'm', 't', ' ', 16, 0, 0, 0, 1, 0, 1, 0 };

  /* Little end first, as RIFF is */
#define PUT32(at, value) G_STMT_START { guint32 v = (value); for (int k = 0; k < 4; k++) header[(at) + k] = (v >> (8 * k)) & 0xff; } G_STMT_END
  PUT32 (4, 36 + data_size);
  PUT32 (24, rate);
  PUT32 (28, rate * (bits / 8));
  header[32] = bits / 8;
  header[34] = bits;
  memcpy (header + 36, "data", 4);
  PUT32 (40, data_size);
#undef PUT32

  g_byte_array_append (wav, header, sizeof header);
  silence = g_malloc (data_size);
  memset (silence, bits == 8 ? 0x80 : 0, data_size);
  g_byte_array_append (wav, silence, data_size);
  g_free (silence);

  return g_byte_array_free_to_bytes (wav);
}

static void
test_audio (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) wav = make_wav (3, 16);
  g_autoptr(GBytes) long_wav = make_wav (31 * 60, 8);
  g_autoptr(GFile) file = write_bytes ("memo.wav", wav);
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;
  const char *bytes;
  char noise[2048];

  attachment = steward_attachment_import_file (file, fixture->directory, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_attachment_get_kind (attachment), ==, STEWARD_ATTACHMENT_KIND_AUDIO);
  g_assert_true (g_str_has_prefix (steward_attachment_get_content_type (attachment), "audio/"));
  g_assert_cmpfloat_with_epsilon (steward_attachment_get_duration (attachment), 3.0, 0.01);
  g_clear_object (&attachment);
  {
    g_autofree char *dir = g_file_get_path (fixture->directory);
    remove_tree (dir);
  }

  bytes = g_bytes_get_data (long_wav, &len);
  g_assert_cmpuint (len, <, STEWARD_ATTACHMENT_MAX_AUDIO_BYTES);
  assert_refused (fixture, "meeting.wav", bytes, len, G_IO_ERROR_MESSAGE_TOO_LARGE,
                  "meeting.wav is longer than 30 minutes, the limit for an audio file.");

  /* A WAV header, then noise (an Ogg page header then noise is refused
   * too, but GStreamer's Ogg demuxer at times waits for the discoverer's
   * timeout to say so) */
  memset (noise, 0x5a, sizeof noise);
  memcpy (noise, "RIFF\xf8\x07\0\0WAVE", 12);
  assert_refused (fixture, "noise.wav", noise, sizeof noise, G_IO_ERROR_INVALID_DATA,
                  "noise.wav is not a complete audio file.");
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  StewardAttachment **attachment = user_data;
  g_autoptr(GError) error = NULL;

  *attachment = steward_attachment_import_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) jpeg = encode_pixbuf (800, 600, FALSE, "jpeg");
  g_autoptr(GFile) file = write_bytes ("holiday.jpg", jpeg);
  g_autoptr(StewardAttachment) attachment = NULL;

  steward_attachment_import_async (file, fixture->directory, NULL, import_cb, &attachment);
  while (attachment == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpstr (steward_attachment_get_name (attachment), ==, "holiday.jpg");
  g_assert_cmpstr (steward_attachment_get_content_type (attachment), ==, "image/jpeg");
  g_assert_cmpuint (steward_attachment_get_width (attachment), ==, 800);
  g_assert_cmpuint (steward_attachment_get_height (attachment), ==, 600);
  g_clear_object (&attachment);

  /* Pasted: bytes with a name of their own, the same copy */
  steward_attachment_import_bytes_async (jpeg, "Pasted image.jpg", fixture->directory, NULL,
                                         import_cb, &attachment);
  while (attachment == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (steward_attachment_get_name (attachment), ==, "Pasted image.jpg");
  g_assert_cmpuint (count_copies (fixture), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("steward-attachment-test-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

#define ADD(path, func) \
  g_test_add ("/steward/attachment/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("large-image-scaled", test_large_image_scaled);
  ADD ("small-image-as-is", test_small_image_as_is);
  ADD ("orientation-applied", test_orientation_applied);
  ADD ("truncated-images", test_truncated_images);
  ADD ("pdf", test_pdf);
  ADD ("pdf-refused", test_pdf_refused);
  ADD ("dedup-by-hash", test_dedup_by_hash);
  ADD ("text", test_text);
  ADD ("audio", test_audio);
  ADD ("async", test_async);

#undef ADD

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);

  return status;
}
