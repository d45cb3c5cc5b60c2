/* steward-audio-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-audio-probe"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <gst/pbutils/pbutils.h>
#include <unistd.h>

#include "steward-audio-probe.h"

/* The discoverer reads a URI, not bytes: they are written to a
 * temporary file first, removed at once. It decodes only what it needs to
 * tell the streams and their length. */

/* A file the discoverer has not made sense of in this long is not one
 * it can (a real one takes a fraction of a second; some noise with an
 * Ogg header makes it wait for the end) */
#define DISCOVER_TIMEOUT (10 * GST_SECOND)

static void
set_not_audio (GError     **error,
               const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               _("%s is not a complete audio file."), name);
}

gboolean
steward_audio_probe (GBytes        *data,
                     const char    *name,
                     double        *duration,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  GList *audio;
  gsize size;
  const char *bytes;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (duration != NULL)
    *duration = 0;

  if (!gst_init_check (NULL, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s cannot be read: GStreamer does not start (%s)."), name, local_error->message);
      return FALSE;
    }

  if ((fd = g_file_open_tmp ("steward-audio-XXXXXX", &path, error)) < 0)
    return FALSE;

  bytes = g_bytes_get_data (data, &size);
  for (gsize written = 0; written < size;)
    {
      gssize n = write (fd, bytes + written, size - written);

      if (n <= 0)
        {
          close (fd);
          g_unlink (path);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                       _("%s cannot be read: there is no room for a temporary copy."), name);
          return FALSE;
        }
      written += n;
    }
  close (fd);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    goto out;

  uri = g_filename_to_uri (path, NULL, error);
  if (uri == NULL ||
      !(discoverer = gst_discoverer_new (DISCOVER_TIMEOUT, error)))
    goto out;

  info = gst_discoverer_discover_uri (discoverer, uri, &local_error);
  if (info == NULL)
    {
      set_not_audio (error, name);
      goto out;
    }

  switch (gst_discoverer_info_get_result (info))
    {
    case GST_DISCOVERER_OK:
      break;

    case GST_DISCOVERER_MISSING_PLUGINS:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is audio of a kind GStreamer cannot read here."), name);
      goto out;

    case GST_DISCOVERER_URI_INVALID:
    case GST_DISCOVERER_ERROR:
    case GST_DISCOVERER_TIMEOUT:
    case GST_DISCOVERER_BUSY:
    default:
      set_not_audio (error, name);
      goto out;
    }

  audio = gst_discoverer_info_get_audio_streams (info);
  if (audio == NULL || !GST_CLOCK_TIME_IS_VALID (gst_discoverer_info_get_duration (info)))
    {
      gst_discoverer_stream_info_list_free (audio);
      set_not_audio (error, name);
      goto out;
    }
  gst_discoverer_stream_info_list_free (audio);

  if (duration != NULL)
    *duration = (double) gst_discoverer_info_get_duration (info) / GST_SECOND;
  ok = TRUE;

out:
  g_unlink (path);

  return ok;
}
