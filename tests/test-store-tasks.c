/* test-store-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "steward-core.h"
#include "store-fixture.h"

/* Tasks and projects in the store (steward-store-tasks.c): their lists,
 * their order, and the values the schema keeps them to. */

static void
test_lists (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  store_fixture_exec (fixture->db_path,
                      "INSERT INTO tasks (title, status, priority, category, due, position, created_at, updated_at) VALUES"
                      " ('Book flights', 'todo', 'high', 'travel', '2026-06-01T09:00:00Z', 2, '2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z'),"
                      " ('Pack', 'doing', 'normal', '', NULL, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO projects (name, created_at, updated_at) VALUES"
                      " ('Grant proposal', '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z');");

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

/* Empty lists are lists, not errors; tasks made in the same instant keep
 * the order they were made in (the newest first), projects go by when
 * they were last changed. */
static void
test_order (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;
  static const char * const task_order[] = { "Third", "Second", "First", "Oldest" };
  static const char * const project_order[] = { "Thesis", "Garden", "Novel" };

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  tasks = steward_store_list_tasks (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (tasks) == STEWARD_TYPE_TASK);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 0);
  g_clear_object (&tasks);
  projects = steward_store_list_projects (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (projects) == STEWARD_TYPE_PROJECT);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, 0);
  g_clear_object (&projects);

  store_fixture_exec (fixture->db_path,
                      "INSERT INTO tasks (title, created_at, updated_at) VALUES"
                      " ('Oldest', '2025-12-31T23:59:59Z', '2026-01-01T00:00:00Z'),"
                      " ('First', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " ('Second', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " ('Third', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
                      "INSERT INTO projects (name, template, created_at, updated_at) VALUES"
                      " ('Novel', 'book', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'),"
                      " ('Thesis', 'default', '2025-01-01T00:00:00Z', '2026-04-01T12:00:00Z'),"
                      " ('Garden', 'default', '2026-02-01T00:00:00Z', '2026-03-15T00:00:00Z');");

  tasks = steward_store_list_tasks (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, G_N_ELEMENTS (task_order));
  for (guint i = 0; i < G_N_ELEMENTS (task_order); i++)
    {
      g_autoptr(StewardTask) task = g_list_model_get_item (tasks, i);

      g_assert_cmpstr (steward_task_get_title (task), ==, task_order[i]);
      /* What the schema gives a task nobody said more about. */
      g_assert_cmpint (steward_task_get_status (task), ==, STEWARD_TASK_STATUS_TODO);
      g_assert_cmpint (steward_task_get_priority (task), ==, STEWARD_TASK_PRIORITY_MEDIUM);
      g_assert_cmpstr (steward_task_get_category (task), ==, "");
      g_assert_cmpint (steward_task_get_position (task), ==, 0);
      g_assert_null (steward_task_get_due (task));
      g_assert_nonnull (steward_task_get_created_at (task));
      g_assert_cmpint (steward_task_get_id (task), >, 0);
    }

  projects = steward_store_list_projects (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (projects), ==, G_N_ELEMENTS (project_order));
  for (guint i = 0; i < G_N_ELEMENTS (project_order); i++)
    {
      g_autoptr(StewardProject) project = g_list_model_get_item (projects, i);

      g_assert_cmpstr (steward_project_get_name (project), ==, project_order[i]);
    }

  {
    g_autoptr(StewardProject) thesis = g_list_model_get_item (projects, 0);
    g_autoptr(StewardProject) novel = g_list_model_get_item (projects, 2);

    g_assert_cmpint (g_date_time_get_year (steward_project_get_created_at (thesis)), ==, 2025);
    g_assert_cmpint (g_date_time_get_hour (steward_project_get_updated_at (thesis)), ==, 12);
    g_assert_cmpstr (steward_project_get_template (novel), ==, "book");
  }
}

/* The schema keeps tasks and projects to their documented values. */
static void
test_constraints (StoreFixture  *fixture,
                  gconstpointer  user_data)
{
  static const char * const refused[] = {
    "INSERT INTO tasks (title, created_at, updated_at) VALUES ('', 'x', 'x')",
    "INSERT INTO tasks (title, status, created_at, updated_at) VALUES ('t', 'blocked', 'x', 'x')",
    "INSERT INTO tasks (title, priority, created_at, updated_at) VALUES ('t', 'urgent', 'x', 'x')",
    "INSERT INTO tasks (title, status, created_at, updated_at) VALUES ('t', NULL, 'x', 'x')",
    "INSERT INTO projects (name, created_at, updated_at) VALUES ('', 'x', 'x')",
    "INSERT INTO projects (name, created_at, updated_at) VALUES (NULL, 'x', 'x')",
  };
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  sqlite3 *db = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i]);
      g_assert_cmpint (sqlite3_exec (db, refused[i], NULL, NULL, NULL), ==, SQLITE_CONSTRAINT);
    }
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO tasks (title, status, priority, created_at, updated_at)"
                                 " VALUES ('Done and dusted', 'done', 'low', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  count = store_fixture_query (fixture->db_path, "SELECT count(*) FROM projects");
  g_assert_cmpstr (count, ==, "0");

  tasks = steward_store_list_tasks (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (tasks), ==, 1);
  {
    g_autoptr(StewardTask) task = g_list_model_get_item (tasks, 0);

    g_assert_cmpint (steward_task_get_status (task), ==, STEWARD_TASK_STATUS_DONE);
    g_assert_cmpint (steward_task_get_priority (task), ==, STEWARD_TASK_PRIORITY_LOW);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) STORE_TEST_ADD ("store-tasks", path, func)

  ADD ("lists", test_lists);
  ADD ("order", test_order);
  ADD ("constraints", test_constraints);

#undef ADD

  return g_test_run ();
}
