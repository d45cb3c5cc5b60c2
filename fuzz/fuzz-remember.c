/* fuzz-remember.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-harness.h"
#include "steward-chat-private.h"

/* "Remember that …" in a message the user typed: the chat turn reads it
 * with _steward_parse_remember(). The text is valid UTF-8 by then (the
 * composer and the CLI see to it), so the input is made valid first. The
 * fact that comes out is stored and shown: valid UTF-8, at least three
 * characters. */

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
  g_autofree char *text = g_utf8_make_valid ((const char *)data, size);
  g_autofree char *fact = _steward_parse_remember (text);

  if (fact == NULL)
    return 0;

  fuzz_check_utf8 ("remembered-fact", fact);
  if (g_utf8_strlen (fact, -1) < 3)
    fuzz_fail ("the fact “%s” is shorter than three characters", fact);

  return 0;
}
