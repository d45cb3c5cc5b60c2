/* steward-chat-view-jump.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include "steward-chat-view-private.h"

/* "Jump to Newest Message": a round button over the bottom corner of the
 * conversation while the newest message is out of view, as in GNOME
 * Fractal and every chat app. It goes back to the end, and the view then
 * follows the conversation again. */

/* How far from the end, in pages, before the button shows. */
#define JUMP_PAGES 0.5

void
_steward_chat_view_update_jump (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double page = gtk_adjustment_get_page_size (adjustment);
  double bottom = gtk_adjustment_get_upper (adjustment) - page;
  gboolean away;

  /* Not while the view follows the end: it is there, or about to be (a
   * conversation being opened is laid out from its top first). Then the
   * window on the conversation stops short of its end, or the view is
   * well up from the end of the window. */
  away = !self->follow && self->messages != NULL &&
         g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0 &&
         (steward_message_list_get_has_later (self->messages) ||
          (page > 0 && gtk_adjustment_get_value (adjustment) < bottom - page * JUMP_PAGES));

  /* Hidden as well as faded out: a screen reader and the Tab chain pass
   * over it then, see jump_revealed_cb(). */
  if (away)
    gtk_widget_set_visible (gtk_revealer_get_child (self->jump_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->jump_revealer, away);
}

static void
jump_revealed_cb (StewardChatView *self,
                  GParamSpec      *pspec,
                  GtkRevealer     *revealer)
{
  if (!gtk_revealer_get_reveal_child (revealer) && !gtk_revealer_get_child_revealed (revealer))
    gtk_widget_set_visible (gtk_revealer_get_child (revealer), FALSE);
}

void
_steward_chat_view_jump_clicked_cb (StewardChatView *self,
                                    GtkButton       *button)
{
  gboolean had_focus = gtk_widget_has_focus (GTK_WIDGET (button));

  steward_chat_view_scroll_to_end (self);

  /* The button goes: the keyboard goes on where the user writes. */
  if (had_focus)
    steward_chat_view_focus_composer (self);
}

void
_steward_chat_view_init_jump (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  /* After steward-chat-view-scroll.c's handlers, which decide whether
   * the view follows the end. */
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (_steward_chat_view_update_jump), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (_steward_chat_view_update_jump), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (_steward_chat_view_update_jump), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (_steward_chat_view_update_jump), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->jump_revealer, "notify::child-revealed",
                           G_CALLBACK (jump_revealed_cb), self, G_CONNECT_SWAPPED);
}
