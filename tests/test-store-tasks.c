/* test-store-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <sqlite3.h>

#include "steward-core.h"
#include "steward-store-private.h"
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
                      " ('Pack', 'doing', 'medium', '', NULL, 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');"
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
    "INSERT INTO tasks (title, priority, created_at, updated_at) VALUES ('t', 'normal', 'x', 'x')",
    "INSERT INTO tasks (title, due, created_at, updated_at) VALUES ('t', 'tomorrow', 'x', 'x')",
    "INSERT INTO tasks (title, due, created_at, updated_at) VALUES ('t', '2026-03-01T10:00:00.000Z', 'x', 'x')",
    "INSERT INTO tasks (title, position, created_at, updated_at) VALUES ('t', -1, 'x', 'x')",
    "INSERT INTO tasks (title, source, created_at, updated_at) VALUES ('t', 'email', 'x', 'x')",
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

/* The positions of each status, "todo:1,2 doing: done:3", in order. */
static char *
dup_board (StoreFixture *fixture)
{
  return store_fixture_query (fixture->db_path,
                              "SELECT group_concat (s || ':' || coalesce (ids, ''), ' ') FROM ("
                              "  SELECT s.value AS s,"
                              "         (SELECT group_concat (id, ',') FROM"
                              "            (SELECT id FROM tasks WHERE status = s.value ORDER BY position)) AS ids"
                              "    FROM (SELECT 'todo' AS value UNION ALL SELECT 'doing' UNION ALL SELECT 'done') s)");
}

/* Every status' positions are 0 to n-1. */
static void
assert_dense (StoreFixture *fixture)
{
  g_autofree char *bad = store_fixture_query (fixture->db_path,
                                              "SELECT count (*) FROM (SELECT status, count (*) AS n,"
                                              "  min (position) AS lo, max (position) AS hi,"
                                              "  count (DISTINCT position) AS distinct_n"
                                              "  FROM tasks GROUP BY status)"
                                              " WHERE lo != 0 OR hi != n - 1 OR distinct_n != n");

  g_assert_cmpstr (bad, ==, "0");
}

static void
row_changed_cb (StewardStore     *store,
                StewardRowChange  change,
                gint64            id,
                gint64            parent_id,
                GArray           *ids)
{
  gint64 signed_id = change == STEWARD_ROW_REMOVED ? -id : id;

  g_array_append_val (ids, signed_id);
}

/* Rows that only moved are told of together, each with its new place. */
static void
positions_changed_cb (StewardStore *store,
                      GArray       *positions,
                      GArray       *ids)
{
  g_assert_cmpuint (positions->len, >, 0);
  for (guint i = 0; i < positions->len; i++)
    g_array_append_val (ids, g_array_index (positions, StewardRowPosition, i).id);
}

static gint64
add (StewardStore      *store,
     const char        *title,
     StewardTaskStatus  status)
{
  g_autoptr(StewardTaskDraft) draft = steward_task_draft_new (title);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = steward_store_add_task (store, draft, status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
test_write (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardTaskDraft) draft = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GArray) told = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *board = NULL;
  g_autofree char *stored = NULL;
  gint64 a, b, c, d;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "row-changed::tasks", G_CALLBACK (row_changed_cb), told);
  g_signal_connect (store, "positions-changed::tasks", G_CALLBACK (positions_changed_cb), told);

  /* Every field, as written and read back */
  draft = steward_task_draft_new ("  Call Sam  ");
  draft->notes = g_strdup ("Ask about **Friday**");
  draft->priority = STEWARD_TASK_PRIORITY_URGENT;
  draft->category = g_strdup ("work");
  draft->due = g_date_time_new_utc (2026, 3, 12, 16, 30, 0);
  draft->due_has_time = TRUE;
  draft->rrule = g_strdup ("FREQ=WEEKLY;BYDAY=TH");
  draft->source = STEWARD_TASK_SOURCE_MESSAGE;
  draft->source_ref = g_strdup ("42");
  a = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (told->len, ==, 1);
  g_assert_cmpint (g_array_index (told, gint64, 0), ==, a);
  stored = store_fixture_query (fixture->db_path, "SELECT due || ' ' || priority || ' ' || source FROM tasks");
  g_assert_cmpstr (stored, ==, "2026-03-12T16:30:00Z urgent message");
  task = steward_store_find_task (store, a, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_task_get_title (task), ==, "Call Sam");
  g_assert_cmpstr (steward_task_get_notes (task), ==, "Ask about **Friday**");
  g_assert_cmpint (steward_task_get_priority (task), ==, STEWARD_TASK_PRIORITY_URGENT);
  g_assert_cmpstr (steward_task_get_category (task), ==, "work");
  g_assert_true (steward_task_get_due_has_time (task));
  g_assert_true (g_date_time_equal (steward_task_get_due (task), draft->due));
  g_assert_cmpstr (steward_task_get_rrule (task), ==, "FREQ=WEEKLY;BYDAY=TH");
  g_assert_cmpint (steward_task_get_source (task), ==, STEWARD_TASK_SOURCE_MESSAGE);
  g_assert_cmpstr (steward_task_get_source_ref (task), ==, "42");
  g_assert_cmpint (steward_task_get_position (task), ==, 0);
  g_assert_null (steward_task_get_completed_at (task));
  g_assert_nonnull (steward_task_get_updated_at (task));
  g_clear_object (&task);

  /* A day stays that day: stored as the day, read as local midnight */
  g_clear_pointer (&draft, steward_task_draft_free);
  draft = steward_task_draft_new ("Report");
  draft->due = g_date_time_new_local (2026, 10, 25, 0, 0, 0);
  b = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  g_clear_pointer (&stored, g_free);
  stored = store_fixture_query (fixture->db_path, "SELECT due FROM tasks WHERE title = 'Report'");
  g_assert_cmpstr (stored, ==, "2026-10-25");
  task = steward_store_find_task (store, b, &error);
  g_assert_false (steward_task_get_due_has_time (task));
  g_assert_cmpint (g_date_time_get_day_of_month (steward_task_get_due (task)), ==, 25);
  g_assert_cmpint (g_date_time_get_hour (steward_task_get_due (task)), ==, 0);
  g_assert_cmpint (steward_task_get_position (task), ==, 1);

  /* The draft of a task is the task */
  {
    g_autoptr(StewardTaskDraft) again = steward_task_dup_draft (task);

    g_assert_cmpstr (again->title, ==, "Report");
    g_assert_false (again->due_has_time);
    g_free (again->title);
    again->title = g_strdup ("Report, final");
    g_clear_pointer (&again->due, g_date_time_unref);
    g_assert_true (steward_store_update_task (store, b, again, &error));
    g_assert_no_error (error);
  }
  g_clear_object (&task);
  task = steward_store_find_task (store, b, &error);
  g_assert_cmpstr (steward_task_get_title (task), ==, "Report, final");
  g_assert_null (steward_task_get_due (task));
  g_clear_object (&task);

  c = add (store, "Pack", STEWARD_TASK_STATUS_TODO);
  d = add (store, "Print", STEWARD_TASK_STATUS_DOING);
  board = dup_board (fixture);
  {
    g_autofree char *expected = g_strdup_printf ("todo:%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                                 " doing:%" G_GINT64_FORMAT " done:", a, b, c, d);
    g_assert_cmpstr (board, ==, expected);
  }

  /* Within a column: the first to the end; the others told of too, as
   * rows that moved up */
  g_array_set_size (told, 0);
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_TODO, -1, &error));
  g_assert_no_error (error);
  g_clear_pointer (&board, g_free);
  board = dup_board (fixture);
  {
    g_autofree char *expected = g_strdup_printf ("todo:%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                                 " doing:%" G_GINT64_FORMAT " done:", b, c, a, d);
    g_assert_cmpstr (board, ==, expected);
  }
  g_assert_cmpuint (told->len, ==, 3);
  g_assert_cmpint (g_array_index (told, gint64, 0), ==, a);

  /* Where it is already: nothing written, nothing told */
  g_array_set_size (told, 0);
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_TODO, 2, &error));
  g_assert_cmpuint (told->len, ==, 0);

  /* Between columns, to a place: into Done marks when */
  g_assert_true (steward_store_move_task (store, c, STEWARD_TASK_STATUS_DONE, 0, &error));
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_DOING, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&board, g_free);
  board = dup_board (fixture);
  {
    g_autofree char *expected = g_strdup_printf ("todo:%" G_GINT64_FORMAT " doing:%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                                 " done:%" G_GINT64_FORMAT, b, a, d, c);
    g_assert_cmpstr (board, ==, expected);
  }
  task = steward_store_find_task (store, c, &error);
  g_assert_nonnull (steward_task_get_completed_at (task));
  g_clear_object (&task);
  g_assert_true (steward_store_move_task (store, c, STEWARD_TASK_STATUS_TODO, 99, &error));
  task = steward_store_find_task (store, c, &error);
  g_assert_null (steward_task_get_completed_at (task));
  g_assert_cmpint (steward_task_get_position (task), ==, 1);
  g_clear_object (&task);
  assert_dense (fixture);

  /* Done, and back for a repeating task: next Thursday, same time */
  {
    gint64 next = 0;
    g_autoptr(StewardTask) again = NULL;
    g_autoptr(GDateTime) week_later = g_date_time_new_utc (2026, 3, 19, 16, 30, 0);

    g_array_set_size (told, 0);
    g_assert_true (steward_store_complete_task (store, a, &next, &error));
    g_assert_no_error (error);
    g_assert_cmpint (next, >, 0);
    again = steward_store_find_task (store, next, &error);
    g_assert_cmpint (steward_task_get_status (again), ==, STEWARD_TASK_STATUS_TODO);
    g_assert_cmpint (steward_task_get_position (again), ==, 2);
    g_assert_cmpstr (steward_task_get_title (again), ==, "Call Sam");
    g_assert_true (g_date_time_equal (steward_task_get_due (again), week_later));
    g_assert_cmpint (g_array_index (told, gint64, told->len - 1), ==, next);

    /* Done already: nothing more */
    g_assert_true (steward_store_complete_task (store, a, &next, &error));
    g_assert_cmpint (next, ==, 0);
  }
  assert_dense (fixture);

  /* Reminded once for a due; a new due is reminded again */
  g_assert_true (steward_store_set_task_reminded (store, c, &error));
  task = steward_store_find_task (store, c, &error);
  g_assert_nonnull (steward_task_get_reminded_at (task));
  {
    g_autoptr(StewardTaskDraft) moved_on = steward_task_dup_draft (task);

    moved_on->due = g_date_time_new_local (2026, 5, 1, 0, 0, 0);
    g_assert_true (steward_store_update_task (store, c, moved_on, &error));
  }
  g_clear_object (&task);
  task = steward_store_find_task (store, c, &error);
  g_assert_null (steward_task_get_reminded_at (task));
  g_clear_object (&task);

  /* Delete closes the gap; clear done empties Done */
  g_assert_true (steward_store_delete_task (store, b, &error));
  g_assert_no_error (error);
  assert_dense (fixture);
  g_assert_cmpuint (steward_store_clear_done_tasks (store, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_store_clear_done_tasks (store, &error), ==, 0);
  g_assert_no_error (error);
  assert_dense (fixture);
}

static void
test_write_errors (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardTaskDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  draft = steward_task_draft_new ("   ");
  g_assert_cmpint (steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "A task needs a title.");
  g_clear_error (&error);

  g_free (draft->title);
  draft->title = g_strdup ("Water");
  draft->rrule = g_strdup ("FREQ=DAILY");
  g_assert_cmpint (steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  draft->due = g_date_time_new_local (2026, 1, 1, 0, 0, 0);
  g_free (draft->rrule);
  draft->rrule = g_strdup ("FREQ=HOURLY");
  g_assert_cmpint (steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (steward_store_move_task (store, 7, STEWARD_TASK_STATUS_DONE, 0, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no task 7.");
  g_clear_error (&error);
  g_clear_pointer (&draft->rrule, g_free);
  g_assert_false (steward_store_update_task (store, 7, draft, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_complete_task (store, 7, NULL, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_delete_task (store, 7, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_set_task_reminded (store, 7, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A failed call leaves no transaction open */
  add (store, "Still works", STEWARD_TASK_STATUS_TODO);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 id_a = steward_task_get_id (*(StewardTask **)a);
  gint64 id_b = steward_task_get_id (*(StewardTask **)b);

  return (id_a > id_b) - (id_a < id_b);
}

/* A list that follows the store's signals alone has every task where
 * the database has it: every row that moved was told of. */
static void
assert_followed (StoreFixture   *fixture,
                 StewardRowList *list)
{
  g_autofree char *stored = store_fixture_query (fixture->db_path,
                                                 "SELECT coalesce (group_concat (id || ':' || status || ':' || position, ' '), '')"
                                                 "  FROM (SELECT * FROM tasks ORDER BY id)");
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GString) followed = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_ptr_array_add (tasks, g_list_model_get_item (G_LIST_MODEL (list), i));
  g_ptr_array_sort (tasks, compare_ids);
  for (guint i = 0; i < tasks->len; i++)
    {
      StewardTask *task = g_ptr_array_index (tasks, i);

      g_string_append_printf (followed, "%s%" G_GINT64_FORMAT ":%s:%" G_GINT64_FORMAT,
                              i > 0 ? " " : "", steward_task_get_id (task),
                              steward_enum_to_nick (STEWARD_TYPE_TASK_STATUS, steward_task_get_status (task)),
                              steward_task_get_position (task));
    }

  g_assert_cmpstr (followed->str, ==, stored);
}

/* Random sequences of every operation keep each status' positions 0 to
 * n-1, and what the store tells of is what changed. */
static void
test_random_sequences (StoreFixture  *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GRand) rand = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  guint32 seed = g_test_rand_int ();
  guint steps = g_test_slow () ? 20000 : 3000;
  g_autoptr(StewardRowList) list = NULL;

  g_test_message ("seed %u", seed);
  rand = g_rand_new_with_seed (seed);

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  list = steward_store_watch_tasks (store);
  g_assert_true (steward_row_list_reload (list, &error));

  for (guint step = 0; step < steps; step++)
    {
      int op = g_rand_int_range (rand, 0, 100);
      StewardTaskStatus status = g_rand_int_range (rand, 0, 3);
      gint64 id = ids->len > 0 ? g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len)) : 0;

      if (op < 30 || id == 0)
        {
          g_autoptr(StewardTaskDraft) draft = steward_task_draft_new ("t");

          if (g_rand_boolean (rand))
            {
              draft->due = g_date_time_new_local (2026, 1 + g_rand_int_range (rand, 0, 12), 1, 9, 0, 0);
              draft->due_has_time = TRUE;
              if (g_rand_boolean (rand))
                draft->rrule = g_strdup ("FREQ=MONTHLY");
            }
          id = steward_store_add_task (store, draft, status, &error);
          g_assert_no_error (error);
          g_array_append_val (ids, id);
        }
      else if (op < 70)
        {
          g_assert_true (steward_store_move_task (store, id, status, g_rand_int_range (rand, -1, 8), &error));
          g_assert_no_error (error);
        }
      else if (op < 82)
        {
          gint64 next = 0;

          g_assert_true (steward_store_complete_task (store, id, &next, &error));
          g_assert_no_error (error);
          if (next != 0)
            g_array_append_val (ids, next);
        }
      else if (op < 97)
        {
          g_assert_true (steward_store_delete_task (store, id, &error));
          g_assert_no_error (error);
          for (guint i = 0; i < ids->len; i++)
            if (g_array_index (ids, gint64, i) == id)
              g_array_remove_index_fast (ids, i);
        }
      else
        {
          steward_store_clear_done_tasks (store, &error);
          g_assert_no_error (error);
          g_array_set_size (ids, 0);
          {
            g_autoptr(GListModel) left = steward_store_list_tasks (store, &error);

            for (guint i = 0; i < g_list_model_get_n_items (left); i++)
              {
                g_autoptr(StewardTask) task = g_list_model_get_item (left, i);
                gint64 left_id = steward_task_get_id (task);

                g_array_append_val (ids, left_id);
              }
          }
        }

      assert_dense (fixture);
      assert_followed (fixture, list);
    }
}

/* Another writer left a column numbered with gaps and twice the same
 * place: the next change there numbers it 0 to n-1 again, in its order. */
static void
test_foreign_positions (StoreFixture  *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *board = NULL;
  gint64 a, b, c, d;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  a = add (store, "A", STEWARD_TASK_STATUS_TODO);
  b = add (store, "B", STEWARD_TASK_STATUS_TODO);
  c = add (store, "C", STEWARD_TASK_STATUS_TODO);
  d = add (store, "D", STEWARD_TASK_STATUS_DOING);

  /* Gaps: a move within the column */
  store_fixture_exec (fixture->db_path, "UPDATE tasks SET position = position * 10 + 5 WHERE status = 'todo'");
  g_assert_true (steward_store_move_task (store, c, STEWARD_TASK_STATUS_TODO, 0, &error));
  g_assert_no_error (error);
  assert_dense (fixture);
  board = dup_board (fixture);
  {
    g_autofree char *expected = g_strdup_printf ("todo:%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT ",%" G_GINT64_FORMAT
                                                 " doing:%" G_GINT64_FORMAT " done:", c, a, b, d);
    g_assert_cmpstr (board, ==, expected);
  }

  /* Twice the same place: a move out of the column, into another */
  store_fixture_exec (fixture->db_path, "UPDATE tasks SET position = 1 WHERE status = 'todo'");
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_DOING, 0, &error));
  g_assert_no_error (error);
  assert_dense (fixture);

  /* Gaps: a delete and an add */
  store_fixture_exec (fixture->db_path, "UPDATE tasks SET position = position + 7 WHERE status = 'doing'");
  g_assert_true (steward_store_delete_task (store, d, &error));
  g_assert_no_error (error);
  assert_dense (fixture);
  store_fixture_exec (fixture->db_path, "UPDATE tasks SET position = 3 WHERE status = 'todo'");
  add (store, "E", STEWARD_TASK_STATUS_TODO);
  assert_dense (fixture);

  /* A column seen dense by this store's moves, given gaps by another
   * writer between two of them: the store looks again */
  g_assert_true (steward_store_move_task (store, b, STEWARD_TASK_STATUS_TODO, 0, &error));
  g_assert_true (steward_store_move_task (store, b, STEWARD_TASK_STATUS_TODO, 1, &error));
  g_assert_no_error (error);
  store_fixture_exec (fixture->db_path, "UPDATE tasks SET position = position * 3 WHERE status = 'todo'");
  g_assert_true (steward_store_move_task (store, b, STEWARD_TASK_STATUS_TODO, 0, &error));
  g_assert_no_error (error);
  assert_dense (fixture);
}

/* Schema 8 held 'normal' tasks, times with milliseconds and positions
 * that were not dense. */
static void
test_migrate_from_8 (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *rows = NULL;

  for (guint i = 1; i <= 8; i++)
    store_fixture_exec (fixture->db_path, _steward_store_get_migration (i));
  store_fixture_exec (fixture->db_path,
                      "PRAGMA user_version = 8;"
                      "INSERT INTO tasks (id, title, status, priority, due, position, created_at, updated_at) VALUES"
                      " (1, 'Pack', 'todo', 'normal', '2026-03-05T08:00:00.000Z', 5, '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'),"
                      " (2, 'Book', 'todo', 'high', NULL, 5, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " (3, 'Call', 'todo', 'low', '2026-03-06', 0, '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z'),"
                      " (4, 'Print', 'done', 'normal', NULL, 3, '2026-01-01T00:00:00Z', '2026-01-04T00:00:00Z'),"
                      " (5, 'Read', 'doing', 'normal', NULL, 0, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);

  rows = store_fixture_query (fixture->db_path,
                              "SELECT group_concat (id || ':' || status || ':' || position || ':' || priority"
                              "                     || ':' || coalesce (due, '-') || ':' || coalesce (completed_at, '-'), ' ')"
                              "  FROM (SELECT * FROM tasks ORDER BY id)");
  g_assert_cmpstr (rows, ==,
                   "1:todo:2:medium:2026-03-05T08:00:00Z:-"
                   " 2:todo:1:high:-:-"
                   " 3:todo:0:low:2026-03-06:-"
                   " 4:done:0:medium:-:2026-01-04T00:00:00Z"
                   " 5:doing:0:medium:-:-");

  task = steward_store_find_task (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_task_get_priority (task), ==, STEWARD_TASK_PRIORITY_MEDIUM);
  g_assert_true (steward_task_get_due_has_time (task));
  g_clear_object (&task);

  /* The board works on what was migrated */
  g_assert_true (steward_store_move_task (store, 1, STEWARD_TASK_STATUS_TODO, 0, &error));
  g_assert_no_error (error);
  assert_dense (fixture);
  g_clear_pointer (&rows, g_free);
  rows = dup_board (fixture);
  g_assert_cmpstr (rows, ==, "todo:1,3,2 doing:5 done:4");
}

/* A repeating task comes back at the same hour of the user's day when
 * the clocks change (this suite runs in Europe/Berlin, where summer time
 * ends on 25 October 2026), and a day stays a day. */
static void
test_repeat_across_dst (StoreFixture  *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardTaskDraft) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 weekly, monthly, next = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* Thursday 22 October, 9:00 summer time: 7:00 UTC */
  draft = steward_task_draft_new ("Standup");
  draft->due = g_date_time_new_local (2026, 10, 22, 9, 0, 0);
  draft->due_has_time = TRUE;
  draft->rrule = g_strdup ("FREQ=WEEKLY;BYDAY=TH");
  weekly = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  stored = store_fixture_query (fixture->db_path, "SELECT due FROM tasks WHERE title = 'Standup'");
  g_assert_cmpstr (stored, ==, "2026-10-22T07:00:00Z");

  g_assert_true (steward_store_complete_task (store, weekly, &next, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT due FROM tasks WHERE id = %" G_GINT64_FORMAT, next);
    g_autofree char *due = store_fixture_query (fixture->db_path, sql);
    g_autoptr(StewardTask) task = steward_store_find_task (store, next, &error);
    g_autoptr(GDateTime) local = g_date_time_to_local (steward_task_get_due (task));

    /* Winter time: 9:00 is 8:00 UTC */
    g_assert_cmpstr (due, ==, "2026-10-29T08:00:00Z");
    g_assert_cmpint (g_date_time_get_hour (local), ==, 9);
  }

  /* A day on the 31st, monthly: the last day of November, as a day */
  g_clear_pointer (&draft, steward_task_draft_free);
  draft = steward_task_draft_new ("Rent");
  draft->due = g_date_time_new_local (2026, 10, 31, 0, 0, 0);
  draft->rrule = g_strdup ("FREQ=MONTHLY");
  monthly = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_DOING, &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_complete_task (store, monthly, &next, &error));
  g_assert_no_error (error);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT due || ' ' || status FROM tasks WHERE id = %" G_GINT64_FORMAT, next);
    g_autofree char *due = store_fixture_query (fixture->db_path, sql);

    g_assert_cmpstr (due, ==, "2026-11-30 todo");
  }
  assert_dense (fixture);
}

/* Extraction adds its tasks all at once: in order at the end of the
 * column, or, when one cannot be added, none of them. */
static void
test_add_several (StoreFixture  *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardRowList) list = NULL;
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_task_draft_free);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  gint64 first;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  list = steward_store_watch_tasks (store);
  g_assert_true (steward_row_list_reload (list, &error));
  first = add (store, "Already there", STEWARD_TASK_STATUS_TODO);

  g_ptr_array_add (drafts, steward_task_draft_new ("Send the report"));
  g_ptr_array_add (drafts, steward_task_draft_new ("Book the dentist"));
  ((StewardTaskDraft *)g_ptr_array_index (drafts, 1))->source = STEWARD_TASK_SOURCE_MESSAGE;
  ((StewardTaskDraft *)g_ptr_array_index (drafts, 1))->source_ref = g_strdup ("12");
  ids = steward_store_add_tasks (store, drafts, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_assert_cmpint (g_array_index (ids, gint64, 0), >, first);
  g_assert_cmpint (g_array_index (ids, gint64, 1), >, g_array_index (ids, gint64, 0));
  stored = store_fixture_query (fixture->db_path,
                                "SELECT group_concat (title || '@' || position || ':' || coalesce (source, '') || ':' || coalesce (source_ref, ''), ' | ')"
                                "  FROM (SELECT * FROM tasks ORDER BY position)");
  g_assert_cmpstr (stored, ==, "Already there@0:none: | Send the report@1:none: | Book the dentist@2:message:12");
  assert_followed (fixture, list);
  g_clear_pointer (&ids, g_array_unref);

  /* A bad one among good ones: nothing is added */
  g_ptr_array_add (drafts, steward_task_draft_new (" "));
  g_assert_null (steward_store_add_tasks (store, drafts, STEWARD_TASK_STATUS_TODO, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_pointer (&stored, g_free);
  stored = store_fixture_query (fixture->db_path, "SELECT count (*) FROM tasks");
  g_assert_cmpstr (stored, ==, "3");
  assert_dense (fixture);
}

int
main (int   argc,
      char *argv[])
{
  /* Local time is where the calendar of repeating tasks is kept */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) STORE_TEST_ADD ("store-tasks", path, func)

  ADD ("lists", test_lists);
  ADD ("order", test_order);
  ADD ("constraints", test_constraints);
  ADD ("write", test_write);
  ADD ("write-errors", test_write_errors);
  ADD ("add-several", test_add_several);
  ADD ("random-sequences", test_random_sequences);
  ADD ("foreign-positions", test_foreign_positions);
  ADD ("migrate-from-8", test_migrate_from_8);
  ADD ("repeat-across-dst", test_repeat_across_dst);

#undef ADD

  return g_test_run ();
}
