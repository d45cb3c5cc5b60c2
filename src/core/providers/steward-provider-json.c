/* steward-provider-json.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider"

#include "config.h"

#include <math.h>

#include "steward-provider-private.h"

/* Providers add fields and send null where a value is absent; these
 * helpers read only what has the expected type and say NULL otherwise. */

JsonObject *
_steward_json_object (JsonNode *node)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;

  return json_node_get_object (node);
}

JsonObject *
_steward_json_get_object (JsonObject *object,
                          const char *member)
{
  if (object == NULL)
    return NULL;

  return _steward_json_object (json_object_get_member (object, member));
}

JsonArray *
_steward_json_get_array (JsonObject *object,
                         const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return NULL;

  return json_node_get_array (node);
}

const char *
_steward_json_get_string (JsonObject *object,
                          const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)))
    return NULL;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

gint64
_steward_json_get_int (JsonObject *object,
                       const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)))
    return -1;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return -1;

  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      return json_node_get_int (node);
    case G_TYPE_DOUBLE:
      {
        double value = json_node_get_double (node);

        /* 1e999 reads as infinity: no count at all */
        if (!isfinite (value) || value < -9.2e18 || value > 9.2e18)
          return -1;

        return (gint64)value;
      }
    default:
      return -1;
    }
}

/* @fallback when @member is absent or not a boolean */
gboolean
_steward_json_get_boolean (JsonObject *object,
                           const char *member,
                           gboolean    fallback)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)))
    return fallback;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;

  return json_node_get_boolean (node);
}

/* A member that is an object (Anthropic's "input", Gemini's "args",
 * Ollama's "arguments") as JSON text; a string member as it is. */
char *
_steward_json_dup_member_as_text (JsonObject *object,
                                  const char *member)
{
  JsonNode *node;

  if (object == NULL || !(node = json_object_get_member (object, member)))
    return NULL;

  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    return g_strdup (json_node_get_string (node));

  if (JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return json_to_string (node, FALSE);
}

/* A JSON schema of the request, added where @builder stands. */
void
_steward_json_add_schema (JsonBuilder *builder,
                          JsonObject  *schema)
{
  JsonNode *node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, schema);
  json_builder_add_value (builder, node);
}

/* The tools of @request as OpenAI and Ollama take them:
 * "tools": [{"type": "function", "function": {"name", "description",
 * "parameters"}}]; nothing when there are none. */
void
_steward_json_add_function_tools (JsonBuilder              *builder,
                                  const StewardChatRequest *request)
{
  if (request->tools->len == 0)
    return;

  json_builder_set_member_name (builder, "tools");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->tools->len; i++)
    {
      const StewardChatTool *tool = g_ptr_array_index (request->tools, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "type");
      json_builder_add_string_value (builder, "function");
      json_builder_set_member_name (builder, "function");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, tool->name);
      json_builder_set_member_name (builder, "description");
      json_builder_add_string_value (builder, tool->description);
      json_builder_set_member_name (builder, "parameters");
      _steward_json_add_schema (builder, tool->parameters);
      json_builder_end_object (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

/* The ids of a model list: the string @id_member of each object in the
 * array @array_member ("data"/"id" for OpenAI and Anthropic). */
GStrv
_steward_json_collect_strings (JsonNode   *root,
                               const char *array_member,
                               const char *id_member)
{
  JsonArray *list = _steward_json_get_array (_steward_json_object (root), array_member);
  g_autoptr(GStrvBuilder) builder = NULL;

  if (list == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      const char *id = _steward_json_get_string (_steward_json_object (json_array_get_element (list, i)),
                                                 id_member);

      if (id != NULL)
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

/* OpenAI's and Anthropic's model lists: {"data": [{"id": …}, …]} */
GStrv
_steward_provider_parse_data_ids (StewardProvider *provider,
                                  JsonNode        *root)
{
  return _steward_json_collect_strings (root, "data", "id");
}
