/* test-text-diff.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "steward-text-diff.h"

/* Comparing two versions of a phase (steward-text-diff.c): the lines
 * and, inside replaced lines, the words that changed. */

/* One letter per line: ' ' equal, '-' deleted, '+' inserted */
static char *
kinds (StewardTextDiff *diff)
{
  GPtrArray *lines = steward_text_diff_get_lines (diff);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < lines->len; i++)
    {
      StewardDiffLine *line = g_ptr_array_index (lines, i);

      g_string_append_c (out, line->kind == STEWARD_DIFF_EQUAL ? '=' :
                              line->kind == STEWARD_DIFF_DELETED ? '-' : '+');
    }

  return g_string_free (out, FALSE);
}

/* The old text from the equal and deleted lines, the new one from the
 * equal and inserted ones: a diff must give both back exactly, with the
 * line numbers in order. */
static void
assert_rebuilds (StewardTextDiff *diff,
                 const char      *old_text,
                 const char      *new_text)
{
  GPtrArray *lines = steward_text_diff_get_lines (diff);
  g_autoptr(GString) old_out = g_string_new (NULL);
  g_autoptr(GString) new_out = g_string_new (NULL);
  guint old_n = 0, new_n = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      StewardDiffLine *line = g_ptr_array_index (lines, i);

      if (line->kind != STEWARD_DIFF_INSERTED)
        {
          g_string_append_printf (old_out, "%s\n", line->text);
          g_assert_cmpuint (line->old_line, ==, ++old_n);
        }
      else
        g_assert_cmpuint (line->old_line, ==, 0);

      if (line->kind != STEWARD_DIFF_DELETED)
        {
          g_string_append_printf (new_out, "%s\n", line->text);
          g_assert_cmpuint (line->new_line, ==, ++new_n);
        }
      else
        g_assert_cmpuint (line->new_line, ==, 0);

      if (line->highlights != NULL)
        {
          gsize last_end = 0;

          g_assert_cmpuint (line->kind, !=, STEWARD_DIFF_EQUAL);
          for (guint k = 0; k < line->highlights->len; k++)
            {
              StewardDiffRange *range = &g_array_index (line->highlights, StewardDiffRange, k);

              g_assert_cmpuint (range->start, <, range->end);
              g_assert_cmpuint (range->start, >=, last_end);
              g_assert_cmpuint (range->end, <=, strlen (line->text));
              last_end = range->end;
            }
        }
    }

  g_assert_cmpstr (old_out->str, ==, old_text);
  g_assert_cmpstr (new_out->str, ==, new_text);
}

static char *
highlighted (StewardDiffLine *line)
{
  GString *out = g_string_new (NULL);

  for (guint k = 0; line->highlights != NULL && k < line->highlights->len; k++)
    {
      StewardDiffRange *range = &g_array_index (line->highlights, StewardDiffRange, k);

      if (k > 0)
        g_string_append_c (out, '|');
      g_string_append_len (out, line->text + range->start, range->end - range->start);
    }

  return g_string_free (out, FALSE);
}

static void
test_lines (void)
{
  const char *old_text = "one\ntwo\nthree\nfour\nfive\n";
  const char *new_text = "one\nthree\nfour\nfour and a half\nfive\nsix\n";
  g_autoptr(StewardTextDiff) diff = steward_text_diff_new (old_text, new_text);
  g_autofree char *k = kinds (diff);

  g_assert_cmpstr (k, ==, "=-==+=+");
  g_assert_cmpuint (steward_text_diff_get_n_deleted (diff), ==, 1);
  g_assert_cmpuint (steward_text_diff_get_n_inserted (diff), ==, 2);
  g_assert_false (steward_text_diff_is_equal (diff));
  g_assert_false (steward_text_diff_is_approximate (diff));
  assert_rebuilds (diff, old_text, new_text);
}

static void
test_words (void)
{
  const char *old_text = "Intro\nThe quick brown fox jumps over the lazy dog.\nEnd\n";
  const char *new_text = "Intro\nThe quick red fox leaps over the lazy dog!\nEnd\n";
  g_autoptr(StewardTextDiff) diff = steward_text_diff_new (old_text, new_text);
  GPtrArray *lines = steward_text_diff_get_lines (diff);
  g_autofree char *k = kinds (diff);
  g_autofree char *old_words = NULL;
  g_autofree char *new_words = NULL;

  g_assert_cmpstr (k, ==, "=-+=");
  assert_rebuilds (diff, old_text, new_text);

  old_words = highlighted (g_ptr_array_index (lines, 1));
  new_words = highlighted (g_ptr_array_index (lines, 2));
  g_assert_cmpstr (old_words, ==, "brown|jumps|.");
  g_assert_cmpstr (new_words, ==, "red|leaps|!");

  /* Neighbouring changed words make one highlight */
  {
    g_autoptr(StewardTextDiff) joined = steward_text_diff_new ("a b c d e\n", "a x y d e\n");
    GPtrArray *joined_lines = steward_text_diff_get_lines (joined);
    g_autofree char *o = highlighted (g_ptr_array_index (joined_lines, 0));
    g_autofree char *n = highlighted (g_ptr_array_index (joined_lines, 1));

    g_assert_cmpstr (o, ==, "b c");
    g_assert_cmpstr (n, ==, "x y");
  }

  /* UTF-8: the ranges are bytes, on character boundaries */
  {
    g_autoptr(StewardTextDiff) accents = steward_text_diff_new ("Größe über alles\n", "Größe unter alles\n");
    GPtrArray *accent_lines = steward_text_diff_get_lines (accents);
    g_autofree char *o = highlighted (g_ptr_array_index (accent_lines, 0));
    g_autofree char *n = highlighted (g_ptr_array_index (accent_lines, 1));

    g_assert_cmpstr (o, ==, "über");
    g_assert_cmpstr (n, ==, "unter");
  }

  /* A line replaced by one with nothing in common has no word
   * highlights: it changed throughout */
  {
    g_autoptr(StewardTextDiff) other = steward_text_diff_new ("alpha beta\n", "gamma delta\n");
    GPtrArray *other_lines = steward_text_diff_get_lines (other);

    g_assert_null (((StewardDiffLine *) g_ptr_array_index (other_lines, 0))->highlights);
    g_assert_null (((StewardDiffLine *) g_ptr_array_index (other_lines, 1))->highlights);
  }
}

static void
test_identical_and_empty (void)
{
  const char *text = "# Title\n\nSome text.\n";
  g_autoptr(StewardTextDiff) same = steward_text_diff_new (text, text);
  g_autoptr(StewardTextDiff) empty = steward_text_diff_new ("", NULL);
  g_autoptr(StewardTextDiff) from_empty = steward_text_diff_new ("", "a\nb\n");
  g_autoptr(StewardTextDiff) to_empty = steward_text_diff_new ("a\nb\n", "");
  g_autoptr(StewardTextDiff) newline = steward_text_diff_new ("a\nb", "a\nb\n");
  g_autofree char *same_kinds = kinds (same);
  g_autofree char *from_kinds = kinds (from_empty);
  g_autofree char *to_kinds = kinds (to_empty);
  g_autofree char *unified = steward_text_diff_to_unified (same, "a", "b", 3);

  g_assert_true (steward_text_diff_is_equal (same));
  g_assert_cmpstr (same_kinds, ==, "===");
  g_assert_cmpstr (unified, ==, "");
  assert_rebuilds (same, text, text);

  g_assert_true (steward_text_diff_is_equal (empty));
  g_assert_cmpuint (steward_text_diff_get_lines (empty)->len, ==, 0);

  g_assert_cmpstr (from_kinds, ==, "++");
  g_assert_cmpstr (to_kinds, ==, "--");
  assert_rebuilds (from_empty, "", "a\nb\n");
  assert_rebuilds (to_empty, "a\nb\n", "");

  /* A missing last newline is no difference */
  g_assert_true (steward_text_diff_is_equal (newline));
}

static void
test_unified (void)
{
  const char *old_text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
  const char *new_text = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
  g_autoptr(StewardTextDiff) diff = steward_text_diff_new (old_text, new_text);
  g_autofree char *unified = steward_text_diff_to_unified (diff, "version 1", "version 2", 3);
  g_autofree char *old_path = NULL;
  g_autofree char *new_path = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steward-diff-XXXXXX", NULL);
  g_autofree char *out = NULL;
  const char *argv[] = { "diff", "-u", "--label", "version 1", "--label", "version 2", NULL, NULL, NULL };
  int status;

  g_assert_cmpstr (unified, ==,
                   "--- version 1\n"
                   "+++ version 2\n"
                   "@@ -2,7 +2,7 @@\n"
                   " 2\n"
                   " 3\n"
                   " 4\n"
                   "-5\n"
                   "+five\n"
                   " 6\n"
                   " 7\n"
                   " 8\n"
                   "@@ -13,3 +13,4 @@\n"
                   " 13\n"
                   " 14\n"
                   " 15\n"
                   "+16\n");

  /* The same as GNU diff prints */
  old_path = g_build_filename (dir, "old", NULL);
  new_path = g_build_filename (dir, "new", NULL);
  g_assert_true (g_file_set_contents (old_path, old_text, -1, NULL));
  g_assert_true (g_file_set_contents (new_path, new_text, -1, NULL));
  argv[6] = old_path;
  argv[7] = new_path;
  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, NULL))
    g_assert_cmpstr (out, ==, unified);
  else
    g_test_message ("diff is not installed: not compared with GNU diff");

  g_unlink (old_path);
  g_unlink (new_path);
  g_rmdir (dir);
}

static void
test_hunks (void)
{
  const char *old_text = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n";
  const char *new_text = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n";
  g_autoptr(StewardTextDiff) diff = steward_text_diff_new (old_text, new_text);
  g_autoptr(GArray) hunks = steward_text_diff_dup_hunks (diff, 3);
  g_autoptr(GArray) wide = steward_text_diff_dup_hunks (diff, 5);
  g_autoptr(StewardTextDiff) first = steward_text_diff_new ("a\nb\n", "x\na\nb\n");
  g_autoptr(GArray) first_hunks = steward_text_diff_dup_hunks (first, 0);
  g_autofree char *first_unified = steward_text_diff_to_unified (first, "a", "b", 0);
  g_autoptr(StewardTextDiff) same = steward_text_diff_new ("a\n", "a\n");
  g_autoptr(GArray) no_hunks = steward_text_diff_dup_hunks (same, 3);
  const StewardDiffHunk *h;

  g_assert_cmpuint (hunks->len, ==, 2);
  h = &g_array_index (hunks, StewardDiffHunk, 0);
  g_assert_cmpuint (h->first, ==, 1);
  g_assert_cmpuint (h->n_lines, ==, 8);
  g_assert_cmpuint (h->old_start, ==, 2);
  g_assert_cmpuint (h->old_count, ==, 7);
  g_assert_cmpuint (h->new_start, ==, 2);
  g_assert_cmpuint (h->new_count, ==, 7);
  h = &g_array_index (hunks, StewardDiffHunk, 1);
  g_assert_cmpuint (h->first, ==, 13);
  g_assert_cmpuint (h->n_lines, ==, 4);
  g_assert_cmpuint (h->old_start, ==, 13);
  g_assert_cmpuint (h->old_count, ==, 3);
  g_assert_cmpuint (h->new_start, ==, 13);
  g_assert_cmpuint (h->new_count, ==, 4);

  /* Changes ten lines apart share a hunk with five lines of context */
  g_assert_cmpuint (wide->len, ==, 1);

  /* A line added at the very start: the old side is empty, at line 0 */
  g_assert_cmpuint (first_hunks->len, ==, 1);
  h = &g_array_index (first_hunks, StewardDiffHunk, 0);
  g_assert_cmpuint (h->old_start, ==, 0);
  g_assert_cmpuint (h->old_count, ==, 0);
  g_assert_cmpuint (h->new_start, ==, 1);
  g_assert_cmpuint (h->new_count, ==, 1);
  g_assert_cmpstr (first_unified, ==, "--- a\n+++ b\n@@ -0,0 +1 @@\n+x\n");

  g_assert_cmpuint (no_hunks->len, ==, 0);
}

/* Twenty thousand words in paragraphs of about a hundred, as a phase
 * holds them */
static char *
make_long_text (guint32 seed)
{
  static const char *words[] = {
    "the", "project", "phase", "goal", "audience", "draft", "version", "report",
    "needs", "clear", "messages", "with", "research", "notes", "and", "budget",
    "timeline", "risk", "review", "summary",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append (out, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      if (i % 100 == 99)
        g_string_append (out, ".\n\n");
      else if (i % 10 == 9)
        g_string_append (out, ",\n");
      else
        g_string_append_c (out, ' ');
    }

  return g_string_free (out, FALSE);
}

static void
test_long_text (void)
{
  g_autofree char *old_text = make_long_text (7);
  g_autoptr(GString) edited = g_string_new (old_text);
  g_autoptr(StewardTextDiff) diff = NULL;
  gint64 start, elapsed;
  g_autofree char *unified = NULL;

  /* A few edits: a word changed, a line inserted, a line deleted */
  g_string_insert (edited, edited->len / 4, "inserted words ");
  g_string_insert (edited, strchr (edited->str + edited->len / 2, '\n') + 1 - edited->str,
                   "A new line here.\n");
  {
    char *third = strchr (edited->str + 3 * edited->len / 4, '\n');
    char *next = strchr (third + 1, '\n');

    g_string_erase (edited, third - edited->str, next - third);
  }

  start = g_get_monotonic_time ();
  diff = steward_text_diff_new (old_text, edited->str);
  elapsed = g_get_monotonic_time () - start;

  g_test_message ("20,000 words compared in %.1f ms", elapsed / 1000.0);
  assert_rebuilds (diff, old_text, edited->str);
  g_assert_false (steward_text_diff_is_approximate (diff));
  g_assert_cmpuint (steward_text_diff_get_n_deleted (diff), <=, 3);
  g_assert_cmpuint (steward_text_diff_get_n_inserted (diff), <=, 3);

  /* The goal is well under 100 ms; this bound leaves room for a loaded
   * machine and AddressSanitizer, and still fails a quadratic slip */
  g_assert_cmpint (elapsed, <, G_USEC_PER_SEC);

  unified = steward_text_diff_to_unified (diff, "a", "b", 3);
  g_assert_nonnull (strstr (unified, "+A new line here."));
  g_assert_nonnull (strstr (unified, "inserted words "));
}

/* Texts that differ everywhere, where Myers' search is quadratic: the
 * budget stops it and the rest is replaced whole, still correct */
static void
test_pathological (void)
{
  GString *old_text = g_string_new (NULL);
  GString *new_text = g_string_new (NULL);
  g_autoptr(StewardTextDiff) diff = NULL;
  g_autoptr(StewardTextDiff) long_line = NULL;
  gint64 start, elapsed;

  for (guint i = 0; i < 60000; i++)
    {
      g_string_append_printf (old_text, "old line %u\n", i);
      g_string_append_printf (new_text, i % 2 ? "new line %u\n" : "old line %u\n", i * 7 + 1);
    }

  start = g_get_monotonic_time ();
  diff = steward_text_diff_new (old_text->str, new_text->str);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("60,000 lines differing everywhere compared in %.1f ms", elapsed / 1000.0);

  assert_rebuilds (diff, old_text->str, new_text->str);
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);

  /* One huge line each, all different words: the word comparison is
   * bounded too */
  g_string_truncate (old_text, 0);
  g_string_truncate (new_text, 0);
  for (guint i = 0; i < 50000; i++)
    {
      g_string_append_printf (old_text, "a%u ", i);
      g_string_append_printf (new_text, "b%u ", i % 3 ? i : i + 1);
    }
  g_string_append (old_text, "same\n");
  g_string_append (new_text, "same\n");

  start = g_get_monotonic_time ();
  long_line = steward_text_diff_new (old_text->str, new_text->str);
  elapsed = g_get_monotonic_time () - start;
  g_test_message ("one line of 50,000 different words compared in %.1f ms", elapsed / 1000.0);

  assert_rebuilds (long_line, old_text->str, new_text->str);
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);

  g_string_free (old_text, TRUE);
  g_string_free (new_text, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/text-diff/lines", test_lines);
  g_test_add_func ("/steward/text-diff/words", test_words);
  g_test_add_func ("/steward/text-diff/identical-and-empty", test_identical_and_empty);
  g_test_add_func ("/steward/text-diff/unified", test_unified);
  g_test_add_func ("/steward/text-diff/hunks", test_hunks);
  g_test_add_func ("/steward/text-diff/long-text", test_long_text);
  g_test_add_func ("/steward/text-diff/pathological", test_pathological);

  return g_test_run ();
}
