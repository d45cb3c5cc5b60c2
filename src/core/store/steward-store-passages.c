/* steward-store-passages.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <string.h>

#include "steward-store-private.h"

/* The passage index: what drafting reads of the earlier phases when they
 * do not fit whole in the model's context. A phase's text is cut into
 * passages of whole paragraphs, about 120 to 200 words each (a longer
 * paragraph is cut between words), so that a passage found by FTS5 says
 * enough to be useful on its own. Every change of a phase's content cuts
 * it again, in the same transaction. */

#define PASSAGE_MIN_WORDS   120
#define PASSAGE_MAX_WORDS   200
/* The size of the pieces a paragraph longer than the maximum is cut in */
#define PASSAGE_PIECE_WORDS 160

void
steward_phase_passage_free (StewardPhasePassage *passage)
{
  if (passage == NULL)
    return;

  g_free (passage->phase_title);
  g_free (passage->text);
  g_free (passage);
}

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }

  return n;
}

static void
free_row_queue (gpointer data)
{
  g_queue_free_full (data, g_free);
}

/* Adds @paragraph to @passages cut in pieces of PASSAGE_PIECE_WORDS words. */
static void
add_long_paragraph (GPtrArray  *passages,
                    const char *paragraph)
{
  g_auto(GStrv) words = g_strsplit_set (paragraph, " \t\n\r", -1);
  g_autoptr(GString) piece = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (*words[i] == '\0')
        continue;

      if (piece->len > 0)
        g_string_append_c (piece, ' ');
      g_string_append (piece, words[i]);

      if (++n == PASSAGE_PIECE_WORDS)
        {
          g_ptr_array_add (passages, g_string_free (g_steal_pointer (&piece), FALSE));
          piece = g_string_new (NULL);
          n = 0;
        }
    }

  if (piece->len > 0)
    g_ptr_array_add (passages, g_string_free (g_steal_pointer (&piece), FALSE));
}

/**
 * _steward_store_split_passages:
 * @content: a phase's Markdown
 *
 * Returns: (transfer full) (element-type utf8): the passages, in order
 */
GPtrArray *
_steward_store_split_passages (const char *content)
{
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) current = g_string_new (NULL);
  g_autoptr(GRegex) blank = g_regex_new ("\\n[ \\t\\r]*\\n", G_REGEX_OPTIMIZE, 0, NULL);
  g_auto(GStrv) paragraphs = g_regex_split (blank, content ? content : "", 0);
  guint current_words = 0;

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));
      guint words = count_words (paragraph);

      if (words == 0)
        continue;

      if (current_words > 0 && current_words + words > PASSAGE_MAX_WORDS)
        {
          g_ptr_array_add (passages, g_string_free (g_steal_pointer (&current), FALSE));
          current = g_string_new (NULL);
          current_words = 0;
        }

      if (words > PASSAGE_MAX_WORDS)
        {
          add_long_paragraph (passages, paragraph);
          continue;
        }

      if (current->len > 0)
        g_string_append (current, "\n\n");
      g_string_append (current, paragraph);
      current_words += words;

      if (current_words >= PASSAGE_MIN_WORDS)
        {
          g_ptr_array_add (passages, g_string_free (g_steal_pointer (&current), FALSE));
          current = g_string_new (NULL);
          current_words = 0;
        }
    }

  if (current_words > 0)
    g_ptr_array_add (passages, g_string_free (g_steal_pointer (&current), FALSE));

  return g_steal_pointer (&passages);
}

/* A passage row already in the index */
typedef struct
{
  gint64 id;
  int    ordinal;
} PassageRow;

/* The phase's passages in the index by their text: a queue of
 * PassageRow each (a text may come more than once), in order */
static GHashTable *
read_passage_rows (StewardStore  *self,
                   gint64         phase_id,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_row_queue);
  int rc;

  if (!(select = _steward_store_prepare (self,
                                         "SELECT id, ordinal, text FROM phase_passages"
                                         " WHERE phase_id = ? ORDER BY ordinal",
                                         error)))
    return NULL;

  sqlite3_bind_int64 (select, 1, phase_id);
  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (select, 2);
      PassageRow *row = g_new (PassageRow, 1);
      GQueue *queue;

      row->id = sqlite3_column_int64 (select, 0);
      row->ordinal = sqlite3_column_int (select, 1);
      if (!(queue = g_hash_table_lookup (rows, text ? text : "")))
        g_hash_table_insert (rows, g_strdup (text ? text : ""), (queue = g_queue_new ()));
      g_queue_push_tail (queue, row);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&rows);
}

/* Cuts @content in passages and makes the index of phase @phase_id say
 * them. A passage whose text is in the index already keeps its row (its
 * ordinal set anew if it moved): an edit changes a few passages of a
 * long phase, and only those are written, so that saving it does not
 * write the whole text into the full-text index again. */
gboolean
_steward_store_index_phase (StewardStore  *self,
                            gint64         phase_id,
                            const char    *content,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) move = NULL;
  g_autoptr(GPtrArray) passages = _steward_store_split_passages (content);
  g_autoptr(GHashTable) rows = NULL;
  GHashTableIter iter;
  GQueue *queue;

  if (!(rows = read_passage_rows (self, phase_id, error)) ||
      !(delete = _steward_store_prepare (self, "DELETE FROM phase_passages WHERE id = ?", error)) ||
      !(insert = _steward_store_prepare (self,
                                         "INSERT INTO phase_passages (phase_id, ordinal, text) VALUES (?, ?, ?)",
                                         error)) ||
      !(move = _steward_store_prepare (self, "UPDATE phase_passages SET ordinal = ? WHERE id = ?", error)))
    return FALSE;

  for (guint i = 0; i < passages->len; i++)
    {
      const char *text = g_ptr_array_index (passages, i);
      g_autofree PassageRow *row = NULL;

      if ((queue = g_hash_table_lookup (rows, text)) != NULL &&
          (row = g_queue_pop_head (queue)) != NULL)
        {
          if (row->ordinal == (int)i)
            continue;

          /* The text is unchanged: the full-text index is not touched */
          sqlite3_reset (move);
          sqlite3_bind_int (move, 1, i);
          sqlite3_bind_int64 (move, 2, row->id);
          if (!_steward_store_step_done (self, move, error))
            return FALSE;
          continue;
        }

      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, phase_id);
      sqlite3_bind_int (insert, 2, i);
      sqlite3_bind_text (insert, 3, text, -1, SQLITE_STATIC);
      if (!_steward_store_step_done (self, insert, error))
        return FALSE;
    }

  /* What the text no longer says */
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *)&queue))
    {
      PassageRow *row;

      while ((row = g_queue_pop_head (queue)) != NULL)
        {
          sqlite3_reset (delete);
          sqlite3_bind_int64 (delete, 1, row->id);
          g_free (row);
          if (!_steward_store_step_done (self, delete, error))
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * steward_store_search_phase_passages:
 * @position: the phase being drafted (0-based): only the phases before
 *   it are searched
 * @query: free text (the phase's title and instructions, a note): any
 *   of its words may match
 *
 * Returns: (transfer full) (element-type StewardPhasePassage): the best
 *   passages first (an empty array when @query has no word), or %NULL
 *   with @error set
 */
GPtrArray *
steward_store_search_phase_passages (StewardStore  *self,
                                     gint64         project_id,
                                     guint          position,
                                     const char    *query,
                                     guint          limit,
                                     GError       **error)
{
  g_autoptr(GPtrArray) passages = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_phase_passage_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *fts_query = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (limit == 0 || !(fts_query = _steward_store_dup_fts_query (query, FALSE, TRUE)))
    return g_steal_pointer (&passages);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT ph.id, ph.position, ph.title, pp.text"
                                       "  FROM phase_passages_fts"
                                       "  JOIN phase_passages pp ON pp.id = phase_passages_fts.rowid"
                                       "  JOIN phases ph ON ph.id = pp.phase_id"
                                       " WHERE phase_passages_fts MATCH ?"
                                       "   AND ph.project_id = ? AND ph.position < ?"
                                       " ORDER BY bm25 (phase_passages_fts), ph.position, pp.ordinal"
                                       " LIMIT ?",
                                       error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, fts_query, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, project_id);
  sqlite3_bind_int (stmt, 3, position);
  sqlite3_bind_int (stmt, 4, MIN (limit, G_MAXINT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardPhasePassage *passage = g_new0 (StewardPhasePassage, 1);

      passage->phase_id = sqlite3_column_int64 (stmt, 0);
      passage->phase_number = sqlite3_column_int (stmt, 1) + 1;
      passage->phase_title = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      passage->text = g_strdup ((const char *)sqlite3_column_text (stmt, 3));
      g_ptr_array_add (passages, passage);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&passages);
}
