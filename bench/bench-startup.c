/* bench-startup.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Times steward from exec to its first painted frame, beside a minimal
 * libadwaita window measured in the same session, and reports medians.
 *
 * Both programs print, when STEWARD_BENCH_FIRST_FRAME is set,
 *   first-frame monotonic_us=<g_get_monotonic_time ()> rss_kb=<VmRSS>
 * on their first "after-paint"; steward also prints
 *   store-ready monotonic_us=<…>
 * once its database is open. CLOCK_MONOTONIC is shared by all processes, so
 * the child's timestamps are compared with the one taken here just before
 * the spawn, and reading the pipe late costs nothing.
 *
 * Benches report; they never gate CI. The exit status only says whether
 * the measurement itself worked.
 */

#define G_LOG_DOMAIN "steward-bench-startup"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <gio/gio.h>

#define DEFAULT_RUNS       5
#define MAX_RUNS           1000
#define RUN_TIMEOUT_S      30
/* After a kill, give the pipes this long to close before giving up. */
#define KILL_GRACE_S       5
/* The goal from the issue: steward within 20% of the minimal window. */
#define GOAL_RATIO         1.20
#define STDERR_TAIL_LINES  10
#define STORE_DELAY_MS     1000

typedef struct
{
  double first_frame_ms;  /* from spawn */
  double rss_mb;
  double store_ready_ms;  /* from spawn; steward only */
} RunResult;

typedef enum
{
  FIELD_FIRST_FRAME,
  FIELD_RSS,
  FIELD_STORE_READY,
  FIELD_STORE_AFTER_FRAME,
} Field;

typedef struct
{
  double median;
  double min;
  double max;
} Stats;

typedef struct
{
  const char *label;
  const char *path;
  gboolean    is_steward;
  /* steward only: slow the store's open by this much (a string of ms) */
  const char *store_delay_ms;
  gboolean    runnable;
  GArray     *results;      /* RunResult, one per measured run */
  guint       failures;
} Program;

/* One child's life, from spawn to exit, driven by the main context. Its
 * pipes are spliced into memory so that what it printed before a kill
 * survives, even when a grandchild keeps a pipe open and we stop reading.
 */
typedef struct
{
  GSubprocess   *subprocess;
  GCancellable  *cancellable;
  GOutputStream *stdout_mem;
  GOutputStream *stderr_mem;
  guint          n_pending;
  guint          timeout_id;
  gboolean       timed_out;
} Child;

static void
child_clear (Child *child)
{
  g_clear_handle_id (&child->timeout_id, g_source_remove);
  g_clear_object (&child->subprocess);
  g_clear_object (&child->cancellable);
  g_clear_object (&child->stdout_mem);
  g_clear_object (&child->stderr_mem);
}

static GBytes *
child_dup_output (GOutputStream *mem)
{
  GMemoryOutputStream *stream = G_MEMORY_OUTPUT_STREAM (mem);

  return g_bytes_new (g_memory_output_stream_get_data (stream),
                      g_memory_output_stream_get_data_size (stream));
}

/* An empty GBytes may hold NULL, which g_strndup () would return as is. */
static char *
bytes_dup_string (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  return data != NULL ? g_strndup (data, size) : g_strdup ("");
}

static gboolean
child_pipe_grace_cb (gpointer user_data)
{
  Child *child = user_data;

  /* It is gone but something (a grandchild?) holds its pipes: stop reading. */
  child->timeout_id = 0;
  g_cancellable_cancel (child->cancellable);

  return G_SOURCE_REMOVE;
}

static void
child_splice_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Child *child = user_data;

  /* An error (a cancel after the grace) keeps what was read so far. */
  g_output_stream_splice_finish (G_OUTPUT_STREAM (object), result, NULL);
  child->n_pending--;
}

static void
child_wait_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  Child *child = user_data;

  /* Not cancellable, so it only returns once the child is reaped. */
  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  child->n_pending--;

  g_clear_handle_id (&child->timeout_id, g_source_remove);
  if (child->n_pending > 0)
    child->timeout_id = g_timeout_add_seconds (KILL_GRACE_S,
                                               child_pipe_grace_cb, child);
}

static gboolean
child_timeout_cb (gpointer user_data)
{
  Child *child = user_data;

  child->timeout_id = 0;
  child->timed_out = TRUE;
  g_subprocess_force_exit (child->subprocess);

  return G_SOURCE_REMOVE;
}

static void
child_watch (Child *child)
{
  const GOutputStreamSpliceFlags flags = G_OUTPUT_STREAM_SPLICE_CLOSE_SOURCE
                                         | G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET;

  child->cancellable = g_cancellable_new ();
  child->stdout_mem = g_memory_output_stream_new_resizable ();
  child->stderr_mem = g_memory_output_stream_new_resizable ();

  g_output_stream_splice_async (child->stdout_mem,
                                g_subprocess_get_stdout_pipe (child->subprocess),
                                flags, G_PRIORITY_DEFAULT, child->cancellable,
                                child_splice_cb, child);
  g_output_stream_splice_async (child->stderr_mem,
                                g_subprocess_get_stderr_pipe (child->subprocess),
                                flags, G_PRIORITY_DEFAULT, child->cancellable,
                                child_splice_cb, child);
  g_subprocess_wait_async (child->subprocess, NULL, child_wait_cb, child);
  child->n_pending = 3;

  child->timeout_id = g_timeout_add_seconds (RUN_TIMEOUT_S,
                                             child_timeout_cb, child);

  while (child->n_pending > 0)
    g_main_context_iteration (NULL, TRUE);
}

/* Removes what steward left in its temporary data directory. */
static void
remove_tree (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_SYMLINK)
      && g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child_path = g_build_filename (path, name, NULL);

          remove_tree (child_path);
        }

      if (g_rmdir (path) != 0)
        g_printerr ("Warning: could not remove %s: %s\n",
                    path, g_strerror (errno));
    }
  else if (g_unlink (path) != 0)
    {
      g_printerr ("Warning: could not remove %s: %s\n",
                  path, g_strerror (errno));
    }
}

/* Finds "KEY=<integer>" among the space-separated fields of a probe line. */
static gboolean
parse_field (const char *line,
             const char *key,
             gint64     *out_value)
{
  g_auto(GStrv) fields = g_strsplit (line, " ", -1);
  gsize key_len = strlen (key);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      if (strncmp (fields[i], key, key_len) == 0 && fields[i][key_len] == '=')
        return g_ascii_string_to_signed (fields[i] + key_len + 1, 10,
                                         G_MININT64, G_MAXINT64,
                                         out_value, NULL);
    }

  return FALSE;
}

static void
print_stderr_tail (GBytes *stderr_bytes)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  guint n_lines;

  if (stderr_bytes == NULL || g_bytes_get_size (stderr_bytes) == 0)
    return;

  text = bytes_dup_string (stderr_bytes);
  g_strchomp (text);
  lines = g_strsplit (text, "\n", -1);
  n_lines = g_strv_length (lines);

  printf ("      its stderr ended with:\n");
  for (guint i = n_lines > STDERR_TAIL_LINES ? n_lines - STDERR_TAIL_LINES : 0;
       i < n_lines;
       i++)
    printf ("      | %s\n", lines[i]);  /* raw: g_print () would recode */
}

/* Runs one program once. Returns TRUE and fills @result when the program
 * printed every line it owes; otherwise prints why and returns FALSE.
 */
static gboolean
run_once (Program   *program,
          guint      run,
          guint      n_runs,
          RunResult *result)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *data_dir = NULL;
  g_autoptr(GBytes) stdout_bytes = NULL;
  g_autoptr(GBytes) stderr_bytes = NULL;
  g_autofree char *out_text = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { program->path, NULL };
  Child child = { 0 };
  gint64 spawn_us;
  gint64 first_frame_us = 0;
  gint64 store_ready_us = 0;
  gint64 rss_kb = 0;
  gboolean has_first_frame = FALSE;
  gboolean has_store_ready = FALSE;
  gboolean ok = FALSE;

  g_print ("  run %u/%u  %-8s ", run, n_runs, program->label);

  env = g_environ_setenv (env, "STEWARD_BENCH_FIRST_FRAME", "1", TRUE);

  if (program->is_steward)
    {
      data_dir = g_dir_make_tmp ("steward-bench-XXXXXX", &error);
      if (data_dir == NULL)
        {
          g_print ("FAILED: no temporary data directory: %s\n", error->message);
          return FALSE;
        }
      env = g_environ_setenv (env, "STEWARD_DATA_DIR", data_dir, TRUE);
      env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR,
                              FALSE);
      if (program->store_delay_ms != NULL)
        env = g_environ_setenv (env, "STEWARD_BENCH_STORE_DELAY_MS",
                                program->store_delay_ms, TRUE);
    }

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_environ (launcher, env);

  spawn_us = g_get_monotonic_time ();
  child.subprocess = g_subprocess_launcher_spawnv (launcher, argv, &error);
  if (child.subprocess == NULL)
    {
      g_print ("FAILED: could not start %s: %s\n",
               program->path, error->message);
      goto out;
    }

  child_watch (&child);
  stdout_bytes = child_dup_output (child.stdout_mem);
  stderr_bytes = child_dup_output (child.stderr_mem);

  out_text = bytes_dup_string (stdout_bytes);
  lines = g_strsplit (out_text, "\n", -1);

  /* Other output is allowed; the first probe line of each kind counts. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      /* A probe that could not read /proc reports rss_kb=-1. */
      if (!has_first_frame && g_str_has_prefix (lines[i], "first-frame "))
        has_first_frame = parse_field (lines[i], "monotonic_us", &first_frame_us)
                          && parse_field (lines[i], "rss_kb", &rss_kb)
                          && rss_kb >= 0;
      else if (!has_store_ready && g_str_has_prefix (lines[i], "store-ready "))
        has_store_ready = parse_field (lines[i], "monotonic_us", &store_ready_us);
    }

  if (child.timed_out)
    {
      g_print ("FAILED: no exit within %d s, killed (%s)\n", RUN_TIMEOUT_S,
               !has_first_frame ? "it never reported its first frame"
               : program->is_steward && !has_store_ready
               ? "it reported its first frame but never store-ready"
               : "it reported everything but did not quit");
      print_stderr_tail (stderr_bytes);
      goto out;
    }

  if (!has_first_frame || (program->is_steward && !has_store_ready))
    {
      g_print ("FAILED: exited without a valid %s line\n",
               !has_first_frame ? "first-frame" : "store-ready");
      print_stderr_tail (stderr_bytes);
      goto out;
    }

  result->first_frame_ms = (first_frame_us - spawn_us) / 1000.0;
  result->rss_mb = rss_kb / 1024.0;
  result->store_ready_ms = (store_ready_us - spawn_us) / 1000.0;
  ok = TRUE;

  g_print ("first frame %7.1f ms   RSS %6.1f MB",
           result->first_frame_ms, result->rss_mb);
  if (program->is_steward)
    g_print ("   store ready %+7.1f ms from first frame",
             result->store_ready_ms - result->first_frame_ms);
  g_print ("\n");

  /* The figures stand, but a crash on the way out is worth a look. */
  if (!g_subprocess_get_successful (child.subprocess))
    {
      if (g_subprocess_get_if_signaled (child.subprocess))
        g_print ("      note: it then died of signal %d\n",
                 g_subprocess_get_term_sig (child.subprocess));
      else
        g_print ("      note: it then exited with status %d\n",
                 g_subprocess_get_exit_status (child.subprocess));
      print_stderr_tail (stderr_bytes);
    }

out:
  child_clear (&child);
  if (data_dir != NULL)
    remove_tree (data_dir);

  return ok;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
run_result_get (const RunResult *result,
                Field            field)
{
  switch (field)
    {
    case FIELD_FIRST_FRAME:
      return result->first_frame_ms;
    case FIELD_RSS:
      return result->rss_mb;
    case FIELD_STORE_READY:
      return result->store_ready_ms;
    case FIELD_STORE_AFTER_FRAME:
      return result->store_ready_ms - result->first_frame_ms;
    default:
      g_assert_not_reached ();
    }
}

static Stats
stats_of (GArray *results,
          Field   field)
{
  g_autofree double *values = NULL;
  Stats stats = { NAN, NAN, NAN };
  guint n = results->len;

  if (n == 0)
    return stats;

  values = g_new (double, n);
  for (guint i = 0; i < n; i++)
    values[i] = run_result_get (&g_array_index (results, RunResult, i), field);
  qsort (values, n, sizeof (double), compare_doubles);

  stats.min = values[0];
  stats.max = values[n - 1];
  stats.median = n % 2 == 1 ? values[n / 2]
                            : (values[n / 2 - 1] + values[n / 2]) / 2.0;

  return stats;
}

static void
print_program_row (const Program *program,
                   guint          n_runs)
{
  Stats frame = stats_of (program->results,
                          FIELD_FIRST_FRAME);
  Stats rss = stats_of (program->results, FIELD_RSS);

  if (program->results->len == 0)
    {
      g_print ("  %-8s  not measured\n", program->label);
      return;
    }

  g_print ("  %-8s  %8.1f %8.1f %8.1f    %8.1f %8.1f %8.1f    %u/%u\n",
           program->label,
           frame.median, frame.min, frame.max,
           rss.median, rss.min, rss.max,
           program->results->len, n_runs);
}

static void
print_report (Program *steward,
              Program *minimal,
              guint    n_runs)
{
  Stats s_frame = stats_of (steward->results,
                            FIELD_FIRST_FRAME);
  Stats m_frame = stats_of (minimal->results,
                            FIELD_FIRST_FRAME);
  Stats s_rss = stats_of (steward->results, FIELD_RSS);
  Stats m_rss = stats_of (minimal->results, FIELD_RSS);
  double ratio = s_frame.median / m_frame.median;
  gboolean both = steward->results->len > 0 && minimal->results->len > 0;

  g_print ("\n"
           "            time to first frame (ms)       resident memory (MB)\n"
           "  program     median      min      max      median      min      max    runs\n");
  print_program_row (steward, n_runs);
  print_program_row (minimal, n_runs);
  g_print ("\n");

  if (both)
    {
      g_print ("Time to first frame, steward / minimal: %.2f "
               "(goal: within 20%%, i.e. at most %.2f): %s, steward is %+.0f%%.\n",
               ratio, GOAL_RATIO,
               ratio <= GOAL_RATIO ? "MET" : "NOT MET",
               (ratio - 1.0) * 100.0);
      g_print ("Resident memory, steward / minimal: %.2f "
               "(steward %+.1f MB; for information, the goal is on time).\n",
               s_rss.median / m_rss.median, s_rss.median - m_rss.median);
    }
  else
    {
      g_print ("Time to first frame, steward / minimal: not available, "
               "a program could not be measured.\n");
    }

  if (steward->results->len > 0)
    {
      Stats delay = stats_of (steward->results, FIELD_STORE_AFTER_FRAME);
      guint n_after = 0;
      Stats ready = stats_of (steward->results,
                              FIELD_STORE_READY);
      guint n = steward->results->len;

      for (guint i = 0; i < n; i++)
        {
          if (run_result_get (&g_array_index (steward->results, RunResult, i),
                              FIELD_STORE_AFTER_FRAME) >= 0)
            n_after++;
        }

      g_print ("Store ready: median %.1f ms after spawn, %+.1f ms from the first "
               "frame (min %+.1f, max %+.1f).\n",
               ready.median, delay.median, delay.min, delay.max);
      if (n_after == n)
        g_print ("Store ready after the first frame in %u/%u runs: "
                 "the store did not block the first frame (goal MET).\n",
                 n_after, n);
      else
        /* Timestamps cannot tell a blocking open from a threaded one that
         * simply won the race, so do not claim either. */
        g_print ("Store ready before the first frame in %u/%u runs: a fast "
                 "open on a worker thread may finish first; the run with a "
                 "slowed store below shows whether the frame waits for it.\n",
                 n - n_after, n);
    }

  g_print ("\n");
  /* No setlocale () in this program, so '.' is always the decimal point. */
  g_print ("bench-startup steward_ms=%.1f minimal_ms=%.1f ratio=%.3f "
           "steward_rss_mb=%.1f minimal_rss_mb=%.1f\n",
           s_frame.median, m_frame.median, both ? ratio : NAN,
           s_rss.median, m_rss.median);
}

/* Whether opening the store blocks the first frame, shown by slowing the
 * open: a first frame that does not move while the store becomes ready a
 * second later was never waiting for it. */
static void
print_store_report (Program *steward,
                    Program *slow)
{
  Stats normal, slowed, after;

  if (steward->results->len == 0 || slow->results->len == 0)
    return;

  normal = stats_of (steward->results, FIELD_FIRST_FRAME);
  slowed = stats_of (slow->results, FIELD_FIRST_FRAME);
  after = stats_of (slow->results, FIELD_STORE_AFTER_FRAME);

  g_print ("Store open slowed by %d ms: first frame median %.1f ms (normal %.1f ms, %+.1f ms); "
           "store ready %+.1f ms after it.\n",
           STORE_DELAY_MS, slowed.median, normal.median, slowed.median - normal.median,
           after.median);
  if (after.min > 0 && slowed.median - normal.median < STORE_DELAY_MS / 2.0)
    g_print ("The first frame does not wait for the store (goal MET).\n");
  else
    g_print ("The first frame moved with the store's open: it blocks (goal NOT MET).\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *steward_path = NULL;
  g_autofree char *minimal_path = NULL;
  int n_runs = DEFAULT_RUNS;
  const char *display = g_getenv ("DISPLAY");
  const char *wayland_display = g_getenv ("WAYLAND_DISPLAY");
  Program programs[3] = {
    { .label = "steward", .is_steward = TRUE },
    { .label = "minimal", .is_steward = FALSE },
    /* The same steward with its store open slowed by STORE_DELAY_MS on
     * the worker thread: if the first frame waited for the store, its
     * first frame would come that much later. */
    { .label = "slowdb", .is_steward = TRUE, .store_delay_ms = G_STRINGIFY (STORE_DELAY_MS) },
  };
  const GOptionEntry entries[] = {
    { "runs", 0, 0, G_OPTION_ARG_INT, &n_runs,
      "Runs of each program (default " G_STRINGIFY (DEFAULT_RUNS) ")", "N" },
    { "steward", 0, 0, G_OPTION_ARG_FILENAME, &steward_path,
      "The steward binary (default " BENCH_STEWARD_PATH ")", "PATH" },
    { "minimal", 0, 0, G_OPTION_ARG_FILENAME, &minimal_path,
      "The minimal window binary (default " BENCH_MINIMAL_PATH ")", "PATH" },
    G_OPTION_ENTRY_NULL
  };
  gboolean measured = TRUE;

  context = g_option_context_new ("- time steward's start-up against a minimal libadwaita window");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (argc > 1)
    {
      g_printerr ("Unexpected argument '%s'; see --help.\n", argv[1]);
      return 2;
    }
  if (n_runs < 1 || n_runs > MAX_RUNS)
    {
      g_printerr ("--runs must be between 1 and %d.\n", MAX_RUNS);
      return 2;
    }

  if ((display == NULL || *display == '\0')
      && (wayland_display == NULL || *wayland_display == '\0'))
    {
      g_printerr ("bench-startup needs a display (neither DISPLAY nor "
                  "WAYLAND_DISPLAY is set): run it in a desktop session or "
                  "under xvfb-run, see bench/README.md.\n");
      return 2;
    }

  programs[0].path = steward_path != NULL ? steward_path : BENCH_STEWARD_PATH;
  programs[1].path = minimal_path != NULL ? minimal_path : BENCH_MINIMAL_PATH;
  programs[2].path = programs[0].path;

  g_print ("Start-up benchmark: exec to first painted frame, %d run%s of each "
           "program, alternating.\n",
           n_runs, n_runs == 1 ? "" : "s");
  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      Program *program = &programs[p];

      program->results = g_array_new (FALSE, FALSE, sizeof (RunResult));
      program->runnable = g_file_test (program->path,
                                       G_FILE_TEST_IS_REGULAR)
                          && g_file_test (program->path,
                                          G_FILE_TEST_IS_EXECUTABLE);
      g_print ("  %-8s %s%s\n", program->label, program->path,
               program->runnable ? "" : "  (not found or not executable: not measured)");
    }
  g_print ("\n");

  for (int run = 1; run <= n_runs; run++)
    {
      for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
        {
          Program *program = &programs[p];
          RunResult result = { 0 };

          if (!program->runnable)
            continue;

          if (run_once (program, run, n_runs, &result))
            g_array_append_val (program->results, result);
          else
            program->failures++;
        }
    }

  print_report (&programs[0], &programs[1], n_runs);
  print_store_report (&programs[0], &programs[2]);

  for (guint p = 0; p < G_N_ELEMENTS (programs); p++)
    {
      if (!programs[p].runnable)
        {
          g_printerr ("%s could not be measured: %s is not an executable.\n",
                      programs[p].label, programs[p].path);
          measured = FALSE;
        }
      else if (programs[p].failures > 0)
        {
          g_printerr ("%s could not be measured in %u of %d runs (see above).\n",
                      programs[p].label, programs[p].failures, n_runs);
          measured = FALSE;
        }
      g_array_unref (programs[p].results);
    }

  return measured ? 0 : 1;
}
