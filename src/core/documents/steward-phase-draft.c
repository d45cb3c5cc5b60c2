/* steward-phase-draft.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase-draft"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-private.h"
#include "steward-context.h"
#include "steward-phase-draft.h"
#include "steward-provider-calls.h"

/* One phase drafted by the model, as a chat reply is written: the prompt
 * carries the project's brief, the phase's instructions, the user's note
 * and what the earlier phases say (whole when they fit the model's
 * context, else the passages of them that best match the phase, found
 * with FTS5, each labelled with its phase). The draft streams into a new
 * version of the phase (reason "generated"), saved as it grows, so Stop
 * or a crash keeps what arrived; text the user typed since the last
 * version is kept as a version of its own first. Nothing is written
 * before the first words arrive: a request that fails leaves the phase
 * as it was. */

/* The longest draft asked for, and a quarter of a small context at most */
#define DRAFT_REPLY_TOKENS      4096
/* Role markers, the request's framing */
#define REQUEST_OVERHEAD_TOKENS 64
/* How often the growing draft is saved */
#define SAVE_INTERVAL_MS        250
/* Passages asked of the search; fewer go in when the context is small */
#define MAX_PASSAGES            60

struct _StewardPhaseDraft
{
  GObject          parent_instance;

  StewardServices *services;
  gint64           phase_id;
  char            *tier;
  char            *note;

  /* While it runs */
  StewardChatRequest *request;
  StewardReply       *reply;
  GTask              *task;
  GString            *text;
  gint64              version_id;
  guint               save_source;
  gulong              delta_id;
  gboolean            used_passages;
};

G_DEFINE_FINAL_TYPE (StewardPhaseDraft, steward_phase_draft, G_TYPE_OBJECT)

enum {
  TEXT_DELTA,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* English: the prompt is for the model, whatever the user's language. */
static const char system_prompt[] =
  "You are drafting one phase of a longer document that is written phase by phase. "
  "Write only the text of this phase, in Markdown: no title heading for the phase itself, "
  "no remarks about the task, no preamble. Build on what the earlier phases say and never "
  "contradict them. Write in the language the brief and the earlier phases are written in.";

static void
steward_phase_draft_finalize (GObject *object)
{
  StewardPhaseDraft *self = (StewardPhaseDraft *)object;

  g_assert (self->task == NULL);
  g_assert (self->save_source == 0);

  g_clear_object (&self->services);
  g_clear_pointer (&self->tier, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->request, steward_chat_request_free);
  g_clear_object (&self->reply);
  g_string_free (self->text, TRUE);

  G_OBJECT_CLASS (steward_phase_draft_parent_class)->finalize (object);
}

static void
steward_phase_draft_class_init (StewardPhaseDraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_phase_draft_finalize;

  /**
   * StewardPhaseDraft::text-delta:
   * @text: the words that arrived
   *
   * The draft grew; they are already in the phase (or will be at the
   * next save, within a quarter of a second).
   */
  signals[TEXT_DELTA] =
    g_signal_new ("text-delta",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
steward_phase_draft_init (StewardPhaseDraft *self)
{
  self->text = g_string_new (NULL);
}

/**
 * steward_phase_draft_new:
 * @tier: "medium" or "large": the model size that writes it
 * @note: (nullable): what the user asks of this draft ("shorter, more
 *   formal")
 *
 * Returns: (transfer full): a draft of phase @phase_id, not yet asked for
 */
StewardPhaseDraft *
steward_phase_draft_new (StewardServices *services,
                         gint64           phase_id,
                         const char      *tier,
                         const char      *note)
{
  StewardPhaseDraft *self;

  g_return_val_if_fail (STEWARD_IS_SERVICES (services), NULL);
  g_return_val_if_fail (tier != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_PHASE_DRAFT, NULL);
  self->services = g_object_ref (services);
  self->phase_id = phase_id;
  self->tier = g_strdup (tier);
  self->note = note != NULL && note[0] != '\0' ? g_strstrip (g_strdup (note)) : NULL;

  return self;
}

gint64
steward_phase_draft_get_phase_id (StewardPhaseDraft *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_DRAFT (self), 0);

  return self->phase_id;
}

const char *
steward_phase_draft_get_text (StewardPhaseDraft *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_DRAFT (self), NULL);

  return self->text->str;
}

gint64
steward_phase_draft_get_version_id (StewardPhaseDraft *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_DRAFT (self), 0);

  return self->version_id;
}

gboolean
steward_phase_draft_get_used_passages (StewardPhaseDraft *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_DRAFT (self), FALSE);

  return self->used_passages;
}

/* -- the prompt ------------------------------------------------------------ */

static void
append_whole (GString    *prompt,
              GListModel *earlier)
{
  g_string_append (prompt, "The earlier phases:\n\n");

  for (guint i = 0; i < g_list_model_get_n_items (earlier); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (earlier, i);
      const char *content = steward_phase_get_content (phase);

      if (content[0] == '\0')
        continue;
      g_string_append_printf (prompt, "<phase number=\"%u\" title=\"%s\">\n%s\n</phase>\n\n",
                              steward_phase_get_number (phase), steward_phase_get_title (phase), content);
    }
}

/* The passages that best match the phase, as many as @budget tokens
 * hold, each labelled with its phase. */
static gboolean
append_passages (StewardPhaseDraft  *self,
                 GString            *prompt,
                 StewardPhase       *phase,
                 gint64              budget,
                 GError            **error)
{
  StewardStore *store = steward_services_get_store (self->services);
  g_autoptr(GPtrArray) passages = NULL;
  g_autofree char *query = NULL;
  gint64 used = 0;
  guint n_used = 0;

  query = g_strjoin (" ", steward_phase_get_title (phase), steward_phase_get_instructions (phase),
                     self->note != NULL ? self->note : "", NULL);
  passages = steward_store_search_phase_passages (store, steward_phase_get_project_id (phase),
                                                  steward_phase_get_position (phase),
                                                  query, MAX_PASSAGES, error);
  if (passages == NULL)
    return FALSE;

  g_string_append (prompt,
                   "The earlier phases are too long to give whole; these are the passages of them "
                   "that matter most for this phase:\n\n");

  for (guint i = 0; i < passages->len; i++)
    {
      StewardPhasePassage *passage = g_ptr_array_index (passages, i);
      g_autofree char *block = g_strdup_printf ("<passage phase=\"%u\" title=\"%s\">\n%s\n</passage>\n\n",
                                                passage->phase_number, passage->phase_title, passage->text);
      gint64 tokens = steward_estimate_tokens (block);

      if (used + tokens > budget)
        continue;
      g_string_append (prompt, block);
      used += tokens;
      n_used++;
    }

  if (n_used == 0)
    g_string_append (prompt, "(No passage of them fits.)\n\n");

  self->used_passages = TRUE;

  return TRUE;
}

/* The user message: the project, the earlier phases, the phase to write
 * and the note; %NULL with @error set when even the phase's own part
 * does not fit the model's context. */
static char *
build_prompt (StewardPhaseDraft  *self,
              StewardProject     *project,
              StewardPhase       *phase,
              guint               n_phases,
              GListModel         *earlier,
              const char         *model,
              gint64              context_tokens,
              gint64              reply_tokens,
              GError            **error)
{
  g_autoptr(GString) head = g_string_new (NULL);
  g_autoptr(GString) tail = g_string_new (NULL);
  g_autoptr(GString) whole = g_string_new (NULL);
  const char *brief = steward_project_get_brief (project);
  const char *content = steward_phase_get_content (phase);
  gint64 budget;

  g_string_append_printf (head, "The document: %s\n\n", steward_project_get_name (project));
  if (brief != NULL && brief[0] != '\0')
    g_string_append_printf (head, "Its brief:\n%s\n\n", brief);

  g_string_append_printf (tail, "Write phase %u of %u: %s\n\n",
                          steward_phase_get_number (phase), n_phases, steward_phase_get_title (phase));
  if (steward_phase_get_instructions (phase)[0] != '\0')
    g_string_append_printf (tail, "Its instructions:\n%s\n\n", steward_phase_get_instructions (phase));
  if (content[0] != '\0')
    g_string_append_printf (tail,
                            "The phase's text so far (improve on it, or replace it where the "
                            "instructions or the note ask):\n<current>\n%s\n</current>\n\n",
                            content);
  if (self->note != NULL)
    g_string_append_printf (tail, "A note from the author for this draft: %s\n", self->note);

  budget = context_tokens - reply_tokens - REQUEST_OVERHEAD_TOKENS -
           steward_estimate_tokens (system_prompt) -
           steward_estimate_tokens (head->str) - steward_estimate_tokens (tail->str);
  if (budget < 0)
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_REQUEST,
                   _("The phase and its brief are too long for %s; choose a model with a larger context."),
                   model);
      return NULL;
    }

  if (g_list_model_get_n_items (earlier) > 0)
    {
      append_whole (whole, earlier);
      if (steward_estimate_tokens (whole->str) <= budget)
        g_string_append (head, whole->str);
      else if (!append_passages (self, head, phase, budget, error))
        return NULL;
    }

  g_string_append (head, tail->str);

  return g_string_free (g_steal_pointer (&head), FALSE);
}

/* -- streaming into a version ---------------------------------------------- */

static gboolean
save_draft (StewardPhaseDraft  *self,
            GError            **error)
{
  StewardStore *store = steward_services_get_store (self->services);

  if (self->version_id == 0)
    return TRUE;

  return steward_store_grow_phase_version (store, self->version_id, self->text->str, error);
}

static gboolean
save_cb (gpointer user_data)
{
  StewardPhaseDraft *self = user_data;
  g_autoptr(GError) error = NULL;

  self->save_source = 0;
  if (!save_draft (self, &error))
    g_warning ("Could not save the draft as it streams: %s", error->message);

  return G_SOURCE_REMOVE;
}

/* The first words: the user's own text kept as a version if it is not
 * one yet, then a new version for the draft. */
static gboolean
start_version (StewardPhaseDraft  *self,
               GError            **error)
{
  StewardStore *store = steward_services_get_store (self->services);

  return steward_store_keep_phase_text (store, self->phase_id, error) &&
         steward_store_set_phase_content (store, self->phase_id, self->text->str,
                                          STEWARD_VERSION_REASON_GENERATED, NULL,
                                          &self->version_id, error);
}

static void
text_delta_cb (StewardPhaseDraft *self,
               const char        *text,
               StewardReply      *reply)
{
  g_autoptr(GError) error = NULL;

  g_string_append (self->text, text);

  if (self->version_id == 0)
    {
      if (!start_version (self, &error))
        {
          g_warning ("Could not keep the draft: %s", error->message);
          g_cancellable_cancel (g_task_get_cancellable (self->task));
          return;
        }
    }
  else if (self->save_source == 0)
    {
      self->save_source = g_timeout_add (SAVE_INTERVAL_MS, save_cb, self);
    }

  g_signal_emit (self, signals[TEXT_DELTA], 0, text);
}

static void
chat_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(StewardPhaseDraft) self = user_data;
  g_autoptr(GTask) task = g_steal_pointer (&self->task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) save_error = NULL;
  gboolean ok;

  ok = steward_provider_calls_chat_finish (result, &error);

  g_clear_signal_handler (&self->delta_id, self->reply);
  g_clear_handle_id (&self->save_source, g_source_remove);

  /* What arrived is kept, however it ended */
  if (!save_draft (self, &save_error))
    {
      g_task_return_error (task, g_steal_pointer (&save_error));
      return;
    }

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (self->version_id == 0)
    g_task_return_new_error (task, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                             _("The model sent back an empty draft."));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * steward_phase_draft_run_async:
 *
 * Asks the model for the draft and streams it into the phase. Cancelling
 * stops it, keeping what arrived (the result is then
 * %G_IO_ERROR_CANCELLED).
 */
void
steward_phase_draft_run_async (StewardPhaseDraft   *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GCancellable) own_cancellable = NULL;
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GListModel) earlier = NULL;
  g_autoptr(StewardProvider) provider = NULL;
  g_autofree char *model = NULL;
  g_autofree char *prompt = NULL;
  StewardStore *store;
  StewardSettings *settings;
  GError *error = NULL;
  gint64 context_tokens, reply_tokens;

  g_return_if_fail (STEWARD_IS_PHASE_DRAFT (self));
  g_return_if_fail (self->task == NULL);
  g_return_if_fail (self->version_id == 0);

  /* Own cancellable: a failed save stops the stream too */
  own_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  task = g_task_new (self, own_cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_phase_draft_run_async);

  store = steward_services_get_store (self->services);
  settings = steward_services_get_settings (self->services);

  if (store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The store is not open."));
      return;
    }

  if (!(phase = steward_store_find_phase (store, self->phase_id, &error)) ||
      !(project = steward_store_find_project (store, steward_phase_get_project_id (phase), &error)) ||
      !(phases = steward_store_list_phases (store, steward_phase_get_project_id (phase), &error)) ||
      !(earlier = steward_store_list_earlier_phases (store, steward_phase_get_project_id (phase),
                                                     steward_phase_get_position (phase), &error)) ||
      !_steward_resolve_model (store, steward_services_get_providers (self->services), self->tier,
                               NULL, NULL, &provider, &model, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  context_tokens = _steward_context_tokens (store, steward_provider_get_name (provider), model);
  reply_tokens = MIN (DRAFT_REPLY_TOKENS, context_tokens / 4);

  if (!(prompt = build_prompt (self, project, phase, g_list_model_get_n_items (phases), earlier,
                               model, context_tokens, reply_tokens, &error)))
    {
      g_task_return_error (task, error);
      return;
    }

  self->request = steward_chat_request_new (model);
  self->request->max_tokens = reply_tokens;
  self->request->timeout_seconds = (guint)steward_settings_get_int (settings, "chat.response-timeout");
  self->request->deadline_seconds = (guint)steward_settings_get_int (settings, "chat.reply-deadline");
  steward_chat_request_set_system (self->request, system_prompt);
  steward_chat_request_add_message (self->request, STEWARD_MESSAGE_ROLE_USER, prompt);

  self->reply = steward_reply_new ();
  self->delta_id = g_signal_connect_swapped (self->reply, "text-delta", G_CALLBACK (text_delta_cb), self);
  self->task = g_object_ref (task);

  steward_provider_calls_chat_async (provider, steward_services_get_session (self->services),
                                     self->request, self->reply, own_cancellable,
                                     chat_cb, g_object_ref (self));
}

gboolean
steward_phase_draft_run_finish (StewardPhaseDraft  *self,
                                GAsyncResult       *result,
                                GError            **error)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_DRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
