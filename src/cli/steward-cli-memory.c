/* steward-cli-memory.c
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

static void
add_memory (JsonBuilder   *builder,
            StewardMemory *memory)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_memory_get_id (memory));
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, steward_memory_get_text (memory));
  json_builder_set_member_name (builder, "pinned");
  json_builder_add_boolean_value (builder, steward_memory_get_pinned (memory));
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, steward_enum_to_nick (STEWARD_TYPE_MEMORY_ORIGIN,
                                                                steward_memory_get_origin (memory)));
  json_builder_set_member_name (builder, "source_message_id");
  if (steward_memory_get_source_message_id (memory) > 0)
    json_builder_add_int_value (builder, steward_memory_get_source_message_id (memory));
  else
    json_builder_add_null_value (builder);
  _steward_cli_add_time_member (builder, "created_at", steward_memory_get_created_at (memory));
  json_builder_end_object (builder);
}

static void
print_memory (StewardMemory *memory)
{
  _steward_cli_print ("%6" G_GINT64_FORMAT "  %s %s\n",
           steward_memory_get_id (memory),
           steward_memory_get_pinned (memory) ? "📌" : "  ",
           steward_memory_get_text (memory));
}

static void
print_one (StewardCliContext *ctx,
           StewardMemory     *memory)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_memory (builder, memory);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else
    {
      print_memory (memory);
    }
}

static gboolean
parse_id (const char *text,
          gint64     *id)
{
  return text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL);
}

static int
memory_list (StewardCliContext *ctx)
{
  g_autoptr(GListModel) memories = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "memory list", 1, 1, &status))
    return status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(memories = steward_store_list_memories (store, &error)))
    return _steward_cli_fail_error (error);

  n_items = g_list_model_get_n_items (memories);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardMemory) memory = g_list_model_get_item (memories, i);

          add_memory (builder, memory);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMemory) memory = g_list_model_get_item (memories, i);

      print_memory (memory);
    }

  return EXIT_SUCCESS;
}

static int
memory_add (StewardCliContext *ctx)
{
  g_autoptr(StewardMemory) memory = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  StewardStore *store;
  gboolean pin;
  gint64 id;
  int status;

  pin = _steward_cli_take_flag (ctx, "--pin");

  if (!_steward_cli_check_args (ctx, "memory add", 2, G_MAXUINT, &status))
    return status;

  text = _steward_cli_join_text (ctx, 1);

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(id = steward_store_add_memory (store, text, pin, STEWARD_MEMORY_ORIGIN_USER, 0, &error)) ||
      !(memory = steward_store_find_memory (store, id, &error)))
    return _steward_cli_fail_error (error);

  print_one (ctx, memory);

  return EXIT_SUCCESS;
}

static int
memory_change (StewardCliContext *ctx,
               const char        *command)
{
  g_autoptr(StewardMemory) memory = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gboolean forget = g_str_equal (command, "memory forget");
  gboolean unpin = g_str_equal (command, "memory unpin");
  gint64 id = 0;
  int status;

  if (!_steward_cli_check_args (ctx, command, 2, 2, &status))
    return status;

  if (!parse_id (_steward_cli_arg (ctx, 1), &id))
    return _steward_cli_usage (_("“%s” is not a memory id."), _steward_cli_arg (ctx, 1));

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (forget)
    {
      if (!steward_store_forget_memory (store, id, &error))
        return _steward_cli_fail_error (error);
      return EXIT_SUCCESS;
    }

  if (!steward_store_set_memory_pinned (store, id, !unpin, &error) ||
      !(memory = steward_store_find_memory (store, id, &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    print_one (ctx, memory);

  return EXIT_SUCCESS;
}

int
_steward_cli_memory (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“memory” needs one of list, add, pin, unpin or forget."));
  if (g_str_equal (sub, "list"))
    return memory_list (ctx);
  if (g_str_equal (sub, "add"))
    return memory_add (ctx);
  if (g_str_equal (sub, "pin"))
    return memory_change (ctx, "memory pin");
  if (g_str_equal (sub, "unpin"))
    return memory_change (ctx, "memory unpin");
  if (g_str_equal (sub, "forget"))
    return memory_change (ctx, "memory forget");

  return _steward_cli_usage (_("Unknown command “memory %s”."), sub);
}
