/* steward-cli-settings.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"

static const char *
type_name (StewardSettingType type)
{
  switch (type)
    {
    case STEWARD_SETTING_STRING:
      return "string";
    case STEWARD_SETTING_INT:
      return "integer";
    case STEWARD_SETTING_BOOLEAN:
      return "boolean";
    default:
      g_assert_not_reached ();
    }
}

static int
settings_list (StewardCliContext *ctx)
{
  g_autoptr(JsonBuilder) builder = NULL;
  const StewardSettingKey *keys;
  StewardStore *store;
  guint n_keys;
  int status;

  if (!_steward_cli_check_args (ctx, "settings list", 1, 1, &status))
    return status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  keys = steward_setting_keys_get (&n_keys);

  if (ctx->json)
    {
      builder = json_builder_new ();
      json_builder_begin_array (builder);
    }

  for (guint i = 0; i < n_keys; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *value = NULL;

      if (!(value = steward_store_dup_setting (store, keys[i].key, &error)))
        return _steward_cli_fail_error (error);

      if (ctx->json)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "key");
          json_builder_add_string_value (builder, keys[i].key);
          json_builder_set_member_name (builder, "value");
          json_builder_add_string_value (builder, value);
          json_builder_set_member_name (builder, "default");
          json_builder_add_string_value (builder, keys[i].default_value);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, type_name (keys[i].type));
          json_builder_set_member_name (builder, "summary");
          json_builder_add_string_value (builder, _(keys[i].summary));
          json_builder_end_object (builder);
        }
      else
        {
          _steward_cli_print ("%-30s %s\n", keys[i].key, value);
        }
    }

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }

  return EXIT_SUCCESS;
}

static int
settings_get (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;
  StewardStore *store;
  int status;

  if (!_steward_cli_check_args (ctx, "settings get", 2, 2, &status))
    return status;

  if (!steward_setting_key_lookup (_steward_cli_arg (ctx, 1)))
    return _steward_cli_usage (_("There is no setting “%s”."), _steward_cli_arg (ctx, 1));

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(value = steward_store_dup_setting (store, _steward_cli_arg (ctx, 1), &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = json_node_init_string (json_node_alloc (), value);
      _steward_cli_print_json (node);
    }
  else
    {
      _steward_cli_print ("%s\n", value);
    }

  return EXIT_SUCCESS;
}

static int
settings_set (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int status;

  if (!_steward_cli_check_args (ctx, "settings set", 3, 3, &status))
    return status;

  if (!steward_setting_key_lookup (_steward_cli_arg (ctx, 1)))
    return _steward_cli_usage (_("There is no setting “%s”."), _steward_cli_arg (ctx, 1));

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_store_set_setting (store, _steward_cli_arg (ctx, 1),
                                  _steward_cli_text (ctx, _steward_cli_arg (ctx, 2)), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

int
_steward_cli_settings (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“settings” needs one of list, get or set."));
  if (g_str_equal (sub, "list"))
    return settings_list (ctx);
  if (g_str_equal (sub, "get"))
    return settings_get (ctx);
  if (g_str_equal (sub, "set"))
    return settings_set (ctx);

  return _steward_cli_usage (_("Unknown command “settings %s”."), sub);
}
