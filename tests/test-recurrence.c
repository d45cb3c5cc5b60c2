/* test-recurrence.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "steward-core.h"

/* The next occurrence of a repeating task (steward-recurrence.c): on the
 * calendar of the due's zone, Europe/Berlin here, so the clocks changing
 * (29 March and 25 October 2026) move no task off its hour. */

typedef struct
{
  const char *rrule;
  const char *due;
  const char *next;
} Case;

static const Case cases[] = {
  /* Daily, and every N days */
  { "FREQ=DAILY", "2026-03-27 09:00", "2026-03-28 09:00" },
  { "FREQ=DAILY;INTERVAL=3", "2026-12-30 18:00", "2027-01-02 18:00" },
  { "RRULE:FREQ=DAILY", "2026-02-28 07:15", "2026-03-01 07:15" },
  { "freq=daily", "2028-02-28 07:15", "2028-02-29 07:15" },
  /* Across the clocks going forward and back: the same hour */
  { "FREQ=DAILY", "2026-03-28 09:00", "2026-03-29 09:00" },
  { "FREQ=DAILY", "2026-10-24 09:00", "2026-10-25 09:00" },
  { "FREQ=WEEKLY", "2026-03-23 09:00", "2026-03-30 09:00" },
  { "FREQ=WEEKLY;BYDAY=MO", "2026-10-19 09:00", "2026-10-26 09:00" },
  { "FREQ=MONTHLY", "2026-03-15 23:30", "2026-04-15 23:30" },
  /* Midnight: a day without a time of day stays a day */
  { "FREQ=WEEKLY", "2026-10-20 00:00", "2026-10-27 00:00" },
  /* Weekly on days: the next listed day, else the first one of the
   * week INTERVAL weeks on */
  { "FREQ=WEEKLY;BYDAY=MO,TH", "2026-03-30 09:00", "2026-04-02 09:00" },
  { "FREQ=WEEKLY;BYDAY=MO,TH", "2026-04-02 09:00", "2026-04-06 09:00" },
  { "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR", "2026-03-27 17:00", "2026-03-30 17:00" },
  { "FREQ=WEEKLY;BYDAY=SU", "2026-03-29 10:00", "2026-04-05 10:00" },
  { "FREQ=WEEKLY;BYDAY=FR", "2026-03-25 10:00", "2026-03-27 10:00" },
  { "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", "2026-03-30 09:00", "2026-04-13 09:00" },
  { "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2026-03-30 09:00", "2026-04-03 09:00" },
  { "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR", "2026-04-03 09:00", "2026-04-13 09:00" },
  { "FREQ=WEEKLY;INTERVAL=2", "2026-12-25 08:00", "2027-01-08 08:00" },
  /* Monthly: the 31st comes on a shorter month's last day */
  { "FREQ=MONTHLY", "2026-01-31 09:00", "2026-02-28 09:00" },
  { "FREQ=MONTHLY", "2028-01-31 09:00", "2028-02-29 09:00" },
  { "FREQ=MONTHLY", "2026-03-31 09:00", "2026-04-30 09:00" },
  { "FREQ=MONTHLY", "2026-12-15 09:00", "2027-01-15 09:00" },
  { "FREQ=MONTHLY;INTERVAL=3", "2026-11-30 09:00", "2027-02-28 09:00" },
  { "FREQ=MONTHLY;INTERVAL=12", "2026-05-01 09:00", "2027-05-01 09:00" },
  /* Yearly: 29 February comes on the 28th */
  { "FREQ=YEARLY", "2028-02-29 12:00", "2029-02-28 12:00" },
  { "FREQ=YEARLY;INTERVAL=4", "2028-02-29 12:00", "2032-02-29 12:00" },
  { "FREQ=YEARLY", "2026-12-31 23:59", "2027-12-31 23:59" },
};

static GDateTime *
berlin (GTimeZone  *zone,
        const char *text)
{
  int year, month, day, hour, minute;

  g_assert_cmpint (sscanf (text, "%d-%d-%d %d:%d", &year, &month, &day, &hour, &minute), ==, 5);

  return g_date_time_new (zone, year, month, day, hour, minute, 0);
}

static void
test_next (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");

  if (zone == NULL)
    {
      g_test_skip ("The time zone Europe/Berlin is not installed.");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GDateTime) due = berlin (zone, cases[i].due);
      g_autoptr(GDateTime) next = NULL;
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s from %s", cases[i].rrule, cases[i].due);
      g_assert_true (steward_recurrence_check (cases[i].rrule, &error));
      g_assert_no_error (error);
      next = steward_recurrence_next (cases[i].rrule, due, &error);
      g_assert_no_error (error);
      text = g_date_time_format (next, "%Y-%m-%d %H:%M");
      g_assert_cmpstr (text, ==, cases[i].next);
    }
}

/* The hour stays; the instant moves by 23 or 25 hours */
static void
test_dst (void)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier ("Europe/Berlin");
  g_autoptr(GDateTime) spring = NULL;
  g_autoptr(GDateTime) spring_next = NULL;
  g_autoptr(GDateTime) autumn = NULL;
  g_autoptr(GDateTime) autumn_next = NULL;
  g_autoptr(GDateTime) gap = NULL;
  g_autoptr(GDateTime) gap_next = NULL;

  if (zone == NULL)
    {
      g_test_skip ("The time zone Europe/Berlin is not installed.");
      return;
    }

  spring = g_date_time_new (zone, 2026, 3, 28, 9, 0, 0);
  spring_next = steward_recurrence_next ("FREQ=DAILY", spring, NULL);
  g_assert_cmpint (g_date_time_difference (spring_next, spring), ==, 23 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_utc_offset (spring_next), ==, 2 * G_TIME_SPAN_HOUR);

  autumn = g_date_time_new (zone, 2026, 10, 24, 9, 0, 0);
  autumn_next = steward_recurrence_next ("FREQ=DAILY", autumn, NULL);
  g_assert_cmpint (g_date_time_difference (autumn_next, autumn), ==, 25 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (autumn_next), ==, 9);

  /* 2:30 on the night the clocks go forward does not exist: an
   * occurrence still comes, that morning */
  gap = g_date_time_new (zone, 2026, 3, 28, 2, 30, 0);
  gap_next = steward_recurrence_next ("FREQ=DAILY", gap, NULL);
  g_assert_nonnull (gap_next);
  g_assert_cmpint (g_date_time_get_day_of_month (gap_next), ==, 29);
}

static void
test_refused (void)
{
  static const struct {
    const char *rrule;
    int         code;
  } refused[] = {
    { "", G_IO_ERROR_INVALID_DATA },
    { "FREQ", G_IO_ERROR_INVALID_DATA },
    { "FREQ=", G_IO_ERROR_INVALID_DATA },
    { "INTERVAL=2", G_IO_ERROR_INVALID_DATA },
    { "FREQ=DAILY;INTERVAL=0", G_IO_ERROR_INVALID_DATA },
    { "FREQ=DAILY;INTERVAL=two", G_IO_ERROR_INVALID_DATA },
    { "FREQ=HOURLY", G_IO_ERROR_NOT_SUPPORTED },
    { "FREQ=DAILY;COUNT=3", G_IO_ERROR_NOT_SUPPORTED },
    { "FREQ=DAILY;UNTIL=20261231T000000Z", G_IO_ERROR_NOT_SUPPORTED },
    { "FREQ=MONTHLY;BYMONTHDAY=-1", G_IO_ERROR_NOT_SUPPORTED },
    { "FREQ=MONTHLY;BYDAY=1MO", G_IO_ERROR_NOT_SUPPORTED },
    { "FREQ=WEEKLY;BYDAY=1MO", G_IO_ERROR_NOT_SUPPORTED },
    { "FREQ=WEEKLY;BYDAY=XX", G_IO_ERROR_NOT_SUPPORTED },
  };
  g_autoptr(GDateTime) due = g_date_time_new_utc (2026, 1, 1, 9, 0, 0);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_test_message ("%s", refused[i].rrule);
      g_assert_false (steward_recurrence_check (refused[i].rrule, &error));
      g_assert_error (error, G_IO_ERROR, refused[i].code);
      g_assert_nonnull (strchr (error->message, '.'));
      g_clear_error (&error);
      g_assert_null (steward_recurrence_next (refused[i].rrule, due, &error));
      g_assert_error (error, G_IO_ERROR, refused[i].code);
      g_clear_error (&error);
    }

  g_assert_false (steward_recurrence_check ("FREQ=HOURLY", &error));
  g_assert_cmpstr (error->message, ==, "A task can repeat daily, weekly, monthly or yearly, not “HOURLY”.");
}

/* Every rule quick add writes can be followed. */
static void
test_quick_add_rules (void)
{
  static const char * const phrases[] = {
    "standup every Monday 9am", "stretch every day", "water every 3 days",
    "report every weekday at 5pm", "gym every Monday and Thursday", "sync every 2 weeks",
    "rent monthly", "birthday every year",
  };
  g_autoptr(GDateTime) now = g_date_time_new_local (2026, 3, 27, 12, 0, 0);

  for (guint i = 0; i < G_N_ELEMENTS (phrases); i++)
    {
      g_autoptr(StewardQuickAdd) parsed = steward_quick_add_parse (phrases[i], now);
      g_autoptr(GDateTime) next = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", phrases[i]);
      g_assert_nonnull (parsed->rrule);
      next = steward_recurrence_next (parsed->rrule, parsed->due, &error);
      g_assert_no_error (error);
      g_assert_cmpint (g_date_time_compare (next, parsed->due), >, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/recurrence/next", test_next);
  g_test_add_func ("/steward/recurrence/dst", test_dst);
  g_test_add_func ("/steward/recurrence/refused", test_refused);
  g_test_add_func ("/steward/recurrence/quick-add-rules", test_quick_add_rules);

  return g_test_run ();
}
