/* steward-context.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-context"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-context.h"
#include "steward-message.h"

/* Short-term memory: which part of a conversation goes to the model.
 *
 * The last N exchanges go word for word. Older ones are never dropped
 * silently: a rolling summary stands for them. When even the window
 * does not fit the model's context, its oldest exchanges leave it and
 * join what the summary must cover. This is a pure function of the
 * history, so it is tested without a model or a store.
 */

#define MESSAGE_OVERHEAD_TOKENS 4

typedef struct
{
  StewardMessage *user;
  StewardMessage *reply;
} Exchange;

/* About four characters a token for Latin scripts; CJK and emoji run
 * closer to one or two. Count by characters, weighting wide ones. */
gint64
steward_estimate_tokens (const char *text)
{
  gint64 narrow = 0;
  gint64 wide = 0;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      if (steward_token_char_is_wide (g_utf8_get_char (p)))
        wide++;
      else
        narrow++;
    }

  return steward_tokens_for_chars (narrow, wide);
}

static gint64
message_tokens (const char *content)
{
  return steward_estimate_tokens (content) + MESSAGE_OVERHEAD_TOKENS;
}

static gint64
exchange_tokens (const Exchange *exchange)
{
  gint64 tokens = message_tokens (steward_message_get_content (exchange->user));

  if (exchange->reply != NULL)
    tokens += message_tokens (steward_message_get_content (exchange->reply));

  return tokens;
}

static gint64
exchange_last_id (const Exchange *exchange)
{
  return steward_message_get_id (exchange->reply ? exchange->reply : exchange->user);
}

/* A reply with nothing to continue from (failed, or still streaming in
 * another window) is left out; an interrupted one keeps what arrived. */
static gboolean
usable_reply (StewardMessage *message)
{
  StewardMessageStatus status = steward_message_get_status (message);

  return status != STEWARD_MESSAGE_STATUS_ERROR &&
         status != STEWARD_MESSAGE_STATUS_STREAMING &&
         steward_message_get_content (message)[0] != '\0';
}

static GArray *
collect_exchanges (GListModel *history)
{
  GArray *exchanges = g_array_new (FALSE, TRUE, sizeof (Exchange));
  guint n_items = history ? g_list_model_get_n_items (history) : 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (history, i);
      StewardMessageRole role = steward_message_get_role (message);

      if (role == STEWARD_MESSAGE_ROLE_USER)
        {
          Exchange exchange = { message, NULL };

          g_array_append_val (exchanges, exchange);
        }
      else if (role == STEWARD_MESSAGE_ROLE_ASSISTANT && exchanges->len > 0 && usable_reply (message))
        {
          Exchange *last = &g_array_index (exchanges, Exchange, exchanges->len - 1);

          if (last->reply == NULL)
            last->reply = message;
        }
    }

  return exchanges;
}

static void
chat_message_free (gpointer data)
{
  StewardChatMessage *message = data;

  g_free (message->content);
  g_free (message);
}

static void
add_to_fold (GPtrArray          *to_fold,
             StewardMessageRole  role,
             const char         *content)
{
  StewardChatMessage *message = g_new0 (StewardChatMessage, 1);

  message->role = role;
  message->content = g_strdup (content);
  g_ptr_array_add (to_fold, message);
}

/**
 * steward_context_build:
 * @history: (element-type StewardMessage): the conversation so far, oldest
 *   first, without the new message
 * @summary: (nullable): the rolling summary of older exchanges
 * @summary_through: the id of the last message @summary covers (0: none)
 * @system: (nullable): the system part (personalization and memories)
 * @model: the model the request is for
 * @new_message: what the user just wrote
 *
 * Returns: (transfer full): what to send, and what must be folded into
 *   the summary first
 */
StewardContext *
steward_context_build (GListModel                 *history,
                       const char                 *summary,
                       gint64                      summary_through,
                       const char                 *system,
                       const char                 *model,
                       const char                 *new_message,
                       const StewardContextLimits *limits)
{
  g_autoptr(GArray) exchanges = NULL;
  g_autoptr(GString) system_part = g_string_new (system);
  StewardContext *self;
  gint64 budget;
  gint64 used;
  guint first_in_window;
  guint first_uncovered;

  g_return_val_if_fail (model != NULL, NULL);
  g_return_val_if_fail (new_message != NULL, NULL);
  g_return_val_if_fail (limits != NULL, NULL);

  self = g_new0 (StewardContext, 1);
  self->to_fold = g_ptr_array_new_with_free_func (chat_message_free);
  exchanges = collect_exchanges (history);

  /* Exchanges the summary already stands for are never sent verbatim. */
  first_uncovered = 0;
  while (first_uncovered < exchanges->len &&
         summary_through > 0 &&
         exchange_last_id (&g_array_index (exchanges, Exchange, first_uncovered)) <= summary_through)
    first_uncovered++;

  first_in_window = exchanges->len > limits->window_exchanges
                    ? exchanges->len - limits->window_exchanges : 0;
  first_in_window = MAX (first_in_window, first_uncovered);

  /* The budget: the context less the reply, the system part, the
   * summary and the new message. */
  budget = limits->context_tokens - limits->reply_tokens;
  used = message_tokens (system) + message_tokens (summary) + message_tokens (new_message);

  for (guint i = first_in_window; i < exchanges->len; i++)
    used += exchange_tokens (&g_array_index (exchanges, Exchange, i));

  /* When even the window does not fit, its oldest exchanges join the
   * summary (keeping at least the newest one, however long). */
  while (used > budget && first_in_window + 1 < exchanges->len)
    {
      used -= exchange_tokens (&g_array_index (exchanges, Exchange, first_in_window));
      first_in_window++;
    }

  for (guint i = first_uncovered; i < first_in_window; i++)
    {
      Exchange *exchange = &g_array_index (exchanges, Exchange, i);

      add_to_fold (self->to_fold, STEWARD_MESSAGE_ROLE_USER, steward_message_get_content (exchange->user));
      if (exchange->reply != NULL)
        add_to_fold (self->to_fold, STEWARD_MESSAGE_ROLE_ASSISTANT,
                     steward_message_get_content (exchange->reply));
      self->fold_through = exchange_last_id (exchange);
    }

  if (summary != NULL && summary[0] != '\0')
    {
      if (system_part->len > 0)
        g_string_append (system_part, "\n\n");
      g_string_append (system_part, "Summary of the earlier part of this conversation:\n");
      g_string_append (system_part, summary);
    }

  self->request = steward_chat_request_new (model);
  self->request->max_tokens = limits->reply_tokens;
  steward_chat_request_set_system (self->request, system_part->str);

  for (guint i = first_in_window; i < exchanges->len; i++)
    {
      Exchange *exchange = &g_array_index (exchanges, Exchange, i);

      GListModel *attachments = steward_message_get_attachments (exchange->user);

      steward_chat_request_add_message (self->request, STEWARD_MESSAGE_ROLE_USER,
                                        steward_message_get_content (exchange->user));
      for (guint j = 0; j < g_list_model_get_n_items (attachments); j++)
        {
          g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, j);

          steward_chat_request_attach (self->request, attachment);
        }
      if (exchange->reply != NULL)
        steward_chat_request_add_message (self->request, STEWARD_MESSAGE_ROLE_ASSISTANT,
                                          steward_message_get_content (exchange->reply));
    }

  steward_chat_request_add_message (self->request, STEWARD_MESSAGE_ROLE_USER, new_message);
  self->estimated_tokens = used;

  return self;
}

void
steward_context_free (StewardContext *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->request, steward_chat_request_free);
  g_clear_pointer (&self->to_fold, g_ptr_array_unref);
  g_free (self);
}
