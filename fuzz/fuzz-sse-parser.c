/* fuzz-sse-parser.c
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
#include "steward-sse-parser.h"

/* The events must not depend on where the network cut the stream: the
 * input is parsed in the pieces its first byte chooses and in one piece,
 * and both must give the same events and the same outcome. An event
 * whose data starts with byte 0x01 is refused by the callback, which
 * must stop the feed with an error. */

typedef struct
{
  GPtrArray *events;
  gboolean   refused;
} Collected;

static gboolean
event_cb (const char  *event,
          const char  *data,
          gpointer     user_data,
          GError     **error)
{
  Collected *collected = user_data;
  GString *record;

  if (event == NULL || data == NULL)
    fuzz_fail ("an event without a type or data");
  if (event[0] == '\0')
    fuzz_fail ("an event with an empty type");

  record = g_string_new (event);
  g_string_append_c (record, '\0');
  g_string_append (record, data);
  g_ptr_array_add (collected->events, g_string_free_to_bytes (record));

  if (data[0] == '\x01')
    {
      collected->refused = TRUE;
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "refused");
      return FALSE;
    }

  return TRUE;
}

/* Returns the events; @ok_out says whether the parse succeeded. */
static GPtrArray *
parse (FuzzPieces *pieces,
       gboolean   *ok_out)
{
  g_autoptr(GError) error = NULL;
  StewardSseParser *parser;
  Collected collected = { NULL, FALSE };
  const char *piece;
  gsize piece_len;
  gboolean ok = TRUE;

  collected.events = g_ptr_array_new_with_free_func ((GDestroyNotify)g_bytes_unref);
  parser = steward_sse_parser_new (event_cb, &collected);

  while (ok && fuzz_pieces_next (pieces, &piece, &piece_len))
    ok = steward_sse_parser_feed (parser, piece, piece_len, &error);
  if (ok)
    ok = steward_sse_parser_finish (parser, &error);

  if (!ok && error == NULL)
    fuzz_fail ("the SSE parser failed without saying why");
  if (collected.refused && ok)
    fuzz_fail ("a refused event did not stop the feed");

  fuzz_pieces_clear (pieces);
  steward_sse_parser_free (parser);

  *ok_out = ok;
  return collected.events;
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
  g_autoptr(GPtrArray) cut = NULL;
  g_autoptr(GPtrArray) whole = NULL;
  g_autofree guint8 *one_piece = NULL;
  FuzzPieces pieces;
  gboolean cut_ok;
  gboolean whole_ok;

  fuzz_pieces_init (&pieces, data, size);
  cut = parse (&pieces, &cut_ok);

  /* The same text behind a 0 byte: one piece */
  one_piece = g_malloc0 (MAX (size, 1));
  if (size > 1)
    memcpy (one_piece + 1, data + 1, size - 1);
  fuzz_pieces_init (&pieces, one_piece, size);
  whole = parse (&pieces, &whole_ok);

  if (cut_ok != whole_ok)
    fuzz_fail ("the parse %s in pieces but %s in one piece",
               cut_ok ? "succeeded" : "failed", whole_ok ? "succeeded" : "failed");
  if (cut->len != whole->len)
    fuzz_fail ("%u events in pieces, %u in one piece", cut->len, whole->len);
  for (guint i = 0; i < cut->len; i++)
    {
      if (!g_bytes_equal (g_ptr_array_index (cut, i), g_ptr_array_index (whole, i)))
        fuzz_fail ("event %u differs between pieces and one piece", i);
    }

  return 0;
}
