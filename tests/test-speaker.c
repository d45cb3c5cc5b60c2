/* test-speaker.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steward-speaker.h"

/* Reading aloud (steward-speaker.c) with the real espeak-ng and
 * GStreamer, headless: the audio goes to a file or to a fakesink that
 * plays in real time, and the test checks speech was made, and stopped.
 * speech-dispatcher cannot run without a sound server here: only its
 * absence is tested. */

static char *tmp_dir;
static char *wav_path;

typedef struct
{
  GAsyncResult *result;
  guint         speaking_changes;
  gint          handoffs;
} Waiter;

static void
speak_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Waiter *waiter = user_data;

  g_assert_null (waiter->result);
  waiter->result = g_object_ref (result);
}

static void
speaking_cb (StewardSpeaker *speaker,
             GParamSpec     *pspec,
             Waiter         *waiter)
{
  waiter->speaking_changes++;
}

static void
handoff_cb (GstElement *sink,
            GstBuffer  *buffer,
            GstPad     *pad,
            Waiter     *waiter)
{
  g_atomic_int_inc (&waiter->handoffs);
  /* The test waits in the main context for this streaming thread */
  g_main_context_wakeup (NULL);
}

static gboolean
wait_finished (StewardSpeaker  *speaker,
               Waiter          *waiter,
               GError         **error)
{
  gboolean ok;

  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  ok = steward_speaker_speak_finish (speaker, waiter->result, error);
  g_clear_object (&waiter->result);

  return ok;
}

static StewardSpeaker *
espeak_speaker (GstElement *sink)
{
  g_autoptr(StewardSpeaker) speaker = steward_speaker_new (STEWARD_SPEECH_BACKEND_ESPEAK, sink);

  g_assert_cmpint (steward_speaker_get_backend (speaker), ==, STEWARD_SPEECH_BACKEND_ESPEAK);

  return g_steal_pointer (&speaker);
}

/* Signed 16-bit samples: the loudest of them */
static int
peak (const char *data,
      gsize       len)
{
  int loudest = 0;

  for (gsize i = 0; i + 1 < len; i += 2)
    {
      gint16 sample;

      memcpy (&sample, data + i, 2);
      loudest = MAX (loudest, ABS ((int)sample));
    }

  return loudest;
}

static void
test_to_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "speech.raw", NULL);
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  GstElement *sink;
  Waiter waiter = { 0 };
  gsize len;

  sink = gst_element_factory_make ("filesink", NULL);
  g_object_set (sink, "location", path, NULL);
  speaker = espeak_speaker (sink);
  g_signal_connect (speaker, "notify::speaking", G_CALLBACK (speaking_cb), &waiter);

  g_assert_false (steward_speaker_get_speaking (speaker));
  steward_speaker_speak_async (speaker, "Hello from Steward. The meeting moved to Thursday.",
                               NULL, speak_cb, &waiter);
  g_assert_true (steward_speaker_get_speaking (speaker));
  g_assert_cmpint (steward_speaker_get_backend (speaker), ==, STEWARD_SPEECH_BACKEND_ESPEAK);

  g_assert_true (wait_finished (speaker, &waiter, &error));
  g_assert_no_error (error);
  g_assert_false (steward_speaker_get_speaking (speaker));
  g_assert_cmpuint (waiter.speaking_changes, ==, 2);

  /* A couple of seconds of 16-bit mono speech, not silence */
  g_assert_true (g_file_get_contents (path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 16000 * 2);
  g_assert_cmpint (peak (data, len), >, 2000);
}

/* The sink a machine without sound is given, from the environment */
static void
test_sink_from_environment (void)
{
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  Waiter waiter = { 0 };
  gsize len;

  speaker = espeak_speaker (NULL);
  steward_speaker_speak_async (speaker, "Read aloud.", NULL, speak_cb, &waiter);
  g_assert_true (wait_finished (speaker, &waiter, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (wav_path, &data, &len, NULL));
  g_assert_cmpuint (len, >, 44 + 8000);
  g_assert_true (memcmp (data, "RIFF", 4) == 0);
  g_assert_true (memcmp (data + 8, "WAVE", 4) == 0);
  g_assert_cmpint (peak (data + 44, len - 44), >, 2000);
}

static GstElement *
real_time_sink (Waiter *waiter)
{
  GstElement *sink = gst_element_factory_make ("fakesink", NULL);

  /* Plays as long as the speech lasts, as a sound card would */
  g_object_set (sink, "sync", TRUE, "signal-handoffs", TRUE, NULL);
  g_signal_connect (sink, "handoff", G_CALLBACK (handoff_cb), waiter);

  return sink;
}

static const char long_text[] =
  "This is a long reply. It goes on for a while, sentence after sentence, "
  "so that there is time to stop it before it ends. One, two, three, four, "
  "five, six, seven, eight, nine, ten. And then some more words follow.";

static void
test_stop (void)
{
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  speaker = espeak_speaker (real_time_sink (&waiter));
  g_signal_connect (speaker, "notify::speaking", G_CALLBACK (speaking_cb), &waiter);

  /* Stopping when nothing is read does nothing */
  steward_speaker_stop (speaker);
  g_assert_cmpuint (waiter.speaking_changes, ==, 0);

  steward_speaker_speak_async (speaker, long_text, NULL, speak_cb, &waiter);
  while (g_atomic_int_get (&waiter.handoffs) < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (waiter.result);
  g_assert_true (steward_speaker_get_speaking (speaker));

  steward_speaker_stop (speaker);
  g_assert_false (steward_speaker_get_speaking (speaker));
  g_assert_false (wait_finished (speaker, &waiter, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* The same sink speaks again, in a new pipeline */
  g_atomic_int_set (&waiter.handoffs, 0);
  steward_speaker_speak_async (speaker, "Done.", NULL, speak_cb, &waiter);
  g_assert_true (wait_finished (speaker, &waiter, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_atomic_int_get (&waiter.handoffs), >, 0);
  g_assert_cmpuint (waiter.speaking_changes, ==, 4);
}

static void
test_replace_and_cancel (void)
{
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Waiter first = { 0 };
  Waiter second = { 0 };
  Waiter third = { 0 };

  speaker = espeak_speaker (real_time_sink (&first));

  /* A second text stops the first */
  steward_speaker_speak_async (speaker, long_text, NULL, speak_cb, &first);
  steward_speaker_speak_async (speaker, "Second.", NULL, speak_cb, &second);
  g_assert_false (wait_finished (speaker, &first, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_true (wait_finished (speaker, &second, &error));
  g_assert_no_error (error);

  /* The caller's cancellable stops it too */
  steward_speaker_speak_async (speaker, long_text, cancellable, speak_cb, &third);
  g_cancellable_cancel (cancellable);
  g_assert_false (wait_finished (speaker, &third, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (steward_speaker_get_speaking (speaker));
}

static void
test_no_speech_dispatcher (void)
{
  g_autofree char *daemon = g_find_program_in_path ("speech-dispatcher");
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  if (daemon != NULL)
    {
      g_test_skip ("speech-dispatcher is installed");
      return;
    }

  speaker = steward_speaker_new (STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER, NULL);
  steward_speaker_speak_async (speaker, "Nobody hears this.", NULL, speak_cb, &waiter);
  g_assert_false (wait_finished (speaker, &waiter, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   "Text cannot be read aloud: neither speech-dispatcher nor espeak-ng is available.");
  g_assert_cmpint (steward_speaker_get_backend (speaker), ==, STEWARD_SPEECH_BACKEND_NONE);
  g_assert_false (steward_speaker_get_speaking (speaker));
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

  tmp_dir = g_dir_make_tmp ("steward-speaker-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  /* Set before any thread starts; the speakers given a sink of their own
   * do not look at it */
  wav_path = g_build_filename (tmp_dir, "speech.wav", NULL);
  {
    g_autofree char *description = g_strdup_printf ("wavenc ! filesink location=\"%s\"", wav_path);

    g_setenv ("STEWARD_AUDIO_SINK", description, TRUE);
  }
  gst_init (NULL, NULL);

#if HAVE_ESPEAK
  g_test_add_func ("/steward/speaker/to-file", test_to_file);
  g_test_add_func ("/steward/speaker/sink-from-environment", test_sink_from_environment);
  g_test_add_func ("/steward/speaker/stop", test_stop);
  g_test_add_func ("/steward/speaker/replace-and-cancel", test_replace_and_cancel);
#endif
  g_test_add_func ("/steward/speaker/no-speech-dispatcher", test_no_speech_dispatcher);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (wav_path);

  return status;
}
