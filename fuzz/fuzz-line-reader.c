/* fuzz-line-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "fuzz-harness.h"
#include "steward-line-reader.h"

/* The lines must not depend on where the network cut the stream: they
 * are compared with the lines of the whole text split at LF, CRLF and
 * lone CR. A line starting with byte 0x01 makes the callback refuse it,
 * which must stop the feed with an error. */

typedef struct
{
  GPtrArray *lines;
  gboolean   refused;
} Collected;

static gboolean
line_cb (const char  *line,
         gsize        len,
         gpointer     user_data,
         GError     **error)
{
  Collected *collected = user_data;

  if (line[len] != '\0')
    fuzz_fail ("line of %" G_GSIZE_FORMAT " bytes is not NUL-terminated", len);
  if (memchr (line, '\n', len) != NULL || memchr (line, '\r', len) != NULL)
    fuzz_fail ("line of %" G_GSIZE_FORMAT " bytes holds a line ending", len);

  g_ptr_array_add (collected->lines, g_bytes_new (line, len));

  if (len > 0 && line[0] == '\x01')
    {
      collected->refused = TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
split_whole (const char *text,
             gsize       len)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  gsize start = 0;

  for (gsize i = 0; i < len; i++)
    {
      if (text[i] != '\n' && text[i] != '\r')
        continue;

      g_ptr_array_add (lines, g_bytes_new (text + start, i - start));
      if (text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
        i++;
      start = i + 1;
    }

  if (start < len)
    g_ptr_array_add (lines, g_bytes_new (text + start, len - start));

  return lines;
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  StewardLineReader *reader;
  Collected collected = { NULL, FALSE };
  FuzzPieces pieces;
  const char *piece;
  const char *text;
  gsize piece_len;
  gsize len;
  gboolean ok = TRUE;

  fuzz_pieces_init (&pieces, data, size);
  text = fuzz_pieces_get_text (&pieces, &len);
  expected = split_whole (text, len);

  collected.lines = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  reader = steward_line_reader_new (line_cb, &collected);

  while (ok && fuzz_pieces_next (&pieces, &piece, &piece_len))
    ok = steward_line_reader_feed (reader, piece, piece_len, &error);
  if (ok)
    ok = steward_line_reader_finish (reader, &error);

  if (!ok && error == NULL)
    fuzz_fail ("the line reader failed without saying why");
  if (collected.refused && ok)
    fuzz_fail ("a refused line did not stop the feed");

  if (collected.lines->len > expected->len)
    fuzz_fail ("%u lines, the whole text has %u", collected.lines->len, expected->len);
  if (ok && collected.lines->len != expected->len)
    fuzz_fail ("%u lines, the whole text has %u", collected.lines->len, expected->len);

  for (guint i = 0; i < collected.lines->len; i++)
    {
      if (!g_bytes_equal (g_ptr_array_index (collected.lines, i), g_ptr_array_index (expected, i)))
        fuzz_fail ("line %u differs from line %u of the whole text", i, i);
    }

  fuzz_pieces_clear (&pieces);
  steward_line_reader_free (reader);
  g_ptr_array_unref (collected.lines);

  return 0;
}
