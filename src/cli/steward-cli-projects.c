/* steward-cli-projects.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"
#include "steward-enum-types.h"

/* projects create, list, phases, import, rename, delete and duplicate,
 * and export: document projects from the shell. A PROJECT is named by
 * its id or its name. */

/* A local file named on the command line. Not through the default GVfs,
 * which would load every GIO module (gvfs) for one local file, and keep
 * them for the process's life. */
GFile *
_steward_cli_file_new (const char *arg)
{
  g_autofree char *path = g_canonicalize_filename (arg, NULL);

  return g_vfs_get_file_for_path (g_vfs_get_local (), path);
}

/* The project @text names, or %NULL with the failure said. */
StewardProject *
_steward_cli_find_project (StewardStore *store,
                           const char   *text,
                           int          *exit_status)
{
  g_autoptr(GError) error = NULL;
  StewardProject *project;

  if (!(project = steward_projects_lookup (store, text, &error)))
    *exit_status = _steward_cli_fail_error (error);

  return project;
}

static guint
count_completed (GListModel *phases)
{
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      n += steward_phase_get_status (phase) == STEWARD_PHASE_STATUS_COMPLETED;
    }

  return n;
}

void
_steward_cli_add_phase_summary (JsonBuilder  *builder,
                                StewardPhase *phase)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, steward_phase_get_number (phase));
  _steward_cli_add_string_member (builder, "title", steward_phase_get_title (phase));
  _steward_cli_add_string_member (builder, "status",
                                  steward_enum_to_nick (STEWARD_TYPE_PHASE_STATUS, steward_phase_get_status (phase)));
  _steward_cli_add_time_member (builder, "updated_at", steward_phase_get_updated_at (phase));
  json_builder_end_object (builder);
}

/* A project as JSON: with the list of its phases when @with_phases */
static void
add_project (JsonBuilder    *builder,
             StewardProject *project,
             GListModel     *phases,
             gboolean        with_phases)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_project_get_id (project));
  _steward_cli_add_string_member (builder, "name", steward_project_get_name (project));
  _steward_cli_add_string_member (builder, "template", steward_project_get_template (project));
  _steward_cli_add_string_member (builder, "brief", steward_project_get_brief (project));
  json_builder_set_member_name (builder, "n_phases");
  json_builder_add_int_value (builder, g_list_model_get_n_items (phases));
  json_builder_set_member_name (builder, "n_completed");
  json_builder_add_int_value (builder, count_completed (phases));
  _steward_cli_add_time_member (builder, "created_at", steward_project_get_created_at (project));
  _steward_cli_add_time_member (builder, "updated_at", steward_project_get_updated_at (project));

  if (with_phases)
    {
      json_builder_set_member_name (builder, "phases");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
        {
          g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

          _steward_cli_add_phase_summary (builder, phase);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

static void
print_project_line (StewardProject *project,
                    GListModel     *phases)
{
  g_autofree char *progress = NULL;
  g_autofree char *line = NULL;

  /* Translators: how many of a project's phases are completed, as in
   * "3 of 14 completed" */
  progress = g_strdup_printf (_("%u of %u completed"), count_completed (phases), g_list_model_get_n_items (phases));
  line = g_strdup_printf ("%6" G_GINT64_FORMAT "  %s  (%s)\n",
                          steward_project_get_id (project),
                          steward_project_get_name (project),
                          progress);
  _steward_cli_print_text (line);
}

void
_steward_cli_print_phase_line (StewardPhase *phase)
{
  g_autofree char *line = g_strdup_printf ("%3u  %-11s  %s\n",
                                           steward_phase_get_number (phase),
                                           steward_enum_to_nick (STEWARD_TYPE_PHASE_STATUS,
                                                                 steward_phase_get_status (phase)),
                                           steward_phase_get_title (phase));

  _steward_cli_print_text (line);
}

/* Prints the project @id as "projects create" does */
static int
print_project (StewardCliContext *ctx,
               StewardStore      *store,
               gint64             id,
               gboolean           with_phases)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GError) error = NULL;

  if (!(project = steward_store_find_project (store, id, &error)) ||
      !(phases = steward_store_list_phases (store, id, &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_project (builder, project, phases, with_phases);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  print_project_line (project, phases);
  if (with_phases)
    for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
      {
        g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

        _steward_cli_print_phase_line (phase);
      }

  return EXIT_SUCCESS;
}

static int
projects_create (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  const char *template = NULL;
  const char *brief = NULL;
  StewardStore *store;
  gint64 id;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--template", &template, &exit_status) ||
      !_steward_cli_take_value (ctx, "--brief", &brief, &exit_status) ||
      !_steward_cli_check_args (ctx, "projects create", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(id = steward_projects_create (store,
                                      _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)),
                                      template ? _steward_cli_text (ctx, template) : NULL,
                                      brief ? _steward_cli_text (ctx, brief) : NULL,
                                      &error)))
    return _steward_cli_fail_error (error);

  return print_project (ctx, store, id, TRUE);
}

static int
projects_list (StewardCliContext *ctx)
{
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "projects list", 1, 1, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(projects = steward_store_list_projects (store, &error)))
    return _steward_cli_fail_error (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (projects); i++)
    {
      g_autoptr(StewardProject) project = g_list_model_get_item (projects, i);
      g_autoptr(GListModel) phases = NULL;

      if (!(phases = steward_store_list_phases (store, steward_project_get_id (project), &error)))
        return _steward_cli_fail_error (error);

      if (ctx->json)
        add_project (builder, project, phases, FALSE);
      else
        print_project_line (project, phases);
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
projects_phases (StewardCliContext *ctx)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "projects phases", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(project = _steward_cli_find_project (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &exit_status)))
    return exit_status;

  if (!(phases = steward_store_list_phases (store, steward_project_get_id (project), &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
        {
          g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

          _steward_cli_add_phase_summary (builder, phase);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      _steward_cli_print_phase_line (phase);
    }

  return EXIT_SUCCESS;
}

static int
projects_import (StewardCliContext *ctx)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 id;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "projects import", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  file = _steward_cli_file_new (_steward_cli_arg (ctx, 1));
  if (!(id = steward_project_json_import_file (store, file, &error)))
    return _steward_cli_fail_error (error);

  return print_project (ctx, store, id, TRUE);
}

static int
projects_rename (StewardCliContext *ctx)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "projects rename", 3, 3, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(project = _steward_cli_find_project (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &exit_status)))
    return exit_status;

  if (!steward_store_rename_project (store, steward_project_get_id (project),
                                     _steward_cli_text (ctx, _steward_cli_arg (ctx, 2)), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
projects_delete (StewardCliContext *ctx)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "projects delete", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(project = _steward_cli_find_project (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &exit_status)))
    return exit_status;

  if (!steward_store_delete_project (store, steward_project_get_id (project), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
projects_duplicate (StewardCliContext *ctx)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  const char *name = NULL;
  gboolean with_versions;
  StewardStore *store;
  gint64 id;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--name", &name, &exit_status))
    return exit_status;
  with_versions = _steward_cli_take_flag (ctx, "--versions");
  if (!_steward_cli_check_args (ctx, "projects duplicate", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(project = _steward_cli_find_project (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &exit_status)))
    return exit_status;

  if (!(id = steward_projects_duplicate (store, steward_project_get_id (project),
                                         name ? _steward_cli_text (ctx, name) : NULL,
                                         with_versions, &error)))
    return _steward_cli_fail_error (error);

  return print_project (ctx, store, id, TRUE);
}

int
_steward_cli_projects (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“projects” needs one of create, list, phases, import, rename, delete or duplicate."));
  if (g_str_equal (sub, "create"))
    return projects_create (ctx);
  if (g_str_equal (sub, "list"))
    return projects_list (ctx);
  if (g_str_equal (sub, "phases"))
    return projects_phases (ctx);
  if (g_str_equal (sub, "import"))
    return projects_import (ctx);
  if (g_str_equal (sub, "rename"))
    return projects_rename (ctx);
  if (g_str_equal (sub, "delete"))
    return projects_delete (ctx);
  if (g_str_equal (sub, "duplicate"))
    return projects_duplicate (ctx);

  return _steward_cli_usage (_("Unknown command “projects %s”."), sub);
}

/* export PROJECT --format md|json|pdf|docx --output FILE */
int
_steward_cli_export (StewardCliContext *ctx)
{
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *format = NULL;
  const char *output = NULL;
  StewardStore *store;
  int export_format;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--format", &format, &exit_status) ||
      !_steward_cli_take_value (ctx, "--output", &output, &exit_status) ||
      !_steward_cli_check_args (ctx, "export", 1, 1, &exit_status))
    return exit_status;

  if (format == NULL || output == NULL)
    return _steward_cli_usage (_("“export” needs --format pdf, docx, md or json and --output FILE."));

  if (!g_str_equal (format, "json") && !g_str_equal (format, "md") &&
      !g_str_equal (format, "pdf") && !g_str_equal (format, "docx"))
    return _steward_cli_usage (_("“%s” is not an export format: use pdf, docx, md or json."), format);

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(project = _steward_cli_find_project (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 0)), &exit_status)))
    return exit_status;

  if (g_str_equal (output, "-"))
    {
      g_autofree char *json = NULL;

      if (!g_str_equal (format, "json"))
        return _steward_cli_usage (_("Only the json format can be written to standard output."));
      if (!(json = steward_project_json_dup (store, steward_project_get_id (project), &error)))
        return _steward_cli_fail_error (error);

      _steward_cli_write (json, -1);
      _steward_cli_write ("\n", 1);
      return EXIT_SUCCESS;
    }

  /* The nicks are the names the command takes */
  if (!steward_enum_from_nick (STEWARD_TYPE_EXPORT_FORMAT, format, &export_format))
    g_assert_not_reached ();

  file = _steward_cli_file_new (output);
  if (!steward_project_export (store, steward_project_get_id (project), export_format,
                               file, NULL, NULL, NULL, &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}
