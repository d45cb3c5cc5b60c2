/* fuzz-failures.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-harness.h"

/* How a harness fails: libFuzzer keeps the input of any run that aborts.
 *
 * Under the fuzzer G_DEBUG=fatal-warnings would stop a run at the first
 * warning a hostile input rightly provokes. A critical is another matter:
 * it is a g_return_if_fail () that failed, in our code or in json-glib or
 * GLib called by our code with something it must not be given. Nothing
 * else runs in these programs, so a critical from any domain is a bug
 * in Steward (check "critical"), and so is an error. */

/* STEWARD_FUZZ_IGNORE=CHECK,… lets a run go on past a check that keeps
 * failing for a bug already reported, to look for others behind it. */
static gboolean
check_is_ignored (const char *check)
{
  static char **ignored = NULL;
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      const char *list = g_getenv ("STEWARD_FUZZ_IGNORE");

      ignored = g_strsplit (list ? list : "", ",", -1);
      g_once_init_leave (&initialized, 1);
    }

  return g_strv_contains ((const char * const *)ignored, check);
}

static void
log_failed (GLogLevelFlags  level,
            const char     *domain,
            const char     *message)
{
  if ((level & G_LOG_LEVEL_ERROR) != 0)
    fuzz_fail ("error from %s: %s", domain ? domain : "(no domain)", message);

  if ((level & G_LOG_LEVEL_CRITICAL) != 0)
    fuzz_failed_check ("critical", "from %s: %s", domain ? domain : "(no domain)", message);
}

static void
log_handler_cb (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        user_data)
{
  log_failed (level, domain, message);
}

static GLogWriterOutput
log_writer_cb (GLogLevelFlags   level,
               const GLogField *fields,
               gsize            n_fields,
               gpointer         user_data)
{
  const char *domain = NULL;
  const char *message = NULL;

  if ((level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL)) == 0)
    return G_LOG_WRITER_HANDLED;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "GLIB_DOMAIN") == 0)
        domain = fields[i].value;
      else if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        message = fields[i].value;
    }

  log_failed (level, domain, message);

  return G_LOG_WRITER_HANDLED;
}

void
fuzz_log_guard_install (void)
{
  /* Undoes G_DEBUG=fatal-warnings or fatal-criticals from the
   * environment: the handlers decide. */
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR);
  g_log_set_default_handler (log_handler_cb, NULL);
  g_log_set_writer_func (log_writer_cb, NULL, NULL);
}

void
fuzz_fail (const char *format,
           ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "\n==fuzz== %s\n", message);
  fflush (stderr);
  abort ();
}

void
fuzz_failed_check (const char *check,
                   const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (check_is_ignored (check))
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fuzz_fail ("%s: %s", check, message);
}

void
fuzz_check_utf8 (const char *check,
                 const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || g_utf8_validate (text, -1, NULL))
    return;

  escaped = g_strescape (text, NULL);
  fuzz_failed_check (check, "not valid UTF-8: \"%.400s\"", escaped);
}
