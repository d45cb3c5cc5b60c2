/* steward-sse-parser.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-sse-parser"

#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <string.h>

#include "steward-line-reader.h"
#include "steward-sse-parser.h"

struct _StewardSseParser
{
  StewardSseEventFunc  func;
  gpointer             user_data;
  StewardLineReader   *reader;
  GString             *event;
  GString             *data;
  guint                has_data : 1;
  guint                first_line : 1;
};

static gboolean
dispatch (StewardSseParser  *self,
          GError           **error)
{
  gboolean ret = TRUE;

  /* Per the specification an event with no data line is not dispatched;
   * only its type is reset. */
  if (self->has_data)
    ret = self->func (self->event->len > 0 ? self->event->str : "message",
                      self->data->str,
                      self->user_data,
                      error);

  g_string_truncate (self->event, 0);
  g_string_truncate (self->data, 0);
  self->has_data = FALSE;

  return ret;
}

static gboolean
line_cb (const char  *line,
         gsize        len,
         gpointer     user_data,
         GError     **error)
{
  StewardSseParser *self = user_data;
  const char *colon;
  const char *value;
  gsize name_len;

  /* A UTF-8 byte order mark may open the stream. */
  if (self->first_line)
    {
      self->first_line = FALSE;
      if (len >= 3 && memcmp (line, "\xEF\xBB\xBF", 3) == 0)
        {
          line += 3;
          len -= 3;
        }
    }

  if (len == 0)
    return dispatch (self, error);

  /* Comment, such as ": keep-alive" */
  if (line[0] == ':')
    return TRUE;

  colon = memchr (line, ':', len);
  if (colon != NULL)
    {
      name_len = colon - line;
      value = colon + 1;
      if (*value == ' ')
        value++;
    }
  else
    {
      name_len = len;
      value = line + len;
    }

  if (name_len == 4 && memcmp (line, "data", 4) == 0)
    {
      /* Many data lines make one event: bound it as a line is bound. */
      if (self->data->len + len > STEWARD_LINE_READER_MAX_LINE)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                       _("an event is longer than %u MB"), STEWARD_LINE_READER_MAX_LINE / (1024 * 1024));
          return FALSE;
        }
      if (self->has_data)
        g_string_append_c (self->data, '\n');
      g_string_append_len (self->data, value, (line + len) - value);
      self->has_data = TRUE;
    }
  else if (name_len == 5 && memcmp (line, "event", 5) == 0)
    {
      g_string_assign (self->event, value);
    }
  /* "id" and "retry" matter to a browser reconnecting, not to us; unknown
   * fields are ignored as the specification says. */

  return TRUE;
}

StewardSseParser *
steward_sse_parser_new (StewardSseEventFunc func,
                        gpointer            user_data)
{
  StewardSseParser *self;

  g_return_val_if_fail (func != NULL, NULL);

  self = g_new0 (StewardSseParser, 1);
  self->func = func;
  self->user_data = user_data;
  self->reader = steward_line_reader_new (line_cb, self);
  self->event = g_string_new (NULL);
  self->data = g_string_new (NULL);
  self->first_line = TRUE;

  return self;
}

void
steward_sse_parser_free (StewardSseParser *self)
{
  if (self == NULL)
    return;

  steward_line_reader_free (self->reader);
  g_string_free (self->event, TRUE);
  g_string_free (self->data, TRUE);
  g_free (self);
}

gboolean
steward_sse_parser_feed (StewardSseParser  *self,
                         const char        *data,
                         gsize              len,
                         GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return steward_line_reader_feed (self->reader, data, len, error);
}

gboolean
steward_sse_parser_finish (StewardSseParser  *self,
                           GError           **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (!steward_line_reader_finish (self->reader, error))
    return FALSE;

  return dispatch (self, error);
}
