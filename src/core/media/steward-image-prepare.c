/* steward-image-prepare.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-image-prepare"

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "steward-image-prepare.h"

/* Checking an image decodes it at this size at most: JPEG decodes
 * straight to it, which saves most of the time and memory */
#define CHECK_EDGE 512
#define JPEG_QUALITY "88"

typedef struct
{
  guint width;
  guint height;
  /* The largest side wanted, 0: as it is */
  guint max_edge;
  guint max_pixels;
  gboolean scaled;
} Sizes;

static void
fit (guint  width,
     guint  height,
     guint  max_edge,
     guint  max_pixels,
     guint *out_width,
     guint *out_height)
{
  double scale = 1.0;

  if (max_edge > 0 && MAX (width, height) > max_edge)
    scale = (double) max_edge / MAX (width, height);
  if (max_pixels > 0 && (double) width * height * scale * scale > max_pixels)
    scale = sqrt ((double) max_pixels / ((double) width * height));

  *out_width = MAX (1, (guint) floor (width * scale));
  *out_height = MAX (1, (guint) floor (height * scale));
}

static void
size_prepared_cb (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         user_data)
{
  Sizes *sizes = user_data;
  guint w, h;

  sizes->width = width;
  sizes->height = height;

  fit (width, height, sizes->max_edge, sizes->max_pixels, &w, &h);
  if (w != (guint) width || h != (guint) height)
    {
      sizes->scaled = TRUE;
      gdk_pixbuf_loader_set_size (loader, w, h);
    }
}

static char *
format_name (GdkPixbufLoader *loader,
             const char      *mime_type)
{
  GdkPixbufFormat *format = gdk_pixbuf_loader_get_format (loader);
  g_autofree char *name = NULL;

  if (format != NULL)
    name = gdk_pixbuf_format_get_name (format);
  else if (mime_type != NULL && g_str_has_prefix (mime_type, "image/"))
    name = g_strdup (mime_type + strlen ("image/"));
  else
    name = g_strdup ("image");

  return g_ascii_strup (name, -1);
}

static void
set_incomplete (GError          **error,
                GdkPixbufLoader  *loader,
                const char       *name,
                const char       *mime_type)
{
  g_autofree char *format = format_name (loader, mime_type);

  /* Translators: the first %s is a file name, the second the kind of
   * image ("PNG", "JPEG") */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s is not a complete %s image."), name, format);
}

/* libpng stops once it has every row and does not miss the chunks
 * after them: a whole PNG ends with its IEND chunk. */
static gboolean
png_has_end (GBytes *data)
{
  static const guchar iend[] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xAE, 0x42, 0x60, 0x82 };
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  return size >= sizeof iend && memcmp (bytes + size - sizeof iend, iend, sizeof iend) == 0;
}

/* libjpeg makes up the missing end of a cut JPEG with grey and only
 * warns: a whole JPEG ends with its End Of Image marker (some cameras pad
 * after it with zeros). */
static gboolean
jpeg_has_end (GBytes *data)
{
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  while (size > 0 && bytes[size - 1] == 0)
    size--;

  return size >= 2 && bytes[size - 2] == 0xFF && bytes[size - 1] == 0xD9;
}

/* (transfer full): the decoded image, NULL with @error */
static GdkPixbuf *
decode (GBytes      *data,
        const char  *name,
        const char  *mime_type,
        Sizes       *sizes,
        GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  GdkPixbuf *pixbuf;
  gsize size;
  const guchar *bytes = g_bytes_get_data (data, &size);

  if (mime_type != NULL)
    loader = gdk_pixbuf_loader_new_with_mime_type (mime_type, NULL);
  if (loader == NULL)
    loader = gdk_pixbuf_loader_new ();

  g_signal_connect (loader, "size-prepared", G_CALLBACK (size_prepared_cb), sizes);

  if (!gdk_pixbuf_loader_write (loader, bytes, size, &local_error) ||
      !gdk_pixbuf_loader_close (loader, &local_error))
    {
      /* Closing after a failed write only frees the loader's state */
      gdk_pixbuf_loader_close (loader, NULL);
      if (g_error_matches (local_error, GDK_PIXBUF_ERROR, GDK_PIXBUF_ERROR_UNKNOWN_TYPE))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                     _("%s is an image of a kind Steward cannot read."), name);
      else
        set_incomplete (error, loader, name, mime_type);
      return NULL;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || sizes->width == 0 || sizes->height == 0 ||
      (g_strcmp0 (mime_type, "image/jpeg") == 0 && !jpeg_has_end (data)) ||
      (g_strcmp0 (mime_type, "image/png") == 0 && !png_has_end (data)))
    {
      set_incomplete (error, loader, name, mime_type);
      return NULL;
    }

  return g_object_ref (pixbuf);
}

gboolean
steward_image_check (GBytes      *data,
                     const char  *name,
                     const char  *mime_type,
                     guint       *width,
                     guint       *height,
                     GError     **error)
{
  Sizes sizes = { .max_edge = CHECK_EDGE };
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  pixbuf = decode (data, name, mime_type, &sizes, error);
  if (pixbuf == NULL)
    return FALSE;

  if (width != NULL)
    *width = sizes.width;
  if (height != NULL)
    *height = sizes.height;

  return TRUE;
}

static gboolean
sent_as_is (const char *mime_type)
{
  static const char * const kinds[] = { "image/png", "image/jpeg", "image/gif", "image/webp", NULL };

  return mime_type != NULL && g_strv_contains (kinds, mime_type);
}

GBytes *
steward_image_prepare (GBytes      *data,
                       const char  *name,
                       guint        max_edge,
                       char       **out_mime_type,
                       guint       *width,
                       guint       *height,
                       GError     **error)
{
  Sizes sizes = { .max_edge = max_edge, .max_pixels = STEWARD_IMAGE_MAX_PIXELS };
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) turned = NULL;
  g_autofree char *mime_type = NULL;
  g_autofree char *encoded = NULL;
  const char *orientation;
  gboolean is_png;
  gsize len;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  {
    gsize size;
    gconstpointer bytes = g_bytes_get_data (data, &size);
    g_autofree char *type = g_content_type_guess (NULL, bytes, size, NULL);

    mime_type = g_content_type_get_mime_type (type);
  }

  pixbuf = decode (data, name, mime_type, &sizes, error);
  if (pixbuf == NULL)
    return NULL;

  orientation = gdk_pixbuf_get_option (pixbuf, "orientation");
  if (!sizes.scaled && (orientation == NULL || g_str_equal (orientation, "1")) && sent_as_is (mime_type))
    {
      if (out_mime_type != NULL)
        *out_mime_type = g_steal_pointer (&mime_type);
      if (width != NULL)
        *width = sizes.width;
      if (height != NULL)
        *height = sizes.height;
      return g_bytes_ref (data);
    }

  turned = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  is_png = gdk_pixbuf_get_has_alpha (turned);

  if (is_png ? !gdk_pixbuf_save_to_buffer (turned, &encoded, &len, "png", error, NULL)
             : !gdk_pixbuf_save_to_buffer (turned, &encoded, &len, "jpeg", error, "quality", JPEG_QUALITY, NULL))
    return NULL;

  if (out_mime_type != NULL)
    *out_mime_type = g_strdup (is_png ? "image/png" : "image/jpeg");
  if (width != NULL)
    *width = gdk_pixbuf_get_width (turned);
  if (height != NULL)
    *height = gdk_pixbuf_get_height (turned);

  return g_bytes_new_take (g_steal_pointer (&encoded), len);
}
