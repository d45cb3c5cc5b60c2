/* steward-transcriber-sphinx.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-transcriber-sphinx"

#include "config.h"

#include <glib/gi18n.h>

#include <gst/gst.h>
#include <gst/app/gstappsink.h>

#if HAVE_POCKETSPHINX
# include <pocketsphinx.h>
# include <sphinxbase/err.h>
#endif

#include "steward-audio-file.h"
#include "steward-transcriber.h"
#include "steward-transcriber-sphinx.h"

/* Speech to text on this computer, when voice.provider is "offline":
 * GStreamer decodes any audio file it reads to 16 kHz mono 16-bit
 * samples, and PocketSphinx's US English model turns them into words in
 * a worker thread. Its voice activity detection cuts the speech into
 * utterances, each decoded on its own, so a long recording neither
 * grows one search without bound nor loses the words of its pauses. */

#define SAMPLE_RATE  16000
/* How often the worker looks at the cancellable and the bus */
#define PULL_TIMEOUT (100 * GST_MSECOND)

gboolean
steward_transcriber_sphinx_is_built_in (void)
{
  return HAVE_POCKETSPHINX;
}

const char *
steward_transcriber_sphinx_get_model_dir (void)
{
  const char *dir = g_getenv ("STEWARD_POCKETSPHINX_MODEL_DIR");

  if (dir != NULL && dir[0] != '\0')
    return dir;

#if HAVE_POCKETSPHINX
  return POCKETSPHINX_MODEL_DIR;
#else
  return NULL;
#endif
}

#if HAVE_POCKETSPHINX

/* "en", "en-GB", "en_US", "English": what the US model can hear */
static gboolean
is_english (const char *language)
{
  if (language == NULL || language[0] == '\0')
    return TRUE;

  if (g_ascii_strncasecmp (language, "en", 2) == 0 &&
      (language[2] == '\0' || language[2] == '-' || language[2] == '_'))
    return TRUE;

  return g_ascii_strcasecmp (language, "english") == 0;
}

static void sphinx_log_cb (void       *user_data,
                           err_lvl_t   level,
                           const char *format,
                           ...) G_GNUC_PRINTF (3, 4);

/* PocketSphinx writes its settings and progress to stderr, and stdout
 * is the CLI's result: its warnings and errors go to the debug log. */
static void
sphinx_log_cb (void       *user_data,
               err_lvl_t   level,
               const char *format,
               ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (level < ERR_WARN)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("PocketSphinx: %s", g_strchomp (message));
}

static void
quiet_sphinx_log (void)
{
  static gsize quieted = 0;

  if (g_once_init_enter (&quieted))
    {
      /* ps_init () prints its whole configuration to the log file */
      err_set_logfp (NULL);
      err_set_callback (sphinx_log_cb, NULL);
      g_once_init_leave (&quieted, 1);
    }
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);

  return g_file_get_parse_name (file);
}

static ps_decoder_t *
decoder_new (GError **error)
{
  const char *dir = steward_transcriber_sphinx_get_model_dir ();
  g_autofree char *hmm = g_build_filename (dir, "en-us", NULL);
  g_autofree char *mdef = g_build_filename (hmm, "mdef", NULL);
  g_autofree char *lm = g_build_filename (dir, "en-us.lm.bin", NULL);
  g_autofree char *dict = g_build_filename (dir, "cmudict-en-us.dict", NULL);
  ps_decoder_t *decoder = NULL;
  cmd_ln_t *config;

  /* Checked first: PocketSphinx ends the process on some missing files */
  if (!g_file_test (mdef, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (lm, G_FILE_TEST_IS_REGULAR) ||
      !g_file_test (dict, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
                   _("The English model for offline speech to text is missing from %s; install the "
                     "package pocketsphinx-en-us."),
                   dir);
      return NULL;
    }

  quiet_sphinx_log ();

  config = cmd_ln_init (NULL, ps_args (), TRUE, "-hmm", hmm, "-lm", lm, "-dict", dict, NULL);
  if (config != NULL)
    {
      /* The decoder keeps its own reference */
      decoder = ps_init (config);
      cmd_ln_free_r (config);
    }

  if (decoder == NULL)
    g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
                 _("The English model for offline speech to text in %s could not be loaded; reinstall "
                   "the package pocketsphinx-en-us."),
                 dir);

  return decoder;
}

typedef struct
{
  GstElement *pipeline;
  /* Borrowed from @pipeline */
  GstElement *decode;
  GstElement *convert;
  GstAppSink *sink;
  GstBus     *bus;
  /* Set from GStreamer's streaming threads */
  int         audio_linked;
  int         no_more_pads;
} Decoding;

static void
decoding_clear (Decoding *decoding)
{
  if (decoding->pipeline != NULL)
    {
      /* Joins the streaming threads, which hold @decoding */
      gst_element_set_state (decoding->pipeline, GST_STATE_NULL);
      g_signal_handlers_disconnect_by_data (decoding->decode, decoding);
    }
  gst_clear_object (&decoding->bus);
  gst_clear_object (&decoding->pipeline);
}

static void
pad_added_cb (GstElement *decodebin,
              GstPad     *pad,
              Decoding   *decoding)
{
  g_autoptr(GstCaps) caps = gst_pad_get_current_caps (pad);
  g_autoptr(GstPad) sink_pad = NULL;

  if (caps == NULL)
    caps = gst_pad_query_caps (pad, NULL);
  if (caps == NULL || gst_caps_is_empty (caps) ||
      !g_str_has_prefix (gst_structure_get_name (gst_caps_get_structure (caps, 0)), "audio/"))
    return;

  /* The first audio stream only */
  sink_pad = gst_element_get_static_pad (decoding->convert, "sink");
  if (gst_pad_is_linked (sink_pad))
    return;

  if (GST_PAD_LINK_SUCCESSFUL (gst_pad_link (pad, sink_pad)))
    g_atomic_int_set (&decoding->audio_linked, TRUE);
}

static void
no_more_pads_cb (GstElement *decodebin,
                 Decoding   *decoding)
{
  g_atomic_int_set (&decoding->no_more_pads, TRUE);
}

/* uridecodebin → audioconvert → audioresample → 16 kHz mono S16LE → appsink */
static gboolean
decoding_start (Decoding    *decoding,
                GFile       *file,
                GError     **error)
{
  g_autoptr(GstCaps) caps = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  GstElement *decode = gst_element_factory_make ("uridecodebin", NULL);
  GstElement *resample = gst_element_factory_make ("audioresample", NULL);
  GstElement *filter = gst_element_factory_make ("capsfilter", NULL);
  GstElement *sink = gst_element_factory_make ("appsink", NULL);

  decoding->convert = gst_element_factory_make ("audioconvert", NULL);
  if (decode == NULL || decoding->convert == NULL || resample == NULL || filter == NULL || sink == NULL)
    {
      gst_clear_object (&decode);
      gst_clear_object (&decoding->convert);
      gst_clear_object (&resample);
      gst_clear_object (&filter);
      gst_clear_object (&sink);
      g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
                   _("Offline speech to text needs GStreamer’s base plugins; install the package "
                     "gstreamer1.0-plugins-base."));
      return FALSE;
    }

  caps = gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, "S16LE",
                              "layout", G_TYPE_STRING, "interleaved",
                              "rate", G_TYPE_INT, SAMPLE_RATE,
                              "channels", G_TYPE_INT, 1,
                              NULL);
  g_object_set (filter, "caps", caps, NULL);
  g_object_set (decode, "uri", uri, NULL);
  /* As fast as it decodes; a few buffers ahead at most */
  g_object_set (sink, "sync", FALSE, "max-buffers", 32, NULL);

  decoding->pipeline = gst_pipeline_new ("steward-transcriber-sphinx");
  gst_bin_add_many (GST_BIN (decoding->pipeline), decode, decoding->convert, resample, filter, sink, NULL);
  decoding->decode = decode;
  decoding->sink = GST_APP_SINK (sink);
  decoding->bus = gst_pipeline_get_bus (GST_PIPELINE (decoding->pipeline));

  if (!gst_element_link_many (decoding->convert, resample, filter, sink, NULL))
    {
      g_set_error (error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
                   _("GStreamer cannot convert audio for offline speech to text."));
      return FALSE;
    }

  g_signal_connect (decode, "pad-added", G_CALLBACK (pad_added_cb), decoding);
  g_signal_connect (decode, "no-more-pads", G_CALLBACK (no_more_pads_cb), decoding);

  /* A failure here posts its reason on the bus, read by the loop */
  gst_element_set_state (decoding->pipeline, GST_STATE_PLAYING);

  return TRUE;
}

/* What GStreamer said, as one sentence with the file's name */
static void
set_decode_error (GstMessage  *message,
                  const char  *name,
                  GError     **error)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("Decoding %s failed: %s (%s)", name, gst_error->message, debug ? debug : "");

  if (g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
                 _("%s is audio of a kind GStreamer cannot read here."), name);
  else if (gst_error->domain == GST_RESOURCE_ERROR)
    g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                 _("%s could not be read (%s)."), name, gst_error->message);
  else
    g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
                 _("%s is not an audio file GStreamer can read."), name);
}

static void
end_utterance (ps_decoder_t *decoder,
               GString      *text)
{
  const char *hyp;

  ps_end_utt (decoder);
  hyp = ps_get_hyp (decoder, NULL);
  if (hyp == NULL || hyp[0] == '\0')
    return;

  if (text->len > 0)
    g_string_append_c (text, ' ');
  g_string_append (text, hyp);
}

/* Feeds the decoded samples to @decoder until the end of the file */
static StewardTranscript *
decoding_run (Decoding      *decoding,
              ps_decoder_t  *decoder,
              const char    *name,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autoptr(GString) text = g_string_new (NULL);
  StewardTranscript *transcript;
  gboolean in_speech = FALSE;
  guint64 n_samples = 0;

  ps_start_utt (decoder);

  for (;;)
    {
      g_autoptr(GstSample) sample = NULL;
      GstMapInfo map;
      GstBuffer *buffer;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto failed;

      if (!(sample = gst_app_sink_try_pull_sample (decoding->sink, PULL_TIMEOUT)))
        {
          g_autoptr(GstMessage) message = NULL;

          if (gst_app_sink_is_eos (decoding->sink))
            break;

          if ((message = gst_bus_pop_filtered (decoding->bus, GST_MESSAGE_ERROR)))
            {
              set_decode_error (message, name, error);
              goto failed;
            }

          /* A video with no sound, say: nothing would ever come */
          if (g_atomic_int_get (&decoding->no_more_pads) && !g_atomic_int_get (&decoding->audio_linked))
            {
              g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
                           _("%s has no sound to transcribe."), name);
              goto failed;
            }

          continue;
        }

      buffer = gst_sample_get_buffer (sample);
      if (buffer == NULL || !gst_buffer_map (buffer, &map, GST_MAP_READ))
        continue;

      ps_process_raw (decoder, (const int16 *)(gpointer)map.data, map.size / sizeof (int16), FALSE, FALSE);
      n_samples += map.size / sizeof (int16);
      gst_buffer_unmap (buffer, &map);

      if (ps_get_in_speech (decoder))
        in_speech = TRUE;
      else if (in_speech)
        {
          /* A pause: what was said before it is one utterance */
          end_utterance (decoder, text);
          ps_start_utt (decoder);
          in_speech = FALSE;
        }
    }

  end_utterance (decoder, text);

  transcript = g_new0 (StewardTranscript, 1);
  transcript->text = g_string_free (g_steal_pointer (&text), FALSE);
  transcript->language = g_strdup ("en");
  transcript->duration = (double)n_samples / SAMPLE_RATE;

  return transcript;

failed:
  ps_end_utt (decoder);
  return NULL;
}

static StewardTranscript *
transcribe (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *name = dup_display_name (file);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  Decoding decoding = { 0 };
  StewardTranscript *transcript = NULL;
  ps_decoder_t *decoder;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE, G_FILE_QUERY_INFO_NONE,
                            cancellable, &local_error);
  if (info == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                     _("%s does not exist."), name);
      else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
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

  if (!gst_init_check (NULL, NULL, &local_error))
    {
      g_set_error (error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
                   _("%s cannot be read: GStreamer does not start (%s)."), name, local_error->message);
      return NULL;
    }

  if (!(decoder = decoder_new (error)))
    return NULL;

  if (decoding_start (&decoding, file, error))
    transcript = decoding_run (&decoding, decoder, name, cancellable, error);

  decoding_clear (&decoding);
  ps_free (decoder);

  return transcript;
}

static void
transcribe_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  StewardTranscript *transcript;

  if ((transcript = transcribe (task_data, cancellable, &error)))
    g_task_return_pointer (task, transcript, (GDestroyNotify)steward_transcript_free);
  else
    g_task_return_error (task, error);
}

#endif /* HAVE_POCKETSPHINX */

/**
 * _steward_transcriber_sphinx_transcribe:
 * @task: the transcription's task, returning a #StewardTranscript
 * @language: (nullable): voice.language; only English is understood
 */
void
_steward_transcriber_sphinx_transcribe (GTask      *task,
                                        GFile      *file,
                                        const char *language)
{
  g_return_if_fail (G_IS_TASK (task));
  g_return_if_fail (G_IS_FILE (file));

#if HAVE_POCKETSPHINX
  if (!is_english (language))
    {
      g_task_return_new_error (task, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
                               _("Offline speech to text understands only English, but the language "
                                 "chosen is “%s”; clear voice.language or choose a provider in "
                                 "Preferences → Voice."),
                               language);
      return;
    }

  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, transcribe_thread);
#else
  g_task_return_new_error (task, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
                           _("Offline speech to text is not built into this copy of Steward; choose a "
                             "provider in Preferences → Voice."));
#endif
}
