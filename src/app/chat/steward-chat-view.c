/* steward-chat-view.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-chat-view-private.h"
#include "steward-drop-down-name.h"
#include "steward-message-row.h"
#include "steward-read-aloud.h"

/* One conversation: its messages (a GtkListView on a window of them, so
 * only rows near the view exist) and the composer. A turn runs through
 * StewardChatTurn; the store tells the window of its two messages, and
 * the reply's row follows the message object as it grows.
 */

G_DEFINE_FINAL_TYPE (StewardChatView, steward_chat_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  PROP_CONVERSATION_ID,
  PROP_LAST_REPLY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_steward_chat_view_notify_busy (StewardChatView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

void
_steward_chat_view_notify_conversation_id (StewardChatView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONVERSATION_ID]);
}

void
_steward_chat_view_update_actions (StewardChatView *self)
{
  gboolean busy = self->turn != NULL;
  gboolean ready = steward_services_get_ready (STEWARD_SERVICES_DEFAULT) &&
                   steward_services_get_store (STEWARD_SERVICES_DEFAULT) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.send", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.stop", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.regenerate", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.retry", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.edit-message", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.previous-alternative", ready && !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.next-alternative", ready && !busy);
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

void
_steward_chat_view_show_send_error (StewardChatView *self,
                                    const char      *message)
{
  gtk_label_set_text (self->send_error_label, message);
  gtk_revealer_set_reveal_child (self->send_error_revealer, TRUE);
}

void
_steward_chat_view_hide_send_error (StewardChatView *self)
{
  gtk_revealer_set_reveal_child (self->send_error_revealer, FALSE);
}

static void
dismiss_error_clicked_cb (StewardChatView *self,
                          GtkButton       *button)
{
  _steward_chat_view_hide_send_error (self);
}

static void
steward_chat_view_update_stack (StewardChatView *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->selection)) == 0;

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
      if (steward_message_get_role (last) == STEWARD_MESSAGE_ROLE_ASSISTANT)
        last_reply_id = steward_message_get_id (last);
    }

  if (last_reply_id != self->last_reply_id)
    {
      self->last_reply_id = last_reply_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPLY_ID]);
    }

  steward_chat_view_update_stack (self);
}

gboolean
_steward_chat_view_find_message (StewardChatView *self,
                                 gint64           message_id,
                                 guint           *position)
{
  return self->messages != NULL && steward_message_list_find (self->messages, message_id, position);
}

/* -- loading ------------------------------------------------------------- */

static void
set_messages (StewardChatView    *self,
              StewardMessageList *messages)
{
  g_clear_handle_id (&self->load_more_id, g_source_remove);
  g_set_object (&self->messages, messages);
  gtk_no_selection_set_model (self->selection, G_LIST_MODEL (messages));
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(StewardChatView) self = user_data;
  StewardMessageList *messages = STEWARD_MESSAGE_LIST (object);
  g_autoptr(GError) error = NULL;
  gint64 message_id;

  if (!steward_message_list_load_end_finish (messages, result, &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  /* Another conversation was chosen meanwhile. */
  if (self->opening != messages)
    return;

  if (error != NULL)
    _steward_chat_view_show_send_error (self, error->message);

  set_messages (self, messages);
  g_clear_object (&self->opening);
  g_clear_object (&self->opening_cancellable);

  message_id = self->opening_message_id;
  self->opening_message_id = 0;
  if (message_id == 0 || !steward_chat_view_scroll_to_message (self, message_id))
    steward_chat_view_scroll_to_end (self);
}

/* Shows @conversation_id's window: its end, as when it is opened. The
 * end is read in a worker; the conversation shown so far stays until it
 * is, so a long conversation opens without a frame held up or an empty
 * view in between. */
void
_steward_chat_view_show_conversation (StewardChatView *self,
                                      gint64           conversation_id)
{
  g_autoptr(StewardMessageList) messages = NULL;

  g_assert (STEWARD_IS_CHAT_VIEW (self));

  self->conversation_id = conversation_id;
  self->opening_message_id = 0;
  g_cancellable_cancel (self->opening_cancellable);
  g_clear_object (&self->opening_cancellable);
  g_clear_object (&self->opening);

  messages = steward_services_watch_messages (STEWARD_SERVICES_DEFAULT, conversation_id);

  /* Nothing to read: a new conversation, or no store. */
  if (messages == NULL || conversation_id == 0)
    {
      set_messages (self, messages);
      steward_chat_view_scroll_to_end (self);
      return;
    }

  self->opening = g_object_ref (messages);
  self->opening_cancellable = g_cancellable_new ();
  steward_message_list_load_end_async (messages, self->opening_cancellable, opened_cb, g_object_ref (self));
}

static void
services_ready_cb (StewardChatView *self,
                   GParamSpec      *pspec,
                   StewardServices *services)
{
  if (!steward_services_get_ready (services))
    return;

  _steward_chat_view_show_conversation (self, self->conversation_id);
  _steward_chat_view_update_actions (self);
}

/* -- the composer -------------------------------------------------------- */

char *
_steward_chat_view_dup_composer_text (StewardChatView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->composer);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

void
_steward_chat_view_set_composer_text (StewardChatView *self,
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

void
_steward_chat_view_set_editing (StewardChatView *self,
                                gint64           message_id)
{
  self->editing_id = message_id;
  gtk_revealer_set_reveal_child (self->editing_revealer, message_id != 0);
  _steward_chat_view_update_actions (self);
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

  if (self->editing_id != 0)
    _steward_chat_view_cancel_edit_action (GTK_WIDGET (self), NULL, NULL);
  _steward_chat_view_hide_send_error (self);

  /* A reply being read aloud or a message being recorded belongs to the
   * conversation left: neither goes on where it cannot be stopped */
  if (gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    steward_read_aloud_stop (steward_read_aloud_get_for_widget (GTK_WIDGET (self)));
  if (self->voice_button != NULL)
    steward_voice_button_cancel (self->voice_button);

  _steward_chat_view_show_conversation (self, conversation_id);

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
 * Returns: (transfer none): the #StewardMessage list the view shows: the
 *   same object whatever the conversation
 */
GListModel *
steward_chat_view_get_messages (StewardChatView *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_VIEW (self), NULL);

  return G_LIST_MODEL (self->selection);
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

  _steward_chat_view_set_composer_text (self, text);
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
  /* The keyboard moves from message to message, see
   * steward-chat-view-keyboard.c. */
  gtk_widget_set_focusable (row, TRUE);
  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_row_cb (StewardChatView          *self,
             GtkListItem              *list_item,
             GtkSignalListItemFactory *factory)
{
  GtkWidget *row = gtk_list_item_get_child (list_item);
  StewardMessage *message = gtk_list_item_get_item (list_item);

  steward_message_row_set_item (STEWARD_MESSAGE_ROW (row), message);

  /* What a screen reader says as the keyboard moves to the message; its
   * text follows. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  steward_message_get_role (message) == STEWARD_MESSAGE_ROLE_USER
                                    ? _("Your message") : _("Steward’s reply"),
                                  -1);
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
  _steward_chat_view_cancel_frame_work (STEWARD_CHAT_VIEW (widget));

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
  g_clear_handle_id (&self->load_more_id, g_source_remove);
  _steward_chat_view_cancel_frame_work (self);
  g_cancellable_cancel (self->opening_cancellable);
  g_clear_object (&self->opening_cancellable);
  g_clear_object (&self->opening);
  g_clear_object (&self->selection);
  g_clear_object (&self->messages);

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

  widget_class->focus = _steward_chat_view_focus;
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

  _steward_chat_view_class_actions_init (klass);
  _steward_chat_view_class_init_attach (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chatview");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-chat-view.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, composer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, composer_attachments);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, composer_box);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, editing_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, jump_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, message_list);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, photo_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, placeholder);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, scroller);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, send_button);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, send_error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, send_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardChatView, voice_button);
  gtk_widget_class_bind_template_callback (widget_class, dismiss_error_clicked_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "jump_clicked_cb",
                                                G_CALLBACK (_steward_chat_view_jump_clicked_cb));
}

static void
steward_chat_view_init (StewardChatView *self)
{
  GtkListItemFactory *factory;
  GtkEventController *controller;

  g_type_ensure (STEWARD_TYPE_COMPOSER_ATTACHMENTS);
  g_type_ensure (STEWARD_TYPE_VOICE_BUTTON);
  gtk_widget_init_template (GTK_WIDGET (self));

  /* GTK 4.8's GtkDropDown leaves the button that takes the focus unnamed */
  steward_drop_down_name_button (self->tier_dropdown, _("Model Size"));

  self->follow = TRUE;
  self->follow_up_cancellable = g_cancellable_new ();
  self->selection = gtk_no_selection_new (NULL);
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (messages_changed_cb), self, G_CONNECT_SWAPPED);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_row_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->message_list, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->message_list, GTK_SELECTION_MODEL (self->selection));

  _steward_chat_view_init_scrolling (self);
  _steward_chat_view_init_keyboard (self);
  _steward_chat_view_init_jump (self);
  _steward_chat_view_init_attach (self);
  steward_voice_button_add_shortcuts (self->voice_button, GTK_WIDGET (self));

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (composer_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->composer), controller);

  g_signal_connect_object (gtk_text_view_get_buffer (self->composer), "changed",
                           G_CALLBACK (composer_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (STEWARD_SERVICES_DEFAULT, "notify::ready",
                           G_CALLBACK (services_ready_cb), self, G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, STEWARD_SERVICES_DEFAULT);

  steward_chat_view_update_stack (self);
  _steward_chat_view_update_actions (self);
}
