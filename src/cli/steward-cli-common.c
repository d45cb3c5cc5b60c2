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
  /* The sentence may carry what a server sent: no escape sequences. */
  g_autofree char *printable = _steward_cli_dup_printable (message, -1);

  _steward_cli_flush ();
  fprintf (stderr, "steward-cli: %s\n", printable);

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

static gboolean
is_option (const char *arg)
{
  return arg[0] == '-' && arg[1] != '\0';
}

/* Takes "--option VALUE" or "--option=VALUE" out of the arguments. */
gboolean
_steward_cli_take_value (StewardCliContext  *ctx,
                         const char         *option,
                         const char        **value,
                         int                *exit_status)
{
  gsize len = strlen (option);

  for (guint i = 0; i < ctx->args->len; i++)
    {
      const char *arg = g_ptr_array_index (ctx->args, i);

      if (g_str_equal (arg, "--"))
        break;

      if (g_str_equal (arg, option))
        {
          if (i + 1 >= ctx->args->len || g_str_equal (g_ptr_array_index (ctx->args, i + 1), "--"))
            {
              *exit_status = _steward_cli_usage (_("The option “%s” needs a value."), option);
              return FALSE;
            }
          *value = g_ptr_array_index (ctx->args, i + 1);
          g_ptr_array_remove_range (ctx->args, i, 2);
          return TRUE;
        }

      if (strncmp (arg, option, len) == 0 && arg[len] == '=')
        {
          *value = arg + len + 1;
          g_ptr_array_remove_index (ctx->args, i);
          return TRUE;
        }
    }

  return TRUE;
}

gboolean
_steward_cli_take_flag (StewardCliContext *ctx,
                        const char        *option)
{
  for (guint i = 0; i < ctx->args->len; i++)
    {
      const char *arg = g_ptr_array_index (ctx->args, i);

      if (g_str_equal (arg, "--"))
        break;

      if (g_str_equal (arg, option))
        {
          g_ptr_array_remove_index (ctx->args, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* The positional argument at @position, once the options are taken. */
const char *
_steward_cli_arg (StewardCliContext *ctx,
                  guint              position)
{
  if (position >= ctx->args->len)
    return NULL;

  return g_ptr_array_index (ctx->args, position);
}

/**
 * _steward_cli_dup_text:
 *
 * @data (@len bytes, or up to a NUL) as UTF-8 text: a NUL byte and bytes
 * that are not UTF-8 become U+FFFD, the rest is kept. What a user pipes
 * in or types is never cut short or refused for a stray byte.
 */
char *
_steward_cli_dup_text (const char *data,
                       gssize      len)
{
  g_autoptr(GString) text = NULL;
  const char *end;

  if (len < 0)
    len = strlen (data);

  text = g_string_sized_new (len);
  end = data + len;

  while (data < end)
    {
      const char *nul = memchr (data, '\0', end - data);

      if (nul == NULL)
        {
          g_string_append_len (text, data, end - data);
          break;
        }

      g_string_append_len (text, data, nul - data);
      g_string_append (text, "\xEF\xBF\xBD");
      data = nul + 1;
    }

  return g_utf8_make_valid (text->str, text->len);
}

/* @raw, an argument, as UTF-8 text; owned by @ctx. File names are the
 * exception: they are passed on as they are. */
const char *
_steward_cli_text (StewardCliContext *ctx,
                   const char        *raw)
{
  char *text;

  if (raw == NULL || g_utf8_validate (raw, -1, NULL))
    return raw;

  if (ctx->texts == NULL)
    ctx->texts = g_ptr_array_new_with_free_func (g_free);

  text = _steward_cli_dup_text (raw, -1);
  g_ptr_array_add (ctx->texts, text);

  return text;
}

/* The positional arguments from @from on, joined by spaces, as text. */
char *
_steward_cli_join_text (StewardCliContext *ctx,
                        guint              from)
{
  g_autoptr(GString) joined = g_string_new (NULL);

  for (guint i = from; i < ctx->args->len; i++)
    {
      if (i > from)
        g_string_append_c (joined, ' ');
      g_string_append (joined, _steward_cli_arg (ctx, i));
    }

  return _steward_cli_dup_text (joined->str, joined->len);
}

/* Once the command took its options: what is left must be between
 * @min_args and @max_args positional arguments (the subcommand's name
 * included); an option left over is one the command does not know. */
gboolean
_steward_cli_check_args (StewardCliContext *ctx,
                         const char        *command,
                         guint              min_args,
                         guint              max_args,
                         int               *exit_status)
{
  guint n_args;

  for (guint i = 0; i < ctx->args->len; i++)
    {
      const char *arg = g_ptr_array_index (ctx->args, i);

      if (g_str_equal (arg, "--"))
        {
          g_ptr_array_remove_index (ctx->args, i);
          break;
        }

      if (is_option (arg))
        {
          *exit_status = _steward_cli_usage (_("Unknown option “%s” for “%s”."), arg, command);
          return FALSE;
        }
    }

  n_args = ctx->args->len;

  if (n_args < min_args)
    {
      *exit_status = _steward_cli_usage (_("“%s” needs more arguments."), command);
      return FALSE;
    }

  if (n_args > max_args)
    {
      *exit_status = _steward_cli_usage (_("“%s” does not take the argument “%s”."),
                                         command, (const char *)g_ptr_array_index (ctx->args, max_args));
      return FALSE;
    }

  return TRUE;
}

/* The same services the app keeps, built for this one command */
static StewardStore *
open_store (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;

  if (ctx->services != NULL)
    return steward_services_get_store (ctx->services);

  ctx->services = steward_services_new ();
  if (!steward_services_open (ctx->services, ctx->data_dir, &error))
    _steward_cli_fail_error (error);

  return steward_services_get_store (ctx->services);
}

/**
 * _steward_cli_get_services:
 *
 * Returns: (transfer none): the services of a store opened with
 *   _steward_cli_open_store () or _steward_cli_open_store_for_writing ()
 */
StewardServices *
_steward_cli_get_services (StewardCliContext *ctx)
{
  g_return_val_if_fail (ctx->services != NULL, NULL);

  return ctx->services;
}

/* The store, for a command that only reads: when nothing can be saved,
 * the user is told once, and the command goes on. */
StewardStore *
_steward_cli_open_store (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  gboolean opened = ctx->services != NULL;
  StewardStore *store;

  if (!(store = open_store (ctx)))
    return NULL;

  if (!opened && !steward_store_check_writable (store, &error))
    print_sentence (EXIT_SUCCESS, error->message);

  return store;
}

/* The store, for a command that changes it: refused, in one sentence,
 * when nothing can be saved. */
StewardStore *
_steward_cli_open_store_for_writing (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;

  if (!(store = open_store (ctx)))
    return NULL;

  if (!steward_store_check_writable (store, &error))
    {
      _steward_cli_fail_error (error);
      return NULL;
    }

  return store;
}

void
_steward_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;
  gsize len = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, &len);

  _steward_cli_write (text, len);
  _steward_cli_write ("\n", 1);
}

void
_steward_cli_add_string_member (JsonBuilder *builder,
                                const char  *name,
                                const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
_steward_cli_add_time_member (JsonBuilder *builder,
                              const char  *name,
                              GDateTime   *time)
{
  g_autofree char *text = _steward_cli_format_time (time);

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
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
