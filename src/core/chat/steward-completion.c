/* steward-completion.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-private.h"
#include "steward-context.h"
#include "steward-provider-calls.h"

/* One request to a model, its whole reply as text: what a turn asks of
 * the small model besides the reply (summaries, facts to remember),
 * fitted to that model's context. */

typedef struct
{
  SoupSession        *session;
  StewardProvider    *provider;
  StewardChatRequest *request;
  StewardReply       *reply;
} CompleteData;

static void
complete_data_free (gpointer data)
{
  CompleteData *cd = data;

  g_clear_object (&cd->session);
  g_clear_object (&cd->provider);
  g_clear_pointer (&cd->request, steward_chat_request_free);
  g_clear_object (&cd->reply);
  g_free (cd);
}

static void
complete_chat_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CompleteData *cd = g_task_get_task_data (task);
  GError *error = NULL;

  if (!steward_provider_calls_chat_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_strdup (steward_reply_get_text (cd->reply)), g_free);
}

/* One request, its whole reply as text. */
void
_steward_complete_async (SoupSession         *session,
                         StewardProvider     *provider,
                         const char          *model,
                         const char          *system,
                         const char          *user_text,
                         gint64               max_tokens,
                         guint                timeout_seconds,
                         guint                deadline_seconds,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  CompleteData *cd = g_new0 (CompleteData, 1);

  g_task_set_source_tag (task, _steward_complete_async);

  cd->session = g_object_ref (session);
  cd->provider = g_object_ref (provider);
  cd->reply = steward_reply_new ();
  cd->request = steward_chat_request_new (model);
  cd->request->max_tokens = max_tokens;
  cd->request->timeout_seconds = timeout_seconds;
  cd->request->deadline_seconds = deadline_seconds;
  steward_chat_request_set_system (cd->request, system);
  steward_chat_request_add_message (cd->request, STEWARD_MESSAGE_ROLE_USER, user_text);
  g_task_set_task_data (task, cd, complete_data_free);

  steward_provider_calls_chat_async (provider, session, cd->request, cd->reply, cancellable,
                                     complete_chat_cb, g_steal_pointer (&task));
}

char *
_steward_complete_finish (GAsyncResult  *result,
                          GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* What a background request may ask the model to write. */
#define BACKGROUND_REPLY_TOKENS 1024
/* The role markers and framing a request adds around its text. */
#define REQUEST_OVERHEAD_TOKENS 16
#define ELISION "\n\n[…]\n\n"

/* Too little room for text to be worth sending. */
#define MIN_TEXT_TOKENS 32

/* How many bytes of @text, from its start or from its end, fit in @budget
 * tokens as steward_estimate_tokens () counts them. */
static gsize
span_within (const char *text,
             gsize       len,
             gint64      budget,
             gboolean    from_end)
{
  const char *end = text + len;
  const char *p = from_end ? end : text;
  gint64 narrow = 0;
  gint64 wide = 0;

  while (from_end ? p > text : p < end)
    {
      const char *next = from_end ? g_utf8_prev_char (p) : g_utf8_next_char (p);
      if (steward_token_char_is_wide (g_utf8_get_char (from_end ? next : p)))
        wide++;
      else
        narrow++;
      if (steward_tokens_for_chars (narrow, wide) > budget)
        break;
      p = next;
    }

  return from_end ? (gsize) (end - p) : (gsize) (p - text);
}

/* Leaves out the middle of @text so that it fits in @budget tokens, the
 * first @head_share of what is kept from its start, the rest from its
 * end. Returns %FALSE when the budget is too small to keep anything
 * worth sending. */
static gboolean
elide_to_fit (GString *text,
              gint64   budget,
              double   head_share)
{
  g_autoptr(GString) kept = NULL;
  gint64 head_budget;
  gsize head, tail;

  if (steward_estimate_tokens (text->str) <= budget)
    return TRUE;

  /* Counted apart, the parts may round up by a token each. */
  budget -= steward_estimate_tokens (ELISION) + 2;
  if (budget < MIN_TEXT_TOKENS)
    return FALSE;

  head_budget = (gint64) (budget * head_share);
  head = span_within (text->str, text->len, head_budget, FALSE);
  tail = span_within (text->str + head, text->len - head, budget - head_budget, TRUE);

  kept = g_string_new_len (text->str, head);
  g_string_append (kept, ELISION);
  g_string_append_len (kept, text->str + text->len - tail, tail);
  g_string_assign (text, kept->str);

  return TRUE;
}

/* Sends @prefix and @text with @system to the small model, fitted to its
 * context size (the model's own, else the default): its reply may take a
 * quarter of the context at most, and the middle of @text is left out if
 * the rest does not fit (@head_share of what is kept comes from its
 * start). Returns %FALSE, with @error set and nothing sent, when the
 * context is too small. */
gboolean
_steward_complete_small (StewardStore         *store,
                StewardSettings      *settings,
                StewardProviderRegistry *providers,
                SoupSession          *session,
                StewardProvider      *fallback_provider,
                const char           *fallback_model,
                const char           *system,
                const char           *prefix,
                GString              *text,
                double                head_share,
                GCancellable         *cancellable,
                GAsyncReadyCallback   callback,
                gpointer              user_data,
                GError              **error)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autofree char *model = NULL;
  gint64 context_tokens, reply_tokens, budget;

  _steward_small_model (store, providers, fallback_provider, fallback_model, &provider, &model);

  context_tokens = _steward_context_tokens (store, steward_provider_get_name (provider), model);
  reply_tokens = MIN (BACKGROUND_REPLY_TOKENS, context_tokens / 4);
  budget = context_tokens - reply_tokens - steward_estimate_tokens (system) -
           steward_estimate_tokens (prefix) - REQUEST_OVERHEAD_TOKENS;
  if (!elide_to_fit (text, budget, head_share))
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_REQUEST,
                   _("The context of %s is too small for this request."), model);
      return FALSE;
    }

  g_string_prepend (text, prefix);
  _steward_complete_async (session, provider, model, system, text->str, reply_tokens,
                           (guint) steward_settings_get_int (settings, "chat.response-timeout"),
                           (guint) steward_settings_get_int (settings, "chat.reply-deadline"),
                           cancellable, callback, user_data);
  return TRUE;
}
