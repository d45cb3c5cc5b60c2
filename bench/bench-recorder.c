/* bench-recorder.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The recording pipeline's CPU use per minute of audio: StewardRecorder
 * records a test source (the microphone's stand-in, as fast as it can
 * make samples), then trims and encodes it to Ogg Opus on stop. Beside
 * it, the same source into a fakesink: what making the samples costs,
 * measured in the same run. The CPU time of the whole process (every
 * thread) is read from getrusage (). Reports, never gates.
 *
 *   bench-recorder [--seconds N] [--runs N]
 */

#include "config.h"

#include <locale.h>
#include <sys/resource.h>

#include <gst/gst.h>

#include "steward-recorder.h"

typedef struct
{
  GMainLoop *loop;
  GFile     *file;
  GError    *error;
} Wait;

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);

  return usage.ru_utime.tv_sec + usage.ru_utime.tv_usec / 1e6 +
         usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

static char *
source_description (guint seconds)
{
  /* Speech-like: a tone over noise, 10 ms buffers at 48 kHz */
  return g_strdup_printf ("audiotestsrc wave=pink-noise volume=0.3 samplesperbuffer=480 num-buffers=%u "
                          "! capsfilter caps=audio/x-raw,rate=48000,channels=1", seconds * 100);
}

static void
quit_cb (GObject    *object,
         GParamSpec *pspec,
         Wait       *wait)
{
  g_main_loop_quit (wait->loop);
}

static void
stopped_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->file = steward_recorder_stop_finish (STEWARD_RECORDER (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

/* CPU seconds to record @seconds of audio (*recording), then to trim
 * and encode it on stop (*stopping) */
static void
run_recorder (guint   seconds,
              double *recording,
              double *stopping)
{
  g_autofree char *source = source_description (seconds);
  g_autoptr(StewardRecorder) recorder = steward_recorder_new (source);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  Wait wait = { loop, NULL, NULL };
  double start = cpu_seconds ();

  g_signal_connect (recorder, "notify::source-ended", G_CALLBACK (quit_cb), &wait);
  if (!steward_recorder_start (recorder, &error))
    g_error ("%s", error->message);
  g_main_loop_run (loop);
  *recording = cpu_seconds () - start;

  start = cpu_seconds ();
  steward_recorder_stop_async (recorder, NULL, stopped_cb, &wait);
  g_main_loop_run (loop);
  if (wait.error != NULL)
    g_error ("%s", wait.error->message);
  *stopping = cpu_seconds () - start;

  g_file_delete (wait.file, NULL, NULL);
  g_object_unref (wait.file);
}

/* CPU seconds to make the same samples and drop them */
static double
run_baseline (guint seconds)
{
  g_autofree char *source = source_description (seconds);
  g_autofree char *description = g_strdup_printf ("%s ! fakesink", source);
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GstMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  double start = cpu_seconds ();

  if (!(pipeline = gst_parse_launch (description, &error)))
    g_error ("%s", error->message);
  bus = gst_element_get_bus (pipeline);
  gst_element_set_state (pipeline, GST_STATE_PLAYING);
  message = gst_bus_timed_pop_filtered (bus, GST_CLOCK_TIME_NONE, GST_MESSAGE_EOS | GST_MESSAGE_ERROR);
  gst_element_set_state (pipeline, GST_STATE_NULL);

  return cpu_seconds () - start;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a;
  double y = *(const double *)b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);

  return g_array_index (values, double, values->len / 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- the recording pipeline's CPU use");
  g_autoptr(GArray) recording = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) stopping = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  int seconds = 120;
  int runs = 3;
  const GOptionEntry entries[] = {
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "Seconds of audio a run records (120)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs of each (3)", "N" },
    { NULL }
  };
  double minutes;
  double recording_per_minute;
  double stopping_per_minute;
  double baseline_per_minute;

  setlocale (LC_ALL, "");

  g_option_context_add_main_entries (context, entries, NULL);
  g_option_context_add_group (context, gst_init_get_option_group ());
  if (!g_option_context_parse (context, &argc, &argv, &error) || seconds < 1 || runs < 1)
    {
      g_printerr ("bench-recorder: %s\n", error ? error->message : "--seconds and --runs take positive numbers");
      return 2;
    }

  minutes = seconds / 60.0;
  for (int i = 0; i < runs; i++)
    {
      double r, s, b;

      run_recorder ((guint)seconds, &r, &s);
      b = run_baseline ((guint)seconds);
      g_array_append_val (recording, r);
      g_array_append_val (stopping, s);
      g_array_append_val (baseline, b);
    }

  recording_per_minute = median (recording) / minutes;
  stopping_per_minute = median (stopping) / minutes;
  baseline_per_minute = median (baseline) / minutes;

  g_print ("Recording pipeline, %d s of audio, median of %d runs, CPU seconds per minute of audio:\n",
           seconds, runs);
  g_print ("  while recording (level, WAV):  %6.3f  (%.2f%% of one core)\n",
           recording_per_minute, 100.0 * recording_per_minute / 60.0);
  g_print ("  on stop (trim, Opus):          %6.3f\n", stopping_per_minute);
  g_print ("  baseline (the source alone):   %6.3f\n", baseline_per_minute);
  g_print ("  recording / baseline:          %6.1f×\n",
           baseline_per_minute > 0 ? recording_per_minute / baseline_per_minute : 0.0);

  return 0;
}
