/* test-recorder.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The recording pipeline, headless: GStreamer's audiotestsrc stands in for
 * the microphone, and what is written is measured by GstDiscoverer. */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/pbutils/pbutils.h>

#include "steward-recorder.h"

#define TIMEOUT_SECONDS 30

/* 100 buffers of 10 ms a second, at 48 kHz */
#define RAW              " ! audio/x-raw,rate=48000,channels=1 ! c. "
#define TONE(seconds)    "audiotestsrc wave=sine volume=0.5 samplesperbuffer=480 num-buffers=" #seconds "00" RAW
#define SILENCE(seconds) "audiotestsrc wave=silence samplesperbuffer=480 num-buffers=" #seconds "00" RAW
#define SOURCE_DESC(parts) "concat name=c " parts

typedef struct
{
  char      *tmp_dir;
  GMainLoop *loop;
  double     max_level;
  guint      n_levels;
  GFile     *file;
  GError    *error;
} Fixture;

static gboolean
timeout_cb (gpointer user_data)
{
  g_error ("The recorder did not answer in %d seconds", TIMEOUT_SECONDS);
  return G_SOURCE_REMOVE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->tmp_dir = g_strdup (g_get_tmp_dir ());
  fixture->loop = g_main_loop_new (NULL, FALSE);
}

/* Nothing the recorder made is left behind but the file it handed over. */
static guint
count_recordings (Fixture *fixture)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->tmp_dir, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)))
    n += g_str_has_prefix (name, "steward-recording-");

  return n;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->file != NULL)
    g_file_delete (fixture->file, NULL, NULL);
  g_clear_object (&fixture->file);
  g_clear_error (&fixture->error);
  g_assert_cmpuint (count_recordings (fixture), ==, 0);
  g_clear_pointer (&fixture->loop, g_main_loop_unref);
  g_clear_pointer (&fixture->tmp_dir, g_free);
}

static void
level_cb (StewardRecorder *recorder,
          GParamSpec      *pspec,
          Fixture         *fixture)
{
  double level = steward_recorder_get_level (recorder);

  g_assert_cmpfloat (level, >=, 0.0);
  g_assert_cmpfloat (level, <=, 1.0);
  fixture->max_level = MAX (fixture->max_level, level);
}

static void
quit_cb (StewardRecorder *recorder,
         GParamSpec      *pspec,
         Fixture         *fixture)
{
  g_main_loop_quit (fixture->loop);
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->file = steward_recorder_stop_finish (STEWARD_RECORDER (object), result, &fixture->error);
  g_main_loop_quit (fixture->loop);
}

/* Records all that @source gives, then stops. */
static void
record_to_end (Fixture    *fixture,
               const char *source)
{
  g_autoptr(StewardRecorder) recorder = steward_recorder_new (source);
  g_autoptr(GError) error = NULL;
  guint timeout;

  g_signal_connect (recorder, "notify::level", G_CALLBACK (level_cb), fixture);
  g_signal_connect (recorder, "notify::source-ended", G_CALLBACK (quit_cb), fixture);

  timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);

  steward_recorder_start (recorder, &error);
  g_assert_no_error (error);
  g_assert_true (steward_recorder_get_recording (recorder));
  g_main_loop_run (fixture->loop);
  g_assert_true (steward_recorder_get_source_ended (recorder));

  steward_recorder_stop_async (recorder, NULL, stopped_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_false (steward_recorder_get_recording (recorder));
  g_assert_cmpfloat (steward_recorder_get_level (recorder), ==, 0.0);

  g_source_remove (timeout);
}

/* The length of @file, and that it is Opus in Ogg, or WAV where Opus is
 * off (the recorder-wav suite) */
static double
discover_seconds (GFile *file)
{
  g_autoptr(StewardRecorder) recorder = steward_recorder_new (NULL);
  gboolean opus = g_str_equal (steward_recorder_get_content_type (recorder), "audio/ogg");
  g_autoptr(GstDiscoverer) discoverer = NULL;
  g_autoptr(GstDiscovererInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GstCaps) caps = NULL;
  GList *streams;

  discoverer = gst_discoverer_new (10 * GST_SECOND, &error);
  g_assert_no_error (error);
  info = gst_discoverer_discover_uri (discoverer, uri, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gst_discoverer_info_get_result (info), ==, GST_DISCOVERER_OK);

  streams = gst_discoverer_info_get_audio_streams (info);
  g_assert_cmpuint (g_list_length (streams), ==, 1);
  caps = gst_discoverer_stream_info_get_caps (streams->data);
  g_assert_true (gst_structure_has_name (gst_caps_get_structure (caps, 0), opus ? "audio/x-opus" : "audio/x-wav"));
  gst_discoverer_stream_info_list_free (streams);

  return (double)gst_discoverer_info_get_duration (info) / GST_SECOND;
}

static void
test_tone (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = NULL;
  double seconds;

  record_to_end (fixture, SOURCE_DESC (TONE (1)));
  g_assert_no_error (fixture->error);
  g_assert_nonnull (fixture->file);

  /* A temporary file, Ogg by name and by its bytes */
  path = g_file_get_path (fixture->file);
  g_assert_true (g_str_has_prefix (path, fixture->tmp_dir));
  info = g_file_query_info (fixture->file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, 0, NULL, NULL);
  g_assert_nonnull (info);
  if (g_getenv ("GST_PLUGIN_FEATURE_RANK") == NULL)
    {
      g_assert_true (g_str_has_suffix (path, ".ogg"));
      g_assert_true (g_content_type_is_mime_type (g_file_info_get_content_type (info), "audio/ogg"));
    }
  else
    {
      g_assert_true (g_str_has_suffix (path, ".wav"));
      g_assert_true (g_content_type_is_mime_type (g_file_info_get_content_type (info), "audio/x-wav"));
    }

  /* -6 dBFS: the meter (-60 … 0 dBFS) near 0.9 */
  g_assert_cmpfloat (fixture->max_level, >, 0.8);
  g_assert_cmpfloat (fixture->max_level, <, 0.95);

  /* All sound: nothing trimmed */
  seconds = discover_seconds (fixture->file);
  g_assert_cmpfloat_with_epsilon (seconds, 1.0, 0.05);
}

static void
test_trimmed (Fixture       *fixture,
              gconstpointer  user_data)
{
  double seconds;

  record_to_end (fixture, SOURCE_DESC (SILENCE (1) TONE (2) SILENCE (1)));
  g_assert_no_error (fixture->error);

  /* 4 s recorded: the 2 s of tone are kept, with 0.2 s before and
   * 0.3 s after */
  seconds = discover_seconds (fixture->file);
  g_assert_cmpfloat_with_epsilon (seconds, 2.5, 0.08);
}

static void
test_trimmed_end_only (Fixture       *fixture,
                       gconstpointer  user_data)
{
  double seconds;

  record_to_end (fixture, SOURCE_DESC (TONE (1) SILENCE (2)));
  g_assert_no_error (fixture->error);

  seconds = discover_seconds (fixture->file);
  g_assert_cmpfloat_with_epsilon (seconds, 1.3, 0.08);
}

static void
test_silent (Fixture       *fixture,
             gconstpointer  user_data)
{
  record_to_end (fixture, SOURCE_DESC (SILENCE (1)));

  g_assert_error (fixture->error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_SILENT);
  g_assert_null (fixture->file);
  g_assert_cmpfloat (fixture->max_level, ==, 0.0);
}

static void
first_level_cb (StewardRecorder *recorder,
                GParamSpec      *pspec,
                Fixture         *fixture)
{
  if (steward_recorder_get_level (recorder) > 0.5)
    g_main_loop_quit (fixture->loop);
}

static void
cancelled_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->file = steward_recorder_stop_finish (STEWARD_RECORDER (object), result, &fixture->error);
}

static void
count_levels_cb (StewardRecorder *recorder,
                 GParamSpec      *pspec,
                 Fixture         *fixture)
{
  /* Ten meter readings of 50 ms (noise: each differs, so each is
   * notified): half a second recorded */
  if (steward_recorder_get_level (recorder) > 0.5 && ++fixture->n_levels == 10)
    g_main_loop_quit (fixture->loop);
}

/* A live source, as a microphone is, stopped by the user: the end of
 * the stream is sent down the pipeline and the file is complete. */
static void
test_stop_live (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardRecorder) recorder = steward_recorder_new ("audiotestsrc is-live=true wave=pink-noise volume=0.5");
  g_autoptr(GError) error = NULL;
  guint timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);
  double seconds;

  g_signal_connect (recorder, "notify::level", G_CALLBACK (count_levels_cb), fixture);
  g_assert_true (steward_recorder_start (recorder, &error));
  g_assert_no_error (error);
  g_main_loop_run (fixture->loop);
  g_assert_false (steward_recorder_get_source_ended (recorder));

  steward_recorder_stop_async (recorder, NULL, stopped_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_no_error (fixture->error);
  g_assert_false (steward_recorder_get_recording (recorder));

  /* At least the half second heard, all of it loud: nothing trimmed */
  seconds = discover_seconds (fixture->file);
  g_assert_cmpfloat (seconds, >=, 0.45);
  g_assert_cmpfloat (seconds, <, 5.0);

  g_source_remove (timeout);
}

/* Esc while recording a live source: no file is kept, and a stop
 * asked for before ends as cancelled. */
static void
test_cancel (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(StewardRecorder) recorder = steward_recorder_new ("audiotestsrc is-live=true wave=sine");
  g_autoptr(GError) error = NULL;
  guint timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);

  g_signal_connect (recorder, "notify::level", G_CALLBACK (first_level_cb), fixture);
  steward_recorder_start (recorder, &error);
  g_assert_no_error (error);
  g_main_loop_run (fixture->loop);
  g_assert_cmpuint (count_recordings (fixture), ==, 1);

  steward_recorder_cancel (recorder);
  g_assert_false (steward_recorder_get_recording (recorder));
  g_assert_cmpuint (count_recordings (fixture), ==, 0);

  /* And again, with a stop under way */
  steward_recorder_start (recorder, &error);
  g_assert_no_error (error);
  g_main_loop_run (fixture->loop);
  steward_recorder_stop_async (recorder, NULL, cancelled_cb, fixture);
  steward_recorder_cancel (recorder);
  while (fixture->error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (fixture->file);

  g_source_remove (timeout);
}

static void
failed_cb (StewardRecorder *recorder,
           const GError    *error,
           Fixture         *fixture)
{
  g_assert_false (steward_recorder_get_recording (recorder));
  fixture->error = g_error_copy (error);
  g_main_loop_quit (fixture->loop);
}

/* The microphone goes away in the middle (identity fails the stream
 * after 20 buffers): the recording ends by itself, nothing kept. */
static void
test_microphone_lost (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardRecorder) recorder = NULL;
  g_autoptr(GError) error = NULL;
  guint timeout = g_timeout_add_seconds (TIMEOUT_SECONDS, timeout_cb, NULL);

  recorder = steward_recorder_new ("audiotestsrc is-live=true samplesperbuffer=480 ! identity error-after=20");
  g_signal_connect (recorder, "failed", G_CALLBACK (failed_cb), fixture);
  g_assert_true (steward_recorder_start (recorder, &error));
  g_assert_no_error (error);
  g_main_loop_run (fixture->loop);

  g_assert_error (fixture->error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE);
  g_assert_cmpstr (fixture->error->message, ==, "The recording stopped because the microphone could not be read.");
  g_assert_cmpuint (count_recordings (fixture), ==, 0);

  /* Nothing left to stop */
  g_clear_error (&fixture->error);
  steward_recorder_stop_async (recorder, NULL, stopped_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_error (fixture->error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_STATE);

  g_source_remove (timeout);
}

static void
test_no_microphone (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardRecorder) recorder = NULL;
  g_autoptr(GError) error = NULL;

  /* A sound server that is not there, as on a machine without one */
  recorder = steward_recorder_new ("pulsesrc server=/nonexistent/pulse/native");
  g_assert_false (steward_recorder_start (recorder, &error));
  g_assert_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE);
  g_assert_cmpstr (error->message, ==, "No microphone was found; connect one or check the sound settings.");
  g_assert_false (steward_recorder_get_recording (recorder));
}

/* autoaudiosrc with no device at all stands in a silent fake source:
 * every audio source's rank is set to none (as when none can open), in a
 * child process, since GStreamer reads the ranks once. */
static void
test_no_microphone_auto (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *saved = g_strdup (g_getenv ("GST_PLUGIN_FEATURE_RANK"));
  g_autoptr(GString) ranks = g_string_new (saved);
  GList *sources;

  if (g_test_subprocess ())
    {
      g_autoptr(StewardRecorder) recorder = steward_recorder_new ("autoaudiosrc");
      g_autoptr(GError) error = NULL;

      g_assert_false (steward_recorder_start (recorder, &error));
      g_assert_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE);
      g_assert_cmpstr (error->message, ==, "No microphone was found; connect one or check the sound settings.");
      g_assert_false (steward_recorder_get_recording (recorder));
      return;
    }

  sources = gst_element_factory_list_get_elements (GST_ELEMENT_FACTORY_TYPE_SRC |
                                                   GST_ELEMENT_FACTORY_TYPE_MEDIA_AUDIO,
                                                   GST_RANK_MARGINAL);
  for (GList *l = sources; l != NULL; l = l->next)
    g_string_append_printf (ranks, "%s%s:NONE", ranks->len ? "," : "",
                            gst_plugin_feature_get_name (l->data));
  gst_plugin_feature_list_free (sources);

  g_setenv ("GST_PLUGIN_FEATURE_RANK", ranks->str, TRUE);
  g_test_trap_subprocess (NULL, 0, 0);
  if (saved != NULL)
    g_setenv ("GST_PLUGIN_FEATURE_RANK", saved, TRUE);
  else
    g_unsetenv ("GST_PLUGIN_FEATURE_RANK");
  g_test_trap_assert_passed ();
}

static void
test_state (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardRecorder) recorder = steward_recorder_new ("audiotestsrc is-live=true");
  g_autoptr(GError) error = NULL;

  steward_recorder_stop_async (recorder, NULL, stopped_cb, fixture);
  g_main_loop_run (fixture->loop);
  g_assert_error (fixture->error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_STATE);
  g_clear_error (&fixture->error);

  g_assert_true (steward_recorder_start (recorder, &error));
  g_assert_false (steward_recorder_start (recorder, &error));
  g_assert_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_STATE);
  steward_recorder_cancel (recorder);
}

static void
test_source_from_environment (void)
{
  g_autoptr(StewardRecorder) recorder = NULL;

  g_setenv ("STEWARD_AUDIO_SOURCE", "audiotestsrc wave=ticks", TRUE);
  recorder = steward_recorder_new (NULL);
  g_assert_cmpstr (steward_recorder_get_source (recorder), ==, "audiotestsrc wave=ticks");
  g_clear_object (&recorder);

  g_unsetenv ("STEWARD_AUDIO_SOURCE");
  recorder = steward_recorder_new (NULL);
  g_assert_cmpstr (steward_recorder_get_source (recorder), ==, "autoaudiosrc");
  g_assert_cmpstr (steward_recorder_get_content_type (recorder), ==,
                   g_getenv ("GST_PLUGIN_FEATURE_RANK") ? "audio/wav" : "audio/ogg");
}

int
main (int   argc,
      char *argv[])
{
  const char *base = g_getenv ("TMPDIR");
  g_autofree char *tmp_dir = NULL;
  int status;

  /* Not g_dir_make_tmp (): g_get_tmp_dir () would keep the old TMPDIR */
  tmp_dir = g_build_filename (base && base[0] ? base : "/tmp", "steward-test-recorder-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (tmp_dir));
  /* The recorder's temporary files go here, where the tests count them */
  g_setenv ("TMPDIR", tmp_dir, TRUE);
  gst_init (&argc, &argv);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/steward/recorder/tone", test_tone);
  ADD ("/steward/recorder/trimmed", test_trimmed);
  ADD ("/steward/recorder/trimmed-end-only", test_trimmed_end_only);
  ADD ("/steward/recorder/silent", test_silent);
  ADD ("/steward/recorder/stop-live", test_stop_live);
  ADD ("/steward/recorder/cancel", test_cancel);
  ADD ("/steward/recorder/microphone-lost", test_microphone_lost);
  ADD ("/steward/recorder/no-microphone", test_no_microphone);
  ADD ("/steward/recorder/no-microphone-auto", test_no_microphone_auto);
  ADD ("/steward/recorder/state", test_state);
  g_test_add_func ("/steward/recorder/source-from-environment", test_source_from_environment);

#undef ADD

  status = g_test_run ();
  g_rmdir (tmp_dir);
  gst_deinit ();

  return status;
}
