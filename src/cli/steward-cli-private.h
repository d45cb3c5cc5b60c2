/* steward-cli-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-core.h"

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 the command failed, 2 it was called wrongly. */
#define STEWARD_CLI_EXIT_FAILURE 1
#define STEWARD_CLI_EXIT_USAGE   2

typedef struct
{
  /* Everything after the command's name, with --json taken out; the
   * commands take their options from it. */
  GPtrArray     *args;
  gboolean       json;
  const char    *data_dir;
  StewardStore  *store;
} StewardCliContext;

typedef int (*StewardCliCommandFunc) (StewardCliContext *ctx);

StewardStore *_steward_cli_open_store        (StewardCliContext  *ctx);
int           _steward_cli_fail              (const char         *format,
                                              ...) G_GNUC_PRINTF (1, 2);
int           _steward_cli_fail_error        (const GError       *error);
int           _steward_cli_usage             (const char         *format,
                                              ...) G_GNUC_PRINTF (1, 2);
gboolean      _steward_cli_check_args        (StewardCliContext  *ctx,
                                              const char         *command,
                                              guint               min_args,
                                              guint               max_args,
                                              int                *exit_status);
gboolean      _steward_cli_take_value        (StewardCliContext  *ctx,
                                              const char         *option,
                                              const char        **value,
                                              int                *exit_status);
gboolean      _steward_cli_take_flag         (StewardCliContext  *ctx,
                                              const char         *option);
const char   *_steward_cli_arg               (StewardCliContext  *ctx,
                                              guint               position);
void          _steward_cli_print_json        (JsonNode           *node);
void          _steward_cli_add_string_member (JsonBuilder        *builder,
                                              const char         *name,
                                              const char         *value);
void          _steward_cli_add_time_member   (JsonBuilder        *builder,
                                              const char         *name,
                                              GDateTime          *time);
char         *_steward_cli_format_time       (GDateTime          *time);

int           _steward_cli_settings          (StewardCliContext  *ctx);
int           _steward_cli_conversations     (StewardCliContext  *ctx);
int           _steward_cli_provider          (StewardCliContext  *ctx);
int           _steward_cli_tier              (StewardCliContext  *ctx);
int           _steward_cli_chat              (StewardCliContext  *ctx);
int           _steward_cli_memory            (StewardCliContext  *ctx);
int           _steward_cli_model             (StewardCliContext  *ctx);

G_END_DECLS
