/* steward-text-diff.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-text-diff"

#include "config.h"

#include <string.h>

#include "steward-text-diff.h"

/* Lines (and, inside a changed line, words) are turned into numbers, one
 * per distinct string, and the two sequences of numbers are compared with
 * Myers' O((N+M)D) algorithm: the common head and tail are cut off, the
 * middle snake of what remains is found by searching from both ends at
 * once, and each side of it is compared again, so memory stays linear.
 * Every step of the search costs one unit of a budget; when it runs out
 * the part being compared counts as replaced whole. */

/* About 10 ms of searching for the lines, 5 ms for one line's words */
#define LINE_BUDGET 5000000
#define WORD_BUDGET 2000000
/* The words of all the changed lines together: each pair of lines costs
 * its words and a fixed part for setting up */
#define TOTAL_WORD_BUDGET 5000000
#define WORD_PAIR_COST 1000

typedef struct
{
  StewardDiffKind kind;
  guint           count;
} Op;

typedef struct
{
  GArray   *ops;
  gint64    budget;
  gboolean  approximate;
} Differ;

struct _StewardTextDiff
{
  GPtrArray *lines;
  guint      n_deleted;
  guint      n_inserted;
  gboolean   approximate;
};

static void
emit (Differ          *differ,
      StewardDiffKind  kind,
      gsize            count)
{
  Op *last;
  Op op = { kind, count };

  if (count == 0)
    return;

  last = differ->ops->len > 0 ? &g_array_index (differ->ops, Op, differ->ops->len - 1) : NULL;
  if (last != NULL && last->kind == kind)
    last->count += count;
  else
    g_array_append_val (differ->ops, op);
}

static void diff_ids (Differ      *differ,
                      const guint *a,
                      gsize        n,
                      const guint *b,
                      gsize        m);

typedef enum
{
  BISECT_SPLIT,
  /* Nothing in common: replaced whole, which is also the shortest edit */
  BISECT_DISJOINT,
  /* The budget ran out first */
  BISECT_GAVE_UP,
} Bisect;

/* Finds the middle snake of a and b (both not empty, their first and
 * last items different) and compares each side of it. */
static Bisect
bisect (Differ      *differ,
        const guint *a,
        gssize       n,
        const guint *b,
        gssize       m)
{
  gssize max_d = (n + m + 1) / 2;
  gssize v_offset = max_d;
  gssize v_length = 2 * max_d + 2;
  gssize delta = n - m;
  gboolean front = (delta % 2) != 0;
  gssize k1start = 0, k1end = 0, k2start = 0, k2end = 0;
  g_autofree gssize *v1 = g_new (gssize, v_length);
  g_autofree gssize *v2 = g_new (gssize, v_length);

  for (gssize i = 0; i < v_length; i++)
    v1[i] = v2[i] = -1;
  v1[v_offset + 1] = 0;
  v2[v_offset + 1] = 0;

  for (gssize d = 0; d < max_d; d++)
    {
      if (differ->budget <= 0)
        return BISECT_GAVE_UP;
      differ->budget -= 2 * d + 2;

      /* Forward */
      for (gssize k1 = -d + k1start; k1 <= d - k1end; k1 += 2)
        {
          gssize k1_offset = v_offset + k1;
          gssize x1, y1;

          if (k1 == -d || (k1 != d && v1[k1_offset - 1] < v1[k1_offset + 1]))
            x1 = v1[k1_offset + 1];
          else
            x1 = v1[k1_offset - 1] + 1;
          y1 = x1 - k1;

          while (x1 < n && y1 < m && a[x1] == b[y1])
            x1++, y1++, differ->budget--;

          v1[k1_offset] = x1;

          if (x1 > n)
            k1end += 2;
          else if (y1 > m)
            k1start += 2;
          else if (front)
            {
              gssize k2_offset = v_offset + delta - k1;

              if (k2_offset >= 0 && k2_offset < v_length && v2[k2_offset] != -1 &&
                  x1 >= n - v2[k2_offset])
                {
                  diff_ids (differ, a, x1, b, y1);
                  diff_ids (differ, a + x1, n - x1, b + y1, m - y1);
                  return BISECT_SPLIT;
                }
            }
        }

      /* Backward */
      for (gssize k2 = -d + k2start; k2 <= d - k2end; k2 += 2)
        {
          gssize k2_offset = v_offset + k2;
          gssize x2, y2;

          if (k2 == -d || (k2 != d && v2[k2_offset - 1] < v2[k2_offset + 1]))
            x2 = v2[k2_offset + 1];
          else
            x2 = v2[k2_offset - 1] + 1;
          y2 = x2 - k2;

          while (x2 < n && y2 < m && a[n - x2 - 1] == b[m - y2 - 1])
            x2++, y2++, differ->budget--;

          v2[k2_offset] = x2;

          if (x2 > n)
            k2end += 2;
          else if (y2 > m)
            k2start += 2;
          else if (!front)
            {
              gssize k1_offset = v_offset + delta - k2;

              if (k1_offset >= 0 && k1_offset < v_length && v1[k1_offset] != -1)
                {
                  gssize x1 = v1[k1_offset];
                  gssize y1 = v_offset + x1 - k1_offset;

                  if (x1 >= n - x2)
                    {
                      diff_ids (differ, a, x1, b, y1);
                      diff_ids (differ, a + x1, n - x1, b + y1, m - y1);
                      return BISECT_SPLIT;
                    }
                }
            }
        }
    }

  return BISECT_DISJOINT;
}

static void
diff_ids (Differ      *differ,
          const guint *a,
          gsize        n,
          const guint *b,
          gsize        m)
{
  gsize head = 0, tail = 0;

  while (head < n && head < m && a[head] == b[head])
    head++;
  emit (differ, STEWARD_DIFF_EQUAL, head);
  a += head, n -= head;
  b += head, m -= head;

  while (tail < n && tail < m && a[n - 1 - tail] == b[m - 1 - tail])
    tail++;
  n -= tail;
  m -= tail;

  if (n == 0 || m == 0)
    {
      emit (differ, STEWARD_DIFF_DELETED, n);
      emit (differ, STEWARD_DIFF_INSERTED, m);
    }
  else
    {
      switch (bisect (differ, a, n, b, m))
        {
        case BISECT_SPLIT:
          break;
        case BISECT_GAVE_UP:
          differ->approximate = TRUE;
          G_GNUC_FALLTHROUGH;
        case BISECT_DISJOINT:
        default:
          emit (differ, STEWARD_DIFF_DELETED, n);
          emit (differ, STEWARD_DIFF_INSERTED, m);
          break;
        }
    }

  emit (differ, STEWARD_DIFF_EQUAL, tail);
}

/* Numbers for strings: the same string, the same number */
typedef struct
{
  GHashTable   *ids;
  GStringChunk *chunk;
  GString      *scratch;
} Interner;

static void
interner_init (Interner *self)
{
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->chunk = g_string_chunk_new (4096);
  self->scratch = g_string_new (NULL);
}

static void
interner_clear (Interner *self)
{
  g_hash_table_unref (self->ids);
  g_string_chunk_free (self->chunk);
  g_string_free (self->scratch, TRUE);
}

static guint
interner_get (Interner   *self,
              const char *text,
              gsize       len)
{
  gpointer value;

  g_string_truncate (self->scratch, 0);
  g_string_append_len (self->scratch, text, len);

  if (g_hash_table_lookup_extended (self->ids, self->scratch->str, NULL, &value))
    return GPOINTER_TO_UINT (value);

  value = GUINT_TO_POINTER (g_hash_table_size (self->ids) + 1);
  g_hash_table_insert (self->ids,
                       g_string_chunk_insert_len (self->chunk, text, len),
                       value);

  return GPOINTER_TO_UINT (value);
}

/* A text's lines, each a string of its own */
static GPtrArray *
split_lines (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  if (text == NULL || *text == '\0')
    return lines;

  for (;;)
    {
      const char *end = strchr (start, '\n');

      if (end == NULL)
        {
          if (*start != '\0')
            g_ptr_array_add (lines, g_strdup (start));
          break;
        }

      g_ptr_array_add (lines, g_strndup (start, end - start));
      start = end + 1;
    }

  return lines;
}

/* Words, runs of blanks, and each other character alone: the pieces a
 * changed line is compared in */
static GArray *
split_words (const char *text)
{
  GArray *tokens = g_array_new (FALSE, FALSE, sizeof (StewardDiffRange));
  const char *p = text;

  while (*p != '\0')
    {
      StewardDiffRange token = { p - text, 0 };
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c) || c == '_')
        {
          do
            p = g_utf8_next_char (p);
          while (*p != '\0' && (g_unichar_isalnum (g_utf8_get_char (p)) || *p == '_'));
        }
      else if (g_unichar_isspace (c))
        {
          do
            p = g_utf8_next_char (p);
          while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)));
        }
      else
        p = g_utf8_next_char (p);

      token.end = p - text;
      g_array_append_val (tokens, token);
    }

  return tokens;
}

static gboolean
is_blank_range (const char             *text,
                const StewardDiffRange *range)
{
  for (gsize i = range->start; i < range->end; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;

  return TRUE;
}

/* Adds the token range @token of @text to @ranges, joining it to the
 * last range when only blanks lie between them */
static void
add_range (GArray                 *ranges,
           const char             *text,
           const StewardDiffRange *token)
{
  if (ranges->len > 0)
    {
      StewardDiffRange *last = &g_array_index (ranges, StewardDiffRange, ranges->len - 1);
      StewardDiffRange gap = { last->end, token->start };

      if (is_blank_range (text, &gap))
        {
          last->end = token->end;
          return;
        }
    }

  g_array_append_vals (ranges, token, 1);
}

/* Highlights the changed words of @old_line and @new_line */
static void
diff_words (StewardDiffLine *old_line,
            StewardDiffLine *new_line,
            Interner        *interner,
            gint64          *total_budget)
{
  g_autoptr(GArray) old_tokens = split_words (old_line->text);
  g_autoptr(GArray) new_tokens = split_words (new_line->text);
  g_autofree guint *a = g_new (guint, old_tokens->len + 1);
  g_autofree guint *b = g_new (guint, new_tokens->len + 1);
  g_autoptr(GArray) old_ranges = g_array_new (FALSE, FALSE, sizeof (StewardDiffRange));
  g_autoptr(GArray) new_ranges = g_array_new (FALSE, FALSE, sizeof (StewardDiffRange));
  Differ differ = { g_array_new (FALSE, FALSE, sizeof (Op)), MIN (WORD_BUDGET, *total_budget), FALSE };
  gsize i = 0, j = 0;
  gboolean shared = FALSE;

  for (guint k = 0; k < old_tokens->len; k++)
    {
      StewardDiffRange *t = &g_array_index (old_tokens, StewardDiffRange, k);
      a[k] = interner_get (interner, old_line->text + t->start, t->end - t->start);
    }
  for (guint k = 0; k < new_tokens->len; k++)
    {
      StewardDiffRange *t = &g_array_index (new_tokens, StewardDiffRange, k);
      b[k] = interner_get (interner, new_line->text + t->start, t->end - t->start);
    }

  diff_ids (&differ, a, old_tokens->len, b, new_tokens->len);
  *total_budget -= MIN (WORD_BUDGET, *total_budget) - differ.budget;
  *total_budget -= WORD_PAIR_COST + old_tokens->len + new_tokens->len;

  for (guint k = 0; k < differ.ops->len; k++)
    {
      const Op *op = &g_array_index (differ.ops, Op, k);

      for (guint c = 0; c < op->count; c++)
        {
          switch (op->kind)
            {
            case STEWARD_DIFF_EQUAL:
              if (!is_blank_range (old_line->text, &g_array_index (old_tokens, StewardDiffRange, i)))
                shared = TRUE;
              i++, j++;
              break;
            case STEWARD_DIFF_DELETED:
              add_range (old_ranges, old_line->text, &g_array_index (old_tokens, StewardDiffRange, i++));
              break;
            case STEWARD_DIFF_INSERTED:
              add_range (new_ranges, new_line->text, &g_array_index (new_tokens, StewardDiffRange, j++));
              break;
            default:
              g_assert_not_reached ();
            }
        }
    }

  g_array_unref (differ.ops);

  /* Nothing in common: the whole line is the change */
  if (!shared)
    return;

  if (old_ranges->len > 0)
    old_line->highlights = g_steal_pointer (&old_ranges);
  if (new_ranges->len > 0)
    new_line->highlights = g_steal_pointer (&new_ranges);
}

static void
diff_line_free (gpointer data)
{
  StewardDiffLine *line = data;

  g_free (line->text);
  g_clear_pointer (&line->highlights, g_array_unref);
  g_free (line);
}

static StewardDiffLine *
diff_line_new (StewardDiffKind  kind,
               const char      *text,
               guint            old_line,
               guint            new_line)
{
  StewardDiffLine *line = g_new0 (StewardDiffLine, 1);

  line->kind = kind;
  line->text = g_strdup (text);
  line->old_line = old_line;
  line->new_line = new_line;

  return line;
}

/* One change: the deleted lines, then the inserted ones, each deleted
 * line compared word by word with the inserted line in its place */
static void
add_change (StewardTextDiff *self,
            GPtrArray       *old_lines,
            guint            old_start,
            guint            n_old,
            GPtrArray       *new_lines,
            guint            new_start,
            guint            n_new,
            Interner        *words,
            gint64          *word_budget)
{
  guint first = self->lines->len;

  for (guint k = 0; k < n_old; k++)
    g_ptr_array_add (self->lines,
                     diff_line_new (STEWARD_DIFF_DELETED, g_ptr_array_index (old_lines, old_start + k),
                                    old_start + k + 1, 0));
  for (guint k = 0; k < n_new; k++)
    g_ptr_array_add (self->lines,
                     diff_line_new (STEWARD_DIFF_INSERTED, g_ptr_array_index (new_lines, new_start + k),
                                    0, new_start + k + 1));

  for (guint k = 0; k < MIN (n_old, n_new) && *word_budget > 0; k++)
    diff_words (g_ptr_array_index (self->lines, first + k),
                g_ptr_array_index (self->lines, first + n_old + k),
                words, word_budget);

  self->n_deleted += n_old;
  self->n_inserted += n_new;
}

StewardTextDiff *
steward_text_diff_new (const char *old_text,
                       const char *new_text)
{
  StewardTextDiff *self = g_new0 (StewardTextDiff, 1);
  g_autoptr(GPtrArray) old_lines = split_lines (old_text);
  g_autoptr(GPtrArray) new_lines = split_lines (new_text);
  g_autofree guint *a = g_new (guint, old_lines->len + 1);
  g_autofree guint *b = g_new (guint, new_lines->len + 1);
  Differ differ = { g_array_new (FALSE, FALSE, sizeof (Op)), LINE_BUDGET, FALSE };
  gint64 word_budget = TOTAL_WORD_BUDGET;
  Interner interner;
  /* The words of every changed line share their numbers */
  Interner words;
  guint i = 0, j = 0;

  self->lines = g_ptr_array_new_with_free_func (diff_line_free);

  interner_init (&interner);
  for (guint k = 0; k < old_lines->len; k++)
    a[k] = interner_get (&interner, g_ptr_array_index (old_lines, k), strlen (g_ptr_array_index (old_lines, k)));
  for (guint k = 0; k < new_lines->len; k++)
    b[k] = interner_get (&interner, g_ptr_array_index (new_lines, k), strlen (g_ptr_array_index (new_lines, k)));
  interner_clear (&interner);

  diff_ids (&differ, a, old_lines->len, b, new_lines->len);
  self->approximate = differ.approximate;

  interner_init (&words);

  for (guint k = 0; k < differ.ops->len; )
    {
      const Op *op = &g_array_index (differ.ops, Op, k);
      guint n_old = 0, n_new = 0;

      if (op->kind == STEWARD_DIFF_EQUAL)
        {
          for (guint c = 0; c < op->count; c++, i++, j++)
            g_ptr_array_add (self->lines,
                             diff_line_new (STEWARD_DIFF_EQUAL, g_ptr_array_index (old_lines, i), i + 1, j + 1));
          k++;
          continue;
        }

      /* Deletions and insertions up to the next equal line are one change */
      for (; k < differ.ops->len; k++)
        {
          op = &g_array_index (differ.ops, Op, k);
          if (op->kind == STEWARD_DIFF_EQUAL)
            break;
          if (op->kind == STEWARD_DIFF_DELETED)
            n_old += op->count;
          else
            n_new += op->count;
        }

      add_change (self, old_lines, i, n_old, new_lines, j, n_new, &words, &word_budget);
      i += n_old;
      j += n_new;
    }

  g_array_unref (differ.ops);
  interner_clear (&words);

  return self;
}

void
steward_text_diff_free (StewardTextDiff *self)
{
  if (self == NULL)
    return;

  g_ptr_array_unref (self->lines);
  g_free (self);
}

GPtrArray *
steward_text_diff_get_lines (StewardTextDiff *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->lines;
}

guint
steward_text_diff_get_n_deleted (StewardTextDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_deleted;
}

guint
steward_text_diff_get_n_inserted (StewardTextDiff *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_inserted;
}

gboolean
steward_text_diff_is_equal (StewardTextDiff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->n_deleted == 0 && self->n_inserted == 0;
}

gboolean
steward_text_diff_is_approximate (StewardTextDiff *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->approximate;
}
