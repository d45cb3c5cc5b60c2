/* steward-chat-request.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-request"

#include "config.h"

#include "steward-chat-request.h"

static void
chat_message_free (gpointer data)
{
  StewardChatMessage *message = data;

  g_free (message->content);
  g_clear_pointer (&message->attachments, g_ptr_array_unref);
  g_clear_pointer (&message->parts, g_ptr_array_unref);
  g_free (message);
}

static void
chat_tool_free (gpointer data)
{
  StewardChatTool *tool = data;

  g_free (tool->name);
  g_free (tool->description);
  g_clear_pointer (&tool->parameters, json_object_unref);
  g_free (tool);
}

StewardChatRequest *
steward_chat_request_new (const char *model)
{
  StewardChatRequest *self;

  g_return_val_if_fail (model != NULL, NULL);

  self = g_new0 (StewardChatRequest, 1);
  self->model = g_strdup (model);
  self->messages = g_ptr_array_new_with_free_func (chat_message_free);
  self->tools = g_ptr_array_new_with_free_func (chat_tool_free);
  self->max_tokens = STEWARD_CHAT_REQUEST_DEFAULT_MAX_TOKENS;

  return self;
}

void
steward_chat_request_free (StewardChatRequest *self)
{
  if (self == NULL)
    return;

  g_free (self->model);
  g_free (self->system);
  g_ptr_array_unref (self->messages);
  g_ptr_array_unref (self->tools);
  g_free (self->forced_tool);
  g_free (self);
}

void
steward_chat_request_set_system (StewardChatRequest *self,
                                 const char         *system)
{
  g_return_if_fail (self != NULL);

  g_free (self->system);
  self->system = (system && system[0]) ? g_strdup (system) : NULL;
}

void
steward_chat_request_add_message (StewardChatRequest *self,
                                  StewardMessageRole  role,
                                  const char         *content)
{
  StewardChatMessage *message;

  g_return_if_fail (self != NULL);

  message = g_new0 (StewardChatMessage, 1);
  message->role = role;
  message->content = g_strdup (content ? content : "");
  g_ptr_array_add (self->messages, message);
}

void
steward_chat_request_attach (StewardChatRequest *self,
                             StewardAttachment  *attachment)
{
  StewardChatMessage *message;

  g_return_if_fail (self != NULL);
  g_return_if_fail (STEWARD_IS_ATTACHMENT (attachment));
  g_return_if_fail (self->messages->len > 0);

  message = g_ptr_array_index (self->messages, self->messages->len - 1);
  if (message->attachments == NULL)
    message->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (message->attachments, g_object_ref (attachment));
  /* Made ready without this one */
  g_clear_pointer (&message->parts, g_ptr_array_unref);
}

gboolean
steward_chat_request_has_images (const StewardChatRequest *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (self->messages, i);

      for (guint j = 0; message->attachments != NULL && j < message->attachments->len; j++)
        if (steward_attachment_get_kind (g_ptr_array_index (message->attachments, j)) == STEWARD_ATTACHMENT_KIND_IMAGE)
          return TRUE;
    }

  return FALSE;
}

/**
 * steward_chat_request_add_tool:
 * @name: the tool's name, as the model calls it
 * @description: what the tool does, for the model
 * @parameters: (transfer none): its arguments, as a JSON schema of type
 *   object
 *
 * Offers a tool to the model; each kind sends it in its own format and
 * reads the calls back into the reply's tool calls.
 */
void
steward_chat_request_add_tool (StewardChatRequest *self,
                               const char         *name,
                               const char         *description,
                               JsonObject         *parameters)
{
  StewardChatTool *tool;

  g_return_if_fail (self != NULL);
  g_return_if_fail (name != NULL && name[0] != '\0');
  g_return_if_fail (parameters != NULL);

  tool = g_new0 (StewardChatTool, 1);
  tool->name = g_strdup (name);
  tool->description = g_strdup (description ? description : "");
  tool->parameters = json_object_ref (parameters);
  g_ptr_array_add (self->tools, tool);
}

/**
 * steward_chat_request_force_tool:
 * @name: (nullable): one of the tools offered, or %NULL to let the model
 *   choose
 *
 * Asks the model to answer by calling @name, where the API allows it.
 * Kinds that cannot force a tool only offer it, so the answer may still
 * come as text.
 */
void
steward_chat_request_force_tool (StewardChatRequest *self,
                                 const char         *name)
{
  g_return_if_fail (self != NULL);

  g_free (self->forced_tool);
  self->forced_tool = g_strdup (name);
}

StewardChatRequest *
steward_chat_request_copy (const StewardChatRequest *request)
{
  StewardChatRequest *copy;

  g_return_val_if_fail (request != NULL, NULL);

  copy = steward_chat_request_new (request->model);
  steward_chat_request_set_system (copy, request->system);
  copy->max_tokens = request->max_tokens;
  copy->timeout_seconds = request->timeout_seconds;
  copy->deadline_seconds = request->deadline_seconds;
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);
      StewardChatMessage *copied;

      steward_chat_request_add_message (copy, message->role, message->content);
      for (guint j = 0; message->attachments != NULL && j < message->attachments->len; j++)
        steward_chat_request_attach (copy, g_ptr_array_index (message->attachments, j));

      /* What was made ready once is not made again */
      copied = g_ptr_array_index (copy->messages, copy->messages->len - 1);
      if (message->parts != NULL)
        copied->parts = g_ptr_array_ref (message->parts);
      copied->parts_edge = message->parts_edge;
    }
  for (guint i = 0; i < request->tools->len; i++)
    {
      const StewardChatTool *tool = g_ptr_array_index (request->tools, i);

      steward_chat_request_add_tool (copy, tool->name, tool->description, tool->parameters);
    }
  steward_chat_request_force_tool (copy, request->forced_tool);

  return copy;
}

const char *
steward_chat_role_to_wire (StewardMessageRole role)
{
  switch (role)
    {
    case STEWARD_MESSAGE_ROLE_USER:
      return "user";
    case STEWARD_MESSAGE_ROLE_ASSISTANT:
      return "assistant";
    case STEWARD_MESSAGE_ROLE_SYSTEM:
      return "system";
    case STEWARD_MESSAGE_ROLE_TOOL:
      return "tool";
    default:
      g_return_val_if_reached ("user");
    }
}
