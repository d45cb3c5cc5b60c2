/* steward-line-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-line-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>

#include "steward-line-reader.h"

struct _StewardLineReader
{
  StewardLineFunc  func;
  gpointer         user_data;
  GString         *line;
  /* The previous piece ended in CR: an LF starting this one is the same
   * line ending, not an empty line. */
  guint            after_cr : 1;
};

StewardLineReader *
steward_line_reader_new (StewardLineFunc func,
                         gpointer        user_data)
{
  StewardLineReader *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (StewardLineReader, 1);
  self->func = func;
  self->user_data = user_data;
  self->line = g_string_new (NULL);

  return self;
}

void
steward_line_reader_free (StewardLineReader *self)
{
  if (self == NULL)
    return;

  g_string_free (self->line, TRUE);
  g_free (self);
}

static gboolean
emit (StewardLineReader  *self,
      GError            **error)
{
  gboolean ret = self->func (self->line->str, self->line->len, self->user_data, error);

  g_string_truncate (self->line, 0);

  return ret;
}

gboolean
steward_line_reader_feed (StewardLineReader  *self,
                          const char         *data,
                          gsize               len,
                          GError            **error)
{
  const char *end = data + len;
  const char *p = data;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (data != NULL || len == 0, FALSE);

  if (self->after_cr && p < end)
    {
      if (*p == '\n')
        p++;
      self->after_cr = FALSE;
    }

  while (p < end)
    {
      const char *stop = p;

      while (stop < end && *stop != '\n' && *stop != '\r')
        stop++;

      if (self->line->len + (gsize)(stop - p) > STEWARD_LINE_READER_MAX_LINE)
        {
          g_string_truncate (self->line, 0);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("a line is longer than %u MB"), STEWARD_LINE_READER_MAX_LINE / (1024 * 1024));
          return FALSE;
        }

      g_string_append_len (self->line, p, stop - p);

      if (stop == end)
        break;

      if (!emit (self, error))
        return FALSE;

      if (*stop == '\r')
        {
          if (stop + 1 == end)
            self->after_cr = TRUE;
          else if (stop[1] == '\n')
            stop++;
        }

      p = stop + 1;
    }

  return TRUE;
}

gboolean
steward_line_reader_finish (StewardLineReader  *self,
                            GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  self->after_cr = FALSE;

  if (self->line->len > 0)
    return emit (self, error);

  return TRUE;
}
