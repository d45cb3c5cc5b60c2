/* bench-harness.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What the benches that start the real app share: the children's
 * environment, a figure line read from a child, medians of several
 * runs, and the GSK renderers each comparison runs under.
 *
 * A child prints its figures as one line, "TAG key=value key=value …";
 * BenchFigure names one key and receives its median. */

typedef struct
{
  const char *key;
  double      value;
} BenchFigure;

/* --runs and --renderer, set by the options of
 * bench_harness_add_options() */
extern int   bench_runs;
extern char *bench_renderer;

/* The renderers measured, NULL-terminated: under Xvfb "gl" is Mesa's
 * llvmpipe, "cairo" what Steward picks there. Both programs of each
 * comparison run with the same one. */
extern const char * const bench_renderers[];

void      bench_harness_add_options   (GOptionContext      *context);
gboolean  bench_harness_parse         (GOptionContext      *context,
                                       const GOptionEntry  *entries,
                                       int                 *argc,
                                       char              ***argv);
gboolean  bench_harness_has_display   (void);
gboolean  bench_harness_skip_renderer (const char          *renderer);

/* The environment for the children: settings in memory, the schemas of
 * the build, no Ollama to find, @data_dir (nullable) as the data folder */
char    **bench_environ               (const char          *data_dir);
char    **bench_renderer_begin        (const char          *data_dir,
                                       const char          *renderer);
void      bench_summary_append        (GString             *summary,
                                       const char          *renderer,
                                       const BenchFigure   *figures,
                                       guint                n_figures);

char     *bench_find_line             (const char          *out,
                                       const char          *tag);
gboolean  bench_run_for_line          (const char * const  *argv,
                                       char               **env,
                                       const char          *tag,
                                       char               **line_out);
double    bench_field                 (const char          *line,
                                       const char          *key);
double    bench_median                (GArray              *values);
gboolean  bench_measure               (const char * const  *argv,
                                       char               **env,
                                       const char          *tag,
                                       const char          *label,
                                       BenchFigure         *figures,
                                       guint                n_figures);
void      bench_warm_up               (const char * const  *argv,
                                       char               **env,
                                       const char          *tag);
void      bench_remove_tree           (const char          *path);

G_END_DECLS
