/* fuzz-harness.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <stdint.h>

G_BEGIN_DECLS

/* What libFuzzer calls: once at start-up, then once per input. */
int      LLVMFuzzerInitialize       (int            *argc,
                                     char         ***argv);
int      LLVMFuzzerTestOneInput     (const uint8_t  *data,
                                     size_t          size);

/* Makes a critical from any log domain abort (check "critical"), so
 * libFuzzer keeps the input that caused it, and keeps debug, info and
 * warnings quiet. */
void     fuzz_log_guard_install     (void);

/* Aborts with a sentence on stderr: an input broke a promise the code
 * makes (the fuzzer saves it like a crash). */
void     fuzz_fail                  (const char     *format,
                                     ...) G_GNUC_PRINTF (1, 2) G_GNUC_NORETURN;
/* As fuzz_fail(), for a check with a name ("error-message") that
 * STEWARD_FUZZ_IGNORE=NAME,… turns off: then it returns. */
void     fuzz_failed_check          (const char     *check,
                                     const char     *format,
                                     ...) G_GNUC_PRINTF (2, 3);
/* Fails the check unless @text is NULL or valid UTF-8: text Steward
 * stores, shows in a GTK label or prints must be. */
void     fuzz_check_utf8            (const char     *check,
                                     const char     *text);

/* Cuts an input into the pieces a network read could give. The first
 * byte of the input chooses the cuts: 0 hands the rest over as one
 * piece; any other value gives pieces of pseudo-random lengths from 1 up
 * to 2^(byte % 9), so the fuzzer steers where the cuts fall. */
typedef struct
{
  const guint8 *data;
  gsize         len;
  gsize         pos;
  guint32       state;
  guint         max;
  /* The last piece, copied into a buffer of its exact length so that
   * AddressSanitizer sees any read past its end. */
  guint8       *piece;
} FuzzPieces;

void     fuzz_pieces_init           (FuzzPieces     *self,
                                     const guint8   *data,
                                     gsize           size);
gboolean fuzz_pieces_next           (FuzzPieces     *self,
                                     const char    **piece,
                                     gsize          *piece_len);
void     fuzz_pieces_clear          (FuzzPieces     *self);
/* The input after the cut byte, as one piece. */
const char *fuzz_pieces_get_text    (FuzzPieces     *self,
                                     gsize          *len);

G_END_DECLS
