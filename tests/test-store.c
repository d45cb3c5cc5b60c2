/* test-store.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include "steward-core.h"
#include "steward-store-private.h"

typedef struct
{
  char *data_dir;
  char *db_path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->data_dir = g_dir_make_tmp ("steward-test-store-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->data_dir, "steward.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)))
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          remove_tree (child);
        }
    }

  g_remove (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->data_dir);
  g_free (fixture->data_dir);
  g_free (fixture->db_path);
}

/* Runs SQL on the file with a connection of the test's own, so the checks
 * never go through the code under test. */
static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static char *
raw_query (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *ret = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    ret = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return ret;
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, len);
}

static void
test_migrate_from_empty (Fixture       *fixture,
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

  version = raw_query (fixture->db_path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);

  mode = raw_query (fixture->db_path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "wal");

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT name FROM sqlite_schema"
                                              " WHERE type = 'table' AND name = '%s'",
                                              tables[i]);
      g_autofree char *name = raw_query (fixture->db_path, sql);

      g_assert_cmpstr (name, ==, tables[i]);
    }

  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
test_constraints (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* The check constraints keep values to the documented sets. */
  raw_exec (fixture->db_path,
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

  count = raw_query (fixture->db_path, "SELECT count(*) FROM messages");
  g_assert_cmpstr (count, ==, "0");
}

static void
test_reopen_keeps_data (Fixture       *fixture,
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
  raw_exec (fixture->db_path,
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
test_newer_version_refused (Fixture       *fixture,
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

  raw_exec (fixture->db_path, newer);
  before = read_file (fixture->db_path);
  g_assert_cmpint (g_stat (fixture->db_path, &st_before), ==, 0);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_TOO_NEW);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->db_path));
  g_assert_nonnull (strstr (error->message, "newer version of Steward"));

  /* Untouched: same bytes, same time, still in rollback-journal mode. */
  after = read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
  g_assert_cmpint (g_stat (fixture->db_path, &st_after), ==, 0);
  g_assert_cmpint (st_before.st_mtime, ==, st_after.st_mtime);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_corrupt_file_reported (Fixture       *fixture,
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
  before = read_file (fixture->db_path);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT);
  g_assert_null (store);
  g_assert_nonnull (strstr (error->message, fixture->db_path));

  after = read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_truncated_file_reported (Fixture       *fixture,
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
  raw_exec (fixture->db_path, "PRAGMA wal_checkpoint(TRUNCATE)");

  whole = read_file (fixture->db_path);
  g_assert_cmpuint (g_bytes_get_size (whole), >, 100);
  g_file_set_contents (fixture->db_path, g_bytes_get_data (whole, NULL), 60, &error);
  g_assert_no_error (error);
  before = read_file (fixture->db_path);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, fixture->db_path));

  after = read_file (fixture->db_path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_empty_file_reported (Fixture       *fixture,
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
test_new_store_made_whole (Fixture       *fixture,
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

  version = raw_query (path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);

  again = steward_store_open (below, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_set_setting (again, "personal.name", "Ada", &error));
  g_assert_no_error (error);
}

static void
assert_provider_refused (StewardStore    *store,
                         StewardProvider *provider,
                         const char      *old_name,
                         const char      *secret)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (old_name != NULL)
    saved = steward_store_update_provider (store, old_name, provider, &error);
  else
    saved = steward_store_add_provider (store, provider, &error);

  g_assert_false (saved);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "."));
  if (secret != NULL)
    g_assert_null (strstr (error->message, secret));
}

static void
test_provider_checks (Fixture       *fixture,
                      gconstpointer  user_data)
{
  static const char * const bad_names[] = {
    "", "   ", "bad\033[31mname", "tab\tname", "new\nline", "c1\302\233name", "del\177",
  };
  static const char * const bad_urls[] = {
    "http://user:secret@example.com", "https://secret@example.com/v1", "http://:secret@example.com",
    "ftp://example.com", "file:///etc/passwd", "example.com", "http://", "https:///v1",
  };
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProvider) good = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  good = steward_provider_new ("ollama", "Local café", &error);
  g_assert_no_error (error);
  steward_provider_set_base_url (good, "http://127.0.0.1:11434");
  g_assert_true (steward_store_add_provider (store, good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(StewardProvider) provider = steward_provider_new ("ollama", bad_names[i], NULL);

      assert_provider_refused (store, provider, NULL, NULL);
      assert_provider_refused (store, provider, "Local café", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autoptr(StewardProvider) provider = steward_provider_new ("openai", "Remote", NULL);

      steward_provider_set_base_url (provider, bad_urls[i]);
      assert_provider_refused (store, provider, NULL, "secret");
      assert_provider_refused (store, provider, "Local café", "secret");
      g_assert_false (steward_store_check_provider_address (bad_urls[i], NULL));
    }

  g_assert_true (steward_store_check_provider_address ("https://api.example.com/v1", NULL));

  providers = steward_store_list_providers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 1);
}

static void
test_unusable_data_dir (Fixture       *fixture,
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
test_settings (Fixture       *fixture,
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
test_lists (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  conversations = steward_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 0);
  g_clear_object (&conversations);

  raw_exec (fixture->db_path,
            "INSERT INTO conversations (title, created_at, updated_at) VALUES"
            " ('old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
            " ('new', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z');"
            "INSERT INTO tasks (title, status, priority, category, due, position, created_at, updated_at) VALUES"
            " ('Book flights', 'todo', 'high', 'travel', '2026-06-01T09:00:00Z', 2, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'),"
            " ('Pack', 'doing', 'normal', '', NULL, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
            "INSERT INTO projects (name, created_at, updated_at) VALUES"
            " ('Grant proposal', '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z');");

  conversations = steward_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 2);
  {
    g_autoptr(StewardConversation) first = g_list_model_get_item (conversations, 0);
    g_assert_cmpstr (steward_conversation_get_title (first), ==, "new");
  }

  tasks = steward_store_list_tasks (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 2);
  task = g_list_model_get_item (tasks, 0);
  g_assert_cmpstr (steward_task_get_title (task), ==, "Book flights");
  g_assert_cmpint (steward_task_get_status (task), ==, STEWARD_TASK_STATUS_TODO);
  g_assert_cmpint (steward_task_get_priority (task), ==, STEWARD_TASK_PRIORITY_HIGH);
  g_assert_cmpstr (steward_task_get_category (task), ==, "travel");
  g_assert_cmpint (steward_task_get_position (task), ==, 2);
  g_assert_nonnull (steward_task_get_due (task));
  g_assert_cmpint (g_date_time_get_month (steward_task_get_due (task)), ==, 6);
  g_clear_object (&task);
  task = g_list_model_get_item (tasks, 1);
  g_assert_null (steward_task_get_due (task));

  projects = steward_store_list_projects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 1);
  project = g_list_model_get_item (projects, 0);
  g_assert_cmpstr (steward_project_get_name (project), ==, "Grant proposal");
  g_assert_cmpstr (steward_project_get_template (project), ==, "default");
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
test_open_async (Fixture       *fixture,
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
test_recover_interrupted (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *live_status = NULL;
  g_autofree char *dead_status = NULL;
  g_autofree char *dead_content = NULL;
  g_autofree char *sql = NULL;
  gint64 conversation, live, dead;
  GPid child = 0;
  int wait_status;
  char *argv[] = { (char *)"/bin/true", NULL };

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  conversation = steward_store_create_conversation (store, "Crash", &error);
  g_assert_no_error (error);

  /* A reply this (live) process is writing... */
  live = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "", STEWARD_MESSAGE_STATUS_STREAMING,
                                    "p", "m", "medium", &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_update_reply (store, live, "so far", STEWARD_MESSAGE_STATUS_STREAMING, NULL, NULL, &error));

  /* ...and one whose writer has exited. */
  dead = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "", STEWARD_MESSAGE_STATUS_STREAMING,
                                    "p", "m", "medium", &error);
  g_assert_no_error (error);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &child, &error);
  g_assert_no_error (error);
  waitpid (child, &wait_status, 0);
  sql = g_strdup_printf ("UPDATE messages SET writer_pid = %d, content = 'half a sent'"
                         " WHERE id = %" G_GINT64_FORMAT, (int)child, dead);
  raw_exec (fixture->db_path, sql);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  {
    g_autofree char *q1 = g_strdup_printf ("SELECT status FROM messages WHERE id = %" G_GINT64_FORMAT, live);
    g_autofree char *q2 = g_strdup_printf ("SELECT status FROM messages WHERE id = %" G_GINT64_FORMAT, dead);
    g_autofree char *q3 = g_strdup_printf ("SELECT content FROM messages WHERE id = %" G_GINT64_FORMAT, dead);

    live_status = raw_query (fixture->db_path, q1);
    dead_status = raw_query (fixture->db_path, q2);
    dead_content = raw_query (fixture->db_path, q3);
  }

  g_assert_cmpstr (live_status, ==, "streaming");
  g_assert_cmpstr (dead_status, ==, "interrupted");
  g_assert_cmpstr (dead_content, ==, "half a sent");
}

static void
count_cb (StewardStore *store,
          guint        *count)
{
  (*count)++;
}

static void
test_conversation_editing (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GListModel) messages = NULL;
  gint64 id, first, second, third;
  guint changes = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "conversations-changed", G_CALLBACK (count_cb), &changes);

  id = steward_store_create_conversation (store, "Draft", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  first = steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_USER, "one", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  second = steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_ASSISTANT, "two", STEWARD_MESSAGE_STATUS_COMPLETE, "p", "m", "small", &error);
  third = steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_USER, "three", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 4);

  message = steward_store_find_message (store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_message_get_content (message), ==, "two");
  g_assert_cmpstr (steward_message_get_tier (message), ==, "small");
  g_assert_cmpint (steward_message_get_conversation_id (message), ==, id);
  g_assert_null (steward_store_find_message (store, third + 100, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steward_store_rename_conversation (store, id, "  Holiday plans ", &error));
  conversation = steward_store_find_conversation (store, id, &error);
  g_assert_cmpstr (steward_conversation_get_title (conversation), ==, "Holiday plans");
  g_assert_cmpuint (steward_conversation_get_message_count (conversation), ==, 3);
  g_assert_false (steward_store_rename_conversation (store, id, "   ", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Regenerating the reply replaces it and everything after it. */
  g_assert_true (steward_store_delete_messages_from (store, second, &error));
  messages = steward_store_list_messages (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 1);
  g_clear_object (&messages);
  (void)first;

  g_assert_true (steward_store_delete_conversation (store, id, &error));
  g_assert_null (steward_store_find_conversation (store, id, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_delete_conversation (store, id, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *left = raw_query (fixture->db_path, "SELECT count(*) FROM messages");
    g_assert_cmpstr (left, ==, "0");
  }
}

static void
assert_contents (GListModel *messages,
                 const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);

      if (i > 0)
        g_string_append_c (got, ' ');
      g_string_append (got, steward_message_get_content (message));
    }

  g_assert_cmpstr (got->str, ==, expected);
}

/* A view of a long conversation loads its end, then earlier pages. */
static void
test_message_range (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other, ids[6];

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  id = steward_store_create_conversation (store, "Long", &error);
  other = steward_store_create_conversation (store, "Other", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("m%u", i);

      ids[i] = steward_store_add_message (store, id, i % 2 ? STEWARD_MESSAGE_ROLE_ASSISTANT : STEWARD_MESSAGE_ROLE_USER, text, STEWARD_MESSAGE_STATUS_COMPLETE,
                                          NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      /* Interleaved: another conversation's messages never show up. */
      steward_store_add_message (store, other, STEWARD_MESSAGE_ROLE_USER, "elsewhere", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GListModel) all = steward_store_list_messages_range (store, id, 0, 0, 0, &error);
    g_autoptr(GListModel) last = steward_store_list_messages_range (store, id, 0, 0, 2, &error);
    g_autoptr(GListModel) before = steward_store_list_messages_range (store, id, 0, ids[4], 3, &error);
    g_autoptr(GListModel) start = steward_store_list_messages_range (store, id, 0, ids[1], 10, &error);
    g_autoptr(GListModel) between = steward_store_list_messages_range (store, id, ids[2], ids[4], 0, &error);
    g_autoptr(GListModel) none = steward_store_list_messages_range (store, id, 0, ids[0], 10, &error);

    g_assert_no_error (error);
    assert_contents (all, "m0 m1 m2 m3 m4 m5");
    assert_contents (last, "m4 m5");
    assert_contents (before, "m1 m2 m3");
    assert_contents (start, "m0");
    assert_contents (between, "m2 m3");
    assert_contents (none, "");
  }

  g_assert_null (steward_store_list_messages_range (store, other + 100, 0, 0, 0, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

static void
test_providers_and_tiers (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  g_autofree char *stored_url = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  provider = steward_provider_new ("openai", "Work", &error);
  g_assert_no_error (error);
  steward_provider_set_model (provider, "gpt-4o-mini");
  g_assert_true (steward_store_add_provider (store, provider, &error));

  /* The official endpoint is not stored, so it can move with Steward. */
  stored_url = raw_query (fixture->db_path, "SELECT coalesce (base_url, 'NULL') FROM providers");
  g_assert_cmpstr (stored_url, ==, "NULL");

  g_assert_true (steward_store_set_tier (store, "large", "Work", "gpt-4o", &error));

  /* Renaming carries the tier along. */
  g_clear_object (&provider);
  provider = steward_provider_new ("openai", "Office", &error);
  steward_provider_set_base_url (provider, "http://127.0.0.1:8080/v1/");
  g_assert_true (steward_store_update_provider (store, "Work", provider, &error));
  g_assert_no_error (error);

  found = steward_store_find_provider (store, "Office", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_base_url (found), ==, "http://127.0.0.1:8080/v1");
  g_assert_null (steward_provider_get_model (found));

  g_assert_true (steward_store_get_tier (store, "large", &tier_provider, &tier_model, &error));
  g_assert_cmpstr (tier_provider, ==, "Office");
  g_assert_cmpstr (tier_model, ==, "gpt-4o");
  g_clear_pointer (&tier_provider, g_free);
  g_clear_pointer (&tier_model, g_free);

  g_assert_false (steward_store_update_provider (store, "Nobody", provider, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steward_store_clear_tier (store, "large", &error));
  g_assert_true (steward_store_get_tier (store, "large", &tier_provider, &tier_model, &error));
  g_assert_null (tier_provider);
  g_assert_null (tier_model);
  g_assert_false (steward_store_clear_tier (store, "huge", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  providers = steward_store_list_providers (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 1);
}

static void
count_signal (guint        *count,
              StewardStore *store)
{
  (*count)++;
}

static void
test_model_context_tokens (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GPtrArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  StewardModelLimit *limit;
  gboolean is_default = FALSE;
  guint changed = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (store, "providers-changed", G_CALLBACK (count_signal), &changed);

  provider = steward_provider_new ("ollama", "Local", &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  changed = 0;

  /* Unset: 0 of its own, the default applies. */
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "llama3.2", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", &is_default, &error), ==, 8192);
  g_assert_true (is_default);
  limits = steward_store_list_model_limits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 0);
  g_clear_pointer (&limits, g_ptr_array_unref);

  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "llama3.2", 131072, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "llama3.2", &error), ==, 131072);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", &is_default, &error), ==, 131072);
  g_assert_false (is_default);

  /* Another model of the same provider keeps the default, which follows
   * the setting. */
  g_assert_true (steward_store_set_setting (store, "chat.context-tokens", "16384", &error));
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "qwen3", &is_default, &error), ==, 16384);
  g_assert_true (is_default);
  g_assert_cmpint (steward_store_get_context_tokens (store, NULL, NULL, &is_default, &error), ==, 16384);
  g_assert_true (is_default);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", NULL, &error), ==, 131072);

  /* Setting the same size again changes nothing. */
  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "llama3.2", 131072, &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "qwen3", 1024, &error));
  g_assert_cmpuint (changed, ==, 2);

  limits = steward_store_list_model_limits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 2);
  limit = g_ptr_array_index (limits, 0);
  g_assert_cmpstr (limit->provider, ==, "Local");
  g_assert_cmpstr (limit->model, ==, "qwen3");
  g_assert_cmpint (limit->context_tokens, ==, 1024);
  g_assert_nonnull (limit->updated_at);
  limit = g_ptr_array_index (limits, 1);
  g_assert_cmpstr (limit->model, ==, "llama3.2");
  g_assert_cmpint (limit->context_tokens, ==, 131072);
  g_clear_pointer (&limits, g_ptr_array_unref);

  updated_at = raw_query (fixture->db_path, "SELECT updated_at FROM model_limits WHERE model = 'qwen3'");
  g_assert_true (g_str_has_suffix (updated_at, "Z"));

  /* The range of the setting, an existing provider, a model name. */
  g_assert_false (steward_store_set_model_context_tokens (store, "Local", "qwen3", 1023, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1024"));
  g_clear_error (&error);
  g_assert_false (steward_store_set_model_context_tokens (store, "Local", "qwen3", 2000001, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_store_set_model_context_tokens (store, "Nobody", "qwen3", 4096, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody"));
  g_clear_error (&error);
  g_assert_false (steward_store_set_model_context_tokens (store, "Local", "", 4096, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "qwen3", &error), ==, 1024);
  g_assert_cmpuint (changed, ==, 2);

  /* Reset: the default again; resetting twice is no error, an unknown
   * provider is. */
  g_assert_true (steward_store_reset_model_context_tokens (store, "Local", "qwen3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "qwen3", &error), ==, 0);
  g_assert_true (steward_store_reset_model_context_tokens (store, "Local", "qwen3", &error));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_false (steward_store_reset_model_context_tokens (store, "Nobody", "qwen3", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The size survives reopening. */
  g_assert_finalize_object (g_steal_pointer (&store));
  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "llama3.2", &error), ==, 131072);
}

static void
test_model_context_tokens_follow_provider (Fixture       *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(StewardProvider) renamed = NULL;
  g_autoptr(GPtrArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  provider = steward_provider_new ("openai", "Work", &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  g_assert_true (steward_store_set_model_context_tokens (store, "Work", "gpt-4o", 128000, &error));
  g_assert_no_error (error);

  /* A renamed provider keeps its models' sizes. */
  renamed = steward_provider_new ("openai", "Office", &error);
  g_assert_true (steward_store_update_provider (store, "Work", renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Office", "gpt-4o", &error), ==, 128000);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Work", "gpt-4o", &error), ==, 0);

  /* A removed one takes them along; one added again under the name
   * starts from the default. */
  g_assert_true (steward_store_remove_provider (store, "Office", &error));
  g_assert_no_error (error);
  count = raw_query (fixture->db_path, "SELECT count(*) FROM model_limits");
  g_assert_cmpstr (count, ==, "0");
  limits = steward_store_list_model_limits (store, &error);
  g_assert_cmpuint (limits->len, ==, 0);
  g_assert_true (steward_store_add_provider (store, renamed, &error));
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Office", "gpt-4o", &error), ==, 0);
  g_assert_no_error (error);
}

static void
test_migrate_from_3 (Fixture       *fixture,
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
    raw_exec (fixture->db_path, _steward_store_get_migration (i));
  raw_exec (fixture->db_path,
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
  version = raw_query (fixture->db_path, "PRAGMA user_version");
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/store/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("migrate-from-empty", test_migrate_from_empty);
  ADD ("constraints", test_constraints);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("newer-version-refused", test_newer_version_refused);
  ADD ("corrupt-file-reported", test_corrupt_file_reported);
  ADD ("truncated-file-reported", test_truncated_file_reported);
  ADD ("empty-file-reported", test_empty_file_reported);
  ADD ("new-store-made-whole", test_new_store_made_whole);
  ADD ("unusable-data-dir", test_unusable_data_dir);
  ADD ("settings", test_settings);
  ADD ("lists", test_lists);
  ADD ("open-async", test_open_async);
  ADD ("recover-interrupted", test_recover_interrupted);
  ADD ("conversation-editing", test_conversation_editing);
  ADD ("message-range", test_message_range);
  ADD ("providers-and-tiers", test_providers_and_tiers);
  ADD ("provider-checks", test_provider_checks);
  ADD ("model-context-tokens", test_model_context_tokens);
  ADD ("model-context-tokens-follow-provider", test_model_context_tokens_follow_provider);
  ADD ("migrate-from-3", test_migrate_from_3);
  g_test_add_func ("/steward/store/default-data-dir", test_default_data_dir);

#undef ADD

  return g_test_run ();
}
