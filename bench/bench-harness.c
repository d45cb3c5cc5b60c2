/* bench-harness.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "bench-harness.h"

int bench_runs = 3;
char *bench_renderer = NULL;

const char * const bench_renderers[] = { "gl", "cairo", NULL };

/* Errors name the bench: g_option_context_parse() set it from argv[0]. */
static const char *
bench_name (void)
{
  const char *name = g_get_prgname ();

  return name != NULL ? name : "bench";
}

void
bench_harness_add_options (GOptionContext *context)
{
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &bench_runs, "Runs of each measurement (default 3)", "N" },
    { "renderer", 'r', 0, G_OPTION_ARG_STRING, &bench_renderer, "Only this GSK renderer (gl or cairo)", "NAME" },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
}

/* Parses the command line with --runs, --renderer and @entries
 * (nullable); FALSE after saying why not */
gboolean
bench_harness_parse (GOptionContext       *context,
                     const GOptionEntry   *entries,
                     int                  *argc,
                     char               ***argv)
{
  g_autoptr(GError) error = NULL;

  bench_harness_add_options (context);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  bench_runs = CLAMP (bench_runs, 1, 100);

  return TRUE;
}

gboolean
bench_harness_has_display (void)
{
  if (g_getenv ("DISPLAY") != NULL || g_getenv ("WAYLAND_DISPLAY") != NULL)
    return TRUE;

  g_printerr ("%s: no display (run it in build-aux/headless-session.sh)\n", bench_name ());
  return FALSE;
}

/* Whether --renderer asked for another one than @renderer */
gboolean
bench_harness_skip_renderer (const char *renderer)
{
  return bench_renderer != NULL && g_strcmp0 (bench_renderer, renderer) != 0;
}

char **
bench_environ (const char *data_dir)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "GSETTINGS_SCHEMA_DIR", BENCH_SCHEMA_DIR, TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  /* Nothing to find: the first-run probe must not wait on a real port. */
  env = g_environ_setenv (env, "STEWARD_OLLAMA_URL", "http://127.0.0.1:9", TRUE);
  if (data_dir != NULL)
    env = g_environ_setenv (env, "STEWARD_DATA_DIR", data_dir, TRUE);

  return env;
}

/* The first line of @out (nullable) starting with @tag, or NULL */
char *
bench_find_line (const char *out,
                 const char *tag)
{
  g_auto(GStrv) lines = g_strsplit (out ? out : "", "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], tag))
      return g_strdup (lines[i]);

  return NULL;
}

/* The environment for the children under @renderer, its heading
 * printed; NULL when --renderer asked for another one */
char **
bench_renderer_begin (const char *data_dir,
                      const char *renderer)
{
  if (bench_harness_skip_renderer (renderer))
    return NULL;

  g_print ("\n== GSK_RENDERER=%s\n", renderer);

  return g_environ_setenv (bench_environ (data_dir), "GSK_RENDERER", renderer, TRUE);
}

/* Appends " RENDERER_KEY=VALUE" for each of @figures to the last line,
 * the one for scripts: ratios with two decimals, the rest with one */
void
bench_summary_append (GString           *summary,
                      const char        *renderer,
                      const BenchFigure *figures,
                      guint              n_figures)
{
  for (guint f = 0; f < n_figures; f++)
    g_string_append_printf (summary, " %s_%s=%.*f", renderer, figures[f].key,
                            g_str_has_suffix (figures[f].key, "ratio") ? 2 : 1, figures[f].value);
}

/* Runs @argv to its end and returns the line starting with @tag. */
gboolean
bench_run_for_line (const char * const  *argv,
                    char               **env,
                    const char          *tag,
                    char               **line_out)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;

  g_subprocess_launcher_set_environ (launcher, env);
  if (!(subprocess = g_subprocess_launcher_spawnv (launcher, argv, &error)) ||
      !g_subprocess_communicate_utf8 (subprocess, NULL, NULL, &out, NULL, &error))
    {
      g_printerr ("%s: %s\n", bench_name (), error->message);
      return FALSE;
    }

  if ((*line_out = bench_find_line (out, tag)) != NULL)
    return TRUE;

  g_printerr ("%s: %s printed no “%s” line\n", bench_name (), argv[0], tag);
  return FALSE;
}

/* The value of @key=… in @line, or a negative number */
double
bench_field (const char *line,
             const char *key)
{
  g_autofree char *needle = g_strconcat (" ", key, "=", NULL);
  const char *p = strstr (line, needle);

  return p ? g_ascii_strtod (p + strlen (needle), NULL) : -1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* Sorts @values; -1 when there are none */
double
bench_median (GArray *values)
{
  if (values->len == 0)
    return -1;

  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}

/* Runs @argv bench_runs times and puts the median of each key in
 * @figures. With a @label, each run's line is printed with it, and a
 * run whose line has a status other than ok does not count. */
gboolean
bench_measure (const char * const  *argv,
               char               **env,
               const char          *tag,
               const char          *label,
               BenchFigure         *figures,
               guint                n_figures)
{
  g_autoptr(GPtrArray) samples = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  gboolean ok = TRUE;

  for (guint f = 0; f < n_figures; f++)
    g_ptr_array_add (samples, g_array_new (FALSE, FALSE, sizeof (double)));

  for (int run = 0; run < bench_runs; run++)
    {
      g_autofree char *line = NULL;

      if (!bench_run_for_line (argv, env, tag, &line))
        {
          ok = FALSE;
          continue;
        }

      if (label != NULL)
        {
          g_print ("  run %d/%d  %-8s %s\n", run + 1, bench_runs, label, line + strlen (tag));
          if (strstr (line, " status=") != NULL && strstr (line, " status=ok") == NULL)
            {
              ok = FALSE;
              continue;
            }
        }

      for (guint f = 0; f < n_figures; f++)
        {
          double value = bench_field (line, figures[f].key);

          g_array_append_val (g_ptr_array_index (samples, f), value);
        }
    }

  for (guint f = 0; f < n_figures; f++)
    figures[f].value = bench_median (g_ptr_array_index (samples, f));

  return ok;
}

/* One unmeasured run, so that what a program builds once per machine
 * (Mesa's shader cache under the GL renderer, the font cache) is in place
 * before the runs that count, for every program alike. */
void
bench_warm_up (const char * const  *argv,
               char               **env,
               const char          *tag)
{
  g_autofree char *line = NULL;

  bench_run_for_line (argv, env, tag, &line);
}

void
bench_remove_tree (const char *path)
{
  const char *rm_argv[] = { "rm", "-rf", path, NULL };

  g_spawn_sync (NULL, (char **)rm_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
}
