/* steward-text-insert.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-text-insert.h"

/**
 * steward_text_view_insert_words:
 *
 * Puts @text in @view at the cursor, apart from the words around it,
 * leaving what was typed: a transcript or the text read from an image
 * going into the message being written. One step of undo.
 */
void
steward_text_view_insert_words (GtkTextView *view,
                                const char  *text)
{
  GtkTextBuffer *buffer;
  g_autoptr(GString) str = g_string_new (NULL);
  GtkTextIter iter;

  g_return_if_fail (GTK_IS_TEXT_VIEW (view));
  g_return_if_fail (text != NULL);

  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  if (!gtk_text_iter_is_start (&iter))
    {
      GtkTextIter before = iter;

      gtk_text_iter_backward_char (&before);
      if (!g_unichar_isspace (gtk_text_iter_get_char (&before)))
        g_string_append_c (str, ' ');
    }
  g_string_append (str, text);
  if (!gtk_text_iter_is_end (&iter) && !g_unichar_isspace (gtk_text_iter_get_char (&iter)))
    g_string_append_c (str, ' ');

  gtk_text_buffer_begin_user_action (buffer);
  gtk_text_buffer_insert (buffer, &iter, str->str, str->len);
  gtk_text_buffer_end_user_action (buffer);
  gtk_text_buffer_place_cursor (buffer, &iter);
}
