/* test-search.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "steward-core.h"
#include "steward-store-private.h"

/* History search off the main thread: steward_store_search_messages_async()
 * on the store's reader connection, its cancelling, what it sees while
 * the main connection writes, its ranking, and the schema that indexes
 * prefixes. The query rules themselves are in test-memory.c. */

typedef struct
{
  char         *data_dir;
  StewardStore *store;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)))
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }

  g_remove (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("steward-test-search-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
}

/* A search's GTask lets go of the store in its worker thread, which may
 * be just after the callback ran. */
static void
wait_for_last_reference (gpointer object)
{
  for (guint i = 0; i < 5000 && g_atomic_int_get (&G_OBJECT (object)->ref_count) > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  wait_for_last_reference (fixture->store);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

static GListModel *
search_conversations_async (StewardStore *store,
                            const char   *query,
                            guint         limit);

static gint64
add_conversation (StewardStore       *store,
                  const char         *title,
                  const char * const *texts)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_create_conversation (store, title, &error);

  g_assert_no_error (error);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      steward_store_add_message (store, id,
                                 i % 2 ? STEWARD_MESSAGE_ROLE_ASSISTANT : STEWARD_MESSAGE_ROLE_USER,
                                 texts[i], STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  return id;
}

/* Adds @n messages in one transaction: "filler" in each, and every
 * @every-th one @word @times times. */
static void
add_many (StewardStore *store,
          guint         n,
          const char   *word,
          guint         every,
          guint         times)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_create_conversation (store, "Many", &error);

  g_assert_no_error (error);
  g_assert_true (_steward_store_exec (store, "BEGIN", &error));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GString) text = g_string_new ("filler text number");

      g_string_append_printf (text, " %u", i);
      if (every > 0 && i % every == 0)
        for (guint t = 0; t < times; t++)
          g_string_append_printf (text, " %s", word);

      steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_USER, text->str,
                                 STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  g_assert_true (_steward_store_exec (store, "COMMIT", &error));
}

typedef struct
{
  GListModel *results;
  GError     *error;
  gint64      finished_at;
  gboolean    done;
} Search;

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Search *search = user_data;

  if (g_task_get_source_tag (G_TASK (result)) == steward_store_search_in_conversation_async)
    search->results = steward_store_search_in_conversation_finish (STEWARD_STORE (object), result, &search->error);
  else if (g_task_get_source_tag (G_TASK (result)) == steward_store_search_conversations_async)
    search->results = steward_store_search_conversations_finish (STEWARD_STORE (object), result, &search->error);
  else
    search->results = steward_store_search_messages_finish (STEWARD_STORE (object), result, &search->error);
  search->finished_at = g_get_monotonic_time ();
  search->done = TRUE;
}

static void
search_clear (Search *search)
{
  g_clear_object (&search->results);
  g_clear_error (&search->error);
  search->done = FALSE;
}

static void
wait_for (Search *search)
{
  while (!search->done)
    g_main_context_iteration (NULL, TRUE);
}

static GListModel *
search_async (StewardStore *store,
              const char   *query,
              guint         limit)
{
  Search search = { 0, };

  steward_store_search_messages_async (store, query, limit, NULL, search_cb, &search);
  wait_for (&search);
  g_assert_no_error (search.error);
  g_assert_nonnull (search.results);

  return search.results;
}

static void
assert_same_results (GListModel *a,
                     GListModel *b)
{
  g_assert_cmpuint (g_list_model_get_n_items (a), ==, g_list_model_get_n_items (b));

  for (guint i = 0; i < g_list_model_get_n_items (a); i++)
    {
      g_autoptr(StewardSearchResult) x = g_list_model_get_item (a, i);
      g_autoptr(StewardSearchResult) y = g_list_model_get_item (b, i);
      g_autofree char *x_snippet = steward_search_result_dup_snippet_marked (x, "[", "]");
      g_autofree char *y_snippet = steward_search_result_dup_snippet_marked (y, "[", "]");

      g_assert_cmpint (steward_search_result_get_message_id (x), ==, steward_search_result_get_message_id (y));
      g_assert_cmpint (steward_search_result_get_conversation_id (x), ==, steward_search_result_get_conversation_id (y));
      g_assert_cmpstr (steward_search_result_get_conversation_title (x), ==, steward_search_result_get_conversation_title (y));
      g_assert_cmpint (steward_search_result_get_role (x), ==, steward_search_result_get_role (y));
      g_assert_cmpstr (x_snippet, ==, y_snippet);
      g_assert_cmpuint (steward_search_result_get_n_more_matches (x), ==,
                        steward_search_result_get_n_more_matches (y));
      g_assert_true (g_date_time_equal (steward_search_result_get_created_at (x),
                                        steward_search_result_get_created_at (y)));
    }
}

static void
test_async_equals_sync (Fixture       *fixture,
                        gconstpointer  user_data)
{
  static const char * const lisbon[] = {
    "Where can I get a good café in Lisbon?",
    "Try the Café A Brasileira <near> Chiado & the pastéis, then a café at the river.",
    NULL
  };
  static const char * const code[] = {
    "How do I reverse a list in Python?", "Use `reversed(items)` or items[::-1].",
    "And a list of cafés?", "Sort it first.", NULL
  };
  static const char * const queries[] = {
    "cafe", "CAFÉ", "Lis", "l", "revers", "cafe python", "list python", "\"cafe", "   ", "zanzibar",
  };

  add_conversation (fixture->store, "Lisbon", lisbon);
  add_conversation (fixture->store, "Code", code);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) sync = steward_store_search_messages (fixture->store, queries[i], 50, &error);
      g_autoptr(GListModel) async = NULL;

      g_assert_no_error (error);
      async = search_async (fixture->store, queries[i], 50);
      assert_same_results (sync, async);
    }

  /* A limit is kept. */
  {
    g_autoptr(GListModel) one = search_async (fixture->store, "cafe", 1);

    g_assert_cmpuint (g_list_model_get_n_items (one), ==, 1);
  }
}

/* For a set of matches below the candidate cap, the ranking is FTS5's
 * bm25, ties to the newest: the same order as the query the store ran
 * before it ranked only recent matches. (How common a word of more than
 * six letters is comes from its first six: here no other word shares
 * them, so the figures are exact.) */
static void
test_ranking_is_bm25 (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char * const texts[] = {
    "one lighthouse", "lighthouse lighthouse keeper", "a lighthouse keeper and a long walk along the shore",
    "keeper of the keys", "lighthouse", "the lighthouse keeper kept the lighthouse lit all night long",
    "lighthouses and harbours", NULL
  };
  static const char * const queries[] = { "lighthouse", "keeper", "lighthouse keeper", "l", "kee light" };
  g_autofree char *path = g_build_filename (fixture->data_dir, "steward.db", NULL);
  sqlite3 *db = NULL;

  add_conversation (fixture->store, "Lights", texts);
  add_many (fixture->store, 40, "lighthouse", 7, 2);

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) results = steward_store_search_messages (fixture->store, queries[i], 20, &error);
      g_autofree char *fts = _steward_store_dup_fts_query (queries[i], TRUE, FALSE);
      sqlite3_stmt *stmt = NULL;
      guint n = 0;

      g_assert_no_error (error);
      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?"
                                           " ORDER BY bm25 (messages_fts), rowid DESC LIMIT 20",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, fts, -1, SQLITE_STATIC);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, n++);

          g_assert_nonnull (result);
          g_assert_cmpint (steward_search_result_get_message_id (result), ==, sqlite3_column_int64 (stmt, 0));
        }
      sqlite3_finalize (stmt);

      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, n);
    }

  sqlite3_close (db);
}

/* A word in more messages than are ranked: the results come from its
 * most recent matches, best first; ties go to the newest. */
static void
test_frequent_word_ranks_recent_matches (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) oldest = NULL;
  g_autoptr(StewardSearchResult) first = NULL;
  g_autoptr(StewardSearchResult) old = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *snippet = NULL;
  gint64 previous = G_MAXINT64;

  /* The best match of all, but older than the thousand most recent … */
  add_many (fixture->store, 1, "filler", 1, 8);
  oldest = steward_store_search_messages (fixture->store, "filler", 1, &error);
  g_assert_no_error (error);
  old = g_list_model_get_item (oldest, 0);

  /* … of 3,000 more, where every 1,000th says it three more times:
   * number 2000 is the best of the recent ones. */
  add_many (fixture->store, 3000, "filler", 1000, 3);

  results = steward_store_search_messages (fixture->store, "filler", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10);
  first = g_list_model_get_item (results, 0);
  snippet = steward_search_result_dup_snippet_marked (first, "[", "]");
  g_assert_nonnull (strstr (snippet, "number 2000 [filler]"));

  /* The rest tie: the newest first. */
  for (guint i = 1; i < 10; i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *text = steward_search_result_dup_snippet_marked (result, "[", "]");
      g_autofree char *expected = g_strdup_printf ("number %u", 3000 - i);

      g_assert_nonnull (strstr (text, expected));
      g_assert_cmpint (steward_search_result_get_message_id (result), <, previous);
      previous = steward_search_result_get_message_id (result);
    }

  /* Every match of a query that has fewer. */
  g_clear_object (&results);
  results = steward_store_search_messages (fixture->store, "filler number 1000", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  /* No limit: every match, however many, the best first. */
  g_clear_object (&results);
  results = steward_store_search_messages (fixture->store, "fill", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3001);
  g_clear_object (&first);
  first = g_list_model_get_item (results, 0);
  g_assert_cmpint (steward_search_result_get_message_id (first), ==, steward_search_result_get_message_id (old));
}

/* Words that look as if they seldom meet, but always do: the search
 * that expected few matches finds too many to rank and ranks the most
 * recent ones instead. */
static void
test_words_that_meet_more_than_expected (Fixture       *fixture,
                                         gconstpointer  user_data)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;

  /* Each word is in one message of 18, and always with the other: 1,112
   * matches, where independent words would meet in about 60. */
  add_many (fixture->store, 20000, "alpha beta", 18, 1);

  results = steward_store_search_messages (fixture->store, "alpha beta", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 10);

  /* All the same: the newest first. */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *text = steward_search_result_dup_snippet_marked (result, "[", "]");
      g_autofree char *expected = g_strdup_printf ("number %u [alpha] [beta]", 19998 - 18 * i);

      g_assert_nonnull (strstr (text, expected));
    }
}

static gboolean
cancel_cb (gpointer user_data)
{
  g_cancellable_cancel (user_data);

  return G_SOURCE_REMOVE;
}

/* Cancelling stops a search in the middle of its query: it ends with
 * G_IO_ERROR_CANCELLED long before the query would have. Timed as a
 * ratio to the same search run to its end, as these machines are noisy. */
static void
test_cancel_stops_a_slow_query (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) early = g_cancellable_new ();
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GError) error = NULL;
  Search search = { 0, };
  gint64 full_us;
  gint64 started;
  gint64 cancelled_at;

  /* Every match ranked and a snippet made for each: slow on purpose. */
  add_many (fixture->store, 20000, NULL, 0, 0);

  started = g_get_monotonic_time ();
  all = steward_store_search_messages (fixture->store, "filler", 0, &error);
  full_us = g_get_monotonic_time () - started;
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 20000);
  g_test_message ("the whole search took %.1f ms", full_us / 1000.0);

  /* Cancelled before it starts. */
  g_cancellable_cancel (early);
  steward_store_search_messages_async (fixture->store, "filler", 0, early, search_cb, &search);
  wait_for (&search);
  g_assert_error (search.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (search.results);
  search_clear (&search);

  /* Cancelled a tenth of the way in. */
  steward_store_search_messages_async (fixture->store, "filler", 0, cancellable, search_cb, &search);
  g_timeout_add (MAX (full_us / 10000, 1), cancel_cb, cancellable);
  while (!g_cancellable_is_cancelled (cancellable))
    g_main_context_iteration (NULL, TRUE);
  cancelled_at = g_get_monotonic_time ();
  wait_for (&search);

  g_assert_error (search.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (search.results);
  g_test_message ("it ended %.1f ms after the cancel", (search.finished_at - cancelled_at) / 1000.0);
  g_assert_cmpint (search.finished_at - cancelled_at, <, full_us / 2);
  search_clear (&search);

  /* The reader is free again, and nothing of the cancel stays on it. */
  g_clear_object (&all);
  all = search_async (fixture->store, "filler", 5);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 5);
}

/* As the popover does: each new query cancels the one before; only the
 * last one's results arrive. */
static void
test_newer_search_supersedes (Fixture       *fixture,
                              gconstpointer  user_data)
{
  static const char * const typed[] = { "c", "ca", "caf", "cafe" };
  static const char * const texts[] = { "A café in Lisbon", "Cats and cars", NULL };
  Search searches[G_N_ELEMENTS (typed)] = { { 0, }, };
  GCancellable *cancellables[G_N_ELEMENTS (typed)] = { NULL, };
  guint last = G_N_ELEMENTS (typed) - 1;

  add_conversation (fixture->store, "Typing", texts);

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      if (i > 0)
        g_cancellable_cancel (cancellables[i - 1]);
      cancellables[i] = g_cancellable_new ();
      steward_store_search_messages_async (fixture->store, typed[i], 50, cancellables[i],
                                           search_cb, &searches[i]);
    }

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    wait_for (&searches[i]);

  for (guint i = 0; i < last; i++)
    {
      g_assert_error (searches[i].error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
      search_clear (&searches[i]);
      g_object_unref (cancellables[i]);
    }

  g_assert_no_error (searches[last].error);
  g_assert_cmpuint (g_list_model_get_n_items (searches[last].results), ==, 1);
  search_clear (&searches[last]);
  g_object_unref (cancellables[last]);
}

/* The reader sees what the main connection committed, not what it is
 * still writing, and a write in progress does not hold it up. */
static void
test_sees_committed_data (Fixture       *fixture,
                          gconstpointer  user_data)
{
  static const char * const texts[] = { "The zeppelin crossed the Atlantic", NULL };
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  add_conversation (fixture->store, "Airships", texts);
  results = search_async (fixture->store, "zeppelin", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  g_assert_true (_steward_store_exec (fixture->store, "BEGIN IMMEDIATE", &error));
  id = steward_store_create_conversation (fixture->store, "More airships", &error);
  g_assert_no_error (error);
  steward_store_add_message (fixture->store, id, STEWARD_MESSAGE_ROLE_USER, "A zeppelin over Lakehurst",
                             STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&results);
  results = search_async (fixture->store, "zeppelin", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_clear_object (&results);
  results = search_async (fixture->store, "lakehurst", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);

  g_assert_true (_steward_store_exec (fixture->store, "COMMIT", &error));

  g_clear_object (&results);
  results = search_async (fixture->store, "zeppelin", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 2);
  g_clear_object (&results);
  results = search_async (fixture->store, "lakehurst", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  /* And a deletion, once committed. */
  g_assert_true (steward_store_delete_conversation (fixture->store, id, &error));
  g_clear_object (&results);
  results = search_async (fixture->store, "lakehurst", 50);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 0);
}

static GListModel *
search_conversations_async (StewardStore *store,
                            const char   *query,
                            guint         limit)
{
  Search search = { 0, };

  steward_store_search_conversations_async (store, query, limit, NULL, search_cb, &search);
  wait_for (&search);
  g_assert_no_error (search.error);
  g_assert_nonnull (search.results);

  return search.results;
}

/* Pango markup is XML inside an element. */
static void
assert_well_formed (const char *markup)
{
  static const GMarkupParser parser = { 0, };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *document = g_strdup_printf ("<markup>%s</markup>", markup);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, document, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static char *
dup_first_snippet (StewardStore *store,
                   const char   *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = steward_store_search_messages (store, query, 10, &error);
  g_autoptr(StewardSearchResult) first = NULL;

  g_assert_no_error (error);
  first = g_list_model_get_item (results, 0);
  g_assert_nonnull (first);

  return steward_search_result_dup_snippet_marked (first, "[", "]");
}

/* A snippet is the text as it reads, without its Markdown, with the
 * matches marked: a window of words around the first one. */
static void
test_snippet_is_plain_text (Fixture       *fixture,
                            gconstpointer  user_data)
{
  static const char * const texts[] = {
    "Where is a good café?",
    "## Coffee\n\n"
    "Try **Café A Brasileira** in `Chiado`, see [the map](https://example.com/atlas) &amp; _more_:\n\n"
    "- a bica\n"
    "- a pastel de nata\n\n"
    "1. then walk\n\n"
    "> quoted zanzibar\n\n"
    "| Left | Right |\n| --- | --- |\n| tablecell | other |\n",
    NULL
  };
  static const char * const long_text[] = {
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen"
    " *lighthouse* sixteen seventeen eighteen nineteen twenty twentyone twentytwo twentythree"
    " twentyfour twentyfive twentysix",
    NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(StewardSearchResult) result = NULL;
  g_autofree char *snippet = NULL;
  g_autofree char *markup = NULL;

  add_conversation (fixture->store, "Lisbon", texts);
  add_conversation (fixture->store, "Counting", long_text);

  snippet = dup_first_snippet (fixture->store, "brasileira");
  g_assert_cmpstr (snippet, ==,
                   "Coffee Try Café A [Brasileira] in Chiado, see the map & more: a bica a pastel…");
  g_clear_pointer (&snippet, g_free);

  /* Where the syntax was, whatever the block */
  for (guint i = 0; i < 4; i++)
    {
      static const char * const queries[] = { "chiado", "zanzibar", "tablecell", "walk" };
      static const char * const expected[] = { "[Chiado]", "[zanzibar]", "[tablecell]", "[walk]" };

      snippet = dup_first_snippet (fixture->store, queries[i]);
      g_assert_nonnull (strstr (snippet, expected[i]));
      g_assert_null (strstr (snippet, "**"));
      g_assert_null (strstr (snippet, "`"));
      g_assert_null (strstr (snippet, "]("));
      g_assert_null (strstr (snippet, "#"));
      g_assert_null (strstr (snippet, "- "));
      g_assert_null (strstr (snippet, "> "));
      g_assert_null (strstr (snippet, "|"));
      g_clear_pointer (&snippet, g_free);
    }

  /* A match only in a link's target, which is not shown: the snippet
   * starts at the start. */
  snippet = dup_first_snippet (fixture->store, "atlas");
  g_assert_true (g_str_has_prefix (snippet, "Coffee Try Café"));
  g_assert_null (strstr (snippet, "["));
  g_clear_pointer (&snippet, g_free);

  /* A long text: some words before the match, "…" where it is cut. */
  snippet = dup_first_snippet (fixture->store, "lighthouse");
  g_assert_cmpstr (snippet, ==, "…eleven twelve thirteen fourteen [lighthouse] sixteen seventeen eighteen"
                                " nineteen twenty twentyone twentytwo twentythree twentyfour twentyfive twentysix");
  g_clear_pointer (&snippet, g_free);

  /* The markup is escaped, the matches bold. */
  results = steward_store_search_messages (fixture->store, "bica", 10, &error);
  g_assert_no_error (error);
  result = g_list_model_get_item (results, 0);
  markup = steward_search_result_dup_snippet_markup (result);
  g_assert_nonnull (strstr (markup, "…map &amp; more: a <b>bica</b> a pastel"));
  assert_well_formed (markup);
}

/* One result for each conversation: its best match, the conversation
 * with the best match first, and how many more of its messages match;
 * the same order as FTS5's bm25 over every message. */
static void
test_groups_by_conversation (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const char * const airships[] = {
    "The zeppelin crossed the Atlantic", "A zeppelin is a rigid airship",
    "Which zeppelin was the largest?", "The Hindenburg, a zeppelin zeppelin zeppelin", NULL
  };
  static const char * const trains[] = { "A zeppelin or a train from Berlin?", "The train.", NULL };
  static const char * const ships[] = {
    "Zeppelin zeppelin zeppelin zeppelin zeppelin!", "Quite.", "Another zeppelin, then", NULL
  };
  static const char * const other[] = { "Nothing to see here", NULL };
  g_autofree char *path = g_build_filename (fixture->data_dir, "steward.db", NULL);
  g_autoptr(GArray) counts = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GArray) best = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) best_conversations = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) async = NULL;
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;
  gint64 ids[3];

  ids[0] = add_conversation (fixture->store, "Airships", airships);
  ids[1] = add_conversation (fixture->store, "Trains", trains);
  ids[2] = add_conversation (fixture->store, "Ships", ships);
  add_conversation (fixture->store, "Other", other);

  /* What bm25 says, message by message */
  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT f.rowid, m.conversation_id FROM messages_fts f"
                                       "  JOIN messages m ON m.id = f.rowid"
                                       " WHERE messages_fts MATCH '\"zeppelin\"*'"
                                       " ORDER BY bm25 (messages_fts), f.rowid DESC",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 message = sqlite3_column_int64 (stmt, 0);
      gint64 conversation = sqlite3_column_int64 (stmt, 1);
      guint i;

      for (i = 0; i < best_conversations->len; i++)
        if (g_array_index (best_conversations, gint64, i) == conversation)
          break;

      if (i == best_conversations->len)
        {
          guint none = 0;

          g_array_append_val (best, message);
          g_array_append_val (best_conversations, conversation);
          g_array_append_val (counts, none);
        }
      g_array_index (counts, guint, i)++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (best->len, ==, 3);

  results = steward_store_search_conversations (fixture->store, "zeppelin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 3);

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);
      g_assert_cmpint (steward_search_result_get_message_id (result), ==, g_array_index (best, gint64, i));
      g_assert_cmpint (steward_search_result_get_conversation_id (result), ==,
                       g_array_index (best_conversations, gint64, i));
      g_assert_cmpuint (steward_search_result_get_n_more_matches (result), ==,
                        g_array_index (counts, guint, i) - 1);
    }

  /* As the words say: the ships' five times, then the Hindenburg's
   * three (with three more in its conversation), then the train. */
  {
    g_autoptr(StewardSearchResult) ships_result = g_list_model_get_item (results, 0);
    g_autoptr(StewardSearchResult) airships_result = g_list_model_get_item (results, 1);
    g_autoptr(StewardSearchResult) trains_result = g_list_model_get_item (results, 2);
    g_autofree char *snippet = steward_search_result_dup_snippet_marked (airships_result, "[", "]");

    g_assert_cmpint (steward_search_result_get_conversation_id (ships_result), ==, ids[2]);
    g_assert_cmpuint (steward_search_result_get_n_more_matches (ships_result), ==, 1);
    g_assert_cmpint (steward_search_result_get_conversation_id (airships_result), ==, ids[0]);
    g_assert_cmpuint (steward_search_result_get_n_more_matches (airships_result), ==, 3);
    g_assert_cmpstr (snippet, ==, "The Hindenburg, a [zeppelin] [zeppelin] [zeppelin]");
    g_assert_cmpint (steward_search_result_get_conversation_id (trains_result), ==, ids[1]);
    g_assert_cmpuint (steward_search_result_get_n_more_matches (trains_result), ==, 0);
  }

  /* The same in a worker, and a limit counts conversations. */
  async = search_conversations_async (fixture->store, "zeppelin", 10);
  assert_same_results (results, async);
  first = search_conversations_async (fixture->store, "zeppelin", 1);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, 1);

  /* The matches behind "3 more", in the conversation's order */
  {
    g_autoptr(GListModel) in_airships = steward_store_search_in_conversation (fixture->store, ids[0],
                                                                               "zeppelin", 0, &error);
    gint64 previous = 0;

    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (in_airships), ==, 4);
    for (guint i = 0; i < 4; i++)
      {
        g_autoptr(StewardSearchResult) result = g_list_model_get_item (in_airships, i);
        g_autofree char *snippet = steward_search_result_dup_snippet_marked (result, "[", "]");

        g_assert_cmpint (steward_search_result_get_conversation_id (result), ==, ids[0]);
        g_assert_cmpint (steward_search_result_get_message_id (result), >, previous);
        g_assert_nonnull (strstr (snippet, "[zeppelin]"));
        previous = steward_search_result_get_message_id (result);
      }
  }

  /* The search by message still lists every match. */
  g_clear_object (&results);
  results = steward_store_search_messages (fixture->store, "zeppelin", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 7);
}

static guint
count_fts_matches (sqlite3    *db,
                   const char *query)
{
  sqlite3_stmt *stmt = NULL;
  guint count;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH ?",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  count = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);

  return count;
}

/* Schema 6 indexes prefixes of one to six characters, from the
 * messages of schema 5 that had stopped streaming. */
static void
test_migration_indexes_prefixes (void)
{
  static const char * const typed[] = { "c", "cr", "cre", "crem", "creme", "dessert", "creme brul" };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steward-test-search-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "steward.db", NULL);
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) results = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  for (guint version = 1; version <= 5; version++)
    g_assert_cmpint (sqlite3_exec (db, _steward_store_get_migration (version), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO conversations (title, created_at, updated_at)"
                                 " VALUES ('Old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                 "INSERT INTO messages (conversation_id, role, content, status, created_at, updated_at)"
                                 " VALUES (1, 'user', 'Crème brûlée for dessert', 'complete',"
                                 "         '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                                 "        (1, 'assistant', 'A tarte tatin, still streaming', 'streaming',"
                                 "         '2026-01-01T00:00:01Z', '2026-01-01T00:00:01Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  /* The migration itself: the reply still streaming stays out. */
  g_assert_cmpint (sqlite3_exec (db, _steward_store_get_migration (6), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpuint (count_fts_matches (db, "creme"), ==, 1);
  g_assert_cmpuint (count_fts_matches (db, "tatin"), ==, 0);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE name = 'messages_fts'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_nonnull (strstr ((const char *)sqlite3_column_text (stmt, 0), "prefix = '1 2 3 4 5 6'"));
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = steward_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  /* Prefixes of every indexed length, and longer ones. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      g_clear_object (&results);
      results = search_async (store, typed[i], 10);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
    }

  /* The schema 5 triggers still index a reply once it stops streaming:
   * here, when opening marks it interrupted, its writer being gone. */
  g_clear_object (&results);
  results = search_async (store, "tat", 10);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  g_assert_true (steward_store_update_reply (store, 2, "A tarte tatin aux poires", STEWARD_MESSAGE_STATUS_COMPLETE,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&results);
  results = search_async (store, "poi", 10);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  g_clear_object (&results);
  wait_for_last_reference (store);
  g_assert_finalize_object (g_steal_pointer (&store));
  remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/search/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("async-equals-sync", test_async_equals_sync);
  ADD ("ranking-is-bm25", test_ranking_is_bm25);
  ADD ("frequent-word-ranks-recent-matches", test_frequent_word_ranks_recent_matches);
  ADD ("words-that-meet-more-than-expected", test_words_that_meet_more_than_expected);
  ADD ("cancel-stops-a-slow-query", test_cancel_stops_a_slow_query);
  ADD ("newer-search-supersedes", test_newer_search_supersedes);
  ADD ("sees-committed-data", test_sees_committed_data);
  ADD ("snippet-is-plain-text", test_snippet_is_plain_text);
  ADD ("groups-by-conversation", test_groups_by_conversation);
  g_test_add_func ("/steward/search/migration-indexes-prefixes", test_migration_indexes_prefixes);

#undef ADD

  return g_test_run ();
}
