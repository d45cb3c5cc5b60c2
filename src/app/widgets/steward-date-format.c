/* steward-date-format.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-date-format"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-date-format.h"
#include "steward-local-time.h"

/* How many calendar days @local is before @local_now, both in local
 * time: 0 today, 1 yesterday, negative in the future. By calendar, not by
 * hours: a day across a daylight saving change is still one day. */
static int
days_before (GDateTime *local,
             GDateTime *local_now)
{
  GDate day;
  GDate today;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local), g_date_time_get_year (local));
  g_date_set_dmy (&today, g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now), g_date_time_get_year (local_now));

  return g_date_days_between (&day, &today);
}

/**
 * steward_date_format_relative:
 * @date_time: (nullable): the time to show, in any time zone
 * @now: (nullable): the current time, or %NULL for the clock
 *
 * Formats @date_time for a list row the way GNOME apps do: the time of day
 * for today, "Yesterday", the weekday within a week, else the date.
 *
 * Returns: (transfer full): the formatted text, empty for %NULL
 */
char *
steward_date_format_relative (GDateTime *date_time,
                              GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  int days;

  if (date_time == NULL)
    return g_strdup ("");

  local = steward_local_time (date_time);
  local_now = now ? steward_local_time (now) : steward_local_now ();
  days = days_before (local, local_now);

  if (days == 0)
    /* Translators: a time of day today, see the strftime(3) manual */
    return g_date_time_format (local, _("%H:%M"));

  if (days == 1)
    return g_strdup (_("Yesterday"));

  if (days > 1 && days < 7)
    /* Translators: a weekday within the last week, see strftime(3) */
    return g_date_time_format (local, _("%A"));

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a date this year, see strftime(3) */
    return g_date_time_format (local, _("%-e %B"));

  /* Translators: a date in another year, see strftime(3) */
  return g_date_time_format (local, _("%-e %B %Y"));
}

/**
 * steward_date_format_group:
 * @date_time: (nullable): the time of an item in a list, newest first
 * @now: (nullable): the current time, or %NULL for the clock
 *
 * Names the group a list shows @date_time under, as a heading: "Today",
 * "Yesterday", "This Week" (the five days before yesterday), then the month,
 * with its year when that is not this year. Items are in the same group
 * when their headings are equal, so the heading is the group's key too.
 * A time in the future (another computer's clock) counts as today.
 *
 * Returns: (transfer full): the heading, empty for %NULL
 */
char *
steward_date_format_group (GDateTime *date_time,
                           GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  int days;

  if (date_time == NULL)
    return g_strdup ("");

  local = steward_local_time (date_time);
  local_now = now ? steward_local_time (now) : steward_local_now ();
  days = days_before (local, local_now);

  if (days <= 0)
    /* Translators: a heading in the conversation list, over today's */
    return g_strdup (C_("date group", "Today"));

  if (days == 1)
    /* Translators: a heading in the conversation list, over yesterday's */
    return g_strdup (C_("date group", "Yesterday"));

  if (days < 7)
    /* Translators: a heading in the conversation list, over those of the
     * five days before yesterday */
    return g_strdup (C_("date group", "This Week"));

  if (g_date_time_get_year (local) == g_date_time_get_year (local_now))
    /* Translators: a heading in the conversation list: a month of this
     * year, as in “November”, see g_date_time_format(); %OB is the
     * month's name standing alone (the nominative), %B as in a date */
    return g_date_time_format (local, C_("date group", "%OB"));

  /* Translators: a heading in the conversation list: a month of another
   * year, as in “October 2025”, see g_date_time_format() */
  return g_date_time_format (local, C_("date group", "%OB %Y"));
}

/**
 * steward_date_format_in_group:
 * @date_time: (nullable): the time of an item in a list
 * @now: (nullable): the current time, or %NULL for the clock
 *
 * Formats @date_time for a row under the heading
 * steward_date_format_group() gives it, without saying again what the
 * heading says: the time of day today and yesterday, the weekday this
 * week, the weekday and the day of the month under a month.
 *
 * Returns: (transfer full): the formatted text, empty for %NULL
 */
char *
steward_date_format_in_group (GDateTime *date_time,
                              GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  int days;

  if (date_time == NULL)
    return g_strdup ("");

  local = steward_local_time (date_time);
  local_now = now ? steward_local_time (now) : steward_local_now ();
  days = days_before (local, local_now);

  if (days <= 1)
    /* Translators: a time of day today, see the strftime(3) manual */
    return g_date_time_format (local, _("%H:%M"));

  if (days < 7)
    /* Translators: a weekday within the last week, see strftime(3) */
    return g_date_time_format (local, _("%A"));

  /* Translators: a day under a month's heading in the conversation list,
   * as in “Tuesday 4”, see strftime(3) */
  return g_date_time_format (local, _("%A %-e"));
}
