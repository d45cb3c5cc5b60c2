/* test-date-format.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "steward-date-format.h"

/* The app's dates in list rows and the conversation list's headings, at a
 * given "now": Sunday 7 December 2026, 15:00 local time (the suite runs in
 * the C locale). */

static GDateTime *
local (int year,
       int month,
       int day,
       int hour,
       int minute)
{
  return g_date_time_new_local (year, month, day, hour, minute, 0);
}

static void
assert_group (GDateTime  *now,
              GDateTime  *when,
              const char *heading,
              const char *in_group)
{
  g_autofree char *group = steward_date_format_group (when, now);
  g_autofree char *date = steward_date_format_in_group (when, now);

  g_assert_cmpstr (group, ==, heading);
  g_assert_cmpstr (date, ==, in_group);
}

static void
test_groups (void)
{
  g_autoptr(GDateTime) now = local (2026, 12, 7, 15, 0);
  g_autoptr(GDateTime) today = local (2026, 12, 7, 7, 47);
  g_autoptr(GDateTime) midnight = local (2026, 12, 7, 0, 0);
  g_autoptr(GDateTime) later = local (2026, 12, 8, 9, 0);
  g_autoptr(GDateTime) yesterday = local (2026, 12, 6, 23, 59);
  g_autoptr(GDateTime) two_days = local (2026, 12, 5, 10, 0);
  g_autoptr(GDateTime) six_days = local (2026, 12, 1, 8, 30);
  g_autoptr(GDateTime) seven_days = local (2026, 11, 30, 8, 30);
  g_autoptr(GDateTime) last_month = local (2026, 11, 4, 12, 0);
  g_autoptr(GDateTime) january = local (2026, 1, 1, 0, 0);
  g_autoptr(GDateTime) last_year = local (2025, 12, 31, 23, 0);
  g_autoptr(GDateTime) october = local (2025, 10, 17, 9, 0);

  assert_group (now, today, "Today", "07:47");
  assert_group (now, midnight, "Today", "00:00");
  /* Another computer's clock, a little ahead. */
  assert_group (now, later, "Today", "09:00");
  assert_group (now, yesterday, "Yesterday", "23:59");
  assert_group (now, two_days, "This Week", "Saturday");
  assert_group (now, six_days, "This Week", "Tuesday");
  assert_group (now, seven_days, "November", "Monday 30");
  assert_group (now, last_month, "November", "Wednesday 4");
  assert_group (now, january, "January", "Thursday 1");
  assert_group (now, last_year, "December 2025", "Wednesday 31");
  assert_group (now, october, "October 2025", "Friday 17");
}

/* The same instant written in UTC groups by the local day. */
static void
test_time_zones (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) now = g_date_time_new (utc, 2026, 12, 7, 15, 0, 0);
  g_autoptr(GDateTime) earlier = g_date_time_new (utc, 2026, 12, 7, 1, 0, 0);
  g_autofree char *group = steward_date_format_group (earlier, now);
  g_autoptr(GDateTime) local_earlier = g_date_time_to_local (earlier);
  g_autoptr(GDateTime) local_now = g_date_time_to_local (now);
  gboolean same_day = g_date_time_get_day_of_month (local_earlier) ==
                      g_date_time_get_day_of_month (local_now);

  g_assert_cmpstr (group, ==, same_day ? "Today" : "Yesterday");
}

static void
test_none (void)
{
  g_autofree char *group = steward_date_format_group (NULL, NULL);
  g_autofree char *date = steward_date_format_in_group (NULL, NULL);
  g_autofree char *relative = steward_date_format_relative (NULL, NULL);

  g_assert_cmpstr (group, ==, "");
  g_assert_cmpstr (date, ==, "");
  g_assert_cmpstr (relative, ==, "");
}

/* The older, single-line format stays as it was. */
static void
test_relative (void)
{
  g_autoptr(GDateTime) now = local (2026, 12, 7, 15, 0);
  g_autoptr(GDateTime) today = local (2026, 12, 7, 7, 47);
  g_autoptr(GDateTime) yesterday = local (2026, 12, 6, 7, 47);
  g_autoptr(GDateTime) three_days = local (2026, 12, 4, 7, 47);
  g_autoptr(GDateTime) november = local (2026, 11, 4, 7, 47);
  g_autoptr(GDateTime) last_year = local (2025, 10, 17, 7, 47);
  g_autofree char *a = steward_date_format_relative (today, now);
  g_autofree char *b = steward_date_format_relative (yesterday, now);
  g_autofree char *c = steward_date_format_relative (three_days, now);
  g_autofree char *d = steward_date_format_relative (november, now);
  g_autofree char *e = steward_date_format_relative (last_year, now);

  g_assert_cmpstr (a, ==, "07:47");
  g_assert_cmpstr (b, ==, "Yesterday");
  g_assert_cmpstr (c, ==, "Friday");
  g_assert_cmpstr (d, ==, "4 November");
  g_assert_cmpstr (e, ==, "17 October 2025");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/date-format/groups", test_groups);
  g_test_add_func ("/steward/date-format/time-zones", test_time_zones);
  g_test_add_func ("/steward/date-format/none", test_none);
  g_test_add_func ("/steward/date-format/relative", test_relative);

  return g_test_run ();
}
