/* steward-cli-output.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "steward-cli-private.h"

/* Everything steward-cli writes goes through here: standard output, whose
 * errors are remembered and turn the exit status into a failure; text made
 * safe for a terminal; and the files of --output. */

/* The first error writing standard output, or 0. */
static int output_errno;

static void
note_output_error (int errsv)
{
  if (output_errno == 0)
    output_errno = errsv != 0 ? errsv : EIO;
}

/* Writes @data to standard output as it is (JSON, exports). */
void
_steward_cli_write (const char *data,
                    gssize      len)
{
  if (len < 0)
    len = strlen (data);

  if (len == 0)
    return;

  errno = 0;
  if (fwrite (data, 1, len, stdout) != (gsize)len)
    note_output_error (errno);
}

void
_steward_cli_flush (void)
{
  errno = 0;
  if (fflush (stdout) != 0)
    note_output_error (errno);
}

/**
 * _steward_cli_dup_printable:
 *
 * @text as it may reach a terminal: valid UTF-8, without control
 * characters (C0 but newline and tab, DEL, C1), which could move the
 * cursor, retitle the window or worse. Character by character, so a
 * sequence split between two pieces of a streamed reply loses its ESC
 * all the same and the rest of it shows as harmless text.
 */
char *
_steward_cli_dup_printable (const char *text,
                            gssize      len)
{
  g_autofree char *valid = g_utf8_make_valid (text, len);
  GString *out = g_string_sized_new (strlen (valid));

  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\n' && c != '\t') || (c >= 0x7f && c <= 0x9f))
        continue;

      g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }

  return g_string_free (out, FALSE);
}

/* Writes text meant for a person: stripped of control characters. */
void
_steward_cli_print_text (const char *text)
{
  g_autofree char *printable = _steward_cli_dup_printable (text, -1);

  _steward_cli_write (printable, -1);
}

void
_steward_cli_print (const char *format,
                    ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  _steward_cli_print_text (text);
}

/* One line on standard error that is not an error: what was remembered. */
void
_steward_cli_say (const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  g_autofree char *printable = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  printable = _steward_cli_dup_printable (text, -1);
  _steward_cli_flush ();
  fprintf (stderr, "%s\n", printable);
}

/**
 * _steward_cli_finish:
 * @status: the exit status of the command
 *
 * Flushes and closes standard output. When something could not be written
 * and the command had not failed already, says so in one sentence.
 *
 * Returns: the exit status to use
 */
int
_steward_cli_finish (int status)
{
  _steward_cli_flush ();

  errno = 0;
  if (fclose (stdout) != 0)
    note_output_error (errno);

  if (output_errno == 0 || status != EXIT_SUCCESS)
    return status;

  {
    g_autofree char *sentence = NULL;
    g_autofree char *printable = NULL;

    sentence = g_strdup_printf (_("Could not write the output: %s."), g_strerror (output_errno));
    printable = _steward_cli_dup_printable (sentence, -1);
    fprintf (stderr, "steward-cli: %s\n", printable);
  }

  return STEWARD_CLI_EXIT_FAILURE;
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           int         *errsv)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          *errsv = errno;
          return FALSE;
        }

      data += n;
      len -= n;
    }

  return TRUE;
}

/* Writes into what is there: a pipe or a device cannot be replaced
 * without breaking whoever reads it, and has nothing to truncate. */
static gboolean
write_into (const char  *path,
            const char  *data,
            gsize        len,
            int         *errsv)
{
  int fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);

  if (fd < 0)
    {
      *errsv = errno;
      return FALSE;
    }

  if (!write_all (fd, data, len, errsv))
    {
      close (fd);
      return FALSE;
    }

  if (close (fd) != 0)
    {
      *errsv = errno;
      return FALSE;
    }

  return TRUE;
}

/* Writes a temporary file beside @target and renames it over @target, so
 * @target is whole or untouched; an existing file keeps its permissions.
 * (g_file_set_contents() would do, but its errors name the temporary
 * file.) */
static gboolean
replace_whole (const char   *target,
               GStatBuf     *existing,
               const char   *data,
               gsize         len,
               int          *errsv)
{
  g_autofree char *tmp = g_strconcat (target, ".XXXXXX", NULL);
  int mode = existing != NULL ? (existing->st_mode & 07777) : 0666;
  int fd;

  if ((fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, mode)) < 0)
    {
      *errsv = errno;
      return FALSE;
    }

  /* The umask applies to a new file, not to the mode of one replaced. */
  if (existing != NULL && fchmod (fd, mode) != 0)
    g_debug ("Could not keep the mode of %s: %s", target, g_strerror (errno));

  if (!write_all (fd, data, len, errsv))
    {
      close (fd);
      goto failed;
    }

  /* A file system that cannot sync (EINVAL) still gets the file. */
  if (fsync (fd) != 0 && errno != EINVAL)
    {
      *errsv = errno;
      close (fd);
      goto failed;
    }

  if (close (fd) != 0 || g_rename (tmp, target) != 0)
    {
      *errsv = errno;
      goto failed;
    }

  return TRUE;

failed:
  g_unlink (tmp);

  return FALSE;
}

/* Where a chain of symbolic links ending at a name that does not exist
 * yet leads: the file to make. */
static char *
follow_to_new_file (const char  *path,
                    int         *errsv)
{
  g_autofree char *current = g_strdup (path);

  for (guint depth = 0; depth < 40; depth++)
    {
      g_autofree char *target = NULL;
      GStatBuf st;

      if (g_lstat (current, &st) != 0)
        {
          if (errno == ENOENT)
            return g_steal_pointer (&current);
          *errsv = errno;
          return NULL;
        }

      if (!S_ISLNK (st.st_mode) || !(target = g_file_read_link (current, NULL)))
        {
          *errsv = ENOENT;
          return NULL;
        }

      if (!g_path_is_absolute (target))
        {
          g_autofree char *dir = g_path_get_dirname (current);

          g_free (current);
          current = g_build_filename (dir, target, NULL);
        }
      else
        {
          g_free (current);
          current = g_steal_pointer (&target);
        }
    }

  *errsv = ELOOP;
  return NULL;
}

/**
 * _steward_cli_write_file:
 * @path: the file the user named with --output
 *
 * Writes @data to @path. A regular file, or a name not there yet, is
 * written whole or not at all (through a temporary file renamed over it,
 * keeping its permissions). A pipe or a character device (a terminal,
 * /dev/null) is written into as it is. A symbolic link is followed on
 * purpose, to the file it leads to, which these same rules then apply to:
 * the link stays a link. Anything else (a folder, a socket) is refused.
 *
 * Returns: %TRUE on success, else %FALSE with @error set to one sentence
 */
gboolean
_steward_cli_write_file (const char  *path,
                         const char  *data,
                         gsize        len,
                         GError     **error)
{
  g_autofree char *target = NULL;
  gboolean written;
  GStatBuf st;
  int errsv = 0;

  if (g_stat (path, &st) != 0)
    {
      errsv = errno;
      written = errsv == ENOENT &&
                (target = follow_to_new_file (path, &errsv)) != NULL &&
                replace_whole (target, NULL, data, len, &errsv);
    }
  else if (S_ISREG (st.st_mode))
    {
      char resolved[PATH_MAX];

      if (realpath (path, resolved) == NULL)
        {
          errsv = errno;
          written = FALSE;
        }
      else
        written = replace_whole (resolved, &st, data, len, &errsv);
    }
  else if (S_ISFIFO (st.st_mode) || S_ISCHR (st.st_mode))
    {
      written = write_into (path, data, len, &errsv);
    }
  else if (S_ISDIR (st.st_mode))
    {
      errsv = EISDIR;
      written = FALSE;
    }
  else
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("Could not write “%s”: it is not a file, a pipe or a character device."),
                   path);
      return FALSE;
    }

  if (!written)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errsv),
                   _("Could not write “%s”: %s."), path, g_strerror (errsv));
      return FALSE;
    }

  return TRUE;
}
