/* steward-task-format.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-format"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "steward-task-format.h"

/* A task's due date, repeat rule and priority as the board and quick add
 * show them: "Tomorrow 17:00", "Every Monday and Thursday", "High". */

/* Days from @now's day to @date_time's, on the local calendar. */
static int
days_from_today (GDateTime *date_time,
                 GDateTime *now)
{
  g_autoptr(GDateTime) local = steward_local_time (date_time);
  g_autoptr(GDateTime) local_now = steward_local_time (now);
  GDate day, today;

  g_date_clear (&day, 1);
  g_date_clear (&today, 1);
  g_date_set_dmy (&day,
                  g_date_time_get_day_of_month (local),
                  g_date_time_get_month (local),
                  g_date_time_get_year (local));
  g_date_set_dmy (&today,
                  g_date_time_get_day_of_month (local_now),
                  g_date_time_get_month (local_now),
                  g_date_time_get_year (local_now));

  return g_date_days_between (&today, &day);
}

/**
 * steward_task_format_due:
 * @now: (nullable): the time to count from, or %NULL for now
 *
 * Returns: (transfer full): @due for a card: "Today 17:00", "Tomorrow",
 *   "Friday", "12 March", "12 March 2027"
 */
char *
steward_task_format_due (GDateTime *due,
                         gboolean   has_time,
                         GDateTime *now)
{
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) current = NULL;
  g_autofree char *day = NULL;
  g_autofree char *time = NULL;
  int days;

  g_return_val_if_fail (due != NULL, NULL);

  current = now ? g_date_time_ref (now) : steward_local_now ();
  local = steward_local_time (due);
  days = days_from_today (due, current);

  if (days == 0)
    day = g_strdup (C_("due", "Today"));
  else if (days == 1)
    day = g_strdup (C_("due", "Tomorrow"));
  else if (days == -1)
    day = g_strdup (C_("due", "Yesterday"));
  else if (days > 1 && days < 7)
    /* Translators: a weekday in the coming week, see strftime(3) */
    day = g_date_time_format (local, C_("due", "%A"));
  else if (g_date_time_get_year (local) == g_date_time_get_year (current))
    /* Translators: a date this year, see strftime(3) */
    day = g_date_time_format (local, C_("due", "%-e %B"));
  else
    /* Translators: a date in another year, see strftime(3) */
    day = g_date_time_format (local, C_("due", "%-e %B %Y"));

  if (!has_time)
    return g_steal_pointer (&day);

  /* Translators: a time of day, see strftime(3) */
  time = g_date_time_format (local, C_("due", "%H:%M"));
  /* Translators: a day ("Tomorrow", "Friday") and a time of day */
  return g_strdup_printf (C_("due", "%s %s"), day, time);
}

/**
 * steward_task_due_state:
 * @now: (nullable): the time to compare with, or %NULL for now
 *
 * Returns: whether @due has passed (a day: is before today), is today,
 *   or is later
 */
StewardDueState
steward_task_due_state (GDateTime *due,
                        gboolean   has_time,
                        GDateTime *now)
{
  g_autoptr(GDateTime) current = NULL;
  int days;

  g_return_val_if_fail (due != NULL, STEWARD_DUE_LATER);

  current = now ? g_date_time_ref (now) : steward_local_now ();
  days = days_from_today (due, current);

  if (days < 0 || (has_time && g_date_time_compare (due, current) < 0))
    return STEWARD_DUE_OVERDUE;
  if (days == 0)
    return STEWARD_DUE_TODAY;
  return STEWARD_DUE_LATER;
}

static char *
weekday_name (int weekday)
{
  /* 1 January 2024 was a Monday. */
  g_autoptr(GDateTime) day = g_date_time_new_utc (2024, 1, 1 + weekday, 12, 0, 0);

  return g_date_time_format (day, "%A");
}

/**
 * steward_task_format_rrule:
 * @rrule: an iCalendar RRULE value, as quick add makes them
 *
 * Returns: (transfer full) (nullable): @rrule in words, "Every day",
 *   "Every 2 weeks", "Every Monday, Thursday"; %NULL for a rule of
 *   another kind
 */
char *
steward_task_format_rrule (const char *rrule)
{
  static const char * const days[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };
  g_auto(GStrv) parts = NULL;
  const char *freq = NULL;
  const char *by_day = NULL;
  int interval = 1;

  g_return_val_if_fail (rrule != NULL, NULL);

  parts = g_strsplit (rrule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "FREQ="))
        freq = parts[i] + 5;
      else if (g_str_has_prefix (parts[i], "INTERVAL="))
        interval = MAX (1, atoi (parts[i] + 9));
      else if (g_str_has_prefix (parts[i], "BYDAY="))
        by_day = parts[i] + 6;
      else
        return NULL;
    }

  if (g_strcmp0 (freq, "WEEKLY") == 0 && by_day != NULL && interval == 1)
    {
      g_auto(GStrv) names = g_strsplit (by_day, ",", -1);
      g_autoptr(GString) list = g_string_new (NULL);

      if (g_strcmp0 (by_day, "MO,TU,WE,TH,FR") == 0)
        return g_strdup (_("Every weekday"));

      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *name = NULL;
          int day = -1;

          for (int d = 0; d < 7; d++)
            if (strcmp (names[i], days[d]) == 0)
              day = d;
          if (day < 0)
            return NULL;

          name = weekday_name (day);
          if (list->len > 0)
            /* Translators: between the weekdays of "Every Monday, Thursday" */
            g_string_append (list, C_("weekdays", ", "));
          g_string_append (list, name);
        }

      /* Translators: %s is one weekday or more, "Monday, Thursday" */
      return g_strdup_printf (_("Every %s"), list->str);
    }

  if (by_day != NULL)
    return NULL;

  if (g_strcmp0 (freq, "DAILY") == 0)
    return interval == 1 ? g_strdup (_("Every day"))
                         : g_strdup_printf (ngettext ("Every %d day", "Every %d days", interval), interval);
  if (g_strcmp0 (freq, "WEEKLY") == 0)
    return interval == 1 ? g_strdup (_("Every week"))
                         : g_strdup_printf (ngettext ("Every %d week", "Every %d weeks", interval), interval);
  if (g_strcmp0 (freq, "MONTHLY") == 0)
    return interval == 1 ? g_strdup (_("Every month"))
                         : g_strdup_printf (ngettext ("Every %d month", "Every %d months", interval), interval);
  if (g_strcmp0 (freq, "YEARLY") == 0)
    return interval == 1 ? g_strdup (_("Every year"))
                         : g_strdup_printf (ngettext ("Every %d year", "Every %d years", interval), interval);

  return NULL;
}

/**
 * steward_task_priority_label:
 *
 * Returns: (transfer none): @priority as the board shows it
 */
const char *
steward_task_priority_label (StewardTaskPriority priority)
{
  switch (priority)
    {
    case STEWARD_TASK_PRIORITY_LOW:
      return C_("task priority", "Low");
    case STEWARD_TASK_PRIORITY_HIGH:
      return C_("task priority", "High");
    case STEWARD_TASK_PRIORITY_URGENT:
      return C_("task priority", "Urgent");
    case STEWARD_TASK_PRIORITY_MEDIUM:
    default:
      return C_("task priority", "Medium");
    }
}

/**
 * steward_task_format_understood:
 * @now: (nullable): the time @parsed was read against, or %NULL for now
 *
 * Returns: (transfer full): what quick add understood besides the title,
 *   "Friday 17:00 · Every week · High · #work", or an empty string
 */
char *
steward_task_format_understood (const StewardQuickAdd *parsed,
                                GDateTime             *now)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (parsed != NULL, NULL);

  if (parsed->due != NULL)
    g_ptr_array_add (parts, steward_task_format_due (parsed->due, parsed->due_has_time, now));
  if (parsed->rrule != NULL)
    {
      char *rule = steward_task_format_rrule (parsed->rrule);

      if (rule != NULL)
        g_ptr_array_add (parts, rule);
    }
  if (parsed->has_priority)
    g_ptr_array_add (parts, g_strdup (steward_task_priority_label (parsed->priority)));
  if (parsed->category != NULL)
    g_ptr_array_add (parts, g_strdup_printf ("#%s", parsed->category));

  g_ptr_array_add (parts, NULL);
  /* Translators: between the parts of "Friday 17:00 · High · #work" */
  return g_strjoinv (C_("understood", " · "), (char **)parts->pdata);
}
