/* steward-attachment-pdf-scan.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment-pdf"

#include "config.h"

#include <cairo.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n.h>
#include <math.h>

#include "steward-attachment-pdf-scan.h"
#include "steward-ocr.h"

/* A page is drawn on white by poppler into a cairo image, copied into
 * the RGB pixbuf steward-ocr reads (gdk_pixbuf_get_from_surface () is
 * GDK's, which the core does not link), and looked at on the way: a page
 * with nothing darker than paper on it is blank, not worth the seconds
 * tesseract takes. Without text recognition a thumbnail is enough to
 * tell a blank page from a scan. */

/* Enough to see whether anything is drawn */
#define THUMBNAIL_DPI 36.0
/* The largest edge cairo draws */
#define MAX_EDGE 32767.0
/* What is darker than this, out of 255, is ink rather than paper */
#define INK_LEVEL 192

/* @surface (CAIRO_FORMAT_RGB24) as an RGB pixbuf; @has_ink says whether
 * any pixel is darker than paper */
static GdkPixbuf *
pixbuf_from_surface (cairo_surface_t *surface,
                     gboolean        *has_ink)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int stride = cairo_image_surface_get_stride (surface);
  const guchar *data = cairo_image_surface_get_data (surface);
  GdkPixbuf *pixbuf;
  guchar *pixels;
  int rowstride;
  gboolean ink = FALSE;

  if (!(pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height)))
    return NULL;
  pixels = gdk_pixbuf_get_pixels (pixbuf);
  rowstride = gdk_pixbuf_get_rowstride (pixbuf);

  for (int y = 0; y < height; y++)
    {
      /* A native-endian 0xXXRRGGBB per pixel */
      const guint32 *row = (const guint32 *) (gpointer) (data + (gsize) y * stride);
      guchar *out = pixels + (gsize) y * rowstride;

      for (int x = 0; x < width; x++)
        {
          guint32 pixel = row[x];
          guint r = (pixel >> 16) & 0xff;
          guint g = (pixel >> 8) & 0xff;
          guint b = pixel & 0xff;

          out[0] = r;
          out[1] = g;
          out[2] = b;
          out += 3;

          ink |= (r * 299 + g * 587 + b * 114) / 1000 < INK_LEVEL;
        }
    }

  *has_ink = ink;

  return pixbuf;
}

/* Whether a page of this size can be drawn (poppler reads what the PDF
 * says, which may be nothing, or nonsense) */
static gboolean
has_size (double width,
          double height)
{
  return isfinite (width) && isfinite (height) && width >= 1 && height >= 1;
}

/* @page drawn on white at @dpi, or less for a page so large that its
 * image would be over STEWARD_PDF_SCAN_MAX_PIXELS or wider than cairo
 * draws; NULL when the memory is not there */
static GdkPixbuf *
render_page (PopplerPage *page,
             double       dpi,
             gboolean    *has_ink)
{
  cairo_surface_t *surface;
  GdkPixbuf *pixbuf;
  cairo_t *cr;
  double width = 0, height = 0;
  double scale = dpi / 72.0;
  char resolution[G_ASCII_DTOSTR_BUF_SIZE];

  poppler_page_get_size (page, &width, &height);

  if (width * height * scale * scale > STEWARD_PDF_SCAN_MAX_PIXELS)
    scale = sqrt (STEWARD_PDF_SCAN_MAX_PIXELS / (width * height));
  scale = MIN (scale, MAX_EDGE / MAX (width, height));

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        MAX (1, (int) (width * scale)),
                                        MAX (1, (int) (height * scale)));
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      return NULL;
    }

  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixbuf = pixbuf_from_surface (surface, has_ink);
  cairo_surface_destroy (surface);

  /* Tells tesseract the size of the type */
  if (pixbuf != NULL)
    {
      g_snprintf (resolution, sizeof resolution, "%d", (int) round (scale * 72.0));
      gdk_pixbuf_set_option (pixbuf, "x-dpi", resolution);
      gdk_pixbuf_set_option (pixbuf, "y-dpi", resolution);
    }

  return pixbuf;
}

char *
steward_attachment_pdf_scan_read (PopplerPage   *page,
                                  const char    *name,
                                  gboolean       recognise,
                                  gboolean      *blank,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  gboolean has_ink = FALSE;
  double width = 0, height = 0;
  gint64 drawing, start;
  char *text;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (blank != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  *blank = FALSE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* A page without a size holds nothing to read */
  poppler_page_get_size (page, &width, &height);
  if (!has_size (width, height))
    {
      *blank = TRUE;
      return g_strdup ("");
    }

  drawing = g_get_monotonic_time ();
  pixbuf = render_page (page, recognise ? STEWARD_PDF_SCAN_DPI : THUMBNAIL_DPI, &has_ink);
  if (pixbuf == NULL)
    {
      /* Translators: %s names a page, "page 3 of scan.pdf" */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("There is not enough memory to read the text in %s."), name);
      return NULL;
    }

  if (!has_ink)
    {
      *blank = TRUE;
      return g_strdup ("");
    }

  if (!recognise)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Steward was built without text recognition."));
      return NULL;
    }

  start = g_get_monotonic_time ();
  text = steward_ocr_read_pixbuf (pixbuf, name, cancellable, error);
  g_debug ("%s: drawn in %.2f s, read in %.2f s", name,
           (start - drawing) / (double) G_USEC_PER_SEC,
           (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  return text;
}
