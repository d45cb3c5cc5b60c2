/* steward-cli-conversations.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"

static int
conversations_list (StewardCliContext *ctx)
{
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "conversations list", 1, 1, &status))
    return status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(conversations = steward_store_list_conversations (store, &error)))
    return _steward_cli_fail_error (error);

  n_items = g_list_model_get_n_items (conversations);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = NULL;

      builder = json_builder_new ();
      json_builder_begin_array (builder);

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardConversation) conversation = g_list_model_get_item (conversations, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, steward_conversation_get_id (conversation));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, steward_conversation_get_title (conversation));
          _steward_cli_add_time_member (builder, "created_at", steward_conversation_get_created_at (conversation));
          _steward_cli_add_time_member (builder, "updated_at", steward_conversation_get_updated_at (conversation));
          json_builder_set_member_name (builder, "message_count");
          json_builder_add_int_value (builder, steward_conversation_get_message_count (conversation));
          json_builder_end_object (builder);
        }

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);

      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardConversation) conversation = g_list_model_get_item (conversations, i);
      g_autofree char *updated = _steward_cli_format_time (steward_conversation_get_updated_at (conversation));
      const char *title = steward_conversation_get_title (conversation);

      g_print ("%6" G_GINT64_FORMAT "  %s  %s\n",
               steward_conversation_get_id (conversation),
               updated,
               title[0] != '\0' ? title : _("Untitled"));
    }

  return EXIT_SUCCESS;
}

static void
add_count_member (JsonBuilder *builder,
                  const char  *name,
                  gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_message (JsonBuilder    *builder,
             StewardMessage *message)
{
  const char *tool_calls = steward_message_get_tool_calls (message);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_message_get_id (message));
  add_string_member (builder, "role", steward_message_get_role (message));
  add_string_member (builder, "content", steward_message_get_content (message));
  add_string_member (builder, "status", steward_message_get_status (message));
  add_string_member (builder, "error", steward_message_get_error (message));
  add_string_member (builder, "provider", steward_message_get_provider (message));
  add_string_member (builder, "model", steward_message_get_model (message));
  add_string_member (builder, "tier", steward_message_get_tier (message));

  json_builder_set_member_name (builder, "usage");
  json_builder_begin_object (builder);
  add_count_member (builder, "input_tokens", steward_message_get_input_tokens (message));
  add_count_member (builder, "output_tokens", steward_message_get_output_tokens (message));
  json_builder_end_object (builder);
  add_count_member (builder, "latency_ms", steward_message_get_latency_ms (message));

  json_builder_set_member_name (builder, "tool_calls");
  if (tool_calls != NULL)
    {
      g_autoptr(JsonNode) calls = json_from_string (tool_calls, NULL);

      if (calls != NULL)
        json_builder_add_value (builder, g_steal_pointer (&calls));
      else
        json_builder_add_null_value (builder);
    }
  else
    {
      json_builder_begin_array (builder);
      json_builder_end_array (builder);
    }

  _steward_cli_add_time_member (builder, "created_at", steward_message_get_created_at (message));
  json_builder_end_object (builder);
}

static int
conversations_show (StewardCliContext *ctx)
{
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 id = 0;
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "conversations show", 2, 2, &status))
    return status;

  if (!g_ascii_string_to_signed (_steward_cli_arg (ctx, 1), 10, 1, G_MAXINT64, &id, NULL))
    return _steward_cli_usage (_("“%s” is not a conversation id."), _steward_cli_arg (ctx, 1));

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(conversation = steward_store_find_conversation (store, id, &error)) ||
      !(messages = steward_store_list_messages (store, id, &error)))
    return _steward_cli_fail_error (error);

  n_items = g_list_model_get_n_items (messages);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      add_string_member (builder, "title", steward_conversation_get_title (conversation));
      _steward_cli_add_time_member (builder, "created_at", steward_conversation_get_created_at (conversation));
      _steward_cli_add_time_member (builder, "updated_at", steward_conversation_get_updated_at (conversation));
      json_builder_set_member_name (builder, "messages");
      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);

          add_message (builder, message);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  g_print ("%s\n", steward_conversation_get_title (conversation));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);
      const char *role = steward_message_get_role (message);
      const char *message_status = steward_message_get_status (message);

      g_print ("\n%s", g_str_equal (role, "user") ? _("You") : g_str_equal (role, "assistant") ? _("Steward") : role);
      if (!g_str_equal (message_status, "complete"))
        g_print (" (%s)", message_status);
      g_print (":\n%s\n", steward_message_get_content (message));
      if (steward_message_get_error (message))
        g_print ("%s\n", steward_message_get_error (message));
    }

  return EXIT_SUCCESS;
}

int
_steward_cli_conversations (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“conversations” needs a command, such as list."));
  if (g_str_equal (sub, "list"))
    return conversations_list (ctx);
  if (g_str_equal (sub, "show"))
    return conversations_show (ctx);

  return _steward_cli_usage (_("Unknown command “conversations %s”."), sub);
}
