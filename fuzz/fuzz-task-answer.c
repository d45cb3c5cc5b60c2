/* fuzz-task-answer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-harness.h"
#include "steward-task-extractor.h"

/* A model's answer to task extraction, read by
 * steward_task_extract_read_reply(). The first byte picks where the rest
 * goes (modulo 3): 0 the arguments of an add_tasks call, 1 the reply's
 * text (a model that ignores tools; made valid UTF-8 first, as the
 * decoders leave it), 2 both; and (divided by 3) the time the text was
 * written. The answer is all or nothing: drafts or one sentence, never
 * both; every draft passes steward_task_draft_validate(), there are at
 * most STEWARD_TASK_EXTRACT_MAX_TASKS, and a due date can be formatted. */

static const char * const written[] = {
  "2026-03-27T10:00:00+01:00",
  "2026-10-25T02:30:00+02:00",
  "2026-12-31T23:59:59-12:00",
  "0001-01-01T00:00:00+14:00",
  "9999-12-31T23:59:59Z",
};

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StewardReply) reply = NULL;
  g_autoptr(GDateTime) written_at = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *input = NULL;
  guint mode;

  if (size < 1)
    return 0;

  mode = data[0] % 3;
  written_at = g_date_time_new_from_iso8601 (written[(data[0] / 3) % G_N_ELEMENTS (written)], NULL);
  input = g_strndup ((const char *)data + 1, size - 1);

  reply = steward_reply_new ();
  if (mode != 0)
    {
      g_autofree char *text = g_utf8_make_valid (input, -1);

      steward_reply_append_text (reply, text);
    }
  if (mode != 1)
    {
      StewardToolCall *call = steward_reply_ensure_tool_call (reply, -1);

      call->name = g_strdup (STEWARD_TASK_EXTRACT_TOOL);
      g_string_assign (call->arguments, input);
    }
  steward_reply_flush (reply);

  drafts = steward_task_extract_read_reply (reply, written_at, &error);
  if ((drafts == NULL) == (error == NULL))
    fuzz_fail ("drafts and an error, or neither");

  if (error != NULL)
    {
      fuzz_check_utf8 ("error-message", error->message);
      return 0;
    }

  if (drafts->len > STEWARD_TASK_EXTRACT_MAX_TASKS)
    fuzz_fail ("%u drafts", drafts->len);

  for (guint i = 0; i < drafts->len; i++)
    {
      const StewardTaskDraft *draft = g_ptr_array_index (drafts, i);
      g_autoptr(GError) invalid = NULL;

      if (!steward_task_draft_validate (draft, &invalid))
        fuzz_fail ("draft %u is invalid: %s", i, invalid->message);
      if (draft->due != NULL)
        {
          g_autofree char *iso = g_date_time_format_iso8601 (draft->due);

          if (iso == NULL)
            fuzz_fail ("a due date GLib cannot format");
        }
      else if (draft->due_has_time)
        {
          fuzz_fail ("a time of day without a due date");
        }
    }

  return 0;
}
