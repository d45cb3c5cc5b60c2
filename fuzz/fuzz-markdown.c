/* fuzz-markdown.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-markdown-check.h"

/* A whole reply (any bytes: invalid UTF-8 is replaced) into a tree,
 * which must keep what steward-markdown-tree.h promises, and into blocks
 * and their Pango markup, which must parse as Pango parses it and be the
 * rendering of that tree. */

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
  g_autoptr(StewardMarkdownTree) tree = NULL;
  g_autoptr(GPtrArray) rendered = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *text = NULL;

  /* Not NUL-terminated: the length is all the parser gets. */
  tree = steward_markdown_parse_tree ((const char *)data, size);
  fuzz_markdown_check_tree (tree);

  blocks = steward_markdown_parse ((const char *)data, size);
  fuzz_markdown_check_blocks (blocks);

  rendered = steward_markdown_pango_render (tree);
  if (rendered->len != blocks->len)
    fuzz_fail ("the tree renders to %u blocks, the text to %u", rendered->len, blocks->len);
  for (guint i = 0; i < blocks->len; i++)
    if (!steward_markdown_block_equal (g_ptr_array_index (rendered, i), g_ptr_array_index (blocks, i)))
      fuzz_fail ("block %u of the tree differs from the text's", i);

  text = g_strndup ((const char *)data, size);
  steward_markdown_has_link_definitions (text);

  return 0;
}
