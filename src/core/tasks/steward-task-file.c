/* steward-task-file.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-file"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "steward-attachment-import.h"
#include "steward-attachment.h"
#include "steward-local-time.h"
#include "steward-task-draft.h"
#include "steward-task-extractor.h"
#include "steward-task-file.h"
#include "steward-transcriber.h"

/* Tasks from a file dropped on the board or chosen for it: a text file
 * or a PDF gives its text, a photo (of a whiteboard, a list) is sent to
 * a model that can see, a voice memo is transcribed first. The file is
 * checked whole, within the limits attachments have, in a folder of its
 * own that goes when the tasks are found; a refused file fails with the
 * sentence that names it. Relative dates are read against the file's
 * modification time. */

typedef struct
{
  StewardServices   *services;
  GFile             *file;
  char              *scratch;
  StewardAttachment *attachment;
  char              *text;
  GDateTime         *written_at;
} FileData;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
file_data_free (gpointer data)
{
  FileData *file_data = data;

  if (file_data->scratch != NULL)
    remove_tree (file_data->scratch);
  g_clear_pointer (&file_data->scratch, g_free);
  g_clear_object (&file_data->services);
  g_clear_object (&file_data->file);
  g_clear_object (&file_data->attachment);
  g_clear_pointer (&file_data->text, g_free);
  g_clear_pointer (&file_data->written_at, g_date_time_unref);
  g_free (file_data);
}

/* In a worker: the file attached in the scratch folder, and its text
 * for a PDF or a text file (poppler reads page by page). */
static void
read_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  FileData *data = task_data;
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) modified = NULL;

  if (!(data->scratch = g_dir_make_tmp ("steward-extract-XXXXXX", &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  directory = g_file_new_for_path (data->scratch);
  if (!(data->attachment = steward_attachment_import_file (data->file, directory, cancellable, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch (steward_attachment_get_kind (data->attachment))
    {
    case STEWARD_ATTACHMENT_KIND_PDF:
    case STEWARD_ATTACHMENT_KIND_TEXT:
      if (!(data->text = steward_attachment_dup_text (data->attachment, cancellable, &error)))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      break;

    case STEWARD_ATTACHMENT_KIND_IMAGE:
      /* For the model, in English as its prompt */
      data->text = g_strdup_printf ("The text is in the attached image, %s: read it there.",
                                    steward_attachment_get_name (data->attachment));
      break;

    case STEWARD_ATTACHMENT_KIND_AUDIO:
    default:
      break;
    }

  info = g_file_query_info (data->file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  data->written_at = modified != NULL ? g_date_time_to_local (modified) : steward_local_now ();

  g_task_return_boolean (task, TRUE);
}

static void
extracted_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FileData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;

  if (!(drafts = steward_task_extract_finish (result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  uri = g_file_get_uri (data->file);
  for (guint i = 0; i < drafts->len; i++)
    {
      StewardTaskDraft *draft = g_ptr_array_index (drafts, i);

      draft->source = STEWARD_TASK_SOURCE_FILE;
      g_free (draft->source_ref);
      draft->source_ref = g_strdup (uri);
    }

  g_task_return_pointer (task, g_steal_pointer (&drafts), (GDestroyNotify)g_ptr_array_unref);
}

static void
extract (GTask *task)
{
  FileData *data = g_task_get_task_data (task);
  g_autofree char *trimmed = g_strstrip (g_strdup (data->text));

  if (trimmed[0] == '\0')
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                               _("There is no text in %s."), steward_attachment_get_name (data->attachment));
      g_object_unref (task);
      return;
    }

  if (steward_attachment_get_kind (data->attachment) == STEWARD_ATTACHMENT_KIND_IMAGE)
    steward_task_extract_image_async (data->services, data->text, data->attachment, data->written_at,
                                      g_task_get_cancellable (task), extracted_cb, task);
  else
    steward_task_extract_async (data->services, data->text, data->written_at,
                                g_task_get_cancellable (task), extracted_cb, task);
}

static void
transcribed_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StewardTranscriber) transcriber = STEWARD_TRANSCRIBER (object);
  GTask *task = user_data;
  FileData *data = g_task_get_task_data (task);
  g_autoptr(StewardTranscript) transcript = NULL;
  g_autoptr(GError) error = NULL;

  if (!(transcript = steward_transcriber_transcribe_finish (transcriber, result, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  data->text = g_strdup (transcript->text);
  extract (task);
}

static void
read_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  GTask *task = user_data;
  FileData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* A voice memo: what it says, then the tasks in that */
  if (steward_attachment_get_kind (data->attachment) == STEWARD_ATTACHMENT_KIND_AUDIO)
    {
      StewardTranscriber *transcriber = steward_transcriber_new (data->services);

      steward_transcriber_transcribe_async (transcriber, steward_attachment_get_file (data->attachment),
                                            g_task_get_cancellable (task), transcribed_cb, task);
      return;
    }

  extract (task);
}

/**
 * steward_task_extract_file_async:
 * @services: the opened services
 * @file: a text file, a PDF, an image or an audio file
 *
 * Asks the model of the medium tier for the tasks in @file (see
 * steward_task_extract_async()): the text of a PDF or a text file, what
 * a photo shows (a model that can see), what a voice memo says
 * (transcribed with the voice.* settings first).
 */
void
steward_task_extract_file_async (StewardServices     *services,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) reader = NULL;
  GTask *task;
  FileData *data;

  g_return_if_fail (STEWARD_IS_SERVICES (services));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_task_extract_file_async);

  data = g_new0 (FileData, 1);
  data->services = g_object_ref (services);
  data->file = g_object_ref (file);
  g_task_set_task_data (task, data, file_data_free);

  /* The worker reads into @data, which @task owns: @task waits for it */
  reader = g_task_new (NULL, cancellable, read_cb, task);
  g_task_set_task_data (reader, data, NULL);
  g_task_run_in_thread (reader, read_worker);
}

/**
 * steward_task_extract_file_finish:
 *
 * Returns: (transfer full) (element-type StewardTaskDraft): the drafts,
 *   their source the file's URI; %NULL with @error set to one sentence
 *   (a refused file names it)
 */
GPtrArray *
steward_task_extract_file_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_task_extract_file_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
