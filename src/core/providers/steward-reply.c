/* steward-reply.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-reply"

#include "config.h"

#include <string.h>

#include "steward-redact.h"
#include "steward-reply.h"

/* What a model sent back, assembled from a stream's pieces (or one whole
 * response): text, tool calls, token usage. "text-delta" is emitted for
 * each piece of text as it arrives, so callers can show it at once. */
struct _StewardReply
{
  GObject    parent_instance;

  GString   *text;
  GPtrArray *tool_calls;
  char      *finish_reason;
  char      *model;
  gint64     input_tokens;
  gint64     output_tokens;
  gint64     latency_ms;
  /* Bytes of reasoning seen: shown nowhere, but progress all the same */
  guint64    reasoning_size;
  /* The key the request carried: never part of the text. Text that may
   * be the start of it waits in @held until the next piece tells. */
  char      *secret;
  GString   *held;
  guint      done : 1;
};

G_DEFINE_FINAL_TYPE (StewardReply, steward_reply, G_TYPE_OBJECT)

enum {
  TEXT_DELTA,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
tool_call_free (gpointer data)
{
  StewardToolCall *call = data;

  g_free (call->id);
  g_free (call->name);
  g_string_free (call->arguments, TRUE);
  g_free (call);
}

static void
steward_reply_finalize (GObject *object)
{
  StewardReply *self = (StewardReply *)object;

  g_string_free (self->text, TRUE);
  g_string_free (self->held, TRUE);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_clear_pointer (&self->secret, g_free);
  g_clear_pointer (&self->tool_calls, g_ptr_array_unref);
  g_clear_pointer (&self->finish_reason, g_free);
  g_clear_pointer (&self->model, g_free);

  G_OBJECT_CLASS (steward_reply_parent_class)->finalize (object);
}

static void
steward_reply_class_init (StewardReplyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_reply_finalize;

  signals[TEXT_DELTA] =
    g_signal_new ("text-delta",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
steward_reply_init (StewardReply *self)
{
  self->text = g_string_new (NULL);
  self->held = g_string_new (NULL);
  self->tool_calls = g_ptr_array_new_with_free_func (tool_call_free);
  self->input_tokens = -1;
  self->output_tokens = -1;
  self->latency_ms = -1;
}

StewardReply *
steward_reply_new (void)
{
  return g_object_new (STEWARD_TYPE_REPLY, NULL);
}

const char *
steward_reply_get_text (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), NULL);

  return self->text->str;
}

static void
emit_text (StewardReply *self,
           const char   *text,
           gsize         len)
{
  g_autofree char *copy = NULL;

  if (len == 0)
    return;

  /* Most pieces are whole strings already: copied only when cut. */
  if (text[len] != '\0')
    text = copy = g_strndup (text, len);

  g_string_append_len (self->text, text, len);
  g_signal_emit (self, signals[TEXT_DELTA], 0, text);
}

/* The longest end of @text that begins @secret */
static gsize
secret_prefix_at_end (const char *text,
                      gsize       len,
                      const char *secret)
{
  gsize secret_len = strlen (secret);

  for (gsize n = MIN (len, secret_len - 1); n > 0; n--)
    if (memcmp (text + len - n, secret, n) == 0)
      return n;

  return 0;
}

void
steward_reply_append_text (StewardReply *self,
                           const char   *text)
{
  gsize keep;

  g_return_if_fail (STEWARD_IS_REPLY (self));

  if (text == NULL || text[0] == '\0')
    return;

  if (self->secret == NULL)
    {
      emit_text (self, text, strlen (text));
      return;
    }

  g_string_append (self->held, text);
  if (strstr (self->held->str, self->secret) != NULL)
    {
      g_auto(GStrv) pieces = g_strsplit (self->held->str, self->secret, -1);
      g_autofree char *redacted = g_strjoinv (STEWARD_REDACTED, pieces);

      g_string_assign (self->held, redacted);
    }

  /* The key is ASCII: what is held back starts on a character boundary. */
  keep = secret_prefix_at_end (self->held->str, self->held->len, self->secret);
  emit_text (self, self->held->str, self->held->len - keep);
  g_string_erase (self->held, 0, self->held->len - keep);
}

/**
 * steward_reply_set_secret:
 * @secret: (nullable): the key sent with the request
 *
 * A provider (or whoever answers for it) may echo the key it was sent:
 * from here on the key never becomes part of the text, even split
 * across pieces. Call steward_reply_flush() when the reply ends.
 */
void
steward_reply_set_secret (StewardReply *self,
                          const char   *secret)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  g_clear_pointer (&self->secret, g_free);
  if (secret != NULL && strlen (secret) >= 4)
    self->secret = g_strdup (secret);
}

/**
 * steward_reply_flush:
 *
 * Hands over text held back because it might have begun the key.
 */
void
steward_reply_flush (StewardReply *self)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  emit_text (self, self->held->str, self->held->len);
  g_string_truncate (self->held, 0);
}

/* Whether anything was shown to the user: after that, a failed request
 * is never retried behind their back. */
gboolean
steward_reply_has_content (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), FALSE);

  return self->text->len > 0 || self->tool_calls->len > 0;
}

guint
steward_reply_get_n_tool_calls (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), 0);

  return self->tool_calls->len;
}

StewardToolCall *
steward_reply_get_tool_call (StewardReply *self,
                             guint         position)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), NULL);
  g_return_val_if_fail (position < self->tool_calls->len, NULL);

  return g_ptr_array_index (self->tool_calls, position);
}

/**
 * steward_reply_ensure_tool_call:
 * @index: the provider's index for the call, or -1 for a new call
 *
 * Returns: (transfer none): the call with @index, created when new
 */
StewardToolCall *
steward_reply_ensure_tool_call (StewardReply *self,
                                gint          index)
{
  StewardToolCall *call;

  g_return_val_if_fail (STEWARD_IS_REPLY (self), NULL);

  if (index >= 0)
    {
      for (guint i = 0; i < self->tool_calls->len; i++)
        {
          call = g_ptr_array_index (self->tool_calls, i);
          if (call->index == index)
            return call;
        }
    }
  else
    {
      index = self->tool_calls->len;
    }

  call = g_new0 (StewardToolCall, 1);
  call->index = index;
  call->arguments = g_string_new (NULL);
  g_ptr_array_add (self->tool_calls, call);

  return call;
}

/**
 * steward_reply_note_reasoning:
 * @len: bytes of reasoning ("thinking") that arrived
 *
 * Reasoning is not kept yet, but a model that thinks for a long time is
 * making progress: steward_reply_get_size() counts it.
 */
void
steward_reply_note_reasoning (StewardReply *self,
                              gsize         len)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  self->reasoning_size += len;
}

/**
 * steward_reply_get_size:
 *
 * Returns: the bytes of everything the model produced so far — text,
 *   tool calls and reasoning: grows exactly when the reply makes
 *   progress
 */
guint64
steward_reply_get_size (StewardReply *self)
{
  guint64 size;

  g_return_val_if_fail (STEWARD_IS_REPLY (self), 0);

  size = self->text->len + self->reasoning_size;
  for (guint i = 0; i < self->tool_calls->len; i++)
    {
      StewardToolCall *call = g_ptr_array_index (self->tool_calls, i);

      size += 1 + (call->name ? strlen (call->name) : 0) + call->arguments->len;
    }

  return size;
}

/* Gemini and Ollama send no call ids; the answer to a call must name one,
 * so Steward makes its own. */
void
steward_reply_ensure_tool_call_ids (StewardReply *self)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  /* A call without a name cannot be run or answered: it is dropped. */
  for (guint i = self->tool_calls->len; i > 0; i--)
    {
      StewardToolCall *call = g_ptr_array_index (self->tool_calls, i - 1);

      if (call->name == NULL || call->name[0] == '\0')
        g_ptr_array_remove_index (self->tool_calls, i - 1);
    }

  for (guint i = 0; i < self->tool_calls->len; i++)
    {
      StewardToolCall *call = g_ptr_array_index (self->tool_calls, i);

      if (call->id == NULL || call->id[0] == '\0')
        {
          g_autofree char *uuid = g_uuid_string_random ();

          g_free (call->id);
          call->id = g_strdup_printf ("call_%s", uuid);
        }
    }
}

/**
 * steward_reply_dup_tool_calls_json:
 *
 * Returns: (transfer full): an array of `{"id", "name", "arguments"}`
 *   objects, `arguments` as a JSON string
 */
JsonNode *
steward_reply_dup_tool_calls_json (StewardReply *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (STEWARD_IS_REPLY (self), NULL);

  json_builder_begin_array (builder);
  for (guint i = 0; i < self->tool_calls->len; i++)
    {
      StewardToolCall *call = g_ptr_array_index (self->tool_calls, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, call->id ? call->id : "");
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, call->name ? call->name : "");
      json_builder_set_member_name (builder, "arguments");
      json_builder_add_string_value (builder, call->arguments->len ? call->arguments->str : "{}");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

gint64
steward_reply_get_input_tokens (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), -1);

  return self->input_tokens;
}

gint64
steward_reply_get_output_tokens (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), -1);

  return self->output_tokens;
}

/* A negative count leaves what is known: providers report input and
 * output tokens in different events. */
void
steward_reply_set_usage (StewardReply *self,
                         gint64        input_tokens,
                         gint64        output_tokens)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  if (input_tokens >= 0)
    self->input_tokens = input_tokens;
  if (output_tokens >= 0)
    self->output_tokens = output_tokens;
}

const char *
steward_reply_get_finish_reason (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), NULL);

  return self->finish_reason;
}

void
steward_reply_set_finish_reason (StewardReply *self,
                                 const char   *finish_reason)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  if (finish_reason == NULL)
    return;

  g_free (self->finish_reason);
  self->finish_reason = g_strdup (finish_reason);
}

const char *
steward_reply_get_model (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), NULL);

  return self->model;
}

void
steward_reply_set_model (StewardReply *self,
                         const char   *model)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  if (model == NULL || g_strcmp0 (model, self->model) == 0)
    return;

  g_free (self->model);
  self->model = g_strdup (model);
}

/* Milliseconds from sending the request to the first byte of the reply:
 * what the user waits before anything moves. */
gint64
steward_reply_get_latency_ms (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), -1);

  return self->latency_ms;
}

void
steward_reply_set_latency_ms (StewardReply *self,
                              gint64        latency_ms)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  self->latency_ms = latency_ms;
}

gboolean
steward_reply_get_done (StewardReply *self)
{
  g_return_val_if_fail (STEWARD_IS_REPLY (self), FALSE);

  return self->done;
}

void
steward_reply_set_done (StewardReply *self)
{
  g_return_if_fail (STEWARD_IS_REPLY (self));

  self->done = TRUE;
}
