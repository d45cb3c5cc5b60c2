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
 * reply grows, bringing a message into view, and loading earlier messages
 * when the top comes near. */

/* How close to the end counts as "at the bottom", to keep following. */
#define FOLLOW_SLACK_PX 48

/* Adds @earlier's messages, from @skip on, before those loaded. */
static void
prepend_messages (StewardChatView *self,
                  GListModel      *earlier,
                  guint            skip)
{
  guint n_items = g_list_model_get_n_items (earlier);
  g_autoptr(GPtrArray) items = g_ptr_array_new_full (n_items, g_object_unref);

  for (guint i = skip; i < n_items; i++)
    g_ptr_array_add (items, g_list_model_get_item (earlier, i));

  g_list_store_splice (self->messages, 0, 0, items->pdata, items->len);
}

static void
scroll_to_bottom_now (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->scrolling = TRUE;
  gtk_adjustment_set_value (adjustment,
                            gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  self->scrolling = FALSE;
}

/* Brings the item at @position into view, at the end if it is below. Before
 * the list has its size (a conversation opened while the view was hidden)
 * GtkListBase would anchor at an undefined place, so it waits for the
 * size. No gtk_list_view_scroll_to() before GTK 4.12. */
static void
scroll_to_position (StewardChatView *self,
                    guint            position)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  if (gtk_adjustment_get_page_size (adjustment) <= 0)
    {
      self->pending_position = position;
      return;
    }

  self->pending_position = GTK_INVALID_LIST_POSITION;
  gtk_widget_activate_action (GTK_WIDGET (self->message_list), "list.scroll-to-item", "u", position);
}

void
steward_chat_view_scroll_to_end (StewardChatView *self)
{
  guint n_items;

  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->messages));
  self->follow = TRUE;

  if (n_items == 0)
    return;

  scroll_to_position (self, n_items - 1);
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
  guint position;

  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), FALSE);

  /* Not loaded yet: load back as far as the message. */
  if (!_steward_chat_view_find_message (self, message_id, &position) && self->has_earlier)
    {
      g_autoptr(StewardMessage) first = g_list_model_get_item (G_LIST_MODEL (self->messages), 0);
      g_autoptr(GListModel) earlier = NULL;
      g_autoptr(StewardMessage) found = NULL;

      if (first == NULL ||
          !(earlier = steward_store_list_messages_range (self->store, self->conversation_id, message_id,
                                                         steward_message_get_id (first), 0, NULL)) ||
          !(found = g_list_model_get_item (earlier, 0)) ||
          steward_message_get_id (found) != message_id)
        return FALSE;

      prepend_messages (self, earlier, 0);
      position = 0;
    }
  else if (!_steward_chat_view_find_message (self, message_id, &position))
    return FALSE;

  self->follow = FALSE;
  scroll_to_position (self, position);

  return TRUE;
}

static gboolean
load_earlier_cb (gpointer user_data)
{
  StewardChatView *self = user_data;
  g_autoptr(StewardMessage) first = NULL;
  g_autoptr(GListModel) earlier = NULL;
  g_autoptr(GError) error = NULL;

  self->load_earlier_id = 0;

  if (!self->has_earlier ||
      !(first = g_list_model_get_item (G_LIST_MODEL (self->messages), 0)))
    return G_SOURCE_REMOVE;

  if (!(earlier = steward_store_list_messages_range (self->store, self->conversation_id, 0,
                                                     steward_message_get_id (first),
                                                     WINDOW_STEP + 1, &error)))
    {
      _steward_chat_view_show_send_error (self, error->message);
      self->has_earlier = FALSE;
      return G_SOURCE_REMOVE;
    }

  self->has_earlier = g_list_model_get_n_items (earlier) > WINDOW_STEP;
  prepend_messages (self, earlier, self->has_earlier ? 1 : 0);

  return G_SOURCE_REMOVE;
}

static void
adjustment_value_cb (StewardChatView *self,
                     GtkAdjustment   *adjustment)
{
  double upper, page_size;
  gboolean relayout;

  if (gtk_adjustment_get_value (adjustment) < LOAD_EARLIER_PX &&
      self->has_earlier &&
      self->load_earlier_id == 0)
    self->load_earlier_id = g_idle_add (load_earlier_cb, self);

  /* The list moves the value itself when it lays out rows of new sizes:
   * only a move within the same bounds is the user's scrolling. */
  upper = gtk_adjustment_get_upper (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  relayout = upper != self->seen_upper || page_size != self->seen_page_size;
  self->seen_upper = upper;
  self->seen_page_size = page_size;

  if (self->scrolling)
    return;

  if (gtk_adjustment_get_value (adjustment) >= upper - page_size - FOLLOW_SLACK_PX)
    self->follow = TRUE;
  else if (!relayout)
    self->follow = FALSE;
}

/* Following the end. The list gives its adjustment new bounds while it
 * allocates, and ignores a value set then: it places its rows from an
 * anchor item, and for a reply taller than the view that anchor is the
 * reply's start. So the end is set in the frame clock's layout phase once
 * the allocation is done; the list then anchors to the last row's end and
 * is laid out again before the frame is painted. */
static void
pin_to_end_cb (GdkFrameClock   *frame_clock,
               StewardChatView *self)
{
  g_clear_signal_handler (&self->pin_handler_id, frame_clock);
  g_clear_object (&self->pin_frame_clock);

  if (self->follow)
    scroll_to_bottom_now (self);
}

static void
queue_pin_to_end (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GdkFrameClock *frame_clock;
  double bottom;

  bottom = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
  if (self->pin_handler_id != 0 ||
      gtk_adjustment_get_value (adjustment) >= bottom ||
      !(frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self))))
    return;

  self->pin_frame_clock = g_object_ref (frame_clock);
  self->pin_handler_id = g_signal_connect (frame_clock, "layout", G_CALLBACK (pin_to_end_cb), self);
  gdk_frame_clock_request_phase (frame_clock, GDK_FRAME_CLOCK_PHASE_LAYOUT);
}

void
_steward_chat_view_cancel_pin_to_end (StewardChatView *self)
{
  if (self->pin_frame_clock != NULL)
    g_clear_signal_handler (&self->pin_handler_id, self->pin_frame_clock);
  g_clear_object (&self->pin_frame_clock);
}

static void
adjustment_upper_cb (StewardChatView *self,
                     GParamSpec      *pspec,
                     GtkAdjustment   *adjustment)
{
  if (self->follow)
    queue_pin_to_end (self);
}

static void
adjustment_page_size_cb (StewardChatView *self,
                         GParamSpec      *pspec,
                         GtkAdjustment   *adjustment)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->messages));

  if (gtk_adjustment_get_page_size (adjustment) <= 0)
    return;

  if (self->follow)
    {
      self->pending_position = GTK_INVALID_LIST_POSITION;
      queue_pin_to_end (self);
    }
  else if (self->pending_position != GTK_INVALID_LIST_POSITION && n_items > 0)
    scroll_to_position (self, MIN (self->pending_position, n_items - 1));
}

/* Follows the list's vertical adjustment: the user's scrolling, the end
 * coming into view, and loading earlier messages near the top. */
void
_steward_chat_view_init_scrolling (StewardChatView *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->pending_position = GTK_INVALID_LIST_POSITION;

  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (adjustment_upper_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (adjustment_page_size_cb), self, G_CONNECT_SWAPPED);
}
