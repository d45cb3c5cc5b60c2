/* steward-chat-view-scroll.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include "steward-chat-view-private.h"
#include "steward-message-row.h"

/* Scrolling the message list: following the end of the conversation as a
 * reply grows, bringing a message into view (a search result's: in the
 * middle of the view, highlighted for a moment), and moving the window on
 * the conversation when its top or bottom comes near. */

/* How close to the end counts as "at the bottom", to keep following. */
#define FOLLOW_SLACK_PX 48

/* How long a message found by a search stays highlighted; style.css
 * fades it out, unless animations are off */
#define FOUND_HIGHLIGHT_MS 1600

/* How many frames to wait for a found message's row to be laid out and
 * to stay in place */
#define FOUND_MAX_FRAMES 60

static void centre_found_message_later (StewardChatView *self);
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

  /* Once the list has laid it out: centred, and highlighted */
  self->found_message_id = message_id;
  centre_found_message_later (self);

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

/* -- the message found by a search ---------------------------------------- */

static void
clear_found_row (StewardChatView *self)
{
  g_clear_handle_id (&self->found_timeout_id, g_source_remove);

  if (self->found_row != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->found_row, self);
      gtk_widget_remove_css_class (self->found_row, "steward-found");
      g_clear_weak_pointer (&self->found_row);
    }
}

static gboolean
found_timeout_cb (gpointer user_data)
{
  StewardChatView *self = user_data;

  self->found_timeout_id = 0;
  clear_found_row (self);

  return G_SOURCE_REMOVE;
}

/* The list view reuses rows: one shown for another message is not the
 * found one any more. */
static void
found_row_item_cb (StewardChatView *self)
{
  clear_found_row (self);
}

/* The row the list view shows @message_id in, if it has one laid out. */
static GtkWidget *
find_message_row (StewardChatView *self,
                  gint64           message_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->message_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      StewardMessage *message;

      if (!STEWARD_IS_MESSAGE_ROW (row) || !gtk_widget_get_child_visible (child))
        continue;

      message = steward_message_row_get_item (STEWARD_MESSAGE_ROW (row));
      if (message != NULL && steward_message_get_id (message) == message_id)
        return row;
    }

  return NULL;
}

/* Puts the found message in the middle of the view (its top at the top,
 * when it is taller than the view) and highlights it for a moment.
 * list.scroll-to-item only brings it to an edge. Returns whether its row
 * was laid out, and in @off how far it still is from there: the view
 * cannot go further than its ends, until more of the conversation is
 * loaded. */
static gboolean
centre_found_message (StewardChatView *self,
                      double          *off)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  graphene_rect_t bounds;
  GtkWidget *row;
  double page = gtk_adjustment_get_page_size (adjustment);
  double value;

  if (!(row = find_message_row (self, self->found_message_id)) ||
      !gtk_widget_compute_bounds (row, GTK_WIDGET (self->message_list), &bounds))
    return FALSE;

  /* The list places its rows relative to what it shows. */
  value = gtk_adjustment_get_value (adjustment);
  if (bounds.size.height < page)
    value += bounds.origin.y + bounds.size.height / 2 - page / 2;
  else
    value += bounds.origin.y;

  self->scrolling = TRUE;
  gtk_adjustment_set_value (adjustment, value);
  self->scrolling = FALSE;
  *off = ABS (gtk_adjustment_get_value (adjustment) - value);

  if (row != self->found_row)
    {
      clear_found_row (self);
      g_set_weak_pointer (&self->found_row, row);
      gtk_widget_add_css_class (row, "steward-found");
      g_signal_connect_swapped (row, "notify::item", G_CALLBACK (found_row_item_cb), self);
      self->found_timeout_id = g_timeout_add (FOUND_HIGHLIGHT_MS, found_timeout_cb, self);
    }

  return TRUE;
}

/* Before each frame's layout, from the last one's: rows take their
 * height as they are laid out, and earlier messages load as the view
 * nears the top, so the found message is centred again until it is in
 * the middle (or the frames run out). Not from the layout phase, which
 * GTK would have to run again in the same frame. */
static gboolean
found_tick_cb (GtkWidget     *widget,
               GdkFrameClock *frame_clock,
               gpointer       user_data)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  double off = 0;

  if (self->found_message_id != 0 && ++self->found_frames <= FOUND_MAX_FRAMES &&
      (self->pending_message_id != 0 || !has_size (self) ||
       !centre_found_message (self, &off) || off >= 1))
    return G_SOURCE_CONTINUE;

  self->found_message_id = 0;
  self->found_tick_id = 0;

  return G_SOURCE_REMOVE;
}

static void
centre_found_message_later (StewardChatView *self)
{
  self->found_frames = 0;
  if (self->found_tick_id == 0)
    self->found_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), found_tick_cb, NULL, NULL);
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
  clear_found_row (self);
  self->found_message_id = 0;
  if (self->found_tick_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->found_tick_id);
  self->found_tick_id = 0;

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
