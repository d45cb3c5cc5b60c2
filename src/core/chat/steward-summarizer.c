/* steward-summarizer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-private.h"

/* Folding the exchanges that leave a conversation's window into its
 * rolling summary. The prompt is written for the model, in English. */

static const char summarize_prompt[] =
  "You keep a running summary of a conversation between a user and an assistant. "
  "Merge the previous summary with the new exchanges into one concise summary of "
  "at most 200 words that keeps names, facts, decisions, preferences and open "
  "questions. Reply with the summary only.";

typedef struct
{
  StewardStore *store;
  gint64        conversation_id;
  gint64        fold_through;
} SummarizeData;

static void
summarize_data_free (gpointer data)
{
  SummarizeData *sd = data;

  g_clear_object (&sd->store);
  g_free (sd);
}

static void
summarize_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SummarizeData *sd = g_task_get_task_data (task);
  g_autofree char *summary = NULL;
  GError *error = NULL;

  if (!(summary = _steward_complete_finish (result, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  g_strstrip (summary);
  if (summary[0] == '\0')
    {
      g_task_return_new_error (task, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                               _("The model sent an empty summary."));
      return;
    }

  if (!steward_store_set_summary (sd->store, sd->conversation_id, summary, sd->fold_through, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
append_exchange_text (GString            *out,
                      StewardMessageRole  role,
                      const char         *content)
{
  g_string_append_printf (out, "%s: %s\n\n",
                          role == STEWARD_MESSAGE_ROLE_USER ? "User" : "Assistant",
                          content);
}

/* Folds @to_fold (StewardChatMessage, oldest first) into the rolling
 * summary, which then covers the conversation through @fold_through. */
void
_steward_summarize_async (StewardStore        *store,
                          StewardSettings     *settings,
                          StewardProviderRegistry *providers,
                          SoupSession         *session,
                          StewardProvider     *fallback_provider,
                          const char          *fallback_model,
                          gint64               conversation_id,
                          const char          *old_summary,
                          GPtrArray           *to_fold,
                          gint64               fold_through,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *prefix = NULL;
  GError *error = NULL;
  SummarizeData *sd = g_new0 (SummarizeData, 1);

  g_task_set_source_tag (task, _steward_summarize_async);
  sd->store = g_object_ref (store);
  sd->conversation_id = conversation_id;
  sd->fold_through = fold_through;
  g_task_set_task_data (task, sd, summarize_data_free);

  prefix = g_strdup_printf ("Previous summary:\n%s\n\nNew exchanges:\n\n",
                            old_summary && old_summary[0] ? old_summary : "(none)");
  for (guint i = 0; i < to_fold->len; i++)
    {
      const StewardChatMessage *message = g_ptr_array_index (to_fold, i);

      append_exchange_text (text, message->role, message->content);
    }

  /* The previous summary whole, and the newest exchanges before the
   * oldest: nothing is folded if nothing fits. */
  if (!_steward_complete_small (store, settings, providers, session, fallback_provider, fallback_model, summarize_prompt, prefix, text, 0.25,
                       cancellable, summarize_cb, task, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_steal_pointer (&task);
}

gboolean
_steward_summarize_finish (GAsyncResult  *result,
                           GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}
