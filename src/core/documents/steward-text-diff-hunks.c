/* steward-text-diff-hunks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-text-diff.h"

/* A comparison cut into hunks, the changes with some equal lines around
 * them, as `diff -u` cuts it: two changes closer than twice the context
 * share a hunk. */

GArray *
steward_text_diff_dup_hunks (StewardTextDiff *self,
                             guint            context)
{
  GArray *hunks;
  GPtrArray *lines;
  guint k = 0;
  /* Lines of each text before line k */
  guint old_before = 0, new_before = 0;

  g_return_val_if_fail (self != NULL, NULL);

  hunks = g_array_new (FALSE, FALSE, sizeof (StewardDiffHunk));
  lines = steward_text_diff_get_lines (self);

  while (k < lines->len)
    {
      StewardDiffHunk hunk = { 0 };
      guint first_change, end, last_change;

      /* The next change, and where its hunk starts */
      for (first_change = k; first_change < lines->len; first_change++)
        if (((StewardDiffLine *) g_ptr_array_index (lines, first_change))->kind != STEWARD_DIFF_EQUAL)
          break;
      if (first_change == lines->len)
        break;

      hunk.first = first_change > k + context ? first_change - context : k;
      old_before += hunk.first - k;
      new_before += hunk.first - k;

      /* The hunk goes on while the equal stretches between changes are
       * no longer than two contexts */
      last_change = first_change;
      for (guint c = first_change; c < lines->len; c++)
        {
          StewardDiffLine *line = g_ptr_array_index (lines, c);

          if (line->kind != STEWARD_DIFF_EQUAL)
            last_change = c;
          else if (c - last_change > 2 * context)
            break;
        }
      end = MIN (lines->len, last_change + context + 1);
      hunk.n_lines = end - hunk.first;

      for (guint c = hunk.first; c < end; c++)
        {
          StewardDiffLine *line = g_ptr_array_index (lines, c);

          if (line->kind != STEWARD_DIFF_INSERTED)
            hunk.old_count++;
          if (line->kind != STEWARD_DIFF_DELETED)
            hunk.new_count++;
        }

      /* As diff writes them: an empty side starts at the line before */
      hunk.old_start = hunk.old_count > 0 ? old_before + 1 : old_before;
      hunk.new_start = hunk.new_count > 0 ? new_before + 1 : new_before;
      g_array_append_val (hunks, hunk);

      old_before += hunk.old_count;
      new_before += hunk.new_count;
      k = end;
    }

  return hunks;
}

static void
append_range (GString *out,
              guint    start,
              guint    count)
{
  if (count == 1)
    g_string_append_printf (out, "%u", start);
  else
    g_string_append_printf (out, "%u,%u", start, count);
}

char *
steward_text_diff_to_unified (StewardTextDiff *self,
                              const char      *old_label,
                              const char      *new_label,
                              guint            context)
{
  g_autoptr(GArray) hunks = NULL;
  GPtrArray *lines;
  GString *out;

  g_return_val_if_fail (self != NULL, NULL);

  if (steward_text_diff_is_equal (self))
    return g_strdup ("");

  lines = steward_text_diff_get_lines (self);
  hunks = steward_text_diff_dup_hunks (self, context);
  out = g_string_new (NULL);
  g_string_append_printf (out, "--- %s\n+++ %s\n",
                          old_label != NULL ? old_label : "old",
                          new_label != NULL ? new_label : "new");

  for (guint h = 0; h < hunks->len; h++)
    {
      const StewardDiffHunk *hunk = &g_array_index (hunks, StewardDiffHunk, h);

      g_string_append (out, "@@ -");
      append_range (out, hunk->old_start, hunk->old_count);
      g_string_append (out, " +");
      append_range (out, hunk->new_start, hunk->new_count);
      g_string_append (out, " @@\n");

      for (guint c = hunk->first; c < hunk->first + hunk->n_lines; c++)
        {
          StewardDiffLine *line = g_ptr_array_index (lines, c);

          g_string_append_c (out, line->kind == STEWARD_DIFF_EQUAL ? ' ' :
                                  line->kind == STEWARD_DIFF_DELETED ? '-' : '+');
          g_string_append (out, line->text);
          g_string_append_c (out, '\n');
        }
    }

  return g_string_free (out, FALSE);
}
