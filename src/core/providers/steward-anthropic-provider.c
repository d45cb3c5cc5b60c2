/* steward-anthropic-provider.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-anthropic-provider"

#include "config.h"

#include <string.h>

#include "steward-attachment-parts.h"
#include "steward-provider-private.h"

#define ANTHROPIC_VERSION "2023-06-01"

/* Anthropic's Messages API. */
struct _StewardAnthropicProvider
{
  StewardProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (StewardAnthropicProvider, steward_anthropic_provider, STEWARD_TYPE_PROVIDER)

static char *
steward_anthropic_provider_dup_chat_path (StewardProvider *provider,
                                          const char      *model,
                                          gboolean         stream)
{
  return g_strdup ("/v1/messages");
}

static void
add_text_block (JsonBuilder *builder,
                const char  *text)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

/* A message with attachments: each attachment, an image as a base64
 * image block, then its text (Anthropic reads images best before the
 * question about them) */
static void
add_content_blocks (JsonBuilder *builder,
                    const char  *content,
                    GPtrArray   *parts)
{
  json_builder_begin_array (builder);
  for (guint i = 0; i < parts->len; i++)
    {
      const StewardAttachmentPart *part = g_ptr_array_index (parts, i);

      if (part->text != NULL)
        {
          add_text_block (builder, part->text);
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "image");
      json_builder_set_member_name (builder, "source");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "base64");
      json_builder_set_member_name (builder, "media_type");
      json_builder_add_string_value (builder, part->mime_type);
      json_builder_set_member_name (builder, "data");
      json_builder_add_string_value (builder, part->base64);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  if (content[0] != '\0')
    add_text_block (builder, content);
  json_builder_end_array (builder);
}

static JsonNode *
steward_anthropic_provider_build_chat_body (StewardProvider          *provider,
                                            const StewardChatRequest *request,
                                            gboolean                  stream)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) system = g_string_new (request->system);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, request->model);

  /* Required by the API. */
  json_builder_set_member_name (builder, "max_tokens");
  json_builder_add_int_value (builder,
                              request->max_tokens > 0 ? request->max_tokens
                                                      : STEWARD_CHAT_REQUEST_DEFAULT_MAX_TOKENS);

  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);
      GPtrArray *parts;

      /* Anthropic takes the system prompt only at the top level. */
      if (message->role == STEWARD_MESSAGE_ROLE_SYSTEM)
        {
          if (system->len > 0)
            g_string_append (system, "\n\n");
          g_string_append (system, message->content);
          continue;
        }

      parts = _steward_attachment_parts_new (message, STEWARD_ANTHROPIC_IMAGE_EDGE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, steward_chat_role_to_wire (message->role));
      json_builder_set_member_name (builder, "content");
      if (parts == NULL)
        json_builder_add_string_value (builder, message->content);
      else
        add_content_blocks (builder, message->content, parts);
      json_builder_end_object (builder);
      g_clear_pointer (&parts, g_ptr_array_unref);
    }
  json_builder_end_array (builder);

  if (system->len > 0)
    {
      json_builder_set_member_name (builder, "system");
      json_builder_add_string_value (builder, system->str);
    }

  if (request->tools->len > 0)
    {
      json_builder_set_member_name (builder, "tools");
      json_builder_begin_array (builder);
      for (guint i = 0; i < request->tools->len; i++)
        {
          const StewardChatTool *tool = g_ptr_array_index (request->tools, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, tool->name);
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, tool->description);
          json_builder_set_member_name (builder, "input_schema");
          _steward_json_add_schema (builder, tool->parameters);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      if (request->forced_tool != NULL)
        {
          json_builder_set_member_name (builder, "tool_choice");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "type");
          json_builder_add_string_value (builder, "tool");
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, request->forced_tool);
          json_builder_end_object (builder);
        }
    }

  json_builder_set_member_name (builder, "stream");
  json_builder_add_boolean_value (builder, stream);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
steward_anthropic_provider_add_headers (StewardProvider    *provider,
                                        SoupMessageHeaders *headers,
                                        const char         *api_key)
{
  /* Every request names the API version, keyed or not. */
  soup_message_headers_replace (headers, "anthropic-version", ANTHROPIC_VERSION);
  if (api_key != NULL)
    soup_message_headers_replace (headers, "x-api-key", api_key);
}

static void
read_usage (StewardReply *reply,
            JsonObject   *usage)
{
  if (usage != NULL)
    steward_reply_set_usage (reply,
                             _steward_json_get_int (usage, "input_tokens"),
                             _steward_json_get_int (usage, "output_tokens"));
}

static gboolean
error_from (StewardProvider  *provider,
            JsonObject       *root,
            GError          **error)
{
  JsonObject *err = _steward_json_get_object (root, "error");

  g_propagate_error (error,
                     _steward_provider_error_new (provider, 0,
                                                  _steward_json_get_string (err, "type"),
                                                  _steward_json_get_string (err, "message"),
                                                  NULL));
  return FALSE;
}

static void
start_tool_call (StewardReply *reply,
                 gint          index,
                 JsonObject   *block,
                 gboolean      with_input)
{
  StewardToolCall *call = steward_reply_ensure_tool_call (reply, index);

  g_free (call->id);
  call->id = g_strdup (_steward_json_get_string (block, "id"));
  g_free (call->name);
  call->name = g_strdup (_steward_json_get_string (block, "name"));

  /* A streamed call's input arrives in input_json_delta pieces; the
   * "input": {} of its start is only a placeholder. */
  if (with_input)
    {
      g_autofree char *input = _steward_json_dup_member_as_text (block, "input");

      g_string_assign (call->arguments, input ? input : "{}");
    }
}

static gboolean
steward_anthropic_provider_handle_event (StewardProvider  *provider,
                                         StewardReply     *reply,
                                         const char       *event,
                                         JsonNode         *data,
                                         GError          **error)
{
  JsonObject *root = _steward_json_object (data);
  const char *type = _steward_json_get_string (root, "type");
  gint index = (gint)_steward_json_get_int (root, "index");

  if (type == NULL)
    type = event;

  if (g_strcmp0 (type, "error") == 0)
    return error_from (provider, root, error);

  if (g_strcmp0 (type, "message_start") == 0)
    {
      JsonObject *message = _steward_json_get_object (root, "message");

      steward_reply_set_model (reply, _steward_json_get_string (message, "model"));
      read_usage (reply, _steward_json_get_object (message, "usage"));
    }
  else if (g_strcmp0 (type, "content_block_start") == 0)
    {
      JsonObject *block = _steward_json_get_object (root, "content_block");
      const char *block_type = _steward_json_get_string (block, "type");

      if (g_strcmp0 (block_type, "text") == 0)
        steward_reply_append_text (reply, _steward_json_get_string (block, "text"));
      else if (g_strcmp0 (block_type, "tool_use") == 0)
        start_tool_call (reply, index, block, FALSE);
    }
  else if (g_strcmp0 (type, "content_block_delta") == 0)
    {
      JsonObject *delta = _steward_json_get_object (root, "delta");
      const char *delta_type = _steward_json_get_string (delta, "type");

      if (g_strcmp0 (delta_type, "text_delta") == 0)
        {
          steward_reply_append_text (reply, _steward_json_get_string (delta, "text"));
        }
      else if (g_strcmp0 (delta_type, "thinking_delta") == 0)
        {
          const char *thinking = _steward_json_get_string (delta, "thinking");

          steward_reply_note_reasoning (reply, thinking ? strlen (thinking) : 1);
        }
      else if (g_strcmp0 (delta_type, "input_json_delta") == 0)
        {
          const char *partial = _steward_json_get_string (delta, "partial_json");

          if (partial != NULL)
            g_string_append (steward_reply_ensure_tool_call (reply, index)->arguments, partial);
        }
    }
  else if (g_strcmp0 (type, "message_delta") == 0)
    {
      steward_reply_set_finish_reason (reply,
                                       _steward_json_get_string (_steward_json_get_object (root, "delta"),
                                                                 "stop_reason"));
      read_usage (reply, _steward_json_get_object (root, "usage"));
    }
  else if (g_strcmp0 (type, "message_stop") == 0)
    {
      steward_reply_set_done (reply);
    }
  /* ping, content_block_stop and event types added later need nothing. */

  return TRUE;
}

static gboolean
steward_anthropic_provider_handle_response (StewardProvider  *provider,
                                            StewardReply     *reply,
                                            JsonNode         *data,
                                            GError          **error)
{
  JsonObject *root = _steward_json_object (data);
  JsonArray *content;

  if (g_strcmp0 (_steward_json_get_string (root, "type"), "error") == 0)
    return error_from (provider, root, error);

  steward_reply_set_model (reply, _steward_json_get_string (root, "model"));
  read_usage (reply, _steward_json_get_object (root, "usage"));
  steward_reply_set_finish_reason (reply, _steward_json_get_string (root, "stop_reason"));

  if ((content = _steward_json_get_array (root, "content")))
    {
      for (guint i = 0; i < json_array_get_length (content); i++)
        {
          JsonObject *block = _steward_json_object (json_array_get_element (content, i));
          const char *type = _steward_json_get_string (block, "type");

          if (g_strcmp0 (type, "text") == 0)
            steward_reply_append_text (reply, _steward_json_get_string (block, "text"));
          else if (g_strcmp0 (type, "tool_use") == 0)
            start_tool_call (reply, (gint)i, block, TRUE);
        }
    }

  return TRUE;
}

static void
steward_anthropic_provider_class_init (StewardAnthropicProviderClass *klass)
{
  StewardProviderClass *provider_class = STEWARD_PROVIDER_CLASS (klass);

  provider_class->kind = "anthropic";
  provider_class->default_base_url = "https://api.anthropic.com";
  provider_class->models_path = "/v1/models";
  provider_class->framing = STEWARD_FRAMING_SSE;
  provider_class->dup_chat_path = steward_anthropic_provider_dup_chat_path;
  provider_class->build_chat_body = steward_anthropic_provider_build_chat_body;
  provider_class->add_headers = steward_anthropic_provider_add_headers;
  provider_class->handle_event = steward_anthropic_provider_handle_event;
  provider_class->handle_response = steward_anthropic_provider_handle_response;
  provider_class->parse_models = _steward_provider_parse_data_ids;
}

static void
steward_anthropic_provider_init (StewardAnthropicProvider *self)
{
}

