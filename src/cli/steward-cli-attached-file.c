/* steward-cli-attached-file.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "steward-cli-private.h"

/* `tasks extract --file` with an image or a PDF: the file attached in a
 * scratch folder (checked whole, within the limits, as chat --attach
 * does), a PDF giving its text, an image sent to the model. */

/* A folder of our own for the copy of a file attached only to find tasks
 * in it, removed with what is in it */
void
_steward_cli_scratch_dir_free (StewardCliScratchDir *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        _steward_cli_scratch_dir_free (g_steal_pointer (&child));
      else
        g_unlink (child);
    }
  g_rmdir (path);
  g_free (path);
}

/* Whether @path starts as an image or a PDF does, rather than as text:
 * bytes that are not UTF-8 (a character cut at the end of what is read
 * aside), a NUL byte, or a PDF's header. A file that cannot be opened is
 * left to the text reader, which says why. */
gboolean
_steward_cli_looks_attached (const char *path)
{
  char buffer[4096];
  const char *end;
  ssize_t len;
  int fd;

  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return FALSE;
  len = read (fd, buffer, sizeof buffer);
  close (fd);
  if (len <= 0)
    return FALSE;

  if (len >= 5 && memcmp (buffer, "%PDF-", 5) == 0)
    return TRUE;
  if (memchr (buffer, '\0', len) != NULL)
    return TRUE;

  return !g_utf8_validate (buffer, len, &end) && (len < (ssize_t) sizeof buffer || buffer + len - end > 3);
}

/* An image or a PDF to find tasks in: attached (checked whole, within
 * the limits) in a scratch folder; a PDF gives its text, an image is sent
 * to the model with a line saying what it is */
gboolean
_steward_cli_read_attached_file (const char            *path,
                                 StewardCliScratchDir **scratch,
                    StewardAttachment  **image,
                    char               **text,
                    GDateTime          **modified,
                    int                 *exit_status)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) directory = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  if (!(*scratch = g_dir_make_tmp ("steward-extract-XXXXXX", &error)))
    {
      *exit_status = _steward_cli_fail_error (error);
      return FALSE;
    }

  directory = g_file_new_for_path (*scratch);
  if (!(attachment = steward_attachment_import_file (file, directory, NULL, &error)))
    {
      *exit_status = _steward_cli_fail_error (error);
      return FALSE;
    }

  switch (steward_attachment_get_kind (attachment))
    {
    case STEWARD_ATTACHMENT_KIND_IMAGE:
      /* For the model, in English as its prompt */
      *text = g_strdup_printf ("The text is in the attached image, %s: read it there.",
                               steward_attachment_get_name (attachment));
      *image = g_steal_pointer (&attachment);
      break;

    case STEWARD_ATTACHMENT_KIND_PDF:
    case STEWARD_ATTACHMENT_KIND_TEXT:
      if (!(*text = steward_attachment_dup_text (attachment, NULL, &error)))
        {
          *exit_status = _steward_cli_fail_error (error);
          return FALSE;
        }
      break;

    case STEWARD_ATTACHMENT_KIND_AUDIO:
    default:
      /* Translators: %s is a file name */
      *exit_status = _steward_cli_fail (_("Tasks cannot be found in the audio file %s yet."),
                                        steward_attachment_get_name (attachment));
      return FALSE;
    }

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_TIME_MODIFIED, G_FILE_QUERY_INFO_NONE, NULL, NULL);
  *modified = info != NULL ? g_file_info_get_modification_date_time (info) : NULL;
  if (*modified != NULL)
    {
      GDateTime *local = g_date_time_to_local (*modified);

      g_date_time_unref (*modified);
      *modified = local;
    }
  else
    *modified = steward_local_now ();

  return TRUE;
}
