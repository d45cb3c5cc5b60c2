/* fuzz-quick-add.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-harness.h"
#include "steward-quick-add.h"

/* A task typed in one line, read by steward_quick_add_parse(). The first
 * byte picks the "now" it is read against, among moments that put month,
 * year and daylight saving changes near; the rest is the line, made valid
 * UTF-8 as the entry and the CLI see to. What comes out is shown and
 * stored: a title of valid UTF-8 no longer than the line, a due date that
 * GLib can format, a repeat rule only with a due date. */

static const char * const nows[] = {
  "2026-03-27T10:00:00+01:00",
  "2026-03-28T23:59:00+01:00",
  "2026-10-25T02:30:00+01:00",
  "2026-12-31T23:00:00+01:00",
  "2028-02-29T12:00:00+01:00",
  "9999-12-30T12:00:00+01:00",
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(StewardQuickAdd) parsed = NULL;
  g_autofree char *text = NULL;

  if (size < 1)
    return 0;

  tz = g_time_zone_new_identifier ("Europe/Berlin");
  if (tz == NULL)
    tz = g_time_zone_new_utc ();
  now = g_date_time_new_from_iso8601 (nows[data[0] % G_N_ELEMENTS (nows)], tz);
  text = g_utf8_make_valid ((const char *)data + 1, size - 1);
  parsed = steward_quick_add_parse (text, now);

  fuzz_check_utf8 ("title", parsed->title);
  if (strlen (parsed->title) > strlen (text))
    fuzz_fail ("the title “%s” is longer than the line", parsed->title);
  if (parsed->category != NULL)
    fuzz_check_utf8 ("category", parsed->category);
  if (parsed->rrule != NULL && parsed->due == NULL)
    fuzz_fail ("a repeat rule %s without a due date", parsed->rrule);
  if (parsed->due != NULL)
    {
      g_autofree char *iso = g_date_time_format_iso8601 (parsed->due);

      if (iso == NULL)
        fuzz_fail ("a due date GLib cannot format");
    }

  return 0;
}
