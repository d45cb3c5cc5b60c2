/* steward-export-job.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-export-job.h"

/* The temporary file is ".NAME.XXXXXX" beside the target, created with
 * G_FILE_CREATE_NONE (so it gets the folder's usual permissions), written
 * through a buffer (cairo writes in small pieces), closed, then moved onto
 * the target: a rename within one folder, atomic on local file systems.
 * On any failure it is deleted. */

#define PROGRESS_INTERVAL_US (G_USEC_PER_SEC / 30)
#define BUFFER_SIZE          (64 * 1024)

/* GIO's messages for the temporary file name it: say what it means for
 * the target instead */
static void
tidy_error (GError *error)
{
  const char *message = NULL;

  if (error == NULL || error->domain != G_IO_ERROR)
    return;

  switch (error->code)
    {
    case G_IO_ERROR_NOT_FOUND:
      message = _("Its folder does not exist");
      break;

    case G_IO_ERROR_PERMISSION_DENIED:
      message = _("Its folder cannot be written to");
      break;

    case G_IO_ERROR_NO_SPACE:
      message = _("The disk is full");
      break;

    case G_IO_ERROR_READ_ONLY:
      message = _("The disk is read-only");
      break;

    case G_IO_ERROR_IS_DIRECTORY:
      message = _("A folder has that name");
      break;

    default:
      break;
    }

  if (message != NULL)
    {
      g_free (error->message);
      error->message = g_strdup (message);
    }
}

static GFileOutputStream *
create_temporary (GFile   *target,
                  GFile  **temporary,
                  GError **error)
{
  g_autoptr(GFile) folder = g_file_get_parent (target);
  g_autofree char *name = g_file_get_basename (target);

  if (folder == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                           _("The file has no folder to be written in"));
      return NULL;
    }

  for (guint attempt = 0; attempt < 100; attempt++)
    {
      g_autofree char *temporary_name = NULL;
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      temporary_name = g_strdup_printf (".%s.%06x", name, g_random_int_range (0, 0xffffff));
      *temporary = g_file_get_child (folder, temporary_name);
      stream = g_file_create (*temporary, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        return stream;

      g_clear_object (temporary);
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          tidy_error (local_error);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("No temporary file could be made beside it"));
  return NULL;
}

static gboolean
run (GFile                      *target,
     StewardExportWriteFunc      write,
     StewardExportSource        *source,
     StewardExportProgressFunc   progress,
     gpointer                    progress_data,
     GCancellable               *cancellable,
     GError                    **error)
{
  g_autoptr(GFileOutputStream) file_stream = NULL;
  g_autoptr(GOutputStream) buffered = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  gboolean written;

  if (!g_cancellable_set_error_if_cancelled (cancellable, &local_error))
    file_stream = create_temporary (target, &temporary, &local_error);

  if (file_stream != NULL)
    {
      buffered = g_buffered_output_stream_new_sized (G_OUTPUT_STREAM (file_stream), BUFFER_SIZE);
      written = write (source, buffered, progress, progress_data, cancellable, &local_error);
      /* The close must happen even when cancelled: a cancellable would
       * stop it half-way */
      if (written)
        written = g_output_stream_close (buffered, NULL, &local_error);
      else
        g_output_stream_close (buffered, NULL, NULL);

      /* A cancel that came after the writer's last check still counts */
      if (written && !g_cancellable_set_error_if_cancelled (cancellable, &local_error))
        {
          if (g_file_move (temporary, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                           NULL, NULL, NULL, &local_error))
            return TRUE;
          tidy_error (local_error);
        }

      g_file_delete (temporary, NULL, NULL);
    }

  /* A writer that failed without saying why */
  if (local_error == NULL)
    g_set_error_literal (&local_error, G_IO_ERROR, G_IO_ERROR_FAILED,
                         _("The document could not be made"));

  name = g_file_get_basename (target);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              /* Translators: %s is a file name, then comes the
                               * reason */
                              _("Could not write %s: "), name);

  /* One sentence, whatever the reason's own ending */
  if (error != NULL && *error != NULL && !g_str_has_suffix ((*error)->message, "."))
    {
      char *sentence = g_strconcat ((*error)->message, ".", NULL);

      g_free ((*error)->message);
      (*error)->message = sentence;
    }

  return FALSE;
}

gboolean
steward_export_job_run (GFile                      *target,
                        StewardExportWriteFunc      write,
                        StewardExportSource        *source,
                        StewardExportProgressFunc   progress,
                        gpointer                    progress_data,
                        GCancellable               *cancellable,
                        GError                    **error)
{
  g_return_val_if_fail (G_IS_FILE (target), FALSE);
  g_return_val_if_fail (write != NULL, FALSE);
  g_return_val_if_fail (source != NULL, FALSE);

  return run (target, write, source, progress, progress_data, cancellable, error);
}

typedef struct
{
  gatomicrefcount            ref_count;
  GFile                     *target;
  StewardExportWriteFunc     write;
  StewardExportSource       *source;
  GMainContext              *context;
  StewardExportProgressFunc  progress;
  gpointer                   progress_data;
  GDestroyNotify             progress_notify;

  GAsyncReadyCallback        callback;
  gpointer                   user_data;
  /* Set on the caller's context when the export is over */
  gboolean                   finished;

  GMutex                     mutex;
  double                     fraction;
  gint64                     last_sent;
  gboolean                   pending;
} Job;

static Job *
job_ref (Job *job)
{
  g_atomic_ref_count_inc (&job->ref_count);

  return job;
}

static void
job_unref (gpointer data)
{
  Job *job = data;

  if (!g_atomic_ref_count_dec (&job->ref_count))
    return;

  if (job->progress_notify != NULL)
    job->progress_notify (job->progress_data);
  g_object_unref (job->target);
  steward_export_source_unref (job->source);
  g_main_context_unref (job->context);
  g_mutex_clear (&job->mutex);
  g_free (job);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  Job *job = user_data;
  double fraction;

  g_mutex_lock (&job->mutex);
  fraction = job->fraction;
  job->pending = FALSE;
  job->last_sent = g_get_monotonic_time ();
  g_mutex_unlock (&job->mutex);

  if (!job->finished)
    job->progress (fraction, job->progress_data);

  return G_SOURCE_REMOVE;
}

/* The latest fraction is always delivered (unless the export is over
 * first), at most one delivery waiting at a time and each at least
 * PROGRESS_INTERVAL_US after the one before */
static void
send_progress (Job    *job,
               double  fraction)
{
  g_autoptr(GSource) source = NULL;
  gint64 wait;

  g_mutex_lock (&job->mutex);
  job->fraction = fraction;
  if (job->pending)
    {
      g_mutex_unlock (&job->mutex);
      return;
    }
  job->pending = TRUE;
  wait = job->last_sent + PROGRESS_INTERVAL_US - g_get_monotonic_time ();
  g_mutex_unlock (&job->mutex);

  source = wait > 0 ? g_timeout_source_new ((wait + 999) / 1000) : g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver_progress_cb, job_ref (job), job_unref);
  g_source_set_static_name (source, "[steward] export progress");
  g_source_attach (source, job->context);
}

static void
worker_progress_cb (double   fraction,
                    gpointer user_data)
{
  send_progress (user_data, fraction);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;

  if (!run (job->target, job->write, job->source,
            job->progress != NULL ? worker_progress_cb : NULL, job,
            cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* On the caller's context: the last report is 1 when the export
 * succeeded, then the caller hears of the end, and no report comes after
 * it */
static void
job_done_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Job *job = user_data;

  job->finished = TRUE;
  if (job->progress != NULL && !g_task_had_error (G_TASK (result)))
    job->progress (1, job->progress_data);

  if (job->callback != NULL)
    job->callback (object, result, job->user_data);

  job_unref (job);
}

void
steward_export_job_run_async (GFile                      *target,
                              StewardExportWriteFunc      write,
                              StewardExportSource        *source,
                              StewardExportProgressFunc   progress,
                              gpointer                    progress_data,
                              GDestroyNotify              progress_notify,
                              GCancellable               *cancellable,
                              GAsyncReadyCallback         callback,
                              gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (write != NULL);
  g_return_if_fail (source != NULL);

  job = g_new0 (Job, 1);
  g_atomic_ref_count_init (&job->ref_count);
  job->target = g_object_ref (target);
  job->write = write;
  job->source = steward_export_source_ref (source);
  job->context = g_main_context_ref_thread_default ();
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_notify = progress_notify;
  g_mutex_init (&job->mutex);

  job->callback = callback;
  job->user_data = user_data;

  task = g_task_new (NULL, cancellable, job_done_cb, job_ref (job));
  g_task_set_source_tag (task, steward_export_job_run_async);
  g_task_set_task_data (task, job, job_unref);
  /* A cancelled export must still remove its temporary file, so the
   * worker decides when the task ends */
  g_task_set_return_on_cancel (task, FALSE);
  g_task_set_check_cancellable (task, FALSE);
  g_task_run_in_thread (task, run_in_thread);
}

gboolean
steward_export_job_run_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_export_job_run_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
