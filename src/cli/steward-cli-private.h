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
  /* The store, the settings and the HTTP session, once a command opens
   * them: _steward_cli_open_store () */
  StewardServices *services;
  /* Arguments repaired into UTF-8 text, kept for the command's run. */
  GPtrArray     *texts;
} StewardCliContext;

typedef int (*StewardCliCommandFunc) (StewardCliContext *ctx);

StewardStore *_steward_cli_open_store        (StewardCliContext  *ctx);
StewardStore *_steward_cli_open_store_for_writing (StewardCliContext *ctx);
StewardServices *_steward_cli_get_services  (StewardCliContext  *ctx);
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
char         *_steward_cli_dup_text          (const char         *data,
                                              gssize              len);
const char   *_steward_cli_text              (StewardCliContext  *ctx,
                                              const char         *raw);
char         *_steward_cli_join_text         (StewardCliContext  *ctx,
                                              guint               from);
void          _steward_cli_print_json        (JsonNode           *node);
void          _steward_cli_add_string_member (JsonBuilder        *builder,
                                              const char         *name,
                                              const char         *value);
void          _steward_cli_add_time_member   (JsonBuilder        *builder,
                                              const char         *name,
                                              GDateTime          *time);
char         *_steward_cli_format_time       (GDateTime          *time);

/* Output (steward-cli-output.c) */
void          _steward_cli_write             (const char         *data,
                                              gssize              len);
void          _steward_cli_flush             (void);
char         *_steward_cli_dup_printable     (const char         *text,
                                              gssize              len);
void          _steward_cli_print_text        (const char         *text);
void          _steward_cli_print             (const char         *format,
                                              ...) G_GNUC_PRINTF (1, 2);
void          _steward_cli_say               (const char         *format,
                                              ...) G_GNUC_PRINTF (1, 2);
int           _steward_cli_finish            (int                 status);
gboolean      _steward_cli_write_file        (const char         *path,
                                              const char         *data,
                                              gsize               len,
                                              GError            **error);

int           _steward_cli_settings          (StewardCliContext  *ctx);
int           _steward_cli_conversations     (StewardCliContext  *ctx);
int           _steward_cli_provider          (StewardCliContext  *ctx);
int           _steward_cli_tier              (StewardCliContext  *ctx);
int           _steward_cli_chat              (StewardCliContext  *ctx);
int           _steward_cli_memory            (StewardCliContext  *ctx);
int           _steward_cli_model             (StewardCliContext  *ctx);
int           _steward_cli_tasks             (StewardCliContext  *ctx);
int           _steward_cli_projects          (StewardCliContext  *ctx);
int           _steward_cli_phase             (StewardCliContext  *ctx);
int           _steward_cli_templates         (StewardCliContext  *ctx);
int           _steward_cli_export            (StewardCliContext  *ctx);
int           _steward_cli_transcribe        (StewardCliContext  *ctx);
int           _steward_cli_ocr               (StewardCliContext  *ctx);

/* A file to find tasks in that is an image or a PDF
 * (steward-cli-attached-file.c): a scratch folder holds its copy until
 * the model has answered */
typedef char StewardCliScratchDir;

void          _steward_cli_scratch_dir_free  (StewardCliScratchDir  *path);
gboolean      _steward_cli_looks_attached    (const char            *path);
gboolean      _steward_cli_read_attached_file (const char           *path,
                                              StewardCliScratchDir **scratch,
                                              StewardAttachment    **image,
                                              char                 **text,
                                              GDateTime            **modified,
                                              int                   *exit_status);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardCliScratchDir, _steward_cli_scratch_dir_free)

/* Document projects (steward-cli-projects.c), shared with the phase
 * commands (steward-cli-phases.c) */
GFile        *_steward_cli_file_new          (const char         *arg);
StewardProject *_steward_cli_find_project    (StewardStore       *store,
                                              const char         *text,
                                              int                *exit_status);
void          _steward_cli_add_phase_summary (JsonBuilder        *builder,
                                              StewardPhase       *phase);
void          _steward_cli_print_phase_line  (StewardPhase       *phase);

G_END_DECLS
