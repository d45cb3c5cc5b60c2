/* steward-store-search.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-search-result-private.h"
#include "steward-store-private.h"

#define MAX_QUERY_WORDS 32

/* Splits free text into the words a search matches: runs of letters,
 * digits and marks, at most MAX_QUERY_WORDS of them. */
static GPtrArray *
split_query_words (const char *text)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) word = g_string_new (NULL);
  const char *p;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_steal_pointer (&words);

  for (p = text; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != 0 && (g_unichar_isalnum (c) || g_unichar_ismark (c)))
        {
          g_string_append_unichar (word, c);
          continue;
        }

      if (word->len > 0 && words->len < MAX_QUERY_WORDS)
        g_ptr_array_add (words, g_strdup (word->str));
      g_string_truncate (word, 0);

      if (c == 0)
        break;
    }

  return g_steal_pointer (&words);
}

/* One FTS5 phrase: quoted, so that nothing the user typed is syntax. */
static void
append_phrase (GString    *query,
               const char *word,
               gboolean    prefix)
{
  g_string_append_printf (query, "\"%s\"%s", word, prefix ? "*" : "");
}

/**
 * _steward_store_dup_fts_query:
 * @text: what the user typed
 * @prefix: match words that start with each term ("cafe" finds "cafeteria")
 * @any: any term may match (OR), rather than all of them (AND)
 *
 * Turns free text into an FTS5 query: each word quoted, so the user's
 * quotes, stars and operators are never FTS5 syntax.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL when @text has
 *   no word
 */
char *
_steward_store_dup_fts_query (const char *text,
                              gboolean    prefix,
                              gboolean    any)
{
  g_autoptr(GPtrArray) words = split_query_words (text);
  g_autoptr(GString) query = g_string_new (NULL);

  if (words->len == 0)
    return NULL;

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append (query, any ? " OR " : " ");
      append_phrase (query, g_ptr_array_index (words, i), prefix);
    }

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/* Searching the history.
 *
 * A frequent word matches most of the history, and ranking every match
 * (bm25 over a million messages) took a second. So a search with a limit
 * ranks at most SEARCH_CANDIDATES matches: all of them when there are
 * fewer, else the recent past, where what is looked for usually is —
 * the matches among the SEARCH_CANDIDATES most recent messages that hold
 * its least common word, or, when too few of those match the other
 * words, its SEARCH_CANDIDATES most recent matches.
 *
 * FTS5 walks a word's matches newest first and stops there, and how
 * common each word is comes from that walk; steward_rank
 * (steward-store-reader.c) is bm25 told those figures instead of
 * counting every match; snippets are made only for the results
 * returned. It all runs on the reader connection, in one read
 * transaction, so a search in a worker never holds up the main thread
 * and sees only what was committed. */

#define SEARCH_CANDIDATES 1000

/* The longest prefix schema 6 indexes: a word up to this long is found
 * by walking one list, newest first, and stopping; a longer one, by
 * reading and merging the lists of every word it begins. */
#define INDEXED_PREFIX 6

typedef struct
{
  /* Matches among the most recent ones, up to the cap, and the oldest
   * of them */
  gint64 count;
  gint64 oldest;
} RecentMatches;

static int
count_recent_matches (sqlite3       *db,
                      const char    *fts,
                      gint64         cap,
                      RecentMatches *matches)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT count(*), min(rowid) FROM"
                           " (SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?1"
                           "   ORDER BY rowid DESC LIMIT ?2)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, cap);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return rc;

  matches->count = sqlite3_column_int64 (stmt, 0);
  matches->oldest = sqlite3_column_int64 (stmt, 1);

  return SQLITE_OK;
}

static int
read_newest_message (sqlite3 *db,
                     gint64  *newest)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if ((rc = sqlite3_prepare_v2 (db, "SELECT max(id) FROM messages", -1, &stmt, NULL)) != SQLITE_OK)
    return rc;

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    return rc;

  *newest = sqlite3_column_int64 (stmt, 0);

  return SQLITE_OK;
}

/* The rowids that @matches were counted in, 0 for all of them. */
static gint64
recent_window (const RecentMatches *matches,
               gint64               cap,
               gint64               newest)
{
  return matches->count >= cap ? MAX (newest - matches->oldest + 1, 1) : 0;
}

typedef struct
{
  GPtrArray *words;
  GString   *fts;
  guint      limit;
  gint64     cap;
  gint64     newest;
  /* "count, window" of each word, for steward_rank */
  GString   *frequencies;
  /* One result for each conversation, its best match */
  gboolean   by_conversation;
} Search;

/* The snippets of @results, from their Markdown with the matches marked
 * (highlight()), made for the results returned only: highlight() reads
 * a whole message. In one pass over the matches between the first and
 * the last of them, which were among those just ranked; a query for
 * each result would read the match lists again each time (and merge
 * them, for a word longer than the indexed prefixes). CASE evaluates
 * highlight() only for the results. */
static int
make_snippets (sqlite3      *db,
               const Search *search,
               GPtrArray    *results)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GString) sql = g_string_new (NULL);
  gint64 first = G_MAXINT64;
  gint64 last = G_MININT64;
  int rc;

  if (results->len == 0)
    return SQLITE_OK;

  g_string_append (sql, "SELECT rowid, CASE WHEN rowid IN (");
  for (guint i = 0; i < results->len; i++)
    {
      StewardSearchResult *result = g_ptr_array_index (results, i);
      gint64 id = steward_search_result_get_message_id (result);

      g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "", id);
      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), result);
      first = MIN (first, id);
      last = MAX (last, id);
    }
  g_string_append (sql,
                   ") THEN highlight (messages_fts, 0, '" STEWARD_SEARCH_MATCH_START "',"
                   "                  '" STEWARD_SEARCH_MATCH_END "') END"
                   "  FROM messages_fts WHERE messages_fts MATCH ?1 AND rowid >= ?2 AND rowid <= ?3");

  if ((rc = sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL)) != SQLITE_OK)
    return rc;

  sqlite3_bind_text (stmt, 1, search->fts->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      StewardSearchResult *result;
      g_autofree char *snippet = NULL;

      if (sqlite3_column_type (stmt, 1) == SQLITE_NULL ||
          !(result = g_hash_table_lookup (by_id, &id)))
        continue;

      snippet = _steward_search_dup_snippet ((const char *)sqlite3_column_text (stmt, 1));
      _steward_search_result_set_snippet (result, snippet);
    }

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/* Ranks the matches from @floor on, keeps the @limit best (with
 * @search->by_conversation, the best of each conversation, and how many
 * more there are), and makes their snippets. With @most, fails with
 * STEWARD_STORE_READER_TOO_MANY rather than rank more than that many. */
static int
rank_matches (sqlite3      *db,
              const Search *search,
              gint64        floor,
              gint64        most,
              GListStore   *list)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *rank = g_strdup_printf ("steward_rank(%" G_GINT64_FORMAT "%s)",
                                           most, search->frequencies->str);
  int rc;

  if (search->by_conversation)
    /* Every candidate is ranked to find each conversation's best; the
     * rank is a sort key (a blob), so min() is the best, and SQLite
     * takes the row's other columns from the row min() chose. */
    rc = sqlite3_prepare_v2 (db,
                             "SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, g.n"
                             "  FROM (SELECT r.id AS id, min (r.rank) AS best, count (*) AS n"
                             "          FROM (SELECT rowid AS id, rank FROM messages_fts"
                             "                 WHERE messages_fts MATCH ?1 AND rank MATCH ?2"
                             "                   AND rowid >= ?3) r"
                             "          JOIN messages m ON m.id = r.id"
                             "         GROUP BY m.conversation_id) g"
                             "  JOIN messages m ON m.id = g.id"
                             "  JOIN conversations c ON c.id = m.conversation_id"
                             " ORDER BY g.best LIMIT ?4",
                             -1, &stmt, NULL);
  else
    /* ORDER BY rank inside FTS5 returns rows already sorted, so the
     * LIMIT stops before any other candidate is read further. The rank
     * is a sort key that puts the newest first among equals. */
    rc = sqlite3_prepare_v2 (db,
                             "SELECT m.id, m.conversation_id, c.title, m.role, m.created_at, 1"
                             "  FROM (SELECT rowid AS id, rank"
                             "          FROM messages_fts"
                             "         WHERE messages_fts MATCH ?1 AND rank MATCH ?2 AND rowid >= ?3"
                             "         ORDER BY rank LIMIT ?4) r"
                             "  JOIN messages m ON m.id = r.id"
                             "  JOIN conversations c ON c.id = m.conversation_id"
                             " ORDER BY r.rank",
                             -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (stmt, 1, search->fts->str, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, rank, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, floor);
  sqlite3_bind_int64 (stmt, 4, search->limit > 0 ? (gint64)search->limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 4);
      StewardSearchResult *result =
        _steward_search_result_new (sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1),
                                    (const char *)sqlite3_column_text (stmt, 2),
                                    _steward_store_column_enum (stmt, 3, STEWARD_TYPE_MESSAGE_ROLE,
                                                                STEWARD_MESSAGE_ROLE_USER),
                                    NULL,
                                    created_at);

      _steward_search_result_set_n_more_matches (result, MAX (sqlite3_column_int64 (stmt, 5) - 1, 0));
      g_ptr_array_add (results, result);
    }

  if (rc != SQLITE_DONE || (rc = make_snippets (db, search, results)) != SQLITE_OK)
    return rc;

  g_list_store_splice (list, g_list_model_get_n_items (G_LIST_MODEL (list)), 0, results->pdata, results->len);

  return SQLITE_OK;
}

/* How common each word is. For a word longer than the indexed prefixes
 * this is how common its first letters are: a little too common, but
 * found by walking the newest of one list rather than by reading all of
 * its matches. Returns, in @expected, how many messages would have all
 * the words if they were independent, and in @rarest the recent matches
 * of the least common word (or its first letters). */
static int
measure_words (sqlite3       *db,
               Search        *search,
               double        *expected,
               RecentMatches *rarest)
{
  double rarest_share = G_MAXDOUBLE;

  *expected = search->newest;

  for (guint i = 0; i < search->words->len; i++)
    {
      const char *word = g_ptr_array_index (search->words, i);
      g_autofree char *start = g_utf8_substring (word, 0, MIN (g_utf8_strlen (word, -1), INDEXED_PREFIX));
      g_autoptr(GString) phrase = g_string_new (NULL);
      RecentMatches matches;
      gint64 window;
      double share;
      int rc;

      append_phrase (phrase, start, TRUE);
      if ((rc = count_recent_matches (db, phrase->str, search->cap, &matches)) != SQLITE_OK)
        return rc;

      window = recent_window (&matches, search->cap, search->newest);
      g_string_append_printf (search->frequencies, ", %" G_GINT64_FORMAT ", %" G_GINT64_FORMAT,
                              matches.count, window);

      share = (double)matches.count / (double)MAX (window > 0 ? window : search->newest, 1);
      *expected *= share;
      if (share < rarest_share)
        {
          rarest_share = share;
          *rarest = matches;
        }
    }

  return SQLITE_OK;
}

static int
search_on (sqlite3    *db,
           GPtrArray  *words,
           guint       limit,
           gboolean    by_conversation,
           GListStore *list)
{
  g_autoptr(GString) fts = g_string_new (NULL);
  g_autoptr(GString) frequencies = g_string_new (NULL);
  Search search = { words, fts, limit, 0, 0, frequencies, by_conversation };
  RecentMatches rarest = { 0, };
  RecentMatches all;
  double expected;
  int rc;

  search.cap = limit > 0 ? MAX (SEARCH_CANDIDATES, (gint64)limit) : G_MAXINT64;

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (fts, ' ');
      append_phrase (fts, g_ptr_array_index (words, i), TRUE);
    }

  /* One snapshot for the steps below; _steward_store_reader_unlock()
   * ends it. */
  if ((rc = sqlite3_exec (db, "BEGIN", NULL, NULL, NULL)) != SQLITE_OK ||
      (rc = read_newest_message (db, &search.newest)) != SQLITE_OK ||
      (rc = measure_words (db, &search, &expected, &rarest)) != SQLITE_OK)
    return rc;

  /* Fewer matches than the cap, for sure: rank them all. */
  if (rarest.count < search.cap)
    return rank_matches (db, &search, G_MININT64, 0, list);

  /* Words that seldom meet: rank all their matches in one pass over
   * them, unless there are many after all (the pass stops at the cap). */
  if (words->len > 1 && expected < search.cap / 4)
    {
      rc = rank_matches (db, &search, G_MININT64, search.cap, list);
      if (rc != STEWARD_STORE_READER_TOO_MANY)
        return rc;
      g_list_store_remove_all (list);
    }

  /* The matches among the most recent messages with the least common
   * word: no more than the cap, found without walking the others. */
  if ((rc = rank_matches (db, &search, rarest.oldest, 0, list)) != SQLITE_OK ||
      g_list_model_get_n_items (G_LIST_MODEL (list)) >= limit)
    return rc;

  /* Too few there: the most recent matches, up to the cap, counted. */
  g_list_store_remove_all (list);
  if ((rc = count_recent_matches (db, fts->str, search.cap, &all)) != SQLITE_OK)
    return rc;

  return rank_matches (db, &search, all.count >= search.cap ? all.oldest : G_MININT64, 0, list);
}

/* The matches in one conversation, in its order. Not ranked: only the
 * matches among the conversation's ids are read (FTS5 takes the rowid
 * bounds; CROSS JOIN keeps it the outer loop), so even a common word
 * costs no walk over the history. */
static int
search_in_conversation_on (sqlite3    *db,
                           GPtrArray  *words,
                           gint64      conversation_id,
                           guint       limit,
                           GListStore *list)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) fts = g_string_new (NULL);
  int rc;

  for (guint i = 0; i < words->len; i++)
    {
      if (i > 0)
        g_string_append_c (fts, ' ');
      append_phrase (fts, g_ptr_array_index (words, i), TRUE);
    }

  rc = sqlite3_prepare_v2 (db,
                           "SELECT f.rowid, c.title, m.role, m.created_at,"
                           "       highlight (messages_fts, 0, '" STEWARD_SEARCH_MATCH_START "',"
                           "                  '" STEWARD_SEARCH_MATCH_END "')"
                           "  FROM messages_fts f"
                           "  CROSS JOIN messages m ON m.id = f.rowid"
                           "  JOIN conversations c ON c.id = m.conversation_id"
                           " WHERE messages_fts MATCH ?1"
                           "   AND f.rowid >= (SELECT min (id) FROM messages WHERE conversation_id = ?2)"
                           "   AND f.rowid <= (SELECT max (id) FROM messages WHERE conversation_id = ?2)"
                           "   AND m.conversation_id = ?2"
                           " ORDER BY f.rowid LIMIT ?3",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_bind_text (stmt, 1, fts->str, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, conversation_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (gint64)limit : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 3);
      g_autofree char *snippet = _steward_search_dup_snippet ((const char *)sqlite3_column_text (stmt, 4));
      g_autoptr(StewardSearchResult) result =
        _steward_search_result_new (sqlite3_column_int64 (stmt, 0),
                                    conversation_id,
                                    (const char *)sqlite3_column_text (stmt, 1),
                                    _steward_store_column_enum (stmt, 2, STEWARD_TYPE_MESSAGE_ROLE,
                                                                STEWARD_MESSAGE_ROLE_USER),
                                    snippet,
                                    created_at);

      g_list_store_append (list, result);
    }

  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void
set_search_error (StewardStoreReader  *reader,
                  sqlite3             *db,
                  int                  rc,
                  GCancellable        *cancellable,
                  GError             **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return;

  g_set_error (error, STEWARD_STORE_ERROR, _steward_store_read_error_kind (rc),
               _("Could not search the database “%s”: %s."),
               _steward_store_reader_get_path (reader),
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static GListModel *
search_messages (StewardStore  *self,
                 const char    *query,
                 guint          limit,
                 gboolean       by_conversation,
                 gint64         conversation_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STEWARD_TYPE_SEARCH_RESULT);
  g_autoptr(GPtrArray) words = split_query_words (query);
  StewardStoreReader *reader;
  sqlite3 *db;
  int rc = SQLITE_OK;

  if (words->len == 0)
    return G_LIST_MODEL (g_steal_pointer (&list));

  reader = _steward_store_get_reader (self);

  if (!(db = _steward_store_reader_lock (reader, cancellable, &rc)))
    {
      set_search_error (reader, NULL, rc, cancellable, error);
      return NULL;
    }

  if (conversation_id != 0)
    rc = search_in_conversation_on (db, words, conversation_id, limit, list);
  else
    rc = search_on (db, words, limit, by_conversation, list);

  if (rc != SQLITE_OK)
    set_search_error (reader, db, rc, cancellable, error);

  _steward_store_reader_unlock (reader);

  if (rc != SQLITE_OK)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * steward_store_search_messages:
 * @query: words as the user typed them; each matches as a prefix, with
 *   diacritics folded ("cafe" finds "café")
 * @limit: at most this many results, or 0 for all of them
 *
 * Searches the messages. With a @limit, a query that matches more than
 * a thousand messages is answered from about the most recent thousand
 * of its matches (see "Searching the history" above). Blocks on the
 * disk: from a main loop that draws, use
 * steward_store_search_messages_async().
 *
 * Returns: (transfer full): #StewardSearchResult items, best match first
 */
GListModel *
steward_store_search_messages (StewardStore  *self,
                               const char    *query,
                               guint          limit,
                               GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return search_messages (self, query, limit, FALSE, 0, NULL, error);
}

/**
 * steward_store_search_conversations:
 * @query: as for steward_store_search_messages()
 * @limit: at most this many conversations, or 0 for all of them
 *
 * Searches the messages as steward_store_search_messages() does, and
 * gives one result for each conversation: its best match, with how many
 * more of its messages match (steward_search_result_get_n_more_matches()).
 * When the matches are many, only those ranked (about the thousand most
 * recent, see "Searching the history" above) are counted.
 *
 * Returns: (transfer full): #StewardSearchResult items, the conversation
 *   with the best match first
 */
GListModel *
steward_store_search_conversations (StewardStore  *self,
                                    const char    *query,
                                    guint          limit,
                                    GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return search_messages (self, query, limit, TRUE, 0, NULL, error);
}

typedef struct
{
  char     *query;
  guint     limit;
  gboolean  by_conversation;
  gint64    conversation_id;
} SearchData;

static void
search_data_free (gpointer data)
{
  SearchData *search = data;

  g_free (search->query);
  g_free (search);
}

static void
search_messages_worker (GTask        *task,
                        gpointer      source_object,
                        gpointer      task_data,
                        GCancellable *cancellable)
{
  SearchData *search = task_data;
  GError *error = NULL;
  GListModel *results;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((results = search_messages (source_object, search->query, search->limit,
                                  search->by_conversation, search->conversation_id,
                                  cancellable, &error)))
    g_task_return_pointer (task, results, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
search_async (StewardStore        *self,
              const char          *query,
              guint                limit,
              gboolean             by_conversation,
              gint64               conversation_id,
              gpointer             source_tag,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  SearchData *search;

  search = g_new0 (SearchData, 1);
  search->query = g_strdup (query);
  search->limit = limit;
  search->by_conversation = by_conversation;
  search->conversation_id = conversation_id;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, search, search_data_free);
  g_task_run_in_thread (task, search_messages_worker);
}

/**
 * steward_store_search_messages_async:
 * @query: as for steward_store_search_messages()
 * @limit: as for steward_store_search_messages()
 * @cancellable: (nullable): stops the search, even in the middle of a
 *   query; then it ends with %G_IO_ERROR_CANCELLED
 *
 * Searches the messages in a worker thread, on a connection of its own,
 * so the main thread neither waits for it nor holds it up. It sees what
 * was committed when it starts.
 */
void
steward_store_search_messages_async (StewardStore        *self,
                                     const char          *query,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  search_async (self, query, limit, FALSE, 0, steward_store_search_messages_async,
                cancellable, callback, user_data);
}

/**
 * steward_store_search_messages_finish:
 *
 * Returns: (transfer full): #StewardSearchResult items, best match first,
 *   or %NULL with @error set
 */
GListModel *
steward_store_search_messages_finish (StewardStore  *self,
                                      GAsyncResult  *result,
                                      GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_store_search_messages_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * steward_store_search_conversations_async:
 * @query: as for steward_store_search_conversations()
 * @limit: as for steward_store_search_conversations()
 * @cancellable: (nullable): as for steward_store_search_messages_async()
 *
 * steward_store_search_conversations() in a worker thread, as
 * steward_store_search_messages_async() searches.
 */
void
steward_store_search_conversations_async (StewardStore        *self,
                                          const char          *query,
                                          guint                limit,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  search_async (self, query, limit, TRUE, 0, steward_store_search_conversations_async,
                cancellable, callback, user_data);
}

/**
 * steward_store_search_conversations_finish:
 *
 * Returns: (transfer full): #StewardSearchResult items, one for each
 *   conversation, the best first, or %NULL with @error set
 */
GListModel *
steward_store_search_conversations_finish (StewardStore  *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_store_search_conversations_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * steward_store_search_in_conversation:
 * @conversation_id: the conversation to search
 * @query: as for steward_store_search_messages()
 * @limit: at most this many results, or 0 for all of them
 *
 * The messages of one conversation that match @query, in the
 * conversation's order (not ranked): the matches behind
 * steward_search_result_get_n_more_matches().
 *
 * Returns: (transfer full): #StewardSearchResult items, the oldest first
 */
GListModel *
steward_store_search_in_conversation (StewardStore  *self,
                                      gint64         conversation_id,
                                      const char    *query,
                                      guint          limit,
                                      GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (conversation_id > 0, NULL);

  return search_messages (self, query, limit, FALSE, conversation_id, NULL, error);
}

/**
 * steward_store_search_in_conversation_async:
 * @conversation_id: as for steward_store_search_in_conversation()
 * @query: as for steward_store_search_in_conversation()
 * @limit: as for steward_store_search_in_conversation()
 * @cancellable: (nullable): as for steward_store_search_messages_async()
 *
 * steward_store_search_in_conversation() in a worker thread.
 */
void
steward_store_search_in_conversation_async (StewardStore        *self,
                                            gint64               conversation_id,
                                            const char          *query,
                                            guint                limit,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data)
{
  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (conversation_id > 0);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  search_async (self, query, limit, FALSE, conversation_id, steward_store_search_in_conversation_async,
                cancellable, callback, user_data);
}

/**
 * steward_store_search_in_conversation_finish:
 *
 * Returns: (transfer full): #StewardSearchResult items, the oldest
 *   first, or %NULL with @error set
 */
GListModel *
steward_store_search_in_conversation_finish (StewardStore  *self,
                                             GAsyncResult  *result,
                                             GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_store_search_in_conversation_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
