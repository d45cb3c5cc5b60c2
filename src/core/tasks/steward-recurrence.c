/* steward-recurrence.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-recurrence"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "steward-recurrence.h"

/* The next occurrence of a repeating task. A repeat rule is kept as an
 * iCalendar RRULE value, but only the part quick add and the editor
 * make is understood: FREQ=DAILY, WEEKLY, MONTHLY or YEARLY, INTERVAL,
 * and BYDAY (days without a number) for a weekly rule. Anything else is
 * refused, in words, rather than repeated wrongly; a general rule would
 * need libical.
 *
 * The arithmetic is on the calendar, in the time zone of the due: a task
 * due at 9:00 stays due at 9:00 when the clocks change. A monthly task
 * on the 31st comes on the last day of a shorter month, and a yearly one
 * on 29 February on the 28th. The next occurrence is counted from the
 * due it is given, the only one a task keeps. */

typedef enum
{
  FREQ_DAILY,
  FREQ_WEEKLY,
  FREQ_MONTHLY,
  FREQ_YEARLY,
} Freq;

typedef struct
{
  Freq  freq;
  int   interval;
  /* Bit d (0 Monday … 6 Sunday) set for each day of BYDAY */
  guint by_days;
} Rule;

static const char * const day_names[] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

static gboolean
parse_days (const char *value,
            guint      *days)
{
  g_auto(GStrv) names = g_strsplit (value, ",", -1);

  *days = 0;
  for (guint i = 0; names[i] != NULL; i++)
    {
      guint day;

      for (day = 0; day < G_N_ELEMENTS (day_names); day++)
        if (g_ascii_strcasecmp (names[i], day_names[day]) == 0)
          break;
      if (day == G_N_ELEMENTS (day_names))
        return FALSE;
      *days |= 1u << day;
    }

  return *days != 0;
}

static gboolean
parse_rule (const char  *rrule,
            Rule        *rule,
            GError     **error)
{
  g_auto(GStrv) parts = NULL;
  gboolean has_freq = FALSE;
  g_autofree char *text = NULL;

  rule->interval = 1;
  rule->by_days = 0;

  if (rrule == NULL || rrule[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A repeat rule cannot be empty."));
      return FALSE;
    }

  text = g_strdup (rrule);
  if (g_ascii_strncasecmp (text, "RRULE:", 6) == 0)
    memmove (text, text + 6, strlen (text + 6) + 1);
  parts = g_strsplit (text, ";", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      const char *part = parts[i];
      const char *equals = strchr (part, '=');
      g_autofree char *key = NULL;
      const char *value;

      if (part[0] == '\0' && parts[i + 1] == NULL)
        break;

      if (equals == NULL || equals == part || equals[1] == '\0')
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("“%s” is not a repeat rule."), rrule);
          return FALSE;
        }

      key = g_ascii_strup (part, equals - part);
      value = equals + 1;

      if (g_str_equal (key, "FREQ"))
        {
          if (g_ascii_strcasecmp (value, "DAILY") == 0)
            rule->freq = FREQ_DAILY;
          else if (g_ascii_strcasecmp (value, "WEEKLY") == 0)
            rule->freq = FREQ_WEEKLY;
          else if (g_ascii_strcasecmp (value, "MONTHLY") == 0)
            rule->freq = FREQ_MONTHLY;
          else if (g_ascii_strcasecmp (value, "YEARLY") == 0)
            rule->freq = FREQ_YEARLY;
          else
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A task can repeat daily, weekly, monthly or yearly, not “%s”."), value);
              return FALSE;
            }
          has_freq = TRUE;
        }
      else if (g_str_equal (key, "INTERVAL"))
        {
          guint64 interval;

          if (!g_ascii_string_to_unsigned (value, 10, 1, 1000, &interval, NULL))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A repeat rule’s interval is a number from 1 to 1000, not “%s”."), value);
              return FALSE;
            }
          rule->interval = interval;
        }
      else if (g_str_equal (key, "BYDAY"))
        {
          if (!parse_days (value, &rule->by_days))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("A task can repeat on days MO, TU, WE, TH, FR, SA and SU, not “%s”."), value);
              return FALSE;
            }
        }
      else
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("Steward cannot repeat a task by “%s”."), key);
          return FALSE;
        }
    }

  if (!has_freq)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("The repeat rule “%s” does not say how often."), rrule);
      return FALSE;
    }

  if (rule->by_days != 0 && rule->freq != FREQ_WEEKLY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Only a weekly task can repeat on given days."));
      return FALSE;
    }

  return TRUE;
}

/**
 * steward_recurrence_check:
 * @rrule: an RRULE value, "FREQ=WEEKLY;BYDAY=MO,TH"
 *
 * Returns: whether steward_recurrence_next() can follow @rrule; if not,
 *   %FALSE with @error set to a sentence saying why
 */
gboolean
steward_recurrence_check (const char  *rrule,
                          GError     **error)
{
  Rule rule;

  return parse_rule (rrule, &rule, error);
}

static int
days_in_month (int year,
               int month)
{
  return g_date_get_days_in_month (month, year);
}

/* The same wall-clock time on another day, in @due's zone. */
static GDateTime *
on_day (GDateTime *due,
        GDate     *date)
{
  return g_date_time_new (g_date_time_get_timezone (due),
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                          g_date_time_get_hour (due), g_date_time_get_minute (due),
                          g_date_time_get_seconds (due));
}

/**
 * steward_recurrence_next:
 * @rrule: see steward_recurrence_check()
 * @due: the present occurrence
 *
 * Returns: (transfer full): the occurrence after @due, in @due's time
 *   zone, or %NULL with @error set when @rrule is not understood
 */
GDateTime *
steward_recurrence_next (const char  *rrule,
                         GDateTime   *due,
                         GError     **error)
{
  Rule rule;
  GDate date;
  int year, month, day;

  g_return_val_if_fail (due != NULL, NULL);

  if (!parse_rule (rrule, &rule, error))
    return NULL;

  g_date_time_get_ymd (due, &year, &month, &day);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  switch (rule.freq)
    {
    case FREQ_DAILY:
      g_date_add_days (&date, rule.interval);
      break;

    case FREQ_WEEKLY:
      if (rule.by_days == 0)
        {
          g_date_add_days (&date, 7 * rule.interval);
        }
      else
        {
          /* The next listed day this week, else the first listed day of
           * the week INTERVAL weeks on (weeks start on Monday). */
          int weekday = g_date_get_weekday (&date) - 1;
          int next = -1;

          for (int d = weekday + 1; d < 7 && next < 0; d++)
            if (rule.by_days & (1u << d))
              next = d;

          if (next >= 0)
            {
              g_date_add_days (&date, next - weekday);
            }
          else
            {
              int first = 0;

              while (!(rule.by_days & (1u << first)))
                first++;
              g_date_subtract_days (&date, weekday);
              g_date_add_days (&date, 7 * rule.interval + first);
            }
        }
      break;

    case FREQ_MONTHLY:
      {
        int months = (month - 1) + rule.interval;

        year += months / 12;
        month = months % 12 + 1;
      }
      break;

    case FREQ_YEARLY:
      year += rule.interval;
      break;

    default:
      g_assert_not_reached ();
    }

  if (rule.freq == FREQ_MONTHLY || rule.freq == FREQ_YEARLY)
    {
      if (year <= 9999)
        g_date_set_dmy (&date, MIN (day, days_in_month (year, month)), month, year);
    }

  if (year > 9999 || !g_date_valid (&date) || g_date_get_year (&date) > 9999)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The next time this task is due is past the calendar’s end."));
      return NULL;
    }

  return on_day (due, &date);
}
