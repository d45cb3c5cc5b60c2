/* steward-markdown-stream.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown"

#include "config.h"

#include <string.h>

#include "steward-markdown-private.h"

/* A reply's Markdown as it streams in (StewardMarkdownStream).
 *
 * The stream keeps only the segment of the text that may still matter:
 * everything before it is committed and never parsed again. Each time a
 * line completes, the segment's complete lines are parsed; every block
 * but the last is then final (appended lines only extend or reinterpret
 * the open leaf, the last block: a later block starting means the earlier
 * leaf was closed for good) and is committed. Incomplete lines are never
 * parsed: a half-received line may read as a different block ("***" of
 * "***bold***").
 *
 * To keep each parse small the segment start moves to a cut point: the
 * blank line before a line at column 0 (or an ATX heading line), outside
 * a fence. Such a line closes every container but a top-level list that
 * it may continue, so the text from there parses the same alone; a cut is
 * only taken when parsing both halves apart gives exactly the blocks of
 * parsing them together, which also catches what the line scan cannot
 * see (a fence opened in a list item, an ordered list numbered 1., 1.).
 * So a parse costs the size of the text since the last cut, which is
 * about the pending block, never the whole reply.
 *
 * Not handled: a reference link ("[a]: https://…") defined in a part
 * already cut off, or defined after the block using it was committed,
 * is not linked in the stream although it is in the whole text; a view
 * parses the whole text again when it ends and
 * steward_markdown_has_link_definitions() says so.
 */
struct _StewardMarkdownStream
{
  GString   *segment;
  GPtrArray *blocks;
  char      *pending;

  char       held[4];
  gsize      n_held;

  guint      segment_committed;
  gsize      parsed_end;
  gsize      scan_end;
  gsize      previous_start;
  gsize      candidate;
  gsize      pending_start;
  gboolean   previous_blank;
  char       fence_char;
  gsize      fence_len;
  gboolean   finished;
};

StewardMarkdownStream *
steward_markdown_stream_new (void)
{
  StewardMarkdownStream *self = g_new0 (StewardMarkdownStream, 1);

  self->segment = g_string_new (NULL);
  self->blocks = g_ptr_array_new_with_free_func ((GDestroyNotify) steward_markdown_block_free);
  self->previous_blank = TRUE;

  return self;
}

void
steward_markdown_stream_free (StewardMarkdownStream *self)
{
  if (self == NULL)
    return;

  g_string_free (self->segment, TRUE);
  g_ptr_array_unref (self->blocks);
  g_free (self->pending);
  g_free (self);
}

GPtrArray *
steward_markdown_stream_get_blocks (StewardMarkdownStream *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->blocks;
}

static gboolean
line_is_blank (const char *line,
               gsize       len)
{
  for (gsize i = 0; i < len; i++)
    if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
      return FALSE;

  return TRUE;
}

/* A fence line at up to 3 spaces of indentation: returns the fence
 * character and sets @run and whether only blanks follow it. */
static char
line_fence (const char *line,
            gsize       len,
            gsize      *run,
            gboolean   *bare)
{
  gsize i = 0;
  gsize start;
  char c;

  while (i < len && i < 3 && line[i] == ' ')
    i++;
  if (i >= len || (line[i] != '`' && line[i] != '~'))
    return 0;

  c = line[i];
  start = i;
  while (i < len && line[i] == c)
    i++;
  if (i - start < 3)
    return 0;

  *run = i - start;
  *bare = line_is_blank (line + i, len - i);

  /* A backtick fence's info string has no backtick */
  if (c == '`' && memchr (line + i, '`', len - i) != NULL)
    return 0;

  return c;
}

/* Looks for cut candidates in the lines completed since the last call. */
static void
stream_scan_lines (StewardMarkdownStream *self,
                   gsize                  end)
{
  const char *str = self->segment->str;

  while (self->scan_end < end)
    {
      gsize start = self->scan_end;
      const char *nl = memchr (str + start, '\n', end - start);
      gsize len = nl - (str + start);
      gboolean blank = line_is_blank (str + start, len);
      gboolean bare = FALSE;
      gsize run = 0;
      char fence = line_fence (str + start, len, &run, &bare);

      if (self->fence_char != 0)
        {
          if (fence == self->fence_char && run >= self->fence_len && bare)
            self->fence_char = 0;
        }
      else
        {
          /* The blank line stays in the segment: md4c reads a list at
           * the very start of a document differently ("10. a" followed by
           * two blank lines ends there) */
          if (!blank && str[start] != ' ' && str[start] != '\t')
            {
              if (self->previous_blank && self->previous_start > 0)
                self->candidate = self->previous_start;
              else if (!self->previous_blank && str[start] == '#')
                self->candidate = start;
            }

          if (fence != 0)
            {
              self->fence_char = fence;
              self->fence_len = run;
            }
        }

      self->previous_blank = blank;
      self->previous_start = start;
      self->scan_end = start + len + 1;
    }
}

static gboolean
blocks_split_equal (GPtrArray *whole,
                    GPtrArray *before,
                    GPtrArray *after)
{
  if (before->len + after->len != whole->len)
    return FALSE;

  for (guint i = 0; i < whole->len; i++)
    {
      StewardMarkdownBlock *part = i < before->len ? g_ptr_array_index (before, i)
                                                   : g_ptr_array_index (after, i - before->len);

      if (!steward_markdown_block_equal (g_ptr_array_index (whole, i), part))
        return FALSE;
    }

  return TRUE;
}

static gsize
line_start (const char *str,
            gsize       offset)
{
  while (offset > 0 && str[offset - 1] != '\n')
    offset--;

  return offset;
}

static gsize
next_line (const char *str,
           gsize       len,
           gsize       offset)
{
  const char *nl = memchr (str + offset, '\n', len - offset);

  return nl != NULL ? (gsize) (nl - str) + 1 : len;
}

/* Where the last block of a parse of the segment starts in the source:
 * the line of its first text (one line up for a fence), or else the line
 * after the previous block's text. */
static gsize
stream_find_pending_start (StewardMarkdownStream *self,
                           GArray                *spans)
{
  const char *str = self->segment->str;
  gsize len = self->segment->len;
  const StewardMarkdownSpan *last;
  const StewardMarkdownSpan *previous;
  gsize offset;

  if (spans->len == 0)
    return 0;

  last = &g_array_index (spans, StewardMarkdownSpan, spans->len - 1);
  if (last->first >= 0)
    {
      offset = line_start (str, last->first);
      if (last->fenced && offset > 0)
        offset = line_start (str, offset - 1);
      return offset;
    }

  if (spans->len < 2)
    return 0;

  previous = &g_array_index (spans, StewardMarkdownSpan, spans->len - 2);
  if (previous->last < 0)
    return 0;

  /* Past the previous block's text, blank lines and a closing fence */
  offset = next_line (str, len, previous->last - 1);
  while (offset < len)
    {
      gsize end = next_line (str, len, offset);
      const char *p = str + offset;
      gboolean bare = FALSE;
      gsize run;

      if (line_is_blank (p, end - offset))
        {
          offset = end;
          continue;
        }

      while (*p == ' ' || *p == '>')
        p++;
      if (previous->fenced &&
          line_fence (p, end - (p - str), &run, &bare) != 0 && bare)
        offset = end;
      break;
    }

  return offset;
}

/* md4c 0.4.8, on a blank line in a list item after a closed block, reads
 * the last line record as if it were a block header, so whether the item
 * goes on depends on that line's offset modulo 256. Keeping the segment's
 * offsets congruent to the whole text's makes the parse of a segment
 * agree with the parse of the whole: the cut-off part is replaced by
 * cut % 256 blank lines. */
#define OFFSET_ALIGNMENT 256

static GString *
stream_dup_after_cut (StewardMarkdownStream *self,
                      gsize                  cut,
                      gsize                  end)
{
  gsize pad = cut % OFFSET_ALIGNMENT;
  GString *after = g_string_sized_new (pad + end - cut);

  g_string_set_size (after, pad);
  memset (after->str, '\n', pad);
  g_string_append_len (after, self->segment->str + cut, end - cut);

  return after;
}

static void
stream_cut (StewardMarkdownStream *self,
            gsize                  cut)
{
  gsize pad = cut % OFFSET_ALIGNMENT;
  gsize shift = cut - pad;

  g_string_erase (self->segment, 0, shift);
  memset (self->segment->str, '\n', pad);
  self->parsed_end -= shift;
  self->scan_end -= shift;
  self->previous_start -= MIN (self->previous_start, shift);
}

static guint
stream_parse (StewardMarkdownStream *self,
              gsize                  end,
              gboolean               final)
{
  g_autoptr(GPtrArray) whole = NULL;
  g_autoptr(GArray) spans = NULL;
  gsize cut = self->candidate;
  guint n_commit;
  guint added = 0;

  whole = _steward_markdown_parse_valid (self->segment->str, end, &spans);
  n_commit = final ? whole->len : (whole->len > 0 ? whole->len - 1 : 0);

  /* A cut only where the two halves parse as the whole did */
  if (cut > 0 && cut < end && !final)
    {
      g_autoptr(GPtrArray) before = _steward_markdown_parse_valid (self->segment->str, cut, NULL);
      g_autoptr(GArray) after_spans = NULL;
      g_autoptr(GString) after_text = stream_dup_after_cut (self, cut, end);
      g_autoptr(GPtrArray) after = _steward_markdown_parse_valid (after_text->str, after_text->len, &after_spans);

      if (before->len <= n_commit && after->len > 0 &&
          blocks_split_equal (whole, before, after))
        {
          g_clear_pointer (&spans, g_array_unref);
          spans = g_steal_pointer (&after_spans);
        }
      else
        cut = 0;
    }
  else
    cut = 0;
  self->candidate = 0;

  for (guint i = self->segment_committed; i < n_commit; i++)
    {
      g_ptr_array_add (self->blocks, g_ptr_array_index (whole, i));
      whole->pdata[i] = NULL;
      added++;
    }
  self->segment_committed = MAX (self->segment_committed, n_commit);

  if (cut > 0)
    {
      guint before_len = whole->len - spans->len;

      stream_cut (self, cut);
      self->segment_committed -= before_len;
    }

  self->pending_start = final ? self->segment->len : stream_find_pending_start (self, spans);

  return added;
}

/* The length of a UTF-8 sequence that @data ends in the middle of, or 0. */
static gsize
incomplete_utf8_tail (const char *data,
                      gsize       len)
{
  for (gsize back = 1; back <= 3 && back <= len; back++)
    {
      guchar c = data[len - back];
      gsize need;

      if ((c & 0xC0) == 0x80)
        continue;

      if (c >= 0xC2 && c <= 0xDF)
        need = 2;
      else if (c >= 0xE0 && c <= 0xEF)
        need = 3;
      else if (c >= 0xF0 && c <= 0xF4)
        need = 4;
      else
        return 0;

      return need > back ? back : 0;
    }

  return 0;
}

static void
stream_take_text (StewardMarkdownStream *self,
                  const char            *text,
                  gsize                  len,
                  gboolean               flush)
{
  g_autoptr(GString) joined = NULL;
  gsize tail;

  if (self->n_held > 0)
    {
      joined = g_string_new_len (self->held, self->n_held);
      g_string_append_len (joined, text, len);
      text = joined->str;
      len = joined->len;
      self->n_held = 0;
    }

  tail = flush ? 0 : incomplete_utf8_tail (text, len);
  memcpy (self->held, text + len - tail, tail);
  self->n_held = tail;
  len -= tail;

  if (g_utf8_validate_len (text, len, NULL))
    {
      g_string_append_len (self->segment, text, len);
    }
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, len);

      g_string_append (self->segment, valid);
    }
}

guint
steward_markdown_stream_append (StewardMarkdownStream *self,
                                const char            *text,
                                gssize                 len)
{
  gsize end;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->finished, 0);
  g_return_val_if_fail (text != NULL || len == 0, 0);

  if (len < 0)
    len = strlen (text);
  if (len == 0)
    return 0;

  g_clear_pointer (&self->pending, g_free);
  stream_take_text (self, text, len, FALSE);

  for (end = self->segment->len; end > self->parsed_end; end--)
    if (self->segment->str[end - 1] == '\n')
      break;
  if (end == self->parsed_end)
    return 0;

  stream_scan_lines (self, end);
  self->parsed_end = end;

  return stream_parse (self, end, FALSE);
}

guint
steward_markdown_stream_finish (StewardMarkdownStream *self)
{
  guint added;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (!self->finished, 0);

  g_clear_pointer (&self->pending, g_free);
  stream_take_text (self, "", 0, TRUE);
  added = stream_parse (self, self->segment->len, TRUE);
  self->finished = TRUE;
  g_string_truncate (self->segment, 0);
  self->pending_start = 0;

  return added;
}

const char *
steward_markdown_stream_get_pending (StewardMarkdownStream *self)
{
  const char *str;
  gsize start;
  gsize end;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->pending != NULL)
    return self->pending;

  str = self->segment->str;
  start = MIN (self->pending_start, self->segment->len);
  end = self->segment->len;

  /* Leading blank lines, trailing line breaks */
  for (;;)
    {
      const char *nl = memchr (str + start, '\n', end - start);

      if (nl == NULL || !line_is_blank (str + start, nl - (str + start)))
        break;
      start = nl - str + 1;
    }
  while (end > start && (str[end - 1] == '\n' || str[end - 1] == '\r'))
    end--;

  self->pending = g_strndup (str + start, end - start);

  return self->pending;
}
