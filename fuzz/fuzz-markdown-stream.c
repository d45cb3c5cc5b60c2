/* fuzz-markdown-stream.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <string.h>

#include "fuzz-markdown-check.h"

/* A reply streamed into the Markdown stream in the pieces the input's
 * first byte chooses. steward-markdown.h promises that the committed
 * blocks are exactly those steward_markdown_parse() gives for the whole
 * text, and the view relies on a committed block never changing.
 *
 * One exception is documented (steward-markdown-stream.c): a reference
 * link defined after the block using it is not linked in the stream, and
 * the view parses the whole text again when
 * steward_markdown_has_link_definitions() says so. For such a text only
 * the blocks themselves are checked. A reply never holds a NUL byte (the
 * JSON readers replace it), so such a text is not compared either. */

static void
check_prefix (GPtrArray *expected,
              GPtrArray *blocks,
              guint      from)
{
  if (blocks->len > expected->len)
    fuzz_fail ("%u blocks committed, the whole text has %u", blocks->len, expected->len);

  for (guint i = from; i < blocks->len; i++)
    {
      const StewardMarkdownBlock *a = g_ptr_array_index (expected, i);
      const StewardMarkdownBlock *b = g_ptr_array_index (blocks, i);

      if (!steward_markdown_block_equal (a, b))
        fuzz_fail ("committed block %u differs from the whole text's:\n"
                   "whole:     kind %d level %u bullet %s markup %s text %s\n"
                   "committed: kind %d level %u bullet %s markup %s text %s",
                   i,
                   a->kind, a->level, a->bullet, a->markup, a->text,
                   b->kind, b->level, b->bullet, b->markup, b->text);
    }
}

static gboolean
needs_whole_parse (const char *text,
                   gsize       len)
{
  g_autofree char *valid = NULL;

  if (memchr (text, '\0', len) != NULL)
    return TRUE;

  valid = g_utf8_make_valid (text, len);

  return steward_markdown_has_link_definitions (valid);
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
  StewardMarkdownStream *stream;
  GPtrArray *blocks;
  FuzzPieces pieces;
  const char *piece;
  const char *text;
  gsize piece_len;
  gsize len;
  guint total = 0;
  gboolean compare;

  fuzz_pieces_init (&pieces, data, size);
  text = fuzz_pieces_get_text (&pieces, &len);
  compare = !needs_whole_parse (text, len);
  expected = steward_markdown_parse (text, len);

  stream = steward_markdown_stream_new ();
  blocks = steward_markdown_stream_get_blocks (stream);

  while (fuzz_pieces_next (&pieces, &piece, &piece_len))
    {
      guint before = blocks->len;
      guint added = steward_markdown_stream_append (stream, piece, piece_len);
      const char *pending = steward_markdown_stream_get_pending (stream);

      if (blocks->len != before + added)
        fuzz_fail ("append said %u blocks were added, %u were", added, blocks->len - before);
      total += added;
      if (compare)
        check_prefix (expected, blocks, before);
      if (pending == NULL)
        fuzz_fail ("no pending text");
      fuzz_check_utf8 ("pending-text", pending);
    }
  fuzz_pieces_clear (&pieces);

  /* Every block but the last is committed once its line is complete */
  if (compare && len > 0 && text[len - 1] == '\n' && blocks->len + 1 < expected->len)
    fuzz_fail ("after a complete line %u blocks are committed, the whole text has %u",
               blocks->len, expected->len);

  total += steward_markdown_stream_finish (stream);
  if (total != blocks->len)
    fuzz_fail ("appends and finish added %u blocks, there are %u", total, blocks->len);
  if (g_strcmp0 (steward_markdown_stream_get_pending (stream), "") != 0)
    fuzz_fail ("text is pending after the stream finished");
  if (compare)
    {
      if (blocks->len != expected->len)
        fuzz_fail ("%u blocks streamed, the whole text has %u", blocks->len, expected->len);
      check_prefix (expected, blocks, 0);
    }
  fuzz_markdown_check_blocks (blocks);

  steward_markdown_stream_free (stream);

  return 0;
}
