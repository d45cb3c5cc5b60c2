/* steward-chat-turn-request.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-turn"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-attachment-parts.h"
#include "steward-chat-private.h"
#include "steward-chat-turn-private.h"
#include "steward-enum-types.h"
#include "steward-system-prompt.h"

/* What a turn sends: the provider and model that answer, the limits the
 * settings put on the request, and the request itself (system part,
 * window, new message), also as the JSON kept with the reply. */

gboolean
_steward_chat_turn_resolve_provider (StewardChatTurn  *self,
                                     GError          **error)
{
  g_autofree char *model = NULL;

  if (!_steward_resolve_model (self->store, self->providers, self->tier, self->provider_name, self->model,
                               &self->provider, &model, error))
    return FALSE;

  /* An explicit provider is not a tier. */
  if (self->provider_name != NULL)
    g_clear_pointer (&self->tier, g_free);

  g_free (self->provider_name);
  self->provider_name = g_strdup (steward_provider_get_name (self->provider));
  g_free (self->model);
  self->model = g_steal_pointer (&model);

  return TRUE;
}

/* What a turn may send: the context size of the model this turn resolved
 * (its own, else the default), the rest from the settings. */
void
_steward_chat_turn_read_limits (StewardChatTurn      *self,
                                StewardContextLimits *limits)
{
  g_assert (STEWARD_IS_CHAT_TURN (self));

  limits->window_exchanges = (guint) steward_settings_get_int (self->settings, "memory.short-term-exchanges");
  limits->reply_tokens = steward_settings_get_int (self->settings, "chat.reply-tokens");
  limits->context_tokens = _steward_context_tokens (self->store, self->provider_name, self->model);

  /* A reply never takes more than half of the context, so that a model
   * with a small context still gets the window, and is never asked for
   * more tokens than it can hold. */
  limits->reply_tokens = MIN (limits->reply_tokens, limits->context_tokens / 2);
}

/* A model that cannot see images is sent the rest of what earlier
 * messages carried (its new message has none: see
 * _steward_chat_turn_check_vision ()) */
static void
drop_images (StewardChatRequest *request)
{
  for (guint i = 0; i < request->messages->len; i++)
    {
      StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      for (guint j = message->attachments != NULL ? message->attachments->len : 0; j > 0; j--)
        if (steward_attachment_get_kind (g_ptr_array_index (message->attachments, j - 1)) == STEWARD_ATTACHMENT_KIND_IMAGE)
          g_ptr_array_remove_index (message->attachments, j - 1);
    }
}

/* An image for a model that cannot see images is refused before
 * anything is stored or sent, in one sentence, rather than left to the
 * provider's error */
gboolean
_steward_chat_turn_check_vision (StewardChatTurn  *self,
                                 GError          **error)
{
  StewardAttachment *image = NULL;
  int vision;

  vision = steward_store_get_model_vision (self->store, self->provider_name, self->model, NULL, error);
  if (vision < 0)
    return FALSE;
  self->sees_images = vision == 1;

  for (guint i = 0; i < self->attachments->len && image == NULL; i++)
    if (steward_attachment_get_kind (g_ptr_array_index (self->attachments, i)) == STEWARD_ATTACHMENT_KIND_IMAGE)
      image = g_ptr_array_index (self->attachments, i);

  if (image != NULL && !self->sees_images)
    {
      /* Translators: the first %s is a model's name, the second a file
       * name */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The model %s cannot see images, so %s was not sent: choose a model that can, "
                     "or say that this one can with “steward-cli model set”."),
                   self->model, steward_attachment_get_name (image));
      return FALSE;
    }

  return TRUE;
}

/* The request for this turn: system part (personalization, memories and
 * the rolling summary), the window of recent exchanges, the new message
 * (when regenerating, the stored one, and the path up to it).
 * Sets self->context; its fold_through says whether older exchanges must
 * be folded into the summary before sending. */
gboolean
_steward_chat_turn_build_context (StewardChatTurn  *self,
                                  GError          **error)
{
  g_autoptr(GListModel) history = NULL;
  g_autofree char *system = NULL;
  g_autofree char *summary = NULL;
  gint64 summary_through = 0;
  StewardContextLimits limits;

  _steward_chat_turn_read_limits (self, &limits);

  if (!(system = steward_system_prompt_build (self->store, self->settings, self->text, error)))
    return FALSE;

  if (self->conversation_id != 0)
    {
      if (!steward_store_get_summary (self->store, self->conversation_id, &summary, &summary_through, error) ||
          !(history = steward_store_list_messages_range (self->store, self->conversation_id, 0,
                                                         self->user_message_id, 0, error)))
        return FALSE;
    }

  g_clear_pointer (&self->context, steward_context_free);
  self->context = steward_context_build (history, summary, summary_through, system,
                                         self->model, self->text, &limits);
  for (guint i = 0; i < self->attachments->len; i++)
    steward_chat_request_attach (self->context->request, g_ptr_array_index (self->attachments, i));
  if (!self->sees_images)
    drop_images (self->context->request);
  self->context->request->timeout_seconds = (guint) steward_settings_get_int (self->settings, "chat.response-timeout");
  self->context->request->deadline_seconds = (guint) steward_settings_get_int (self->settings, "chat.reply-deadline");
  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);

  return TRUE;
}

/* The text of the new message's files must fit the model's context with
 * the message: a PDF, text file or transcript longer than the whole
 * context is refused in one sentence before anything is stored or sent,
 * not left to the provider's error. Images are not counted: what one
 * costs depends on the provider, and the default context size is small
 * enough that a guess would refuse photos a real model takes. Counts the
 * parts made ready (_steward_chat_turn_prepare_async()). */
gboolean
_steward_chat_turn_check_attachments (StewardChatTurn  *self,
                                      GError          **error)
{
  StewardContextLimits limits;
  StewardChatRequest *request = self->context->request;
  StewardChatMessage *message;
  gint64 budget, used;

  if (self->attachments->len == 0 || request->messages->len == 0)
    return TRUE;

  message = g_ptr_array_index (request->messages, request->messages->len - 1);
  if (message->attachments == NULL || message->parts == NULL)
    return TRUE;

  _steward_chat_turn_read_limits (self, &limits);
  budget = limits.context_tokens - limits.reply_tokens;
  used = steward_estimate_tokens (self->text);

  for (guint i = 0; i < message->parts->len && i < message->attachments->len; i++)
    {
      StewardAttachment *attachment = g_ptr_array_index (message->attachments, i);
      const StewardAttachmentPart *part = g_ptr_array_index (message->parts, i);

      if (steward_attachment_get_kind (attachment) == STEWARD_ATTACHMENT_KIND_IMAGE || part->text == NULL)
        continue;

      used += steward_estimate_tokens (part->text);
      if (used > budget)
        {
          g_autofree char *tokens = g_strdup_printf ("%" G_GINT64_FORMAT, limits.context_tokens);

          /* Translators: %s is a file name, then a model's name, then a
           * number of tokens; the command stays untranslated */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("%s is too long for %s, which reads %s tokens at most: attach a shorter part of it, "
                         "or give the model its real context size with “steward-cli model set”."),
                       steward_attachment_get_name (attachment), self->model, tokens);
          return FALSE;
        }
    }

  return TRUE;
}

/* Exactly what goes to the model, kept with the reply so the user can
 * see it (message details → Context). */
char *
_steward_chat_turn_dup_context_json (StewardChatTurn *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  StewardChatRequest *request = self->context->request;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "provider");
  json_builder_add_string_value (builder, self->provider_name);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, request->model);
  json_builder_set_member_name (builder, "system");
  json_builder_add_string_value (builder, request->system ? request->system : "");
  json_builder_set_member_name (builder, "messages");
  json_builder_begin_array (builder);
  for (guint i = 0; i < request->messages->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "role");
      json_builder_add_string_value (builder, steward_enum_to_nick (STEWARD_TYPE_MESSAGE_ROLE, message->role));
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, message->content);
      /* The files by name: their bytes are in attachments/ */
      if (message->attachments != NULL && message->attachments->len > 0)
        {
          json_builder_set_member_name (builder, "attachments");
          json_builder_begin_array (builder);
          for (guint j = 0; j < message->attachments->len; j++)
            json_builder_add_string_value (builder,
                                           steward_attachment_get_name (g_ptr_array_index (message->attachments, j)));
          json_builder_end_array (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "estimated_tokens");
  json_builder_add_int_value (builder, self->context->estimated_tokens);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}
