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

static void
add_time_member (JsonBuilder *builder,
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
          add_time_member (builder, "created_at", steward_conversation_get_created_at (conversation));
          add_time_member (builder, "updated_at", steward_conversation_get_updated_at (conversation));
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

int
_steward_cli_conversations (StewardCliContext *ctx)
{
  const char *sub = ctx->args[0];

  if (sub == NULL)
    return _steward_cli_usage (_("“conversations” needs a command, such as list."));
  if (g_str_equal (sub, "list"))
    return conversations_list (ctx);

  return _steward_cli_usage (_("Unknown command “conversations %s”."), sub);
}
