/* steward-bench-record-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-record-probe"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "steward-bench-probe-ready.h"
#include "steward-bench-record-probe.h"
#include "steward-voice-button.h"
#include "steward-window.h"

/* Recording benchmark (bench/bench-record-frames.c), driven by the
 * environment:
 *
 *   STEWARD_BENCH_RECORD=1  once the window has painted and the store
 *     is open, and a second later, with a frame asked for every vsync
 *     (as the other probes do), record the longest gap between two
 *     frames of the main window for $STEWARD_BENCH_RECORD_SECONDS (3 by
 *     default) with the chat page idle; then click the composer's
 *     microphone button (its "clicked" signal, as Space on it does) and
 *     record as long while the level meter follows the microphone
 *     ($STEWARD_AUDIO_SOURCE: the bench gives a live test source); then
 *     click it again and count the frames until the voice button is
 *     idle again (the recording trimmed and encoded, the transcriber
 *     answered: with no speech provider, at once) and STOP_TAIL_MS more.
 *     Then the same again, recording and stopping: the first recording
 *     of a run shows widgets (the meter, its labels, the toast) for the
 *     first time, the second finds them made.
 *     Prints one line and quits:
 *       record idle_longest_frame_ms=<…> idle_frames=<…>
 *         record_longest_frame_ms=<…> record_frames=<…>
 *         start_longest_frame_ms=<…> steady_longest_frame_ms=<…>
 *         stop_longest_frame_ms=<…> stop_frames=<…>
 *         idle_work_ms=<…> record_work_ms=<…> stop_work_ms=<…>
 *         start_call_ms=<…> stop_call_ms=<…> stop_to_idle_ms=<…>
 *         levels=<…> level_max=<…> seconds=<…>
 *         again_record_longest_frame_ms=<…> again_start_longest_frame_ms=<…>
 *         again_steady_longest_frame_ms=<…> again_stop_longest_frame_ms=<…>
 *         again_record_work_ms=<…> again_stop_work_ms=<…>
 *         again_start_call_ms=<…> again_stop_call_ms=<…>
 *         record_ratio=<…> stop_ratio=<…> again_record_ratio=<…>
 *         again_stop_ratio=<…> status=<ok|…>
 *     (one line; again_* are the second recording's, *_ratio the
 *     longest frame over the idle window's in the same run). start_*
 *     counts the first START_MS of a recording apart from the rest
 *     (steady_*); *_work_ms is the longest time the frame clock spent
 *     on one frame (before-paint to after-paint), so a long gap with
 *     short work was the main loop busy elsewhere; start_call_ms and
 *     stop_call_ms what the clicks took on the main loop; levels how
 *     often the meter moved in both recordings.
 *
 *   STEWARD_BENCH_RECORD_TRACE=1  besides, every gap between frames
 *     longer than 20 ms on stderr, with its cycle, phase, time since
 *     the phase began and frame work, to find where long frames come
 *     from.
 *
 * The output is read by a program, so it is not translated.
 */

#define SETTLE_MS       1000
#define DEFAULT_SECONDS 3
#define START_MS        500
#define STOP_TAIL_MS    1000
/* Trimming, encoding and the transcriber's answer take longer than
 * this only when something is wrong */
#define STOP_LIMIT_MS   15000

typedef enum
{
  PHASE_WAITING,
  PHASE_IDLE,
  PHASE_RECORD,
  PHASE_STOP,
  PHASE_DONE,
} RecordPhase;

typedef struct
{
  gint64 longest_us;
  gint64 work_us;
  guint  n_frames;
} Span;

/* One recording and its stop */
typedef struct
{
  Span                start;
  Span                steady;
  Span                stop;
  gint64              start_call_us;
  gint64              stop_call_us;
  gint64              stop_to_idle_us;
} Cycle;

#define N_CYCLES 2

typedef struct
{
  StewardWindow      *window;
  GdkFrameClock      *frame_clock;
  StewardVoiceButton *voice_button;
  GtkButton          *button;
  GtkLevelBar        *level_bar;
  guint               phase_id;
  guint               tick_id;
  guint               seconds;

  RecordPhase         phase;
  gint64              phase_start_us;
  gint64              last_paint_us;
  gint64              before_paint_us;
  Span                idle;
  Cycle               cycles[N_CYCLES];
  guint               cycle;
  guint               n_levels;
  double              level_max;

  /* The phase's time is up: it ends with the next frame, so that a
   * stall at its end is counted too. */
  guint               phase_over : 1;
  guint               trace : 1;
} RecordProbe;

static void
find_widgets (GtkWidget   *widget,
              RecordProbe *probe)
{
  if (STEWARD_IS_VOICE_BUTTON (widget) && probe->voice_button == NULL)
    probe->voice_button = STEWARD_VOICE_BUTTON (widget);
  else if (probe->voice_button != NULL && gtk_widget_is_ancestor (widget, GTK_WIDGET (probe->voice_button)))
    {
      if (GTK_IS_BUTTON (widget) && probe->button == NULL)
        probe->button = GTK_BUTTON (widget);
      else if (GTK_IS_LEVEL_BAR (widget) && probe->level_bar == NULL)
        probe->level_bar = GTK_LEVEL_BAR (widget);
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, probe);
}

/* Each run's own ratio to its idle window: steadier than a ratio of
 * medians on a busy machine */
static double
ratio_of (gint64 value,
          gint64 idle)
{
  return idle > 0 ? (double)value / (double)idle : -1;
}

static void
record_probe_finish (RecordProbe *probe,
                     const char  *status)
{
  const Cycle *first = &probe->cycles[0];
  const Cycle *again = &probe->cycles[1];

  if (probe->phase == PHASE_DONE)
    return;

  probe->phase = PHASE_DONE;
  g_clear_handle_id (&probe->phase_id, g_source_remove);
  if (probe->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (probe->window), probe->tick_id);
      probe->tick_id = 0;
    }
  if (probe->level_bar != NULL)
    g_signal_handlers_disconnect_by_data (probe->level_bar, probe);
  if (probe->voice_button != NULL)
    g_signal_handlers_disconnect_by_data (probe->voice_button, probe);

  g_print ("record idle_longest_frame_ms=%.2f idle_frames=%u "
           "record_longest_frame_ms=%.2f record_frames=%u "
           "start_longest_frame_ms=%.2f steady_longest_frame_ms=%.2f "
           "stop_longest_frame_ms=%.2f stop_frames=%u "
           "idle_work_ms=%.2f record_work_ms=%.2f stop_work_ms=%.2f "
           "start_call_ms=%.2f stop_call_ms=%.2f stop_to_idle_ms=%.1f "
           "levels=%u level_max=%.2f seconds=%u "
           "again_record_longest_frame_ms=%.2f again_start_longest_frame_ms=%.2f "
           "again_steady_longest_frame_ms=%.2f again_stop_longest_frame_ms=%.2f "
           "again_record_work_ms=%.2f again_stop_work_ms=%.2f "
           "again_start_call_ms=%.2f again_stop_call_ms=%.2f "
           "record_ratio=%.3f stop_ratio=%.3f again_record_ratio=%.3f again_stop_ratio=%.3f status=%s\n",
           probe->idle.longest_us / 1000.0, probe->idle.n_frames,
           MAX (first->start.longest_us, first->steady.longest_us) / 1000.0,
           first->start.n_frames + first->steady.n_frames,
           first->start.longest_us / 1000.0, first->steady.longest_us / 1000.0,
           first->stop.longest_us / 1000.0, first->stop.n_frames,
           probe->idle.work_us / 1000.0, MAX (first->start.work_us, first->steady.work_us) / 1000.0,
           first->stop.work_us / 1000.0,
           first->start_call_us / 1000.0, first->stop_call_us / 1000.0, first->stop_to_idle_us / 1000.0,
           probe->n_levels, probe->level_max, probe->seconds,
           MAX (again->start.longest_us, again->steady.longest_us) / 1000.0,
           again->start.longest_us / 1000.0, again->steady.longest_us / 1000.0,
           again->stop.longest_us / 1000.0,
           MAX (again->start.work_us, again->steady.work_us) / 1000.0, again->stop.work_us / 1000.0,
           again->start_call_us / 1000.0, again->stop_call_us / 1000.0,
           ratio_of (MAX (first->start.longest_us, first->steady.longest_us), probe->idle.longest_us),
           ratio_of (first->stop.longest_us, probe->idle.longest_us),
           ratio_of (MAX (again->start.longest_us, again->steady.longest_us), probe->idle.longest_us),
           ratio_of (again->stop.longest_us, probe->idle.longest_us),
           status);
  fflush (stdout);
  gtk_window_close (GTK_WINDOW (probe->window));
}

/* A frame every vsync: a stall shows up as a long gap between two */
static gboolean
frame_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  return G_SOURCE_CONTINUE;
}

static void
level_changed_cb (GtkLevelBar *level_bar,
                  GParamSpec  *pspec,
                  RecordProbe *probe)
{
  double value = gtk_level_bar_get_value (level_bar);

  if (probe->phase != PHASE_RECORD)
    return;

  probe->n_levels++;
  probe->level_max = MAX (probe->level_max, value);
}

static void
busy_changed_cb (StewardVoiceButton *voice_button,
                 GParamSpec         *pspec,
                 RecordProbe        *probe)
{
  Cycle *cycle = &probe->cycles[probe->cycle];

  if (probe->phase == PHASE_STOP && !steward_voice_button_get_busy (voice_button) &&
      cycle->stop_to_idle_us == 0)
    {
      cycle->stop_to_idle_us = g_get_monotonic_time () - probe->phase_start_us;
      if (probe->trace)
        g_printerr ("trace idle again at=%.1f\n", cycle->stop_to_idle_us / 1000.0);
    }
}

static gboolean phase_time_cb (gpointer user_data);

static void
start_phase (RecordProbe *probe,
             RecordPhase  phase,
             guint        ms)
{
  /* The stop may end before its time limit */
  g_clear_handle_id (&probe->phase_id, g_source_remove);
  probe->phase = phase;
  probe->phase_start_us = g_get_monotonic_time ();
  /* last_paint_us is kept: the gap in which a click ran counts for the
   * phase it starts */
  probe->phase_id = g_timeout_add (ms, phase_time_cb, probe);
}

/* A click on the microphone button, timed on the main loop */
static gint64
click (RecordProbe *probe)
{
  gint64 started = g_get_monotonic_time ();

  /* The monotonic clock, as perf record -k CLOCK_MONOTONIC stamps its
   * samples */
  if (probe->trace)
    g_printerr ("trace click cycle=%u phase=%d clock=%.6f\n", probe->cycle, probe->phase, started / 1e6);
  g_signal_emit_by_name (probe->button, "clicked");

  return g_get_monotonic_time () - started;
}

static void
phase_end (RecordProbe *probe)
{
  Cycle *cycle = &probe->cycles[probe->cycle];

  probe->phase_over = FALSE;

  switch (probe->phase)
    {
    case PHASE_IDLE:
      cycle->start_call_us = click (probe);
      if (!steward_voice_button_get_busy (probe->voice_button))
        {
          record_probe_finish (probe, "not-recording");
          return;
        }
      start_phase (probe, PHASE_RECORD, probe->seconds * 1000);
      break;

    case PHASE_RECORD:
      if (!steward_voice_button_get_busy (probe->voice_button))
        {
          record_probe_finish (probe, "recording-ended");
          return;
        }
      start_phase (probe, PHASE_STOP, STOP_LIMIT_MS);
      cycle->stop_call_us = click (probe);
      break;

    case PHASE_STOP:
      if (probe->level_max < 0.1)
        record_probe_finish (probe, "meter-still");
      else if (steward_voice_button_get_busy (probe->voice_button))
        record_probe_finish (probe, "stop-too-long");
      else if (probe->cycle + 1 < N_CYCLES)
        {
          /* Recording again, as from the idle window */
          probe->cycle++;
          probe->phase = PHASE_IDLE;
          phase_end (probe);
        }
      else
        record_probe_finish (probe, "ok");
      break;

    case PHASE_WAITING:
    case PHASE_DONE:
    default:
      break;
    }
}

static gboolean
phase_time_cb (gpointer user_data)
{
  RecordProbe *probe = user_data;

  probe->phase_id = 0;
  probe->phase_over = TRUE;

  return G_SOURCE_REMOVE;
}

static Span *
current_span (RecordProbe *probe,
              gint64       now)
{
  switch (probe->phase)
    {
    case PHASE_IDLE:
      return &probe->idle;

    case PHASE_RECORD:
      if (now - probe->phase_start_us < START_MS * G_TIME_SPAN_MILLISECOND)
        return &probe->cycles[probe->cycle].start;
      return &probe->cycles[probe->cycle].steady;

    case PHASE_STOP:
      return &probe->cycles[probe->cycle].stop;

    case PHASE_WAITING:
    case PHASE_DONE:
    default:
      return NULL;
    }
}

static void
record_probe_before_paint_cb (GdkFrameClock *frame_clock,
                              RecordProbe   *probe)
{
  probe->before_paint_us = g_get_monotonic_time ();
}

static void
record_probe_after_paint_cb (GdkFrameClock *frame_clock,
                             RecordProbe   *probe)
{
  gint64 now = g_get_monotonic_time ();
  Span *span = current_span (probe, now);

  if (span == NULL)
    return;

  if (probe->trace && probe->last_paint_us != 0 &&
      now - probe->last_paint_us > 20 * G_TIME_SPAN_MILLISECOND)
    g_printerr ("trace cycle=%u phase=%d at=%.1f gap=%.1f work=%.1f\n", probe->cycle, probe->phase,
                (now - probe->phase_start_us) / 1000.0, (now - probe->last_paint_us) / 1000.0,
                (now - probe->before_paint_us) / 1000.0);
  if (probe->last_paint_us != 0)
    span->longest_us = MAX (span->longest_us, now - probe->last_paint_us);
  if (probe->before_paint_us != 0)
    span->work_us = MAX (span->work_us, now - probe->before_paint_us);
  probe->last_paint_us = now;
  span->n_frames++;

  /* The stop ends STOP_TAIL_MS after the button is idle again */
  if (probe->phase == PHASE_STOP && probe->cycles[probe->cycle].stop_to_idle_us != 0 &&
      now - probe->phase_start_us > probe->cycles[probe->cycle].stop_to_idle_us + STOP_TAIL_MS * G_TIME_SPAN_MILLISECOND)
    probe->phase_over = TRUE;

  if (probe->phase_over)
    phase_end (probe);
}

static void
record_probe_begin (GdkFrameClock *frame_clock,
                    gpointer       user_data)
{
  RecordProbe *probe = user_data;

  probe->frame_clock = g_object_ref (frame_clock);
  g_signal_connect (frame_clock, "before-paint", G_CALLBACK (record_probe_before_paint_cb), probe);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (record_probe_after_paint_cb), probe);
  probe->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (probe->window), frame_tick_cb, probe, NULL);

  steward_window_set_page (probe->window, "chat");
  find_widgets (GTK_WIDGET (probe->window), probe);
  if (probe->button == NULL || probe->level_bar == NULL ||
      !gtk_widget_get_mapped (GTK_WIDGET (probe->button)))
    {
      record_probe_finish (probe, "no-voice-button");
      return;
    }

  g_signal_connect (probe->level_bar, "notify::value", G_CALLBACK (level_changed_cb), probe);
  g_signal_connect (probe->voice_button, "notify::busy", G_CALLBACK (busy_changed_cb), probe);
  start_phase (probe, PHASE_IDLE, probe->seconds * 1000);
}

static void
record_probe_free (gpointer data)
{
  RecordProbe *probe = data;

  g_clear_handle_id (&probe->phase_id, g_source_remove);
  if (probe->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (probe->frame_clock, probe);
      g_clear_object (&probe->frame_clock);
    }
  g_free (probe);
}

void
steward_bench_record_probe_attach (StewardApplication *app,
                                   GtkWindow          *window)
{
  const char *seconds = g_getenv ("STEWARD_BENCH_RECORD_SECONDS");
  RecordProbe *probe;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (STEWARD_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("STEWARD_BENCH_RECORD"), "1") != 0)
    return;

  probe = g_new0 (RecordProbe, 1);
  probe->window = STEWARD_WINDOW (window);
  probe->trace = g_getenv ("STEWARD_BENCH_RECORD_TRACE") != NULL;
  probe->seconds = seconds != NULL ? (guint)CLAMP (g_ascii_strtoull (seconds, NULL, 10), 1, 600) : DEFAULT_SECONDS;
  g_object_set_data_full (G_OBJECT (window), "steward-bench-record-probe", probe, record_probe_free);

  steward_bench_probe_when_ready (app, window, SETTLE_MS, record_probe_begin, probe);
}
