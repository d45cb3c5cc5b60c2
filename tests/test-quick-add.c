/* test-quick-add.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A task typed in one line, read against a fixed "now" in Europe/Berlin:
 * days on the calendar (across months, years and changes of daylight
 * saving time), times of day, repeat rules, priority and category, and
 * what stays in the title.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib.h>

#include "steward-enum-types.h"
#include "steward-quick-add.h"

typedef struct
{
  const char *text;
  const char *now;        /* local time in Berlin */
  const char *title;
  const char *due;        /* local, "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", or NULL */
  const char *rrule;
  const char *priority;   /* a nick, or NULL */
  const char *category;
} Case;

/* Friday 27 March 2026, 10:00; summer time begins on Sunday 29 March. */
#define FRI "2026-03-27 10:00"
/* Wednesday 30 December 2026, 18:30 */
#define YEAR_END "2026-12-30 18:30"
/* Saturday 31 January 2026, 09:00 */
#define JAN31 "2026-01-31 09:00"
/* Saturday 24 October 2026, 12:00; winter time begins on Sunday 25 October. */
#define AUTUMN "2026-10-24 12:00"

static const Case cases[] = {
  /* The issue's own examples */
  { "call Sam tomorrow 5pm", FRI, "call Sam", "2026-03-28 17:00", NULL, NULL, NULL },
  { "report due next Friday", FRI, "report", "2026-04-03", NULL, NULL, NULL },
  { "water the plants in 3 days", FRI, "water the plants", "2026-03-30", NULL, NULL, NULL },
  { "pay rent on 12 March", FRI, "pay rent", "2027-03-12", NULL, NULL, NULL },
  { "standup every Monday 9am", FRI, "standup", "2026-03-30 09:00", "FREQ=WEEKLY;BYDAY=MO", NULL, NULL },
  { "Call Sam tomorrow 5pm !high", FRI, "Call Sam", "2026-03-28 17:00", NULL, "high", NULL },
  { "send invoice #work !low", FRI, "send invoice", NULL, NULL, "low", "work" },

  /* Days */
  { "dentist today", FRI, "dentist", "2026-03-27", NULL, NULL, NULL },
  { "dentist tomorrow", FRI, "dentist", "2026-03-28", NULL, NULL, NULL },
  { "send invoice yesterday", FRI, "send invoice", "2026-03-26", NULL, NULL, NULL },
  { "send invoice yesterday", JAN31, "send invoice", "2026-01-30", NULL, NULL, NULL },
  { "buy milk tmrw", FRI, "buy milk", "2026-03-28", NULL, NULL, NULL },
  { "party the day after tomorrow", FRI, "party", "2026-03-29", NULL, NULL, NULL },
  { "party day after tomorrow", FRI, "party", "2026-03-29", NULL, NULL, NULL },
  { "review Monday", FRI, "review", "2026-03-30", NULL, NULL, NULL },
  { "review on Fri", FRI, "review", "2026-04-03", NULL, NULL, NULL },
  { "review this Friday", FRI, "review", "2026-03-27", NULL, NULL, NULL },
  { "review Friday", FRI, "review", "2026-04-03", NULL, NULL, NULL },
  { "review next Monday", FRI, "review", "2026-03-30", NULL, NULL, NULL },
  { "plan next week", FRI, "plan", "2026-03-30", NULL, NULL, NULL },
  { "budget next month", FRI, "budget", "2026-04-01", NULL, NULL, NULL },
  { "taxes next year", FRI, "taxes", "2027-01-01", NULL, NULL, NULL },
  { "renew in a week", FRI, "renew", "2026-04-03", NULL, NULL, NULL },
  { "renew in two weeks", FRI, "renew", "2026-04-10", NULL, NULL, NULL },
  { "renew in 1 year", FRI, "renew", "2027-03-27", NULL, NULL, NULL },
  { "form by 2026-04-15", FRI, "form", "2026-04-15", NULL, NULL, NULL },
  { "trip April 2nd", FRI, "trip", "2026-04-02", NULL, NULL, NULL },
  { "trip 2nd of April 2027", FRI, "trip", "2027-04-02", NULL, NULL, NULL },
  { "trip on March 30", FRI, "trip", "2026-03-30", NULL, NULL, NULL },

  /* Month and year boundaries */
  { "report in 1 month", JAN31, "report", "2026-02-28", NULL, NULL, NULL },
  { "report in 3 days", YEAR_END, "report", "2027-01-02", NULL, NULL, NULL },
  { "party on 5 January", YEAR_END, "party", "2027-01-05", NULL, NULL, NULL },
  { "party tomorrow", YEAR_END, "party", "2026-12-31", NULL, NULL, NULL },
  { "plan next week", YEAR_END, "plan", "2027-01-04", NULL, NULL, NULL },
  { "budget next month", YEAR_END, "budget", "2027-01-01", NULL, NULL, NULL },
  { "gift 31 December", YEAR_END, "gift", "2026-12-31", NULL, NULL, NULL },
  { "gift 29 February", JAN31, "gift 29 February", NULL, NULL, NULL, NULL },

  /* Times of day */
  { "call at 9", FRI, "call", "2026-03-28 09:00", NULL, NULL, NULL },
  { "call at 11", FRI, "call", "2026-03-27 11:00", NULL, NULL, NULL },
  { "call 5:30pm", FRI, "call", "2026-03-27 17:30", NULL, NULL, NULL },
  { "call 5 pm", FRI, "call", "2026-03-27 17:00", NULL, NULL, NULL },
  { "call 17:45", FRI, "call", "2026-03-27 17:45", NULL, NULL, NULL },
  { "lunch at noon", FRI, "lunch", "2026-03-27 12:00", NULL, NULL, NULL },
  { "backup at midnight", FRI, "backup", "2026-03-28 00:00", NULL, NULL, NULL },
  { "call 12am tomorrow", FRI, "call", "2026-03-28 00:00", NULL, NULL, NULL },
  { "movie tonight", FRI, "movie", "2026-03-27 20:00", NULL, NULL, NULL },
  { "movie tonight at 9pm", FRI, "movie", "2026-03-27 21:00", NULL, NULL, NULL },
  { "check oven in 2 hours", FRI, "check oven", "2026-03-27 12:00", NULL, NULL, NULL },
  { "check oven in 45 minutes", FRI, "check oven", "2026-03-27 10:45", NULL, NULL, NULL },

  /* Daylight saving time: a calendar day, not 24 hours */
  { "call tomorrow 5pm", "2026-03-28 18:00", "call", "2026-03-29 17:00", NULL, NULL, NULL },
  { "call tomorrow 5pm", "2026-10-24 18:00", "call", "2026-10-25 17:00", NULL, NULL, NULL },
  { "call in 2 days at 9am", AUTUMN, "call", "2026-10-26 09:00", NULL, NULL, NULL },

  /* Repeating */
  { "stretch every day", FRI, "stretch", "2026-03-27", "FREQ=DAILY", NULL, NULL },
  { "stretch daily 8am", FRI, "stretch", "2026-03-28 08:00", "FREQ=DAILY", NULL, NULL },
  { "water every 3 days", FRI, "water", "2026-03-27", "FREQ=DAILY;INTERVAL=3", NULL, NULL },
  { "report every weekday at 5pm", FRI, "report", "2026-03-27 17:00", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", NULL, NULL },
  { "gym every Monday and Thursday", FRI, "gym", "2026-03-30", "FREQ=WEEKLY;BYDAY=MO,TH", NULL, NULL },
  { "gym every tue, thu", FRI, "gym", "2026-03-31", "FREQ=WEEKLY;BYDAY=TU,TH", NULL, NULL },
  { "bins every Friday", FRI, "bins", "2026-03-27", "FREQ=WEEKLY;BYDAY=FR", NULL, NULL },
  { "sync every 2 weeks", FRI, "sync", "2026-03-27", "FREQ=WEEKLY;INTERVAL=2", NULL, NULL },
  { "rent monthly", FRI, "rent", "2026-03-27", "FREQ=MONTHLY", NULL, NULL },
  { "rent every month on 1 April", FRI, "rent", "2026-04-01", "FREQ=MONTHLY", NULL, NULL },
  { "birthday every year", FRI, "birthday", "2026-03-27", "FREQ=YEARLY", NULL, NULL },

  /* What is not understood stays */
  { "buy sun cream", FRI, "buy sun cream", NULL, NULL, NULL, NULL },
  { "call May", FRI, "call May", NULL, NULL, NULL, NULL },
  { "buy 2 apples", FRI, "buy 2 apples", NULL, NULL, NULL, NULL },
  { "read chapter 11", FRI, "read chapter 11", NULL, NULL, NULL, NULL },
  { "on the way home", FRI, "on the way home", NULL, NULL, NULL, NULL },
  { "finish it in a bit", FRI, "finish it in a bit", NULL, NULL, NULL, NULL },
  { "meet tomorrow or Monday", FRI, "meet or Monday", "2026-03-28", NULL, NULL, NULL },
  { "fix !bug #", FRI, "fix !bug #", NULL, NULL, NULL, NULL },
  { "#home !high", FRI, "", NULL, NULL, "high", "home" },
  { "email #Work #later", FRI, "email #later", NULL, NULL, NULL, "Work" },
  { "  spaced   out  tomorrow  ", FRI, "spaced out", "2026-03-28", NULL, NULL, NULL },
  { "", FRI, "", NULL, NULL, NULL, NULL },
};

static GTimeZone *
berlin (void)
{
  static GTimeZone *tz;

  if (tz == NULL)
    tz = g_time_zone_new_identifier ("Europe/Berlin");

  return tz;
}

static GDateTime *
local (const char *text)
{
  int y, mo, d, h = 0, mi = 0;

  if (sscanf (text, "%d-%d-%d %d:%d", &y, &mo, &d, &h, &mi) < 3)
    g_error ("bad time in test: %s", text);

  return g_date_time_new (berlin (), y, mo, d, h, mi, 0);
}

static void
test_case (gconstpointer data)
{
  const Case *c = data;
  g_autoptr(GDateTime) now = local (c->now);
  g_autoptr(StewardQuickAdd) parsed = steward_quick_add_parse (c->text, now);

  g_assert_cmpstr (parsed->title, ==, c->title);
  g_assert_cmpstr (parsed->rrule, ==, c->rrule);
  g_assert_cmpstr (parsed->category, ==, c->category);

  if (c->priority != NULL)
    {
      int priority;

      g_assert_true (parsed->has_priority);
      g_assert_true (steward_enum_from_nick (STEWARD_TYPE_TASK_PRIORITY, c->priority, &priority));
      g_assert_cmpint (parsed->priority, ==, priority);
    }
  else
    g_assert_false (parsed->has_priority);

  if (c->due == NULL)
    g_assert_null (parsed->due);
  else
    {
      g_autoptr(GDateTime) expected = local (c->due);
      gboolean has_time = strchr (c->due, ':') != NULL;
      g_autofree char *got = NULL;
      g_autofree char *want = NULL;

      g_assert_nonnull (parsed->due);
      got = g_date_time_format_iso8601 (parsed->due);
      want = g_date_time_format_iso8601 (expected);
      g_assert_cmpstr (got, ==, want);
      g_assert_cmpint (parsed->due_has_time, ==, has_time);
    }
}

/* The offsets from UTC around the change: the same 17:00 on the wall
 * clock is an hour apart in UTC on either side. */
static void
test_dst_offsets (void)
{
  g_autoptr(GDateTime) saturday = local ("2026-03-28 10:00");
  g_autoptr(StewardQuickAdd) before = steward_quick_add_parse ("call today 5pm", saturday);
  g_autoptr(StewardQuickAdd) after = steward_quick_add_parse ("call tomorrow 5pm", saturday);
  g_autoptr(GDateTime) before_utc = g_date_time_to_utc (before->due);
  g_autoptr(GDateTime) after_utc = g_date_time_to_utc (after->due);

  g_assert_cmpint (g_date_time_get_hour (before_utc), ==, 16);
  g_assert_cmpint (g_date_time_get_hour (after_utc), ==, 15);
  /* 23 hours apart on the day the clocks go forward */
  g_assert_cmpint (g_date_time_difference (after->due, before->due), ==, 23 * G_TIME_SPAN_HOUR);
}

/* GLib's calendar ends with the year 9999: what would fall after it
 * stays in the title (found by fuzz-quick-add). */
static void
test_end_of_time (void)
{
  g_autoptr(GDateTime) now = local ("9999-12-30 12:00");
  g_autoptr(StewardQuickAdd) weekly = steward_quick_add_parse ("gym every tue", now);
  g_autoptr(StewardQuickAdd) later = steward_quick_add_parse ("renew in 3 days", now);
  g_autoptr(StewardQuickAdd) hours = steward_quick_add_parse ("check in 48 hours", now);

  g_assert_cmpstr (weekly->title, ==, "gym every tue");
  g_assert_null (weekly->due);
  g_assert_null (weekly->rrule);
  g_assert_cmpstr (later->title, ==, "renew in 3 days");
  g_assert_null (later->due);
  g_assert_cmpstr (hours->title, ==, "check in 48 hours");
  g_assert_null (hours->due);
}

static void
test_parse_when (void)
{
  g_autoptr(GDateTime) now = local (FRI);
  g_autoptr(GDateTime) friday = NULL;
  g_autoptr(GDateTime) time = NULL;
  gboolean has_time = TRUE;

  friday = steward_quick_add_parse_when ("next Friday", now, &has_time);
  g_assert_nonnull (friday);
  g_assert_false (has_time);
  g_assert_cmpint (g_date_time_get_day_of_month (friday), ==, 3);

  time = steward_quick_add_parse_when ("tomorrow at 9am", now, &has_time);
  g_assert_nonnull (time);
  g_assert_true (has_time);
  g_assert_cmpint (g_date_time_get_hour (time), ==, 9);

  /* Anything else in it, and it is not a date */
  g_assert_null (steward_quick_add_parse_when ("blursday", now, NULL));
  g_assert_null (steward_quick_add_parse_when ("tomorrow please", now, NULL));
  g_assert_null (steward_quick_add_parse_when ("every Monday", now, NULL));
  g_assert_null (steward_quick_add_parse_when ("", now, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/steward/quick-add/%02u", i);

      g_test_add_data_func (path, &cases[i], test_case);
    }
  g_test_add_func ("/steward/quick-add/dst-offsets", test_dst_offsets);
  g_test_add_func ("/steward/quick-add/end-of-time", test_end_of_time);
  g_test_add_func ("/steward/quick-add/parse-when", test_parse_when);

  return g_test_run ();
}
