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
#include "steward-enum-types.h"

/* U+E000 and U+E001, from the private use area. */
#define MATCH_START "\xEE\x80\x80"
#define MATCH_END   "\xEE\x80\x81"

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
          json_builder_set_member_name (builder, "quick");
          json_builder_add_boolean_value (builder, steward_conversation_get_quick (conversation));
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

      _steward_cli_print ("%6" G_GINT64_FORMAT "  %s  %s\n",
               steward_conversation_get_id (conversation),
               updated,
               title[0] != '\0' ? title : _("Untitled"));
    }

  return EXIT_SUCCESS;
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
      g_autoptr(JsonNode) root = steward_conversation_to_json (_steward_cli_open_store (ctx), conversation, messages);

      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  n_items = g_list_model_get_n_items (messages);
  _steward_cli_print ("%s\n", steward_conversation_get_title (conversation));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);
      StewardMessageStatus message_status = steward_message_get_status (message);

      _steward_cli_print ("\n%s", steward_conversation_role_label (steward_message_get_role (message)));
      if (message_status != STEWARD_MESSAGE_STATUS_COMPLETE)
        _steward_cli_print (" (%s)", steward_enum_to_nick (STEWARD_TYPE_MESSAGE_STATUS, message_status));
      _steward_cli_print (":\n%s\n", steward_message_get_content (message));
      if (steward_message_get_error (message))
        _steward_cli_print ("%s\n", steward_message_get_error (message));
    }

  return EXIT_SUCCESS;
}

static int
conversations_export (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *format = NULL;
  const char *output = NULL;
  StewardStore *store;
  gint64 id = 0;
  int status;

  if (!_steward_cli_take_value (ctx, "--format", &format, &status) ||
      !_steward_cli_take_value (ctx, "--output", &output, &status))
    return status;

  if (!_steward_cli_check_args (ctx, "conversations export", 2, 2, &status))
    return status;

  if (format == NULL || (!g_str_equal (format, "md") && !g_str_equal (format, "json")))
    return _steward_cli_usage (_("“conversations export” needs --format md or --format json."));

  if (!g_ascii_string_to_signed (_steward_cli_arg (ctx, 1), 10, 1, G_MAXINT64, &id, NULL))
    return _steward_cli_usage (_("“%s” is not a conversation id."), _steward_cli_arg (ctx, 1));

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(text = steward_conversation_export (store, id, format, &error)))
    return _steward_cli_fail_error (error);

  /* An export is the stored text, byte for byte, wherever it goes; it is
   * a file, not a listing, so control characters are kept. */
  if (output == NULL || g_str_equal (output, "-"))
    {
      _steward_cli_write (text, -1);
      return EXIT_SUCCESS;
    }

  if (!_steward_cli_write_file (output, text, strlen (text), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
conversations_search (StewardCliContext *ctx)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *query = NULL;
  StewardStore *store;
  gboolean tty = isatty (STDOUT_FILENO);
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "conversations search", 2, G_MAXUINT, &status))
    return status;

  query = _steward_cli_join_text (ctx, 1);

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  /* As the app lists them: each conversation once, by its best match */
  if (!(results = steward_store_search_conversations (store, query, 100, &error)))
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
          _steward_cli_add_string_member (builder, "title", steward_search_result_get_conversation_title (result));
          _steward_cli_add_string_member (builder, "role",
                                          steward_enum_to_nick (STEWARD_TYPE_MESSAGE_ROLE,
                                                                steward_search_result_get_role (result)));
          _steward_cli_add_string_member (builder, "snippet", snippet);
          _steward_cli_add_time_member (builder, "created_at", steward_search_result_get_created_at (result));
          json_builder_set_member_name (builder, "more_matches");
          json_builder_add_int_value (builder, steward_search_result_get_n_more_matches (result));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  /* Nothing printed would look like a search that did not run. */
  if (n_items == 0)
    {
      _steward_cli_say (_("No message matches “%s”."), query);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardSearchResult) result = g_list_model_get_item (results, i);
      g_autofree char *snippet = NULL;
      g_autofree char *line = NULL;
      g_autofree char *more = NULL;
      g_autofree char *printable = NULL;
      g_auto(GStrv) pieces = NULL;
      guint n_more = steward_search_result_get_n_more_matches (result);

      /* Marked with private-use characters, which survive the removal of
       * control characters from the stored text; only then do the marks
       * become the terminal's bold. */
      snippet = steward_search_result_dup_snippet_marked (result, MATCH_START, MATCH_END);
      g_strdelimit (snippet, "\n\r\t", ' ');

      if (n_more > 0)
        {
          /* Translators: after a conversation's best match found by a
           * search, the number of its other messages that match */
          g_autofree char *count = g_strdup_printf (ngettext ("%u more in this conversation",
                                                              "%u more in this conversation",
                                                              n_more), n_more);

          more = g_strdup_printf ("  (%s)", count);
        }

      line = g_strdup_printf ("%6" G_GINT64_FORMAT "  %s — %s: %s%s\n",
                              steward_search_result_get_conversation_id (result),
                              steward_search_result_get_conversation_title (result),
                              steward_conversation_role_label (steward_search_result_get_role (result)),
                              snippet, more ? more : "");
      printable = _steward_cli_dup_printable (line, -1);

      pieces = g_strsplit (printable, MATCH_START, -1);
      g_free (printable);
      printable = g_strjoinv (tty ? "\033[1m" : "«", pieces);
      g_strfreev (g_steal_pointer (&pieces));
      pieces = g_strsplit (printable, MATCH_END, -1);
      g_free (printable);
      printable = g_strjoinv (tty ? "\033[0m" : "»", pieces);

      _steward_cli_write (printable, -1);
    }

  return EXIT_SUCCESS;
}

/* conversations delete ID…: every id is checked first, so a typo
 * deletes nothing; then each goes, with its messages. */
static int
conversations_delete (StewardCliContext *ctx)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int status;

  if (!_steward_cli_check_args (ctx, "conversations delete", 2, G_MAXUINT, &status))
    return status;

  for (guint i = 1; _steward_cli_arg (ctx, i) != NULL; i++)
    {
      gint64 id = 0;

      if (!g_ascii_string_to_signed (_steward_cli_arg (ctx, i), 10, 1, G_MAXINT64, &id, NULL))
        return _steward_cli_usage (_("“%s” is not a conversation id."), _steward_cli_arg (ctx, i));
      g_array_append_val (ids, id);
    }

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StewardConversation) conversation = NULL;

      if (!(conversation = steward_store_find_conversation (store, g_array_index (ids, gint64, i), &error)))
        return _steward_cli_fail_error (error);
    }

  for (guint i = 0; i < ids->len; i++)
    if (!steward_store_delete_conversation (store, g_array_index (ids, gint64, i), &error))
      return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

int
_steward_cli_conversations (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“conversations” needs one of list, show, search, export or delete."));
  if (g_str_equal (sub, "list"))
    return conversations_list (ctx);
  if (g_str_equal (sub, "show"))
    return conversations_show (ctx);
  if (g_str_equal (sub, "search"))
    return conversations_search (ctx);
  if (g_str_equal (sub, "export"))
    return conversations_export (ctx);
  if (g_str_equal (sub, "delete"))
    return conversations_delete (ctx);

  return _steward_cli_usage (_("Unknown command “conversations %s”."), sub);
}
