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
  g_autoptr(GDateTime) today = NULL;
  g_autoptr(GDateTime) day = NULL;
  GTimeSpan days;

  if (date_time == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (date_time);
  local_now = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();

  today = g_date_time_new_local (g_date_time_get_year (local_now),
                                 g_date_time_get_month (local_now),
                                 g_date_time_get_day_of_month (local_now),
                                 0, 0, 0);
  day = g_date_time_new_local (g_date_time_get_year (local),
                               g_date_time_get_month (local),
                               g_date_time_get_day_of_month (local),
                               0, 0, 0);
  days = g_date_time_difference (today, day) / G_TIME_SPAN_DAY;

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
