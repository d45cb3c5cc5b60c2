/* steward-conversation-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-conversation-export.h"
#include "steward-enum-types.h"
#include "steward-markdown-escape.h"

/* A conversation as JSON (what `steward-cli conversations show --json`
 * prints) or as Markdown, for export from the app and the CLI alike. */

static char *
format_time (GDateTime *time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (time == NULL)
    return NULL;

  utc = g_date_time_to_utc (time);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 GDateTime   *time)
{
  g_autofree char *text = format_time (time);

  json_builder_set_member_name (builder, name);
  if (text != NULL)
    json_builder_add_string_value (builder, text);
  else
    json_builder_add_null_value (builder);
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
  if (value == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      /* Another writer, or a damaged file, may have stored bytes that are
       * not UTF-8: an export is always valid text. */
      g_autofree char *valid = g_utf8_make_valid (value, -1);

      json_builder_add_string_value (builder, valid);
    }
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

/* The files sent with a message: what they are, and the name of the
 * copy in the data folder's attachments/ (their hash) */
static void
add_attachments (JsonBuilder    *builder,
                 StewardMessage *message)
{
  GListModel *attachments = steward_message_get_attachments (message);

  json_builder_set_member_name (builder, "attachments");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, i);

      json_builder_begin_object (builder);
      add_string_member (builder, "name", steward_attachment_get_name (attachment));
      add_string_member (builder, "kind", steward_enum_to_nick (STEWARD_TYPE_ATTACHMENT_KIND,
                                                                steward_attachment_get_kind (attachment)));
      add_string_member (builder, "content_type", steward_attachment_get_content_type (attachment));
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) steward_attachment_get_size (attachment));
      add_string_member (builder, "hash", steward_attachment_get_hash (attachment));
      if (steward_attachment_get_width (attachment) > 0)
        {
          json_builder_set_member_name (builder, "width");
          json_builder_add_int_value (builder, steward_attachment_get_width (attachment));
          json_builder_set_member_name (builder, "height");
          json_builder_add_int_value (builder, steward_attachment_get_height (attachment));
        }
      if (steward_attachment_get_n_pages (attachment) > 0)
        {
          json_builder_set_member_name (builder, "pages");
          json_builder_add_int_value (builder, steward_attachment_get_n_pages (attachment));
        }
      if (steward_attachment_get_duration (attachment) > 0)
        {
          json_builder_set_member_name (builder, "duration");
          json_builder_add_double_value (builder, steward_attachment_get_duration (attachment));
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
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
  add_string_member (builder, "role", steward_enum_to_nick (STEWARD_TYPE_MESSAGE_ROLE,
                                                           steward_message_get_role (message)));
  add_string_member (builder, "content", steward_message_get_content (message));
  add_string_member (builder, "status", steward_enum_to_nick (STEWARD_TYPE_MESSAGE_STATUS,
                                                             steward_message_get_status (message)));
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

  /* Where it is in the conversation's tree: what it follows, and which
   * of the alternatives there it is (the path exported is the one shown). */
  add_count_member (builder, "parent_id", steward_message_get_parent_id (message) > 0
                                          ? steward_message_get_parent_id (message) : -1);
  json_builder_set_member_name (builder, "alternative");
  json_builder_add_int_value (builder, steward_message_get_alternative (message));
  json_builder_set_member_name (builder, "alternatives");
  json_builder_add_int_value (builder, steward_message_get_n_alternatives (message));

  add_time_member (builder, "created_at", steward_message_get_created_at (message));
  add_attachments (builder, message);
  json_builder_end_object (builder);
}

JsonNode *
steward_conversation_to_json (StewardStore        *store,
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
  add_time_member (builder, "created_at", steward_conversation_get_created_at (conversation));
  add_time_member (builder, "updated_at", steward_conversation_get_updated_at (conversation));
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

const char *
steward_conversation_role_label (StewardMessageRole role)
{
  if (role == STEWARD_MESSAGE_ROLE_USER)
    return _("You");
  if (role == STEWARD_MESSAGE_ROLE_ASSISTANT)
    return _("Steward");

  return steward_enum_to_nick (STEWARD_TYPE_MESSAGE_ROLE, role);
}

/* Under a message in Markdown, its files, a list item each */
static void
add_attachment_lines (GString        *out,
                      StewardMessage *message)
{
  GListModel *attachments = steward_message_get_attachments (message);
  guint n = g_list_model_get_n_items (attachments);

  if (n == 0)
    return;

  g_string_append_c (out, '\n');
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, i);
      g_autoptr(GString) name = g_string_new (NULL);

      /* Translators: a line under a message in a conversation exported
       * as Markdown, %s is the name of a file sent with it */
      steward_markdown_escape_append (name, steward_attachment_get_name (attachment), -1, FALSE);
      g_string_append (out, "- ");
      g_string_append_printf (out, _("Attached: %s"), name->str);
      g_string_append_c (out, '\n');
    }
}

/* Markdown of a conversation: its title, then each message under a
 * heading naming who wrote it. Message content is Markdown already. */
char *
steward_conversation_to_markdown (StewardConversation *conversation,
                          GListModel          *messages)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *created = format_time (steward_conversation_get_created_at (conversation));
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
      StewardMessageStatus status = steward_message_get_status (message);
      const char *content = steward_message_get_content (message);

      g_string_append_printf (out, "\n## %s\n\n", steward_conversation_role_label (steward_message_get_role (message)));
      g_string_append (out, content);
      if (content[0] != '\0' && !g_str_has_suffix (content, "\n"))
        g_string_append_c (out, '\n');
      add_attachment_lines (out, message);

      if (status == STEWARD_MESSAGE_STATUS_INTERRUPTED)
        g_string_append_printf (out, "\n_%s_\n", _("Stopped before the reply was complete."));
      else if (status == STEWARD_MESSAGE_STATUS_ERROR && steward_message_get_error (message))
        g_string_append_printf (out, "\n_%s_\n", steward_message_get_error (message));
    }

  if (!g_utf8_validate_len (out->str, out->len, NULL))
    return g_utf8_make_valid (out->str, out->len);

  return g_string_free (g_steal_pointer (&out), FALSE);
}


/**
 * steward_conversation_export:
 * @format: "md" or "json"
 *
 * Returns: (transfer full): the conversation as text, or %NULL with
 *   @error set
 */
char *
steward_conversation_export (StewardStore  *store,
                             gint64         conversation_id,
                             const char    *format,
                             GError       **error)
{
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GListModel) messages = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (format != NULL, NULL);

  if (!(conversation = steward_store_find_conversation (store, conversation_id, error)) ||
      !(messages = steward_store_list_messages (store, conversation_id, error)))
    return NULL;

  if (g_str_equal (format, "json"))
    {
      g_autoptr(JsonNode) root = steward_conversation_to_json (store, conversation, messages);
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autofree char *text = NULL;

      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      json_generator_set_root (generator, root);
      text = json_generator_to_data (generator, NULL);

      return g_strconcat (text, "\n", NULL);
    }

  if (g_str_equal (format, "md"))
    return steward_conversation_to_markdown (conversation, messages);

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
               _("“%s” is not an export format; use md or json."), format);
  return NULL;
}
