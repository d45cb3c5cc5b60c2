/* steward-speaker-espeak.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-speaker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#if HAVE_ESPEAK
# include <espeak-ng/speak_lib.h>
# include <gst/app/gstappsrc.h>
#endif

#include "steward-speaker-private.h"

/* espeak-ng's voices through GStreamer: where speech-dispatcher is
 * missing, as in the Flatpak sandbox, which reaches no speech service but
 * plays sound. libespeak-ng synthesises in a worker, handing each piece
 * of audio to a callback that pushes it into an appsrc; the pipeline
 *
 *   appsrc ! audioconvert ! audioresample ! autoaudiosink
 *
 * plays it. Its end of stream is the end of the text. A new text gets a
 * new pipeline, so a piece of a stopped text still on its way lands in
 * the old one. libespeak-ng keeps global state: one text is synthesised
 * at a time in the process, under espeak_lock. */

#if HAVE_ESPEAK
typedef struct
{
  gatomicrefcount  ref_count;
  GstAppSrc       *appsrc;
  GCancellable    *cancellable;
  char            *text;
  char            *language;
  guint64          samples;
} SynthJob;

struct _StewardEspeak
{
  /* Owned */
  GstElement     *audio_sink;
  GstElement     *pipeline;
  SynthJob       *job;
  guint           bus_watch;

  /* Borrowed: the speaker owns this */
  StewardSpeaker *speaker;
  guint           serial;
};

static GMutex espeak_lock;
static int sample_rate;

static SynthJob *
synth_job_ref (SynthJob *job)
{
  g_atomic_ref_count_inc (&job->ref_count);
  return job;
}

static void
synth_job_unref (SynthJob *job)
{
  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  gst_object_unref (job->appsrc);
  g_object_unref (job->cancellable);
  g_free (job->text);
  g_free (job->language);
  g_free (job);
}

/* In the worker, inside espeak_Synth (): 1 stops the synthesis */
static int
synth_cb (short        *wav,
          int           n_samples,
          espeak_EVENT *events)
{
  SynthJob *job = events != NULL ? events->user_data : NULL;
  GstBuffer *buffer;

  if (job == NULL || g_cancellable_is_cancelled (job->cancellable))
    return 1;

  if (wav == NULL || n_samples <= 0)
    return 0;

  buffer = gst_buffer_new_memdup (wav, (gsize)n_samples * sizeof (short));
  GST_BUFFER_PTS (buffer) = gst_util_uint64_scale (job->samples, GST_SECOND, sample_rate);
  GST_BUFFER_DURATION (buffer) = gst_util_uint64_scale (n_samples, GST_SECOND, sample_rate);
  job->samples += n_samples;

  /* Blocks while the pipeline has two seconds queued; FLUSHING once the
   * text is stopped */
  return gst_app_src_push_buffer (job->appsrc, buffer) == GST_FLOW_OK ? 0 : 1;
}

static void
synth_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SynthJob *job = task_data;
  espeak_VOICE voice = { 0 };

  g_mutex_lock (&espeak_lock);

  voice.languages = job->language;
  if (espeak_SetVoiceByProperties (&voice) != EE_OK)
    espeak_SetVoiceByName ("en");

  if (!g_cancellable_is_cancelled (job->cancellable))
    espeak_Synth (job->text, strlen (job->text) + 1, 0, POS_CHARACTER, 0,
                  espeakCHARS_UTF8 | espeakENDPAUSE, NULL, job);

  g_mutex_unlock (&espeak_lock);

  gst_app_src_end_of_stream (job->appsrc);
}

static gpointer
initialize_espeak (gpointer data)
{
  int rate;

  /* DONT_EXIT: a missing voice file is an error returned, not exit () */
  rate = espeak_Initialize (AUDIO_OUTPUT_SYNCHRONOUS, 0, NULL, espeakINITIALIZE_DONT_EXIT);
  if (rate > 0)
    espeak_SetSynthCallback (synth_cb);

  return GINT_TO_POINTER (rate);
}

static void
clear_pipeline (StewardEspeak *espeak)
{
  if (espeak->job != NULL)
    {
      g_cancellable_cancel (espeak->job->cancellable);
      g_clear_pointer (&espeak->job, synth_job_unref);
    }

  g_clear_handle_id (&espeak->bus_watch, g_source_remove);

  if (espeak->pipeline != NULL)
    {
      gst_element_set_state (espeak->pipeline, GST_STATE_NULL);
      /* The sink given is used again by the next text's pipeline */
      if (espeak->audio_sink != NULL)
        gst_bin_remove (GST_BIN (espeak->pipeline), espeak->audio_sink);
      gst_clear_object (&espeak->pipeline);
    }
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  StewardEspeak *espeak = user_data;
  StewardSpeaker *speaker = espeak->speaker;
  guint serial = espeak->serial;
  GError *error = NULL;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_EOS:
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;

        gst_message_parse_error (message, &gst_error, NULL);
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("The speech could not be played: %s"), gst_error->message);
      }
      break;

    default:
      return G_SOURCE_CONTINUE;
    }

  /* The watch goes with the pipeline */
  espeak->bus_watch = 0;
  clear_pipeline (espeak);
  _steward_speaker_done (speaker, serial, error);

  return G_SOURCE_REMOVE;
}

static GstElement *
make_sink (StewardEspeak  *espeak,
           GError        **error)
{
  const char *description = g_getenv ("STEWARD_AUDIO_SINK");
  GstElement *sink;

  if (espeak->audio_sink != NULL)
    return gst_object_ref (espeak->audio_sink);

  if (description != NULL && description[0] != '\0')
    return gst_parse_bin_from_description (description, TRUE, error);

  if (!(sink = gst_element_factory_make ("autoaudiosink", NULL)))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                         _("GStreamer has no audio output (autoaudiosink is missing)."));

  return sink;
}
#endif

StewardEspeak *
_steward_espeak_new (GstElement  *audio_sink,
                     GError     **error)
{
#if HAVE_ESPEAK
  static GOnce once = G_ONCE_INIT;
  static const char *needed[] = { "appsrc", "audioconvert", "audioresample" };
  StewardEspeak *espeak;

  if (!gst_init_check (NULL, NULL, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (needed); i++)
    {
      g_autoptr(GstElementFactory) factory = gst_element_factory_find (needed[i]);

      if (factory == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("GStreamer’s “%s” element is missing."), needed[i]);
          return NULL;
        }
    }

  sample_rate = GPOINTER_TO_INT (g_once (&once, initialize_espeak, NULL));
  if (sample_rate <= 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("espeak-ng’s voices could not be loaded."));
      return NULL;
    }

  espeak = g_new0 (StewardEspeak, 1);
  if (audio_sink != NULL)
    espeak->audio_sink = gst_object_ref (audio_sink);

  return espeak;
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       "Built without espeak-ng");
  return NULL;
#endif
}

gboolean
_steward_espeak_start (StewardEspeak   *espeak,
                       StewardSpeaker  *speaker,
                       guint            serial,
                       const char      *text,
                       GError         **error)
{
#if HAVE_ESPEAK
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GTask) task = NULL;
  GstElement *appsrc, *convert, *resample, *sink;
  SynthJob *job;

  clear_pipeline (espeak);

  if (!(sink = make_sink (espeak, error)))
    return FALSE;

  appsrc = gst_element_factory_make ("appsrc", NULL);
  convert = gst_element_factory_make ("audioconvert", NULL);
  resample = gst_element_factory_make ("audioresample", NULL);
  caps = gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, G_BYTE_ORDER == G_LITTLE_ENDIAN ? "S16LE" : "S16BE",
                              "layout", G_TYPE_STRING, "interleaved",
                              "rate", G_TYPE_INT, sample_rate,
                              "channels", G_TYPE_INT, 1,
                              NULL);
  g_object_set (appsrc,
                "caps", caps,
                "format", GST_FORMAT_TIME,
                "block", TRUE,
                "max-bytes", (guint64)sample_rate * sizeof (short) * 2,
                NULL);

  espeak->pipeline = gst_pipeline_new ("steward-read-aloud");
  gst_bin_add_many (GST_BIN (espeak->pipeline), appsrc, convert, resample, sink, NULL);
  /* Ours again (the bin took the floating one, or a second one for the
   * sink given, which clear_pipeline () takes back out) */
  if (espeak->audio_sink != NULL)
    gst_object_unref (sink);

  if (!gst_element_link_many (appsrc, convert, resample, sink, NULL))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The speech cannot be played on this audio output."));
      clear_pipeline (espeak);
      return FALSE;
    }

  espeak->speaker = speaker;
  espeak->serial = serial;

  bus = gst_pipeline_get_bus (GST_PIPELINE (espeak->pipeline));
  espeak->bus_watch = gst_bus_add_watch (bus, bus_cb, espeak);

  if (gst_element_set_state (espeak->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The audio output could not be opened to read aloud."));
      clear_pipeline (espeak);
      return FALSE;
    }

  job = g_new0 (SynthJob, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->appsrc = GST_APP_SRC (gst_object_ref (appsrc));
  job->cancellable = g_cancellable_new ();
  job->text = g_strdup (text);
  job->language = _steward_speaker_dup_language ();
  espeak->job = job;

  task = g_task_new (NULL, NULL, NULL, NULL);
  g_task_set_source_tag (task, _steward_espeak_start);
  g_task_set_task_data (task, synth_job_ref (job), (GDestroyNotify) synth_job_unref);
  g_task_run_in_thread (task, synth_thread);

  return TRUE;
#else
  g_assert_not_reached ();
  return FALSE;
#endif
}

void
_steward_espeak_stop (StewardEspeak *espeak)
{
#if HAVE_ESPEAK
  clear_pipeline (espeak);
#endif
}

void
_steward_espeak_free (StewardEspeak *espeak)
{
#if HAVE_ESPEAK
  clear_pipeline (espeak);
  gst_clear_object (&espeak->audio_sink);
  g_free (espeak);
#endif
}
