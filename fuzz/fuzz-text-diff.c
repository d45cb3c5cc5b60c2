/* fuzz-text-diff.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-harness.h"
#include "steward-text-diff.h"

/* Two versions of a phase compared by steward_text_diff_new(). The input
 * is both texts, split at the first NUL byte, each made valid UTF-8 as
 * the store keeps text. The comparison must give both texts back (the
 * equal and deleted lines are the old text, the equal and inserted ones
 * the new), number the lines in order, highlight only ranges inside
 * their line and on character boundaries, and its hunks must cover every
 * change. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

static void
check_line (const StewardDiffLine *line)
{
  gsize len = strlen (line->text);
  gsize last_end = 0;

  if (line->highlights == NULL)
    return;

  if (line->kind == STEWARD_DIFF_EQUAL)
    fuzz_fail ("an equal line has highlights");

  for (guint k = 0; k < line->highlights->len; k++)
    {
      const StewardDiffRange *range = &g_array_index (line->highlights, StewardDiffRange, k);

      if (range->start >= range->end || range->start < last_end || range->end > len)
        fuzz_fail ("highlight %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " is out of place in a line of %" G_GSIZE_FORMAT " bytes",
                   range->start, range->end, len);
      if (!g_utf8_validate_len (line->text + range->start, range->end - range->start, NULL))
        fuzz_fail ("highlight %" G_GSIZE_FORMAT "-%" G_GSIZE_FORMAT " cuts a character",
                   range->start, range->end);
      last_end = range->end;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  const uint8_t *nul = memchr (data, '\0', size);
  gsize old_len = nul != NULL ? (gsize) (nul - data) : size;
  g_autofree char *old_text = g_utf8_make_valid ((const char *) data, old_len);
  g_autofree char *new_text = nul != NULL
    ? g_utf8_make_valid ((const char *) nul + 1, size - old_len - 1)
    : g_strdup ("");
  g_autoptr(StewardTextDiff) diff = steward_text_diff_new (old_text, new_text);
  g_autoptr(GArray) hunks = steward_text_diff_dup_hunks (diff, 2);
  g_autoptr(GString) old_out = g_string_new (NULL);
  g_autoptr(GString) new_out = g_string_new (NULL);
  g_autofree char *unified = NULL;
  GPtrArray *lines = steward_text_diff_get_lines (diff);
  guint old_n = 0, new_n = 0, changes = 0, covered = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      const StewardDiffLine *line = g_ptr_array_index (lines, i);

      if (line->kind != STEWARD_DIFF_INSERTED)
        {
          g_string_append_printf (old_out, "%s\n", line->text);
          if (line->old_line != ++old_n)
            fuzz_fail ("old line %u numbered %u", old_n, line->old_line);
        }
      if (line->kind != STEWARD_DIFF_DELETED)
        {
          g_string_append_printf (new_out, "%s\n", line->text);
          if (line->new_line != ++new_n)
            fuzz_fail ("new line %u numbered %u", new_n, line->new_line);
        }
      if (line->kind != STEWARD_DIFF_EQUAL)
        changes++;

      check_line (line);
    }

  /* The texts as lines: a missing last newline is no difference */
  if (old_text[0] != '\0' && !g_str_has_suffix (old_text, "\n"))
    g_string_truncate (old_out, old_out->len - 1);
  if (new_text[0] != '\0' && !g_str_has_suffix (new_text, "\n"))
    g_string_truncate (new_out, new_out->len - 1);
  if (strcmp (old_out->str, old_text) != 0)
    fuzz_fail ("the old text does not come back");
  if (strcmp (new_out->str, new_text) != 0)
    fuzz_fail ("the new text does not come back");

  for (guint h = 0; h < hunks->len; h++)
    {
      const StewardDiffHunk *hunk = &g_array_index (hunks, StewardDiffHunk, h);

      if (hunk->first + hunk->n_lines > lines->len)
        fuzz_fail ("a hunk reaches past the last line");
      for (guint c = hunk->first; c < hunk->first + hunk->n_lines; c++)
        if (((const StewardDiffLine *) g_ptr_array_index (lines, c))->kind != STEWARD_DIFF_EQUAL)
          covered++;
    }
  if (covered != changes)
    fuzz_fail ("the hunks hold %u of the %u changed lines", covered, changes);

  unified = steward_text_diff_to_unified (diff, "a", "b", 3);
  if ((unified[0] == '\0') != steward_text_diff_is_equal (diff))
    fuzz_fail ("the unified diff is empty for texts that differ, or not for equal ones");

  return 0;
}
