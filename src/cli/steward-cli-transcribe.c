/* steward-cli-transcribe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"
#include "steward-transcriber.h"

/* steward-cli transcribe FILE [--json]: speech to text with the provider
 * and model of the voice.* settings. */

typedef struct
{
  GMainLoop         *loop;
  StewardTranscript *transcript;
  GError            *error;
} Wait;

static void
transcribed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Wait *wait = user_data;

  wait->transcript = steward_transcriber_transcribe_finish (STEWARD_TRANSCRIBER (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
print_transcript (StewardCliContext       *ctx,
                  const StewardTranscript *transcript)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      _steward_cli_add_string_member (builder, "text", transcript->text);
      _steward_cli_add_string_member (builder, "language", transcript->language);
      json_builder_set_member_name (builder, "duration");
      if (transcript->duration >= 0)
        json_builder_add_double_value (builder, transcript->duration);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else
    {
      _steward_cli_print_text (transcript->text);
      _steward_cli_print_text ("\n");
    }
}

int
_steward_cli_transcribe (StewardCliContext *ctx)
{
  g_autoptr(StewardTranscriber) transcriber = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GFile) file = NULL;
  Wait wait = { 0 };
  int status;

  if (!_steward_cli_check_args (ctx, "transcribe", 1, 1, &status))
    return status;

  if (!_steward_cli_open_store (ctx))
    return STEWARD_CLI_EXIT_FAILURE;

  file = _steward_cli_file_new (_steward_cli_arg (ctx, 0));
  transcriber = steward_transcriber_new (_steward_cli_get_services (ctx));
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  steward_transcriber_transcribe_async (transcriber, file, NULL, transcribed_cb, &wait);
  g_main_loop_run (loop);

  if (wait.error != NULL)
    {
      status = _steward_cli_fail_error (wait.error);
      g_error_free (wait.error);
      return status;
    }

  print_transcript (ctx, wait.transcript);
  steward_transcript_free (wait.transcript);

  return EXIT_SUCCESS;
}
