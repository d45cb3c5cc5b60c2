/* steward-text-diff.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* Two versions of a text compared line by line (Myers' algorithm, in
 * linear space), and inside each changed line word by word.
 *
 * A deleted line replaced by an inserted one (the n-th deleted and the
 * n-th inserted line of one change) is compared word by word: each side
 * gets the byte ranges of the words that differ, to highlight. A line's
 * newline is not part of it, and a missing newline at the end of a text
 * is no difference.
 *
 * The work is bounded: past a budget of comparisons (texts that differ
 * everywhere, hundreds of thousands of lines) the part still to compare
 * is given as deleted whole, then inserted whole, and
 * steward_text_diff_is_approximate() says so. Twenty thousand words
 * with a few edits take about a millisecond. */

typedef struct
{
  /* Bytes @start up to @end of the line's text */
  gsize start;
  gsize end;
} StewardDiffRange;

typedef struct
{
  StewardDiffKind  kind;
  /* The line without its newline */
  char            *text;
  /* Its number (from 1) in the old text, 0 for an inserted line */
  guint            old_line;
  /* Its number (from 1) in the new text, 0 for a deleted line */
  guint            new_line;
  /* (element-type StewardDiffRange): the changed words of a replaced
   * line, in order, not overlapping; NULL for an equal line, a line
   * deleted or inserted without a counterpart, and a replaced line with
   * no word in common with its counterpart (it changed throughout) */
  GArray          *highlights;
} StewardDiffLine;

/* A stretch of the lines with changes and the equal lines around them */
typedef struct
{
  /* The index of its first line in steward_text_diff_get_lines (), and
   * how many lines it has */
  guint first;
  guint n_lines;
  /* Where it is in each text, as `diff -u` writes it: the number of its
   * first line there and how many of its lines are there (for a side
   * without lines, the number of the line before) */
  guint old_start;
  guint old_count;
  guint new_start;
  guint new_count;
} StewardDiffHunk;

typedef struct _StewardTextDiff StewardTextDiff;

/* NULL texts are empty */
StewardTextDiff *steward_text_diff_new            (const char      *old_text,
                                                   const char      *new_text);
void             steward_text_diff_free           (StewardTextDiff *self);

/* (element-type StewardDiffLine) (transfer none): every line of both
 * texts in order: equal lines, and at each change the deleted lines
 * followed by the inserted ones */
GPtrArray       *steward_text_diff_get_lines      (StewardTextDiff *self);
guint            steward_text_diff_get_n_deleted  (StewardTextDiff *self);
guint            steward_text_diff_get_n_inserted (StewardTextDiff *self);
/* Whether the texts are the same, line for line */
gboolean         steward_text_diff_is_equal       (StewardTextDiff *self);
/* Whether a part was too costly to compare and is given as replaced
 * whole */
gboolean         steward_text_diff_is_approximate (StewardTextDiff *self);

/* (element-type StewardDiffHunk) (transfer full): the changes with
 * @context equal lines around each, two changes closer than twice that
 * in one hunk; empty when the texts are equal. What a view shows with
 * the equal stretches between hunks folded away. */
GArray          *steward_text_diff_dup_hunks      (StewardTextDiff *self,
                                                   guint            context);
/* The comparison as a unified diff ("--- @old_label", "+++ @new_label",
 * "@@ -1,4 +1,5 @@" hunks with @context lines around each change), as
 * `diff -u` prints it; "" when the texts are equal. */
char            *steward_text_diff_to_unified     (StewardTextDiff *self,
                                                   const char      *old_label,
                                                   const char      *new_label,
                                                   guint            context);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardTextDiff, steward_text_diff_free)

G_END_DECLS
