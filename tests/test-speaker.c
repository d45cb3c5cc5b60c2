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
 * speech-dispatcher runs too, a private one on a socket of the test's,
 * speaking through espeak-ng into libao's null output. */

static char *tmp_dir;
static char *wav_path;
static char *speechd_socket;

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

static gboolean
skip_without_espeak (void)
{
  if (!HAVE_ESPEAK)
    {
      g_test_skip ("Built without espeak-ng");
      return TRUE;
    }

  return FALSE;
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

  if (skip_without_espeak ())
    return;

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

  if (skip_without_espeak ())
    return;

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

  if (skip_without_espeak ())
    return;

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

  if (skip_without_espeak ())
    return;

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

/* Before the private speech-dispatcher starts: nothing listens on its
 * socket, and libspeechd starts no daemon for an address given */
static void
test_no_speech_dispatcher (void)
{
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  g_assert_false (g_file_test (speechd_socket, G_FILE_TEST_EXISTS));

  speaker = steward_speaker_new (STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER, NULL);
  steward_speaker_speak_async (speaker, "Nobody hears this.", NULL, speak_cb, &waiter);
  g_assert_false (wait_finished (speaker, &waiter, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
  g_assert_cmpstr (error->message, ==,
                   "Text cannot be read aloud: neither speech-dispatcher nor espeak-ng is available.");
  g_assert_cmpint (steward_speaker_get_backend (speaker), ==, STEWARD_SPEECH_BACKEND_NONE);
  g_assert_false (steward_speaker_get_speaking (speaker));
}

static GSubprocess *
start_speech_dispatcher (void)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autofree char *conf = g_build_filename (tmp_dir, "speechd", NULL);
  g_autofree char *modules = g_build_filename (conf, "modules", NULL);
  g_autofree char *conf_file = g_build_filename (conf, "speechd.conf", NULL);
  g_autofree char *module_conf = g_build_filename (modules, "espeak-ng.conf", NULL);
  g_autofree char *libao = g_build_filename (conf, ".libao", NULL);
  g_autofree char *pid_file = g_build_filename (conf, "speechd.pid", NULL);
  g_autoptr(GError) error = NULL;
  GSubprocess *daemon;
  gint64 deadline;

  g_assert_no_errno (g_mkdir_with_parents (modules, 0700));
  g_assert_true (g_file_set_contents (conf_file,
                                      "AudioOutputMethod \"libao\"\n"
                                      "AddModule \"espeak-ng\" \"sd_espeak-ng\" \"espeak-ng.conf\"\n"
                                      "DefaultModule espeak-ng\n"
                                      "DefaultLanguage \"en\"\n", -1, NULL));
  g_assert_true (g_file_set_contents (module_conf, "", -1, NULL));
  /* libao's sound goes nowhere: no sound card or server needed */
  g_assert_true (g_file_set_contents (libao, "default_driver=null\n", -1, NULL));

  g_subprocess_launcher_setenv (launcher, "HOME", conf, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_RUNTIME_DIR", conf, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", conf, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", conf, TRUE);
  daemon = g_subprocess_launcher_spawn (launcher, &error,
                                        "speech-dispatcher", "--run-single",
                                        "--timeout", "30",
                                        "--communication-method", "unix_socket",
                                        "--socket-path", speechd_socket,
                                        "--config-dir", conf,
                                        "--log-dir", conf,
                                        "--pid-file", pid_file,
                                        NULL);
  g_assert_no_error (error);

  /* Listening once its socket is there */
  deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;
  while (!g_file_test (speechd_socket, G_FILE_TEST_EXISTS))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (G_USEC_PER_SEC / 50);
    }

  return daemon;
}

static void
test_speech_dispatcher (void)
{
  g_autofree char *daemon_path = g_find_program_in_path ("speech-dispatcher");
  g_autoptr(StewardSpeaker) speaker = NULL;
  g_autoptr(GSubprocess) daemon = NULL;
  g_autoptr(GError) error = NULL;
  Waiter waiter = { 0 };

  if (!HAVE_SPEECHD)
    {
      g_test_skip ("Built without speech-dispatcher");
      return;
    }
  if (daemon_path == NULL ||
      !g_file_test ("/usr/lib/speech-dispatcher-modules/sd_espeak-ng", G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("speech-dispatcher and its espeak-ng module are not installed");
      return;
    }

  daemon = start_speech_dispatcher ();

  speaker = steward_speaker_new (STEWARD_SPEECH_BACKEND_AUTO, NULL);
  g_signal_connect (speaker, "notify::speaking", G_CALLBACK (speaking_cb), &waiter);
  steward_speaker_speak_async (speaker, "Hello from Steward.", NULL, speak_cb, &waiter);
  g_assert_cmpint (steward_speaker_get_backend (speaker), ==, STEWARD_SPEECH_BACKEND_SPEECH_DISPATCHER);
  g_assert_true (steward_speaker_get_speaking (speaker));
  g_assert_true (wait_finished (speaker, &waiter, &error));
  g_assert_no_error (error);
  g_assert_false (steward_speaker_get_speaking (speaker));

  /* Stopped: speech-dispatcher's news of the cancelled message does not
   * end the next one */
  steward_speaker_speak_async (speaker, long_text, NULL, speak_cb, &waiter);
  steward_speaker_stop (speaker);
  g_assert_false (wait_finished (speaker, &waiter, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  steward_speaker_speak_async (speaker, "Done.", NULL, speak_cb, &waiter);
  g_assert_true (wait_finished (speaker, &waiter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (waiter.speaking_changes, ==, 6);

  g_clear_object (&speaker);
  g_subprocess_force_exit (daemon);
  g_subprocess_wait (daemon, NULL, NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)))
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
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
  speechd_socket = g_build_filename (tmp_dir, "speechd.sock", NULL);
  {
    g_autofree char *address = g_strconcat ("unix_socket:", speechd_socket, NULL);

    g_setenv ("SPEECHD_ADDRESS", address, TRUE);
  }
  {
    g_autofree char *description = g_strdup_printf ("wavenc ! filesink location=\"%s\"", wav_path);

    g_setenv ("STEWARD_AUDIO_SINK", description, TRUE);
  }
  gst_init (NULL, NULL);

  g_test_add_func ("/steward/speaker/to-file", test_to_file);
  g_test_add_func ("/steward/speaker/sink-from-environment", test_sink_from_environment);
  g_test_add_func ("/steward/speaker/stop", test_stop);
  g_test_add_func ("/steward/speaker/replace-and-cancel", test_replace_and_cancel);
  g_test_add_func ("/steward/speaker/no-speech-dispatcher", test_no_speech_dispatcher);
  g_test_add_func ("/steward/speaker/speech-dispatcher", test_speech_dispatcher);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (wav_path);
  g_free (speechd_socket);

  return status;
}
