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

void
steward_docx_inline_text (StewardDocxInline *self,
                          const char        *text,
                          gboolean           bold,
                          gboolean           italic)
{
  const char *start = text;

  if (!self->allow_bold)
    bold = FALSE;

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

  g_string_append_len (self->out, text, start - text);
  set_format (self, bold, italic, *start);
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

  set_format (self, FALSE, FALSE, '\0');
  trim_end (self->out);

  return g_string_free (g_steal_pointer (&self->out), FALSE);
}
