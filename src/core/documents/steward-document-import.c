/* steward-document-import.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-document-import"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-document-import.h"
#include "steward-docx-reader.h"
#include "steward-pdf-reader.h"

struct _StewardDocumentImport
{
  gatomicrefcount        ref_count;
  char                  *markdown;
  char                  *name;
  StewardDocumentFormat  format;
  guint                  n_pages;
};

G_DEFINE_BOXED_TYPE (StewardDocumentImport, steward_document_import,
                     steward_document_import_ref, steward_document_import_unref)

static StewardDocumentImport *
steward_document_import_new (char                  *markdown,
                             const char            *name,
                             StewardDocumentFormat  format,
                             guint                  n_pages)
{
  StewardDocumentImport *self = g_new0 (StewardDocumentImport, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->markdown = markdown;
  self->name = g_strdup (name);
  self->format = format;
  self->n_pages = n_pages;

  return self;
}

StewardDocumentImport *
steward_document_import_ref (StewardDocumentImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
steward_document_import_unref (StewardDocumentImport *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_free (self->markdown);
      g_free (self->name);
      g_free (self);
    }
}

const char *
steward_document_import_get_markdown (StewardDocumentImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->markdown;
}

const char *
steward_document_import_get_name (StewardDocumentImport *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

StewardDocumentFormat
steward_document_import_get_format (StewardDocumentImport *self)
{
  g_return_val_if_fail (self != NULL, STEWARD_DOCUMENT_FORMAT_TEXT);

  return self->format;
}

guint
steward_document_import_get_n_pages (StewardDocumentImport *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_pages;
}

static gboolean
has_prefix (const guint8 *data,
            gsize         size,
            const char   *prefix,
            gsize         prefix_len)
{
  return size >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Whether the first kilobytes are UTF-8 text, a character cut at their
 * end aside */
static gboolean
starts_as_utf8 (const guint8 *bytes,
                gsize         size)
{
  gsize window = MIN (size, 4096);
  const char *end = NULL;

  if (g_utf8_validate_len ((const char *) bytes, window, &end))
    return TRUE;

  return window < size && *end != '\0' && (gsize) (end - (const char *) bytes) + 4 > window;
}

static gboolean
is_markdown_name (const char *name)
{
  static const char * const suffixes[] = { ".md", ".markdown", ".mdown", ".mkd", ".mkdn" };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    if (g_str_has_suffix (lower, suffixes[i]))
      return TRUE;

  return FALSE;
}

/* The text as UTF-8 with LF line ends, without a byte order mark */
static char *
read_text (const char  *data,
           gsize        size,
           const char  *name,
           GError     **error)
{
  g_autofree char *converted = NULL;
  const char *end = NULL;
  GString *text;

  if (size > STEWARD_DOCUMENT_IMPORT_MAX_TEXT)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %d MB, the most Steward imports as text."),
                   name, STEWARD_DOCUMENT_IMPORT_MAX_TEXT / (1024 * 1024));
      return NULL;
    }

  /* UTF-16 with its byte order mark, as Windows' Notepad saves it */
  if (has_prefix ((const guint8 *) data, size, "\xff\xfe", 2) ||
      has_prefix ((const guint8 *) data, size, "\xfe\xff", 2))
    {
      gsize written = 0;

      converted = g_convert (data, size, "UTF-8", "UTF-16", NULL, &written, NULL);
      if (converted == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not valid UTF-16 text."), name);
          return NULL;
        }
      data = converted;
      size = written;
    }

  if (has_prefix ((const guint8 *) data, size, "\xef\xbb\xbf", 3))
    data += 3, size -= 3;

  if (!g_utf8_validate_len (data, size, &end))
    {
      guint line = 1;

      for (const char *c = data; c < end; c++)
        if (*c == '\n')
          line++;

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is not UTF-8 text (line %u); save it as UTF-8 and import it again."),
                   name, line);
      return NULL;
    }

  text = g_string_sized_new (size + 1);
  for (gsize i = 0; i < size; i++)
    {
      if (data[i] == '\r')
        {
          g_string_append_c (text, '\n');
          if (i + 1 < size && data[i + 1] == '\n')
            i++;
        }
      else
        g_string_append_c (text, data[i]);
    }

  if (text->len > 0 && text->str[text->len - 1] != '\n')
    g_string_append_c (text, '\n');

  return g_string_free (text, FALSE);
}

StewardDocumentImport *
steward_document_import_bytes (GBytes                         *data,
                               const char                     *name,
                               StewardDocumentImportProgress   progress,
                               gpointer                        progress_data,
                               GCancellable                   *cancellable,
                               GError                        **error)
{
  g_autofree char *type = NULL;
  const guint8 *bytes;
  gsize size;
  char *markdown;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  bytes = g_bytes_get_data (data, &size);

  if (size == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%s is empty."), name);
      return NULL;
    }

  if (size > STEWARD_DOCUMENT_IMPORT_MAX_FILE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %d MB, the most Steward imports."),
                   name, STEWARD_DOCUMENT_IMPORT_MAX_FILE / (1024 * 1024));
      return NULL;
    }

  /* By the bytes alone: the name would let a PDF called notes.txt through
   * as text */
  type = g_content_type_guess (NULL, bytes, size, NULL);

  if (has_prefix (bytes, size, "%PDF-", 5) || g_content_type_is_a (type, "application/pdf"))
    {
      guint n_pages = 0;

      markdown = steward_pdf_read (data, name, &n_pages, progress, progress_data, cancellable, error);
      if (markdown == NULL)
        return NULL;

      return steward_document_import_new (markdown, name, STEWARD_DOCUMENT_FORMAT_PDF, n_pages);
    }

  if (has_prefix (bytes, size, "PK\x03\x04", 4) || g_content_type_is_a (type, "application/zip"))
    {
      markdown = steward_docx_read (data, name, progress, progress_data, cancellable, error);
      if (markdown == NULL)
        return NULL;

      return steward_document_import_new (markdown, name, STEWARD_DOCUMENT_FORMAT_DOCX, 0);
    }

  /* Word's older format, which is also what a Word document protected by
   * a password is stored in */
  if (has_prefix (bytes, size, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is an older Word document or one protected by a password; save it as a .docx file without a password and import that."),
                   name);
      return NULL;
    }

  if (g_content_type_is_a (type, "text/plain") ||
      has_prefix (bytes, size, "\xff\xfe", 2) || has_prefix (bytes, size, "\xfe\xff", 2) ||
      starts_as_utf8 (bytes, size))
    {
      markdown = read_text ((const char *) bytes, size, name, error);
      if (markdown == NULL)
        return NULL;

      if (progress != NULL)
        progress (1.0, progress_data);

      return steward_document_import_new (markdown, name,
                                          is_markdown_name (name) ? STEWARD_DOCUMENT_FORMAT_MARKDOWN
                                                                  : STEWARD_DOCUMENT_FORMAT_TEXT,
                                          0);
    }

  {
    g_autofree char *description = g_content_type_get_description (type);

    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                 _("%s is not a kind of file Steward imports (%s): import Markdown, text, Word (.docx) or PDF files."),
                 name, description);
  }

  return NULL;
}

StewardDocumentImport *
steward_document_import_file (GFile                          *file,
                              StewardDocumentImportProgress   progress,
                              gpointer                        progress_data,
                              GCancellable                   *cancellable,
                              GError                        **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME ","
                            G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  name = g_strdup (g_file_info_get_display_name (info));

  if (g_file_info_get_size (info) > STEWARD_DOCUMENT_IMPORT_MAX_FILE)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %d MB, the most Steward imports."),
                   name, STEWARD_DOCUMENT_IMPORT_MAX_FILE / (1024 * 1024));
      return NULL;
    }

  if (!g_file_load_contents (file, cancellable, &contents, &length, NULL, error))
    return NULL;

  data = g_bytes_new_take (contents, length);

  return steward_document_import_bytes (data, name, progress, progress_data, cancellable, error);
}

/* The progress callback, shared by the worker and the reports it sends
 * to the caller's main context, which may run after the task is gone */
typedef struct
{
  StewardDocumentImportProgress  func;
  gpointer                       data;
  GDestroyNotify                 destroy;
  GMainContext                  *context;
} Progress;

typedef struct
{
  Progress *progress;
  double    fraction;
} ProgressReport;

static void
progress_clear (gpointer data)
{
  Progress *progress = data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
}

static gboolean
progress_report_cb (gpointer data)
{
  ProgressReport *report = data;

  if (report->progress->func != NULL)
    report->progress->func (report->fraction, report->progress->data);

  return G_SOURCE_REMOVE;
}

static void
progress_report_free (gpointer data)
{
  ProgressReport *report = data;

  g_atomic_rc_box_release_full (report->progress, progress_clear);
  g_free (report);
}

/* In the worker: hands the fraction to the caller's main context */
static void
progress_forward (double   fraction,
                  gpointer user_data)
{
  Progress *progress = user_data;
  ProgressReport *report = g_new0 (ProgressReport, 1);

  report->progress = g_atomic_rc_box_acquire (progress);
  report->fraction = fraction;

  GSource *source;

  /* Not g_main_context_invoke (), which runs the function in this thread
   * when it can acquire the context. The same priority as the task's
   * return, queued before it: every report comes before the callback. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, progress_report_cb, report, progress_report_free);
  g_source_set_static_name (source, "[steward] import progress");
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

static void
release_progress (gpointer data)
{
  g_atomic_rc_box_release_full (data, progress_clear);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = g_object_get_data (G_OBJECT (task), "steward-import-file");
  Progress *progress = task_data;
  GError *error = NULL;
  StewardDocumentImport *result;

  result = steward_document_import_file (file,
                                         progress != NULL && progress->func != NULL ? progress_forward : NULL,
                                         progress,
                                         cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, result, (GDestroyNotify) steward_document_import_unref);
}

typedef struct
{
  GAsyncReadyCallback callback;
  gpointer            user_data;
} Done;

/* The caller's callback, then the progress data freed, in the caller's
 * thread: the task itself may be finalized in the worker */
static void
import_done_cb (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Done *done = user_data;
  Progress *progress = g_task_get_task_data (G_TASK (result));

  if (done->callback != NULL)
    done->callback (source_object, result, done->user_data);

  progress->func = NULL;
  if (progress->destroy != NULL)
    {
      GDestroyNotify destroy = progress->destroy;

      progress->destroy = NULL;
      destroy (progress->data);
    }

  g_free (done);
}

void
steward_document_import_async (GFile                          *file,
                               StewardDocumentImportProgress   progress,
                               gpointer                        progress_data,
                               GDestroyNotify                  progress_destroy,
                               GCancellable                   *cancellable,
                               GAsyncReadyCallback             callback,
                               gpointer                        user_data)
{
  g_autoptr(GTask) task = NULL;
  Progress *shared;
  Done *done;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  done = g_new0 (Done, 1);
  done->callback = callback;
  done->user_data = user_data;

  task = g_task_new (NULL, cancellable, import_done_cb, done);
  g_task_set_source_tag (task, steward_document_import_async);
  g_task_set_name (task, "[steward] document import");

  shared = g_atomic_rc_box_new0 (Progress);
  shared->func = progress;
  shared->data = progress_data;
  shared->destroy = progress_destroy;
  shared->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, shared, release_progress);
  g_object_set_data_full (G_OBJECT (task), "steward-import-file",
                          g_object_ref (file), g_object_unref);

  g_task_run_in_thread (task, import_thread);
}

StewardDocumentImport *
steward_document_import_finish (GAsyncResult  *result,
                                GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_document_import_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
