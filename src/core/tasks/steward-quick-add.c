/* steward-quick-add.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-quick-add"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "steward-enum-types.h"
#include "steward-quick-add.h"

/* A task typed in one line: "call Sam tomorrow 5pm !high #work".
 *
 * The line is cut into words. Runs of words that say when (a day, a time
 * of day, a repeat rule, with the "due", "by", "on" or "at" before them),
 * a priority (`!high`) and a category (`#work`) are taken out; what is
 * left, in the order written, is the title. The first of each kind wins:
 * a second date stays in the title, so nothing typed is lost.
 *
 * Days are reckoned on the calendar in the time zone of the "now" the
 * line is read against, so "tomorrow 5pm" is 17:00 on the next day even
 * across a change of daylight saving time; "in 2 hours" is two hours of
 * real time.
 *
 * The words are English, in a table (StewardWhenWords) that other
 * languages can add to: every language's words are tried.
 */

/* Alternatives are separated by '|'. */
typedef struct
{
  const char *weekdays[7];        /* Monday first: full names */
  const char *weekday_abbrevs[7]; /* only after next, this, every, on, by … */
  const char *months[12];         /* full names and abbreviations */
  const char *today;
  const char *tomorrow;
  const char *yesterday;
  const char *tonight;
  const char *day_after;          /* "day after tomorrow", as three words */
  const char *after;
  const char *the;                /* before "day after tomorrow" */
  const char *next;
  const char *this;
  const char *in;
  const char *every;
  const char *connectors;         /* taken out with the date they come before */
  const char *at;                 /* before a bare hour: "at 9" */
  const char *of;
  const char *and;
  const char *a;                  /* "in a week" */
  const char *numbers[12];        /* one … twelve */
  const char *day;
  const char *week;
  const char *month;
  const char *year;
  const char *hour;
  const char *minute;
  const char *weekday;            /* "every weekday" */
  const char *daily;
  const char *weekly;
  const char *monthly;
  const char *yearly;
  const char *am;
  const char *pm;
  const char *noon;
  const char *midnight;
  const char *ordinals;           /* after a day of the month: 12th */
  int         tonight_hour;
} StewardWhenWords;

static const StewardWhenWords english = {
  .weekdays = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" },
  .weekday_abbrevs = { "mon", "tue|tues", "wed", "thu|thur|thurs", "fri", "sat", "sun" },
  .months = {
    "january|jan", "february|feb", "march|mar", "april|apr", "may", "june|jun",
    "july|jul", "august|aug", "september|sep|sept", "october|oct", "november|nov", "december|dec",
  },
  .today = "today",
  .tomorrow = "tomorrow|tmrw|tmr",
  .yesterday = "yesterday",
  .tonight = "tonight",
  .day_after = "day",
  .after = "after",
  .the = "the",
  .next = "next",
  .this = "this|coming",
  .in = "in",
  .every = "every|each",
  .connectors = "due|by|on|at|from",
  .at = "at",
  .of = "of",
  .and = "and|,",
  .a = "a|an",
  .numbers = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve" },
  .day = "day|days",
  .week = "week|weeks",
  .month = "month|months",
  .year = "year|years",
  .hour = "hour|hours|hr|hrs|h",
  .minute = "minute|minutes|min|mins",
  .weekday = "weekday|weekdays|workday|workdays",
  .daily = "daily",
  .weekly = "weekly",
  .monthly = "monthly",
  .yearly = "yearly|annually",
  .am = "am|a.m.",
  .pm = "pm|p.m.",
  .noon = "noon|midday",
  .midnight = "midnight",
  .ordinals = "st|nd|rd|th",
  .tonight_hour = 20,
};

static const StewardWhenWords *languages[] = { &english };

static const char * const rrule_days[7] = { "MO", "TU", "WE", "TH", "FR", "SA", "SU" };

typedef struct
{
  const char *raw;      /* in the text */
  gsize       raw_len;
  char       *key;      /* folded, with trailing punctuation off */
  gboolean    used;
  gboolean    when;     /* used for the due date or the repeat rule */
} Word;

/* What the words said about when. */
typedef struct
{
  gboolean  has_date;
  GDate     date;
  gboolean  has_time;
  int       hour;
  int       minute;
  gboolean  has_offset;
  GTimeSpan offset;
  /* "tonight": its hour, unless a time is given; or 0 */
  int       tonight_hour;
  /* The repeat rule, and its days for "every Monday and Thursday" */
  char     *freq;
  int       interval;
  guint     by_days;    /* bit 0 = Monday */
} When;

typedef struct
{
  GPtrArray              *words;
  const StewardWhenWords *lang;
  GDate                   today;
  int                     now_hour;
  int                     now_minute;
} Reader;

static void
word_free (gpointer data)
{
  Word *word = data;

  g_free (word->key);
  g_free (word);
}

static gboolean
one_of (const char *alternatives,
        const char *key)
{
  gsize len;

  if (alternatives == NULL || key == NULL || key[0] == '\0')
    return FALSE;

  len = strlen (key);
  for (const char *p = alternatives; *p != '\0';)
    {
      const char *end = strchr (p, '|');
      gsize n = end ? (gsize)(end - p) : strlen (p);

      if (n == len && strncmp (p, key, n) == 0)
        return TRUE;
      if (end == NULL)
        break;
      p = end + 1;
    }

  return FALSE;
}

static GPtrArray *
split_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (word_free);
  const char *p = text;

  while (*p != '\0')
    {
      const char *start;
      Word *word;
      g_autofree char *raw = NULL;
      gsize key_len;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      word = g_new0 (Word, 1);
      word->raw = start;
      word->raw_len = p - start;

      /* "Monday," and "5pm." read as "monday" and "5pm"; a comma on its
       * own stays a comma ("Monday , Thursday"). */
      raw = g_strndup (start, p - start);
      word->key = g_utf8_casefold (raw, -1);
      key_len = strlen (word->key);
      while (key_len > 1 && strchr (",.;:!?)", word->key[key_len - 1]) != NULL &&
             !g_str_has_suffix (word->key, "a.m.") && !g_str_has_suffix (word->key, "p.m."))
        word->key[--key_len] = '\0';

      g_ptr_array_add (words, word);
    }

  return words;
}

static const char *
key_at (Reader *reader,
        guint   i)
{
  Word *word;

  if (i >= reader->words->len)
    return NULL;

  word = g_ptr_array_index (reader->words, i);
  return word->used ? NULL : word->key;
}

/* A whole number of at most @max_digits digits, or -1. */
static int
parse_number (const char *key,
              guint       max_digits)
{
  gsize len;

  if (key == NULL || (len = strlen (key)) == 0 || len > max_digits)
    return -1;

  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isdigit (key[i]))
      return -1;

  return atoi (key);
}

/* A count: "3", "a", "two". */
static int
parse_count (Reader     *reader,
             const char *key)
{
  int n;

  if ((n = parse_number (key, 3)) > 0)
    return n;
  if (one_of (reader->lang->a, key))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (reader->lang->numbers); i++)
    if (g_strcmp0 (reader->lang->numbers[i], key) == 0)
      return i + 1;

  return -1;
}

/* Monday = 0 … Sunday = 6, or -1. Abbreviations only where they cannot
 * be an ordinary word ("sun cream"). */
static int
parse_weekday (Reader     *reader,
               const char *key,
               gboolean    abbrevs)
{
  for (int i = 0; i < 7; i++)
    if (one_of (reader->lang->weekdays[i], key) ||
        (abbrevs && one_of (reader->lang->weekday_abbrevs[i], key)))
      return i;

  return -1;
}

static int
parse_month (Reader     *reader,
             const char *key)
{
  for (int i = 0; i < 12; i++)
    if (one_of (reader->lang->months[i], key))
      return i + 1;

  return -1;
}

/* A day of the month: "12", "12th". */
static int
parse_day_of_month (Reader     *reader,
                    const char *key)
{
  g_autofree char *digits = NULL;
  gsize n = 0;
  int day;

  if (key == NULL)
    return -1;

  while (g_ascii_isdigit (key[n]))
    n++;
  if (n == 0 || n > 2 || (key[n] != '\0' && !one_of (reader->lang->ordinals, key + n)))
    return -1;

  digits = g_strndup (key, n);
  day = atoi (digits);

  return day >= 1 && day <= 31 ? day : -1;
}

/* Takes @n words from @first on out of the title, for when. */
static void
use_for_when (Reader *reader,
              guint   first,
              guint   n)
{
  for (guint i = first; i < first + n; i++)
    {
      Word *word = g_ptr_array_index (reader->words, i);

      word->used = TRUE;
      word->when = TRUE;
    }
}

/* Moves @date on by @days, @months and @years, unless that goes past
 * the year 9999, which GDate and GDateTime end at. */
static gboolean
move_date (GDate *date,
           int    days,
           int    months,
           int    years)
{
  if (g_date_get_year (date) + years + months / 12 + days / 365 + 2 > 9999)
    return FALSE;

  g_date_add_days (date, days);
  g_date_add_months (date, months);
  g_date_add_years (date, years);
  return TRUE;
}

/* The next @weekday after @date, or @date itself with @or_same. */
static gboolean
advance_to_weekday (GDate    *date,
                    int       weekday,
                    gboolean  or_same)
{
  int current = g_date_get_weekday (date) - 1;
  int days = (weekday - current + 7) % 7;

  if (days == 0 && !or_same)
    days = 7;
  return move_date (date, days, 0, 0);
}

/* -- times of day -------------------------------------------------------- */

/* "5pm", "5:30pm", "5 pm", "17:00", "noon", "midnight"; a bare hour only
 * after "at". Returns the number of words read. */
static guint
read_time (Reader *reader,
           guint   i,
           int    *hour,
           int    *minute,
           gboolean after_at)
{
  const char *key = key_at (reader, i);
  const char *next = key_at (reader, i + 1);
  g_autofree char *clock = NULL;
  const char *suffix;
  char *colon;
  int h, m = 0;
  gsize n = 0;

  if (key == NULL)
    return 0;

  if (one_of (reader->lang->noon, key))
    {
      *hour = 12;
      *minute = 0;
      return 1;
    }
  if (one_of (reader->lang->midnight, key))
    {
      *hour = 0;
      *minute = 0;
      return 1;
    }

  /* The clock part: digits, maybe ":MM". */
  while (g_ascii_isdigit (key[n]) || (key[n] == ':' && n > 0))
    n++;
  if (n == 0)
    return 0;

  clock = g_strndup (key, n);
  suffix = key + n;

  if ((colon = strchr (clock, ':')) != NULL)
    {
      *colon = '\0';
      if (strlen (colon + 1) != 2 || parse_number (colon + 1, 2) < 0 || strchr (colon + 1, ':'))
        return 0;
      m = atoi (colon + 1);
    }
  if (parse_number (clock, 2) < 0)
    return 0;
  h = atoi (clock);
  if (m > 59)
    return 0;

  /* "5pm", or "5" "pm" */
  if (suffix[0] == '\0' && (one_of (reader->lang->am, next) || one_of (reader->lang->pm, next)))
    {
      suffix = next;
      n = 2;
    }
  else
    n = 1;

  if (one_of (reader->lang->am, suffix) || one_of (reader->lang->pm, suffix))
    {
      if (h < 1 || h > 12)
        return 0;
      h %= 12;
      if (one_of (reader->lang->pm, suffix))
        h += 12;
    }
  else if (suffix[0] != '\0')
    return 0;
  /* "17:00" reads as a time on its own; "at 9" too; a bare "9" does not */
  else if (colon == NULL && !after_at)
    return 0;
  else if (h > 23)
    return 0;

  *hour = h;
  *minute = m;
  return n;
}

/* -- days ---------------------------------------------------------------- */

/* A year after a date: "2027". */
static guint
read_year (Reader *reader,
           guint   i,
           int    *year)
{
  int y = parse_number (key_at (reader, i), 4);

  if (y < 1000)
    return 0;

  *year = y;
  return 1;
}

/* "2026-03-12", "12 March [2027]", "12th of March", "March 12[th] [2027]". */
static guint
read_date (Reader *reader,
           guint   i,
           GDate  *date)
{
  const char *key = key_at (reader, i);
  int day = -1, month = -1, year = -1;
  guint n = 0;

  if (key == NULL)
    return 0;

  if (strlen (key) == 10 && key[4] == '-' && key[7] == '-')
    {
      g_autofree char *y = g_strndup (key, 4);
      g_autofree char *m = g_strndup (key + 5, 2);
      g_autofree char *d = g_strndup (key + 8, 2);

      year = parse_number (y, 4);
      month = parse_number (m, 2);
      day = parse_number (d, 2);
      n = 1;
    }
  else if ((day = parse_day_of_month (reader, key)) > 0)
    {
      n = 1;
      if (one_of (reader->lang->of, key_at (reader, i + n)))
        n++;
      if ((month = parse_month (reader, key_at (reader, i + n))) < 0)
        return 0;
      n++;
      n += read_year (reader, i + n, &year);
    }
  else if ((month = parse_month (reader, key)) > 0)
    {
      if ((day = parse_day_of_month (reader, key_at (reader, i + 1))) < 0)
        return 0;
      n = 2;
      n += read_year (reader, i + n, &year);
    }
  else
    return 0;

  if (year < 0)
    {
      /* This year's, or next year's once it has passed. */
      year = g_date_get_year (&reader->today);
      if (g_date_valid_dmy (day, month, year))
        {
          GDate this_year;

          g_date_clear (&this_year, 1);
          g_date_set_dmy (&this_year, day, month, year);
          if (g_date_compare (&this_year, &reader->today) < 0)
            year++;
        }
    }

  if (month < 1 || month > 12 || year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_set_dmy (date, day, month, year);
  return n;
}

/* "in 3 days", "in an hour", "in two weeks". */
static guint
read_in (Reader *reader,
         guint   i,
         When   *when)
{
  const char *unit;
  GDate date;
  gboolean moved;
  int count;

  if (!one_of (reader->lang->in, key_at (reader, i)) ||
      (count = parse_count (reader, key_at (reader, i + 1))) < 0 ||
      (unit = key_at (reader, i + 2)) == NULL)
    return 0;

  if (one_of (reader->lang->hour, unit) || one_of (reader->lang->minute, unit))
    {
      if (when->has_offset || when->has_time)
        return 0;
      when->has_offset = TRUE;
      when->offset = count * (one_of (reader->lang->hour, unit) ? G_TIME_SPAN_HOUR : G_TIME_SPAN_MINUTE);
      return 3;
    }

  if (when->has_date)
    return 0;

  date = reader->today;
  if (one_of (reader->lang->day, unit))
    moved = move_date (&date, count, 0, 0);
  else if (one_of (reader->lang->week, unit))
    moved = move_date (&date, 7 * count, 0, 0);
  else if (one_of (reader->lang->month, unit))
    moved = move_date (&date, 0, count, 0);
  else if (one_of (reader->lang->year, unit))
    moved = move_date (&date, 0, 0, count);
  else
    return 0;

  if (!moved)
    return 0;

  when->has_date = TRUE;
  when->date = date;
  return 3;
}

/* today, tomorrow, tonight, the day after tomorrow, Friday, this Friday,
 * next Friday, next week / month / year. */
static guint
read_relative_day (Reader *reader,
                   guint   i,
                   When   *when)
{
  const char *key = key_at (reader, i);
  const char *next = key_at (reader, i + 1);
  GDate date = reader->today;
  gboolean tonight = FALSE;
  gboolean moved = TRUE;
  guint n;
  int weekday;
  /* "the day after tomorrow" */
  guint the = one_of (reader->lang->the, key) ? 1 : 0;

  if (key == NULL)
    return 0;

  if (one_of (reader->lang->today, key))
    n = 1;
  else if (one_of (reader->lang->tomorrow, key))
    {
      moved = move_date (&date, 1, 0, 0);
      n = 1;
    }
  else if (one_of (reader->lang->yesterday, key))
    {
      /* Written down late: it is overdue. */
      moved = g_date_get_julian (&date) > 1;
      if (moved)
        g_date_subtract_days (&date, 1);
      n = 1;
    }
  else if (one_of (reader->lang->tonight, key))
    {
      tonight = TRUE;
      n = 1;
    }
  else if (one_of (reader->lang->day_after, key_at (reader, i + the)) &&
           one_of (reader->lang->after, key_at (reader, i + the + 1)) &&
           one_of (reader->lang->tomorrow, key_at (reader, i + the + 2)))
    {
      moved = move_date (&date, 2, 0, 0);
      n = the + 3;
    }
  else if ((weekday = parse_weekday (reader, key, FALSE)) >= 0)
    {
      /* The coming one; said on a Friday, "Friday" is next week's. */
      moved = advance_to_weekday (&date, weekday, FALSE);
      n = 1;
    }
  else if (one_of (reader->lang->this, key) && (weekday = parse_weekday (reader, next, TRUE)) >= 0)
    {
      /* This week's, today included. */
      moved = advance_to_weekday (&date, weekday, TRUE);
      n = 2;
    }
  else if (one_of (reader->lang->next, key) && next != NULL)
    {
      int days_to_monday = 7 - (g_date_get_weekday (&date) - 1);

      if ((weekday = parse_weekday (reader, next, TRUE)) >= 0)
        {
          /* In next week, which starts on Monday. */
          moved = move_date (&date, days_to_monday + weekday, 0, 0);
        }
      else if (one_of (reader->lang->week, next))
        moved = move_date (&date, days_to_monday, 0, 0);
      else if (one_of (reader->lang->month, next))
        {
          g_date_set_day (&date, 1);
          moved = move_date (&date, 0, 1, 0);
        }
      else if (one_of (reader->lang->year, next))
        {
          g_date_set_day (&date, 1);
          g_date_set_month (&date, G_DATE_JANUARY);
          moved = move_date (&date, 0, 0, 1);
        }
      else
        return 0;
      n = 2;
    }
  else
    return 0;

  if (when->has_date || !moved)
    return 0;

  when->has_date = TRUE;
  when->date = date;
  if (tonight)
    when->tonight_hour = reader->lang->tonight_hour;
  return n;
}

/* -- repeating ------------------------------------------------------------ */

/* "every Monday and Thursday", "every 2 weeks", "every weekday", "daily". */
static guint
read_every (Reader *reader,
            guint   i,
            When   *when)
{
  const char *key = key_at (reader, i);
  const char *unit;
  const char *freq = NULL;
  guint n = 1;
  int interval = 1;
  guint by_days = 0;
  int weekday;

  if (key == NULL || when->freq != NULL)
    return 0;

  if (one_of (reader->lang->daily, key))
    freq = "DAILY";
  else if (one_of (reader->lang->weekly, key))
    freq = "WEEKLY";
  else if (one_of (reader->lang->monthly, key))
    freq = "MONTHLY";
  else if (one_of (reader->lang->yearly, key))
    freq = "YEARLY";
  else if (one_of (reader->lang->every, key))
    {
      int count = parse_count (reader, key_at (reader, i + n));

      /* "every 2 weeks"; "every other week" is not read */
      if (count > 0 && !one_of (reader->lang->a, key_at (reader, i + n)))
        {
          interval = count;
          n++;
        }

      unit = key_at (reader, i + n);
      if (one_of (reader->lang->day, unit))
        freq = "DAILY";
      else if (one_of (reader->lang->week, unit))
        freq = "WEEKLY";
      else if (one_of (reader->lang->month, unit))
        freq = "MONTHLY";
      else if (one_of (reader->lang->year, unit))
        freq = "YEARLY";
      else if (interval == 1 && one_of (reader->lang->weekday, unit))
        {
          freq = "WEEKLY";
          by_days = 0x1f;
        }
      else if (interval == 1 && (weekday = parse_weekday (reader, unit, TRUE)) >= 0)
        {
          freq = "WEEKLY";
          by_days = 1u << weekday;

          /* "Monday and Thursday", "Monday, Thursday", "mon thu" */
          for (;;)
            {
              guint skip = one_of (reader->lang->and, key_at (reader, i + n + 1)) ? 1 : 0;

              if ((weekday = parse_weekday (reader, key_at (reader, i + n + 1 + skip), TRUE)) < 0)
                break;
              by_days |= 1u << weekday;
              n += 1 + skip;
            }
        }
      else
        return 0;
      n++;
    }
  else
    return 0;

  when->freq = g_strdup (freq);
  when->interval = interval;
  when->by_days = by_days;
  return n;
}

static char *
build_rrule (const When *when)
{
  GString *rule = g_string_new ("FREQ=");

  g_string_append (rule, when->freq);
  if (when->interval > 1)
    g_string_append_printf (rule, ";INTERVAL=%d", when->interval);

  if (when->by_days != 0)
    {
      g_string_append (rule, ";BYDAY=");
      for (int day = 0, first = TRUE; day < 7; day++)
        if (when->by_days & (1u << day))
          {
            g_string_append_printf (rule, "%s%s", first ? "" : ",", rrule_days[day]);
            first = FALSE;
          }
    }

  return g_string_free (rule, FALSE);
}

/* The first day of the repeat rule: today, or the next of its days. */
static gboolean
first_occurrence (Reader     *reader,
                  const When *when,
                  gboolean    today_too,
                  GDate      *date)
{
  *date = reader->today;

  if (when->by_days == 0)
    {
      if (today_too)
        return TRUE;
      if (g_strcmp0 (when->freq, "DAILY") == 0)
        return move_date (date, when->interval, 0, 0);
      if (g_strcmp0 (when->freq, "WEEKLY") == 0)
        return move_date (date, 7 * when->interval, 0, 0);
      if (g_strcmp0 (when->freq, "MONTHLY") == 0)
        return move_date (date, 0, when->interval, 0);
      return move_date (date, 0, 0, when->interval);
    }

  if (!today_too && !move_date (date, 1, 0, 0))
    return FALSE;
  while (!(when->by_days & (1u << (g_date_get_weekday (date) - 1))))
    if (!move_date (date, 1, 0, 0))
      return FALSE;

  return TRUE;
}

/* -- the line -------------------------------------------------------------- */

static gboolean
time_has_passed (Reader     *reader,
                 const When *when)
{
  return when->hour < reader->now_hour ||
         (when->hour == reader->now_hour && when->minute <= reader->now_minute);
}

/* Reads the words of @reader from @i on for when, with the connector
 * ("due", "on", "at" …) before them. Returns the number of words read. */
static guint
read_when_at (Reader *reader,
              guint   i,
              When   *when)
{
  const char *key = key_at (reader, i);
  gboolean connector = one_of (reader->lang->connectors, key);
  gboolean after_at = one_of (reader->lang->at, key);
  guint start = connector ? i + 1 : i;
  guint n;
  int hour, minute;
  GDate date;

  if (key == NULL)
    return 0;

  /* "on Fri", "by mon": abbreviations after a connector */
  if (connector && !when->has_date)
    {
      int weekday = parse_weekday (reader, key_at (reader, start), TRUE);

      if (weekday >= 0)
        {
          date = reader->today;
          if (!advance_to_weekday (&date, weekday, FALSE))
            return 0;
          when->has_date = TRUE;
          when->date = date;
          return start - i + 1;
        }
    }

  if (!when->has_time && (n = read_time (reader, start, &hour, &minute, after_at)) > 0)
    {
      when->has_time = TRUE;
      when->hour = hour;
      when->minute = minute;
      return start - i + n;
    }

  g_date_clear (&date, 1);
  if (!when->has_date && (n = read_date (reader, start, &date)) > 0)
    {
      when->has_date = TRUE;
      when->date = date;
      return start - i + n;
    }

  if ((n = read_relative_day (reader, start, when)) > 0 ||
      (n = read_in (reader, start, when)) > 0 ||
      (!connector && (n = read_every (reader, start, when)) > 0))
    return start - i + n;

  return 0;
}

static void
read_words (Reader          *reader,
            When            *when,
            StewardQuickAdd *result)
{
  for (guint i = 0; i < reader->words->len; i++)
    {
      Word *word = g_ptr_array_index (reader->words, i);
      guint n;

      if (word->used)
        continue;

      /* !high */
      if (result != NULL && !result->has_priority && word->key[0] == '!' && word->key[1] != '\0')
        {
          int priority;

          if (steward_enum_from_nick (STEWARD_TYPE_TASK_PRIORITY, word->key + 1, &priority))
            {
              result->has_priority = TRUE;
              result->priority = priority;
              word->used = TRUE;
              continue;
            }
        }

      /* #work */
      if (result != NULL && result->category == NULL && word->raw[0] == '#' && word->raw_len > 1)
        {
          g_autofree char *category = g_strndup (word->raw + 1, word->raw_len - 1);
          gboolean valid = TRUE;

          for (const char *p = category; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);

              if (!g_unichar_isalnum (c) && c != '-' && c != '_' && c != '/')
                valid = FALSE;
            }

          if (valid)
            {
              result->category = g_steal_pointer (&category);
              word->used = TRUE;
              continue;
            }
        }

      if ((n = read_when_at (reader, i, when)) > 0)
        {
          use_for_when (reader, i, n);
          i += n - 1;
        }
    }
}

/* Puts together the day, the time and the repeat rule that were read. */
static GDateTime *
build_due (Reader     *reader,
           When       *when,
           GDateTime  *now,
           gboolean   *has_time)
{
  GTimeZone *tz = g_date_time_get_timezone (now);

  if (when->has_offset)
    {
      *has_time = TRUE;
      return g_date_time_add (now, when->offset);
    }

  if (!when->has_date && !when->has_time && when->freq == NULL)
    return NULL;

  if (when->tonight_hour > 0 && !when->has_time)
    {
      when->has_time = TRUE;
      when->hour = when->tonight_hour;
      when->minute = 0;
    }

  if (!when->has_date)
    {
      /* A time alone is today's, or tomorrow's once it has passed; a
       * repeat rule starts on its first day. */
      gboolean today_too = !when->has_time || !time_has_passed (reader, when);

      if (when->freq != NULL)
        {
          if (!first_occurrence (reader, when, today_too, &when->date))
            return NULL;
        }
      else
        {
          when->date = reader->today;
          if (!today_too && !move_date (&when->date, 1, 0, 0))
            return NULL;
        }
    }

  *has_time = when->has_time;
  return g_date_time_new (tz,
                          g_date_get_year (&when->date),
                          g_date_get_month (&when->date),
                          g_date_get_day (&when->date),
                          when->has_time ? when->hour : 0,
                          when->has_time ? when->minute : 0,
                          0);
}

static void
reader_init (Reader          *reader,
             const char      *text,
             GDateTime       *now)
{
  reader->words = split_words (text);
  g_date_clear (&reader->today, 1);
  g_date_set_dmy (&reader->today,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
  reader->now_hour = g_date_time_get_hour (now);
  reader->now_minute = g_date_time_get_minute (now);
}

/**
 * steward_quick_add_parse:
 * @text: a task in one line
 * @now: the time to read "tomorrow" and "in 3 days" against, in the
 *   time zone to read them in
 *
 * Returns: (transfer full): what @text says
 */
StewardQuickAdd *
steward_quick_add_parse (const char *text,
                         GDateTime  *now)
{
  StewardQuickAdd *result;
  GString *title;
  Reader reader = { 0 };
  When when = { 0 };

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  result = g_new0 (StewardQuickAdd, 1);
  reader_init (&reader, text, now);

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      reader.lang = languages[l];
      read_words (&reader, &when, result);
    }

  /* A day past the year 9999 cannot be: the words stay in the title
   * then, as words not understood do. */
  if ((result->due = build_due (&reader, &when, now, &result->due_has_time)) == NULL)
    {
      for (guint i = 0; i < reader.words->len; i++)
        {
          Word *word = g_ptr_array_index (reader.words, i);

          if (word->when)
            word->used = FALSE;
        }
    }
  else if (when.freq != NULL)
    result->rrule = build_rrule (&when);

  title = g_string_new (NULL);
  for (guint i = 0; i < reader.words->len; i++)
    {
      Word *word = g_ptr_array_index (reader.words, i);

      if (word->used)
        continue;
      if (title->len > 0)
        g_string_append_c (title, ' ');
      g_string_append_len (title, word->raw, word->raw_len);
    }
  result->title = g_string_free (title, FALSE);

  g_free (when.freq);
  g_ptr_array_unref (reader.words);

  return result;
}

/**
 * steward_quick_add_parse_when:
 * @text: a date or a time, "tomorrow 5pm", "next Friday", "2026-03-12"
 * @now: as for steward_quick_add_parse()
 * @has_time: (out) (optional): whether the result has a time of day
 *
 * Reads @text as a moment, all of it.
 *
 * Returns: (transfer full) (nullable): the moment, or %NULL when some of
 *   @text says something else
 */
GDateTime *
steward_quick_add_parse_when (const char *text,
                              GDateTime  *now,
                              gboolean   *has_time)
{
  g_autoptr(StewardQuickAdd) parsed = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  parsed = steward_quick_add_parse (text, now);
  if (parsed->title[0] != '\0' || parsed->rrule != NULL || parsed->due == NULL ||
      parsed->has_priority || parsed->category != NULL)
    return NULL;

  if (has_time != NULL)
    *has_time = parsed->due_has_time;
  return g_steal_pointer (&parsed->due);
}

void
steward_quick_add_free (StewardQuickAdd *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_free (self->category);
  g_free (self->rrule);
  g_free (self);
}
