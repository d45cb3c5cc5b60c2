/* test-memory.c
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

  fixture->data_dir = g_dir_make_tmp ("steward-test-memory-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
}

/* One a row the store told of */
static void
row_count_cb (StewardStore     *store,
              StewardRowChange  change,
              gint64            id,
              gint64            parent_id,
              guint            *count)
{
  (*count)++;
}

static void
test_memories (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(StewardMemory) memory = NULL;
  gint64 veg, priya;
  guint changes = 0;

  g_signal_connect (fixture->store, "row-changed::memories", G_CALLBACK (row_count_cb), &changes);

  veg = steward_store_add_memory (fixture->store, "  I'm vegetarian ", FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error);
  g_assert_no_error (error);
  priya = steward_store_add_memory (fixture->store, "My manager is Priya", TRUE, STEWARD_MEMORY_ORIGIN_CHAT, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 2);

  g_assert_cmpint (steward_store_add_memory (fixture->store, "   ", FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  list = steward_store_list_memories (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  memory = g_list_model_get_item (list, 0);
  g_assert_cmpint (steward_memory_get_id (memory), ==, priya);
  g_assert_true (steward_memory_get_pinned (memory));
  g_assert_cmpint (steward_memory_get_origin (memory), ==, STEWARD_MEMORY_ORIGIN_CHAT);
  g_clear_object (&memory);

  memory = steward_store_find_memory (fixture->store, veg, &error);
  g_assert_cmpstr (steward_memory_get_text (memory), ==, "I'm vegetarian");
  g_assert_false (steward_memory_get_pinned (memory));
  g_clear_object (&memory);

  g_assert_true (steward_store_set_memory_pinned (fixture->store, veg, TRUE, &error));
  g_assert_true (steward_store_set_memory_text (fixture->store, veg, "I'm vegan", &error));
  memory = steward_store_find_memory (fixture->store, veg, &error);
  g_assert_cmpstr (steward_memory_get_text (memory), ==, "I'm vegan");
  g_assert_true (steward_memory_get_pinned (memory));
  g_clear_object (&memory);

  /* The index follows edits: the old wording is gone. */
  g_clear_object (&list);
  list = steward_store_rank_memories (fixture->store, "vegetarian recipes", &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);
  list = steward_store_rank_memories (fixture->store, "Something vegan for Priya?", &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);

  g_assert_true (steward_store_forget_memory (fixture->store, veg, &error));
  g_assert_false (steward_store_forget_memory (fixture->store, veg, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_object (&list);
  list = steward_store_rank_memories (fixture->store, "vegan", &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
test_rank_relevance (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) ranked = NULL;
  g_autoptr(StewardMemory) first = NULL;

  steward_store_add_memory (fixture->store, "I play the cello on Tuesdays", FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error);
  steward_store_add_memory (fixture->store, "My cat is called Miso", FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error);
  steward_store_add_memory (fixture->store, "Answer in British English", FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error);
  g_assert_no_error (error);

  ranked = steward_store_rank_memories (fixture->store, "What should I feed my cat?", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (ranked), >=, 1);
  first = g_list_model_get_item (ranked, 0);
  g_assert_cmpstr (steward_memory_get_text (first), ==, "My cat is called Miso");
}

static gint64
add_exchange (Fixture    *fixture,
              const char *title,
              const char *question,
              const char *answer)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_create_conversation (fixture->store, title, &error);

  steward_store_add_message (fixture->store, id, STEWARD_MESSAGE_ROLE_USER, question, STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  steward_store_add_message (fixture->store, id, STEWARD_MESSAGE_ROLE_ASSISTANT, answer, STEWARD_MESSAGE_STATUS_COMPLETE, "p", "m", NULL, &error);
  g_assert_no_error (error);

  return id;
}

/* Pango markup is XML: a parse of it wrapped in one element finds any
 * unescaped <, & or unbalanced tag. */
static gboolean
markup_is_valid (const char *markup)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autofree char *wrapped = g_strdup_printf ("<markup>%s</markup>", markup);

  return g_markup_parse_context_parse (context, wrapped, -1, NULL) &&
         g_markup_parse_context_end_parse (context, NULL);
}

static guint
count_results (Fixture    *fixture,
               const char *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = steward_store_search_messages (fixture->store, query, 50, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (results);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(StewardSearchResult) result = NULL;
  g_autofree char *markup = NULL;
  g_autofree char *marked = NULL;
  gint64 lisbon;

  lisbon = add_exchange (fixture, "Lisbon", "Where can I get a good café in Lisbon?",
                         "Try the Café A Brasileira <near> Chiado & the pastéis.");
  add_exchange (fixture, "Code", "How do I reverse a list in Python?", "Use `reversed(items)`.");

  /* Diacritics folded, both ways. */
  g_assert_cmpuint (count_results (fixture, "cafe"), ==, 2);
  g_assert_cmpuint (count_results (fixture, "CAFÉ"), ==, 2);
  g_assert_cmpuint (count_results (fixture, "pasteis"), ==, 1);
  /* Prefixes, not stems. */
  g_assert_cmpuint (count_results (fixture, "Lisb"), ==, 1);
  g_assert_cmpuint (count_results (fixture, "Lis"), ==, 2);  /* Lisbon, list */
  g_assert_cmpuint (count_results (fixture, "revers"), ==, 2);
  /* Every word must match. */
  g_assert_cmpuint (count_results (fixture, "cafe python"), ==, 0);
  /* What the user types is never query syntax. */
  g_assert_cmpuint (count_results (fixture, "\"cafe"), ==, 2);
  g_assert_cmpuint (count_results (fixture, "NEAR( OR * AND"), ==, 0);
  g_assert_cmpuint (count_results (fixture, "   "), ==, 0);

  results = steward_store_search_messages (fixture->store, "brasileira", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);
  result = g_list_model_get_item (results, 0);
  g_assert_cmpint (steward_search_result_get_conversation_id (result), ==, lisbon);
  g_assert_cmpstr (steward_search_result_get_conversation_title (result), ==, "Lisbon");
  g_assert_cmpint (steward_search_result_get_role (result), ==, STEWARD_MESSAGE_ROLE_ASSISTANT);

  markup = steward_search_result_dup_snippet_markup (result);
  g_assert_nonnull (strstr (markup, "<b>Brasileira</b>"));
  g_assert_nonnull (strstr (markup, "&lt;near&gt;"));
  g_assert_nonnull (strstr (markup, "&amp;"));
  g_assert_true (markup_is_valid (markup));

  marked = steward_search_result_dup_snippet_marked (result, "[", "]");
  g_assert_nonnull (strstr (marked, "[Brasileira]"));

  /* The index follows the messages: deleting a conversation removes them. */
  g_assert_true (steward_store_delete_conversation (fixture->store, lisbon, &error));
  g_assert_cmpuint (count_results (fixture, "cafe"), ==, 0);
}

static void
test_search_follows_streaming (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_create_conversation (fixture->store, "Stream", &error);
  gint64 reply = steward_store_add_message (fixture->store, id, STEWARD_MESSAGE_ROLE_ASSISTANT, "", STEWARD_MESSAGE_STATUS_STREAMING,
                                            "p", "m", NULL, &error);

  gint64 deleted = steward_store_add_message (fixture->store, id, STEWARD_MESSAGE_ROLE_ASSISTANT, "", STEWARD_MESSAGE_STATUS_STREAMING,
                                              "p", "m", NULL, &error);

  /* A growing reply is saved many times, but indexed once, when it ends:
   * re-indexing it on every save cost time quadratic in its length. */
  g_assert_cmpuint (count_results (fixture, "gazpacho"), ==, 0);
  steward_store_update_reply (fixture->store, reply, "A cold gazpacho", STEWARD_MESSAGE_STATUS_STREAMING, NULL, NULL, &error);
  g_assert_cmpuint (count_results (fixture, "gazpacho"), ==, 0);
  steward_store_update_reply (fixture->store, reply, "A cold salmorejo", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_results (fixture, "gazpacho"), ==, 0);
  g_assert_cmpuint (count_results (fixture, "salmorejo"), ==, 1);

  /* Once indexed, a change of text follows. */
  steward_store_update_reply (fixture->store, reply, "A warm ajoblanco", STEWARD_MESSAGE_STATUS_ERROR, "Stopped", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (count_results (fixture, "salmorejo"), ==, 0);
  g_assert_cmpuint (count_results (fixture, "ajoblanco"), ==, 1);

  /* A reply deleted while it streamed leaves the index as it was. */
  steward_store_update_reply (fixture->store, deleted, "A gazpacho never finished", STEWARD_MESSAGE_STATUS_STREAMING, NULL, NULL, &error);
  g_assert_true (steward_store_delete_conversation (fixture->store, id, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_results (fixture, "gazpacho"), ==, 0);
  g_assert_cmpuint (count_results (fixture, "ajoblanco"), ==, 0);
}

static void
test_migration_indexes_old_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("steward-test-memory-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "steward.db", NULL);
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) results = NULL;
  sqlite3 *db = NULL;

  /* A database as Steward's schema 2 left it, with history. */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _steward_store_get_migration (1), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, _steward_store_get_migration (2), NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 2;"
                                 "INSERT INTO conversations (title, created_at, updated_at)"
                                 " VALUES ('Old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                                 "INSERT INTO messages (conversation_id, role, content, created_at, updated_at)"
                                 " VALUES (1, 'user', 'Crème brûlée for dessert', '2026-01-01T00:00:00Z',"
                                 "         '2026-01-01T00:00:00Z');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = steward_store_open (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  results = steward_store_search_messages (store, "creme brulee", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (results), ==, 1);

  g_clear_object (&results);
  g_assert_finalize_object (g_steal_pointer (&store));
  g_remove (path);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_remove (wal);
    g_remove (shm);
  }
  g_rmdir (dir);
}

/* A forgotten fact stays forgotten: automatic memory and "remember …"
 * are refused it, by its words (case, spaces and a closing full stop
 * aside); the user's own word brings it back, and so does unforgetting. */
static void
test_forgotten (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = steward_store_add_memory (fixture->store, "I'm vegetarian", FALSE, STEWARD_MEMORY_ORIGIN_AUTO, 0, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_forget_memory (fixture->store, id, &error));

  g_assert_cmpint (steward_store_add_memory (fixture->store, "i'm   VEGETARIAN.", FALSE,
                                             STEWARD_MEMORY_ORIGIN_AUTO, 0, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FORGOTTEN);
  g_clear_error (&error);
  g_assert_cmpint (steward_store_add_memory (fixture->store, "I'm vegetarian", FALSE,
                                             STEWARD_MEMORY_ORIGIN_CHAT, 0, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FORGOTTEN);
  g_clear_error (&error);

  /* Another fact is not this one. */
  g_assert_cmpint (steward_store_add_memory (fixture->store, "I'm vegetarian on Mondays", FALSE,
                                             STEWARD_MEMORY_ORIGIN_AUTO, 0, &error), >, 0);
  g_assert_no_error (error);

  /* Said again, when the user says so */
  g_assert_true (steward_store_unforget_memory (fixture->store, "I'M VEGETARIAN", &error));
  g_assert_cmpint (steward_store_add_memory (fixture->store, "I'm vegetarian", FALSE,
                                             STEWARD_MEMORY_ORIGIN_CHAT, 0, &error), >, 0);
  g_assert_no_error (error);

  /* Forgotten again, then added by the user: known again for all. */
  {
    g_autoptr(GListModel) list = steward_store_list_memories (fixture->store, &error);

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(StewardMemory) memory = g_list_model_get_item (list, i);

        g_assert_true (steward_store_forget_memory (fixture->store, steward_memory_get_id (memory), &error));
      }
  }
  g_assert_cmpint (steward_store_add_memory (fixture->store, "I'm vegetarian", TRUE,
                                             STEWARD_MEMORY_ORIGIN_USER, 0, &error), >, 0);
  g_assert_cmpint (steward_store_add_memory (fixture->store, "I'm vegetarian on Mondays", FALSE,
                                             STEWARD_MEMORY_ORIGIN_AUTO, 0, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FORGOTTEN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/memory/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("memories", test_memories);
  ADD ("forgotten", test_forgotten);
  ADD ("rank-relevance", test_rank_relevance);
  ADD ("search", test_search);
  ADD ("search-follows-streaming", test_search_follows_streaming);
  g_test_add_func ("/steward/memory/migration-indexes-old-messages", test_migration_indexes_old_messages);

#undef ADD

  return g_test_run ();
}
