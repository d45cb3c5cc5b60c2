/* bench-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Document export at book length, beside baselines measured in the same
 * run:
 *
 * 1. Generate a 150,000-word project of 14 sections (headings,
 *    paragraphs with emphasis, code and links, nested lists, tables, code
 *    blocks), as one Markdown file per section and as one whole Markdown
 *    file for the baselines (section titles as "#", body headings one
 *    level down, as the writers show them).
 * 2. For each writer: export the project with it in a child process
 *    (this program again, with --child), which reports its own time and
 *    its peak memory (VmHWM), and time its baseline on the same text:
 *    PDF beside LibreOffice converting pandoc's DOCX of the project
 *    (`soffice --headless --convert-to pdf`); DOCX beside pandoc
 *    (Markdown → DOCX). LibreOffice is warmed up once first, on a
 *    profile of its own, so its first-start cost is not counted.
 *
 * Goals: PDF ≤ 0.25× LibreOffice, DOCX ≤ 0.1× pandoc, peak memory under
 * 200 MB. Benches report; they never gate CI. The exit status says only
 * whether the measurement itself worked.
 */

#define G_LOG_DOMAIN "steward-bench-export"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "bench-harness.h"
#include "bench-markdown.h"
#include "steward-docx-writer.h"
#include "steward-export-job.h"
#include "steward-pdf-writer.h"

#define SEED       20261207
#define N_SECTIONS 14

static int opt_words = 150000;
static int opt_runs = 3;
static char *opt_child = NULL;
static char *opt_keep = NULL;

/* The writers measured. To add one, give it a line: its name (the
 * --child argument and the file's extension), its StewardExportWriteFunc
 * and its baseline. */
typedef enum {
  BASELINE_LIBREOFFICE_PDF,
  BASELINE_PANDOC,
} Baseline;

typedef struct
{
  const char             *name;
  StewardExportWriteFunc  write;
  Baseline                baseline;
  double                  goal;
} Writer;

static const Writer writers[] = {
  { "docx", steward_docx_write, BASELINE_PANDOC, 0.1 },
  { "pdf", steward_pdf_write, BASELINE_LIBREOFFICE_PDF, 0.25 },
};

static const char *const baseline_names[] = {
  [BASELINE_LIBREOFFICE_PDF] = "LibreOffice (pandoc DOCX->PDF)",
  [BASELINE_PANDOC] = "pandoc (Markdown->DOCX)",
};

/* -- the project ---------------------------------------------------------- */

/* Body headings one level down, as the writers show them */
static void
append_shifted (GString    *out,
                const char *body)
{
  g_auto(GStrv) lines = g_strsplit (body, "\n", -1);
  gboolean fenced = FALSE;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "```"))
        fenced = !fenced;
      if (!fenced && lines[i][0] == '#')
        g_string_append_c (out, '#');
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
}

static void
write_project (const char *dir)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GString) whole = g_string_new ("---\ntitle: Benchmark Project\nauthor: Steward Bench\n---\n\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *whole_path = g_build_filename (dir, "project.md", NULL);

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autofree char *body = bench_markdown_make (rand, opt_words / N_SECTIONS);
      g_autofree char *name = g_strdup_printf ("section-%02u.md", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (!g_file_set_contents (path, body, -1, &error))
        g_error ("%s", error->message);
      g_string_append_printf (whole, "# Phase %u\n\n", i + 1);
      append_shifted (whole, body);
    }

  if (!g_file_set_contents (whole_path, whole->str, whole->len, &error))
    g_error ("%s", error->message);
}

/* -- the child: one export ---------------------------------------------- */

static glong
peak_memory_kb (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");

  return line != NULL ? atol (line + strlen ("VmHWM:")) : -1;
}

static int
run_child (const char *writer_name,
           const char *dir)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Benchmark Project");
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autoptr(GFile) file = NULL;
  const Writer *writer = NULL;
  gint64 start;

  for (guint i = 0; i < G_N_ELEMENTS (writers); i++)
    if (g_str_equal (writers[i].name, writer_name))
      writer = &writers[i];
  if (writer == NULL)
    {
      g_printerr ("No writer named %s\n", writer_name);
      return 2;
    }

  steward_export_source_set_author (source, "Steward Bench");
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autofree char *name = g_strdup_printf ("section-%02u.md", i + 1);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autofree char *title = g_strdup_printf ("Phase %u", i + 1);
      g_autofree char *body = NULL;

      if (!g_file_get_contents (path, &body, NULL, &error))
        g_error ("%s", error->message);
      steward_export_source_add_section (source, title, body);
    }

  output = g_strdup_printf ("%s/steward.%s", dir, writer->name);
  file = g_file_new_for_path (output);

  start = g_get_monotonic_time ();
  if (!steward_export_job_run (file, writer->write, source, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  g_print ("time_ms=%.1f peak_kb=%ld\n", (g_get_monotonic_time () - start) / 1000.0, peak_memory_kb ());

  return 0;
}

/* -- the parent ----------------------------------------------------------- */

/* Runs @argv, returning its wall time in ms (its stdout in @out), or a
 * negative number when it failed */
static double
time_command (const char *const  *argv,
              const char         *cwd,
              char              **out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  g_autofree char *ignored = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (cwd, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                     out != NULL ? out : &ignored, &err, &status, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return -1;
    }
  if (!g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s\n%s\n", argv[0], error->message, err);
      return -1;
    }

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_baseline (Baseline    baseline,
               const char *dir)
{
  g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", dir);
  const char *pandoc[] = { "pandoc", "project.md", "-o", "project.docx", NULL };
  const char *soffice[] = { "soffice", profile, "--headless", "--convert-to", "pdf",
                            "--outdir", "lo", "project.docx", NULL };

  switch (baseline)
    {
    case BASELINE_PANDOC:
      return time_command (pandoc, dir, NULL);

    case BASELINE_LIBREOFFICE_PDF:
      return time_command (soffice, dir, NULL);

    default:
      g_assert_not_reached ();
    }
}

static gboolean
pdf_pages (const char *path,
           int        *pages)
{
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  const char *line;

  if (time_command (argv, NULL, &out) < 0 || (line = strstr (out, "Pages:")) == NULL)
    return FALSE;
  *pages = atoi (line + strlen ("Pages:"));

  return TRUE;
}

static int
run_parent (const char *self_path)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  double pandoc_ms;
  gboolean failed = FALSE;

  dir = opt_keep != NULL ? g_strdup (opt_keep) : g_dir_make_tmp ("steward-bench-export-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  g_mkdir_with_parents (dir, 0700);

  write_project (dir);
  g_print ("Project: %d words in %d sections, in %s\n", opt_words, N_SECTIONS, dir);

  /* pandoc's DOCX is LibreOffice's input; its first run warms the caches */
  pandoc_ms = time_baseline (BASELINE_PANDOC, dir);
  if (pandoc_ms < 0)
    return 1;
  {
    const char *warm[] = { "soffice", NULL, "--headless", "--convert-to", "pdf",
                           "--outdir", "lo", "project.docx", NULL };
    g_autofree char *profile = g_strdup_printf ("-env:UserInstallation=file://%s/lo-profile", dir);

    warm[1] = profile;
    if (time_command (warm, dir, NULL) < 0)
      return 1;
  }

  g_print ("\n%-6s %12s %12s %10s %30s %12s %7s\n", "writer", "steward ms", "process ms",
           "peak MB", "baseline", "baseline ms", "ratio");

  for (guint w = 0; w < G_N_ELEMENTS (writers); w++)
    {
      const Writer *writer = &writers[w];
      g_autoptr(GArray) own = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) process = g_array_new (FALSE, FALSE, sizeof (double));
      g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
      double peak_kb = 0;
      double ratio;

      /* Taking turns, so a load spike hits both */
      for (int run = 0; run < opt_runs; run++)
        {
          const char *argv[] = { self_path, "--child", writer->name, dir, NULL };
          g_autofree char *out = NULL;
          double ms, own_ms = -1;
          long kb = -1;

          ms = time_command (argv, NULL, &out);
          if (ms < 0 || sscanf (out, "time_ms=%lf peak_kb=%ld", &own_ms, &kb) != 2)
            {
              failed = TRUE;
              break;
            }
          g_array_append_val (own, own_ms);
          g_array_append_val (process, ms);
          peak_kb = MAX (peak_kb, kb);

          ms = time_baseline (writer->baseline, dir);
          if (ms < 0)
            {
              failed = TRUE;
              break;
            }
          g_array_append_val (baseline, ms);
        }

      if (failed)
        break;

      ratio = bench_median (process) / bench_median (baseline);
      g_print ("%-6s %12.0f %12.0f %10.1f %30s %12.0f %6.3fx  (goal <= %.2fx: %s)\n",
               writer->name, bench_median (own), bench_median (process), peak_kb / 1024,
               baseline_names[writer->baseline], bench_median (baseline), ratio, writer->goal,
               ratio <= writer->goal && peak_kb < 200 * 1024 ? "met" : "missed");

      if (g_str_equal (writer->name, "pdf"))
        {
          g_autofree char *ours = g_build_filename (dir, "steward.pdf", NULL);
          g_autofree char *theirs = g_build_filename (dir, "lo", "project.pdf", NULL);
          int our_pages = 0, their_pages = 0;

          if (pdf_pages (ours, &our_pages) && pdf_pages (theirs, &their_pages))
            g_print ("       pages: steward %d, LibreOffice %d\n", our_pages, their_pages);
        }
    }

  g_print ("\n(median of %d runs; \"process\" is the child's whole life, start-up included,\n"
           " as the baseline's is; peak memory is the child's VmHWM; goal: under 200 MB)\n",
           opt_runs);

  if (opt_keep == NULL)
    {
      g_autofree char *command = g_strdup_printf ("rm -rf '%s'", dir);

      if (system (command) != 0)
        g_printerr ("Could not remove %s\n", dir);
    }

  return failed ? 1 : 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "words", 0, 0, G_OPTION_ARG_INT, &opt_words, "Words in the project (150000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each writer and baseline (3)", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &opt_keep, "Work in DIR and keep it", "DIR" },
    { "child", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_child, NULL, NULL },
    { NULL }
  };

  context = g_option_context_new ("- time the document export beside LibreOffice and pandoc");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (opt_child != NULL)
    {
      if (argc != 2)
        return 2;
      return run_child (opt_child, argv[1]);
    }

  return run_parent (argv[0]);
}
