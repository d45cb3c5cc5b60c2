/* steward-reply-decoder.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-provider"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-json-guard.h"
#include "steward-line-reader.h"
#include "steward-provider-private.h"
#include "steward-sse-parser.h"

/* A reply body, whole or piece by piece, turned into a StewardReply: the
 * framing (SSE, NDJSON or one JSON document) is shared, each kind maps
 * its own events. Every piece of outside text is bounded and every JSON
 * document goes through steward_json_load_untrusted(). */

struct _StewardReplyDecoder
{
  StewardProvider   *provider;
  StewardReply      *reply;
  StewardSseParser  *sse;
  StewardLineReader *lines;
  GByteArray        *whole;
  JsonParser        *parser;
};

static gboolean
decode_json (StewardReplyDecoder  *self,
             const char           *event,
             const char           *data,
             gsize                 len,
             GError              **error)
{
  StewardProviderClass *klass = STEWARD_PROVIDER_GET_CLASS (self->provider);
  g_autoptr(GError) local_error = NULL;

  if (!steward_json_load_untrusted (self->parser, data, len, &local_error))
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                   _("%s sent a reply Steward cannot read (%s)."),
                   steward_provider_get_name (self->provider), local_error->message);
      return FALSE;
    }

  /* Every kind's events and responses are objects; anything else would
   * reach the kind's code as nothing at all. */
  if (_steward_json_object (json_parser_get_root (self->parser)) == NULL)
    {
      g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE,
                   _("%s sent a reply Steward cannot read (%s)."),
                   steward_provider_get_name (self->provider), _("a part of it is not a JSON object"));
      return FALSE;
    }

  if (event == NULL)
    return klass->handle_response (self->provider, self->reply,
                                   json_parser_get_root (self->parser), error);

  return klass->handle_event (self->provider, self->reply, event,
                              json_parser_get_root (self->parser), error);
}

static gboolean
sse_event_cb (const char  *event,
              const char  *data,
              gpointer     user_data,
              GError     **error)
{
  StewardReplyDecoder *self = user_data;
  g_autofree char *trimmed = g_strstrip (g_strdup (data));

  if (trimmed[0] == '\0')
    return TRUE;

  /* OpenAI's end of stream */
  if (g_str_equal (trimmed, "[DONE]"))
    {
      steward_reply_set_done (self->reply);
      return TRUE;
    }

  return decode_json (self, event, trimmed, strlen (trimmed), error);
}

static gboolean
ndjson_line_cb (const char  *line,
                gsize        len,
                gpointer     user_data,
                GError     **error)
{
  StewardReplyDecoder *self = user_data;
  gsize i;

  for (i = 0; i < len && g_ascii_isspace (line[i]); i++)
    ;
  if (i == len)
    return TRUE;

  return decode_json (self, "message", line, len, error);
}

StewardReplyDecoder *
steward_reply_decoder_new (StewardProvider *provider,
                           StewardReply    *reply,
                           gboolean         stream)
{
  StewardReplyDecoder *self;

  g_return_val_if_fail (STEWARD_IS_PROVIDER (provider), NULL);
  g_return_val_if_fail (STEWARD_IS_REPLY (reply), NULL);

  self = g_new0 (StewardReplyDecoder, 1);
  self->provider = g_object_ref (provider);
  self->reply = g_object_ref (reply);
  self->parser = json_parser_new_immutable ();

  if (!stream)
    self->whole = g_byte_array_new ();
  else if (STEWARD_PROVIDER_GET_CLASS (provider)->framing == STEWARD_FRAMING_SSE)
    self->sse = steward_sse_parser_new (sse_event_cb, self);
  else
    self->lines = steward_line_reader_new (ndjson_line_cb, self);

  return self;
}

void
steward_reply_decoder_free (StewardReplyDecoder *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->provider);
  g_clear_object (&self->reply);
  g_clear_object (&self->parser);
  g_clear_pointer (&self->sse, steward_sse_parser_free);
  g_clear_pointer (&self->lines, steward_line_reader_free);
  g_clear_pointer (&self->whole, g_byte_array_unref);
  g_free (self);
}

gboolean
steward_reply_decoder_feed (StewardReplyDecoder  *self,
                            const char           *data,
                            gsize                 len,
                            GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->sse)
    {
      ok = steward_sse_parser_feed (self->sse, data, len, &local_error);
    }
  else if (self->lines)
    {
      ok = steward_line_reader_feed (self->lines, data, len, &local_error);
    }
  else if (self->whole->len + len > STEWARD_PROVIDER_MAX_BODY)
    {
      ok = FALSE;
      g_set_error (&local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("the reply is longer than %u MB"), STEWARD_PROVIDER_MAX_BODY / (1024 * 1024));
    }
  else
    {
      g_byte_array_append (self->whole, (const guint8 *)data, len);
      ok = TRUE;
    }

  if (ok)
    return TRUE;

  /* A line or an event without end: one sentence naming who sent it. */
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE))
    g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TOO_LONG,
                 _("%s sent more than Steward reads at once (%s); the reply was stopped."),
                 steward_provider_get_name (self->provider), local_error->message);
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

gboolean
steward_reply_decoder_finish (StewardReplyDecoder  *self,
                              GError              **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->sse)
    {
      if (!steward_sse_parser_finish (self->sse, error))
        return FALSE;
    }
  else if (self->lines)
    {
      if (!steward_line_reader_finish (self->lines, error))
        return FALSE;
    }
  else
    {
      if (!decode_json (self, NULL, (const char *)self->whole->data, self->whole->len, error))
        return FALSE;
      steward_reply_set_done (self->reply);
    }

  /* Gemini has no end-of-stream event: a clean end after a finish
   * reason is a complete reply. A stream that just stops is not. */
  if (steward_reply_get_finish_reason (self->reply) != NULL)
    steward_reply_set_done (self->reply);

  steward_reply_ensure_tool_call_ids (self->reply);

  return TRUE;
}
