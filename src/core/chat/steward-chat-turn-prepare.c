/* steward-chat-turn-prepare.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-turn"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-attachment-parts.h"
#include "steward-attachment-private.h"
#include "steward-chat-turn-private.h"
#include "steward-transcriber.h"

/* Before the request is written, the files it carries are made ready in
 * a worker: images decoded (no larger than they are sent), scaled and
 * encoded, the text of PDFs and text files read, the kept transcripts of
 * audio files looked up. The new message's audio files that have none
 * yet are then transcribed (StewardTranscriber, one after the other) and
 * the transcript kept beside the copy as HASH.txt, as a PDF's text is:
 * the copy is named by its bytes, so the same recording is transcribed
 * once, whichever message, conversation or process sends it again. The
 * main loop never decodes an image nor waits for a file. */

typedef struct
{
  /* Per message of the request: its attachments (a reference), or NULL */
  GPtrArray          *attachments;
  /* Per message of the request: its parts, made in the worker */
  GPtrArray          *parts;
  guint               edge;
  /* The new message (the last): its files must be read, its audio
   * transcribed */
  guint               last;
  /* Indexes, among the new message's attachments, of audio files with
   * no transcript yet */
  GArray             *untranscribed;
  guint               next;
  StewardServices    *services;
  StewardTranscriber *transcriber;
} PrepareData;

static void
prepare_data_free (gpointer data)
{
  PrepareData *pd = data;

  g_clear_pointer (&pd->attachments, g_ptr_array_unref);
  g_clear_pointer (&pd->parts, g_ptr_array_unref);
  g_clear_pointer (&pd->untranscribed, g_array_unref);
  g_clear_object (&pd->services);
  g_clear_object (&pd->transcriber);
  g_free (pd);
}

static gpointer
ref_attachment (gconstpointer src,
                gpointer      user_data)
{
  return g_object_ref ((gpointer) src);
}

static void
unref_or_null (gpointer data)
{
  if (data != NULL)
    g_ptr_array_unref (data);
}

/* The transcript kept beside the copy of @attachment, NULL when there is
 * none (or it cannot be read: then it is made again) */
static char *
load_transcript (StewardAttachment *attachment,
                 GCancellable      *cancellable)
{
  g_autoptr(GFile) file = _steward_attachment_dup_text_file (steward_attachment_get_file (attachment));
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_debug ("Cannot read the transcript of %s: %s", steward_attachment_get_name (attachment), error->message);
      return NULL;
    }

  if (!g_utf8_validate_len (contents, len, NULL))
    return NULL;

  return g_steal_pointer (&contents);
}

/* Whether the same recording is already to be transcribed */
static gboolean
is_pending (PrepareData       *pd,
            StewardAttachment *attachment)
{
  GPtrArray *attachments = g_ptr_array_index (pd->attachments, pd->last);

  for (guint k = 0; k < pd->untranscribed->len; k++)
    {
      StewardAttachment *pending = g_ptr_array_index (attachments, g_array_index (pd->untranscribed, guint, k));

      if (g_str_equal (steward_attachment_get_hash (pending), steward_attachment_get_hash (attachment)))
        return TRUE;
    }

  return FALSE;
}

static void
prepare_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PrepareData *pd = task_data;

  for (guint i = 0; i < pd->attachments->len; i++)
    {
      GPtrArray *attachments = g_ptr_array_index (pd->attachments, i);
      g_autoptr(GPtrArray) parts = NULL;

      if (attachments == NULL)
        {
          g_ptr_array_add (pd->parts, NULL);
          continue;
        }

      parts = g_ptr_array_new_with_free_func (_steward_attachment_part_free);

      for (guint j = 0; j < attachments->len; j++)
        {
          StewardAttachment *attachment = g_ptr_array_index (attachments, j);
          StewardAttachmentKind kind = steward_attachment_get_kind (attachment);
          g_autoptr(GError) error = NULL;
          g_autofree char *transcript = NULL;
          StewardAttachmentPart *part;

          if (g_task_return_error_if_cancelled (task))
            return;

          if (kind == STEWARD_ATTACHMENT_KIND_AUDIO && (transcript = load_transcript (attachment, cancellable)))
            {
              g_ptr_array_add (parts, _steward_attachment_part_new_transcript (attachment, transcript));
              continue;
            }

          if (kind == STEWARD_ATTACHMENT_KIND_AUDIO && i == pd->last && !is_pending (pd, attachment))
            g_array_append_val (pd->untranscribed, j);

          if (!(part = _steward_attachment_part_new (attachment, pd->edge, cancellable, &error)))
            {
              /* The new message's text files must be read, as they
               * are counted against the context; an image, or an older
               * message's file, is sent as a note saying so */
              if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
                  (i == pd->last && kind != STEWARD_ATTACHMENT_KIND_IMAGE))
                {
                  g_task_return_error (task, g_steal_pointer (&error));
                  return;
                }
              part = _steward_attachment_part_new_unreadable (attachment, error);
            }
          g_ptr_array_add (parts, part);
        }

      g_ptr_array_add (pd->parts, g_steal_pointer (&parts));
    }

  g_task_return_boolean (task, TRUE);
}

static void transcribe_next (GTask *task);

static StewardAttachment *
untranscribed (PrepareData *pd,
               guint       *index)
{
  GPtrArray *attachments = g_ptr_array_index (pd->attachments, pd->last);

  *index = g_array_index (pd->untranscribed, guint, pd->next);

  return g_ptr_array_index (attachments, *index);
}

static void
kept_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PrepareData *pd = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* It is sent all the same; only made again next time */
      g_warning ("Could not keep a transcript: %s", error->message);
    }

  pd->next++;
  transcribe_next (g_steal_pointer (&task));
}

static void
transcribed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PrepareData *pd = g_task_get_task_data (task);
  g_autoptr(StewardTranscript) transcript = NULL;
  g_autoptr(GFile) kept = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  StewardAttachment *attachment;
  GCancellable *cancellable;
  GPtrArray *attachments;
  GPtrArray *parts;
  guint index;

  attachment = untranscribed (pd, &index);

  if (!(transcript = steward_transcriber_transcribe_finish (STEWARD_TRANSCRIBER (object), result, &error)))
    {
      g_autofree char *reason = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      /* One sentence: the file, then why */
      reason = g_strdup (error->message);
      if (g_str_has_suffix (reason, "."))
        reason[strlen (reason) - 1] = '\0';
      /* Translators: the first %s is a file name, the second why it
       * could not be transcribed */
      g_task_return_new_error (task, error->domain, error->code,
                               _("%s could not be transcribed, so the message was not sent: %s."),
                               steward_attachment_get_name (attachment), reason);
      return;
    }

  /* The same recording may be attached twice */
  parts = g_ptr_array_index (pd->parts, pd->last);
  attachments = g_ptr_array_index (pd->attachments, pd->last);
  for (guint j = index; j < attachments->len; j++)
    {
      StewardAttachment *other = g_ptr_array_index (attachments, j);

      if (steward_attachment_get_kind (other) == STEWARD_ATTACHMENT_KIND_AUDIO &&
          g_str_equal (steward_attachment_get_hash (other), steward_attachment_get_hash (attachment)))
        {
          _steward_attachment_part_free (parts->pdata[j]);
          parts->pdata[j] = _steward_attachment_part_new_transcript (other, transcript->text);
        }
    }

  kept = _steward_attachment_dup_text_file (steward_attachment_get_file (attachment));
  bytes = g_bytes_new (transcript->text, strlen (transcript->text));
  cancellable = g_task_get_cancellable (task);
  g_file_replace_contents_bytes_async (kept, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                       cancellable, kept_cb, g_steal_pointer (&task));
}

static void
transcribe_next (GTask *task)
{
  PrepareData *pd = g_task_get_task_data (task);
  StewardAttachment *attachment;
  guint index;

  if (pd->next >= pd->untranscribed->len)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  if (pd->transcriber == NULL)
    pd->transcriber = steward_transcriber_new (pd->services);

  attachment = untranscribed (pd, &index);
  g_debug ("Transcribing %s before it is sent", steward_attachment_get_name (attachment));
  steward_transcriber_transcribe_async (pd->transcriber, steward_attachment_get_file (attachment),
                                        g_task_get_cancellable (task), transcribed_cb, task);
}

static void
prepared_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  transcribe_next (g_steal_pointer (&task));
}

/* Makes ready the files of self->context->request (see above) for the
 * provider resolved; the parts are set on the request's messages by
 * _steward_chat_turn_prepare_finish(). */
void
_steward_chat_turn_prepare_async (StewardChatTurn     *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GTask) worker = NULL;
  StewardChatRequest *request;
  PrepareData *pd;
  gboolean any = FALSE;

  g_assert (STEWARD_IS_CHAT_TURN (self));
  g_assert (self->context != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, _steward_chat_turn_prepare_async);

  request = self->context->request;
  pd = g_new0 (PrepareData, 1);
  pd->attachments = g_ptr_array_new_with_free_func (unref_or_null);
  pd->parts = g_ptr_array_new_with_free_func (unref_or_null);
  pd->untranscribed = g_array_new (FALSE, FALSE, sizeof (guint));
  pd->edge = _steward_attachment_parts_edge (steward_provider_get_kind (self->provider));
  pd->last = request->messages->len > 0 ? request->messages->len - 1 : 0;
  pd->services = g_object_ref (self->services);
  g_task_set_task_data (task, pd, prepare_data_free);

  /* The worker reads its own references, never the request */
  for (guint i = 0; i < request->messages->len; i++)
    {
      StewardChatMessage *message = g_ptr_array_index (request->messages, i);
      gboolean has = message->attachments != NULL && message->attachments->len > 0;

      g_ptr_array_add (pd->attachments, has ? g_ptr_array_copy (message->attachments, ref_attachment, NULL)
                                            : NULL);
      any |= has;
    }

  if (!any)
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  /* No source object: the worker thread drops its reference to this
   * task after the callback may have run, and the last reference to the
   * turn (and the services it holds) must not go in that thread */
  worker = g_task_new (NULL, cancellable, prepared_cb, g_steal_pointer (&task));
  g_task_set_source_tag (worker, _steward_chat_turn_prepare_async);
  g_task_set_task_data (worker, pd, NULL);
  g_task_run_in_thread (worker, prepare_worker);
}

gboolean
_steward_chat_turn_prepare_finish (StewardChatTurn  *self,
                                   GAsyncResult     *result,
                                   GError          **error)
{
  PrepareData *pd;
  StewardChatRequest *request;

  g_assert (STEWARD_IS_CHAT_TURN (self));
  g_assert (g_task_is_valid (result, self));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  pd = g_task_get_task_data (G_TASK (result));
  request = self->context->request;

  for (guint i = 0; i < pd->parts->len && i < request->messages->len; i++)
    {
      StewardChatMessage *message = g_ptr_array_index (request->messages, i);
      GPtrArray *parts = g_ptr_array_index (pd->parts, i);

      g_clear_pointer (&message->parts, g_ptr_array_unref);
      if (parts != NULL)
        {
          message->parts = g_ptr_array_ref (parts);
          message->parts_edge = pd->edge;
        }
    }

  return TRUE;
}
