/* steward-openai-provider.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-openai-provider"

#include "config.h"

#include <string.h>

#include "steward-attachment-parts.h"
#include "steward-provider-private.h"

/* OpenAI Chat Completions, which OpenAI, Groq, OpenRouter, Ollama's /v1,
 * llama.cpp's server, vLLM and LM Studio all speak. */
struct _StewardOpenaiProvider
{
  StewardProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (StewardOpenaiProvider, steward_openai_provider, STEWARD_TYPE_PROVIDER)

static char *
steward_openai_provider_dup_chat_path (StewardProvider *provider,
                                       const char      *model,
                                       gboolean         stream)
{
  return g_strdup ("/chat/completions");
}

static void
add_text_part (JsonBuilder *builder,
               const char  *text)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "text");
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

/* A message with attachments: its text, then each attachment, an image
 * as a data URL */
static void
add_content_parts (JsonBuilder *builder,
                   const char  *content,
                   GPtrArray   *parts)
{
  json_builder_begin_array (builder);
  if (content[0] != '\0')
    add_text_part (builder, content);
  for (guint i = 0; i < parts->len; i++)
    {
      const StewardAttachmentPart *part = g_ptr_array_index (parts, i);
      g_autofree char *url = NULL;

      if (part->text != NULL)
        {
          add_text_part (builder, part->text);
          continue;
        }

      url = g_strdup_printf ("data:%s;base64,%s", part->mime_type, part->base64);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "image_url");
      json_builder_set_member_name (builder, "image_url");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "url");
      json_builder_add_string_value (builder, url);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
steward_openai_provider_build_chat_body (StewardProvider          *provider,
                                         const StewardChatRequest *request,
                                         gboolean                  stream)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, request->model);

  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  if (request->system != NULL)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, "system");
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, request->system);
      json_builder_end_object (builder);
    }
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      g_autoptr(GPtrArray) parts = _steward_attachment_parts_new (message, STEWARD_OPENAI_IMAGE_EDGE);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, steward_chat_role_to_wire (message->role));
      json_builder_set_member_name (builder, "content");
      if (parts == NULL)
        json_builder_add_string_value (builder, message->content);
      else
        add_content_parts (builder, message->content, parts);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (request->max_tokens > 0)
    {
      json_builder_set_member_name (builder, "max_tokens");
      json_builder_add_int_value (builder, request->max_tokens);
    }

  _steward_json_add_function_tools (builder, request);
  if (request->forced_tool != NULL && request->tools->len > 0)
    {
      json_builder_set_member_name (builder, "tool_choice");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "function");
      json_builder_set_member_name (builder, "function");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, request->forced_tool);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }

  json_builder_set_member_name (builder, "stream");
  json_builder_add_boolean_value (builder, stream);

  if (stream)
    {
      /* Without it the usage of a streamed reply is never sent. */
      json_builder_set_member_name (builder, "stream_options");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "include_usage");
      json_builder_add_boolean_value (builder, TRUE);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
steward_openai_provider_add_headers (StewardProvider    *provider,
                                     SoupMessageHeaders *headers,
                                     const char         *api_key)
{
  g_autofree char *value = NULL;

  if (api_key == NULL)
    return;

  value = g_strdup_printf ("Bearer %s", api_key);
  soup_message_headers_replace (headers, "Authorization", value);
}

static void
read_usage (StewardReply *reply,
            JsonObject   *root)
{
  JsonObject *usage = _steward_json_get_object (root, "usage");

  if (usage != NULL)
    steward_reply_set_usage (reply,
                             _steward_json_get_int (usage, "prompt_tokens"),
                             _steward_json_get_int (usage, "completion_tokens"));
}

static gboolean
check_error (StewardProvider  *provider,
             JsonObject       *root,
             GError          **error)
{
  JsonObject *err = _steward_json_get_object (root, "error");

  if (err == NULL)
    return TRUE;

  g_propagate_error (error,
                     _steward_provider_error_new (provider, 0,
                                                  _steward_json_get_string (err, "type"),
                                                  _steward_json_get_string (err, "message"),
                                                  NULL));
  return FALSE;
}

static void
read_tool_calls (StewardReply *reply,
                 JsonArray    *calls)
{
  if (calls == NULL)
    return;

  for (guint i = 0; i < json_array_get_length (calls); i++)
    {
      JsonObject *object = _steward_json_object (json_array_get_element (calls, i));
      JsonObject *function = _steward_json_get_object (object, "function");
      gint64 index = _steward_json_get_int (object, "index");
      StewardToolCall *call;
      const char *value;

      if (object == NULL)
        continue;

      /* Streams carry an index; whole responses list calls in order. */
      call = steward_reply_ensure_tool_call (reply, index >= 0 ? (gint)index : (gint)i);

      if ((value = _steward_json_get_string (object, "id")))
        {
          g_free (call->id);
          call->id = g_strdup (value);
        }
      if ((value = _steward_json_get_string (function, "name")))
        {
          g_free (call->name);
          call->name = g_strdup (value);
        }
      if ((value = _steward_json_get_string (function, "arguments")))
        g_string_append (call->arguments, value);
    }
}

static gboolean
steward_openai_provider_handle_event (StewardProvider  *provider,
                                      StewardReply     *reply,
                                      const char       *event,
                                      JsonNode         *data,
                                      GError          **error)
{
  JsonObject *root = _steward_json_object (data);
  JsonArray *choices;

  if (!check_error (provider, root, error))
    return FALSE;

  steward_reply_set_model (reply, _steward_json_get_string (root, "model"));
  read_usage (reply, root);

  /* The usage chunk has an empty "choices". */
  if ((choices = _steward_json_get_array (root, "choices")))
    {
      for (guint i = 0; i < json_array_get_length (choices); i++)
        {
          JsonObject *choice = _steward_json_object (json_array_get_element (choices, i));
          JsonObject *delta = _steward_json_get_object (choice, "delta");

          const char *reasoning = _steward_json_get_string (delta, "reasoning_content");

          if (reasoning == NULL)
            reasoning = _steward_json_get_string (delta, "reasoning");
          if (reasoning != NULL)
            steward_reply_note_reasoning (reply, strlen (reasoning));

          steward_reply_append_text (reply, _steward_json_get_string (delta, "content"));
          read_tool_calls (reply, _steward_json_get_array (delta, "tool_calls"));
          steward_reply_set_finish_reason (reply, _steward_json_get_string (choice, "finish_reason"));
        }
    }

  return TRUE;
}

static gboolean
steward_openai_provider_handle_response (StewardProvider  *provider,
                                         StewardReply     *reply,
                                         JsonNode         *data,
                                         GError          **error)
{
  JsonObject *root = _steward_json_object (data);
  JsonArray *choices;

  if (!check_error (provider, root, error))
    return FALSE;

  steward_reply_set_model (reply, _steward_json_get_string (root, "model"));
  read_usage (reply, root);

  if ((choices = _steward_json_get_array (root, "choices")) && json_array_get_length (choices) > 0)
    {
      JsonObject *choice = _steward_json_object (json_array_get_element (choices, 0));
      JsonObject *message = _steward_json_get_object (choice, "message");

      steward_reply_append_text (reply, _steward_json_get_string (message, "content"));
      read_tool_calls (reply, _steward_json_get_array (message, "tool_calls"));
      steward_reply_set_finish_reason (reply, _steward_json_get_string (choice, "finish_reason"));
    }

  return TRUE;
}

static void
steward_openai_provider_class_init (StewardOpenaiProviderClass *klass)
{
  StewardProviderClass *provider_class = STEWARD_PROVIDER_CLASS (klass);

  provider_class->kind = "openai";
  provider_class->default_base_url = "https://api.openai.com/v1";
  provider_class->models_path = "/models";
  provider_class->framing = STEWARD_FRAMING_SSE;
  provider_class->dup_chat_path = steward_openai_provider_dup_chat_path;
  provider_class->build_chat_body = steward_openai_provider_build_chat_body;
  provider_class->add_headers = steward_openai_provider_add_headers;
  provider_class->handle_event = steward_openai_provider_handle_event;
  provider_class->handle_response = steward_openai_provider_handle_response;
  provider_class->parse_models = _steward_provider_parse_data_ids;
}

static void
steward_openai_provider_init (StewardOpenaiProvider *self)
{
}
