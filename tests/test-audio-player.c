/* test-audio-player.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gst/gst.h>

#include "steward-audio-player.h"

/* The player of attached audio (steward-audio-player.c) with the real
 * GStreamer, headless: a WAV of three seconds made by audiotestsrc in the
 * test, played to a fakesink that keeps time as a sound card would
 * ($STEWARD_AUDIO_SINK, as the app is given it). */

#define MEMO_SECONDS 3.0
/* Long enough for a busy machine, short of the suite's timeout */
#define WAIT_SECONDS 15

static char *tmp_dir;
static char *memo_path;

typedef struct
{
  GError *error;
  guint   n_errors;
  guint   n_positions;
  GArray *states;
} Watch;

static void
error_cb (StewardAudioPlayer *player,
          const GError       *error,
          Watch              *watch)
{
  watch->n_errors++;
  g_clear_error (&watch->error);
  watch->error = g_error_copy (error);
}

static void
position_cb (StewardAudioPlayer *player,
             GParamSpec         *pspec,
             Watch              *watch)
{
  watch->n_positions++;
}

static void
state_cb (StewardAudioPlayer *player,
          GParamSpec         *pspec,
          Watch              *watch)
{
  StewardAudioPlayerState state = steward_audio_player_get_state (player);

  g_array_append_val (watch->states, state);
}

static StewardAudioPlayer *
watched_player (const char *path,
                const char *name,
                Watch      *watch)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  StewardAudioPlayer *player = steward_audio_player_new (file, name);

  watch->states = g_array_new (FALSE, FALSE, sizeof (StewardAudioPlayerState));
  g_signal_connect (player, "error", G_CALLBACK (error_cb), watch);
  g_signal_connect (player, "notify::position", G_CALLBACK (position_cb), watch);
  g_signal_connect (player, "notify::state", G_CALLBACK (state_cb), watch);

  return player;
}

static void
watch_clear (Watch *watch)
{
  g_clear_error (&watch->error);
  g_clear_pointer (&watch->states, g_array_unref);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

typedef gboolean (*Condition) (StewardAudioPlayer *player,
                               gpointer            data);

/* Runs the main loop until @condition holds */
static void
wait_until (StewardAudioPlayer *player,
            Condition           condition,
            gpointer            data,
            const char         *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add_seconds (WAIT_SECONDS, timeout_cb, &timed_out);

  while (!condition (player, data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Waited %d s for %s", WAIT_SECONDS, what);
  g_source_remove (source);
}

/* Runs the main loop for @ms milliseconds */
static void
spin (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
past (StewardAudioPlayer *player,
      gpointer            data)
{
  return steward_audio_player_get_position (player) > *(double *)data;
}

static gboolean
stopped (StewardAudioPlayer *player,
         gpointer            data)
{
  return steward_audio_player_get_state (player) == STEWARD_AUDIO_PLAYER_STATE_STOPPED;
}

static gboolean
has_duration (StewardAudioPlayer *player,
              gpointer            data)
{
  return steward_audio_player_get_duration (player) > 0;
}

static void
wait_past (StewardAudioPlayer *player,
           double              seconds)
{
  g_autofree char *what = g_strdup_printf ("the position to pass %.2f s", seconds);

  wait_until (player, past, &seconds, what);
}

/* A tone of MEMO_SECONDS, made as any WAV on the desktop is */
static void
write_memo (const char *path)
{
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  description = g_strdup_printf ("audiotestsrc wave=sine volume=0.3 samplesperbuffer=1600 num-buffers=%d "
                                 "! audio/x-raw,format=S16LE,rate=16000,channels=1 "
                                 "! wavenc ! filesink location=\"%s\"",
                                 (int) (MEMO_SECONDS * 10), path);
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);

  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  bus = gst_pipeline_get_bus (GST_PIPELINE (pipeline));
  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  g_assert_cmpint (GST_MESSAGE_TYPE (message), ==, GST_MESSAGE_EOS);
  gst_element_set_state (pipeline, GST_STATE_NULL);
}

static void
test_play (void)
{
  g_autoptr(StewardAudioPlayer) player = NULL;
  Watch watch = { 0 };

  player = watched_player (memo_path, "memo.wav", &watch);
  g_assert_cmpstr (steward_audio_player_get_name (player), ==, "memo.wav");
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_STOPPED);
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, 0);

  steward_audio_player_play (player);
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_PLAYING);

  wait_until (player, has_duration, NULL, "the duration");
  g_assert_cmpfloat_with_epsilon (steward_audio_player_get_duration (player), MEMO_SECONDS, 0.05);

  /* Time passes as it would on a sound card, told a few times a second */
  {
    gint64 start = g_get_monotonic_time ();
    guint positions = watch.n_positions;

    wait_past (player, 1.0);
    spin (1000);
    g_assert_cmpfloat (steward_audio_player_get_position (player), <=,
                       (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC + 0.3);
    /* Four a second: not once a frame, and not seldom */
    g_assert_cmpuint (watch.n_positions - positions, >=, 3);
    g_assert_cmpuint (watch.n_positions - positions, <=, 4 * (g_get_monotonic_time () - start) / G_USEC_PER_SEC + 2);
  }

  steward_audio_player_stop (player);
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_STOPPED);
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, 0);
  g_assert_cmpuint (watch.n_errors, ==, 0);

  /* Nothing is told once stopped */
  {
    guint positions = watch.n_positions;

    spin (600);
    g_assert_cmpuint (watch.n_positions, ==, positions);
  }

  watch_clear (&watch);
}

static void
test_pause (void)
{
  g_autoptr(StewardAudioPlayer) player = NULL;
  Watch watch = { 0 };
  double held;

  player = watched_player (memo_path, NULL, &watch);
  g_assert_cmpstr (steward_audio_player_get_name (player), ==, "memo.wav");

  steward_audio_player_play (player);
  wait_past (player, 0.5);

  steward_audio_player_pause (player);
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_PAUSED);
  held = steward_audio_player_get_position (player);
  g_assert_cmpfloat (held, >, 0.5);

  spin (800);
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, held);
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_PAUSED);

  /* On from where it was, not from the start */
  steward_audio_player_play (player);
  wait_past (player, held + 0.3);
  g_assert_cmpfloat (steward_audio_player_get_position (player), <, held + 1.5);
  g_assert_cmpuint (watch.n_errors, ==, 0);

  watch_clear (&watch);
}

static void
test_seek (void)
{
  g_autoptr(StewardAudioPlayer) player = NULL;
  Watch watch = { 0 };

  player = watched_player (memo_path, "memo.wav", &watch);

  /* A stopped player is paused where it is moved to */
  steward_audio_player_seek (player, 1.5);
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_PAUSED);
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, 1.5);
  wait_until (player, has_duration, NULL, "the duration");
  spin (300);
  g_assert_cmpfloat_with_epsilon (steward_audio_player_get_position (player), 1.5, 0.01);

  steward_audio_player_play (player);
  wait_past (player, 1.7);

  /* Back, while playing */
  steward_audio_player_seek (player, 0.25);
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, 0.25);
  spin (300);
  g_assert_cmpfloat (steward_audio_player_get_position (player), <, 1.0);
  wait_past (player, 0.5);
  g_assert_cmpint (steward_audio_player_get_state (player), ==, STEWARD_AUDIO_PLAYER_STATE_PLAYING);

  /* Past the end is the end */
  steward_audio_player_seek (player, 60);
  g_assert_cmpfloat (steward_audio_player_get_position (player), <=, MEMO_SECONDS + 0.05);
  g_assert_cmpuint (watch.n_errors, ==, 0);

  watch_clear (&watch);
}

static void
test_end (void)
{
  g_autoptr(StewardAudioPlayer) player = NULL;
  Watch watch = { 0 };
  StewardAudioPlayerState last;

  player = watched_player (memo_path, "memo.wav", &watch);

  steward_audio_player_seek (player, MEMO_SECONDS - 0.5);
  steward_audio_player_play (player);
  wait_until (player, stopped, NULL, "the end of the memo");

  g_assert_cmpuint (watch.n_errors, ==, 0);
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, 0);
  g_assert_cmpuint (watch.states->len, ==, 3);
  last = g_array_index (watch.states, StewardAudioPlayerState, 2);
  g_assert_cmpint (last, ==, STEWARD_AUDIO_PLAYER_STATE_STOPPED);

  /* And plays again from the start */
  steward_audio_player_play (player);
  wait_past (player, 0.2);
  g_assert_cmpfloat (steward_audio_player_get_position (player), <, 1.5);

  watch_clear (&watch);
}

static void
test_corrupt (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "broken", NULL);
  g_autoptr(StewardAudioPlayer) player = NULL;
  g_autoptr(GError) error = NULL;
  Watch watch = { 0 };
  char noise[4096];

  /* Not audio at all, with the name of a voice memo */
  for (guint i = 0; i < sizeof noise; i++)
    noise[i] = (char) g_test_rand_int_range (0, 256);
  g_file_set_contents (path, noise, sizeof noise, &error);
  g_assert_no_error (error);

  player = watched_player (path, "memo.ogg", &watch);
  steward_audio_player_play (player);
  wait_until (player, stopped, NULL, "the error");

  g_assert_cmpuint (watch.n_errors, ==, 1);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (watch.error->message, ==, "memo.ogg cannot be played: it is not a complete audio file.");
  g_assert_cmpfloat (steward_audio_player_get_position (player), ==, 0);
  watch_clear (&watch);
}

static void
test_missing (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "gone.ogg", NULL);
  g_autoptr(StewardAudioPlayer) player = NULL;
  Watch watch = { 0 };

  player = watched_player (path, NULL, &watch);
  steward_audio_player_play (player);
  wait_until (player, stopped, NULL, "the error");

  g_assert_cmpuint (watch.n_errors, ==, 1);
  g_assert_error (watch.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (watch.error->message, ==, "gone.ogg cannot be played: the file is missing.");
  watch_clear (&watch);
}

/* A player let go of while it plays lets go of the audio output */
static void
test_dispose_playing (void)
{
  StewardAudioPlayer *player;
  Watch watch = { 0 };

  player = watched_player (memo_path, NULL, &watch);
  steward_audio_player_play (player);
  wait_past (player, 0.2);

  g_assert_finalize_object (player);
  spin (300);
  watch_clear (&watch);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  /* Set before any thread starts: played in real time, heard by no one */
  g_setenv ("STEWARD_AUDIO_SINK", "fakesink sync=true", TRUE);
  gst_init (NULL, NULL);

  tmp_dir = g_dir_make_tmp ("steward-audio-player-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  memo_path = g_build_filename (tmp_dir, "memo.wav", NULL);
  write_memo (memo_path);

  g_test_add_func ("/steward/audio-player/play", test_play);
  g_test_add_func ("/steward/audio-player/pause", test_pause);
  g_test_add_func ("/steward/audio-player/seek", test_seek);
  g_test_add_func ("/steward/audio-player/end", test_end);
  g_test_add_func ("/steward/audio-player/corrupt", test_corrupt);
  g_test_add_func ("/steward/audio-player/missing", test_missing);
  g_test_add_func ("/steward/audio-player/dispose-playing", test_dispose_playing);

  status = g_test_run ();

  {
    g_autofree char *broken = g_build_filename (tmp_dir, "broken", NULL);

    g_unlink (memo_path);
    g_unlink (broken);
    g_rmdir (tmp_dir);
  }
  g_free (memo_path);
  g_free (tmp_dir);

  return status;
}
