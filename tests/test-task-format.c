/* test-task-format.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * How the board and quick add say a task's due date, repeat rule and
 * priority (src/app/tasks/steward-task-format.c), against a fixed now.
 */

#include "config.h"

#include "steward-task-format.h"

static GDateTime *
at (int y, int mo, int d, int h, int mi)
{
  return g_date_time_new_local (y, mo, d, h, mi, 0);
}

static void
test_due (void)
{
  /* Friday 27 March 2026, 10:00 */
  g_autoptr(GDateTime) now = at (2026, 3, 27, 10, 0);
  struct { int y, mo, d, h, mi; gboolean has_time; const char *text; } cases[] = {
    { 2026, 3, 27, 17, 0, TRUE, "Today 17:00" },
    { 2026, 3, 27, 0, 0, FALSE, "Today" },
    { 2026, 3, 28, 9, 5, TRUE, "Tomorrow 09:05" },
    { 2026, 3, 26, 0, 0, FALSE, "Yesterday" },
    { 2026, 3, 30, 0, 0, FALSE, "Monday" },
    { 2026, 4, 2, 8, 0, TRUE, "Thursday 08:00" },
    { 2026, 4, 3, 0, 0, FALSE, "3 April" },
    { 2026, 1, 5, 0, 0, FALSE, "5 January" },
    { 2027, 1, 5, 0, 0, FALSE, "5 January 2027" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = at (cases[i].y, cases[i].mo, cases[i].d, cases[i].h, cases[i].mi);
      g_autofree char *text = steward_task_format_due (due, cases[i].has_time, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_due_state (void)
{
  g_autoptr(GDateTime) now = at (2026, 3, 27, 10, 0);
  g_autoptr(GDateTime) earlier_today = at (2026, 3, 27, 9, 0);
  g_autoptr(GDateTime) later_today = at (2026, 3, 27, 17, 0);
  g_autoptr(GDateTime) today = at (2026, 3, 27, 0, 0);
  g_autoptr(GDateTime) yesterday = at (2026, 3, 26, 0, 0);
  g_autoptr(GDateTime) tomorrow = at (2026, 3, 28, 0, 0);

  g_assert_cmpint (steward_task_due_state (earlier_today, TRUE, now), ==, STEWARD_DUE_OVERDUE);
  g_assert_cmpint (steward_task_due_state (later_today, TRUE, now), ==, STEWARD_DUE_TODAY);
  /* A day is not overdue until it is over */
  g_assert_cmpint (steward_task_due_state (today, FALSE, now), ==, STEWARD_DUE_TODAY);
  g_assert_cmpint (steward_task_due_state (yesterday, FALSE, now), ==, STEWARD_DUE_OVERDUE);
  g_assert_cmpint (steward_task_due_state (tomorrow, FALSE, now), ==, STEWARD_DUE_LATER);
}

static void
test_rrule (void)
{
  struct { const char *rule; const char *text; } cases[] = {
    { "FREQ=DAILY", "Every day" },
    { "FREQ=DAILY;INTERVAL=3", "Every 3 days" },
    { "FREQ=WEEKLY", "Every week" },
    { "FREQ=WEEKLY;INTERVAL=2", "Every 2 weeks" },
    { "FREQ=WEEKLY;BYDAY=MO", "Every Monday" },
    { "FREQ=WEEKLY;BYDAY=MO,TH", "Every Monday, Thursday" },
    { "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "Every weekday" },
    { "FREQ=MONTHLY", "Every month" },
    { "FREQ=YEARLY;INTERVAL=2", "Every 2 years" },
    /* Not ours: no words rather than wrong ones */
    { "FREQ=MONTHLY;BYMONTHDAY=1", NULL },
    { "FREQ=WEEKLY;BYDAY=XX", NULL },
    { "FREQ=HOURLY", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = steward_task_format_rrule (cases[i].rule);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_understood (void)
{
  g_autoptr(GDateTime) now = at (2026, 3, 27, 10, 0);
  struct { const char *line; const char *text; } cases[] = {
    { "Call Sam tomorrow 5pm !high #work", "Tomorrow 17:00 · High · #work" },
    { "report due next Friday", "3 April" },
    { "standup every Monday 9am", "Monday 09:00 · Every Monday" },
    { "just a title", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StewardQuickAdd) parsed = steward_quick_add_parse (cases[i].line, now);
      g_autofree char *text = steward_task_format_understood (parsed, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* The cases are in Berlin's time; the words in English. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/task-format/due", test_due);
  g_test_add_func ("/steward/task-format/due-state", test_due_state);
  g_test_add_func ("/steward/task-format/rrule", test_rrule);
  g_test_add_func ("/steward/task-format/understood", test_understood);

  return g_test_run ();
}
