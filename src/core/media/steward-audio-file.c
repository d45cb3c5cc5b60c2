/* steward-audio-file.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-audio-file"

#include "config.h"

#include <glib/gi18n.h>

#include <gst/pbutils/pbutils.h>

#include "steward-audio-file.h"

/* An audio file read for a transcription: its type sniffed from its
 * bytes, its length measured by GstDiscoverer, refused in one sentence
 * with its name when it is not audio or more than a transcription takes. */

#define DISCOVER_TIMEOUT (15 * GST_SECOND)

G_DEFINE_QUARK (steward-audio-file-error-quark, steward_audio_file_error)

/* The formats the transcription endpoints take, with the extension the
 * servers tell them by. */
static const struct {
  const char *mime;
  const char *upload_mime;
  const char *extension;
} formats[] = {
  { "audio/ogg", "audio/ogg", ".ogg" },
  { "audio/x-wav", "audio/wav", ".wav" },
  { "audio/mpeg", "audio/mpeg", ".mp3" },
  { "audio/flac", "audio/flac", ".flac" },
  { "audio/mp4", "audio/mp4", ".m4a" },
  { "audio/webm", "audio/webm", ".webm" },
  { "video/webm", "audio/webm", ".webm" },
  { "video/mp4", "audio/mp4", ".mp4" },
};

void
steward_audio_file_free (StewardAudioFile *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_free (self->upload_name);
  g_free (self->content_type);
  g_free (self);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

/* Finds the format of @content_type; NULL when no transcription takes it */
static gboolean
find_format (const char  *content_type,
             const char **upload_mime,
             const char **extension)
{
  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *type = g_content_type_from_mime_type (formats[i].mime);

      if (type != NULL && g_content_type_is_a (content_type, type))
        {
          *upload_mime = formats[i].upload_mime;
          *extension = formats[i].extension;
          return TRUE;
        }
    }

  return FALSE;
}

/* Seconds, -1 when GStreamer has no decoder for it, or FALSE when it is
 * broken. */
static gboolean
discover_duration (GFile   *file,
                   double  *seconds)
{
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  GList *streams;
  gboolean has_audio;

  *seconds = -1;

  if (!gst_init_check (NULL, NULL, &error) ||
      !(discoverer = gst_discoverer_new (DISCOVER_TIMEOUT, &error)))
    {
      g_debug ("No discoverer: %s", error->message);
      return TRUE;
    }

  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  if (info == NULL)
    return FALSE;

  switch (gst_discoverer_info_get_result (info))
    {
    case GST_DISCOVERER_OK:
      break;

    case GST_DISCOVERER_MISSING_PLUGINS:
      /* The server may still read it */
      return TRUE;

    default:
      g_debug ("Discovering %s failed: %s", uri, error ? error->message : "");
      return FALSE;
    }

  streams = gst_discoverer_info_get_audio_streams (info);
  has_audio = streams != NULL;
  gst_discoverer_stream_info_list_free (streams);
  if (!has_audio)
    return FALSE;

  if (GST_CLOCK_TIME_IS_VALID (gst_discoverer_info_get_duration (info)))
    *seconds = (double)gst_discoverer_info_get_duration (info) / GST_SECOND;

  return TRUE;
}

/**
 * steward_audio_file_load:
 *
 * Reads @file for a transcription; blocks, so call it in a worker (or
 * use the async pair).
 *
 * Returns: (transfer full): the file, or %NULL with @error set to a
 *   sentence with the file's name
 */
StewardAudioFile *
steward_audio_file_load (GFile         *file,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(StewardAudioFile) audio = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *content_type = NULL;
  const char *upload_mime;
  const char *extension;
  const char *data;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = dup_display_name (file);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                     _("%s does not exist."), name);
      else
        g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                     _("%s could not be read (%s)."), name, local_error->message);
      return NULL;
    }

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                   _("%s is not a file."), name);
      return NULL;
    }

  if (g_file_info_get_size (info) > STEWARD_AUDIO_FILE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_TOO_LARGE,
                   /* Translators: a file name, then its size such as "31.2 MB" */
                   _("%s is too large to transcribe (%s; at most 25 MB)."), name, size);
      return NULL;
    }

  audio = g_new0 (StewardAudioFile, 1);
  {
    char *contents = NULL;

    if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
      {
        if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
          g_propagate_error (error, g_steal_pointer (&local_error));
        else
          g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                       _("%s could not be read (%s)."), name, local_error->message);
        return NULL;
      }
    audio->bytes = g_bytes_new_take (contents, len);
  }

  data = g_bytes_get_data (audio->bytes, &len);
  if (len == 0)
    {
      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
                   _("%s is empty."), name);
      return NULL;
    }

  content_type = g_content_type_guess (NULL, (const guchar *)data, len, NULL);
  if (!find_format (content_type, &upload_mime, &extension))
    {
      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
                   _("%s is not an audio file that can be transcribed (Ogg, Opus, WAV, MP3, FLAC, "
                     "M4A or WebM)."), name);
      return NULL;
    }

  /* A header with no samples after it is as broken as a cut file */
  if (!discover_duration (file, &audio->duration) || audio->duration == 0)
    {
      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
                   _("%s is not a complete audio file."), name);
      return NULL;
    }

  if (audio->duration > STEWARD_AUDIO_FILE_MAX_SECONDS)
    {
      guint minutes = (guint)(audio->duration / 60);

      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_TOO_LONG,
                   /* Translators: a file name, then its length in whole minutes (always more than 30) */
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s is too long to transcribe (%u minute; at most 30).",
                                "%s is too long to transcribe (%u minutes; at most 30).",
                                minutes),
                   name, minutes);
      return NULL;
    }

  /* Servers tell the format by the extension */
  basename = g_file_get_basename (file);
  if (basename != NULL && !g_utf8_validate (basename, -1, NULL))
    g_clear_pointer (&basename, g_free);
  if (basename == NULL)
    basename = g_strdup ("recording");
  if (g_str_has_suffix (basename, extension) ||
      (g_str_equal (extension, ".ogg") && (g_str_has_suffix (basename, ".opus") || g_str_has_suffix (basename, ".oga"))))
    audio->upload_name = g_steal_pointer (&basename);
  else
    audio->upload_name = g_strconcat (basename, extension, NULL);
  audio->content_type = g_strdup (upload_mime);

  return g_steal_pointer (&audio);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  StewardAudioFile *audio;

  if ((audio = steward_audio_file_load (task_data, cancellable, &error)))
    g_task_return_pointer (task, audio, (GDestroyNotify)steward_audio_file_free);
  else
    g_task_return_error (task, error);
}

void
steward_audio_file_load_async (GFile               *file,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_audio_file_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

StewardAudioFile *
steward_audio_file_load_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
