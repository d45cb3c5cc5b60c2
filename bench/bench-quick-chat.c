/* bench-quick-chat.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Opening quick chat on a running Steward: the time from running
 * `steward --quick-chat` (what a keyboard shortcut does) to the quick
 * window's first painted frame in the running Steward, beside the start
 * of a bare libadwaita window (exec to its first frame), measured in the
 * same run. Goal (issue 13): painted within 100 ms of the activation.
 *
 * Steward runs with STEWARD_BENCH_QUICK_CHAT set: its probe prints
 *   quick-chat-ready    once the hidden window has been made,
 *   quick-chat-frame monotonic_us=<…>   at each first frame after it shows,
 *   quick-chat-hidden   once it has hidden it again.
 * CLOCK_MONOTONIC is shared by all processes, so the frame's time is
 * compared with the one taken here just before the spawn.
 *
 * Benches report, they never gate CI.
 *
 *   bench-quick-chat [--runs N] [--renderer R]
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <gio/gio.h>

#include "bench-harness.h"

#define LINE_TIMEOUT_S 30

typedef struct
{
  GSubprocess      *steward;
  GDataInputStream *out;
} Running;

/* The next line of Steward's output starting with @tag; the others are
 * skipped. Blocking: Steward answers within seconds or the bench fails. */
static char *
read_until (Running    *running,
            const char *tag)
{
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *line = g_data_input_stream_read_line_utf8 (running->out, NULL, NULL, &error);

      if (line == NULL)
        {
          g_printerr ("Steward ended before printing “%s”%s%s\n", tag,
                      error ? ": " : "", error ? error->message : "");
          return NULL;
        }

      if (g_str_has_prefix (line, tag))
        return g_steal_pointer (&line);
    }
}

static gboolean
run_to_exit (const char * const *argv,
             char              **env)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_set_environ (launcher, env);
  if (!(process = g_subprocess_launcher_spawnv (launcher, argv, &error)) ||
      !g_subprocess_wait_check (process, NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return FALSE;
    }

  return TRUE;
}

/* One opening: ms from the spawn to the quick window's frame, and how
 * long the `steward --quick-chat` process itself took */
static gboolean
open_quick_chat (Running  *running,
                 char    **env,
                 double   *frame_ms,
                 double   *process_ms)
{
  const char * const argv[] = { BENCH_STEWARD_PATH, "--quick-chat", NULL };
  g_autofree char *frame = NULL;
  g_autofree char *hidden = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!run_to_exit (argv, env))
    return FALSE;
  *process_ms = (g_get_monotonic_time () - start) / 1000.0;

  if (!(frame = read_until (running, "quick-chat-frame")) ||
      !(hidden = read_until (running, "quick-chat-hidden")))
    return FALSE;

  *frame_ms = (bench_field (frame, "monotonic_us") - start) / 1000.0;
  return TRUE;
}

static gboolean
bare_window (char   **env,
             double  *frame_ms)
{
  const char * const argv[] = { BENCH_MINIMAL_PATH, NULL };
  g_auto(GStrv) bare_env = g_environ_setenv (g_strdupv (env), "STEWARD_BENCH_FIRST_FRAME", "1", TRUE);
  g_autofree char *line = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!bench_run_for_line (argv, bare_env, "first-frame", &line))
    return FALSE;

  *frame_ms = (bench_field (line, "monotonic_us") - start) / 1000.0;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- opening quick chat on a running Steward");
  g_autoptr(GString) summary = g_string_new ("summary");
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");

  if (!bench_harness_parse (context, NULL, &argc, &argv))
    return 2;

  if (!bench_harness_has_display ())
    {
      g_printerr ("bench-quick-chat needs a display: run it under build-aux/headless-session.sh.\n");
      return 1;
    }

  for (guint r = 0; bench_renderers[r] != NULL && ok; r++)
    {
      const char *renderer = bench_renderers[r];
      g_autofree char *data_dir = g_dir_make_tmp ("steward-bench-quick-chat-XXXXXX", NULL);
      g_auto(GStrv) env = NULL;
      g_autoptr(GSubprocessLauncher) launcher = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) processes = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) bare = g_array_new (FALSE, FALSE, sizeof (double));
      g_autofree char *ready = NULL;
      Running running = { NULL, NULL };
      const char * const steward_argv[] = { BENCH_STEWARD_PATH, NULL };

      if (!(env = bench_renderer_begin (data_dir, renderer)))
        {
          bench_remove_tree (data_dir);
          continue;
        }
      env = g_environ_setenv (env, "STEWARD_BENCH_QUICK_CHAT", "1", TRUE);

      launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
      g_subprocess_launcher_set_environ (launcher, env);
      if (!(running.steward = g_subprocess_launcher_spawnv (launcher, steward_argv, &error)))
        {
          g_printerr ("%s\n", error->message);
          bench_remove_tree (data_dir);
          return 1;
        }
      running.out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (running.steward));

      if (!(ready = read_until (&running, "quick-chat-ready")))
        ok = FALSE;

      /* One opening to warm the caches, as a user's second one is */
      if (ok)
        {
          double frame_ms, process_ms;

          ok = open_quick_chat (&running, env, &frame_ms, &process_ms);
        }

      for (int run = 0; run < bench_runs && ok; run++)
        {
          double frame_ms, process_ms, bare_ms;

          if (!(ok = open_quick_chat (&running, env, &frame_ms, &process_ms)) ||
              !(ok = bare_window (env, &bare_ms)))
            break;

          g_array_append_val (frames, frame_ms);
          g_array_append_val (processes, process_ms);
          g_array_append_val (bare, bare_ms);
        }

      g_subprocess_force_exit (running.steward);
      g_subprocess_wait (running.steward, NULL, NULL);
      g_clear_object (&running.out);
      g_clear_object (&running.steward);
      bench_remove_tree (data_dir);

      if (ok)
        {
          BenchFigure figures[] = {
            { "quick_chat_ms", bench_median (frames) },
            { "process_ms", bench_median (processes) },
            { "bare_window_ms", bench_median (bare) },
          };

          printf ("  steward --quick-chat to the quick window's first frame: %6.1f ms (goal < 100)\n",
                  figures[0].value);
          printf ("    of which the steward --quick-chat process ran:        %6.1f ms\n", figures[1].value);
          printf ("  bare libadwaita window, exec to first frame:            %6.1f ms\n", figures[2].value);
          bench_summary_append (summary, renderer, figures, G_N_ELEMENTS (figures));
        }
    }

  if (!ok)
    return 1;

  printf ("%s\n", summary->str);
  return 0;
}
