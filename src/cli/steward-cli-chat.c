/* steward-cli-chat.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>
#include <stdio.h>

#include "steward-cli-private.h"
#include "steward-enum-types.h"

typedef struct
{
  GMainLoop    *loop;
  GCancellable *cancellable;
  GError       *error;
  GPtrArray    *remembered;
  gboolean      printed;
  gboolean      json;
} ChatRun;

static void
remembered_cb (StewardChatTurn *turn,
               GPtrArray       *memories,
               ChatRun         *run)
{
  for (guint i = 0; i < memories->len; i++)
    {
      StewardMemory *memory = g_ptr_array_index (memories, i);

      g_ptr_array_add (run->remembered, g_object_ref (memory));

      /* As the app's "Remembered" toast with its Undo: said when it
       * happens, on standard error, so the reply alone is the output.
       * With --json it is part of the result. */
      if (run->json)
        continue;

      /* Translators: said in a chat for each fact Steward remembered; the
       * command in brackets forgets it again and stays untranslated */
      {
        /* The id as text: xgettext cannot see through G_GINT64_FORMAT. */
        g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, steward_memory_get_id (memory));

        _steward_cli_say (_("Remembered: %s (steward-cli memory forget %s)"),
                          steward_memory_get_text (memory), id);
      }
    }
}

static void
remember_refused_cb (StewardChatTurn *turn,
                     const char      *fact,
                     ChatRun         *run)
{
  g_autofree char *quoted = g_shell_quote (fact);

  /* Translators: %s is a fact the user asked Steward to forget earlier,
   * then %s the same fact quoted for the shell; the command stays
   * untranslated */
  _steward_cli_say (_("Not remembered: you asked Steward to forget “%s” (steward-cli memory add %s remembers it)"),
                    fact, quoted);
}

static void
follow_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  ChatRun *run = user_data;
  g_autoptr(GError) error = NULL;

  /* The reply is complete and stored; a summary or a fact that could not
   * be made is made after a later exchange. */
  if (!steward_chat_turn_follow_up_finish (STEWARD_CHAT_TURN (object), result, &error))
    g_debug ("Follow-up after the reply failed: %s", error->message);

  g_main_loop_quit (run->loop);
}

static void
text_delta_cb (StewardReply *reply,
               const char   *text,
               ChatRun      *run)
{
  /* Each piece goes out as it arrives. */
  _steward_cli_print_text (text);
  _steward_cli_flush ();
  run->printed = TRUE;
}

static void
turn_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  ChatRun *run = user_data;

  steward_chat_turn_run_finish (STEWARD_CHAT_TURN (object), result, &run->error);
  g_main_loop_quit (run->loop);
}

static gboolean
interrupt_cb (gpointer user_data)
{
  ChatRun *run = user_data;

  /* Stop: what arrived is kept and the reply is marked interrupted. */
  g_cancellable_cancel (run->cancellable);

  return G_SOURCE_CONTINUE;
}

static void
add_usage (JsonBuilder  *builder,
           StewardReply *reply)
{
  gint64 in = steward_reply_get_input_tokens (reply);
  gint64 out = steward_reply_get_output_tokens (reply);

  json_builder_set_member_name (builder, "usage");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "input_tokens");
  if (in >= 0)
    json_builder_add_int_value (builder, in);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "output_tokens");
  if (out >= 0)
    json_builder_add_int_value (builder, out);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

/* All of standard input as text: a NUL byte or bytes that are not UTF-8
 * become U+FFFD, and nothing after them is lost. */
static char *
read_all_stdin (void)
{
  g_autoptr(GString) data = g_string_new (NULL);
  char buffer[4096];
  size_t n;

  while ((n = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (data, buffer, n);

  return _steward_cli_dup_text (data->str, data->len);
}

int
_steward_cli_chat (StewardCliContext *ctx)
{
  g_autoptr(StewardChatTurn) turn = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GCancellable) cancellable = NULL;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  g_autoptr(GPtrArray) attach = g_ptr_array_new ();
  const char *conversation = NULL;
  const char *tier = NULL;
  const char *provider = NULL;
  const char *model = NULL;
  ChatRun run = { 0 };
  StewardStore *store;
  gint64 conversation_id = 0;
  guint sigint_source;
  int status;

  /* --attach FILE, as often as there are files */
  for (const char *file = NULL;; file = NULL)
    {
      if (!_steward_cli_take_value (ctx, "--attach", &file, &status))
        return status;
      if (file == NULL)
        break;
      g_ptr_array_add (attach, (char *) file);
    }

  if (!_steward_cli_take_value (ctx, "--conversation", &conversation, &status) ||
      !_steward_cli_take_value (ctx, "--tier", &tier, &status) ||
      !_steward_cli_take_value (ctx, "--provider", &provider, &status) ||
      !_steward_cli_take_value (ctx, "--model", &model, &status))
    return status;

  /* "chat" itself is no subcommand: put a placeholder where one stands. */
  g_ptr_array_insert (ctx->args, 0, (char *)"chat");
  if (!_steward_cli_check_args (ctx, "chat", 2, G_MAXUINT, &status))
    return status;

  if (tier != NULL && provider != NULL)
    return _steward_cli_usage (_("Choose either --tier or --provider, not both."));
  if (model != NULL && provider == NULL)
    return _steward_cli_usage (_("--model goes with --provider."));
  if (conversation != NULL &&
      !g_ascii_string_to_signed (conversation, 10, 1, G_MAXINT64, &conversation_id, NULL))
    return _steward_cli_usage (_("“%s” is not a conversation id."), conversation);

  if (ctx->args->len == 2 && g_str_equal (_steward_cli_arg (ctx, 1), "-"))
    text = read_all_stdin ();
  else
    text = _steward_cli_join_text (ctx, 1);

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    return _steward_cli_usage (_("The message is empty."));

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  turn = steward_chat_turn_new (_steward_cli_get_services (ctx), text);

  /* Every file is attached before anything is sent: one refused, and
   * the message is not sent at all */
  {
    g_autoptr(GFile) directory = steward_store_dup_attachments_dir (store);

    for (guint i = 0; i < attach->len; i++)
      {
        g_autoptr(GFile) file = g_file_new_for_commandline_arg (g_ptr_array_index (attach, i));
        g_autoptr(StewardAttachment) attachment = NULL;
        g_autoptr(GError) error = NULL;

        if (!(attachment = steward_attachment_import_file (file, directory, NULL, &error)))
          return _steward_cli_fail_error (error);
        steward_chat_turn_add_attachment (turn, attachment);
      }
  }
  steward_chat_turn_set_conversation_id (turn, conversation_id);
  if (tier != NULL)
    steward_chat_turn_set_tier (turn, _steward_cli_text (ctx, tier));
  if (provider != NULL)
    steward_chat_turn_set_provider (turn, _steward_cli_text (ctx, provider), _steward_cli_text (ctx, model));

  loop = g_main_loop_new (NULL, FALSE);
  cancellable = g_cancellable_new ();
  run.loop = loop;
  run.cancellable = cancellable;
  run.remembered = g_ptr_array_new_with_free_func (g_object_unref);
  run.json = ctx->json;
  g_signal_connect (turn, "remembered", G_CALLBACK (remembered_cb), &run);
  g_signal_connect (turn, "remember-refused", G_CALLBACK (remember_refused_cb), &run);

  if (!ctx->json)
    g_signal_connect (steward_chat_turn_get_reply (turn), "text-delta",
                      G_CALLBACK (text_delta_cb), &run);

  sigint_source = g_unix_signal_add (SIGINT, interrupt_cb, &run);
  steward_chat_turn_run_async (turn, cancellable, turn_cb, &run);
  g_main_loop_run (loop);

  if (run.printed)
    {
      _steward_cli_write ("\n", 1);
      _steward_cli_flush ();
    }

  /* Wait for the summary and the facts this exchange leads to, so a
   * script's next command sees them. */
  if (run.error == NULL)
    {
      steward_chat_turn_follow_up_async (turn, cancellable, follow_up_cb, &run);
      g_main_loop_run (loop);
    }
  g_source_remove (sigint_source);

  if (ctx->json && steward_chat_turn_get_reply_message_id (turn) != 0)
    {
      StewardReply *reply = steward_chat_turn_get_reply (turn);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "conversation_id");
      json_builder_add_int_value (builder, steward_chat_turn_get_conversation_id (turn));
      json_builder_set_member_name (builder, "message_id");
      json_builder_add_int_value (builder, steward_chat_turn_get_reply_message_id (turn));
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, steward_enum_to_nick (STEWARD_TYPE_MESSAGE_STATUS,
                                                                    steward_chat_turn_get_status (turn)));
      json_builder_set_member_name (builder, "text");
      json_builder_add_string_value (builder, steward_reply_get_text (reply));
      add_usage (builder, reply);
      json_builder_set_member_name (builder, "remembered");
      json_builder_begin_array (builder);
      for (guint i = 0; i < run.remembered->len; i++)
        json_builder_add_string_value (builder,
                                       steward_memory_get_text (g_ptr_array_index (run.remembered, i)));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }

  g_ptr_array_unref (run.remembered);

  if (run.error != NULL)
    {
      status = _steward_cli_fail_error (run.error);
      g_error_free (run.error);
      return status;
    }

  return EXIT_SUCCESS;
}
