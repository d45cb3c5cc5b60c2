/* steward-docx-inline.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-docx-inline.h"
#include "steward-markdown-escape.h"

static gboolean
is_blank (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
steward_docx_inline_init (StewardDocxInline *self,
                          gboolean           allow_breaks,
                          gboolean           allow_bold)
{
  memset (self, 0, sizeof *self);
  self->out = g_string_new (NULL);
  self->at_line_start = TRUE;
  self->allow_breaks = allow_breaks;
  self->allow_bold = allow_bold;
}

static gsize
marker_length (char kind)
{
  return kind == 'B' ? 2 : 1;
}

/* Closes the innermost marker. @next is the character that will follow
 * the closer ('\0' at the end). */
static void
close_marker (StewardDocxInline *self,
              char               next)
{
  GString *out = self->out;
  guint top = --self->n_open;
  char kind = self->open[top];
  gsize opener = self->open_pos[top];
  gsize content = opener + marker_length (kind);
  gsize pos = out->len;

  while (pos > content && is_blank (out->str[pos - 1]))
    pos--;

  if (pos == content)
    {
      /* Nothing but blanks inside: no markers at all */
      g_string_erase (out, opener, marker_length (kind));
      return;
    }

  if (kind == 'B')
    {
      g_string_insert (out, pos, "**");
      return;
    }

  /* Blanks after the text go after the closer too */
  if (pos < out->len)
    next = out->str[pos];

  /* "_" closes only before a blank or punctuation */
  if (g_ascii_isalnum (next) || (next & 0x80) != 0)
    out->str[opener] = '*';

  g_string_insert_c (out, pos, out->str[opener]);
}

static void
open_marker (StewardDocxInline *self,
             char               kind)
{
  GString *out = self->out;

  self->open[self->n_open] = kind;
  self->open_pos[self->n_open] = out->len;
  self->n_open++;

  if (kind == 'B')
    g_string_append (out, "**");
  else if (out->len > 0 && (g_ascii_isalnum (out->str[out->len - 1]) || (out->str[out->len - 1] & 0x80) != 0))
    g_string_append_c (out, '*');
  else
    g_string_append_c (out, '_');
}

static gboolean
is_open (StewardDocxInline *self,
         char               kind)
{
  for (guint i = 0; i < self->n_open; i++)
    if (self->open[i] == kind)
      return TRUE;

  return FALSE;
}

static void
set_format (StewardDocxInline *self,
            gboolean           bold,
            gboolean           italic,
            char               next)
{
  guint keep = self->n_open;

  /* Markers nest: closing an outer one closes those inside it, which
   * open again after */
  for (guint i = 0; i < self->n_open; i++)
    {
      gboolean wanted = self->open[i] == 'B' ? bold : italic;

      if (!wanted)
        {
          keep = i;
          break;
        }
    }

  while (self->n_open > keep)
    close_marker (self, next);

  if (bold && !is_open (self, 'B'))
    open_marker (self, 'B');
  if (italic && !is_open (self, 'I'))
    open_marker (self, 'I');
}

/* The code runs so far as one span, fenced with more backticks than it
 * holds in a row */
static void
flush_code (StewardDocxInline *self)
{
  GString *code = self->code;
  guint longest = 0, run = 0;
  gboolean pad;

  if (code == NULL || code->len == 0)
    return;

  for (gsize i = 0; i < code->len; i++)
    {
      run = code->str[i] == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }

  /* A span cannot start or end with its own fence, nor be only blanks */
  pad = code->str[0] == '`' || code->str[code->len - 1] == '`';

  set_format (self, self->code_bold, self->code_italic, '`');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (self->out, '`');
  if (pad)
    g_string_append_c (self->out, ' ');
  g_string_append_len (self->out, code->str, code->len);
  if (pad)
    g_string_append_c (self->out, ' ');
  for (guint i = 0; i <= longest; i++)
    g_string_append_c (self->out, '`');

  g_string_truncate (code, 0);
  self->at_line_start = FALSE;
}

void
steward_docx_inline_code (StewardDocxInline *self,
                          const char        *text,
                          gboolean           bold,
                          gboolean           italic)
{
  if (!self->allow_bold)
    bold = FALSE;

  if (self->code != NULL && self->code->len > 0 &&
      (self->code_bold != bold || self->code_italic != italic))
    flush_code (self);

  if (self->code == NULL)
    self->code = g_string_new (NULL);

  /* Leading blanks stay outside the span, where they are text */
  if (self->code->len == 0)
    {
      const char *start = text;

      while (is_blank (*start))
        start++;
      if (*start == '\0')
        {
          steward_docx_inline_text (self, text, bold, italic);
          return;
        }
      if (start != text)
        {
          g_autofree char *blanks = g_strndup (text, start - text);

          steward_docx_inline_text (self, blanks, bold, italic);
        }
      text = start;
    }

  self->code_bold = bold;
  self->code_italic = italic;
  for (const char *c = text; *c != '\0'; c++)
    g_string_append_c (self->code, *c == '\n' || *c == '\t' ? ' ' : *c);
}

void
steward_docx_inline_text (StewardDocxInline *self,
                          const char        *text,
                          gboolean           bold,
                          gboolean           italic)
{
  g_autofree char *flat = NULL;
  const char *start;

  flush_code (self);

  if (!self->allow_bold)
    bold = FALSE;

  /* A line end inside the text would let what follows it start a
   * heading or a list: Word's own breaks come as w:br */
  if (strpbrk (text, "\n\r\t") != NULL)
    {
      flat = g_strdup (text);
      for (char *c = flat; *c != '\0'; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t')
          *c = ' ';
      text = flat;
    }

  if (self->at_line_start)
    while (is_blank (*text))
      text++;

  start = text;
  while (is_blank (*start))
    start++;

  if (*start == '\0')
    {
      /* Blanks alone keep the emphasis as it is */
      g_string_append (self->out, text);
      return;
    }

  /* The closers go before the blanks, so they are what follows them */
  g_string_append_len (self->out, text, start - text);
  set_format (self, bold, italic, *text);
  steward_markdown_escape_append (self->out, start, -1, self->at_line_start);
  self->at_line_start = FALSE;
}

static void
trim_end (GString *out)
{
  for (;;)
    {
      while (out->len > 0 && is_blank (out->str[out->len - 1]))
        g_string_truncate (out, out->len - 1);

      if (out->len >= 1 && out->str[out->len - 1] == '\\' &&
          (out->len < 2 || out->str[out->len - 2] != '\\'))
        g_string_truncate (out, out->len - 1);
      else
        break;
    }
}

void
steward_docx_inline_break (StewardDocxInline *self)
{
  flush_code (self);

  if (!self->allow_breaks)
    {
      if (!self->at_line_start)
        g_string_append_c (self->out, ' ');
      return;
    }

  if (self->at_line_start)
    return;

  set_format (self, FALSE, FALSE, '\n');
  trim_end (self->out);
  g_string_append (self->out, "\\\n");
  self->at_line_start = TRUE;
}

void
steward_docx_inline_link_start (StewardDocxInline *self)
{
  flush_code (self);
  set_format (self, FALSE, FALSE, '[');
  g_string_append_c (self->out, '[');
  self->link_start = self->out->len;
  self->in_link = TRUE;
  self->at_line_start = FALSE;
}

static void
append_destination (GString    *out,
                    const char *url)
{
  gboolean plain = TRUE;

  for (const char *c = url; *c != '\0'; c++)
    if (strchr (" ()<>\\", *c) != NULL || (guchar) *c < 0x20)
      plain = FALSE;

  if (plain)
    {
      g_string_append (out, url);
      return;
    }

  g_string_append_c (out, '<');
  for (const char *c = url; *c != '\0'; c++)
    {
      if (*c == '<' || *c == '>' || *c == '\\' || (guchar) *c < 0x20)
        g_string_append_printf (out, "%%%02X", (guchar) *c);
      else
        g_string_append_c (out, *c);
    }
  g_string_append_c (out, '>');
}

void
steward_docx_inline_link_end (StewardDocxInline *self,
                              const char        *url)
{
  if (!self->in_link)
    return;

  flush_code (self);
  self->in_link = FALSE;
  set_format (self, FALSE, FALSE, ']');
  trim_end (self->out);
  if (self->out->len < self->link_start)
    g_string_append_c (self->out, ' ');

  if (url == NULL)
    {
      g_string_erase (self->out, self->link_start - 1, 1);
      return;
    }

  if (self->out->len == self->link_start)
    steward_markdown_escape_append (self->out, url, -1, FALSE);

  g_string_append (self->out, "](");
  append_destination (self->out, url);
  g_string_append_c (self->out, ')');
}

char *
steward_docx_inline_finish (StewardDocxInline *self)
{
  if (self->in_link)
    steward_docx_inline_link_end (self, NULL);

  flush_code (self);
  if (self->code != NULL)
    g_string_free (g_steal_pointer (&self->code), TRUE);
  set_format (self, FALSE, FALSE, '\0');
  trim_end (self->out);

  return g_string_free (g_steal_pointer (&self->out), FALSE);
}
