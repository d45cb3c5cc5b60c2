/* steward-cli-common.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "steward-cli-private.h"

static int
print_sentence (int         status,
                const char *message)
{
  fflush (stdout);
  fprintf (stderr, "steward-cli: %s\n", message);

  return status;
}

int
_steward_cli_fail (const char *format,
                   ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  return print_sentence (STEWARD_CLI_EXIT_FAILURE, message);
}

int
_steward_cli_fail_error (const GError *error)
{
  return print_sentence (STEWARD_CLI_EXIT_FAILURE, error->message);
}

int
_steward_cli_usage (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  g_autofree char *full = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* Translators: %s is a sentence saying what was wrong with the command */
  full = g_strdup_printf (_("%s Run “steward-cli --help” to see how to use it."), message);

  return print_sentence (STEWARD_CLI_EXIT_USAGE, full);
}

/* Checks that the command got between @min_args and @max_args arguments
 * (the subcommand's name included) and says so when not. */
gboolean
_steward_cli_check_args (StewardCliContext *ctx,
                         const char        *command,
                         guint              min_args,
                         guint              max_args,
                         int               *exit_status)
{
  guint n_args = g_strv_length (ctx->args);

  if (n_args < min_args)
    {
      *exit_status = _steward_cli_usage (_("“%s” needs more arguments."), command);
      return FALSE;
    }

  if (n_args > max_args)
    {
      *exit_status = _steward_cli_usage (_("“%s” does not take the argument “%s”."),
                                         command, ctx->args[max_args]);
      return FALSE;
    }

  return TRUE;
}

StewardStore *
_steward_cli_open_store (StewardCliContext *ctx)
{
  g_autofree char *data_dir = NULL;
  g_autoptr(GError) error = NULL;

  if (ctx->store != NULL)
    return ctx->store;

  data_dir = steward_store_dup_default_data_dir (ctx->data_dir);

  if (!(ctx->store = steward_store_open (data_dir, &error)))
    _steward_cli_fail_error (error);

  return ctx->store;
}

void
_steward_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);

  g_print ("%s\n", text);
}

/* ISO 8601 in UTC, as every output of Steward writes times. */
char *
_steward_cli_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}
