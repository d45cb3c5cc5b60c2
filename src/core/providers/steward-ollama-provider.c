/* steward-ollama-provider.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-ollama-provider"

#include "config.h"

#include <string.h>

#include "steward-attachment-parts.h"
#include "steward-provider-private.h"

/* Ollama's native API (/api/chat, newline-delimited JSON). */
struct _StewardOllamaProvider
{
  StewardProvider parent_instance;
};

G_DEFINE_FINAL_TYPE (StewardOllamaProvider, steward_ollama_provider, STEWARD_TYPE_PROVIDER)

static char *
steward_ollama_provider_dup_chat_path (StewardProvider *provider,
                                       const char      *model,
                                       gboolean         stream)
{
  return g_strdup ("/api/chat");
}

static void
add_message (JsonBuilder *builder,
             const char  *role,
             const char  *content)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, content);
  json_builder_end_object (builder);
}

/* Ollama takes a message's images as a list beside its text: the text
 * of the other attachments follows the message's */
static void
add_message_with_images (JsonBuilder *builder,
                         const char  *role,
                         const char  *content,
                         GPtrArray   *parts)
{
  g_autoptr(GString) text = g_string_new (content);

  for (guint i = 0; i < parts->len; i++)
    {
      const StewardAttachmentPart *part = g_ptr_array_index (parts, i);

      if (part->text == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, "\n\n");
      g_string_append (text, part->text);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "role");
  json_builder_add_string_value (builder, role);
  json_builder_set_member_name (builder, "content");
  json_builder_add_string_value (builder, text->str);
  json_builder_set_member_name (builder, "images");
  json_builder_begin_array (builder);
  for (guint i = 0; i < parts->len; i++)
    {
      const StewardAttachmentPart *part = g_ptr_array_index (parts, i);

      if (part->base64 != NULL)
        json_builder_add_string_value (builder, part->base64);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static JsonNode *
steward_ollama_provider_build_chat_body (StewardProvider          *provider,
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
    add_message (builder, "system", request->system);
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      g_autoptr(GPtrArray) parts = _steward_attachment_parts_new (message, STEWARD_OLLAMA_IMAGE_EDGE);

      if (parts == NULL)
        add_message (builder, steward_chat_role_to_wire (message->role), message->content);
      else
        add_message_with_images (builder, steward_chat_role_to_wire (message->role), message->content, parts);
    }
  json_builder_end_array (builder);

  /* Ollama has no way to force a tool: it is only offered. */
  _steward_json_add_function_tools (builder, request);

  json_builder_set_member_name (builder, "stream");
  json_builder_add_boolean_value (builder, stream);

  if (request->max_tokens > 0)
    {
      json_builder_set_member_name (builder, "options");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "num_predict");
      json_builder_add_int_value (builder, request->max_tokens);
      json_builder_end_object (builder);
    }

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static void
steward_ollama_provider_add_headers (StewardProvider    *provider,
                                     SoupMessageHeaders *headers,
                                     const char         *api_key)
{
  /* Ollama itself takes no key; one set anyway is sent as a bearer
   * token, which is what proxies in front of it expect. */
  if (api_key != NULL)
    {
      g_autofree char *value = g_strdup_printf ("Bearer %s", api_key);

      soup_message_headers_replace (headers, "Authorization", value);
    }
}

static gboolean
read_chunk (StewardProvider  *provider,
            StewardReply     *reply,
            JsonNode         *data,
            GError          **error)
{
  JsonObject *root = _steward_json_object (data);
  JsonObject *message = _steward_json_get_object (root, "message");
  JsonArray *calls = _steward_json_get_array (message, "tool_calls");
  const char *err = _steward_json_get_string (root, "error");

  if (err != NULL)
    {
      g_propagate_error (error, _steward_provider_error_new (provider, 0, NULL, err, NULL));
      return FALSE;
    }

  steward_reply_set_model (reply, _steward_json_get_string (root, "model"));
  steward_reply_append_text (reply, _steward_json_get_string (message, "content"));
  {
    const char *thinking = _steward_json_get_string (message, "thinking");

    if (thinking != NULL)
      steward_reply_note_reasoning (reply, strlen (thinking));
  }

  for (guint i = 0; calls != NULL && i < json_array_get_length (calls); i++)
    {
      JsonObject *function = _steward_json_get_object (_steward_json_object (json_array_get_element (calls, i)),
                                                       "function");
      g_autofree char *args = _steward_json_dup_member_as_text (function, "arguments");
      StewardToolCall *call;

      if (function == NULL)
        continue;

      call = steward_reply_ensure_tool_call (reply, -1);
      call->name = g_strdup (_steward_json_get_string (function, "name"));
      g_string_assign (call->arguments, args ? args : "{}");
    }

  if (_steward_json_get_boolean (root, "done", FALSE))
    {
      steward_reply_set_usage (reply,
                               _steward_json_get_int (root, "prompt_eval_count"),
                               _steward_json_get_int (root, "eval_count"));
      steward_reply_set_finish_reason (reply, _steward_json_get_string (root, "done_reason"));
      steward_reply_set_done (reply);
    }

  return TRUE;
}

static gboolean
steward_ollama_provider_handle_event (StewardProvider  *provider,
                                      StewardReply     *reply,
                                      const char       *event,
                                      JsonNode         *data,
                                      GError          **error)
{
  return read_chunk (provider, reply, data, error);
}

static gboolean
steward_ollama_provider_handle_response (StewardProvider  *provider,
                                         StewardReply     *reply,
                                         JsonNode         *data,
                                         GError          **error)
{
  return read_chunk (provider, reply, data, error);
}

static GStrv
steward_ollama_provider_parse_models (StewardProvider *provider,
                                      JsonNode        *data)
{
  JsonArray *list = _steward_json_get_array (_steward_json_object (data), "models");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (list == NULL)
    return NULL;

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      JsonObject *model = _steward_json_object (json_array_get_element (list, i));
      const char *name = _steward_json_get_string (model, "name");

      if (name == NULL)
        name = _steward_json_get_string (model, "model");
      if (name != NULL)
        g_strv_builder_add (builder, name);
    }

  return g_strv_builder_end (builder);
}

static void
steward_ollama_provider_class_init (StewardOllamaProviderClass *klass)
{
  StewardProviderClass *provider_class = STEWARD_PROVIDER_CLASS (klass);

  provider_class->kind = "ollama";
  provider_class->default_base_url = "http://localhost:11434";
  provider_class->models_path = "/api/tags";
  provider_class->framing = STEWARD_FRAMING_NDJSON;
  provider_class->dup_chat_path = steward_ollama_provider_dup_chat_path;
  provider_class->build_chat_body = steward_ollama_provider_build_chat_body;
  provider_class->add_headers = steward_ollama_provider_add_headers;
  provider_class->handle_event = steward_ollama_provider_handle_event;
  provider_class->handle_response = steward_ollama_provider_handle_response;
  provider_class->parse_models = steward_ollama_provider_parse_models;
}

static void
steward_ollama_provider_init (StewardOllamaProvider *self)
{
}
