/* bench-chat.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Chat page under load, beside baselines measured in the same run:
 *
 * 1. Open a conversation of 10,000 stored messages (mixed Markdown, code
 *    blocks): the time from the switch to the frame that shows it, and
 *    steward's resident memory then, beside a bare libadwaita window's
 *    (and the same switch to a two-message conversation).
 * 2. Stream a 20,000-token reply from the replay server: at full speed,
 *    tokens per second through parser → store → screen; paced at 2,000
 *    tokens per second, the longest gap between frames, beside a bare
 *    window running only a spinner.
 * 3. A long session: 200 messages typed into one conversation, each sent
 *    once the reply before it is complete (a few hundred characters of
 *    Markdown from the replay server): steward's resident memory after
 *    the last reply beside a bare window's, and what the last half of
 *    the replies added.
 *
 * steward prints its figures through steward-bench-chat-probe.c. Benches
 * report medians; they never gate CI. The exit status says only whether
 * the measurement itself worked.
 */

#define G_LOG_DOMAIN "steward-bench-chat"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "bench-harness.h"
#include "steward-core.h"

#define N_MESSAGES     10000
#define N_TOKENS       20000
#define PACED_TOKENS_S 2000
#define PACE_DELAY_MS  20

/* The session's goals, from the issue. */
#define SESSION_EXTRA_GOAL_MB 30.0
#define SESSION_HALF_GOAL_MB  2.0

#define SESSION_DEFAULT_TURNS 200

/* The session takes minutes, so it runs only when asked for. */
static int opt_session = 0;
static gboolean opt_session_only = FALSE;
static gboolean opt_malloc_trim = FALSE;
static gboolean opt_verbose = FALSE;
static char *opt_session_wrapper = NULL;

/* -- a store of 10,000 messages ------------------------------------------ */

static const char *reply_samples[] = {
  "## Plan\n\nHere is what I would do:\n\n- **Book** the venue\n- Send the *invitations*\n- Order `cake`\n",
  "Sure. The function:\n\n```c\nint\nadd (int a, int b)\n{\n  return a + b;\n}\n```\n\nCall it with two integers.",
  "| Day | Task |\n| --- | --- |\n| Mon | Draft |\n| Tue | Review |\n\nThat leaves Wednesday free.",
  "A short answer: yes, [the docs](https://docs.gtk.org) say so.\n\n> Quoting is fine too.\n\n1. First\n2. Second",
  "```python\nfor i in range (10):\n    print (i)\n```\n\nThat prints the numbers 0 to 9, one per line.",
};

static gint64
fill_store (StewardStore *store,
            guint         n_messages,
            const char   *title)
{
  g_autoptr(GError) error = NULL;
  gint64 conversation_id;

  if (!(conversation_id = steward_store_create_conversation (store, title, &error)))
    g_error ("%s", error->message);

  for (guint i = 0; i < n_messages; i++)
    {
      g_autofree char *question = NULL;
      gboolean user = i % 2 == 0;

      if (user)
        question = g_strdup_printf ("Question number %u: what should I do next?", i / 2 + 1);

      if (!steward_store_add_message (store, conversation_id,
                                      user ? STEWARD_MESSAGE_ROLE_USER : STEWARD_MESSAGE_ROLE_ASSISTANT,
                                      user ? question : reply_samples[(i / 2) % G_N_ELEMENTS (reply_samples)],
                                      STEWARD_MESSAGE_STATUS_COMPLETE,
                                      user ? NULL : "local", user ? NULL : "bench", user ? NULL : "medium",
                                      &error))
        g_error ("%s", error->message);
    }

  return conversation_id;
}

/* -- a 20,000-token reply ------------------------------------------------ */

static char *
write_stream_fixture (const char *fixtures_dir,
                      gsize      *size_out)
{
  static const char *words[] = { "the ", "plan ", "works ", "because ", "each ", "step ", "is ", "small", ". " };
  g_autoptr(GString) sse = g_string_new (NULL);
  g_autofree char *dir = g_build_filename (fixtures_dir, "anthropic", NULL);
  char *path = g_build_filename (dir, "bench_stream.sse", NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);

  g_string_append (sse,
                   "event: message_start\n"
                   "data: {\"type\": \"message_start\", \"message\": {\"model\": \"bench_stream\", \"id\": \"msg_bench\", "
                   "\"type\": \"message\", \"role\": \"assistant\", \"content\": [], \"usage\": {\"input_tokens\": 12, \"output_tokens\": 1}}}\n\n"
                   "event: content_block_start\n"
                   "data: {\"type\": \"content_block_start\", \"index\": 0, \"content_block\": {\"type\": \"text\", \"text\": \"\"}}\n\n");

  for (guint i = 0; i < N_TOKENS; i++)
    {
      const char *token;

      /* Markdown as a model writes it: paragraphs, lists, code. */
      if (i % 400 == 0)
        token = "\\n\\n## Section\\n\\n";
      else if (i % 100 == 0)
        token = "\\n\\n";
      else if (i % 250 == 10)
        token = "\\n\\n```c\\nint x = 1;\\n```\\n\\n";
      else if (i % 50 == 20)
        token = "\\n- item ";
      else
        token = words[i % G_N_ELEMENTS (words)];

      g_string_append_printf (sse,
                              "event: content_block_delta\n"
                              "data: {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\", \"text\": \"%s\"}}\n\n",
                              token);
    }

  g_string_append_printf (sse,
                          "event: content_block_stop\n"
                          "data: {\"type\": \"content_block_stop\", \"index\": 0}\n\n"
                          "event: message_delta\n"
                          "data: {\"type\": \"message_delta\", \"delta\": {\"stop_reason\": \"end_turn\"}, \"usage\": {\"output_tokens\": %d}}\n\n"
                          "event: message_stop\n"
                          "data: {\"type\": \"message_stop\"}\n\n",
                          N_TOKENS);

  if (!g_file_set_contents (path, sse->str, sse->len, &error))
    g_error ("%s", error->message);

  *size_out = sse->len;
  return path;
}

static GSubprocess *
start_replay_server (const char *fixtures_dir,
                     gsize       dribble,
                     guint       delay_ms,
                     guint      *port)
{
  g_autofree char *kind_dir = g_build_filename (fixtures_dir, "anthropic", NULL);
  g_autofree char *dribble_arg = g_strdup_printf ("%zu", dribble);
  g_autofree char *delay_arg = g_strdup_printf ("%u", delay_ms);
  g_autoptr(GDataInputStream) reader = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  GSubprocess *subprocess;

  if (dribble > 0)
    subprocess = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                   BENCH_REPLAY_SERVER, "--fixtures", kind_dir, "--port", "0",
                                   "--dribble", dribble_arg, "--delay-ms", delay_arg, NULL);
  else
    subprocess = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                   BENCH_REPLAY_SERVER, "--fixtures", kind_dir, "--port", "0", NULL);
  if (subprocess == NULL)
    g_error ("%s", error->message);

  reader = g_data_input_stream_new (g_subprocess_get_stdout_pipe (subprocess));
  if (!(line = g_data_input_stream_read_line_utf8 (reader, NULL, NULL, &error)))
    g_error ("The replay server printed no port: %s", error ? error->message : "end of output");

  *port = (guint)g_ascii_strtoull (line, NULL, 10);
  return subprocess;
}

/* Points the "local" provider at the replay server: @model for the
 * conversation (the medium tier) and, if given, @small_model for the
 * background work (the small tier: facts to remember, summaries). */
static void
use_replay_server (StewardStore *store,
                   guint         port,
                   const char   *model,
                   const char   *small_model)
{
  g_autoptr(StewardProviderRegistry) providers = steward_provider_registry_new (store);
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u", port);

  steward_store_remove_provider (store, "local", NULL);

  provider = steward_provider_new ("anthropic", "local", &error);
  steward_provider_set_base_url (provider, url);
  steward_provider_set_model (provider, model);
  steward_provider_set_api_key_env (provider, "STEWARD_BENCH_KEY");

  if (!steward_provider_registry_add (providers, provider, NULL, &error) ||
      !steward_store_set_tier (store, "medium", "local", model, &error) ||
      (small_model != NULL && !steward_store_set_tier (store, "small", "local", small_model, &error)))
    g_error ("%s", error->message);
}

/* -- a long session ------------------------------------------------------ */

/* What an assistant answers to a one-line question: a few hundred
 * characters of Markdown. */
static const char session_reply[] =
  "### Next step\n\n"
  "Here is what I would do now:\n\n"
  "1. **List** what is left, with who owns each item.\n"
  "2. Pick the *two* items that unblock the most work.\n"
  "3. Book an hour for each, and say so in `#team`.\n\n"
  "```sh\n"
  "steward-cli tasks add \"Review the draft\" --due tomorrow\n"
  "```\n\n"
  "If something slips, move it to next week rather than squeezing it in. "
  "Shall I draft the message to the team?";

static void
append_anthropic_sse (GString    *sse,
                      const char *model,
                      const char *text,
                      gsize       piece)
{
  gsize len = strlen (text);
  guint n_pieces = 0;

  g_string_append_printf (sse,
                          "event: message_start\n"
                          "data: {\"type\": \"message_start\", \"message\": {\"model\": \"%s\", \"id\": \"msg_bench\", "
                          "\"type\": \"message\", \"role\": \"assistant\", \"content\": [], \"usage\": {\"input_tokens\": 12, \"output_tokens\": 1}}}\n\n"
                          "event: content_block_start\n"
                          "data: {\"type\": \"content_block_start\", \"index\": 0, \"content_block\": {\"type\": \"text\", \"text\": \"\"}}\n\n",
                          model);

  /* A few characters an event, as a model streams; @text is ASCII. */
  for (gsize at = 0; at < len; at += piece, n_pieces++)
    {
      g_autofree char *part = g_strndup (text + at, MIN (piece, len - at));
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), part);
      g_autofree char *quoted = json_to_string (node, FALSE);

      g_string_append_printf (sse,
                              "event: content_block_delta\n"
                              "data: {\"type\": \"content_block_delta\", \"index\": 0, \"delta\": {\"type\": \"text_delta\", \"text\": %s}}\n\n",
                              quoted);
    }

  g_string_append_printf (sse,
                          "event: content_block_stop\n"
                          "data: {\"type\": \"content_block_stop\", \"index\": 0}\n\n"
                          "event: message_delta\n"
                          "data: {\"type\": \"message_delta\", \"delta\": {\"stop_reason\": \"end_turn\"}, \"usage\": {\"output_tokens\": %u}}\n\n"
                          "event: message_stop\n"
                          "data: {\"type\": \"message_stop\"}\n\n",
                          n_pieces);
}

/* bench_session answers every message with session_reply; bench_small,
 * the small tier, answers the background requests with "[]": no fact to
 * remember, as a model says of "what should I do next?" (it also
 * becomes the summary, when older turns are folded). */
static void
write_session_fixtures (const char *fixtures_dir)
{
  g_autofree char *dir = g_build_filename (fixtures_dir, "anthropic", NULL);
  g_autofree char *reply_path = g_build_filename (dir, "bench_session.sse", NULL);
  g_autofree char *small_path = g_build_filename (dir, "bench_small.sse", NULL);
  g_autoptr(GString) reply = g_string_new (NULL);
  g_autoptr(GString) small = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  append_anthropic_sse (reply, "bench_session", session_reply, 16);
  append_anthropic_sse (small, "bench_small", "[]", 16);

  if (!g_file_set_contents (reply_path, reply->str, reply->len, &error) ||
      !g_file_set_contents (small_path, small->str, small->len, &error))
    g_error ("%s", error->message);
}


/* -- main ---------------------------------------------------------------- */

static gboolean
measure_open (char      **env,
              const char *small_id,
              const char *big_id,
              BenchFigure     *results)
{
  const char *steward_argv[] = { BENCH_STEWARD_PATH, NULL };
  const char *baseline_argv[] = { BENCH_BASELINE_PATH, "--seconds", "0.5", NULL };
  BenchFigure big[] = { { "ms", 0 }, { "rss_kb", 0 } };
  BenchFigure small[] = { { "ms", 0 }, { "rss_kb", 0 } };
  BenchFigure bare[] = { { "rss_kb", 0 } };
  char **open_env;
  gboolean ok = TRUE;

  open_env = g_environ_setenv (g_strdupv (env), "STEWARD_BENCH_CHAT_OPEN", small_id, TRUE);
  bench_warm_up (steward_argv, open_env, "chat-open");
  ok &= bench_measure (steward_argv, open_env, "chat-open", NULL, small, G_N_ELEMENTS (small));
  g_strfreev (open_env);

  open_env = g_environ_setenv (g_strdupv (env), "STEWARD_BENCH_CHAT_OPEN", big_id, TRUE);
  ok &= bench_measure (steward_argv, open_env, "chat-open", NULL, big, G_N_ELEMENTS (big));
  g_strfreev (open_env);

  bench_warm_up (baseline_argv, env, "baseline");
  ok &= bench_measure (baseline_argv, env, "baseline", NULL, bare, G_N_ELEMENTS (bare));

  g_print ("\nOpening a conversation (median of %d runs)\n", bench_runs);
  g_print ("  %-38s %10s %12s\n", "", "to frame", "resident");
  g_print ("  %-38s %10s %9.1f MB\n", "bare libadwaita window", "-", bare[0].value / 1024);
  g_print ("  %-38s %7.1f ms %9.1f MB\n", "steward, 2-message conversation", small[0].value, small[1].value / 1024);
  g_print ("  %-38s %7.1f ms %9.1f MB\n", "steward, 10,000-message conversation", big[0].value, big[1].value / 1024);
  g_print ("  goal: paint within 100 ms (%s); memory within 30 MB of the bare window (%+.1f MB: %s)\n",
           big[0].value >= 0 && big[0].value <= 100 ? "met" : "NOT met",
           (big[1].value - bare[0].value) / 1024,
           big[1].value - bare[0].value <= 30 * 1024 ? "met" : "NOT met");

  results[0].value = big[0].value;
  results[1].value = (big[1].value - bare[0].value) / 1024;

  return ok;
}

static gboolean
measure_stream (StewardStore *store,
                char        **env,
                const char   *fixtures,
                gsize         fixture_size,
                BenchFigure       *results)
{
  const char *steward_argv[] = { BENCH_STEWARD_PATH, NULL };
  BenchFigure full[] = { { "ms", 0 }, { "longest_frame_ms", 0 }, { "chars", 0 } };
  BenchFigure paced[] = { { "ms", 0 }, { "longest_frame_ms", 0 }, { "frames", 0 } };
  BenchFigure spinner[] = { { "longest_frame_ms", 0 }, { "frames", 0 } };
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *spinner_seconds = NULL;
  char **send_env = g_environ_setenv (g_strdupv (env), "STEWARD_BENCH_CHAT_SEND",
                                      "Write me a long answer", TRUE);
  gsize bytes_per_piece = fixture_size * PACED_TOKENS_S * PACE_DELAY_MS / 1000 / N_TOKENS;
  gboolean ok = TRUE;
  guint port;

  server = start_replay_server (fixtures, 0, 0, &port);
  use_replay_server (store, port, "bench_stream", NULL);
  bench_warm_up (steward_argv, send_env, "chat-stream");
  ok &= bench_measure (steward_argv, send_env, "chat-stream", NULL, full, G_N_ELEMENTS (full));
  g_subprocess_force_exit (server);
  g_clear_object (&server);

  server = start_replay_server (fixtures, MAX (bytes_per_piece, 1), PACE_DELAY_MS, &port);
  use_replay_server (store, port, "bench_stream", NULL);
  ok &= bench_measure (steward_argv, send_env, "chat-stream", NULL, paced, G_N_ELEMENTS (paced));
  g_subprocess_force_exit (server);
  g_clear_object (&server);
  g_strfreev (send_env);

  spinner_seconds = g_strdup_printf ("%.1f", MAX (paced[0].value / 1000.0, 1.0));
  {
    const char *spinner_argv[] = { BENCH_BASELINE_PATH, "--spinner", "--seconds", spinner_seconds, NULL };

    bench_warm_up (spinner_argv, env, "baseline");
    ok &= bench_measure (spinner_argv, env, "baseline", NULL, spinner, G_N_ELEMENTS (spinner));
  }

  g_print ("\nStreaming a %d-token reply (%zu kB of SSE; median of %d runs)\n",
           N_TOKENS, fixture_size / 1024, bench_runs);
  g_print ("  full speed: %.0f ms, %.0f tokens/s through parser -> store -> screen, longest frame %.1f ms\n",
           full[0].value, full[0].value > 0 ? N_TOKENS / (full[0].value / 1000.0) : -1, full[1].value);
  g_print ("  paced at %d tokens/s: %.0f ms, longest frame %.1f ms over %.0f frames\n",
           PACED_TOKENS_S, paced[0].value, paced[1].value, paced[2].value);
  g_print ("  window with only a spinner: longest frame %.1f ms over %.0f frames\n",
           spinner[0].value, spinner[1].value);
  g_print ("  goal: longest frame within 10%% of the spinner window's (%.2fx: %s)\n",
           spinner[0].value > 0 ? paced[1].value / spinner[0].value : -1,
           paced[1].value <= spinner[0].value * 1.10 ? "met" : "NOT met");

  results[0].value = full[0].value > 0 ? N_TOKENS / (full[0].value / 1000.0) : -1;
  results[1].value = spinner[0].value > 0 ? paced[1].value / spinner[0].value : -1;

  return ok;
}

/* -- a long session: running it ------------------------------------------ */

typedef struct
{
  GSubprocess *subprocess;
  char        *out;
  GError      *error;
  gboolean     finished;
  gboolean     timed_out;
} SessionRun;

static void
session_communicate_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  SessionRun *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (object), result, &run->out, NULL, &run->error);
  run->finished = TRUE;
}

static gboolean
session_timeout_cb (gpointer user_data)
{
  SessionRun *run = user_data;

  run->timed_out = TRUE;
  g_subprocess_force_exit (run->subprocess);

  return G_SOURCE_REMOVE;
}

/* Runs steward with @env to its end, or kills it after @timeout_s, and
 * returns all it printed. */
static char *
run_session (char       **env,
             const char  *wrapper,
             guint        timeout_s)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) wrapper_argv = NULL;
  SessionRun run = { NULL };
  guint timeout_id;

  /* A wrapper (a memory profiler) runs steward itself. */
  if (wrapper != NULL && !g_shell_parse_argv (wrapper, NULL, &wrapper_argv, &run.error))
    {
      g_printerr ("bench-chat: --session-wrapper: %s\n", run.error->message);
      g_clear_error (&run.error);
      return NULL;
    }
  for (guint i = 0; wrapper_argv != NULL && wrapper_argv[i] != NULL; i++)
    g_ptr_array_add (argv, g_strdup (wrapper_argv[i]));
  g_ptr_array_add (argv, g_strdup (BENCH_STEWARD_PATH));
  g_ptr_array_add (argv, NULL);

  g_subprocess_launcher_set_environ (launcher, env);
  if (!(run.subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *)argv->pdata, &run.error)))
    {
      g_printerr ("bench-chat: %s\n", run.error->message);
      g_clear_error (&run.error);
      return NULL;
    }

  timeout_id = g_timeout_add_seconds (timeout_s, session_timeout_cb, &run);
  g_subprocess_communicate_utf8_async (run.subprocess, NULL, NULL, session_communicate_cb, &run);
  while (!run.finished)
    g_main_context_iteration (NULL, TRUE);

  if (!run.timed_out)
    g_source_remove (timeout_id);
  else
    g_printerr ("bench-chat: the session had not ended after %u s\n", timeout_s);

  if (run.error != NULL)
    {
      g_printerr ("bench-chat: %s\n", run.error->message);
      g_clear_error (&run.error);
    }

  g_clear_object (&run.subprocess);
  return run.out;
}

/* One session of @turns in a data folder of its own (so every run starts
 * from the same empty store), answered by the replay server on @port.
 * Returns the "chat-session" line, or NULL. */
static char *
run_one_session (char      **env,
                 const char *tmp,
                 const char *name,
                 guint       port,
                 int         turns,
                 const char *wrapper,
                 char      **out_out)
{
  g_autofree char *data_dir = g_build_filename (tmp, name, NULL);
  g_autofree char *turns_arg = g_strdup_printf ("%d", turns);
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  char *line;
  char **run_env;

  if (!(store = steward_store_open (data_dir, &error)))
    g_error ("%s", error->message);
  use_replay_server (store, port, "bench_session", "bench_small");
  g_clear_object (&store);

  run_env = g_environ_setenv (g_strdupv (env), "STEWARD_DATA_DIR", data_dir, TRUE);
  run_env = g_environ_setenv (run_env, "STEWARD_BENCH_CHAT_SESSION", turns_arg, TRUE);
  if (opt_malloc_trim)
    run_env = g_environ_setenv (run_env, "STEWARD_BENCH_MALLOC_TRIM", "1", TRUE);

  /* A turn takes a fraction of a second here (a few under a profiler);
   * a stuck one must not hang the bench. */
  out = run_session (run_env, wrapper, (60 + 3 * turns) * (wrapper ? 5 : 1));
  g_strfreev (run_env);
  bench_remove_tree (data_dir);

  if (!(line = bench_find_line (out, "chat-session ")))
    g_printerr ("bench-chat: steward printed no “chat-session” line\n");
  else if (strstr (line, " error=") != NULL)
    g_printerr ("bench-chat: the session failed: %s\n", line);

  if (out_out != NULL)
    *out_out = g_steal_pointer (&out);

  return line;
}

static void
append_value (GArray *values,
              double  value)
{
  g_array_append_val (values, value);
}

static gboolean
measure_session (char      **env,
                 const char *tmp,
                 const char *fixtures,
                 BenchFigure     *results)
{
  const char *baseline_argv[] = { BENCH_BASELINE_PATH, "--seconds", "0.5",
                                  opt_malloc_trim ? "--malloc-trim" : NULL, NULL };
  BenchFigure bare[] = { { "rss_kb", 0 } };
  g_autoptr(GArray) first = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) half = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) end = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) last_half = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) seconds = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GSubprocess) server = NULL;
  g_autofree char *last_line = NULL;
  int half_turns = MAX (opt_session / 2, 1);
  double extra_mb, last_half_mb;
  gboolean ok = TRUE;
  guint port;

  server = start_replay_server (fixtures, 0, 0, &port);

  /* A short session first, not counted: what is built once per machine
   * is then in place for every run. */
  g_free (run_one_session (env, tmp, "session-warm-up", port, 2, NULL, NULL));

  for (int run = 0; run < bench_runs; run++)
    {
      g_autofree char *name = g_strdup_printf ("session-%d", run + 1);
      g_autofree char *out = NULL;
      g_autofree char *line = run_one_session (env, tmp, name, port, opt_session, opt_session_wrapper, &out);

      if (line == NULL || strstr (line, " error=") != NULL || bench_field (line, "turns") != opt_session)
        {
          ok = FALSE;
          break;
        }

      if (bench_field (line, "not_complete") > 0)
        g_printerr ("bench-chat: %.0f replies ended %s rather than complete\n",
                    bench_field (line, "not_complete"), strstr (line, " status=") + strlen (" status="));

      append_value (first, bench_field (line, "rss_first_kb") / 1024);
      append_value (half, bench_field (line, "rss_half_kb") / 1024);
      append_value (end, bench_field (line, "rss_kb") / 1024);
      append_value (last_half, (bench_field (line, "rss_kb") - bench_field (line, "rss_half_kb")) / 1024);
      append_value (seconds, bench_field (line, "ms") / 1000);

      g_print ("  run %d/%d: after reply 1 %.1f MB, %d %.1f MB, %d %.1f MB (last %d replies %+.1f MB); %.0f s\n",
               run + 1, bench_runs,
               bench_field (line, "rss_first_kb") / 1024,
               half_turns, bench_field (line, "rss_half_kb") / 1024,
               opt_session, bench_field (line, "rss_kb") / 1024,
               opt_session - half_turns, (bench_field (line, "rss_kb") - bench_field (line, "rss_half_kb")) / 1024,
               bench_field (line, "ms") / 1000);

      if (opt_verbose)
        {
          g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

          for (guint i = 0; lines[i] != NULL; i++)
            if (g_str_has_prefix (lines[i], "session-turn "))
              g_print ("    %s\n", lines[i]);
        }

      g_free (last_line);
      last_line = g_steal_pointer (&line);
    }

  g_subprocess_force_exit (server);

  bench_warm_up (baseline_argv, env, "baseline");
  ok &= bench_measure (baseline_argv, env, "baseline", NULL, bare, G_N_ELEMENTS (bare));

  if (!ok || end->len == 0)
    return FALSE;

  extra_mb = bench_median (end) - bare[0].value / 1024;
  last_half_mb = bench_median (last_half);

  g_print ("\nA long session: %d messages and their replies in one conversation (median of %d runs, %.0f s a run%s)\n",
           opt_session, bench_runs, bench_median (seconds), opt_malloc_trim ? "; malloc_trim (0) before each reading" : "");
  g_print ("  %-38s %12s\n", "", "resident");
  g_print ("  %-38s %9.1f MB\n", "bare libadwaita window", bare[0].value / 1024);
  g_print ("  %-38s %9.1f MB\n", "steward after reply 1", bench_median (first));
  {
    g_autofree char *label = g_strdup_printf ("steward after reply %d", half_turns);

    g_print ("  %-38s %9.1f MB\n", label, bench_median (half));
    g_free (label);
    label = g_strdup_printf ("steward after reply %d", opt_session);
    g_print ("  %-38s %9.1f MB\n", label, bench_median (end));
  }
  g_print ("  at the end (last run): the view's list holds %.0f messages in %.0f row widgets; "
           "malloc has %.1f MB in use and %.1f MB free\n",
           bench_field (last_line, "items"), bench_field (last_line, "rows"),
           bench_field (last_line, "heap_used_kb") / 1024, bench_field (last_line, "heap_free_kb") / 1024);
  g_print ("  goal: after %d replies within %.0f MB of the bare window (%+.1f MB: %s)\n",
           opt_session, SESSION_EXTRA_GOAL_MB, extra_mb, extra_mb <= SESSION_EXTRA_GOAL_MB ? "met" : "NOT met");
  g_print ("  goal: the last %d replies add less than %.0f MB (%+.1f MB: %s)\n",
           opt_session - half_turns, SESSION_HALF_GOAL_MB, last_half_mb,
           last_half_mb < SESSION_HALF_GOAL_MB ? "met" : "NOT met");

  results[0].value = extra_mb;
  results[1].value = last_half_mb;
  results[2].value = bench_median (seconds);

  return TRUE;
}


static gboolean
parse_session_option (const char  *name,
                      const char  *value,
                      gpointer     data,
                      GError     **error)
{
  guint64 turns = SESSION_DEFAULT_TURNS;

  if (value != NULL && !g_ascii_string_to_unsigned (value, 10, 2, 100000, &turns, NULL))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--session takes a number of messages from 2 to 100000, not “%s”", value);
      return FALSE;
    }

  opt_session = (int)turns;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's renderer is the figure that moves most under Xvfb: "gl" is
   * Mesa's llvmpipe there, rasterizing on the CPU, while "cairo" is what
   * a machine without a GPU is better served by (bench_renderers). */
  const GOptionEntry entries[] = {
    { "session", 's', G_OPTION_FLAG_OPTIONAL_ARG, G_OPTION_ARG_CALLBACK, parse_session_option,
      "Also type a long session of N messages (200 if no =N); with cairo unless --renderer says", "N" },
    { "session-only", 0, 0, G_OPTION_ARG_NONE, &opt_session_only, "Measure only the long session", NULL },
    { "malloc-trim", 0, 0, G_OPTION_ARG_NONE, &opt_malloc_trim,
      "In the session and its bare window, malloc_trim (0) before reading memory", NULL },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &opt_verbose, "Show the session's memory every 10 turns", NULL },
    { "session-wrapper", 0, 0, G_OPTION_ARG_STRING, &opt_session_wrapper,
      "Run the measured sessions' steward under this command, e.g. \"heaptrack -o FILE\"", "CMD" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- the Chat page under load");
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardStore) store = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *fixtures = NULL;
  g_autofree char *fixture = NULL;
  g_autofree char *big_id = NULL;
  g_autofree char *small_id = NULL;
  g_autoptr(GString) summary = g_string_new ("bench-chat");
  gint64 started;
  gsize fixture_size = 0;
  int status = 0;

  if (!bench_harness_parse (context, entries, &argc, &argv))
    return 2;
  if (opt_session_only && opt_session == 0)
    opt_session = SESSION_DEFAULT_TURNS;

  if (!(tmp = g_dir_make_tmp ("steward-bench-chat-XXXXXX", &error)))
    g_error ("%s", error->message);
  fixtures = g_build_filename (tmp, "fixtures", NULL);

  if (!(store = steward_store_open (tmp, &error)))
    g_error ("%s", error->message);

  if (!opt_session_only)
    {
      started = g_get_monotonic_time ();
      small_id = g_strdup_printf ("%" G_GINT64_FORMAT, fill_store (store, 2, "Two messages"));
      big_id = g_strdup_printf ("%" G_GINT64_FORMAT, fill_store (store, N_MESSAGES, "Ten thousand messages"));
      g_print ("# stored %d messages in %.1f s\n", N_MESSAGES, (g_get_monotonic_time () - started) / 1e6);

      fixture = write_stream_fixture (fixtures, &fixture_size);
    }
  if (opt_session > 0)
    write_session_fixtures (fixtures);

  for (guint r = 0; bench_renderers[r] != NULL; r++)
    {
      g_auto(GStrv) env = NULL;
      BenchFigure open[2] = { { "open_ms", 0 }, { "open_extra_mb", 0 } };
      BenchFigure stream[2] = { { "tokens_per_s", 0 }, { "frame_ratio", 0 } };
      BenchFigure session[3] = { { "session_extra_mb", 0 }, { "session_last_half_mb", 0 }, { "session_s", 0 } };
      gboolean with_session;

      if (bench_harness_skip_renderer (bench_renderers[r]))
        continue;

      /* The session takes minutes: by default only with the renderer
       * Steward picks here (and the issue measured with). */
      with_session = opt_session > 0 && (bench_renderer != NULL || g_str_equal (bench_renderers[r], "cairo"));
      if (opt_session_only && !with_session)
        continue;

      env = g_environ_setenv (bench_environ (tmp), "GSK_RENDERER", bench_renderers[r], TRUE);
      env = g_environ_setenv (env, "STEWARD_BENCH_KEY", "sk-bench", TRUE);

      g_print ("\n== GSK_RENDERER=%s\n", bench_renderers[r]);

      if (!opt_session_only)
        {
          if (!measure_open (env, small_id, big_id, open) ||
              !measure_stream (store, env, fixtures, fixture_size, stream))
            status = 1;

          g_string_append_printf (summary, " %s_open_ms=%.1f %s_open_extra_mb=%.1f %s_tokens_per_s=%.0f %s_frame_ratio=%.2f",
                                  bench_renderers[r], open[0].value, bench_renderers[r], open[1].value,
                                  bench_renderers[r], stream[0].value, bench_renderers[r], stream[1].value);
        }

      if (with_session)
        {
          gboolean measured = measure_session (env, tmp, fixtures, session);

          if (!measured)
            status = 1;

          for (guint f = 0; f < G_N_ELEMENTS (session); f++)
            {
              if (!measured)
                g_string_append_printf (summary, " %s_%s=nan", bench_renderers[r], session[f].key);
              else
                g_string_append_printf (summary, " %s_%s=%.1f", bench_renderers[r], session[f].key, session[f].value);
            }
        }
    }

  g_print ("\n%s\n", summary->str);

  g_clear_object (&store);
  bench_remove_tree (tmp);

  return status;
}
