/* fuzz-decoder.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-harness.h"
#include "steward-provider.h"

/* One provider kind's reply decoder, built once per kind and mode:
 * FUZZ_KIND is "openai", "anthropic", "gemini" or "ollama"; FUZZ_STREAM
 * is 1 for a streamed body (SSE or NDJSON, as the kind frames it) and 0
 * for a whole JSON body.
 *
 * What comes out must be valid UTF-8 (it is stored, and shown in GTK
 * labels), and a streamed reply must not depend on where the network
 * cut it: the input is decoded in the pieces its first byte chooses and
 * in one piece, and both must give the same reply. */

#ifndef FUZZ_KIND
# error "FUZZ_KIND must name a provider kind"
#endif
#ifndef FUZZ_STREAM
# error "FUZZ_STREAM must be 0 or 1"
#endif

static StewardProvider *provider;
/* Ids Steward makes for calls that came without one are random. */
static GRegex *generated_ids;

/* Everything the chat engine reads from a reply, as one string. */
static char *
describe (StewardReply *reply,
          gboolean      ok,
          const GError *error)
{
  g_autoptr(JsonNode) calls = NULL;
  g_autofree char *calls_text = NULL;
  GString *out = g_string_new (NULL);

  fuzz_check_utf8 ("reply-text", steward_reply_get_text (reply));
  fuzz_check_utf8 ("finish-reason", steward_reply_get_finish_reason (reply));
  fuzz_check_utf8 ("reply-model", steward_reply_get_model (reply));
  if (error != NULL)
    fuzz_check_utf8 ("error-message", error->message);

  for (guint i = 0; i < steward_reply_get_n_tool_calls (reply); i++)
    {
      StewardToolCall *call = steward_reply_get_tool_call (reply, i);

      if (call == NULL)
        fuzz_fail ("tool call %u of %u is missing", i, steward_reply_get_n_tool_calls (reply));
      fuzz_check_utf8 ("tool-call-id", call->id);
      fuzz_check_utf8 ("tool-call-name", call->name);
      if (call->arguments != NULL)
        fuzz_check_utf8 ("tool-call-arguments", call->arguments->str);
    }

  calls = steward_reply_dup_tool_calls_json (reply);
  if (calls != NULL)
    {
      calls_text = json_to_string (calls, FALSE);
      fuzz_check_utf8 ("tool-calls-json", calls_text);
    }

  if (calls_text != NULL)
    {
      char *masked = g_regex_replace_literal (generated_ids, calls_text, -1, 0, "\"call_(made)\"", 0, NULL);

      g_free (calls_text);
      calls_text = masked;
    }

  g_string_append_printf (out, "ok=%d done=%d in=%" G_GINT64_FORMAT " out=%" G_GINT64_FORMAT "\n",
                          ok, steward_reply_get_done (reply),
                          steward_reply_get_input_tokens (reply),
                          steward_reply_get_output_tokens (reply));
  g_string_append_printf (out, "finish=%s model=%s\ntext=%s\ncalls=%s\n",
                          steward_reply_get_finish_reason (reply),
                          steward_reply_get_model (reply),
                          steward_reply_get_text (reply),
                          calls_text);

  return g_string_free (out, FALSE);
}

static char *
decode (FuzzPieces *pieces)
{
  g_autoptr(StewardReply) reply = steward_reply_new ();
  g_autoptr(StewardReplyDecoder) decoder = NULL;
  g_autoptr(GError) error = NULL;
  const char *piece;
  gsize piece_len;
  gboolean ok = TRUE;

  decoder = steward_reply_decoder_new (provider, reply, FUZZ_STREAM);

  while (ok && fuzz_pieces_next (pieces, &piece, &piece_len))
    ok = steward_reply_decoder_feed (decoder, piece, piece_len, &error);
  if (ok)
    ok = steward_reply_decoder_finish (decoder, &error);
  fuzz_pieces_clear (pieces);

  if (!ok && error == NULL)
    fuzz_fail ("the decoder failed without saying why");

  return describe (reply, ok, error);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  fuzz_log_guard_install ();

  generated_ids = g_regex_new ("\"call_[0-9a-f]{8}-[0-9a-f-]{27}\"", G_REGEX_OPTIMIZE, 0, NULL);
  if (!(provider = steward_provider_new (FUZZ_KIND, "Fuzz", &error)))
    fuzz_fail ("no provider of kind %s: %s", FUZZ_KIND, error->message);
  steward_provider_set_model (provider, "fuzz-model");

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *cut = NULL;
  FuzzPieces pieces;

  fuzz_pieces_init (&pieces, data, size);
  cut = decode (&pieces);

  if (FUZZ_STREAM && size > 0 && data[0] != 0)
    {
      g_autofree guint8 *one_piece = g_memdup2 (data, size);
      g_autofree char *whole = NULL;

      one_piece[0] = 0;
      fuzz_pieces_init (&pieces, one_piece, size);
      whole = decode (&pieces);

      if (!g_str_equal (cut, whole))
        fuzz_fail ("the reply depends on where the stream was cut:\n"
                   "-- in pieces --\n%s-- in one piece --\n%s", cut, whole);
    }

  return 0;
}
