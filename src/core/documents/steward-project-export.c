/* steward-project-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-project-export"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-docx-writer.h"
#include "steward-export-job.h"
#include "steward-markdown-document-writer.h"
#include "steward-pdf-writer.h"
#include "steward-project-export.h"
#include "steward-project-json.h"
#include "steward-projects.h"

const char *
steward_export_format_get_extension (StewardExportFormat format)
{
  switch (format)
    {
    case STEWARD_EXPORT_FORMAT_PDF:
      return "pdf";
    case STEWARD_EXPORT_FORMAT_DOCX:
      return "docx";
    case STEWARD_EXPORT_FORMAT_MARKDOWN:
      return "md";
    case STEWARD_EXPORT_FORMAT_JSON:
      return "json";
    default:
      g_return_val_if_reached ("bin");
    }
}

char *
steward_project_export_dup_file_name (StewardProject      *project,
                                      StewardExportFormat  format)
{
  g_autoptr(GString) name = g_string_new (steward_project_get_name (project));

  g_return_val_if_fail (STEWARD_IS_PROJECT (project), NULL);

  /* What no file name on Linux, or a shared disk, can hold */
  for (char *c = name->str; *c != '\0'; c++)
    if (*c == '/' || *c == '\\' || *c == ':' || (guchar)*c < 0x20)
      *c = '-';
  if (name->str[0] == '.')
    g_string_prepend (name, "Project ");

  g_string_append_printf (name, ".%s", steward_export_format_get_extension (format));

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static StewardExportWriteFunc
writer_for (StewardExportFormat format)
{
  switch (format)
    {
    case STEWARD_EXPORT_FORMAT_PDF:
      return steward_pdf_write;
    case STEWARD_EXPORT_FORMAT_DOCX:
      return steward_docx_write;
    case STEWARD_EXPORT_FORMAT_MARKDOWN:
      return steward_markdown_document_write;
    case STEWARD_EXPORT_FORMAT_JSON:
    default:
      return NULL;
    }
}

static void
set_write_error (GError     **error,
                 GFile       *target,
                 const GError *cause)
{
  g_autofree char *name = g_file_get_basename (target);

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, cause->message);
  else
    g_set_error (error, cause->domain, cause->code, _("Could not write %s: %s"), name, cause->message);
}

static void
job_cb (GObject      *object,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!steward_export_job_run_finish (result, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
json_written_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  GError *named = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      set_write_error (&named, G_FILE (object), error);
      g_task_return_error (task, named);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * steward_project_export_async:
 * @progress: (nullable): called on the caller's main context, from 0 to 1
 *
 * Exports project @project_id to @target as @format. Read from the store
 * here (on the store's thread), written in a worker. A failed or
 * cancelled export leaves no file, and an existing @target as it was.
 */
void
steward_project_export_async (StewardStore              *store,
                              gint64                     project_id,
                              StewardExportFormat        format,
                              GFile                     *target,
                              StewardExportProgressFunc  progress,
                              gpointer                   progress_data,
                              GDestroyNotify             progress_notify,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (STEWARD_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (target));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_project_export_async);

  if (format == STEWARD_EXPORT_FORMAT_JSON)
    {
      g_autofree char *json = NULL;
      g_autoptr(GBytes) bytes = NULL;
      gsize length;

      if (progress_notify != NULL)
        progress_notify (progress_data);
      if (!(json = steward_project_json_dup (store, project_id, &error)))
        {
          g_task_return_error (task, error);
          return;
        }

      /* GIO writes beside the target and renames, or writes nothing */
      length = strlen (json);
      bytes = g_bytes_new_take (g_steal_pointer (&json), length);
      g_file_replace_contents_bytes_async (target, bytes, NULL, FALSE, G_FILE_CREATE_NONE,
                                           cancellable, json_written_cb, g_steal_pointer (&task));
      return;
    }

  {
    g_autoptr(StewardExportSource) source = steward_projects_dup_export_source (store, project_id, &error);

    if (source == NULL)
      {
        if (progress_notify != NULL)
          progress_notify (progress_data);
        g_task_return_error (task, error);
        return;
      }

    steward_export_job_run_async (target, writer_for (format), source,
                                  progress, progress_data, progress_notify,
                                  cancellable, job_cb, g_steal_pointer (&task));
  }
}

gboolean
steward_project_export_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_project_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
steward_project_export (StewardStore              *store,
                        gint64                     project_id,
                        StewardExportFormat        format,
                        GFile                     *target,
                        StewardExportProgressFunc  progress,
                        gpointer                   progress_data,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(StewardExportSource) source = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (target), FALSE);

  if (format == STEWARD_EXPORT_FORMAT_JSON)
    {
      g_autofree char *json = NULL;
      g_autoptr(GError) write_error = NULL;

      if (!(json = steward_project_json_dup (store, project_id, error)))
        return FALSE;
      if (!g_file_replace_contents (target, json, strlen (json), NULL, FALSE, G_FILE_CREATE_NONE,
                                    NULL, cancellable, &write_error))
        {
          set_write_error (error, target, write_error);
          return FALSE;
        }
      if (progress != NULL)
        progress (1.0, progress_data);
      return TRUE;
    }

  if (!(source = steward_projects_dup_export_source (store, project_id, error)))
    return FALSE;

  return steward_export_job_run (target, writer_for (format), source, progress, progress_data,
                                 cancellable, error);
}
