/* test-task-reminders.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reminders (steward-task-reminders.c) over a real store: a task that
 * falls due is said once, never again after a restart, again when its
 * due date changes, and not at all when done, long past or without a
 * due date.
 */

#include "config.h"

#include "steward-core.h"
#include "steward-task-reminders.h"
#include "store-fixture.h"

typedef struct
{
  StewardServices      *services;
  StewardTaskReminders *reminders;
  GPtrArray            *said;   /* titles */
} Session;

static void
task_due_cb (StewardTaskReminders *reminders,
             StewardTask          *task,
             Session              *session)
{
  g_ptr_array_add (session->said, g_strdup (steward_task_get_title (task)));
}

/* Lets every pending idle and worker finish. */
static void
settle (void)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 5;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
session_start (Session      *session,
               StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StewardRowList *tasks;

  session->said = g_ptr_array_new_with_free_func (g_free);
  session->services = steward_services_new ();
  g_assert_true (steward_services_open (session->services, fixture->data_dir, &error));
  g_assert_no_error (error);

  session->reminders = steward_task_reminders_new (session->services);
  g_signal_connect (session->reminders, "task-due", G_CALLBACK (task_due_cb), session);

  tasks = steward_services_get_tasks (session->services, NULL);
  while (!steward_row_list_get_loaded (tasks))
    g_main_context_iteration (NULL, TRUE);
  settle ();
}

static void
session_stop (Session *session)
{
  g_clear_object (&session->reminders);
  g_clear_object (&session->services);
  g_clear_pointer (&session->said, g_ptr_array_unref);
}

static gint64
add_task (StewardStore      *store,
          const char        *title,
          GTimeSpan          due_from_now,
          gboolean           has_due,
          StewardTaskStatus  status)
{
  g_autoptr(StewardTaskDraft) draft = steward_task_draft_new (title);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (has_due)
    {
      draft->due = g_date_time_add (now, due_from_now);
      draft->due_has_time = TRUE;
    }

  id = steward_store_add_task (store, draft, status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
assert_said (Session    *session,
             const char *titles)
{
  g_autoptr(GString) said = g_string_new (NULL);

  for (guint i = 0; i < session->said->len; i++)
    g_string_append_printf (said, "%s%s", i ? "," : "", (char *)g_ptr_array_index (session->said, i));
  g_assert_cmpstr (said->str, ==, titles);
}

static void
test_once (StoreFixture  *fixture,
           gconstpointer  data)
{
  Session session = { 0 };
  g_autofree char *kept = NULL;

  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;

  /* Written while Steward did not run, as the CLI would */
  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  add_task (store, "Call Sam", -G_TIME_SPAN_MINUTE, TRUE, STEWARD_TASK_STATUS_TODO);
  add_task (store, "Pay rent", -G_TIME_SPAN_HOUR, TRUE, STEWARD_TASK_STATUS_DOING);
  add_task (store, "Done already", -G_TIME_SPAN_MINUTE, TRUE, STEWARD_TASK_STATUS_DONE);
  add_task (store, "Long past", -3 * G_TIME_SPAN_DAY, TRUE, STEWARD_TASK_STATUS_TODO);
  add_task (store, "Next week", 7 * G_TIME_SPAN_DAY, TRUE, STEWARD_TASK_STATUS_TODO);
  add_task (store, "Some day", 0, FALSE, STEWARD_TASK_STATUS_TODO);
  g_clear_object (&store);

  /* At start: what fell due within the day, once */
  session_start (&session, fixture);
  assert_said (&session, "Pay rent,Call Sam");
  kept = store_fixture_query (fixture->db_path,
                              "SELECT group_concat (title, ',') FROM"
                              " (SELECT title FROM tasks WHERE reminded_at IS NOT NULL ORDER BY id)");
  g_assert_cmpstr (kept, ==, "Call Sam,Pay rent");
  session_stop (&session);

  /* After a restart: nothing again */
  session_start (&session, fixture);
  assert_said (&session, "");
  session_stop (&session);
}

static void
test_while_running (StoreFixture  *fixture,
                    gconstpointer  data)
{
  Session session = { 0 };
  g_autoptr(StewardTaskDraft) draft = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  gint64 end;
  gint64 id;

  session_start (&session, fixture);

  /* Falls due in a second, while running */
  id = add_task (steward_services_get_store (session.services), "Stretch", G_TIME_SPAN_SECOND, TRUE,
                 STEWARD_TASK_STATUS_TODO);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (session.said->len == 0 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  assert_said (&session, "Stretch");

  /* A new due date is a new reminder */
  task = steward_store_find_task (steward_services_get_store (session.services), id, &error);
  g_assert_no_error (error);
  draft = steward_task_dup_draft (task);
  now = g_date_time_new_now_local ();
  g_clear_pointer (&draft->due, g_date_time_unref);
  draft->due = g_date_time_add (now, G_TIME_SPAN_SECOND);
  g_assert_true (steward_store_update_task (steward_services_get_store (session.services), id, draft, &error));
  g_assert_no_error (error);

  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (session.said->len < 2 && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  assert_said (&session, "Stretch,Stretch");

  session_stop (&session);
}

static void
test_day (StoreFixture  *fixture,
          gconstpointer  data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardTaskDraft) draft = steward_task_draft_new ("Pay rent");
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GDateTime) remind_at = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  /* A day's task falls due at nine that morning, local time */
  draft->due = g_date_time_new_local (2026, 3, 27, 0, 0, 0);
  draft->due_has_time = FALSE;
  id = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  task = steward_store_find_task (store, id, &error);
  g_assert_no_error (error);

  remind_at = steward_task_reminders_dup_remind_at (task);
  g_assert_nonnull (remind_at);
  g_assert_cmpint (g_date_time_get_day_of_month (remind_at), ==, 27);
  g_assert_cmpint (g_date_time_get_hour (remind_at), ==, STEWARD_TASK_REMINDERS_DAY_HOUR);
  g_assert_cmpint (g_date_time_get_minute (remind_at), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("task-reminders", "once", test_once);
  STORE_TEST_ADD ("task-reminders", "while-running", test_while_running);
  STORE_TEST_ADD ("task-reminders", "day", test_day);

  return g_test_run ();
}
