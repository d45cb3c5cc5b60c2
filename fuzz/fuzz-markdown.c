/* fuzz-markdown.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-markdown-check.h"

/* A whole reply (any bytes: invalid UTF-8 is replaced) into blocks and
 * their Pango markup, which must parse as Pango parses it. */

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
  g_autoptr(GPtrArray) blocks = NULL;
  g_autofree char *text = NULL;

  /* Not NUL-terminated: the length is all the parser gets. */
  blocks = steward_markdown_parse ((const char *)data, size);
  fuzz_markdown_check_blocks (blocks);

  text = g_strndup ((const char *)data, size);
  steward_markdown_has_link_definitions (text);

  return 0;
}
