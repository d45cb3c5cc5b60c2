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

StewardAttachment *
steward_attachment_import_bytes (GBytes        *data,
                                 const char    *name,
                                 GFile         *directory,
                                 GCancellable  *cancellable,
                                 GError       **error)
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
      text = steward_attachment_pdf_read (data, name, &fields.n_pages, cancellable, error);
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

StewardAttachment *
steward_attachment_import_file (GFile         *file,
                                GFile         *directory,
                                GCancellable  *cancellable,
                                GError       **error)
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

  return steward_attachment_import_bytes (data, name, directory, cancellable, error);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  GFile *file = task_data;
  GFile *directory = g_object_get_data (G_OBJECT (task), "directory");
  GError *error = NULL;
  StewardAttachment *attachment;

  attachment = steward_attachment_import_file (file, directory, cancellable, &error);
  if (attachment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attachment, g_object_unref);
}

void
steward_attachment_import_async (GFile               *file,
                                 GFile               *directory,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (G_IS_FILE (directory));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_attachment_import_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_object_set_data_full (G_OBJECT (task), "directory", g_object_ref (directory), g_object_unref);
  g_task_run_in_thread (task, import_thread);
}

typedef struct
{
  GBytes *data;
  char   *name;
} BytesData;

static void
bytes_data_free (gpointer data)
{
  BytesData *bd = data;

  g_bytes_unref (bd->data);
  g_free (bd->name);
  g_free (bd);
}

static void
import_bytes_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  BytesData *bd = task_data;
  GFile *directory = g_object_get_data (G_OBJECT (task), "directory");
  GError *error = NULL;
  StewardAttachment *attachment;

  attachment = steward_attachment_import_bytes (bd->data, bd->name, directory, cancellable, &error);
  if (attachment == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attachment, g_object_unref);
}

void
steward_attachment_import_bytes_async (GBytes              *data,
                                       const char          *name,
                                       GFile               *directory,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  BytesData *bd;

  g_return_if_fail (data != NULL);
  g_return_if_fail (name != NULL);
  g_return_if_fail (G_IS_FILE (directory));

  task = g_task_new (NULL, cancellable, callback, user_data);
  /* Finished by steward_attachment_import_finish () */
  g_task_set_source_tag (task, steward_attachment_import_async);
  bd = g_new0 (BytesData, 1);
  bd->data = g_bytes_ref (data);
  bd->name = g_strdup (name);
  g_task_set_task_data (task, bd, bytes_data_free);
  g_object_set_data_full (G_OBJECT (task), "directory", g_object_ref (directory), g_object_unref);
  g_task_run_in_thread (task, import_bytes_thread);
}

StewardAttachment *
steward_attachment_import_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
