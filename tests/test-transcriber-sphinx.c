/* test-transcriber-sphinx.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Offline speech to text, voice.provider "offline": the real
 * PocketSphinx with its US English model (pocketsphinx-en-us) hears the
 * recorded speech of pocketsphinx-testdata, wrapped by GStreamer into a
 * WAV and an Ogg Opus file, and a sentence spoken by espeak-ng. */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <gst/gst.h>

#include "steward-core.h"
#include "steward-audio-file.h"
#include "steward-transcriber.h"
#include "steward-transcriber-sphinx.h"

/* "go forward ten meters", 16 kHz mono 16-bit, no header */
#define GO_FORWARD "/usr/share/pocketsphinx/test/data/goforward.raw"

typedef struct
{
  char               *data_dir;
  StewardServices    *services;
  StewardTranscriber *transcriber;
  GMainLoop          *loop;
  StewardTranscript  *transcript;
  GError             *error;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }

  g_remove (path);
}

static void
set_setting (Fixture    *fixture,
             const char *key,
             const char *value)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_settings_set_value (steward_services_get_settings (fixture->services),
                                             key, value, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("steward-test-transcriber-sphinx-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->services = steward_services_new ();
  g_assert_true (steward_services_open (fixture->services, fixture->data_dir, &error));
  g_assert_no_error (error);
  fixture->transcriber = steward_transcriber_new (fixture->services);
  fixture->loop = g_main_loop_new (NULL, FALSE);
  set_setting (fixture, "voice.provider", STEWARD_TRANSCRIBER_OFFLINE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_clear_pointer (&fixture->transcript, steward_transcript_free);
  g_clear_error (&fixture->error);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  /* The worker lets go of its task, and so of the transcriber, just
   * after the result reached the main loop */
  while (G_OBJECT (fixture->transcriber)->ref_count > 1 && g_get_monotonic_time () < deadline)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  g_assert_finalize_object (fixture->transcriber);
  g_assert_finalize_object (fixture->services);
  remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

/* Whether PocketSphinx, its model and the recordings are here; skips
 * the test with the reason when not. */
static gboolean
require_sphinx (void)
{
  g_autofree char *mdef = NULL;

  if (!steward_transcriber_sphinx_is_built_in ())
    {
      g_test_skip ("PocketSphinx is not built in (the meson feature 'pocketsphinx' is off or libpocketsphinx-dev is missing)");
      return FALSE;
    }

  mdef = g_build_filename (steward_transcriber_sphinx_get_model_dir (), "en-us", "mdef", NULL);
  if (!g_file_test (mdef, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("The PocketSphinx English model is missing (package pocketsphinx-en-us)");
      return FALSE;
    }

  if (!g_file_test (GO_FORWARD, G_FILE_TEST_IS_REGULAR))
    {
      g_test_skip ("The PocketSphinx recordings are missing (package pocketsphinx-testdata)");
      return FALSE;
    }

  return TRUE;
}

/* What @source makes, written to @name in the data folder */
static GFile *
encode (Fixture    *fixture,
        const char *source,
        const char *name)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, name, NULL);
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  gst_init (NULL, NULL);
  description = g_strdup_printf ("%s ! filesink location=\"%s\"", source, path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);

  g_assert_cmpint (gst_element_set_state (pipeline, GST_STATE_PLAYING), !=, GST_STATE_CHANGE_FAILURE);
  bus = gst_element_get_bus (pipeline);
  message = gst_bus_timed_pop_filtered (bus, 60 * GST_SECOND, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_nonnull (message);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return g_file_new_for_path (path);
}

/* GO_FORWARD through @encoder into @name */
static GFile *
encode_go_forward (Fixture    *fixture,
                   const char *encoder,
                   const char *name)
{
  g_autofree char *source = g_strdup_printf ("filesrc location=%s ! rawaudioparse format=pcm "
                                             "pcm-format=s16le sample-rate=16000 num-channels=1 ! "
                                             "audioconvert ! audioresample ! %s",
                                             GO_FORWARD, encoder);

  return encode (fixture, source, name);
}

static void
transcribed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->transcript = steward_transcriber_transcribe_finish (STEWARD_TRANSCRIBER (object), result,
                                                               &fixture->error);
  g_main_loop_quit (fixture->loop);
}

static void
transcribe (Fixture      *fixture,
            GFile        *file,
            GCancellable *cancellable)
{
  steward_transcriber_transcribe_async (fixture->transcriber, file, cancellable, transcribed_cb, fixture);
  g_main_loop_run (fixture->loop);
}

static void
assert_go_forward (Fixture *fixture)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) words = NULL;

  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->transcript);
  g_test_message ("Heard: “%s”", fixture->transcript->text);

  words = g_strsplit (fixture->transcript->text, " ", -1);
  g_assert_true (g_strv_contains ((const char * const *)words, "forward"));
  g_assert_true (g_strv_contains ((const char * const *)words, "ten"));
  g_assert_true (g_strv_contains ((const char * const *)words, "meters"));
  g_assert_cmpstr (fixture->transcript->language, ==, "en");
  /* 89,160 bytes of 16-bit samples at 16 kHz */
  g_assert_cmpfloat_with_epsilon (fixture->transcript->duration, 2.786, 0.05);
}

static void
test_wav (Fixture       *fixture,
          gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;

  if (!require_sphinx ())
    return;

  file = encode_go_forward (fixture, "wavenc", "go forward.wav");
  transcribe (fixture, file, NULL);
  assert_go_forward (fixture);
  g_assert_cmpstr (fixture->transcript->text, ==, "go forward ten meters");
}

/* Another format at another rate: decoded, resampled to 16 kHz */
static void
test_ogg_opus (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;

  if (!require_sphinx ())
    return;

  file = encode_go_forward (fixture, "audio/x-raw,rate=48000 ! opusenc bitrate=64000 ! oggmux", "go-forward.ogg");
  transcribe (fixture, file, NULL);
  assert_go_forward (fixture);
}

/* espeak-ng's voice is far from what the model was trained on: what
 * matters is that its WAV (22,050 Hz) goes through. */
static void
test_espeak (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *espeak = g_find_program_in_path ("espeak-ng");
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!require_sphinx ())
    return;
  if (espeak == NULL)
    {
      g_test_skip ("espeak-ng is missing");
      return;
    }

  path = g_build_filename (fixture->data_dir, "spoken.wav", NULL);
  {
    const char *argv[] = { espeak, "-w", path, "Remind me to call Sam tomorrow at five.", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                 &status, &error));
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, &error));
    g_assert_no_error (error);
  }

  file = g_file_new_for_path (path);
  transcribe (fixture, file, NULL);
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->transcript);
  g_test_message ("Heard: “%s”", fixture->transcript->text);
  g_assert_true (g_utf8_validate (fixture->transcript->text, -1, NULL));
  g_assert_cmpstr (fixture->transcript->language, ==, "en");
  g_assert_cmpfloat (fixture->transcript->duration, >, 1.0);
  g_assert_cmpfloat (fixture->transcript->duration, <, 10.0);
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

/* Cancelled before it starts, and while it decodes two minutes of
 * noise: cancelled as soon as the main loop runs again, while the
 * worker has the recording (not after a fixed time, which a fast
 * machine outruns) */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) noise = NULL;
  gint64 started;

  if (!require_sphinx ())
    return;

  file = encode_go_forward (fixture, "wavenc", "go-forward.wav");
  g_cancellable_cancel (cancellable);
  transcribe (fixture, file, cancellable);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->transcript);
  g_clear_error (&fixture->error);

  noise = encode (fixture, "audiotestsrc wave=pink-noise samplesperbuffer=1600 num-buffers=1200 ! "
                  "audio/x-raw,rate=16000,channels=1 ! wavenc", "noise.wav");
  g_cancellable_reset (cancellable);
  g_idle_add (cancel_cb, cancellable);
  started = g_get_monotonic_time ();
  transcribe (fixture, noise, cancellable);
  g_test_message ("Cancelled after %.1f s", (g_get_monotonic_time () - started) / (double)G_USEC_PER_SEC);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->transcript);
}

static void
test_not_audio (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (!require_sphinx ())
    return;

  path = g_build_filename (fixture->data_dir, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (path, "Not a sound in here.\n", -1, &error));
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  transcribe (fixture, file, NULL);
  g_assert_error (fixture->error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO);
  g_assert_cmpstr (fixture->error->message, ==, "notes.txt is not an audio file GStreamer can read.");
  g_clear_error (&fixture->error);

  g_clear_object (&file);
  g_free (path);
  path = g_build_filename (fixture->data_dir, "gone.wav", NULL);
  file = g_file_new_for_path (path);
  transcribe (fixture, file, NULL);
  g_assert_error (fixture->error, STEWARD_AUDIO_FILE_ERROR, STEWARD_AUDIO_FILE_ERROR_UNREADABLE);
  g_assert_cmpstr (fixture->error->message, ==, "gone.wav does not exist.");
}

static void
test_missing_model (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autofree char *empty = NULL;
  g_autoptr(GFile) file = NULL;

  if (!require_sphinx ())
    return;

  file = encode_go_forward (fixture, "wavenc", "go-forward.wav");
  empty = g_build_filename (fixture->data_dir, "no-model", NULL);
  g_assert_cmpint (g_mkdir (empty, 0700), ==, 0);

  g_setenv ("STEWARD_POCKETSPHINX_MODEL_DIR", empty, TRUE);
  transcribe (fixture, file, NULL);
  g_unsetenv ("STEWARD_POCKETSPHINX_MODEL_DIR");

  g_assert_error (fixture->error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE);
  g_assert_nonnull (strstr (fixture->error->message, empty));
  g_assert_true (g_str_has_suffix (fixture->error->message, "install the package pocketsphinx-en-us."));
}

static void
test_language (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GFile) file = NULL;

  if (!require_sphinx ())
    return;

  file = encode_go_forward (fixture, "wavenc", "go-forward.wav");

  set_setting (fixture, "voice.language", "de");
  transcribe (fixture, file, NULL);
  g_assert_error (fixture->error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE);
  g_assert_nonnull (strstr (fixture->error->message, "only English"));
  g_assert_nonnull (strstr (fixture->error->message, "“de”"));
  g_clear_error (&fixture->error);

  /* English, however it is written, is heard */
  set_setting (fixture, "voice.language", "en-US");
  transcribe (fixture, file, NULL);
  assert_go_forward (fixture);
}

/* Without the feature, "offline" says so in one sentence; with it, an
 * empty voice.provider names the offline choice. */
static void
test_unavailable (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->data_dir, "any.wav", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (!steward_transcriber_sphinx_is_built_in ())
    {
      transcribe (fixture, file, NULL);
      g_assert_error (fixture->error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE);
      g_assert_cmpstr (fixture->error->message, ==,
                       "Offline speech to text is not built into this copy of Steward; choose a "
                       "provider in Preferences → Voice.");
      return;
    }

  set_setting (fixture, "voice.provider", "");
  transcribe (fixture, file, NULL);
  g_assert_error (fixture->error, STEWARD_TRANSCRIBER_ERROR, STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER);
  g_assert_nonnull (strstr (fixture->error->message, "“offline” for PocketSphinx"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/transcriber-sphinx/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("wav", test_wav);
  ADD ("ogg-opus", test_ogg_opus);
  ADD ("espeak", test_espeak);
  ADD ("cancel", test_cancel);
  ADD ("not-audio", test_not_audio);
  ADD ("missing-model", test_missing_model);
  ADD ("language", test_language);
  ADD ("unavailable", test_unavailable);

#undef ADD

  return g_test_run ();
}
