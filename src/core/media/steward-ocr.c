/* steward-ocr.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-ocr"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#if HAVE_TESSERACT
# include <tesseract/capi.h>
#endif
#ifdef _OPENMP
# include <omp.h>
#endif

#include "steward-ocr.h"
#include "steward-ocr-languages.h"

/* Each recognition gets a tesseract of its own (they are not shared
 * between threads), started with the languages chosen once per process.
 * An image is flattened onto white first: tesseract reads an alpha
 * channel as colour, and text on a transparent background (a screenshot
 * of a dark-on-clear label) would be black on black. Images larger than
 * an attachment may be are scaled down to that size: more pixels only
 * make tesseract slower. */

#define MAX_PIXELS (40.0 * 1000 * 1000)

typedef struct
{
  GdkPixbuf *pixbuf;
  char      *name;
} PixbufJob;

static void
pixbuf_job_free (gpointer data)
{
  PixbufJob *job = data;

  g_clear_object (&job->pixbuf);
  g_clear_pointer (&job->name, g_free);
  g_free (job);
}

gboolean
steward_ocr_is_available (void)
{
  return HAVE_TESSERACT;
}

static gboolean
set_unavailable_error (GError **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Steward was built without text recognition."));
  return FALSE;
}

#if HAVE_TESSERACT
static gpointer
probe_languages (gpointer data)
{
  TessBaseAPI *api = TessBaseAPICreate ();
  char *languages = NULL;

  /* tesseract's chatter ("Estimating resolution as …", a missing data
   * file) goes to standard error unless told otherwise; our errors say
   * what went wrong. The setting is global: set once, before any
   * recognition starts. */
  TessBaseAPISetVariable (api, "debug_file", "/dev/null");

  if (TessBaseAPIInit3 (api, NULL, "eng") == 0)
    {
      char **available = TessBaseAPIGetAvailableLanguagesAsVector (api);

      languages = steward_ocr_languages_choose (g_get_language_names (),
                                                (const char *const *)available);
      TessDeleteTextArray (available);
    }

  TessBaseAPIEnd (api);
  TessBaseAPIDelete (api);

  return languages;
}
#endif

char *
steward_ocr_dup_languages (GError **error)
{
#if HAVE_TESSERACT
  static GOnce once = G_ONCE_INIT;
  const char *languages = g_once (&once, probe_languages, NULL);

  if (languages == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Text recognition needs its English language data, which is not installed."));
      return NULL;
    }

  return g_strdup (languages);
#else
  set_unavailable_error (error);
  return NULL;
#endif
}

#if HAVE_TESSERACT
static bool
cancel_cb (void *cancel_this,
           int   words)
{
  return g_cancellable_is_cancelled (cancel_this);
}

static GdkPixbuf *
prepare_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  double pixels = (double)width * height;
  g_autoptr(GdkPixbuf) scaled = NULL;
  GdkPixbuf *flat;

  if (pixels > MAX_PIXELS)
    {
      double scale = sqrt (MAX_PIXELS / pixels);

      scaled = gdk_pixbuf_scale_simple (pixbuf,
                                        MAX (1, (int)(width * scale)),
                                        MAX (1, (int)(height * scale)),
                                        GDK_INTERP_BILINEAR);
      if (scaled == NULL)
        return NULL;
      pixbuf = scaled;
      width = gdk_pixbuf_get_width (pixbuf);
      height = gdk_pixbuf_get_height (pixbuf);
    }

  if (!gdk_pixbuf_get_has_alpha (pixbuf))
    return g_object_ref (pixbuf);

  if (!(flat = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height)))
    return NULL;
  gdk_pixbuf_fill (flat, 0xffffffff);
  gdk_pixbuf_composite (pixbuf, flat, 0, 0, width, height,
                        0, 0, 1, 1, GDK_INTERP_NEAREST, 255);

  return flat;
}

/* The resolution the file says it was made in, 0 when it does not */
static int
get_resolution (GdkPixbuf *pixbuf)
{
  const char *x_dpi = gdk_pixbuf_get_option (pixbuf, "x-dpi");
  gint64 dpi;

  if (x_dpi == NULL || !g_ascii_string_to_signed (x_dpi, 10, 70, 2400, &dpi, NULL))
    return 0;

  return (int)dpi;
}
#endif

char *
steward_ocr_read_pixbuf (GdkPixbuf     *pixbuf,
                         const char    *name,
                         GCancellable  *cancellable,
                         GError       **error)
{
#if HAVE_TESSERACT
  g_autofree char *languages = NULL;
  g_autoptr(GdkPixbuf) flat = NULL;
  TessBaseAPI *api;
  ETEXT_DESC *monitor;
  char *text = NULL;
  int resolution;

  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (name == NULL)
    /* Translators: an image without a file name, in "… could not be read" */
    name = _("the image");

  if (!(languages = steward_ocr_dup_languages (error)))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (!(flat = prepare_pixbuf (pixbuf)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("There is not enough memory to read the text in %s."), name);
      return NULL;
    }

  api = TessBaseAPICreate ();
  if (TessBaseAPIInit3 (api, NULL, languages) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The language data for text recognition (%s) could not be loaded."),
                   languages);
      TessBaseAPIDelete (api);
      return NULL;
    }

  TessBaseAPISetImage (api,
                       gdk_pixbuf_read_pixels (flat),
                       gdk_pixbuf_get_width (flat),
                       gdk_pixbuf_get_height (flat),
                       gdk_pixbuf_get_n_channels (flat),
                       gdk_pixbuf_get_rowstride (flat));
  if ((resolution = get_resolution (pixbuf)) > 0)
    TessBaseAPISetSourceResolution (api, resolution);

  monitor = TessMonitorCreate ();
  if (cancellable != NULL)
    {
      TessMonitorSetCancelFunc (monitor, cancel_cb);
      TessMonitorSetCancelThis (monitor, cancellable);
    }

#ifdef _OPENMP
  /* Debian's tesseract spreads a page over as many OpenMP threads as
   * there are cores, busy or not; on a busy machine they fight each
   * other and the app, and an A4 page took 16–17 s rather than 3
   * (bench-ocr, load average 5 on 2 cores). Dynamic adjustment lets
   * OpenMP give it only the cores that are free. Both settings are
   * this thread's own. */
  omp_set_num_threads (1);
  omp_set_dynamic (1);
#endif

  if (TessBaseAPIRecognize (api, monitor) != 0)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("The text in %s could not be recognised."), name);
    }
  else if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      char *tess_text = TessBaseAPIGetUTF8Text (api);

      text = g_strchomp (g_strdup (tess_text != NULL ? tess_text : ""));
      TessDeleteText (tess_text);
    }

  TessMonitorDelete (monitor);
  TessBaseAPIEnd (api);
  TessBaseAPIDelete (api);

  return text;
#else
  g_return_val_if_fail (GDK_IS_PIXBUF (pixbuf), NULL);

  set_unavailable_error (error);
  return NULL;
#endif
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename != NULL ? basename : "");
}

static void
set_not_image_error (GError          **error,
                     const char       *name,
                     GdkPixbufFormat  *format)
{
  if (format != NULL)
    {
      g_autofree char *format_name = gdk_pixbuf_format_get_name (format);
      g_autofree char *upper = g_ascii_strup (format_name, -1);

      /* Translators: "photo.png is not a complete PNG image." */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not a complete %s image."), name, upper);
    }
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s is not an image Steward can read."), name);
}

/* A file that is not on a local disk: read whole, then decoded */
static GdkPixbuf *
load_remote_image (GFile         *file,
                   const char    *name,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GdkPixbuf *pixbuf;

  if (!(bytes = g_file_load_bytes (file, cancellable, NULL, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("%s could not be read: %s"), name, local_error->message);
      return NULL;
    }

  if (gdk_pixbuf_loader_write_bytes (loader, bytes, &local_error))
    gdk_pixbuf_loader_close (loader, &local_error);
  else
    gdk_pixbuf_loader_close (loader, NULL);

  if (local_error != NULL || !(pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)))
    {
      set_not_image_error (error, name, gdk_pixbuf_loader_get_format (loader));
      return NULL;
    }

  return g_object_ref (pixbuf);
}

/* The image in @file, turned as its EXIF orientation says. A local file
 * is decoded by gdk-pixbuf's whole-file loaders: unlike the incremental
 * ones, they refuse a truncated PNG instead of giving its top half. */
static GdkPixbuf *
load_image (GFile         *file,
            const char    *name,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  const char *path;

  if (!(path = g_file_peek_path (file)))
    pixbuf = load_remote_image (file, name, cancellable, error);
  else if (!(info = g_file_query_info (file,
                                       G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                       G_FILE_ATTRIBUTE_ACCESS_CAN_READ,
                                       G_FILE_QUERY_INFO_NONE, cancellable, &local_error)))
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                     _("%s does not exist."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("%s could not be read: %s"), name, local_error->message);
    }
  else if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                 _("%s is a folder, not an image."), name);
  else if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ) &&
           !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_READ))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                 _("%s could not be read: permission denied."), name);
  else if (!(pixbuf = gdk_pixbuf_new_from_file (path, &local_error)))
    {
      if (local_error->domain == G_FILE_ERROR)
        g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                     _("%s could not be read: %s"), name, local_error->message);
      else
        set_not_image_error (error, name, gdk_pixbuf_get_file_info (path, NULL, NULL));
    }

  if (pixbuf == NULL)
    return NULL;

  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

char *
steward_ocr_read_file (GFile         *file,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autofree char *name = NULL;
  g_autoptr(GdkPixbuf) pixbuf = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Say so before the file is even read */
  if (!steward_ocr_is_available ())
    {
      set_unavailable_error (error);
      return NULL;
    }

  name = dup_display_name (file);

  if (!(pixbuf = load_image (file, name, cancellable, error)))
    return NULL;

  return steward_ocr_read_pixbuf (pixbuf, name, cancellable, error);
}

static void
read_pixbuf_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  PixbufJob *job = task_data;
  g_autoptr(GError) error = NULL;
  char *text;

  if ((text = steward_ocr_read_pixbuf (job->pixbuf, job->name, cancellable, &error)))
    g_task_return_pointer (task, text, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
steward_ocr_read_pixbuf_async (GdkPixbuf           *pixbuf,
                               const char          *name,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PixbufJob *job;

  g_return_if_fail (GDK_IS_PIXBUF (pixbuf));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  job = g_new0 (PixbufJob, 1);
  job->pixbuf = g_object_ref (pixbuf);
  job->name = g_strdup (name);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_ocr_read_pixbuf_async);
  g_task_set_task_data (task, job, pixbuf_job_free);
  g_task_run_in_thread (task, read_pixbuf_thread);
}

static void
read_file_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GFile *file = task_data;
  g_autoptr(GError) error = NULL;
  char *text;

  if ((text = steward_ocr_read_file (file, cancellable, &error)))
    g_task_return_pointer (task, text, g_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

void
steward_ocr_read_file_async (GFile               *file,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_ocr_read_file_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, read_file_thread);
}

char *
steward_ocr_read_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_ocr_read_file_async ||
                        g_task_get_source_tag (G_TASK (result)) == steward_ocr_read_pixbuf_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
