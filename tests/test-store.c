/* test-store.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "steward-core.h"
#include "steward-store-private.h"
#include "store-fixture.h"

/* The store itself (steward-store.c, steward-store-connection.c,
 * steward-store-migrations.c, steward-store-settings.c): opening, the
 * schema and its migrations, damaged, newer and read-only files,
 * settings. The domains have suites of their own:
 * test-store-chat.c (with the recovery of interrupted replies, which
 * steward-store-chat.c does), test-store-providers.c,
 * test-store-models.c, test-store-tasks.c. */

static void
test_migrate_from_empty (StoreFixture  *fixture,
                         gconstpointer  user_data)
{
  static const char * const tables[] = {
    "conversations", "messages", "model_limits", "projects", "providers", "settings",
    "tasks", "tiers",
  };
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  g_autofree char *mode = NULL;

  g_assert_false (g_file_test (fixture->db_path, G_FILE_TEST_EXISTS));

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpstr (steward_store_get_path (store), ==, fixture->db_path);
  g_assert_cmpstr (steward_store_get_data_dir (store), ==, fixture->data_dir);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  version = store_fixture_query (fixture->db_path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);

  mode = store_fixture_query (fixture->db_path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM sqlite_schema"
                                              " WHERE type = 'table' AND name = '%s'",
                                              tables[i]);
      g_autofree char *name = store_fixture_query (fixture->db_path, sql);

      g_assert_cmpstr (name, ==, tables[i]);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_constraints (StoreFixture  *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* The check constraints keep values to the documented sets. */
  store_fixture_exec (fixture->db_path,
                      "INSERT INTO conversations (id, title, created_at, updated_at)"
                      " VALUES (1, 'a', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO messages (conversation_id, role, content, status, created_at, updated_at)"
                      " VALUES (1, 'user', 'hello', 'complete', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO messages (conversation_id, role, created_at, updated_at)"
                                   " VALUES (1, 'robot', 'x', 'x')",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO messages (conversation_id, role, status, created_at, updated_at)"
                                   " VALUES (1, 'user', 'done', 'x', 'x')",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    g_assert_cmpint (sqlite3_exec (db,
                                   "INSERT INTO tasks (title, status, created_at, updated_at)"
                                   " VALUES ('t', 'later', 'x', 'x')",
                                   NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);

    /* Foreign keys: a message follows its conversation when it goes. */
    g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON; DELETE FROM conversations WHERE id = 1",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }

  count = store_fixture_query (fixture->db_path, "SELECT count(*) FROM messages");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_reopen_keeps_data (StoreFixture  *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  steward_store_set_setting (store, "personal.name", "Ada", &error);
  g_assert_no_error (error);
  store_fixture_exec (fixture->db_path,
                      "INSERT INTO conversations (title, created_at, updated_at)"
                      " VALUES ('Trip to Lisbon', '2026-05-01T10:00:00.000Z', '2026-05-02T11:30:00.000Z');"
                      "INSERT INTO messages (conversation_id, role, content, created_at, updated_at)"
                      " VALUES (1, 'user', 'Where should we eat?', '2026-05-01T10:00:00Z', '2026-05-01T10:00:00Z');");
  g_assert_finalize_object (g_steal_pointer (&store));

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  name = steward_store_dup_setting (store, "personal.name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Ada");

  conversations = steward_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 1);
  g_assert_true (g_list_model_get_item_type (conversations) == STEWARD_TYPE_CONVERSATION);

  conversation = g_list_model_get_item (conversations, 0);
  g_assert_cmpint (steward_conversation_get_id (conversation), ==, 1);
  g_assert_cmpstr (steward_conversation_get_title (conversation), ==, "Trip to Lisbon");
  g_assert_cmpuint (steward_conversation_get_message_count (conversation), ==, 1);
  g_assert_cmpint (g_date_time_get_day_of_month (steward_conversation_get_updated_at (conversation)), ==, 2);
  g_assert_cmpint (g_date_time_get_hour (steward_conversation_get_updated_at (conversation)), ==, 11);
}

static void
test_newer_version_refused (StoreFixture  *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *wal = g_strconcat (fixture->db_path, "-wal", NULL);
  g_autofree char *newer = g_strdup_printf ("PRAGMA user_version = %d;"
                                            "CREATE TABLE future (x);"
                                            "INSERT INTO future VALUES (42);",
                                            STEWARD_STORE_SCHEMA_VERSION + 1);
  GStatBuf st_before, st_after;

  store_fixture_exec (fixture->db_path, newer);
  before = store_fixture_read_file (fixture->db_path);
  g_assert_cmpint (g_stat (fixture->db_path, &st_before), ==, 0);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_assert_nonnull (strstr (error->message, "newer version of Steward"));

  /* Untouched: same bytes, same time, still in rollback-journal mode. */
  after = store_fixture_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (fixture->db_path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_file_reported (StoreFixture  *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autoptr(GString) garbage = g_string_new (NULL);

  /* Not SQLite at all: a text file that happens to have the name. */
  for (guint i = 0; i < 512; i++)
    g_string_append (garbage, "not a database ");
  g_file_set_contents (fixture->db_path, garbage->str, garbage->len, &error);
  g_assert_no_error (error);
  before = store_fixture_read_file (fixture->db_path);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->db_path));

  after = store_fixture_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_truncated_file_reported (StoreFixture  *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) whole = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* A real database cut short in the middle of its first page, as a
   * failing disk or an interrupted copy leaves it. */
  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));
  store_fixture_exec (fixture->db_path, "PRAGMA wal_checkpoint(TRUNCATE)");

  whole = store_fixture_read_file (fixture->db_path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 100);
  g_file_set_contents (fixture->db_path, g_bytes_get_data (whole, NULL), 60, &error);
  g_assert_no_error (error);
  before = store_fixture_read_file (fixture->db_path);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->db_path));

  after = store_fixture_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_empty_file_reported (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  GStatBuf st;

  /* A file of no bytes is no database, whatever SQLite would make of it. */
  g_file_set_contents (fixture->db_path, "", 0, &error);
  g_assert_no_error (error);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_assert_nonnull (strstr (error->message, "empty"));
  g_clear_error (&error);

  g_assert_cmpint (g_stat (fixture->db_path, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
  dir = g_dir_open (fixture->data_dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "steward.db");
  g_assert_null (g_dir_read_name (dir));
}

static void
test_new_store_made_whole (StoreFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardStore) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *below = g_build_filename (fixture->data_dir, "new", "data", NULL);
  g_autofree char *path = g_build_filename (below, "steward.db", NULL);
  g_autofree char *version = NULL;

  /* A new store appears under its name complete, never as a file that
   * an interrupted first start could leave empty. */
  store = steward_store_open (below, &error);
  g_assert_no_error (error);
  g_assert_false (steward_store_is_read_only (store));
  g_assert_true (steward_store_check_writable (store, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  dir = g_dir_open (below, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "steward.db");
  g_assert_null (g_dir_read_name (dir));

  version = store_fixture_query (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);

  again = steward_store_open (below, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_set_setting (again, "personal.name", "Ada", &error));
  g_assert_no_error (error);
}

static void
test_unusable_data_dir (StoreFixture  *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = g_build_filename (fixture->data_dir, "a-file", NULL);
  g_autofree char *below = g_build_filename (file, "data", NULL);

  g_file_set_contents (file, "x", 1, &error);
  g_assert_no_error (error);

  store = steward_store_open (below, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_IO);
  g_assert_nonnull (strstr (error->message, below));
}

static void
test_settings (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_keys = 0;
  const StewardSettingKey *keys = steward_setting_keys_get (&n_keys);
  char *value;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* Every key has a default that its own check accepts. */
  g_assert_cmpuint (n_keys, >=, 7);
  for (guint i = 0; i < n_keys; i++)
    {
      g_autofree char *normal = steward_setting_key_normalize (&keys[i], keys[i].default_value, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (normal, ==, keys[i].default_value);
      if (i > 0)
        g_assert_cmpint (strcmp (keys[i - 1].key, keys[i].key), <, 0);
    }

  value = steward_store_dup_setting (store, "memory.short-term-exchanges", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "5");
  g_free (value);

  value = steward_store_dup_setting (store, "memory.budget-tokens", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (value, ==, "1000");
  g_free (value);

  g_assert_true (steward_store_set_setting (store, "memory.short-term-exchanges", " 8 ", &error));
  g_assert_no_error (error);
  value = steward_store_dup_setting (store, "memory.short-term-exchanges", &error);
  g_assert_cmpstr (value, ==, "8");
  g_free (value);

  g_assert_true (steward_store_set_setting (store, "memory.auto", "Off", &error));
  value = steward_store_dup_setting (store, "memory.auto", &error);
  g_assert_cmpstr (value, ==, "false");
  g_free (value);

  g_assert_true (steward_store_set_setting (store, "personal.name", "Zoë", &error));
  value = steward_store_dup_setting (store, "personal.name", &error);
  g_assert_cmpstr (value, ==, "Zoë");
  g_free (value);

  /* Bad values are refused and the old value stays. */
  g_assert_false (steward_store_set_setting (store, "memory.short-term-exchanges", "many", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_store_set_setting (store, "memory.short-term-exchanges", "0", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_store_set_setting (store, "memory.auto", "maybe", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  value = steward_store_dup_setting (store, "memory.short-term-exchanges", &error);
  g_assert_cmpstr (value, ==, "8");
  g_free (value);

  g_assert_false (steward_store_set_setting (store, "no.such.key", "1", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (steward_store_dup_setting (store, "no.such.key", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steward_store_reset_setting (store, "memory.short-term-exchanges", &error));
  value = steward_store_dup_setting (store, "memory.short-term-exchanges", &error);
  g_assert_cmpstr (value, ==, "5");
  g_free (value);
}

static void
open_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  StewardStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = steward_store_open_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*out);
}

static void
open_error_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  GError **out = user_data;

  g_assert_null (steward_store_open_finish (result, out));
  g_assert_nonnull (*out);
}

static void
test_open_async (StoreFixture  *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = g_build_filename (fixture->data_dir, "bad", NULL);
  g_autofree char *bad_db = g_build_filename (bad, "steward.db", NULL);

  steward_store_open_async (fixture->data_dir, NULL, open_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  g_assert_cmpint (g_mkdir (bad, 0700), ==, 0);
  g_file_set_contents (bad_db, "garbage garbage garbage garbage garbage garbage garbage garbage "
                       "garbage garbage garbage garbage garbage garbage garbage garbage", -1, NULL);
  steward_store_open_async (bad, NULL, open_error_cb, &error);
  while (error == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT);
}

static void
test_migrate_from_3 (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *version = NULL;
  gint64 summary_through = 0;

  /* A database as schema 3 left it: the migrations this build shipped
   * with before, then data in them. */
  for (guint i = 1; i <= 3; i++)
    store_fixture_exec (fixture->db_path, _steward_store_get_migration (i));
  store_fixture_exec (fixture->db_path,
                      "PRAGMA user_version = 3;"
                      "INSERT INTO providers (name, kind, model, created_at, updated_at)"
                      " VALUES ('Local', 'ollama', 'llama3.2', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO tiers (tier, provider, model, updated_at)"
                      " VALUES ('medium', 'Local', 'llama3.2', '2026-01-01T00:00:00Z');"
                      "INSERT INTO settings (key, value, updated_at)"
                      " VALUES ('chat.context-tokens', '4096', '2026-01-01T00:00:00Z');"
                      "INSERT INTO conversations (id, title, summary, summary_through, created_at, updated_at)"
                      " VALUES (1, 'Soup', 'Leeks.', 2, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO messages (conversation_id, role, content, created_at, updated_at)"
                      " VALUES (1, 'user', 'What can I cook?', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);
  version = store_fixture_query (fixture->db_path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);

  providers = steward_store_list_providers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 1);
  g_assert_true (steward_store_get_tier (store, "medium", &tier_provider, &tier_model, &error));
  g_assert_cmpstr (tier_provider, ==, "Local");
  g_assert_cmpstr (tier_model, ==, "llama3.2");
  g_assert_true (steward_store_get_summary (store, 1, &summary, &summary_through, &error));
  g_assert_cmpstr (summary, ==, "Leeks.");
  messages = steward_store_list_messages (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 1);

  /* No model has a size of its own yet: the stored default applies. */
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", NULL, &error), ==, 4096);
  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "llama3.2", 32768, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", NULL, &error), ==, 32768);
}

static void
test_migrate_from_7 (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *parents = NULL;
  g_autofree char *indexed = NULL;
  gint64 again;

  /* Two conversations written in turns, as schema 7 kept them: in the
   * order of their ids, with no tree. */
  for (guint i = 1; i <= 7; i++)
    store_fixture_exec (fixture->db_path, _steward_store_get_migration (i));
  store_fixture_exec (fixture->db_path,
                      "PRAGMA user_version = 7;"
                      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES"
                      " (1, 'Soup', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (2, 'Bread', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO messages (id, conversation_id, role, content, created_at, updated_at) VALUES"
                      " (1, 1, 'user', 'leeks?', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (2, 2, 'user', 'rye?', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (3, 1, 'assistant', 'yes, leeks', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (4, 2, 'assistant', 'yes, rye', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (5, 1, 'user', 'how long?', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (6, 1, 'assistant', 'an hour', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  /* Each message follows the one before it in its conversation. */
  parents = store_fixture_query (fixture->db_path,
                                 "SELECT group_concat (id || ':' || coalesce (parent_id, '-') || ':' || active, ' ')"
                                 "  FROM (SELECT * FROM messages ORDER BY id)");
  g_assert_cmpstr (parents, ==, "1:-:1 2:-:1 3:1:1 4:2:1 5:3:1 6:5:1");
  messages = steward_store_list_messages (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 4);
  {
    g_autoptr(StewardMessage) reply = steward_store_find_message (store, 3, &error);

    g_assert_cmpint (steward_message_get_parent_id (reply), ==, 1);
    g_assert_cmpuint (steward_message_get_n_alternatives (reply), ==, 1);
  }

  /* The tree is whole: a reply can have another version. */
  again = steward_store_add_alternative (store, 3, STEWARD_MESSAGE_ROLE_ASSISTANT, "no, onions",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&messages);
  messages = steward_store_list_messages (store, 1, &error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 2);

  /* An older writer, adding a message without a parent, adds it at the
   * end of the path. */
  store_fixture_exec (fixture->db_path,
                      "INSERT INTO messages (conversation_id, role, content, created_at, updated_at)"
                      " VALUES (1, 'user', 'thanks', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z');");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT parent_id = %" G_GINT64_FORMAT
                                            " FROM messages WHERE content = 'thanks'", again);
    g_autofree char *follows = store_fixture_query (fixture->db_path, sql);

    g_assert_cmpstr (follows, ==, "1");
  }

  /* Search still finds what was indexed, on the path. */
  indexed = store_fixture_query (fixture->db_path,
                                 "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'rye'");
  g_assert_cmpstr (indexed, ==, "2");
}

static void
test_default_data_dir (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("STEWARD_DATA_DIR"));
  g_autofree char *expected = NULL;
  char *dir;

  dir = steward_store_dup_default_data_dir ("/tmp/explicit");
  g_assert_cmpstr (dir, ==, "/tmp/explicit");
  g_free (dir);

  g_setenv ("STEWARD_DATA_DIR", "/tmp/from-env", TRUE);
  dir = steward_store_dup_default_data_dir (NULL);
  g_assert_cmpstr (dir, ==, "/tmp/from-env");
  g_free (dir);

  /* The option wins over the environment. */
  dir = steward_store_dup_default_data_dir ("/tmp/explicit");
  g_assert_cmpstr (dir, ==, "/tmp/explicit");
  g_free (dir);

  g_unsetenv ("STEWARD_DATA_DIR");
  expected = g_build_filename (g_get_user_data_dir (), DATA_DIR_NAME, NULL);
  dir = steward_store_dup_default_data_dir (NULL);
  g_assert_cmpstr (dir, ==, expected);
  g_free (dir);

  if (saved != NULL)
    g_setenv ("STEWARD_DATA_DIR", saved, TRUE);
}


/* -- read-only ----------------------------------------------------------- */

#define READ_ONLY_DIR_ENV    "STEWARD_TEST_READ_ONLY_DIR"
#define READ_ONLY_EXPECT_ENV "STEWARD_TEST_READ_ONLY_EXPECT"

/* In the child: root may write anything, so it becomes nobody first
 * (dumpable again, so that LeakSanitizer may still look at it). */
static void
drop_privileges (void)
{
  if (geteuid () != 0)
    return;

  if (setgroups (0, NULL) != 0 || setgid (65534) != 0 || setuid (65534) != 0)
    g_error ("Could not run as nobody: %s", g_strerror (errno));
  prctl (PR_SET_DUMPABLE, 1, 0, 0, 0);
}

static void
assert_read_only_error (GError     *error,
                        const char *data_dir)
{
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, data_dir));
  g_assert_true (g_str_has_suffix (error->message, "."));
}

static void
read_only_child (const char *data_dir,
                 const char *expect)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;

  drop_privileges ();
  g_assert_cmpint (g_access (data_dir, W_OK), !=, 0);

  store = steward_store_open (data_dir, &error);

  if (g_str_equal (expect, "refused"))
    {
      /* It would need an update it cannot be given. */
      assert_read_only_error (error, data_dir);
      g_assert_null (store);
      return;
    }

  g_assert_no_error (error);
  g_assert_true (steward_store_is_read_only (store));
  g_assert_false (steward_store_check_writable (store, &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);

  /* Everything reads... */
  name = steward_store_dup_setting (store, "personal.name", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (name, ==, "Ada");
  conversations = steward_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 1);

  /* ...and every change is refused with the same sentence. */
  g_assert_false (steward_store_set_setting (store, "personal.name", "Grace", &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);
  g_assert_cmpint (steward_store_create_conversation (store, "New", &error), ==, 0);
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);
  provider = steward_provider_record_new ("Local", "ollama", NULL, NULL, NULL);
  g_assert_false (steward_store_add_provider (store, provider, &error));
  assert_read_only_error (error, data_dir);
  g_clear_error (&error);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
run_read_only_child (StoreFixture *fixture,
                     const char   *expect)
{
  g_setenv (READ_ONLY_DIR_ENV, fixture->data_dir, TRUE);
  g_setenv (READ_ONLY_EXPECT_ENV, expect, TRUE);
  g_assert_cmpint (g_chmod (fixture->db_path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->data_dir, 0555), ==, 0);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_assert_cmpint (g_chmod (fixture->db_path, 0644), ==, 0);
  g_assert_cmpint (g_chmod (fixture->data_dir, 0700), ==, 0);
  g_unsetenv (READ_ONLY_DIR_ENV);
  g_unsetenv (READ_ONLY_EXPECT_ENV);
  g_test_trap_assert_passed ();
}

/* A data folder and file that cannot be written (permissions here; a
 * read-only mount and a full disk in test-cli.py) give a store that
 * reads and refuses every change, and leaves the files as they were. */
static void
test_read_only (StoreFixture  *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *parent = g_path_get_dirname (fixture->data_dir);
  g_autofree char *old_version = g_strdup_printf ("PRAGMA user_version = %d",
                                                  STEWARD_STORE_SCHEMA_VERSION - 1);
  GStatBuf st;

  if (g_test_subprocess ())
    {
      /* The child's own folder is not used, and could not be removed
       * once the child is nobody. */
      store_fixture_remove_tree (fixture->data_dir);
      read_only_child (g_getenv (READ_ONLY_DIR_ENV), g_getenv (READ_ONLY_EXPECT_ENV));
      return;
    }

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_set_setting (store, "personal.name", "Ada", &error));
  g_assert_cmpint (steward_store_create_conversation (store, "Lisbon", &error), >, 0);
  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&store));

  if (g_stat (parent, &st) != 0 || (st.st_mode & S_IXOTH) == 0)
    {
      g_test_skip ("The temporary folder cannot be entered by another user");
      return;
    }

  before = store_fixture_read_file (fixture->db_path);
  run_read_only_child (fixture, "open");
  after = store_fixture_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_clear_pointer (&before, g_bytes_unref);
  g_clear_pointer (&after, g_bytes_unref);

  /* An older schema needs an update, which cannot be made. */
  store_fixture_exec (fixture->db_path, old_version);
  before = store_fixture_read_file (fixture->db_path);
  run_read_only_child (fixture, "refused");
  after = store_fixture_read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) STORE_TEST_ADD ("store", path, func)

  ADD ("migrate-from-empty", test_migrate_from_empty);
  ADD ("constraints", test_constraints);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("newer-version-refused", test_newer_version_refused);
  ADD ("corrupt-file-reported", test_corrupt_file_reported);
  ADD ("truncated-file-reported", test_truncated_file_reported);
  ADD ("empty-file-reported", test_empty_file_reported);
  ADD ("new-store-made-whole", test_new_store_made_whole);
  ADD ("unusable-data-dir", test_unusable_data_dir);
  ADD ("read-only", test_read_only);
  ADD ("settings", test_settings);
  ADD ("open-async", test_open_async);
  ADD ("migrate-from-3", test_migrate_from_3);
  ADD ("migrate-from-7", test_migrate_from_7);
  g_test_add_func ("/steward/store/default-data-dir", test_default_data_dir);

#undef ADD

  return g_test_run ();
}
