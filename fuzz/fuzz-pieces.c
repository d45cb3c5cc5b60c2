/* fuzz-pieces.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-harness.h"

void
fuzz_pieces_init (FuzzPieces   *self,
                  const guint8 *data,
                  gsize         size)
{
  guint8 spec = size > 0 ? data[0] : 0;

  self->data = size > 0 ? data + 1 : data;
  self->len = size > 0 ? size - 1 : 0;
  self->pos = 0;
  self->piece = NULL;

  if (spec == 0)
    {
      /* One piece */
      self->max = 0;
      self->state = 0;
    }
  else
    {
      self->max = 1u << (spec % 9);
      /* Any non-zero start will do for xorshift */
      self->state = (spec * 2654435761u) | 1;
    }
}

static guint32
next_random (FuzzPieces *self)
{
  guint32 x = self->state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  self->state = x;

  return x;
}

gboolean
fuzz_pieces_next (FuzzPieces  *self,
                  const char **piece,
                  gsize       *piece_len)
{
  gsize n;

  g_clear_pointer (&self->piece, g_free);

  if (self->pos >= self->len)
    return FALSE;

  if (self->max == 0)
    n = self->len;
  else
    n = 1 + next_random (self) % self->max;
  n = MIN (n, self->len - self->pos);

  self->piece = g_memdup2 (self->data + self->pos, n);
  self->pos += n;

  *piece = (const char *)self->piece;
  *piece_len = n;

  return TRUE;
}

void
fuzz_pieces_clear (FuzzPieces *self)
{
  g_clear_pointer (&self->piece, g_free);
}

const char *
fuzz_pieces_get_text (FuzzPieces *self,
                      gsize      *len)
{
  *len = self->len;

  return (const char *)self->data;
}
