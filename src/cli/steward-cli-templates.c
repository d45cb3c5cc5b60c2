/* steward-cli-templates.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"

/* templates list, export and import: the built-in templates and the
 * user's own, shared as JSON files (steward-template-json.h). */

static int
templates_list (StewardCliContext *ctx)
{
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "templates list", 1, 1, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(templates = steward_templates_list (store, &error)))
    return _steward_cli_fail_error (error);

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (templates); i++)
    {
      g_autoptr(StewardTemplate) template = g_list_model_get_item (templates, i);
      guint n_phases = steward_template_get_n_phases (template);

      if (ctx->json)
        {
          json_builder_begin_object (builder);
          _steward_cli_add_string_member (builder, "name", steward_template_get_name (template));
          _steward_cli_add_string_member (builder, "title", steward_template_get_title (template));
          _steward_cli_add_string_member (builder, "description", steward_template_get_description (template));
          json_builder_set_member_name (builder, "builtin");
          json_builder_add_boolean_value (builder, steward_template_get_builtin (template));
          json_builder_set_member_name (builder, "phases");
          json_builder_begin_array (builder);
          for (guint j = 0; j < n_phases; j++)
            {
              json_builder_begin_object (builder);
              _steward_cli_add_string_member (builder, "title", steward_template_get_phase_title (template, j));
              _steward_cli_add_string_member (builder, "instructions",
                                              steward_template_get_phase_instructions (template, j));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      else
        {
          g_autofree char *count = NULL;
          g_autofree char *line = NULL;

          count = g_strdup_printf (ngettext ("%u phase", "%u phases", n_phases), n_phases);
          /* The name is what --template takes; the title, what the app shows */
          line = g_strdup_printf ("%-28s  %s (%s)%s\n",
                                  steward_template_get_name (template),
                                  steward_template_get_title (template),
                                  count,
                                  /* Translators: after a template in "templates list" */
                                  steward_template_get_builtin (template) ? _(", built in") : "");
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
templates_export (StewardCliContext *ctx)
{
  g_autoptr(StewardTemplate) template = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const char *output = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--output", &output, &exit_status) ||
      !_steward_cli_check_args (ctx, "templates export", 2, 2, &exit_status))
    return exit_status;

  if (output == NULL)
    return _steward_cli_usage (_("“templates export” needs --output FILE."));

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(template = steward_templates_find (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &error)))
    return _steward_cli_fail_error (error);

  if (g_str_equal (output, "-"))
    {
      g_autofree char *json = steward_template_to_json (template);

      _steward_cli_write (json, -1);
      _steward_cli_write ("\n", 1);
      return EXIT_SUCCESS;
    }

  file = _steward_cli_file_new (output);
  if (!steward_template_save_file (template, file, &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
templates_import (StewardCliContext *ctx)
{
  g_autoptr(StewardTemplate) template = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  gboolean replace;
  StewardStore *store;
  int exit_status;

  replace = _steward_cli_take_flag (ctx, "--replace");
  if (!_steward_cli_check_args (ctx, "templates import", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  file = _steward_cli_file_new (_steward_cli_arg (ctx, 1));
  if (!(template = steward_templates_import_file (store, file, replace, &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      _steward_cli_add_string_member (builder, "name", steward_template_get_name (template));
      json_builder_set_member_name (builder, "n_phases");
      json_builder_add_int_value (builder, steward_template_get_n_phases (template));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else
    {
      _steward_cli_print ("%s\n", steward_template_get_name (template));
    }

  return EXIT_SUCCESS;
}

static int
templates_delete (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "templates delete", 2, 2, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_templates_remove (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

int
_steward_cli_templates (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“templates” needs one of list, export, import or delete."));
  if (g_str_equal (sub, "list"))
    return templates_list (ctx);
  if (g_str_equal (sub, "export"))
    return templates_export (ctx);
  if (g_str_equal (sub, "import"))
    return templates_import (ctx);
  if (g_str_equal (sub, "delete"))
    return templates_delete (ctx);

  return _steward_cli_usage (_("Unknown command “templates %s”."), sub);
}
