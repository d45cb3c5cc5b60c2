/* steward-audio-trim.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-audio-trim"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <gst/audio/audio.h>

#include "steward-audio-trim.h"
#include "steward-recorder.h"

/* Writes a span of a WAV recording as Ogg Opus (WAV where GStreamer has
 * no Opus encoder), in a worker: a pad probe drops the samples before
 * and after the span, cutting the buffers at its edges to the sample,
 * and moves what is kept to start at 0. */

#define POLL_INTERVAL (100 * GST_MSECOND)

typedef struct
{
  char         *wav_path;
  char         *out_path;
  GstClockTime  from;
  GstClockTime  to;
  gboolean      delete_wav;
} TrimData;

static void
trim_data_free (gpointer data)
{
  TrimData *td = data;

  if (td->delete_wav)
    g_unlink (td->wav_path);
  if (td->out_path != NULL)
    g_unlink (td->out_path);
  g_free (td->wav_path);
  g_free (td->out_path);
  g_free (td);
}

static gboolean
has_opus (void)
{
  g_autoptr(GstElementFactory) encoder = NULL;
  g_autoptr(GstElementFactory) muxer = NULL;

  if (!gst_init_check (NULL, NULL, NULL))
    return FALSE;

  encoder = gst_element_factory_find ("opusenc");
  muxer = gst_element_factory_find ("oggmux");

  /* A rank of none (GST_PLUGIN_FEATURE_RANK=opusenc:NONE) turns the
   * encoder off, as it keeps it from being picked anywhere else */
  return encoder != NULL && muxer != NULL &&
         gst_plugin_feature_get_rank (GST_PLUGIN_FEATURE (encoder)) > GST_RANK_NONE;
}

/**
 * steward_audio_trim_get_content_type:
 *
 * Returns: the MIME type of what steward_audio_trim_async() writes
 */
const char *
steward_audio_trim_get_content_type (void)
{
  return has_opus () ? "audio/ogg" : "audio/wav";
}

static GstPadProbeReturn
clip_cb (GstPad          *pad,
         GstPadProbeInfo *info,
         gpointer         user_data)
{
  TrimData *td = user_data;
  GstBuffer *buffer = GST_PAD_PROBE_INFO_BUFFER (info);
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  GstAudioInfo audio;
  guint64 first, n_samples, from, to, skip, keep;

  if (caps == NULL || !gst_audio_info_from_caps (&audio, caps) ||
      !GST_BUFFER_PTS_IS_VALID (buffer) || GST_AUDIO_INFO_BPF (&audio) == 0)
    return GST_PAD_PROBE_OK;

  first = gst_util_uint64_scale_round (GST_BUFFER_PTS (buffer), GST_AUDIO_INFO_RATE (&audio), GST_SECOND);
  n_samples = gst_buffer_get_size (buffer) / GST_AUDIO_INFO_BPF (&audio);
  from = gst_util_uint64_scale_round (td->from, GST_AUDIO_INFO_RATE (&audio), GST_SECOND);
  to = gst_util_uint64_scale_round (td->to, GST_AUDIO_INFO_RATE (&audio), GST_SECOND);

  if (first + n_samples <= from || first >= to)
    return GST_PAD_PROBE_DROP;

  skip = from > first ? from - first : 0;
  keep = MIN (first + n_samples, to) - (first + skip);
  if (skip > 0 || keep < n_samples)
    buffer = gst_audio_buffer_truncate (buffer, GST_AUDIO_INFO_BPF (&audio), skip, keep);
  buffer = gst_buffer_make_writable (buffer);
  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale_round (first + skip - from, GST_SECOND,
                                                         GST_AUDIO_INFO_RATE (&audio));
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale_round (keep, GST_SECOND,
                                                              GST_AUDIO_INFO_RATE (&audio));
  GST_PAD_PROBE_INFO_DATA (info) = buffer;

  return GST_PAD_PROBE_OK;
}

static GError *
encode_error (const char *detail)
{
  return g_error_new (STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_FAILED,
                      _("The recording could not be saved (%s)."), detail);
}

static gboolean
run_pipeline (GstElement    *pipeline,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);

  if (gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_propagate_error (error, encode_error (_("the encoder did not start")));
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(GstMessage) message = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      message = gst_bus_timed_pop_filtered (bus, POLL_INTERVAL, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
      if (message == NULL)
        continue;

      if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_EOS)
        return TRUE;

      {
        g_autoptr(GError) gst_error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        g_debug ("Encoding failed: %s (%s)", gst_error->message, debug ? debug : "");
        g_propagate_error (error, encode_error (gst_error->message));
        return FALSE;
      }
    }
}

static void
trim_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  TrimData *td = task_data;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstElement) input = NULL;
  g_autoptr(GstElement) convert = NULL;
  g_autoptr(GstElement) output = NULL;
  g_autoptr(GstPad) pad = NULL;
  g_autoptr(GError) error = NULL;
  gboolean opus = has_opus ();
  gboolean ok;
  int fd;

  if ((fd = g_file_open_tmp (opus ? "steward-recording-XXXXXX.ogg" : "steward-recording-XXXXXX.wav",
                             &td->out_path, &error)) < 0)
    {
      g_task_return_error (task, encode_error (error->message));
      return;
    }
  close (fd);

  pipeline = gst_parse_launch (opus
                               ? "filesrc name=input ! wavparse ! audioconvert name=convert ! audioresample "
                                 "! opusenc bitrate=32000 ! oggmux ! filesink name=output"
                               : "filesrc name=input ! wavparse ! audioconvert name=convert ! audioresample "
                                 "! wavenc ! filesink name=output",
                               &error);
  if (pipeline == NULL)
    {
      g_task_return_error (task, encode_error (error->message));
      return;
    }

  input = gst_bin_get_by_name (GST_BIN (pipeline), "input");
  convert = gst_bin_get_by_name (GST_BIN (pipeline), "convert");
  output = gst_bin_get_by_name (GST_BIN (pipeline), "output");
  g_object_set (input, "location", td->wav_path, NULL);
  g_object_set (output, "location", td->out_path, NULL);
  pad = gst_element_get_static_pad (convert, "sink");
  gst_pad_add_probe (pad, GST_PAD_PROBE_TYPE_BUFFER, clip_cb, td, NULL);

  ok = run_pipeline (pipeline, cancellable, &error);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, g_file_new_for_path (td->out_path), g_object_unref);
  /* The caller owns it now */
  g_clear_pointer (&td->out_path, g_free);
}

/**
 * steward_audio_trim_async:
 * @wav_path: a WAV file
 * @from: where the span starts
 * @to: where it ends
 * @delete_wav: whether @wav_path is deleted when done, whatever happens
 *
 * Writes the span of @wav_path from @from to @to to a temporary file.
 */
void
steward_audio_trim_async (const char          *wav_path,
                          GstClockTime         from,
                          GstClockTime         to,
                          gboolean             delete_wav,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  TrimData *td;

  g_return_if_fail (wav_path != NULL);
  g_return_if_fail (from <= to);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_audio_trim_async);

  td = g_new0 (TrimData, 1);
  td->wav_path = g_strdup (wav_path);
  td->from = from;
  td->to = to;
  td->delete_wav = delete_wav;
  g_task_set_task_data (task, td, trim_data_free);

  if (!gst_init_check (NULL, NULL, &error))
    {
      g_task_return_error (task, encode_error (error->message));
      return;
    }

  g_task_run_in_thread (task, trim_thread);
}

/**
 * steward_audio_trim_finish:
 *
 * Returns: (transfer full): the temporary file written, for the caller
 *   to delete
 */
GFile *
steward_audio_trim_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
