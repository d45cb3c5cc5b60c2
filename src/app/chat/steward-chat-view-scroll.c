/* steward-chat-view-scroll.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include "steward-chat-view-private.h"

/* Scrolling the message list: following the end of the conversation as a
 * reply grows, bringing a message into view, and moving the window on
 * the conversation when its top or bottom comes near. */

/* How close to the end counts as "at the bottom", to keep following. */
#define FOLLOW_SLACK_PX 48

static void queue_frame_work (StewardChatView *self);

static void
scroll_to_bottom_now (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->scrolling = TRUE;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  self->scrolling = FALSE;
}

static gboolean
has_size (StewardChatView *self)
{
  return gtk_adjustment_get_page_size (gtk_scrolled_window_get_vadjustment (self->scroller)) > 0;
}

/* Brings the item at @position into view, at the end if it is below. No
 * gtk_list_view_scroll_to() before GTK 4.12. */
static void
scroll_to_position (StewardChatView *self,
                    guint            position)
{
  self->pending_message_id = 0;
  gtk_widget_activate_action (GTK_WIDGET (self->message_list), "list.scroll-to-item", "u", position);
}

void
steward_chat_view_scroll_to_end (StewardChatView *self)
{
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));

  /* A window on earlier messages moves to the end first (a conversation
   * being opened opens on its end). */
  if (self->opening == NULL && self->messages != NULL &&
      !steward_message_list_load_end (self->messages, &error))
    _steward_chat_view_show_send_error (self, error->message);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->selection));
  self->follow = TRUE;
  self->pending_message_id = 0;

  /* Without its size the list would anchor at an undefined place; the
   * end is brought into view once it has one. */
  if (n_items == 0 || !has_size (self))
    return;

  /* That brings the last message's top into view, which is not the
   * user's scrolling; its end comes at once, and again once the list is
   * laid out there. */
  self->scrolling = TRUE;
  scroll_to_position (self, n_items - 1);
  self->scrolling = FALSE;
  scroll_to_bottom_now (self);
  queue_frame_work (self);
}

/**
 * steward_chat_view_scroll_to_message:
 *
 * Brings the message with @message_id into view (a search result's), and
 * stops following the end of the conversation.
 *
 * Returns: whether the conversation shown has that message
 */
gboolean
steward_chat_view_scroll_to_message (StewardChatView *self,
                                     gint64           message_id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), FALSE);

  /* The conversation is being opened: once it is. */
  if (self->opening != NULL)
    {
      self->opening_message_id = message_id;
      self->follow = FALSE;
      return TRUE;
    }

  /* Not loaded: the window moves to it. */
  if (self->messages == NULL ||
      !steward_message_list_load_around (self->messages, message_id, &position, &error))
    {
      if (error != NULL)
        _steward_chat_view_show_send_error (self, error->message);
      return FALSE;
    }

  self->follow = FALSE;
  if (has_size (self))
    scroll_to_position (self, position);
  else
    self->pending_message_id = message_id;

  return TRUE;
}

static gboolean
load_more_cb (gpointer user_data)
{
  StewardChatView *self = user_data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_autoptr(GError) error = NULL;
  double value = gtk_adjustment_get_value (adjustment);
  double bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  gboolean loaded = TRUE;

  self->load_more_id = 0;

  if (self->messages == NULL)
    return G_SOURCE_REMOVE;

  if (value < LOAD_MORE_PX && steward_message_list_get_has_earlier (self->messages))
    loaded = steward_message_list_load_earlier (self->messages, &error);
  else if (value > bottom - LOAD_MORE_PX && steward_message_list_get_has_later (self->messages))
    loaded = steward_message_list_load_later (self->messages, &error);

  if (!loaded)
    _steward_chat_view_show_send_error (self, error->message);

  return G_SOURCE_REMOVE;
}

static void
adjustment_value_cb (StewardChatView *self,
                     GtkAdjustment   *adjustment)
{
  double bottom;

  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  if (self->messages != NULL && self->load_more_id == 0 &&
      ((gtk_adjustment_get_value (adjustment) < LOAD_MORE_PX &&
        steward_message_list_get_has_earlier (self->messages)) ||
       (gtk_adjustment_get_value (adjustment) > bottom - LOAD_MORE_PX &&
        steward_message_list_get_has_later (self->messages))))
    self->load_more_id = g_idle_add (load_more_cb, self);

  if (self->scrolling)
    return;

  /* The list moves the value itself when it lays out rows of new sizes,
   * giving the adjustment new bounds in the same frame: only other moves
   * are the user's scrolling. */
  if (gtk_adjustment_get_value (adjustment) >= bottom - FOLLOW_SLACK_PX)
    self->follow = TRUE;
  else if (!self->bounds_changed)
    self->follow = FALSE;
}

/* After the list's allocation. The list gives its adjustment new bounds
 * while it allocates and ignores a value set then: it places its rows
 * from an anchor item, and for a reply taller than the view that anchor is
 * the reply's start; and while it has no size it cannot scroll to an item.
 * So the end (or a message waiting to be shown) is brought into view in
 * the frame clock's layout phase, once the allocation is done; GTK lays
 * the list out again before the frame is painted. */
static void
frame_layout_cb (GdkFrameClock   *frame_clock,
                 StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  guint position;

  g_clear_signal_handler (&self->layout_handler_id, frame_clock);

  if (!has_size (self))
    return;

  if (self->pending_message_id != 0)
    {
      if (_steward_chat_view_find_message (self, self->pending_message_id, &position))
        scroll_to_position (self, position);
      self->pending_message_id = 0;
      return;
    }

  if (self->follow &&
      gtk_adjustment_get_value (adjustment) < gtk_adjustment_get_upper (adjustment) -
                                              gtk_adjustment_get_page_size (adjustment))
    scroll_to_bottom_now (self);
}

static void
frame_after_paint_cb (GdkFrameClock   *frame_clock,
                      StewardChatView *self)
{
  g_clear_signal_handler (&self->after_paint_handler_id, frame_clock);
  self->bounds_changed = FALSE;
}

static void
queue_frame_work (StewardChatView *self)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

  if (frame_clock == NULL)
    return;

  if (frame_clock != self->frame_clock)
    {
      _steward_chat_view_cancel_frame_work (self);
      self->frame_clock = g_object_ref (frame_clock);
    }

  if (self->layout_handler_id == 0)
    {
      self->layout_handler_id = g_signal_connect (frame_clock, "layout", G_CALLBACK (frame_layout_cb), self);
      gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
    }
  if (self->after_paint_handler_id == 0)
    self->after_paint_handler_id = g_signal_connect (frame_clock, "after-paint",
                                                     G_CALLBACK (frame_after_paint_cb), self);
}

void
_steward_chat_view_cancel_frame_work (StewardChatView *self)
{
  if (self->frame_clock != NULL)
    {
      g_clear_signal_handler (&self->layout_handler_id, self->frame_clock);
      g_clear_signal_handler (&self->after_paint_handler_id, self->frame_clock);
    }
  g_clear_object (&self->frame_clock);
  self->bounds_changed = FALSE;
}

/* New bounds: the list is being laid out with rows of new sizes, or the
 * view changed size. */
static void
adjustment_bounds_cb (StewardChatView *self,
                      GParamSpec      *pspec,
                      GtkAdjustment   *adjustment)
{
  self->bounds_changed = TRUE;
  queue_frame_work (self);
}

/* Follows the list's vertical adjustment: the user's scrolling, the end
 * coming into view, and loading earlier messages near the top. */
void
_steward_chat_view_init_scrolling (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (adjustment_bounds_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (adjustment_bounds_cb), self, G_CONNECT_SWAPPED);
}
