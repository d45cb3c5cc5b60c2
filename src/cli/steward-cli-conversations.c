/* steward-cli-conversations.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

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
add_json_text_member (JsonBuilder *builder,
                      const char  *name,
                      const char  *json)
{
  g_autoptr(JsonNode) node = json ? json_from_string (json, NULL) : NULL;

  json_builder_set_member_name (builder, name);
  if (node != NULL)
    json_builder_add_value (builder, g_steal_pointer (&node));
  else
    json_builder_add_null_value (builder);
}

static void
add_message (JsonBuilder    *builder,
             StewardStore   *store,
             StewardMessage *message)
{
  const char *tool_calls = steward_message_get_tool_calls (message);
  g_autofree char *context = steward_store_dup_message_context (store, steward_message_get_id (message), NULL);

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

  /* Exactly what was sent to the model for a reply. */
  add_json_text_member (builder, "context", context);

  _steward_cli_add_time_member (builder, "created_at", steward_message_get_created_at (message));
  json_builder_end_object (builder);
}

static JsonNode *
conversation_to_json (StewardStore        *store,
                      StewardConversation *conversation,
                      GListModel          *messages)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *summary = NULL;
  gint64 summary_through = 0;
  guint n_items = g_list_model_get_n_items (messages);

  steward_store_get_summary (store, steward_conversation_get_id (conversation),
                             &summary, &summary_through, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_conversation_get_id (conversation));
  add_string_member (builder, "title", steward_conversation_get_title (conversation));
  _steward_cli_add_time_member (builder, "created_at", steward_conversation_get_created_at (conversation));
  _steward_cli_add_time_member (builder, "updated_at", steward_conversation_get_updated_at (conversation));
  add_string_member (builder, "summary", summary);
  json_builder_set_member_name (builder, "summary_through");
  if (summary_through > 0)
    json_builder_add_int_value (builder, summary_through);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);

      add_message (builder, store, message);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char *
role_label (const char *role)
{
  if (g_str_equal (role, "user"))
    return _("You");
  if (g_str_equal (role, "assistant"))
    return _("Steward");

  return role;
}

/* Markdown of a conversation: its title, then each message under a
 * heading naming who wrote it. Message content is Markdown already. */
static char *
conversation_to_markdown (StewardConversation *conversation,
                          GListModel          *messages)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *created = _steward_cli_format_time (steward_conversation_get_created_at (conversation));
  const char *title = steward_conversation_get_title (conversation);
  guint n_items = g_list_model_get_n_items (messages);

  g_string_append_printf (out, "# %s\n\n", title[0] ? title : _("Untitled"));
  /* Translators: %s is a date and time in ISO 8601 */
  g_string_append_printf (out, "_");
  g_string_append_printf (out, _("Started %s"), created);
  g_string_append (out, "_\n");

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);
      const char *status = steward_message_get_status (message);
      const char *content = steward_message_get_content (message);

      g_string_append_printf (out, "\n## %s\n\n", role_label (steward_message_get_role (message)));
      g_string_append (out, content);
      if (content[0] != '\0' && !g_str_has_suffix (content, "\n"))
        g_string_append_c (out, '\n');

      if (g_str_equal (status, "interrupted"))
        g_string_append_printf (out, "\n_%s_\n", _("Stopped before the reply was complete."));
      else if (g_str_equal (status, "error") && steward_message_get_error (message))
        g_string_append_printf (out, "\n_%s_\n", steward_message_get_error (message));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
load_conversation (StewardCliContext    *ctx,
                   const char           *command,
                   StewardConversation **conversation,
                   GListModel          **messages,
                   int                  *status)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 id = 0;

  if (!g_ascii_string_to_signed (_steward_cli_arg (ctx, 1), 10, 1, G_MAXINT64, &id, NULL))
    {
      *status = _steward_cli_usage (_("“%s” is not a conversation id."), _steward_cli_arg (ctx, 1));
      return FALSE;
    }

  if (!(store = _steward_cli_open_store (ctx)))
    {
      *status = STEWARD_CLI_EXIT_FAILURE;
      return FALSE;
    }

  if (!(*conversation = steward_store_find_conversation (store, id, &error)) ||
      !(*messages = steward_store_list_messages (store, id, &error)))
    {
      *status = _steward_cli_fail_error (error);
      return FALSE;
    }

  return TRUE;
}

static int
conversations_show (StewardCliContext *ctx)
{
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "conversations show", 2, 2, &status) ||
      !load_conversation (ctx, "conversations show", &conversation, &messages, &status))
    return status;

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = conversation_to_json (ctx->store, conversation, messages);

      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  n_items = g_list_model_get_n_items (messages);
  g_print ("%s\n", steward_conversation_get_title (conversation));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);
      const char *message_status = steward_message_get_status (message);

      g_print ("\n%s", role_label (steward_message_get_role (message)));
      if (!g_str_equal (message_status, "complete"))
        g_print (" (%s)", message_status);
      g_print (":\n%s\n", steward_message_get_content (message));
      if (steward_message_get_error (message))
        g_print ("%s\n", steward_message_get_error (message));
    }

  return EXIT_SUCCESS;
}

static int
conversations_export (StewardCliContext *ctx)
{
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *format = NULL;
  const char *output = NULL;
  int status;

  if (!_steward_cli_take_value (ctx, "--format", &format, &status) ||
      !_steward_cli_take_value (ctx, "--output", &output, &status))
    return status;

  if (!_steward_cli_check_args (ctx, "conversations export", 2, 2, &status))
    return status;

  if (format == NULL || (!g_str_equal (format, "md") && !g_str_equal (format, "json")))
    return _steward_cli_usage (_("“conversations export” needs --format md or --format json."));

  if (!load_conversation (ctx, "conversations export", &conversation, &messages, &status))
    return status;

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) root = conversation_to_json (ctx->store, conversation, messages);
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);
      {
        char *with_newline = g_strconcat (text, "\n", NULL);

        g_free (text);
        text = with_newline;
      }
    }
  else
    {
      text = conversation_to_markdown (conversation, messages);
    }

  if (output == NULL || g_str_equal (output, "-"))
    {
      g_print ("%s", text);
      return EXIT_SUCCESS;
    }

  /* Written whole or not at all: an existing file is never left half
   * overwritten. */
  if (!g_file_set_contents (output, text, -1, &error))
    return _steward_cli_fail (_("Could not write “%s”: %s."), output, error->message);

  return EXIT_SUCCESS;
}

static int
conversations_search (StewardCliContext *ctx)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) query = g_string_new (NULL);
  StewardStore *store;
  gboolean tty = isatty (STDOUT_FILENO);
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "conversations search", 2, G_MAXUINT, &status))
    return status;

  for (guint i = 1; i < ctx->args->len; i++)
    {
      if (i > 1)
        g_string_append_c (query, ' ');
      g_string_append (query, _steward_cli_arg (ctx, i));
    }

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(results = steward_store_search_messages (store, query->str, 100, &error)))
    return _steward_cli_fail_error (error);

  n_items = g_list_model_get_n_items (results);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);
          g_autofree char *snippet = steward_search_result_dup_snippet_marked (result, "**", "**");

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "message_id");
          json_builder_add_int_value (builder, steward_search_result_get_message_id (result));
          json_builder_set_member_name (builder, "conversation_id");
          json_builder_add_int_value (builder, steward_search_result_get_conversation_id (result));
          add_string_member (builder, "title", steward_search_result_get_conversation_title (result));
          add_string_member (builder, "role", steward_search_result_get_role (result));
          add_string_member (builder, "snippet", snippet);
          _steward_cli_add_time_member (builder, "created_at", steward_search_result_get_created_at (result));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *snippet = NULL;
      g_autofree char *flat = NULL;

      snippet = steward_search_result_dup_snippet_marked (result,
                                                          tty ? "\033[1m" : "«",
                                                          tty ? "\033[0m" : "»");
      flat = g_strdelimit (g_steal_pointer (&snippet), "\n\r\t", ' ');

      g_print ("%6" G_GINT64_FORMAT "  %s — %s: %s\n",
               steward_search_result_get_conversation_id (result),
               steward_search_result_get_conversation_title (result),
               role_label (steward_search_result_get_role (result)),
               flat);
    }

  return EXIT_SUCCESS;
}

int
_steward_cli_conversations (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“conversations” needs one of list, show, search or export."));
  if (g_str_equal (sub, "list"))
    return conversations_list (ctx);
  if (g_str_equal (sub, "show"))
    return conversations_show (ctx);
  if (g_str_equal (sub, "search"))
    return conversations_search (ctx);
  if (g_str_equal (sub, "export"))
    return conversations_export (ctx);

  return _steward_cli_usage (_("Unknown command “conversations %s”."), sub);
}
