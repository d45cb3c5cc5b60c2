/* steward-task-extractor.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-reply.h"
#include "steward-services.h"
#include "steward-task-draft.h"

G_BEGIN_DECLS

/* The tool the model is offered, and forced to call where the API allows:
 * its arguments are {"tasks": [{"title", "priority", "category", "due"}]}. */
#define STEWARD_TASK_EXTRACT_TOOL "add_tasks"

/* The most tasks one answer may hold. */
#define STEWARD_TASK_EXTRACT_MAX_TASKS 100

/**
 * steward_task_extract_async:
 * @services: the opened services: the store, the providers and the
 *   session are taken from them
 * @text: the text to find tasks in: a chat message, pasted text, the
 *   text of a file
 * @written_at: (nullable): when @text was written, with its UTC offset
 *   (a message's time, a file's modification time); %NULL: now, in the
 *   local time zone. Relative dates ("tomorrow", "next Friday") are
 *   resolved against it, it is sent in the prompt, and a due time the
 *   model gives without an offset is read in its time zone: pass a
 *   stored UTC time through g_date_time_to_local() first.
 * @cancellable: (nullable): cancels the request
 * @callback: called in the thread-default main context of the caller
 * @user_data: for @callback
 *
 * Asks the model of the medium tier (else the only provider's default
 * model, as chat does) for the tasks in @text. It is offered the tool
 * %STEWARD_TASK_EXTRACT_TOOL, forced where the API allows (OpenAI,
 * Anthropic, Gemini; Ollama is only offered it); the answer is read from
 * its calls of the tool, or from a JSON object in the text of a model
 * that ignores tools. Nothing is stored: the caller reviews the drafts
 * and adds them (`steward-cli tasks extract`, the review dialog), setting
 * their source (%STEWARD_TASK_SOURCE_MESSAGE with the message id,
 * %STEWARD_TASK_SOURCE_FILE with the file's URI, or
 * %STEWARD_TASK_SOURCE_TEXT with the text).
 */
void       steward_task_extract_async  (StewardServices      *services,
                                        const char           *text,
                                        GDateTime            *written_at,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
/* The same with @image (an attachment of kind image: a photo of a
 * whiteboard, a list) sent with @text, which says what to look for in
 * it; a model that cannot see images (steward_store_get_model_vision())
 * fails with G_IO_ERROR_NOT_SUPPORTED before anything is sent. Finished
 * with steward_task_extract_finish(). */
void       steward_task_extract_image_async (StewardServices      *services,
                                             const char           *text,
                                             StewardAttachment    *image,
                                             GDateTime            *written_at,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
/**
 * steward_task_extract_finish:
 * @result: the result given to the callback
 * @error: where one sentence for the user goes: the provider's own
 *   (%STEWARD_PROVIDER_ERROR: no provider, no key, unreachable, the text
 *   too long for the model's context …) or, when the answer is malformed
 *   or partial, %G_IO_ERROR_INVALID_DATA naming what was wrong ("The
 *   model’s answer had a task without a title.")
 *
 * Returns: (transfer full) (element-type StewardTaskDraft): the drafts,
 *   in the order the model gave them, perhaps none (the text asks for
 *   nothing to be done); %NULL on error, never a part of the answer.
 *   Each has a title, a priority (medium when the model gave none), a
 *   category or %NULL, and a due day (@due_has_time %FALSE, its midnight)
 *   or day and time, in the time zone of @written_at, or %NULL; no
 *   source.
 */
GPtrArray *steward_task_extract_finish (GAsyncResult         *result,
                                        GError              **error);

/* For the tool registry and a chat reply that calls the tool: the
 * tool's JSON schema, and a reply or one call's arguments read as
 * steward_task_extract_finish () reads them (the same drafts, the same
 * sentences). */
JsonObject *steward_task_extract_dup_tool_parameters (void);
GPtrArray  *steward_task_extract_read_reply          (StewardReply *reply,
                                                      GDateTime    *written_at,
                                                      GError      **error);
GPtrArray  *steward_task_extract_read_arguments      (const char   *arguments,
                                                      GDateTime    *written_at,
                                                      GError      **error);

G_END_DECLS
