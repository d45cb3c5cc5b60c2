/* steward-gemini-provider.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-gemini-provider"

#include "config.h"

#include <string.h>

#include "steward-attachment-parts.h"
#include "steward-provider-private.h"

/* Google's Gemini API (generateContent / streamGenerateContent). */
struct _StewardGeminiProvider
{
  StewardProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (StewardGeminiProvider, steward_gemini_provider, STEWARD_TYPE_PROVIDER)

static const char *
strip_models_prefix (const char *model)
{
  if (g_str_has_prefix (model, "models/"))
    return model + strlen ("models/");

  return model;
}

static char *
steward_gemini_provider_dup_chat_path (StewardProvider *provider,
                                       const char      *model,
                                       gboolean         stream)
{
  g_autofree char *escaped = g_uri_escape_string (strip_models_prefix (model), "-._~", FALSE);

  if (stream)
    return g_strdup_printf ("/v1beta/models/%s:streamGenerateContent?alt=sse", escaped);

  return g_strdup_printf ("/v1beta/models/%s:generateContent", escaped);
}

static void
add_text_parts (JsonBuilder *builder,
                const char  *text)
{
  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
  json_builder_end_array (builder);
}

static void
add_text_part (JsonBuilder *builder,
               const char  *text)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "text");
  json_builder_add_string_value (builder, text);
  json_builder_end_object (builder);
}

/* A message with attachments: its text, then each attachment, an image
 * as inline data */
static void
add_attachment_parts (JsonBuilder *builder,
                      const char  *content,
                      GPtrArray   *parts)
{
  json_builder_set_member_name (builder, "parts");
  json_builder_begin_array (builder);
  if (content[0] != '\0')
    add_text_part (builder, content);
  for (guint i = 0; i < parts->len; i++)
    {
      const StewardAttachmentPart *part = g_ptr_array_index (parts, i);

      if (part->text != NULL)
        {
          add_text_part (builder, part->text);
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "inline_data");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "mime_type");
      json_builder_add_string_value (builder, part->mime_type);
      json_builder_set_member_name (builder, "data");
      json_builder_add_string_value (builder, part->base64);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static JsonNode *
steward_gemini_provider_build_chat_body (StewardProvider          *provider,
                                         const StewardChatRequest *request,
                                         gboolean                  stream)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) system = g_string_new (request->system);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "contents");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);
      GPtrArray *parts;

      if (message->role == STEWARD_MESSAGE_ROLE_SYSTEM)
        {
          if (system->len > 0)
            g_string_append (system, "\n\n");
          g_string_append (system, message->content);
          continue;
        }

      /* Gemini knows two roles: "user" and "model". */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder,
                                     message->role == STEWARD_MESSAGE_ROLE_ASSISTANT ? "model" : "user");
      parts = _steward_attachment_parts_new (message, STEWARD_GEMINI_IMAGE_EDGE);
      if (parts == NULL)
        add_text_parts (builder, message->content);
      else
        add_attachment_parts (builder, message->content, parts);
      json_builder_end_object (builder);
      g_clear_pointer (&parts, g_ptr_array_unref);
    }
  json_builder_end_array (builder);

  if (system->len > 0)
    {
      json_builder_set_member_name (builder, "systemInstruction");
      json_builder_begin_object (builder);
      add_text_parts (builder, system->str);
      json_builder_end_object (builder);
    }

  if (request->tools->len > 0)
    {
      json_builder_set_member_name (builder, "tools");
      json_builder_begin_array (builder);
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "functionDeclarations");
      json_builder_begin_array (builder);
      for (guint i = 0; i < request->tools->len; i++)
        {
          const StewardChatTool *tool = g_ptr_array_index (request->tools, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, tool->name);
          json_builder_set_member_name (builder, "description");
          json_builder_add_string_value (builder, tool->description);
          json_builder_set_member_name (builder, "parameters");
          _steward_json_add_schema (builder, tool->parameters);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      json_builder_end_array (builder);

      /* ANY: the model must call one of the allowed functions. */
      if (request->forced_tool != NULL)
        {
          json_builder_set_member_name (builder, "toolConfig");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "functionCallingConfig");
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "mode");
          json_builder_add_string_value (builder, "ANY");
          json_builder_set_member_name (builder, "allowedFunctionNames");
          json_builder_begin_array (builder);
          json_builder_add_string_value (builder, request->forced_tool);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
    }

  if (request->max_tokens > 0)
    {
      json_builder_set_member_name (builder, "generationConfig");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "maxOutputTokens");
      json_builder_add_int_value (builder, request->max_tokens);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
steward_gemini_provider_add_headers (StewardProvider    *provider,
                                     SoupMessageHeaders *headers,
                                     const char         *api_key)
{
  if (api_key != NULL)
    soup_message_headers_replace (headers, "x-goog-api-key", api_key);
}

static gboolean
read_chunk (StewardProvider  *provider,
            StewardReply     *reply,
            JsonNode         *data,
            GError          **error)
{
  JsonObject *root = _steward_json_object (data);
  JsonObject *err = _steward_json_get_object (root, "error");
  JsonObject *usage = _steward_json_get_object (root, "usageMetadata");
  JsonArray *candidates;

  if (err != NULL)
    {
      g_propagate_error (error,
                         _steward_provider_error_new (provider,
                                                      (guint)MAX (0, _steward_json_get_int (err, "code")),
                                                      _steward_json_get_string (err, "status"),
                                                      _steward_json_get_string (err, "message"),
                                                      NULL));
      return FALSE;
    }

  steward_reply_set_model (reply, _steward_json_get_string (root, "modelVersion"));

  if (usage != NULL)
    steward_reply_set_usage (reply,
                             _steward_json_get_int (usage, "promptTokenCount"),
                             _steward_json_get_int (usage, "candidatesTokenCount"));

  if ((candidates = _steward_json_get_array (root, "candidates")) &&
      json_array_get_length (candidates) > 0)
    {
      JsonObject *candidate = _steward_json_object (json_array_get_element (candidates, 0));
      JsonArray *parts = _steward_json_get_array (_steward_json_get_object (candidate, "content"), "parts");

      for (guint i = 0; parts != NULL && i < json_array_get_length (parts); i++)
        {
          JsonObject *part = _steward_json_object (json_array_get_element (parts, i));
          JsonObject *function_call = _steward_json_get_object (part, "functionCall");

          if (part == NULL)
            continue;

          /* Thought summaries are not part of the answer, but they are
           * progress. */
          if (_steward_json_get_boolean (part, "thought", FALSE))
            {
              const char *thought = _steward_json_get_string (part, "text");

              steward_reply_note_reasoning (reply, thought ? strlen (thought) : 1);
              continue;
            }

          if (function_call != NULL)
            {
              StewardToolCall *call = steward_reply_ensure_tool_call (reply, -1);
              g_autofree char *args = _steward_json_dup_member_as_text (function_call, "args");

              call->id = g_strdup (_steward_json_get_string (function_call, "id"));
              call->name = g_strdup (_steward_json_get_string (function_call, "name"));
              g_string_assign (call->arguments, args ? args : "{}");
            }
          else
            {
              steward_reply_append_text (reply, _steward_json_get_string (part, "text"));
            }
        }

      steward_reply_set_finish_reason (reply, _steward_json_get_string (candidate, "finishReason"));
    }

  return TRUE;
}

static gboolean
steward_gemini_provider_handle_event (StewardProvider  *provider,
                                      StewardReply     *reply,
                                      const char       *event,
                                      JsonNode         *data,
                                      GError          **error)
{
  return read_chunk (provider, reply, data, error);
}

static gboolean
steward_gemini_provider_handle_response (StewardProvider  *provider,
                                         StewardReply     *reply,
                                         JsonNode         *data,
                                         GError          **error)
{
  return read_chunk (provider, reply, data, error);
}

static GStrv
steward_gemini_provider_parse_models (StewardProvider *provider,
                                      JsonNode        *data)
{
  JsonArray *list = _steward_json_get_array (_steward_json_object (data), "models");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (list == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *model = _steward_json_object (json_array_get_element (list, i));
      JsonArray *methods = _steward_json_get_array (model, "supportedGenerationMethods");
      const char *name = _steward_json_get_string (model, "name");
      gboolean generates = methods == NULL;

      for (guint j = 0; methods != NULL && j < json_array_get_length (methods); j++)
        {
          JsonNode *method = json_array_get_element (methods, j);

          if (JSON_NODE_HOLDS_VALUE (method) &&
              g_strcmp0 (json_node_get_string (method), "generateContent") == 0)
            generates = TRUE;
        }

      /* Embedding-only models cannot chat. */
      if (name != NULL && generates)
        g_strv_builder_add (builder, strip_models_prefix (name));
    }

  return g_strv_builder_end (builder);
}

static void
steward_gemini_provider_class_init (StewardGeminiProviderClass *klass)
{
  StewardProviderClass *provider_class = STEWARD_PROVIDER_CLASS (klass);

  provider_class->kind = "gemini";
  provider_class->default_base_url = "https://generativelanguage.googleapis.com";
  provider_class->models_path = "/v1beta/models";
  provider_class->framing = STEWARD_FRAMING_SSE;
  provider_class->dup_chat_path = steward_gemini_provider_dup_chat_path;
  provider_class->build_chat_body = steward_gemini_provider_build_chat_body;
  provider_class->add_headers = steward_gemini_provider_add_headers;
  provider_class->handle_event = steward_gemini_provider_handle_event;
  provider_class->handle_response = steward_gemini_provider_handle_response;
  provider_class->parse_models = steward_gemini_provider_parse_models;
}

static void
steward_gemini_provider_init (StewardGeminiProvider *self)
{
}
