/* test-lists.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-core.h"
#include "store-fixture.h"

/* Lists that keep themselves up to date from the store's per-row
 * changes (core/model/steward-row-list.c, steward-message-list.c): each
 * is followed here by a shadow that sees only its items-changed signals,
 * and after every change both must equal what the store lists afresh. A
 * list that says "everything changed", or the wrong positions, fails. */

static StewardStore *
open_store (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store = steward_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);

  return store;
}

/* -- the shadow ------------------------------------------------------------ */

typedef struct
{
  GPtrArray *items;
  guint      signals;
  guint      removed;
  guint      added;
} Shadow;

static void
shadow_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         Shadow     *shadow)
{
  g_assert_cmpuint (position + removed, <=, shadow->items->len);

  shadow->signals++;
  shadow->removed += removed;
  shadow->added += added;
  g_ptr_array_remove_range (shadow->items, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (shadow->items, position + i, g_list_model_get_item (model, position + i));

  g_assert_cmpuint (shadow->items->len, ==, g_list_model_get_n_items (model));
}

static Shadow *
shadow_new (GListModel *model)
{
  Shadow *shadow = g_new0 (Shadow, 1);
  guint n_items = g_list_model_get_n_items (model);

  shadow->items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_items; i++)
    g_ptr_array_add (shadow->items, g_list_model_get_item (model, i));

  g_signal_connect (model, "items-changed", G_CALLBACK (shadow_items_changed_cb), shadow);

  return shadow;
}

static void
shadow_free (Shadow *shadow)
{
  g_ptr_array_unref (shadow->items);
  g_free (shadow);
}

static void
shadow_reset_counts (Shadow *shadow)
{
  shadow->signals = shadow->removed = shadow->added = 0;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Shadow, shadow_free)

typedef gint64 (*GetIdFunc) (gpointer item);

static gint64
conversation_id (gpointer item)
{
  return steward_conversation_get_id (item);
}

static gint64
memory_id (gpointer item)
{
  return steward_memory_get_id (item);
}

static gint64
message_id (gpointer item)
{
  return steward_message_get_id (item);
}

/* The shadow, the list and @expected hold the same rows in one order;
 * and each of the list's items is up to date (@same_item compares it with
 * the fresh one). */
static void
assert_same (Shadow     *shadow,
             GListModel *list,
             GListModel *expected,
             GetIdFunc   get_id,
             gboolean  (*same_item) (gpointer a, gpointer b))
{
  guint n_items = g_list_model_get_n_items (expected);

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n_items);
  g_assert_cmpuint (shadow->items->len, ==, n_items);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GObject) want = g_list_model_get_item (expected, i);
      g_autoptr(GObject) have = g_list_model_get_item (list, i);

      g_assert_cmpint (get_id (have), ==, get_id (want));
      g_assert_true (g_ptr_array_index (shadow->items, i) == (gpointer)have);
      if (same_item != NULL)
        g_assert_true (same_item (have, want));
    }
}

static gboolean
same_conversation (gpointer a,
                   gpointer b)
{
  return g_strcmp0 (steward_conversation_get_title (a), steward_conversation_get_title (b)) == 0 &&
         steward_conversation_get_message_count (a) == steward_conversation_get_message_count (b) &&
         g_date_time_equal (steward_conversation_get_updated_at (a), steward_conversation_get_updated_at (b));
}

static gboolean
same_memory (gpointer a,
             gpointer b)
{
  return g_strcmp0 (steward_memory_get_text (a), steward_memory_get_text (b)) == 0 &&
         steward_memory_get_pinned (a) == steward_memory_get_pinned (b);
}

/* -- conversations ---------------------------------------------------------- */

static gint64
pick (GArray *ids,
      GRand  *rand)
{
  return g_array_index (ids, gint64, g_rand_int_range (rand, 0, ids->len));
}

static void
drop (GArray *ids,
      gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      {
        g_array_remove_index (ids, i);
        return;
      }
}

static void
count_notify_cb (guint *count)
{
  (*count)++;
}

/* Random sequences of creating, writing to, renaming and deleting
 * conversations: the list follows each exactly, one or two rows per
 * change. */
static void
test_conversations_follow (StoreFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardRowList) list = NULL;
  g_autoptr(Shadow) shadow = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 5; i++)
    {
      g_autofree char *title = g_strdup_printf ("Before %u", i);
      gint64 id = steward_store_create_conversation (store, title, &error);

      g_assert_no_error (error);
      g_array_append_val (ids, id);
    }

  list = steward_store_watch_conversations (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (steward_row_list_reload (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 5);

  shadow = shadow_new (G_LIST_MODEL (list));

  for (guint step = 0; step < 200; step++)
    {
      g_autoptr(GListModel) expected = NULL;
      int what = ids->len == 0 ? 0 : g_rand_int_range (rand, 0, 4);
      guint changed_rows = 1;

      shadow_reset_counts (shadow);

      if (what == 0)
        {
          g_autofree char *title = g_strdup_printf ("Conversation %u", step);
          gint64 id = steward_store_create_conversation (store, title, &error);

          g_assert_no_error (error);
          g_array_append_val (ids, id);
        }
      else if (what == 1)
        {
          steward_store_add_message (store, pick (ids, rand), STEWARD_MESSAGE_ROLE_USER, "Hello",
                                     STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
        }
      else if (what == 2)
        {
          g_autofree char *title = g_strdup_printf ("Renamed %u", step);

          g_assert_true (steward_store_rename_conversation (store, pick (ids, rand), title, &error));
          g_assert_no_error (error);
        }
      else
        {
          gint64 id = pick (ids, rand);

          g_assert_true (steward_store_delete_conversation (store, id, &error));
          g_assert_no_error (error);
          drop (ids, id);
        }

      expected = steward_store_list_conversations (store, &error);
      g_assert_no_error (error);
      assert_same (shadow, G_LIST_MODEL (list), expected, conversation_id, same_conversation);

      /* One row told of: inserted, replaced, moved (out and in) or gone. */
      g_assert_cmpuint (shadow->signals, <=, 2);
      g_assert_cmpuint (shadow->removed, <=, changed_rows);
      g_assert_cmpuint (shadow->added, <=, changed_rows);
    }

  /* Writing to the conversation on top leaves it there: it is updated
   * in place, and tells its views itself. */
  {
    g_autoptr(StewardConversation) top = g_list_model_get_item (G_LIST_MODEL (list), 0);
    guint notified = 0;

    g_signal_connect_swapped (top, "notify::message-count", G_CALLBACK (count_notify_cb), &notified);
    shadow_reset_counts (shadow);
    steward_store_add_message (store, steward_conversation_get_id (top), STEWARD_MESSAGE_ROLE_USER, "More",
                               STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (shadow->signals, ==, 0);
    g_assert_cmpuint (notified, ==, 1);
    g_signal_handlers_disconnect_by_data (top, &notified);
  }

  /* A reload without changes keeps the items as they are. */
  g_assert_true (steward_row_list_reload (list, &error));
  {
    g_autoptr(GListModel) expected = steward_store_list_conversations (store, &error);

    assert_same (shadow, G_LIST_MODEL (list), expected, conversation_id, same_conversation);
  }
}

/* Read in a worker, with changes made while it reads: what it read and
 * what changed meanwhile come together as the store has them. */
static void
loaded_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_row_list_load_finish (STEWARD_ROW_LIST (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

static void
test_conversations_load_async (StoreFixture  *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  gint64 first = 0;

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *title = g_strdup_printf ("Conversation %u", i);
      gint64 id = steward_store_create_conversation (store, title, &error);

      g_assert_no_error (error);
      if (first == 0)
        first = id;
    }

  /* Several times: the worker reads before, during or after the
   * changes. */
  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(StewardRowList) list = steward_store_watch_conversations (store);
      g_autoptr(Shadow) shadow = shadow_new (G_LIST_MODEL (list));
      g_autoptr(GListModel) expected = NULL;
      g_autofree char *title = g_strdup_printf ("Round %u", round);
      gboolean done = FALSE;
      gint64 id;

      g_assert_false (steward_row_list_get_loaded (list));
      steward_row_list_load_async (list, NULL, loaded_cb, &done);

      id = steward_store_create_conversation (store, title, &error);
      g_assert_true (steward_store_rename_conversation (store, first + round, "Renamed", &error));
      g_assert_true (steward_store_delete_conversation (store, first + 100 + round, &error));
      steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_USER, "Hi",
                                 STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);

      while (!done)
        g_main_context_iteration (NULL, TRUE);

      g_assert_true (steward_row_list_get_loaded (list));
      g_assert_null (steward_row_list_get_error (list));
      expected = steward_store_list_conversations (store, &error);
      assert_same (shadow, G_LIST_MODEL (list), expected, conversation_id, same_conversation);
    }
}

/* -- memories --------------------------------------------------------------- */

static void
count_cb (guint *count)
{
  (*count)++;
}

static void
test_memories_follow (StoreFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardRowList) list = steward_store_watch_memories (store);
  g_autoptr(Shadow) shadow = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  g_autoptr(GError) error = NULL;
  guint notified = 0;

  g_assert_true (steward_row_list_reload (list, &error));
  shadow = shadow_new (G_LIST_MODEL (list));
  g_signal_connect_swapped (list, "notify::n-items", G_CALLBACK (count_cb), &notified);

  for (guint step = 0; step < 150; step++)
    {
      g_autoptr(GListModel) expected = NULL;
      int what = ids->len == 0 ? 0 : g_rand_int_range (rand, 0, 4);

      shadow_reset_counts (shadow);

      if (what == 0)
        {
          g_autofree char *text = g_strdup_printf ("Fact number %u", step);
          gint64 id = steward_store_add_memory (store, text, FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error);

          g_assert_no_error (error);
          g_array_append_val (ids, id);
        }
      else if (what == 1)
        {
          g_assert_true (steward_store_set_memory_pinned (store, pick (ids, rand), step % 2, &error));
        }
      else if (what == 2)
        {
          g_autofree char *text = g_strdup_printf ("Edited fact %u", step);

          g_assert_true (steward_store_set_memory_text (store, pick (ids, rand), text, &error));
        }
      else
        {
          gint64 id = pick (ids, rand);

          g_assert_true (steward_store_forget_memory (store, id, &error));
          drop (ids, id);
        }
      g_assert_no_error (error);

      expected = steward_store_list_memories (store, &error);
      g_assert_no_error (error);
      assert_same (shadow, G_LIST_MODEL (list), expected, memory_id, same_memory);
      g_assert_cmpuint (shadow->signals, ==, 1);
      g_assert_cmpuint (shadow->removed + shadow->added, <=, 2);
    }

  g_assert_cmpuint (notified, >, 0);
}

/* -- tasks and projects --------------------------------------------------- */

/* Nothing writes tasks or projects through the store yet, so their rows
 * are written here with SQL and the store's signal is emitted by hand,
 * as a store write would. */

static gint64
task_id (gpointer item)
{
  return steward_task_get_id (item);
}

static gint64
project_id (gpointer item)
{
  return steward_project_get_id (item);
}

static gboolean
same_task (gpointer a,
           gpointer b)
{
  return g_strcmp0 (steward_task_get_title (a), steward_task_get_title (b)) == 0 &&
         steward_task_get_status (a) == steward_task_get_status (b) &&
         g_date_time_equal (steward_task_get_created_at (a), steward_task_get_created_at (b));
}

static gboolean
same_project (gpointer a,
              gpointer b)
{
  return g_strcmp0 (steward_project_get_name (a), steward_project_get_name (b)) == 0 &&
         g_date_time_equal (steward_project_get_updated_at (a), steward_project_get_updated_at (b));
}

static void
emit_row_changed (StewardStore     *store,
                  const char       *table,
                  StewardRowChange  change,
                  gint64            id)
{
  g_autofree char *signal = g_strconcat ("row-changed::", table, NULL);

  g_signal_emit_by_name (store, signal, change, id, (gint64)0);
}

static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_tasks_follow (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardRowList) list = NULL;
  g_autoptr(Shadow) shadow = NULL;
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  /* Ids 1 and 2 share a time: the higher id goes first. */
  store_fixture_exec (fixture->db_path,
                      "INSERT INTO tasks (id, title, status, priority, due, created_at, updated_at) VALUES"
                      " (1, 'Book the flight', 'todo', 'high', NULL,"
                      "  '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'),"
                      " (2, 'Pack', 'doing', 'medium', '2026-03-05T08:00:00Z',"
                      "  '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z'),"
                      " (3, 'Water the plants', 'done', 'low', NULL,"
                      "  '2026-03-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z'),"
                      " (4, 'Call Ana', 'todo', 'medium', NULL,"
                      "  '2026-02-27T18:30:00.000Z', '2026-02-27T18:30:00.000Z');");

  /* Found by id, its status read as what it is. */
  task = steward_store_find_task (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_task_get_title (task), ==, "Pack");
  g_assert_cmpint (steward_task_get_status (task), ==, STEWARD_TASK_STATUS_DOING);
  g_assert_cmpint (steward_task_get_priority (task), ==, STEWARD_TASK_PRIORITY_MEDIUM);
  g_assert_nonnull (steward_task_get_due (task));
  g_clear_object (&task);

  g_assert_null (steward_store_find_task (store, 99, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Loaded in the store's order. */
  list = steward_store_watch_tasks (store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_true (steward_row_list_reload (list, &error));
  g_assert_no_error (error);
  shadow = shadow_new (G_LIST_MODEL (list));
  expected = steward_store_list_tasks (store, &error);
  assert_same (shadow, G_LIST_MODEL (list), expected, task_id, same_task);
  {
    const gint64 order[] = { 3, 2, 1, 4 };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      g_assert_cmpint (task_id (g_ptr_array_index (shadow->items, i)), ==, order[i]);
  }
  g_clear_object (&expected);

  /* A new row goes where it belongs: found, one row told of. */
  shadow_reset_counts (shadow);
  store_fixture_exec (fixture->db_path,
                      "INSERT INTO tasks (id, title, status, created_at, updated_at) VALUES"
                      " (5, 'Renew the passport', 'todo',"
                      "  '2026-03-01T12:00:00.000Z', '2026-03-01T12:00:00.000Z');");
  emit_row_changed (store, "tasks", STEWARD_ROW_INSERTED, 5);
  g_assert_cmpuint (shadow->signals, ==, 1);
  g_assert_cmpuint (shadow->added, ==, 1);
  g_assert_cmpuint (shadow->removed, ==, 0);
  g_assert_true (steward_row_list_find (list, 5, &position));
  g_assert_cmpuint (position, ==, 1);
  expected = steward_store_list_tasks (store, &error);
  assert_same (shadow, G_LIST_MODEL (list), expected, task_id, same_task);
  g_clear_object (&expected);

  /* A changed row is read again and its task updated in place, telling
   * its own views (a card) what changed: the list's rows stay the same
   * objects, so a board's columns keep them. */
  shadow_reset_counts (shadow);
  {
    g_autoptr(StewardTask) pack = NULL;
    guint notified = 0;
    guint updated = 0;

    g_assert_true (steward_row_list_find (list, 2, &position));
    pack = g_list_model_get_item (G_LIST_MODEL (list), position);
    g_signal_connect_swapped (pack, "notify::title", G_CALLBACK (count_notify), &notified);
    g_signal_connect_swapped (list, "row-updated", G_CALLBACK (count_notify), &updated);
    store_fixture_exec (fixture->db_path, "UPDATE tasks SET status = 'done', title = 'Packed' WHERE id = 2;");
    emit_row_changed (store, "tasks", STEWARD_ROW_CHANGED, 2);
    g_assert_cmpuint (shadow->signals, ==, 0);
    g_assert_cmpuint (notified, ==, 1);
    /* … and the list says so, for views that order by what changed */
    g_assert_cmpuint (updated, ==, 1);
    g_signal_handlers_disconnect_by_data (list, &updated);
    g_assert_cmpstr (steward_task_get_title (pack), ==, "Packed");
    g_assert_cmpint (steward_task_get_status (pack), ==, STEWARD_TASK_STATUS_DONE);
    g_signal_handlers_disconnect_by_data (pack, &notified);
  }
  expected = steward_store_list_tasks (store, &error);
  assert_same (shadow, G_LIST_MODEL (list), expected, task_id, same_task);
  g_clear_object (&expected);

  /* Removed: dropped from the list, as told, without reading the store. */
  shadow_reset_counts (shadow);
  emit_row_changed (store, "tasks", STEWARD_ROW_REMOVED, 3);
  g_assert_cmpuint (shadow->signals, ==, 1);
  g_assert_cmpuint (shadow->removed, ==, 1);
  g_assert_false (steward_row_list_find (list, 3, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 4);

  /* A change to a row that is gone drops it too. */
  shadow_reset_counts (shadow);
  store_fixture_exec (fixture->db_path, "DELETE FROM tasks WHERE id IN (3, 4);");
  emit_row_changed (store, "tasks", STEWARD_ROW_CHANGED, 4);
  g_assert_cmpuint (shadow->removed, ==, 1);
  expected = steward_store_list_tasks (store, &error);
  assert_same (shadow, G_LIST_MODEL (list), expected, task_id, same_task);
  g_clear_object (&expected);

  /* Other tables' rows are none of its business. */
  shadow_reset_counts (shadow);
  emit_row_changed (store, "projects", STEWARD_ROW_REMOVED, 1);
  g_assert_cmpuint (shadow->signals, ==, 0);
}

static void
test_projects_follow (StoreFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardRowList) list = NULL;
  g_autoptr(Shadow) shadow = NULL;
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  guint position;

  store_fixture_exec (fixture->db_path,
                      "INSERT INTO projects (id, name, template, created_at, updated_at) VALUES"
                      " (1, 'Thesis', 'default', '2026-01-01T10:00:00.000Z', '2026-03-04T10:00:00.000Z'),"
                      " (2, 'Grant proposal', 'grant', '2026-02-01T10:00:00.000Z', '2026-02-02T10:00:00.000Z'),"
                      " (3, 'Newsletter', 'default', '2026-02-10T10:00:00.000Z', '2026-03-04T10:00:00.000Z');");

  project = steward_store_find_project (store, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_project_get_name (project), ==, "Grant proposal");
  g_assert_cmpstr (steward_project_get_template (project), ==, "grant");

  g_assert_null (steward_store_find_project (store, 99, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* By the time they were last updated, latest first, then by id. */
  list = steward_store_watch_projects (store);
  g_assert_true (steward_row_list_reload (list, &error));
  g_assert_no_error (error);
  shadow = shadow_new (G_LIST_MODEL (list));
  expected = steward_store_list_projects (store, &error);
  assert_same (shadow, G_LIST_MODEL (list), expected, project_id, same_project);
  {
    const gint64 order[] = { 3, 1, 2 };

    for (guint i = 0; i < G_N_ELEMENTS (order); i++)
      g_assert_cmpint (project_id (g_ptr_array_index (shadow->items, i)), ==, order[i]);
  }
  g_clear_object (&expected);

  /* Updated: it moves to the top, told as one row out and one row in. */
  shadow_reset_counts (shadow);
  store_fixture_exec (fixture->db_path,
                      "UPDATE projects SET updated_at = '2026-03-05T09:00:00.000Z' WHERE id = 2;");
  emit_row_changed (store, "projects", STEWARD_ROW_CHANGED, 2);
  g_assert_cmpuint (shadow->signals, ==, 2);
  g_assert_cmpuint (shadow->removed, ==, 1);
  g_assert_cmpuint (shadow->added, ==, 1);
  g_assert_true (steward_row_list_find (list, 2, &position));
  g_assert_cmpuint (position, ==, 0);
  expected = steward_store_list_projects (store, &error);
  assert_same (shadow, G_LIST_MODEL (list), expected, project_id, same_project);
  g_clear_object (&expected);

  shadow_reset_counts (shadow);
  emit_row_changed (store, "projects", STEWARD_ROW_REMOVED, 1);
  g_assert_cmpuint (shadow->signals, ==, 1);
  g_assert_cmpuint (shadow->removed, ==, 1);
  g_assert_false (steward_row_list_find (list, 1, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2);
}

/* The services share one list of each, and have none before the store
 * is open. */
static void
test_services_lists (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(GError) error = NULL;
  StewardRowList *tasks;
  StewardRowList *projects;

  g_assert_null (steward_services_get_tasks (services, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_null (steward_services_get_projects (services, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_true (steward_services_open (services, fixture->data_dir, &error));
  g_assert_no_error (error);
  store_fixture_exec (fixture->db_path,
                      "INSERT INTO tasks (title, created_at, updated_at) VALUES"
                      " ('Pack', '2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z');");

  /* Tasks are read in a worker: a board can be long */
  tasks = steward_services_get_tasks (services, &error);
  g_assert_no_error (error);
  while (!steward_row_list_get_loaded (tasks))
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (steward_row_list_get_error (tasks));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (tasks)), ==, 1);
  g_assert_true (steward_services_get_tasks (services, NULL) == tasks);

  projects = steward_services_get_projects (services, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (projects)), ==, 0);
  g_assert_true (steward_services_get_projects (services, NULL) == projects);
}

/* -- a conversation's messages ------------------------------------------- */

static gint64
fill_conversation (StewardStore *store,
                   guint         n_messages)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_create_conversation (store, "Long", &error);

  g_assert_no_error (error);

  for (guint i = 0; i < n_messages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Message %u", i);

      steward_store_add_message (store, id, i % 2 ? STEWARD_MESSAGE_ROLE_ASSISTANT : STEWARD_MESSAGE_ROLE_USER,
                                 text, STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  return id;
}

/* The list against the store's own range of the same messages. */
static void
assert_window (StewardStore       *store,
               Shadow             *shadow,
               StewardMessageList *list)
{
  g_autoptr(GListModel) expected = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(StewardMessage) first = NULL;
  g_autoptr(StewardMessage) last = NULL;
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  gint64 conversation = steward_message_list_get_conversation_id (list);

  g_assert_cmpuint (n_items, >, 0);
  g_assert_cmpuint (n_items, <=, STEWARD_MESSAGE_LIST_MAX);

  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  last = g_list_model_get_item (G_LIST_MODEL (list), n_items - 1);
  expected = steward_store_list_messages_range (store, conversation, steward_message_get_id (first),
                                                steward_message_get_id (last) + 1, 0, &error);
  g_assert_no_error (error);
  assert_same (shadow, G_LIST_MODEL (list), expected, message_id, NULL);

  /* What it says lies beyond the window does. */
  before = steward_store_list_messages_range (store, conversation, 0, steward_message_get_id (first), 0, &error);
  after = steward_store_list_messages_after (store, conversation, steward_message_get_id (last), 0, &error);
  g_assert_cmpint (steward_message_list_get_has_earlier (list), ==, g_list_model_get_n_items (before) > 0);
  g_assert_cmpint (steward_message_list_get_has_later (list), ==, g_list_model_get_n_items (after) > 0);
}

static void
test_messages_window (StoreFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  gint64 conversation = fill_conversation (store, 300);
  g_autoptr(StewardMessageList) list = steward_store_watch_messages (store, conversation);
  g_autoptr(Shadow) shadow = shadow_new (G_LIST_MODEL (list));
  g_autoptr(GListModel) all = steward_store_list_messages (store, conversation, NULL);
  g_autoptr(GError) error = NULL;
  guint position;

  /* It opens on the end. */
  g_assert_true (steward_message_list_load_end (list, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, STEWARD_MESSAGE_LIST_STEP);
  assert_window (store, shadow, list);
  g_assert_false (steward_message_list_get_has_later (list));

  /* Scrolling up, it never holds more than the most. */
  while (steward_message_list_get_has_earlier (list))
    {
      g_assert_true (steward_message_list_load_earlier (list, &error));
      assert_window (store, shadow, list);
    }
  g_assert_true (steward_message_list_get_has_later (list));
  {
    g_autoptr(StewardMessage) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(StewardMessage) start = g_list_model_get_item (all, 0);

    g_assert_true (first == start);
  }

  /* And down again, to the end. */
  while (steward_message_list_get_has_later (list))
    {
      g_assert_true (steward_message_list_load_later (list, &error));
      assert_window (store, shadow, list);
    }

  /* A search result in the middle: loaded with messages on both sides. */
  {
    g_autoptr(StewardMessage) middle = g_list_model_get_item (all, 150);

    shadow_reset_counts (shadow);
    g_assert_true (steward_message_list_load_around (list, steward_message_get_id (middle), &position, &error));
    g_assert_no_error (error);
    assert_window (store, shadow, list);
    g_assert_cmpint (message_id (g_ptr_array_index (shadow->items, position)), ==, steward_message_get_id (middle));
    g_assert_true (steward_message_list_get_has_earlier (list));
    g_assert_true (steward_message_list_get_has_later (list));

    /* One that is loaded is found without reading. */
    shadow_reset_counts (shadow);
    g_assert_true (steward_message_list_load_around (list, steward_message_get_id (middle), &position, &error));
    g_assert_cmpuint (shadow->signals, ==, 0);

    /* One of another conversation is not. */
    g_assert_false (steward_message_list_load_around (list, 1000000, NULL, &error));
    g_assert_no_error (error);
  }

  /* A message written while the window is not at the end stays out;
   * showing the end brings it. */
  {
    gint64 id = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "Later",
                                           STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);

    g_assert_false (steward_message_list_find (list, id, NULL));
    g_assert_true (steward_message_list_load_end (list, &error));
    assert_window (store, shadow, list);
    g_assert_true (steward_message_list_find (list, id, NULL));
  }
}

static void
end_loaded_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  gboolean *done = user_data;
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_message_list_load_end_finish (STEWARD_MESSAGE_LIST (object), result, &error));
  g_assert_no_error (error);
  *done = TRUE;
}

/* Opening a conversation reads its end in a worker; what is written
 * meanwhile ends up in the window as if read at once. */
static void
test_messages_load_end_async (StoreFixture  *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  gint64 conversation = fill_conversation (store, 100);
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 10; round++)
    {
      g_autoptr(StewardMessageList) list = steward_store_watch_messages (store, conversation);
      g_autoptr(Shadow) shadow = shadow_new (G_LIST_MODEL (list));
      g_autoptr(GListModel) all = NULL;
      g_autoptr(StewardMessage) last = NULL;
      g_autoptr(StewardMessage) reply = NULL;
      gboolean done = FALSE;
      gint64 reply_id;

      steward_message_list_load_end_async (list, NULL, end_loaded_cb, &done);

      steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "Meanwhile",
                                 STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      reply_id = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                                            STEWARD_MESSAGE_STATUS_STREAMING, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      /* The writer holds its reply, as a chat turn does. */
      reply = steward_store_find_message (store, reply_id, &error);

      while (!done)
        g_main_context_iteration (NULL, TRUE);

      assert_window (store, shadow, list);
      g_assert_false (steward_message_list_get_has_later (list));
      last = g_list_model_get_item (G_LIST_MODEL (list), g_list_model_get_n_items (G_LIST_MODEL (list)) - 1);
      g_assert_true (last == reply);
    }
}

/* A live session: 200 messages written into the conversation shown; the
 * window follows the end and lets go of what the view left behind. */
static void
test_messages_live (StoreFixture  *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  gint64 conversation = fill_conversation (store, 0);
  g_autoptr(StewardMessageList) list = steward_store_watch_messages (store, conversation);
  g_autoptr(Shadow) shadow = shadow_new (G_LIST_MODEL (list));
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_message_list_load_end (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(StewardMessage) reply = NULL;
      gint64 user_id, reply_id;
      guint position;

      shadow_reset_counts (shadow);
      user_id = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "Question",
                                           STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      reply_id = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                                            STEWARD_MESSAGE_STATUS_STREAMING, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (shadow->signals, ==, 2);
      g_assert_cmpuint (shadow->added, ==, 2);
      g_assert_true (steward_message_list_find (list, user_id, NULL));

      /* The writer's object is the list's: saving the reply as it grows
       * tells the list nothing it has to show again. */
      reply = steward_store_find_message (store, reply_id, &error);
      g_assert_true (steward_message_list_find (list, reply_id, &position));
      g_assert_true (g_ptr_array_index (shadow->items, position) == (gpointer)reply);
      shadow_reset_counts (shadow);
      g_assert_true (steward_store_update_reply (store, reply_id, "An answer", STEWARD_MESSAGE_STATUS_COMPLETE,
                                                 NULL, NULL, &error));
      g_assert_cmpuint (shadow->signals, ==, 0);

      /* The view follows the end. */
      steward_message_list_release_earlier (list, STEWARD_MESSAGE_LIST_STEP);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), <=, STEWARD_MESSAGE_LIST_STEP);
    }

  g_assert_true (steward_message_list_get_has_earlier (list));
  assert_window (store, shadow, list);
}

/* Regenerate and Edit: the prompt of a reply, and deleting from a
 * message on, tell the window of each row. */
static void
test_messages_delete_from (StoreFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  gint64 conversation = fill_conversation (store, 40);
  g_autoptr(StewardMessageList) list = steward_store_watch_messages (store, conversation);
  g_autoptr(Shadow) shadow = shadow_new (G_LIST_MODEL (list));
  g_autoptr(GListModel) all = steward_store_list_messages (store, conversation, NULL);
  g_autoptr(StewardMessage) reply = g_list_model_get_item (all, 35);
  g_autoptr(StewardMessage) early_reply = g_list_model_get_item (all, 1);
  g_autoptr(StewardMessage) prompt = NULL;
  g_autoptr(StewardMessage) early_prompt = NULL;
  g_autoptr(GError) error = NULL;
  gint64 new_id;

  g_assert_true (steward_message_list_load_end (list, &error));

  prompt = steward_message_list_find_prompt (list, steward_message_get_id (reply), &error);
  g_assert_nonnull (prompt);
  g_assert_cmpstr (steward_message_get_content (prompt), ==, "Message 34");

  /* Before the window: read from the store. */
  early_prompt = steward_message_list_find_prompt (list, steward_message_get_id (early_reply), &error);
  g_assert_no_error (error);
  g_assert_nonnull (early_prompt);
  g_assert_cmpstr (steward_message_get_content (early_prompt), ==, "Message 0");

  shadow_reset_counts (shadow);
  g_assert_true (steward_message_list_delete_from (list, steward_message_get_id (prompt), &error));
  g_assert_no_error (error);
  g_assert_cmpuint (shadow->removed, ==, 6);
  g_assert_cmpuint (shadow->added, ==, 0);
  assert_window (store, shadow, list);

  /* The next message may get a deleted one's id: it is a new object. */
  new_id = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "Again",
                                      STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  {
    g_autoptr(StewardMessage) again = steward_store_find_message (store, new_id, &error);

    g_assert_cmpstr (steward_message_get_content (again), ==, "Again");
  }
  assert_window (store, shadow, list);

  /* Deleting the conversation empties the window. */
  g_assert_true (steward_store_delete_conversation (store, conversation, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  g_assert_false (steward_message_list_get_has_earlier (list));
}

/* One object per message while any is alive, in any thread. */
static void
test_one_object_per_message (StoreFixture  *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  gint64 conversation = fill_conversation (store, 3);
  g_autoptr(GListModel) all = steward_store_list_messages (store, conversation, NULL);
  g_autoptr(StewardMessage) first = g_list_model_get_item (all, 0);
  g_autoptr(StewardMessage) again = steward_store_find_message (store, steward_message_get_id (first), NULL);
  gint64 id = steward_message_get_id (first);

  g_assert_true (first == again);

  /* Once let go, it is read afresh. */
  g_clear_object (&first);
  g_clear_object (&again);
  g_clear_object (&all);
  {
    g_autoptr(StewardMessage) fresh = steward_store_find_message (store, id, NULL);
    g_assert_cmpstr (steward_message_get_content (fresh), ==, "Message 0");
  }

  /* Many messages seen and let go do not pile up (the map is swept). */
  for (guint i = 0; i < 10; i++)
    {
      g_autoptr(GListModel) page = NULL;
      gint64 other = fill_conversation (store, 100);

      page = steward_store_list_messages (store, other, NULL);
      g_assert_cmpuint (g_list_model_get_n_items (page), ==, 100);
    }
}

/* Another process (here a second connection) creates, writes to,
 * renames and deletes conversations: once the store has looked, the
 * lists tell of each row as if this process had made the change. */
static void
test_external_changes (StoreFixture  *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardStore) other = open_store (fixture);
  g_autoptr(StewardRowList) list = steward_store_watch_conversations (store);
  g_autoptr(StewardRowList) memories = steward_store_watch_memories (store);
  g_autoptr(Shadow) shadow = NULL;
  g_autoptr(Shadow) memory_shadow = NULL;
  g_autoptr(StewardMessageList) messages = NULL;
  g_autoptr(Shadow) message_shadow = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gboolean done = FALSE;
  gint64 open_id;

  for (guint i = 0; i < 5; i++)
    {
      gint64 id = steward_store_create_conversation (store, "Here", &error);

      g_array_append_val (ids, id);
    }
  open_id = g_array_index (ids, gint64, 0);
  steward_store_add_message (store, open_id, STEWARD_MESSAGE_ROLE_USER, "Hello",
                             STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  steward_row_list_load_async (list, NULL, loaded_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (steward_row_list_reload (memories, &error));
  messages = steward_store_watch_messages (store, open_id);
  g_assert_true (steward_message_list_load_end (messages, &error));
  shadow = shadow_new (G_LIST_MODEL (list));
  memory_shadow = shadow_new (G_LIST_MODEL (memories));
  message_shadow = shadow_new (G_LIST_MODEL (messages));

  /* Nothing changed yet: the first look notes where things stand. */
  steward_store_check_external_change (store);
  g_assert_false (steward_store_check_external_change (store));

  /* This process's own writes are not another's. */
  steward_store_create_conversation (store, "Mine", &error);
  g_assert_false (steward_store_check_external_change (store));

  steward_store_create_conversation (other, "From the CLI", &error);
  g_assert_true (steward_store_rename_conversation (other, g_array_index (ids, gint64, 2), "Renamed there", &error));
  g_assert_true (steward_store_delete_conversation (other, g_array_index (ids, gint64, 3), &error));
  steward_store_add_message (other, open_id, STEWARD_MESSAGE_ROLE_ASSISTANT, "Written by the CLI",
                             STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  steward_store_add_memory (other, "Added with steward-cli", FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error);
  g_assert_no_error (error);

  shadow_reset_counts (shadow);
  g_assert_true (steward_store_check_external_change (store));
  done = FALSE;
  while (steward_row_list_find (list, g_array_index (ids, gint64, 3), NULL))
    g_main_context_iteration (NULL, TRUE);

  {
    g_autoptr(GListModel) expected = steward_store_list_conversations (store, &error);
    g_autoptr(GListModel) expected_memories = steward_store_list_memories (store, &error);

    assert_same (shadow, G_LIST_MODEL (list), expected, conversation_id, same_conversation);
    assert_same (memory_shadow, G_LIST_MODEL (memories), expected_memories, memory_id, same_memory);
  }
  /* Row by row, not the whole list again */
  g_assert_cmpuint (shadow->removed, <=, 3);
  assert_window (store, message_shadow, messages);
  {
    g_autoptr(StewardMessage) last = g_list_model_get_item (G_LIST_MODEL (messages), 1);

    g_assert_cmpstr (steward_message_get_content (last), ==, "Written by the CLI");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("lists", "conversations-follow", test_conversations_follow);
  STORE_TEST_ADD ("lists", "conversations-load-async", test_conversations_load_async);
  STORE_TEST_ADD ("lists", "external-changes", test_external_changes);
  STORE_TEST_ADD ("lists", "memories-follow", test_memories_follow);
  STORE_TEST_ADD ("lists", "tasks-follow", test_tasks_follow);
  STORE_TEST_ADD ("lists", "projects-follow", test_projects_follow);
  STORE_TEST_ADD ("lists", "services-lists", test_services_lists);
  STORE_TEST_ADD ("lists", "messages-window", test_messages_window);
  STORE_TEST_ADD ("lists", "messages-load-end-async", test_messages_load_end_async);
  STORE_TEST_ADD ("lists", "messages-live", test_messages_live);
  STORE_TEST_ADD ("lists", "messages-delete-from", test_messages_delete_from);
  STORE_TEST_ADD ("lists", "one-object-per-message", test_one_object_per_message);

  return g_test_run ();
}
