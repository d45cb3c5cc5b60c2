/* test-task-column.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-core.h"
#include "store-fixture.h"

/* The board's columns (steward-task-column.c) over a real store: each
 * holds its status' tasks in the order of their positions, follows every
 * change, and tells its views only what changed, so a list view keeps
 * its rows, its focus and its scroll. */

/* What a view knows of a column: the items as the column's signals told
 * them, and how much it was told. */
typedef struct
{
  GListModel *model;
  GPtrArray  *items;
  guint       signals;
  guint       removed;
  guint       added;
} Shadow;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Shadow     *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->items->len);
  g_ptr_array_remove_range (shadow->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->items, position + i, g_list_model_get_item (model, position + i));

  /* Each signal tells of the model as it is when it is emitted */
  g_assert_cmpuint (shadow->items->len, ==, g_list_model_get_n_items (model));

  shadow->signals++;
  shadow->removed += removed;
  shadow->added += added;
}

static Shadow *
shadow_new (GListModel *model)
{
  Shadow *shadow = g_new0 (Shadow, 1);

  shadow->model = g_object_ref (model);
  shadow->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (shadow->items, g_list_model_get_item (model, i));
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), shadow);

  return shadow;
}

static void
shadow_free (Shadow *shadow)
{
  g_signal_handlers_disconnect_by_data (shadow->model, shadow);
  g_clear_object (&shadow->model);
  g_ptr_array_unref (shadow->items);
  g_free (shadow);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Shadow, shadow_free)

static void
shadow_reset (Shadow *shadow)
{
  shadow->signals = shadow->removed = shadow->added = 0;
}

/* The titles in the column, as its view has them: "a b c" */
static char *
shadow_titles (Shadow   *shadow,
               gboolean  check)
{
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < shadow->items->len; i++)
    {
      StewardTask *task = g_ptr_array_index (shadow->items, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? " " : "", steward_task_get_title (task));
      if (check)
        g_assert_cmpint (steward_task_get_position (task), ==, i);
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

#define assert_column(shadow, titles) \
  G_STMT_START { \
    g_autofree char *_titles = shadow_titles (shadow, TRUE); \
    g_assert_cmpstr (_titles, ==, titles); \
  } G_STMT_END

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/* The tasks are read in a worker: waits for them. */
static void
wait_loaded (StewardServices *services)
{
  StewardRowList *tasks = steward_services_get_tasks (services, NULL);

  while (!steward_row_list_get_loaded (tasks))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (steward_row_list_get_error (tasks));
  settle ();
}

/* Another process's change is read again in a worker: waits for it. */
static void
wait_for_titles (Shadow     *shadow,
                 const char *titles)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  for (;;)
    {
      g_autofree char *now = shadow_titles (shadow, FALSE);

      if (g_str_equal (now, titles))
        break;
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  assert_column (shadow, titles);
}

static gint64
add (StewardStore      *store,
     const char        *title,
     StewardTaskStatus  status)
{
  g_autoptr(StewardTaskDraft) draft = steward_task_draft_new (title);
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_add_task (store, draft, status, &error);

  g_assert_no_error (error);

  return id;
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_follow (StoreFixture  *fixture,
             gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(Shadow) todo = NULL;
  g_autoptr(Shadow) doing = NULL;
  g_autoptr(Shadow) done = NULL;
  g_autoptr(GError) error = NULL;
  StewardTaskColumn *column;
  StewardStore *store;
  gint64 a, b, c, d, e;

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  g_assert_no_error (error);
  store = steward_services_get_store (services);

  a = add (store, "a", STEWARD_TASK_STATUS_TODO);
  b = add (store, "b", STEWARD_TASK_STATUS_TODO);
  c = add (store, "c", STEWARD_TASK_STATUS_TODO);
  d = add (store, "d", STEWARD_TASK_STATUS_DOING);
  e = add (store, "e", STEWARD_TASK_STATUS_TODO);

  /* One column per status, shared */
  column = steward_services_get_task_column (services, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  g_assert_true (column == steward_services_get_task_column (services, STEWARD_TASK_STATUS_TODO, NULL));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (column)) == STEWARD_TYPE_TASK);
  g_assert_cmpint (steward_task_column_get_status (column), ==, STEWARD_TASK_STATUS_TODO);
  todo = shadow_new (G_LIST_MODEL (column));
  doing = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_DOING, NULL)));
  done = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_DONE, NULL)));
  wait_loaded (services);
  assert_column (todo, "a b c e");
  assert_column (doing, "d");
  assert_column (done, "");

  /* Down within the column: one row out, one row in; the rest stay */
  shadow_reset (todo);
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_TODO, 2, &error));
  settle ();
  assert_column (todo, "b c a e");
  g_assert_cmpuint (todo->signals, ==, 2);
  g_assert_cmpuint (todo->removed, ==, 1);
  g_assert_cmpuint (todo->added, ==, 1);

  /* Up to the top */
  shadow_reset (todo);
  g_assert_true (steward_store_move_task (store, e, STEWARD_TASK_STATUS_TODO, 0, &error));
  settle ();
  assert_column (todo, "e b c a");
  g_assert_cmpuint (todo->removed, ==, 1);
  g_assert_cmpuint (todo->added, ==, 1);

  /* Neighbours swapped */
  shadow_reset (todo);
  g_assert_true (steward_store_move_task (store, b, STEWARD_TASK_STATUS_TODO, 2, &error));
  settle ();
  assert_column (todo, "e c b a");
  g_assert_cmpuint (todo->removed, ==, 1);

  /* To another column, in the middle */
  shadow_reset (todo);
  shadow_reset (doing);
  g_assert_true (steward_store_move_task (store, c, STEWARD_TASK_STATUS_DOING, 0, &error));
  settle ();
  assert_column (todo, "e b a");
  assert_column (doing, "c d");
  g_assert_cmpuint (todo->removed, ==, 1);
  g_assert_cmpuint (todo->added, ==, 0);
  g_assert_cmpuint (doing->removed, ==, 0);
  g_assert_cmpuint (doing->added, ==, 1);

  /* Done, and a new task: at the ends */
  shadow_reset (done);
  g_assert_true (steward_store_complete_task (store, d, NULL, &error));
  add (store, "f", STEWARD_TASK_STATUS_TODO);
  settle ();
  assert_column (todo, "e b a f");
  assert_column (doing, "c");
  assert_column (done, "d");
  g_assert_cmpuint (done->signals, ==, 1);

  /* An edit changes the task, not the column */
  {
    g_autoptr(StewardTask) task = g_list_model_get_item (G_LIST_MODEL (column), 1);
    g_autoptr(StewardTaskDraft) draft = steward_task_dup_draft (task);
    guint notified = 0;

    g_signal_connect_swapped (task, "notify::title", G_CALLBACK (count_notify), &notified);
    shadow_reset (todo);
    g_free (draft->title);
    draft->title = g_strdup ("B");
    g_assert_true (steward_store_update_task (store, b, draft, &error));
    settle ();
    g_assert_cmpuint (todo->signals, ==, 0);
    g_assert_cmpuint (notified, ==, 1);
    assert_column (todo, "e B a f");
    g_signal_handlers_disconnect_by_data (task, &notified);
  }

  /* Deleted and cleared */
  shadow_reset (todo);
  g_assert_true (steward_store_delete_task (store, e, &error));
  g_assert_cmpuint (steward_store_clear_done_tasks (store, &error), ==, 1);
  settle ();
  assert_column (todo, "B a f");
  assert_column (done, "");
  g_assert_cmpuint (todo->signals, ==, 1);

  /* Read at once, without waiting for the main loop */
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_TODO, 0, &error));
  steward_task_column_refresh (column);
  assert_column (todo, "a B f");

  /* Another process's change is seen when it is noticed */
  g_assert_false (steward_store_check_external_change (store));
  store_fixture_exec (fixture->db_path,
                      "UPDATE tasks SET status = 'done', position = 0 WHERE title = 'f';");
  g_assert_true (steward_store_check_external_change (store));
  wait_for_titles (todo, "a B");
  wait_for_titles (done, "f");
  g_assert_no_error (error);
}

/* The ids in a shadow: "3,1,2" */
static char *
shadow_ids (Shadow *shadow)
{
  g_autoptr(GString) ids = g_string_new (NULL);

  for (guint i = 0; i < shadow->items->len; i++)
    g_string_append_printf (ids, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "",
                            steward_task_get_id (g_ptr_array_index (shadow->items, i)));

  return g_string_free (g_steal_pointer (&ids), FALSE);
}

/* After random moves, each column's view has what the database has, in
 * its order, told with changes no larger than the moves. */
static void
test_random (StoreFixture  *fixture,
             gconstpointer  user_data)
{
  static const char * const statuses[] = { "todo", "doing", "done" };
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  Shadow *shadows[3];
  g_autoptr(GError) error = NULL;
  StewardStore *store;

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  store = steward_services_get_store (services);
  for (guint i = 0; i < 3; i++)
    shadows[i] = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, i, &error)));
  wait_loaded (services);

  for (guint step = 0; step < 500; step++)
    {
      int op = g_rand_int_range (rand, 0, 10);
      StewardTaskStatus status = g_rand_int_range (rand, 0, 3);
      gint64 id = ids->len > 0 ? g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len)) : 0;

      for (guint i = 0; i < 3; i++)
        shadow_reset (shadows[i]);

      if (op < 3 || id == 0)
        {
          id = add (store, "t", status);
          g_array_append_val (ids, id);
        }
      else if (op < 9)
        {
          g_assert_true (steward_store_move_task (store, id, status, g_rand_int_range (rand, -1, 10), &error));
        }
      else
        {
          g_assert_true (steward_store_delete_task (store, id, &error));
          for (guint i = 0; i < ids->len; i++)
            if (g_array_index (ids, gint64, i) == id)
              g_array_remove_index_fast (ids, i);
        }
      g_assert_no_error (error);
      settle ();

      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (id, ','), '') FROM"
                                                  " (SELECT id FROM tasks WHERE status = '%s' ORDER BY position)",
                                                  statuses[i]);
          g_autofree char *stored = store_fixture_query (fixture->db_path, sql);
          g_autofree char *shown = shadow_ids (shadows[i]);

          g_assert_cmpstr (shown, ==, stored);
          /* One task added, moved or deleted: at most one row out and
           * one row in per column */
          g_assert_cmpuint (shadows[i]->removed, <=, 1);
          g_assert_cmpuint (shadows[i]->added, <=, 1);
        }
    }

  for (guint i = 0; i < 3; i++)
    shadow_free (shadows[i]);
}

/* Changes made while the tasks are read in a worker are not lost. */
static void
test_load_while_changing (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(Shadow) todo = NULL;
  g_autoptr(Shadow) doing = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 a;

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  store = steward_services_get_store (services);
  a = add (store, "a", STEWARD_TASK_STATUS_TODO);
  add (store, "b", STEWARD_TASK_STATUS_TODO);

  todo = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_TODO, NULL)));
  doing = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_DOING, NULL)));
  g_assert_true (steward_store_move_task (store, a, STEWARD_TASK_STATUS_DOING, 0, &error));
  add (store, "c", STEWARD_TASK_STATUS_TODO);
  wait_loaded (services);

  assert_column (todo, "b c");
  assert_column (doing, "a");
}


/* -- moves shown at once, written in the store's worker ------------------ */

typedef struct
{
  guint   pending;
  GError *error;
} Moves;

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Moves *moves = user_data;
  g_autoptr(GError) error = NULL;

  if (!steward_task_move_finish (result, &error) && moves->error == NULL)
    moves->error = g_steal_pointer (&error);
  moves->pending--;
}

static void
wait_moves (Moves *moves)
{
  while (moves->pending > 0)
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

static void
move_async (StewardServices   *services,
            gint64             id,
            StewardTaskStatus  status,
            int                position,
            Moves             *moves)
{
  moves->pending++;
  steward_task_move_async (steward_services_get_tasks (services, NULL), steward_services_get_store (services),
                           id, status, position, NULL, moved_cb, moves);
}

/* The columns as the board reads them right after asking for a move,
 * before the main loop runs */
static void
refresh_columns (StewardServices *services)
{
  for (guint i = 0; i < 3; i++)
    steward_task_column_refresh (steward_services_get_task_column (services, i, NULL));
}

static char *
stored_titles (StoreFixture *fixture,
               const char   *status)
{
  g_autofree char *sql = g_strdup_printf ("SELECT coalesce (group_concat (title, ' '), '') FROM"
                                          " (SELECT title FROM tasks WHERE status = '%s' ORDER BY position)",
                                          status);

  return store_fixture_query (fixture->db_path, sql);
}

#define assert_stored(status, titles) \
  G_STMT_START { \
    g_autofree char *_stored = stored_titles (fixture, status); \
    g_assert_cmpstr (_stored, ==, titles); \
  } G_STMT_END

static void
test_move_at_once (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(Shadow) todo = NULL;
  g_autoptr(Shadow) done = NULL;
  g_autoptr(GError) error = NULL;
  Moves moves = { 0 };
  StewardStore *store;
  gint64 c, r;

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  store = steward_services_get_store (services);
  add (store, "a", STEWARD_TASK_STATUS_TODO);
  add (store, "b", STEWARD_TASK_STATUS_TODO);
  c = add (store, "c", STEWARD_TASK_STATUS_TODO);
  add (store, "d", STEWARD_TASK_STATUS_DONE);
  add (store, "e", STEWARD_TASK_STATUS_DONE);

  todo = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_TODO, NULL)));
  done = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_DONE, NULL)));
  wait_loaded (services);

  /* On top of Done: shown before anything is written, as the store
   * will have it, done */
  move_async (services, c, STEWARD_TASK_STATUS_DONE, 0, &moves);
  refresh_columns (services);
  assert_column (todo, "a b");
  assert_column (done, "c d e");
  g_assert_nonnull (steward_task_get_completed_at (g_ptr_array_index (done->items, 0)));

  /* Once written, the store has it so, and telling of it changes
   * nothing the views see */
  shadow_reset (todo);
  shadow_reset (done);
  wait_moves (&moves);
  g_assert_no_error (moves.error);
  assert_stored ("todo", "a b");
  assert_stored ("done", "c d e");
  g_assert_cmpuint (todo->signals + done->signals, ==, 0);
  assert_column (done, "c d e");

  /* This process's own writes are no other process's change */
  g_assert_false (steward_store_check_external_change (store));

  /* A repeating task dropped into Done comes back in To do once written */
  {
    g_autoptr(StewardTaskDraft) draft = steward_task_draft_new ("r");

    draft->due = g_date_time_new_utc (2026, 12, 7, 9, 0, 0);
    draft->due_has_time = TRUE;
    draft->rrule = g_strdup ("FREQ=DAILY");
    r = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error);
    g_assert_no_error (error);
  }
  settle ();
  move_async (services, r, STEWARD_TASK_STATUS_DONE, 1, &moves);
  refresh_columns (services);
  assert_column (done, "c r d e");
  wait_moves (&moves);
  g_assert_no_error (moves.error);
  assert_column (todo, "a b r");
  assert_column (done, "c r d e");
  assert_stored ("todo", "a b r");
}

/* Many moves asked at once, as keys held down ask them: each shown at
 * once, from the one before; written in order; the board as the store
 * has it at the end. */
static void
test_move_many (StoreFixture  *fixture,
                gconstpointer  user_data)
{
  static const char * const statuses[] = { "todo", "doing", "done" };
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  Shadow *shadows[3];
  Moves moves = { 0 };
  StewardStore *store;

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  store = steward_services_get_store (services);
  for (guint i = 0; i < 30; i++)
    {
      g_autofree char *title = g_strdup_printf ("t%u", i);
      gint64 id = add (store, title, i % 3);

      g_array_append_val (ids, id);
    }
  for (guint i = 0; i < 3; i++)
    shadows[i] = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, i, NULL)));
  wait_loaded (services);

  for (guint round = 0; round < 20; round++)
    {
      for (guint step = 0; step < 10; step++)
        {
          gint64 id = g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));

          move_async (services, id, g_rand_int_range (rand, 0, 3), g_rand_int_range (rand, -1, 12), &moves);
          refresh_columns (services);
          /* Every column numbered 0, 1, … as shown */
          for (guint i = 0; i < 3; i++)
            g_free (shadow_titles (shadows[i], TRUE));
        }

      wait_moves (&moves);
      g_assert_no_error (moves.error);
      for (guint i = 0; i < 3; i++)
        {
          g_autofree char *shown = shadow_titles (shadows[i], TRUE);
          g_autofree char *stored = stored_titles (fixture, statuses[i]);

          g_assert_cmpstr (shown, ==, stored);
        }
    }

  for (guint i = 0; i < 3; i++)
    shadow_free (shadows[i]);
}

/* A move the store cannot write (another process deleted the task): the
 * board shows again what the store holds, and says why. */
static void
test_move_fails (StoreFixture  *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(Shadow) todo = NULL;
  g_autoptr(Shadow) doing = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  Moves moves = { 0 };
  StewardStore *store;
  gint64 b;

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  store = steward_services_get_store (services);
  add (store, "a", STEWARD_TASK_STATUS_TODO);
  b = add (store, "b", STEWARD_TASK_STATUS_TODO);
  add (store, "c", STEWARD_TASK_STATUS_DOING);
  todo = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_TODO, NULL)));
  doing = shadow_new (G_LIST_MODEL (steward_services_get_task_column (services, STEWARD_TASK_STATUS_DOING, NULL)));
  wait_loaded (services);

  sql = g_strdup_printf ("DELETE FROM tasks WHERE id = %" G_GINT64_FORMAT, b);
  store_fixture_exec (fixture->db_path, sql);

  move_async (services, b, STEWARD_TASK_STATUS_DOING, 0, &moves);
  refresh_columns (services);
  assert_column (doing, "b c");
  wait_moves (&moves);
  g_assert_error (moves.error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&moves.error);
  assert_column (todo, "a");
  assert_column (doing, "c");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("task-column", "follow", test_follow);
  STORE_TEST_ADD ("task-column", "random", test_random);
  STORE_TEST_ADD ("task-column", "load-while-changing", test_load_while_changing);
  STORE_TEST_ADD ("task-column", "move-at-once", test_move_at_once);
  STORE_TEST_ADD ("task-column", "move-many", test_move_many);
  STORE_TEST_ADD ("task-column", "move-fails", test_move_fails);

  return g_test_run ();
}
