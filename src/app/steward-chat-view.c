/* steward-chat-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-view.h"
#include "steward-message-row.h"

/* One conversation: its messages (a GtkListView, so only rows on screen
 * exist) and the composer. A turn runs through StewardChatTurn; its two
 * messages join the list when it starts, and the reply's row follows the
 * message object as it grows.
 */

/* How close to the end counts as "at the bottom", to keep following. */
#define FOLLOW_SLACK_PX 48

/* The list view keeps up to 200 rows alive around where it shows, and
 * a row with Markdown costs about a millisecond to build: a conversation
 * opens with its last WINDOW_STEP messages loaded from the store, and
 * scrolling near the top loads WINDOW_STEP more each time. */
#define WINDOW_STEP       32
#define LOAD_EARLIER_PX   400

static const char * const tiers[] = { "small", "medium", "large" };

struct _StewardChatView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkTextView     *composer;
  GtkBox          *composer_box;
  GtkRevealer     *editing_revealer;
  GtkListView     *message_list;
  GtkLabel        *placeholder;
  GtkScrolledWindow *scroller;
  GtkButton       *send_button;
  GtkLabel        *send_error_label;
  GtkRevealer     *send_error_revealer;
  GtkDropDown     *tier_dropdown;
  GtkStack        *view_stack;

  /* Owned */
  StewardStore    *store;
  SoupSession     *session;
  /* The end of the conversation, as far back as it was loaded */
  GListStore      *messages;
  StewardChatTurn *turn;
  GCancellable    *turn_cancellable;
  /* Follow-ups (memory, summary) of finished turns; cancelled on close. */
  GCancellable    *follow_up_cancellable;

  gint64           conversation_id;
  gint64           last_reply_id;
  /* The user message being edited, or 0. */
  gint64           editing_id;

  guint            load_earlier_id;
  /* Where to scroll once the list has its size, or GTK_INVALID_LIST_POSITION */
  guint            pending_position;
  /* Bringing the end into view after the list's allocation */
  GdkFrameClock   *pin_frame_clock;
  gulong           pin_handler_id;
  /* The adjustment's bounds at its last value change */
  double           seen_upper;
  double           seen_page_size;
  guint            follow : 1;
  guint            scrolling : 1;
  /* Whether the conversation has messages before @messages */
  guint            has_earlier : 1;
};

G_DEFINE_FINAL_TYPE (StewardChatView, steward_chat_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_CONVERSATION_ID,
  PROP_LAST_REPLY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_chat_view_update_actions (StewardChatView *self)
{
  gboolean busy = self->turn != NULL;
  gboolean ready = self->store != NULL && self->session != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.stop", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.regenerate", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.retry", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.edit-message", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.cancel-edit", self->editing_id != 0);

  /* One button: Send, or Stop while a reply streams. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->send_button), busy ? "chat.stop" : "chat.send");
  gtk_button_set_icon_name (self->send_button, busy ? "media-playback-stop-symbolic" : "go-up-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), busy ? _("Stop") : _("Send"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->send_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, busy ? _("Stop") : _("Send"),
                                  -1);
  if (busy)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "suggested-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "destructive-action");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->send_button), "destructive-action");
      gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
    }
}

static void
show_send_error (StewardChatView *self,
                 const char      *message)
{
  gtk_label_set_text (self->send_error_label, message);
  gtk_revealer_set_reveal_child (self->send_error_revealer, TRUE);
}

static void
hide_send_error (StewardChatView *self)
{
  gtk_revealer_set_reveal_child (self->send_error_revealer, FALSE);
}

static void
dismiss_error_clicked_cb (StewardChatView *self,
                          GtkButton       *button)
{
  hide_send_error (self);
}

static void
steward_chat_view_update_stack (StewardChatView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->messages)) == 0;

  gtk_stack_set_visible_child_name (self->view_stack, empty ? "empty" : "messages");
}

static void
messages_changed_cb (StewardChatView *self,
                     guint            position,
                     guint            removed,
                     guint            added,
                     GListModel      *model)
{
  g_autoptr(StewardMessage) last = NULL;
  guint n_items = g_list_model_get_n_items (model);
  gint64 last_reply_id = 0;

  if (n_items > 0)
    {
      last = g_list_model_get_item (model, n_items - 1);
      if (g_strcmp0 (steward_message_get_role (last), "assistant") == 0)
        last_reply_id = steward_message_get_id (last);
    }

  if (last_reply_id != self->last_reply_id)
    {
      self->last_reply_id = last_reply_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPLY_ID]);
    }

  steward_chat_view_update_stack (self);
}

/* -- scrolling ----------------------------------------------------------- */

static gboolean find_message (StewardChatView *self,
                              gint64           message_id,
                              guint           *position);

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
  if (!find_message (self, message_id, &position) && self->has_earlier)
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
  else if (!find_message (self, message_id, &position))
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
      show_send_error (self, error->message);
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

static void
cancel_pin_to_end (StewardChatView *self)
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

/* -- loading ------------------------------------------------------------- */

static void
steward_chat_view_reload (StewardChatView *self)
{
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;

  g_assert (STEWARD_IS_CHAT_VIEW (self));

  if (self->store == NULL || self->conversation_id == 0)
    {
      g_list_store_remove_all (self->messages);
      self->has_earlier = FALSE;
      return;
    }

  if (!(messages = steward_store_list_messages_range (self->store, self->conversation_id, 0, 0,
                                                      WINDOW_STEP + 1, &error)))
    {
      g_list_store_remove_all (self->messages);
      show_send_error (self, error->message);
      return;
    }

  /* One more than shown: whether there is anything before. */
  n_items = g_list_model_get_n_items (messages);
  self->has_earlier = n_items > WINDOW_STEP;
  items = g_ptr_array_new_full (n_items, g_object_unref);
  for (guint i = self->has_earlier ? 1 : 0; i < n_items; i++)
    {
      StewardMessage *message = g_list_model_get_item (messages, i);

      /* A reply this view is streaming: show the live object, which
       * grows, rather than the snapshot the store has. */
      if (self->turn != NULL &&
          steward_chat_turn_get_conversation_id (self->turn) == self->conversation_id)
        {
          StewardMessage *live = NULL;

          if (steward_message_get_id (message) == steward_chat_turn_get_user_message_id (self->turn))
            live = steward_chat_turn_get_user_message (self->turn);
          else if (steward_message_get_id (message) == steward_chat_turn_get_reply_message_id (self->turn))
            live = steward_chat_turn_get_reply_message (self->turn);

          if (live != NULL)
            {
              g_object_unref (message);
              message = g_object_ref (live);
            }
        }

      g_ptr_array_add (items, message);
    }

  g_list_store_splice (self->messages, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->messages)),
                       items->pdata, items->len);

  steward_chat_view_scroll_to_end (self);
}

/* -- the composer -------------------------------------------------------- */

static char *
dup_composer_text (StewardChatView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_composer_text (StewardChatView *self,
                   const char      *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->composer), text, -1);
}

static void
composer_changed_cb (StewardChatView *self,
                     GtkTextBuffer   *buffer)
{
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder),
                          gtk_text_buffer_get_char_count (buffer) == 0);
}

void
steward_chat_view_focus_composer (StewardChatView *self)
{
  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

static void
set_editing (StewardChatView *self,
             gint64           message_id)
{
  self->editing_id = message_id;
  gtk_revealer_set_reveal_child (self->editing_revealer, message_id != 0);
  steward_chat_view_update_actions (self);
}

/* -- running a turn ------------------------------------------------------ */

static gboolean
find_message (StewardChatView *self,
              gint64           message_id,
              guint           *position)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->messages));

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (G_LIST_MODEL (self->messages), i);

      if (steward_message_get_id (message) == message_id)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
turn_started_cb (StewardChatView *self,
                 StewardChatTurn *turn)
{
  StewardMessage *items[2];
  gint64 conversation_id;

  g_assert (STEWARD_IS_CHAT_VIEW (self));

  /* Stored: the composer may let go of the text now. */
  set_composer_text (self, "");
  set_editing (self, 0);
  hide_send_error (self);

  conversation_id = steward_chat_turn_get_conversation_id (turn);
  if (self->conversation_id != conversation_id)
    {
      /* A new conversation: its first two messages are all there is. */
      g_list_store_remove_all (self->messages);
      self->has_earlier = FALSE;
      self->conversation_id = conversation_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION_ID]);
    }

  items[0] = steward_chat_turn_get_user_message (turn);
  items[1] = steward_chat_turn_get_reply_message (turn);
  g_list_store_splice (self->messages,
                       g_list_model_get_n_items (G_LIST_MODEL (self->messages)),
                       0, (gpointer *)items, 2);

  steward_chat_view_scroll_to_end (self);
}

/* -- remembering ---------------------------------------------------------- */

static void
show_toast (StewardChatView *self,
            AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
remembered_undo_cb (AdwToast        *toast,
                    StewardChatView *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (toast), "memory-ids");

  if (self->store == NULL || ids == NULL)
    return;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!steward_store_forget_memory (self->store, g_array_index (ids, gint64, i), &error))
        {
          show_toast (self, adw_toast_new (error->message));
          return;
        }
    }
}

static void
turn_remembered_cb (StewardChatView *self,
                    GPtrArray       *memories,
                    StewardChatTurn *turn)
{
  g_autoptr(GArray) ids = NULL;
  AdwToast *toast;

  g_assert (STEWARD_IS_CHAT_VIEW (self));

  if (memories == NULL || memories->len == 0)
    return;

  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), memories->len);
  for (guint i = 0; i < memories->len; i++)
    {
      gint64 id = steward_memory_get_id (g_ptr_array_index (memories, i));

      g_array_append_val (ids, id);
    }

  if (memories->len == 1)
    {
      /* The toast's title is markup. */
      g_autofree char *fact = g_markup_escape_text (steward_memory_get_text (g_ptr_array_index (memories, 0)), -1);

      /* Translators: %s is a fact Steward will remember, e.g. “My manager is Priya” */
      toast = adw_toast_new_format (_("Remembered: %s"), fact);
    }
  else
    {
      /* Translators: %u is a number of facts, always more than one */
      toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Remembered %u fact", "Remembered %u facts",
                                                 memories->len),
                                    memories->len);
    }

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "memory-ids", g_steal_pointer (&ids), (GDestroyNotify)g_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (remembered_undo_cb), self, 0);
  show_toast (self, toast);
}

static void
follow_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!steward_chat_turn_follow_up_finish (STEWARD_CHAT_TURN (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_debug ("The follow-up of a reply failed: %s", error->message);
}

static void
turn_run_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardChatView) self = user_data;
  StewardChatTurn *turn = STEWARD_CHAT_TURN (object);
  g_autoptr(GError) error = NULL;
  gboolean started;

  started = steward_chat_turn_get_status (turn) != NULL;

  if (!steward_chat_turn_run_finish (turn, result, &error) && !started)
    {
      /* Nothing was stored: the text stays in the composer. */
      show_send_error (self, error->message);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The reply ended with an error: %s", error->message);
    }

  /* Facts to remember and the summary, in the background: the composer
   * is free again meanwhile. Only a complete reply has any. */
  if (g_strcmp0 (steward_chat_turn_get_status (turn), "complete") == 0 &&
      !g_cancellable_is_cancelled (self->follow_up_cancellable))
    steward_chat_turn_follow_up_async (turn, self->follow_up_cancellable, follow_up_cb, NULL);

  if (self->turn == turn)
    {
      g_clear_object (&self->turn);
      g_clear_object (&self->turn_cancellable);
      steward_chat_view_update_actions (self);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
    }

  g_application_release (g_application_get_default ());
}

static void
steward_chat_view_send_text (StewardChatView *self,
                             const char      *text)
{
  guint selected;

  g_assert (STEWARD_IS_CHAT_VIEW (self));
  g_assert (self->turn == NULL);

  if (self->store == NULL || self->session == NULL)
    return;

  selected = gtk_drop_down_get_selected (self->tier_dropdown);

  self->turn = steward_chat_turn_new (self->store, self->session, text);
  self->turn_cancellable = g_cancellable_new ();
  steward_chat_turn_set_conversation_id (self->turn, self->conversation_id);
  steward_chat_turn_set_tier (self->turn, tiers[MIN (selected, G_N_ELEMENTS (tiers) - 1)]);
  g_signal_connect_object (self->turn, "started", G_CALLBACK (turn_started_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->turn, "remembered", G_CALLBACK (turn_remembered_cb),
                           self, G_CONNECT_SWAPPED);

  steward_chat_view_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  /* Closing the window stops the reply; the application stays until the
   * reply is stored as interrupted. */
  g_application_hold (g_application_get_default ());
  steward_chat_turn_run_async (self->turn, self->turn_cancellable, turn_run_cb, g_object_ref (self));
}

/* Deletes @message_id and what follows, from the store and the list. */
static gboolean
truncate_from (StewardChatView *self,
               gint64           message_id)
{
  g_autoptr(GError) error = NULL;
  guint position;

  if (!steward_store_delete_messages_from (self->store, message_id, &error))
    {
      show_send_error (self, error->message);
      return FALSE;
    }

  if (find_message (self, message_id, &position))
    g_list_store_splice (self->messages, position,
                         g_list_model_get_n_items (G_LIST_MODEL (self->messages)) - position,
                         NULL, 0);

  return TRUE;
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autofree char *text = dup_composer_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->turn != NULL || stripped[0] == '\0')
    return;

  hide_send_error (self);

  if (self->editing_id != 0 && !truncate_from (self, self->editing_id))
    return;

  steward_chat_view_send_text (self, text);
}

static void
stop_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;

  if (self->turn_cancellable != NULL)
    g_cancellable_cancel (self->turn_cancellable);
}

/* Regenerate and Retry: send the user message before @reply_id again, in
 * place of it and everything after it. */
static void
regenerate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autoptr(StewardMessage) user_message = NULL;
  g_autofree char *text = NULL;
  guint position;

  if (self->turn != NULL || !find_message (self, g_variant_get_int64 (param), &position))
    return;

  while (position > 0)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (G_LIST_MODEL (self->messages), --position);

      if (g_strcmp0 (steward_message_get_role (message), "user") == 0)
        {
          user_message = g_steal_pointer (&message);
          break;
        }
    }

  if (user_message == NULL)
    return;

  text = g_strdup (steward_message_get_content (user_message));
  hide_send_error (self);

  if (!truncate_from (self, steward_message_get_id (user_message)))
    return;

  /* If the turn cannot start, the text is not lost: it is put back in the
   * composer, where a failed send leaves it. */
  set_composer_text (self, text);
  steward_chat_view_send_text (self, text);
}

static void
edit_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autoptr(StewardMessage) message = NULL;
  guint position;

  if (!find_message (self, g_variant_get_int64 (param), &position))
    return;

  message = g_list_model_get_item (G_LIST_MODEL (self->messages), position);
  set_composer_text (self, steward_message_get_content (message));
  set_editing (self, steward_message_get_id (message));
  steward_chat_view_focus_composer (self);
}

static void
cancel_edit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;

  set_editing (self, 0);
  set_composer_text (self, "");
}

static void
copy_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autoptr(StewardMessage) message = NULL;
  AdwToast *toast;
  guint position;

  if (!find_message (self, g_variant_get_int64 (param), &position))
    return;

  message = g_list_model_get_item (G_LIST_MODEL (self->messages), position);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), steward_message_get_content (message));

  toast = adw_toast_new (_("Copied to clipboard"));
  adw_toast_set_timeout (toast, 2);
  show_toast (self, toast);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  StewardChatView *self = (StewardChatView *)widget;

  if (self->turn_cancellable != NULL)
    {
      g_cancellable_cancel (self->turn_cancellable);
      return TRUE;
    }

  if (self->editing_id != 0)
    {
      cancel_edit_action (widget, NULL, NULL);
      return TRUE;
    }

  return FALSE;
}

static gboolean
composer_key_pressed_cb (StewardChatView       *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  g_assert (STEWARD_IS_CHAT_VIEW (self));

  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return GDK_EVENT_PROPAGATE;

  /* Shift+Enter is a new line, as in every chat. */
  if (state & GDK_SHIFT_MASK)
    return GDK_EVENT_PROPAGATE;

  /* Enter and Ctrl+Enter send; while a reply streams they do nothing
   * rather than add a stray line. */
  gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
  return GDK_EVENT_STOP;
}

/* -- public -------------------------------------------------------------- */

void
steward_chat_view_set_store (StewardChatView *self,
                             StewardStore    *store)
{
  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));

  if (!g_set_object (&self->store, store))
    return;

  steward_chat_view_reload (self);
  steward_chat_view_update_actions (self);
}

void
steward_chat_view_set_session (StewardChatView *self,
                               SoupSession     *session)
{
  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));

  g_set_object (&self->session, session);
  steward_chat_view_update_actions (self);
}

/**
 * steward_chat_view_get_store:
 *
 * Returns: (transfer none) (nullable): the store the view shows
 */
StewardStore *
steward_chat_view_get_store (StewardChatView *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), NULL);

  return self->store;
}

gint64
steward_chat_view_get_conversation_id (StewardChatView *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), 0);

  return self->conversation_id;
}

/**
 * steward_chat_view_set_conversation_id:
 * @conversation_id: a conversation, or 0 for a new one
 */
void
steward_chat_view_set_conversation_id (StewardChatView *self,
                                       gint64           conversation_id)
{
  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));

  if (self->conversation_id == conversation_id)
    return;

  self->conversation_id = conversation_id;
  if (self->editing_id != 0)
    cancel_edit_action (GTK_WIDGET (self), NULL, NULL);
  hide_send_error (self);
  steward_chat_view_reload (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION_ID]);
}

gint64
steward_chat_view_get_last_reply_id (StewardChatView *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), 0);

  return self->last_reply_id;
}

gboolean
steward_chat_view_get_busy (StewardChatView *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), FALSE);

  return self->turn != NULL;
}

/**
 * steward_chat_view_get_messages:
 *
 * Returns: (transfer none): the #StewardMessage list the view shows
 */
GListModel *
steward_chat_view_get_messages (StewardChatView *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), NULL);

  return G_LIST_MODEL (self->messages);
}

/**
 * steward_chat_view_send:
 *
 * Sends @text as if the user typed it in the composer and pressed Enter.
 */
void
steward_chat_view_send (StewardChatView *self,
                        const char      *text)
{
  g_return_if_fail (STEWARD_IS_CHAT_VIEW (self));
  g_return_if_fail (text != NULL);

  set_composer_text (self, text);
  gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
}

/* -- the message list's rows --------------------------------------------- */

static void
setup_row_cb (StewardChatView          *self,
              GtkListItem              *list_item,
              GtkSignalListItemFactory *factory)
{
  GtkWidget *row = steward_message_row_new ();

  g_object_bind_property (self, "last-reply-id", row, "last-reply-id", G_BINDING_SYNC_CREATE);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (StewardChatView          *self,
             GtkListItem              *list_item,
             GtkSignalListItemFactory *factory)
{
  steward_message_row_set_item (STEWARD_MESSAGE_ROW (gtk_list_item_get_child (list_item)),
                                gtk_list_item_get_item (list_item));
}

static void
unbind_row_cb (StewardChatView          *self,
               GtkListItem              *list_item,
               GtkSignalListItemFactory *factory)
{
  steward_message_row_set_item (STEWARD_MESSAGE_ROW (gtk_list_item_get_child (list_item)), NULL);
}

/* -- GObject ------------------------------------------------------------- */

static void
steward_chat_view_unroot (GtkWidget *widget)
{
  StewardChatView *self = (StewardChatView *)widget;

  /* The window is closing: stop the reply, which is kept as interrupted,
   * and what follows earlier replies. */
  if (self->turn_cancellable != NULL)
    g_cancellable_cancel (self->turn_cancellable);
  g_cancellable_cancel (self->follow_up_cancellable);

  GTK_WIDGET_CLASS (steward_chat_view_parent_class)->unroot (widget);
}

static void
steward_chat_view_unrealize (GtkWidget *widget)
{
  cancel_pin_to_end (STEWARD_CHAT_VIEW (widget));

  GTK_WIDGET_CLASS (steward_chat_view_parent_class)->unrealize (widget);
}

static void
steward_chat_view_dispose (GObject *object)
{
  StewardChatView *self = (StewardChatView *)object;
  GtkWidget *child;

  if (self->turn_cancellable != NULL)
    g_cancellable_cancel (self->turn_cancellable);
  if (self->follow_up_cancellable != NULL)
    g_cancellable_cancel (self->follow_up_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CHAT_VIEW);
  /* The template's children that are not bound by name stay otherwise. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  g_clear_object (&self->turn);
  g_clear_object (&self->turn_cancellable);
  g_clear_object (&self->follow_up_cancellable);
  g_clear_handle_id (&self->load_earlier_id, g_source_remove);
  cancel_pin_to_end (self);
  g_clear_object (&self->messages);
  g_clear_object (&self->session);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_chat_view_parent_class)->dispose (object);
}

static void
steward_chat_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->turn != NULL);
      break;

    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;

    case PROP_LAST_REPLY_ID:
      g_value_set_int64 (value, self->last_reply_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_chat_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (object);

  switch (prop_id)
    {
    case PROP_CONVERSATION_ID:
      steward_chat_view_set_conversation_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_chat_view_class_init (StewardChatViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_chat_view_dispose;
  object_class->get_property = steward_chat_view_get_property;
  object_class->set_property = steward_chat_view_set_property;

  widget_class->unrealize = steward_chat_view_unrealize;
  widget_class->unroot = steward_chat_view_unroot;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LAST_REPLY_ID] =
    g_param_spec_int64 ("last-reply-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "chat.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "chat.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "chat.regenerate", "x", regenerate_action);
  gtk_widget_class_install_action (widget_class, "chat.retry", "x", regenerate_action);
  gtk_widget_class_install_action (widget_class, "chat.edit-message", "x", edit_message_action);
  gtk_widget_class_install_action (widget_class, "chat.cancel-edit", NULL, cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "chat.copy-message", "x", copy_message_action);

  /* Local to the conversation view, so not among the application's
   * accelerators: Escape means something else in other pages. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  gtk_widget_class_set_css_name (widget_class, "chatview");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-chat-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, composer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, composer_box);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, editing_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, message_list);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, placeholder);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, send_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, send_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, send_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, view_stack);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_clicked_cb);
}

static void
steward_chat_view_init (StewardChatView *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->follow = TRUE;
  self->pending_position = GTK_INVALID_LIST_POSITION;
  self->follow_up_cancellable = g_cancellable_new ();
  self->messages = g_list_store_new (STEWARD_TYPE_MESSAGE);
  g_signal_connect_object (self->messages, "items-changed",
                           G_CALLBACK (messages_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->message_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->message_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->messages)))));

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  g_signal_connect_object (adjustment, "value-changed",
                           G_CALLBACK (adjustment_value_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::upper",
                           G_CALLBACK (adjustment_upper_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "notify::page-size",
                           G_CALLBACK (adjustment_page_size_cb), self, G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (composer_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->composer), controller);

  g_signal_connect_object (gtk_text_view_get_buffer (self->composer), "changed",
                           G_CALLBACK (composer_changed_cb), self, G_CONNECT_SWAPPED);

  steward_chat_view_update_stack (self);
  steward_chat_view_update_actions (self);
}
