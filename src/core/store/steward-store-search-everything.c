/* steward-store-search-everything.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-search-result-private.h"
#include "steward-store-private.h"
#include "steward-store-reader-private.h"
#include "steward-store-search-everything.h"

/* Searching everything, as the desktop's search asks: conversations by
 * their messages (the history's FTS5 index, one result for each
 * conversation, steward-store-search.c), document projects by their
 * phases' text (the passages' FTS5 index) and by their name and brief,
 * tasks by their title, notes and category. Tasks and projects are a
 * few thousand rows at most, where LIKE reads them all in well under a
 * millisecond; the text of the phases is indexed, the history is.
 *
 * Whatever has every word in its name comes first, then the rest, each
 * kind in the order conversations, tasks, projects. */

#define MAX_WORDS 16
/* Passages ranked to find the best few projects: a project has many */
#define PASSAGE_CANDIDATES 200

/* The words, case-folded, at most MAX_WORDS. */
static GPtrArray *
dup_words (const char *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) tokens = NULL;

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    return g_steal_pointer (&words);

  tokens = g_str_tokenize_and_fold (query, NULL, NULL);
  for (guint i = 0; tokens[i] != NULL && words->len < MAX_WORDS; i++)
    g_ptr_array_add (words, g_strdup (tokens[i]));

  return g_steal_pointer (&words);
}

/* " AND (EXPR) LIKE ?N ESCAPE '\'" for each word, from ?@first on */
static void
append_like_terms (GString    *sql,
                   const char *expression,
                   guint       n_words,
                   guint       first)
{
  for (guint i = 0; i < n_words; i++)
    g_string_append_printf (sql, " AND (%s) LIKE ?%u ESCAPE '\\'", expression, first + i);
}

/* Each word as a LIKE pattern for "somewhere inside", its wildcards
 * escaped */
static void
bind_words (sqlite3_stmt *stmt,
            GPtrArray    *words,
            guint         first)
{
  for (guint i = 0; i < words->len; i++)
    {
      g_autoptr(GString) pattern = g_string_new ("%");

      for (const char *p = g_ptr_array_index (words, i); *p != '\0'; p++)
        {
          if (*p == '%' || *p == '_' || *p == '\\')
            g_string_append_c (pattern, '\\');
          g_string_append_c (pattern, *p);
        }
      g_string_append_c (pattern, '%');

      sqlite3_bind_text (stmt, first + i, pattern->str, -1, SQLITE_TRANSIENT);
    }
}

/* Where in @text the first of @words is, ASCII case ignored as LIKE
 * ignores it */
static const char *
find_first_word (const char *text,
                 GPtrArray  *words,
                 gsize      *length)
{
  const char *best = NULL;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gsize word_len = strlen (word);

      for (const char *p = text; *p != '\0' && (best == NULL || p < best); p++)
        if (g_ascii_strncasecmp (p, word, word_len) == 0)
          {
            best = p;
            *length = word_len;
            break;
          }
    }

  return best;
}

/* The words of @text around its first match, plain text, or %NULL for
 * no text */
static char *
dup_text_snippet (const char *text,
                  GPtrArray  *words)
{
  g_autoptr(GString) marked = NULL;
  const char *match;
  gsize length = 0;

  if (text == NULL || text[0] == '\0')
    return NULL;

  marked = g_string_new (NULL);
  if ((match = find_first_word (text, words, &length)) != NULL)
    {
      g_string_append_len (marked, text, match - text);
      g_string_append (marked, STEWARD_SEARCH_MATCH_START);
      g_string_append_len (marked, match, length);
      g_string_append (marked, STEWARD_SEARCH_MATCH_END);
      g_string_append (marked, match + length);
    }
  else
    {
      g_string_append (marked, text);
    }

  return _steward_search_dup_snippet (marked->str);
}

/* A snippet with its match markers taken out: the desktop marks the
 * terms itself. */
static char *
dup_unmarked (const char *snippet)
{
  g_autoptr(GString) out = NULL;

  if (snippet == NULL)
    return NULL;

  out = g_string_new (snippet);
  g_string_replace (out, STEWARD_SEARCH_MATCH_START, "", 0);
  g_string_replace (out, STEWARD_SEARCH_MATCH_END, "", 0);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
title_has_words (const char *title,
                 GPtrArray  *words)
{
  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      gsize word_len = strlen (word);
      gboolean found = FALSE;

      for (const char *p = title; *p != '\0' && !found; p++)
        found = g_ascii_strncasecmp (p, word, word_len) == 0;

      if (!found)
        return FALSE;
    }

  return words->len > 0;
}

typedef struct
{
  GPtrArray *words;
  char      *fts;
  guint      per_kind;
  /* StewardSearchHit, by kind in order */
  GPtrArray *hits;
} Everything;

static int
search_tasks_on (sqlite3    *db,
                 Everything *everything)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  int rc;

  /* Open tasks before done ones, the last changed first. */
  g_string_append (sql, "SELECT id, title, notes FROM tasks WHERE 1");
  append_like_terms (sql, "title || ' ' || notes || ' ' || category", everything->words->len, 2);
  g_string_append (sql, " ORDER BY status = 'done', updated_at DESC, id DESC LIMIT ?1");

  if ((rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, everything->per_kind);
  bind_words (stmt, everything->words, 2);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *snippet = dup_text_snippet ((const char *)sqlite3_column_text (stmt, 2),
                                                   everything->words);
      g_autofree char *plain = snippet ? dup_unmarked (snippet) : NULL;

      g_ptr_array_add (everything->hits,
                       steward_search_hit_new (STEWARD_SEARCH_HIT_TASK,
                                               sqlite3_column_int64 (stmt, 0), 0,
                                               (const char *)sqlite3_column_text (stmt, 1),
                                               plain));
    }

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static gboolean
has_project (GPtrArray *hits,
             gint64     project_id)
{
  for (guint i = 0; i < hits->len; i++)
    {
      StewardSearchHit *hit = g_ptr_array_index (hits, i);

      if (steward_search_hit_get_kind (hit) == STEWARD_SEARCH_HIT_PROJECT &&
          steward_search_hit_get_id (hit) == project_id)
        return TRUE;
    }

  return FALSE;
}

/* Projects whose name or brief hold every word, the last changed first. */
static int
search_project_names_on (sqlite3    *db,
                         Everything *everything,
                         guint      *n_found)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) sql = g_string_new (NULL);
  int rc;

  g_string_append (sql, "SELECT id, name, brief FROM projects WHERE 1");
  append_like_terms (sql, "name || ' ' || brief", everything->words->len, 2);
  g_string_append (sql, " ORDER BY updated_at DESC, id DESC LIMIT ?1");

  if ((rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;

  sqlite3_bind_int64 (stmt, 1, everything->per_kind);
  bind_words (stmt, everything->words, 2);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *snippet = dup_text_snippet ((const char *)sqlite3_column_text (stmt, 2),
                                                   everything->words);
      g_autofree char *plain = snippet ? dup_unmarked (snippet) : NULL;

      g_ptr_array_add (everything->hits,
                       steward_search_hit_new (STEWARD_SEARCH_HIT_PROJECT,
                                               sqlite3_column_int64 (stmt, 0), 0,
                                               (const char *)sqlite3_column_text (stmt, 1),
                                               plain));
      (*n_found)++;
    }

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Projects whose phases' text matches, each at its best passage's phase:
 * the passages are ranked by bm25 and the first of each project kept. */
static int
search_project_contents_on (sqlite3    *db,
                            Everything *everything,
                            guint       n_found)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (everything->fts == NULL || n_found >= everything->per_kind)
    return SQLITE_OK;

  /* snippet() for each candidate: a project's passages are few
   * hundred at most, and short. */
  rc = sqlite3_prepare_v2 (db,
                           "SELECT p.id, p.name, ph.id, ph.title,"
                           "       snippet (phase_passages_fts, 0, '" STEWARD_SEARCH_MATCH_START "',"
                           "                '" STEWARD_SEARCH_MATCH_END "', '', 24)"
                           "  FROM phase_passages_fts"
                           "  JOIN phase_passages pp ON pp.id = phase_passages_fts.rowid"
                           "  JOIN phases ph ON ph.id = pp.phase_id"
                           "  JOIN projects p ON p.id = ph.project_id"
                           " WHERE phase_passages_fts MATCH ?1"
                           " ORDER BY phase_passages_fts.rank LIMIT ?2",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (stmt, 1, everything->fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, PASSAGE_CANDIDATES);

  while (n_found < everything->per_kind && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 project_id = sqlite3_column_int64 (stmt, 0);
      g_autofree char *snippet = NULL;
      g_autofree char *plain = NULL;
      g_autofree char *described = NULL;

      if (has_project (everything->hits, project_id))
        continue;

      snippet = _steward_search_dup_snippet ((const char *)sqlite3_column_text (stmt, 4));
      plain = dup_unmarked (snippet);
      /* Translators: a document project found by its text: the phase's
       * title, then the words around the match */
      described = g_strdup_printf (_("%s: %s"), (const char *)sqlite3_column_text (stmt, 3), plain);

      g_ptr_array_add (everything->hits,
                       steward_search_hit_new (STEWARD_SEARCH_HIT_PROJECT,
                                               project_id, sqlite3_column_int64 (stmt, 2),
                                               (const char *)sqlite3_column_text (stmt, 1),
                                               described));
      n_found++;
    }

  if (rc == SQLITE_ROW)
    rc = SQLITE_DONE;

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static int
search_rest_on (sqlite3    *db,
                Everything *everything)
{
  guint n_projects = 0;
  int rc;

  /* One snapshot for every query; _steward_store_reader_unlock() ends
   * it. */
  if ((rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK ||
      (rc = search_tasks_on (db, everything)) != SQLITE_OK ||
      (rc = search_project_names_on (db, everything, &n_projects)) != SQLITE_OK)
    return rc;

  return search_project_contents_on (db, everything, n_projects);
}

static int
compare_title_first (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  StewardSearchHit *hit_a = *(StewardSearchHit **)a;
  StewardSearchHit *hit_b = *(StewardSearchHit **)b;
  GPtrArray *words = user_data;

  return title_has_words (steward_search_hit_get_title (hit_b), words)
       - title_has_words (steward_search_hit_get_title (hit_a), words);
}

/**
 * steward_store_search_everything:
 * @query: words as the user typed them
 * @per_kind: at most this many conversations, tasks and projects each
 * @cancellable: (nullable): stops the search between its queries and in
 *   the middle of the tasks' and projects'
 *
 * Searches conversations (by their messages, as
 * steward_store_search_conversations() does; the hit's target is the
 * best matching message), tasks (title, notes, category) and document
 * projects (name, brief, and their phases' text; the target is the
 * phase that matched, or 0) for the desktop's search. Blocks on the
 * disk: from a main loop that draws, use
 * steward_store_search_everything_async().
 *
 * Returns: (transfer full): #StewardSearchHit items: those with every
 *   word in their title first, then the others
 */
GListModel *
steward_store_search_everything (StewardStore  *self,
                                 const char    *query,
                                 guint          per_kind,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STEWARD_TYPE_SEARCH_HIT);
  g_autoptr(GPtrArray) words = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) conversations = NULL;
  g_autofree char *fts = NULL;
  Everything everything;
  StewardStoreReader *reader;
  sqlite3 *db;
  int rc = SQLITE_OK;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (per_kind > 0, NULL);

  words = dup_words (query);
  fts = _steward_store_dup_fts_query (query, TRUE, FALSE);
  if (words->len == 0 || fts == NULL)
    return G_LIST_MODEL (g_steal_pointer (&list));

  if (!(conversations = steward_store_search_conversations (self, query, per_kind, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (conversations); i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (conversations, i);
      g_autofree char *snippet = steward_search_result_dup_snippet_marked (result, "", "");
      const char *title = steward_search_result_get_conversation_title (result);

      g_ptr_array_add (hits,
                       steward_search_hit_new (STEWARD_SEARCH_HIT_CONVERSATION,
                                               steward_search_result_get_conversation_id (result),
                                               steward_search_result_get_message_id (result),
                                               title != NULL && title[0] != '\0' ? title : _("Untitled"),
                                               snippet));
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  everything = (Everything) { words, fts, per_kind, hits };
  reader = _steward_store_get_reader (self);

  if ((db = _steward_store_reader_lock (reader, cancellable, &rc)) != NULL)
    rc = search_rest_on (db, &everything);

  if (rc != SQLITE_OK)
    {
      if (!g_cancellable_set_error_if_cancelled (cancellable, error))
        g_set_error (error, STEWARD_STORE_ERROR, _steward_store_read_error_kind (rc),
                     _("Could not search the database “%s”: %s."),
                     _steward_store_reader_get_path (reader),
                     db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
    }

  if (db != NULL)
    _steward_store_reader_unlock (reader);

  if (rc != SQLITE_OK)
    return NULL;

  /* Stable: each kind keeps its own order. */
  g_ptr_array_sort_with_data (hits, compare_title_first, words);
  g_list_store_splice (list, 0, 0, hits->pdata, hits->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

typedef struct
{
  char  *query;
  guint  per_kind;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_free (search->query);
  g_free (search);
}

static void
search_everything_worker (GTask        *task,
                          gpointer      source_object,
                          gpointer      task_data,
                          GCancellable *cancellable)
{
  SearchData *search = task_data;
  GError *error = NULL;
  GListModel *hits;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((hits = steward_store_search_everything (source_object, search->query, search->per_kind,
                                               cancellable, &error)))
    g_task_return_pointer (task, hits, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * steward_store_search_everything_async:
 * @query: as for steward_store_search_everything()
 * @per_kind: as for steward_store_search_everything()
 * @cancellable: (nullable): stops the search
 *
 * steward_store_search_everything() in a worker thread, on the store's
 * reading connection.
 */
void
steward_store_search_everything_async (StewardStore        *self,
                                       const char          *query,
                                       guint                per_kind,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *search;

  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (per_kind > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  search = g_new0 (SearchData, 1);
  search->query = g_strdup (query);
  search->per_kind = per_kind;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_store_search_everything_async);
  g_task_set_task_data (task, search, search_data_free);
  g_task_run_in_thread (task, search_everything_worker);
}

/**
 * steward_store_search_everything_finish:
 *
 * Returns: (transfer full): #StewardSearchHit items, or %NULL with
 *   @error set
 */
GListModel *
steward_store_search_everything_finish (StewardStore  *self,
                                        GAsyncResult  *result,
                                        GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_store_search_everything_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
