/* steward-cli-phases.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "steward-cli-private.h"
#include "steward-document-import.h"
#include "steward-enum-types.h"

/* phase set, show, complete, versions, restore, generate and import: one
 * phase of a project, numbered from 1 as the user counts. "phase set"
 * saves a version, as Ctrl+S does in the editor; "phase generate" streams
 * the model's draft to the terminal as it is saved; "phase import" reads
 * a Markdown, text, Word or PDF file into the phase. */

/* The project and phase named by arguments 1 and 2, or %NULL with the
 * failure said. */
static StewardPhase *
find_phase (StewardCliContext *ctx,
            StewardStore      *store,
            int               *exit_status)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *number_text = _steward_cli_arg (ctx, 2);
  StewardPhase *phase;
  guint64 number;

  if (!g_ascii_string_to_unsigned (number_text, 10, 1, G_MAXUINT, &number, NULL))
    {
      *exit_status = _steward_cli_usage (_("“%s” is not a phase number: phases are numbered from 1."), number_text);
      return NULL;
    }

  if (!(project = _steward_cli_find_project (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), exit_status)))
    return NULL;

  if (!(phase = steward_projects_lookup_phase (store, steward_project_get_id (project), number, &error)))
    *exit_status = _steward_cli_fail_error (error);

  return phase;
}

/* Reads FILE as UTF-8 text, or %NULL with the failure said */
static char *
read_text_file (const char *path,
                int        *exit_status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      *exit_status = _steward_cli_fail (_("Could not read “%s”: %s."), path, error->message);
      return NULL;
    }

  if (!g_utf8_validate_len (contents, length, NULL) || memchr (contents, '\0', length) != NULL)
    {
      *exit_status = _steward_cli_fail (_("Could not read “%s”: it is not text."), path);
      return NULL;
    }

  return g_steal_pointer (&contents);
}

static void
add_phase (JsonBuilder  *builder,
           StewardPhase *phase)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "project_id");
  json_builder_add_int_value (builder, steward_phase_get_project_id (phase));
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, steward_phase_get_number (phase));
  _steward_cli_add_string_member (builder, "title", steward_phase_get_title (phase));
  _steward_cli_add_string_member (builder, "instructions", steward_phase_get_instructions (phase));
  _steward_cli_add_string_member (builder, "content", steward_phase_get_content (phase));
  _steward_cli_add_string_member (builder, "status",
                                  steward_enum_to_nick (STEWARD_TYPE_PHASE_STATUS, steward_phase_get_status (phase)));
  _steward_cli_add_time_member (builder, "created_at", steward_phase_get_created_at (phase));
  _steward_cli_add_time_member (builder, "updated_at", steward_phase_get_updated_at (phase));
  json_builder_end_object (builder);
}

static int
print_phase (StewardCliContext *ctx,
             StewardStore      *store,
             gint64             phase_id)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GError) error = NULL;

  if (!(phase = steward_store_find_phase (store, phase_id, &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_phase (builder, phase);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else
    {
      _steward_cli_print_phase_line (phase);
    }

  return EXIT_SUCCESS;
}

static int
phase_set (StewardCliContext *ctx)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *file = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--file", &file, &exit_status) ||
      !_steward_cli_check_args (ctx, "phase set", file ? 3 : 4, file ? 3 : G_MAXUINT, &exit_status))
    return exit_status;

  if (file != NULL)
    {
      if (!(text = read_text_file (file, &exit_status)))
        return exit_status;
    }
  else
    {
      text = _steward_cli_join_text (ctx, 3);
    }

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  if (!steward_store_set_phase_content (store, steward_phase_get_id (phase), text,
                                        STEWARD_VERSION_REASON_SAVED, NULL, NULL, &error))
    return _steward_cli_fail_error (error);

  return print_phase (ctx, store, steward_phase_get_id (phase));
}

static int
phase_show (StewardCliContext *ctx)
{
  g_autoptr(StewardPhase) phase = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "phase show", 3, 3, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  if (ctx->json)
    return print_phase (ctx, store, steward_phase_get_id (phase));

  /* The content as it is, a Markdown document of its own */
  _steward_cli_print ("# %u. %s\n\n", steward_phase_get_number (phase), steward_phase_get_title (phase));
  if (steward_phase_get_content (phase)[0] != '\0')
    {
      _steward_cli_print_text (steward_phase_get_content (phase));
      if (!g_str_has_suffix (steward_phase_get_content (phase), "\n"))
        _steward_cli_print_text ("\n");
    }

  return EXIT_SUCCESS;
}

/* A change of the phase named by arguments 1 and 2, then the phase as it
 * is after: complete and reopen. */
static int
change_phase (StewardCliContext  *ctx,
              const char         *command,
              gboolean          (*change) (StewardStore  *store,
                                           gint64         phase_id,
                                           GError       **error))
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, command, 3, 3, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  if (!change (store, steward_phase_get_id (phase), &error))
    return _steward_cli_fail_error (error);

  return print_phase (ctx, store, steward_phase_get_id (phase));
}

/* Completed with its text as it is */
static gboolean
complete_phase (StewardStore  *store,
                gint64         phase_id,
                GError       **error)
{
  return steward_store_complete_phase (store, phase_id, NULL, NULL, error);
}

static int
phase_versions (StewardCliContext *ctx)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "phase versions", 3, 3, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  if (!(versions = steward_store_list_phase_versions (store, steward_phase_get_id (phase), &error)))
    return _steward_cli_fail_error (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
    {
      g_autoptr(StewardPhaseVersion) version = g_list_model_get_item (versions, i);
      const char *reason = steward_enum_to_nick (STEWARD_TYPE_VERSION_REASON,
                                                 steward_phase_version_get_reason (version));
      g_autofree char *created = _steward_cli_format_time (steward_phase_version_get_created_at (version));

      if (ctx->json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "number");
          json_builder_add_int_value (builder, steward_phase_version_get_number (version));
          _steward_cli_add_string_member (builder, "reason", reason);
          _steward_cli_add_time_member (builder, "created_at", steward_phase_version_get_created_at (version));
          _steward_cli_add_string_member (builder, "content", steward_phase_version_get_content (version));
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *line = g_strdup_printf ("%3u  %-9s  %s\n",
                                                   steward_phase_version_get_number (version),
                                                   reason, created);
          _steward_cli_print_text (line);
        }
    }
  json_builder_end_array (builder);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      _steward_cli_print_json (root);
    }

  return EXIT_SUCCESS;
}

static int
phase_restore (StewardCliContext *ctx)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GError) error = NULL;
  const char *version_text;
  StewardStore *store;
  guint64 number;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "phase restore", 4, 4, &exit_status))
    return exit_status;

  version_text = _steward_cli_arg (ctx, 3);
  if (!g_ascii_string_to_unsigned (version_text, 10, 1, G_MAXUINT, &number, NULL))
    return _steward_cli_usage (_("“%s” is not a version number."), version_text);

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  if (!steward_store_restore_phase_version (store, steward_phase_get_id (phase), number, NULL, NULL, &error))
    return _steward_cli_fail_error (error);

  return print_phase (ctx, store, steward_phase_get_id (phase));
}

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  gboolean      printed;
} DraftRun;

static void
draft_delta_cb (StewardPhaseDraft *draft,
                const char        *text,
                DraftRun          *run)
{
  _steward_cli_print_text (text);
  _steward_cli_flush ();
  run->printed = TRUE;
}

static void
draft_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  DraftRun *run = user_data;

  steward_phase_draft_run_finish (STEWARD_PHASE_DRAFT (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
draft_interrupt_cb (gpointer user_data)
{
  DraftRun *run = user_data;

  /* Stop: what arrived is kept as the draft's version */
  g_cancellable_cancel (run->cancellable);

  return G_SOURCE_CONTINUE;
}

/* phase generate PROJECT N [--tier medium|large] [--note NOTE] */
static int
phase_generate (StewardCliContext *ctx)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(StewardPhaseDraft) draft = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  const char *tier = NULL;
  const char *note = NULL;
  StewardStore *store;
  DraftRun run = { 0 };
  guint sigint_source;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--tier", &tier, &exit_status) ||
      !_steward_cli_take_value (ctx, "--note", &note, &exit_status) ||
      !_steward_cli_check_args (ctx, "phase generate", 3, 3, &exit_status))
    return exit_status;

  if (tier != NULL && !g_str_equal (tier, "medium") && !g_str_equal (tier, "large") && !g_str_equal (tier, "small"))
    return _steward_cli_usage (_("“%s” is not a model size: use small, medium or large."), tier);

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  draft = steward_phase_draft_new (_steward_cli_get_services (ctx), steward_phase_get_id (phase),
                                   tier != NULL ? tier : "medium",
                                   note != NULL ? _steward_cli_text (ctx, note) : NULL);
  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();
  run.loop = loop;
  run.cancellable = cancellable;
  if (!ctx->json)
    g_signal_connect (draft, "text-delta", G_CALLBACK (draft_delta_cb), &run);

  sigint_source = g_unix_signal_add (SIGINT, draft_interrupt_cb, &run);
  steward_phase_draft_run_async (draft, cancellable, draft_cb, &run);
  g_main_loop_run (loop);
  g_source_remove (sigint_source);

  if (run.printed)
    {
      _steward_cli_write ("\n", 1);
      _steward_cli_flush ();
    }

  if (run.error != NULL)
    {
      g_autoptr(GError) error = g_steal_pointer (&run.error);

      return _steward_cli_fail_error (error);
    }

  if (ctx->json)
    return print_phase (ctx, store, steward_phase_get_id (phase));

  return EXIT_SUCCESS;
}

/* phase import PROJECT N FILE: a version of its own (reason imported) */
static int
phase_import (StewardCliContext *ctx)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(StewardDocumentImport) imported = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "phase import", 4, 4, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(phase = find_phase (ctx, store, &exit_status)))
    return exit_status;

  file = _steward_cli_file_new (_steward_cli_arg (ctx, 3));
  if (!(imported = steward_document_import_file (file, NULL, NULL, NULL, &error)) ||
      !steward_store_set_phase_content (store, steward_phase_get_id (phase),
                                        steward_document_import_get_markdown (imported),
                                        STEWARD_VERSION_REASON_IMPORTED, NULL, NULL, &error))
    return _steward_cli_fail_error (error);

  return print_phase (ctx, store, steward_phase_get_id (phase));
}

int
_steward_cli_phase (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“phase” needs one of set, show, complete, reopen, versions, restore, generate or import."));
  if (g_str_equal (sub, "set"))
    return phase_set (ctx);
  if (g_str_equal (sub, "show"))
    return phase_show (ctx);
  if (g_str_equal (sub, "complete"))
    return change_phase (ctx, "phase complete", complete_phase);
  if (g_str_equal (sub, "reopen"))
    return change_phase (ctx, "phase reopen", steward_store_reopen_phase);
  if (g_str_equal (sub, "versions"))
    return phase_versions (ctx);
  if (g_str_equal (sub, "restore"))
    return phase_restore (ctx);
  if (g_str_equal (sub, "generate"))
    return phase_generate (ctx);
  if (g_str_equal (sub, "import"))
    return phase_import (ctx);

  return _steward_cli_usage (_("Unknown command “phase %s”."), sub);
}
