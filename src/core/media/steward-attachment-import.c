/* steward-attachment-import.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment-import"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "steward-attachment-import.h"
#include "steward-attachment-pdf.h"
#include "steward-audio-probe.h"
#include "steward-attachment-private.h"
#include "steward-image-prepare.h"

/* Enough of a file's start to tell its kind when it is too large to read */
#define SNIFF_BYTES 4096
#define MEGABYTE (1024 * 1024)

typedef enum
{
  KIND_UNKNOWN = -1,
  KIND_IMAGE = STEWARD_ATTACHMENT_KIND_IMAGE,
  KIND_AUDIO = STEWARD_ATTACHMENT_KIND_AUDIO,
  KIND_PDF = STEWARD_ATTACHMENT_KIND_PDF,
  KIND_TEXT = STEWARD_ATTACHMENT_KIND_TEXT,
} Kind;

GFile *
steward_attachment_dup_directory (const char *data_dir)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (data_dir != NULL, NULL);

  path = g_build_filename (data_dir, "attachments", NULL);
  return g_file_new_for_path (path);
}

static gboolean
looks_like_text (const char *bytes,
                 gsize       size)
{
  /* UTF-8 (a byte order mark included) without NUL bytes */
  return memchr (bytes, '\0', size) == NULL && g_utf8_validate_len (bytes, size, NULL);
}

/* The kind of @bytes (the whole file or its start) and its MIME type */
static Kind
sniff (const char  *bytes,
       gsize        size,
       char       **mime_type)
{
  g_autofree char *type = g_content_type_guess (NULL, (const guchar *) bytes, size, NULL);
  g_autofree char *mime = g_content_type_get_mime_type (type);
  Kind kind = KIND_UNKNOWN;

  if (mime == NULL)
    mime = g_strdup ("application/octet-stream");

  if (g_str_has_prefix (mime, "image/"))
    kind = KIND_IMAGE;
  /* An Ogg file not told apart further is taken for audio (voice memos
   * are Ogg Opus): GStreamer says whether it is */
  else if (g_str_has_prefix (mime, "audio/") || g_content_type_is_a (type, "audio/ogg") ||
           g_content_type_is_a (type, "application/ogg"))
    kind = KIND_AUDIO;
  else if (g_content_type_is_a (type, "application/pdf"))
    kind = KIND_PDF;
  else if (g_content_type_is_a (type, "text/plain") || looks_like_text (bytes, size))
    {
      kind = KIND_TEXT;
      if (!g_str_has_prefix (mime, "text/"))
        {
          g_free (mime);
          mime = g_strdup ("text/plain");
        }
    }

  *mime_type = g_steal_pointer (&mime);
  return kind;
}

static gsize
max_bytes (Kind kind)
{
  switch (kind)
    {
    case KIND_IMAGE: return STEWARD_ATTACHMENT_MAX_IMAGE_BYTES;
    case KIND_AUDIO: return STEWARD_ATTACHMENT_MAX_AUDIO_BYTES;
    case KIND_PDF: return STEWARD_ATTACHMENT_MAX_PDF_BYTES;
    case KIND_TEXT: return STEWARD_ATTACHMENT_MAX_TEXT_BYTES;
    case KIND_UNKNOWN:
    default: return 0;
    }
}

static void
set_unsupported (GError     **error,
                 const char  *name)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               _("%s is not an image, audio file, PDF or text file, the kinds of file Steward can attach."),
               name);
}

static void
set_too_large (GError     **error,
               const char  *name,
               Kind         kind)
{
  guint limit = max_bytes (kind) / MEGABYTE;

  switch (kind)
    {
    case KIND_IMAGE:
      /* Translators: %s is a file name, %u a number of megabytes */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %u MB, the limit for an image."), name, limit);
      break;
    case KIND_AUDIO:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %u MB, the limit for an audio file."), name, limit);
      break;
    case KIND_PDF:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %u MB, the limit for a PDF."), name, limit);
      break;
    case KIND_TEXT:
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("%s is larger than %u MB, the limit for a text file."), name, limit);
      break;
    case KIND_UNKNOWN:
    default:
      set_unsupported (error, name);
      break;
    }
}

/* Writes @data as @directory/@hash unless it is there already */
static GFile *
store_copy (GBytes      *data,
            const char  *hash,
            const char  *pdf_text,
            GFile       *directory,
            GError     **error)
{
  g_autoptr(GFile) copy = g_file_get_child (directory, hash);
  g_autofree char *dir_path = g_file_get_path (directory);
  g_autofree char *path = g_file_get_path (copy);
  gsize size;
  const char *bytes = g_bytes_get_data (data, &size);

  if (dir_path == NULL || path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("The attachments folder must be a local folder."));
      return NULL;
    }

  /* Named by their content: a file of that name holds these bytes */
  if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return g_steal_pointer (&copy);

  if (g_mkdir_with_parents (dir_path, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not make the attachments folder %s: %s."), dir_path, g_strerror (saved));
      return NULL;
    }

  /* A PDF's text first, so that where its copy is, its text is too */
  if (pdf_text != NULL)
    {
      g_autoptr(GFile) text_file = _steward_attachment_dup_text_file (copy);
      g_autofree char *text_path = g_file_get_path (text_file);

      if (!g_file_set_contents_full (text_path, pdf_text, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
        return NULL;
    }

  /* A temporary file renamed into place: never half a copy */
  if (!g_file_set_contents_full (path, bytes, size, G_FILE_SET_CONTENTS_CONSISTENT, 0600, error))
    return NULL;

  return g_steal_pointer (&copy);
}

static StewardAttachment *
import_bytes (GBytes                        *data,
              const char                    *name,
              GFile                         *directory,
              StewardAttachmentPdfProgress   progress,
              gpointer                       progress_data,
              GCancellable                  *cancellable,
              GError                       **error)
{
  StewardAttachmentFields fields = { 0 };
  g_autofree char *mime_type = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GFile) copy = NULL;
  gsize size;
  const char *bytes;
  Kind kind;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  bytes = g_bytes_get_data (data, &size);
  if (size == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("%s is empty."), name);
      return NULL;
    }

  kind = sniff (bytes, size, &mime_type);
  if (kind == KIND_UNKNOWN)
    {
      set_unsupported (error, name);
      return NULL;
    }
  if (size > max_bytes (kind))
    {
      set_too_large (error, name, kind);
      return NULL;
    }

  switch (kind)
    {
    case KIND_IMAGE:
      if (!steward_image_check (data, name, mime_type, &fields.width, &fields.height, error))
        return NULL;
      break;

    case KIND_PDF:
      text = steward_attachment_pdf_read_full (data, name, &fields.n_pages, progress, progress_data,
                                               cancellable, error);
      if (text == NULL)
        return NULL;
      break;

    case KIND_TEXT:
      if (!g_utf8_validate_len (bytes, size, NULL))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not UTF-8 text."), name);
          return NULL;
        }
      /* A leading byte order mark is not part of the text */
      if (size >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
        text = g_strndup (bytes + 3, size - 3);
      else
        text = g_strndup (bytes, size);
      break;

    case KIND_AUDIO:
      if (!steward_audio_probe (data, name, &fields.duration, cancellable, error))
        return NULL;
      if (fields.duration > STEWARD_ATTACHMENT_MAX_AUDIO_SECONDS)
        {
          /* Translators: %s is a file name, %u a number of minutes */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("%s is longer than %u minutes, the limit for an audio file."),
                       name, STEWARD_ATTACHMENT_MAX_AUDIO_SECONDS / 60);
          return NULL;
        }
      break;

    case KIND_UNKNOWN:
    default:
      g_assert_not_reached ();
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  copy = store_copy (data, hash, kind == KIND_PDF ? text : NULL, directory, error);
  if (copy == NULL)
    return NULL;

  fields.hash = hash;
  fields.name = name;
  fields.content_type = mime_type;
  fields.kind = (StewardAttachmentKind) kind;
  fields.size = size;
  fields.text = text;
  fields.file = copy;

  return _steward_attachment_new (&fields);
}

StewardAttachment *
steward_attachment_import_bytes (GBytes        *data,
                                 const char    *name,
                                 GFile         *directory,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  return import_bytes (data, name, directory, NULL, NULL, cancellable, error);
}

/* The first bytes of @file, to tell the kind of a file too large to read */
static char *
read_start (GFile         *file,
            gsize         *len,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInputStream) stream = g_file_read (file, cancellable, error);
  g_autofree char *buffer = NULL;

  if (stream == NULL)
    return NULL;

  buffer = g_malloc (SNIFF_BYTES);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, SNIFF_BYTES, len, cancellable, error))
    return NULL;

  return g_steal_pointer (&buffer);
}

/* Why @file could not be read, in the system's words where it is a
 * local file ("No such file or directory", "Permission denied") rather
 * than GIO's longer sentence naming the whole path */
static void
set_read_error (GError     **error,
                GError      *local_error,
                GFile       *file,
                const char  *name)
{
  const char *path = g_file_peek_path (file);
  g_autofree char *reason = g_strdup (local_error->message);
  int fd;

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (local_error));
      return;
    }

  if (path != NULL)
    {
      if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
        {
          g_free (reason);
          reason = g_strdup (g_strerror (errno));
        }
      else
        close (fd);
    }

  /* Translators: %s is a file name, the second %s why it could not be
   * read */
  g_set_error (error, local_error->domain, local_error->code,
               _("Could not read %s: %s."), name, reason);
}

static StewardAttachment *
import_file (GFile                         *file,
             GFile                         *directory,
             StewardAttachmentPdfProgress   progress,
             gpointer                       progress_data,
             GCancellable                  *cancellable,
             GError                       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (G_IS_FILE (directory), NULL);

  name = g_file_get_basename (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_read_error (error, local_error, file, name);
      return NULL;
    }

  g_free (name);
  name = g_strdup (g_file_info_get_display_name (info));

  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                   _("%s is a folder; attach the files in it instead."), name);
      return NULL;
    }

  /* A file larger than any kind may be is refused without reading it
   * all: its start tells which limit it is over */
  if (g_file_info_get_size (info) > STEWARD_ATTACHMENT_MAX_AUDIO_BYTES)
    {
      g_autofree char *start = NULL;
      g_autofree char *mime_type = NULL;
      Kind kind;

      start = read_start (file, &len, cancellable, &local_error);
      if (start == NULL)
        {
          set_read_error (error, local_error, file, name);
          return NULL;
        }

      kind = sniff (start, len, &mime_type);
      if (kind != KIND_PDF || g_file_info_get_size (info) > STEWARD_ATTACHMENT_MAX_PDF_BYTES)
        {
          set_too_large (error, name, kind);
          return NULL;
        }
    }

  if (!g_file_load_contents (file, cancellable, &contents, &len, NULL, &local_error))
    {
      set_read_error (error, local_error, file, name);
      return NULL;
    }

  data = g_bytes_new_take (g_steal_pointer (&contents), len);

  return import_bytes (data, name, directory, progress, progress_data, cancellable, error);
}

StewardAttachment *
steward_attachment_import_file (GFile         *file,
                                GFile         *directory,
                                GCancellable  *cancellable,
                                GError       **error)
{
  return import_file (file, directory, NULL, NULL, cancellable, error);
}

/* -- in a worker, reporting progress ---------------------------------------- */

/* Shared by the worker, which writes the latest count, and the caller's
 * main context, where one idle at a time hands it on: however fast the
 * pages go, the main loop sees one call per turn. */
typedef struct
{
  gatomicrefcount                  ref_count;
  GMutex                           mutex;
  GMainContext                    *context;
  StewardAttachmentImportProgress  callback;
  gpointer                         data;
  GDestroyNotify                   destroy;
  guint                            done;
  guint                            total;
  gboolean                         scheduled;
} Progress;

static Progress *
progress_new (StewardAttachmentImportProgress callback,
              gpointer                        data,
              GDestroyNotify                  destroy)
{
  Progress *progress = g_new0 (Progress, 1);

  g_atomic_ref_count_init (&progress->ref_count);
  g_mutex_init (&progress->mutex);
  progress->context = g_main_context_ref_thread_default ();
  progress->callback = callback;
  progress->data = data;
  progress->destroy = destroy;

  return progress;
}

static Progress *
progress_ref (Progress *progress)
{
  g_atomic_ref_count_inc (&progress->ref_count);
  return progress;
}

static gboolean
progress_free_cb (gpointer user_data)
{
  Progress *progress = user_data;

  if (progress->destroy != NULL)
    progress->destroy (progress->data);
  g_main_context_unref (progress->context);
  g_mutex_clear (&progress->mutex);
  g_free (progress);

  return G_SOURCE_REMOVE;
}

static void
progress_unref (gpointer user_data)
{
  Progress *progress = user_data;

  /* The caller's data is let go in the caller's context, where it lives
   * (the last reference may go in the worker) */
  if (g_atomic_ref_count_dec (&progress->ref_count))
    g_main_context_invoke_full (progress->context, G_PRIORITY_DEFAULT, progress_free_cb, progress, NULL);
}

static gboolean
progress_dispatch_cb (gpointer user_data)
{
  Progress *progress = user_data;
  guint done, total;

  g_mutex_lock (&progress->mutex);
  done = progress->done;
  total = progress->total;
  progress->scheduled = FALSE;
  g_mutex_unlock (&progress->mutex);

  progress->callback (done, total, progress->data);

  return G_SOURCE_REMOVE;
}

/* In the worker, after each page */
static void
progress_page_cb (guint    page,
                  guint    n_pages,
                  gpointer user_data)
{
  Progress *progress = user_data;
  gboolean schedule;

  g_mutex_lock (&progress->mutex);
  progress->done = page;
  progress->total = n_pages;
  schedule = !progress->scheduled;
  progress->scheduled = TRUE;
  g_mutex_unlock (&progress->mutex);

  /* At the priority the task's own result comes with, and before it: the
   * last count arrives before the import is finished */
  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, progress_dispatch_cb, progress_ref (progress), progress_unref);
      g_source_set_static_name (source, "[steward] attachment import progress");
      g_source_attach (source, progress->context);
    }
}

typedef struct
{
  GFile    *file;
  GBytes   *data;
  char     *name;
  GFile    *directory;
  Progress *progress;
} ImportData;

static void
import_data_free (gpointer user_data)
{
  ImportData *id = user_data;

  g_clear_object (&id->file);
  g_clear_pointer (&id->data, g_bytes_unref);
  g_free (id->name);
  g_clear_object (&id->directory);
  g_clear_pointer (&id->progress, progress_unref);
  g_free (id);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *id = task_data;
  StewardAttachmentPdfProgress progress = id->progress != NULL ? progress_page_cb : NULL;
  GError *error = NULL;
  StewardAttachment *attachment;

  if (id->file != NULL)
    attachment = import_file (id->file, id->directory, progress, id->progress, cancellable, &error);
  else
    attachment = import_bytes (id->data, id->name, id->directory, progress, id->progress, cancellable, &error);

  if (attachment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attachment, g_object_unref);
}

static void
import_in_thread (ImportData          *id,
                  gpointer             source_tag,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  /* Finished by steward_attachment_import_finish () */
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, id, import_data_free);
  g_task_run_in_thread (task, import_thread);
}

void
steward_attachment_import_with_progress_async (GFile                           *file,
                                               GFile                           *directory,
                                               StewardAttachmentImportProgress  progress,
                                               gpointer                         progress_data,
                                               GDestroyNotify                   progress_destroy,
                                               GCancellable                    *cancellable,
                                               GAsyncReadyCallback              callback,
                                               gpointer                         user_data)
{
  ImportData *id;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (G_IS_FILE (directory));

  id = g_new0 (ImportData, 1);
  id->file = g_object_ref (file);
  id->directory = g_object_ref (directory);
  if (progress != NULL)
    id->progress = progress_new (progress, progress_data, progress_destroy);
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  import_in_thread (id, steward_attachment_import_async, cancellable, callback, user_data);
}

void
steward_attachment_import_async (GFile               *file,
                                 GFile               *directory,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  steward_attachment_import_with_progress_async (file, directory, NULL, NULL, NULL,
                                                 cancellable, callback, user_data);
}

void
steward_attachment_import_bytes_with_progress_async (GBytes                          *data,
                                                     const char                      *name,
                                                     GFile                           *directory,
                                                     StewardAttachmentImportProgress  progress,
                                                     gpointer                         progress_data,
                                                     GDestroyNotify                   progress_destroy,
                                                     GCancellable                    *cancellable,
                                                     GAsyncReadyCallback              callback,
                                                     gpointer                         user_data)
{
  ImportData *id;

  g_return_if_fail (data != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (G_IS_FILE (directory));

  id = g_new0 (ImportData, 1);
  id->data = g_bytes_ref (data);
  id->name = g_strdup (name);
  id->directory = g_object_ref (directory);
  if (progress != NULL)
    id->progress = progress_new (progress, progress_data, progress_destroy);
  else if (progress_destroy != NULL)
    progress_destroy (progress_data);

  import_in_thread (id, steward_attachment_import_async, cancellable, callback, user_data);
}

void
steward_attachment_import_bytes_async (GBytes              *data,
                                       const char          *name,
                                       GFile               *directory,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  steward_attachment_import_bytes_with_progress_async (data, name, directory, NULL, NULL, NULL,
                                                       cancellable, callback, user_data);
}

StewardAttachment *
steward_attachment_import_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
