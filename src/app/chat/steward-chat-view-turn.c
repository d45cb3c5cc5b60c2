/* steward-chat-view-turn.c
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
#include "steward-message-row.h"

/* Running a turn (sending, stopping, regenerating, editing) and what
 * follows a reply: the facts it remembered, and the summary. */

static const char * const tiers[] = { "small", "medium", "large" };

/* -- running a turn ------------------------------------------------------ */

static void
turn_started_cb (StewardChatView *self,
                 StewardChatTurn *turn)
{
  gint64 conversation_id;

  g_assert (STEWARD_IS_CHAT_VIEW (self));

  /* Stored: the composer may let go of the text now (a reply written
   * again took none from it). */
  if (steward_chat_turn_get_regenerate (turn) == 0)
    {
      _steward_chat_view_set_composer_text (self, "");
      _steward_chat_view_set_editing (self, 0);
      steward_composer_attachments_clear (self->composer_attachments);
    }
  _steward_chat_view_hide_send_error (self);

  /* The store told the window of the turn's two messages, if it reaches
   * the end of their conversation; a new conversation, or a window on
   * earlier messages, opens on the end. */
  conversation_id = steward_chat_turn_get_conversation_id (turn);
  if (self->conversation_id != conversation_id)
    {
      _steward_chat_view_show_conversation (self, conversation_id);
      _steward_chat_view_notify_conversation_id (self);
    }
  else if (self->messages != NULL && steward_message_list_get_has_later (self->messages))
    {
      _steward_chat_view_show_conversation (self, conversation_id);
    }

  steward_chat_view_scroll_to_end (self);

  /* Following the end, the view lets go of what it left far behind, so
   * a long session costs no more than a short one. */
  if (self->opening == NULL && self->messages != NULL)
    steward_message_list_release_earlier (self->messages, FOLLOW_KEEP);
}

/* -- remembering ---------------------------------------------------------- */

static void
show_toast (StewardChatView *self,
            AdwToast        *toast)
{
  g_assert (STEWARD_IS_CHAT_VIEW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
remembered_undo_cb (AdwToast        *toast,
                    StewardChatView *self)
{
  GArray *ids = g_object_get_data (G_OBJECT (toast), "memory-ids");
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);

  if (store == NULL || ids == NULL)
    return;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!steward_store_forget_memory (store, g_array_index (ids, gint64, i), &error))
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
remember_again_cb (AdwToast        *toast,
                   StewardChatView *self)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  const char *fact = g_object_get_data (G_OBJECT (toast), "fact");
  gint64 source = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (toast), "source-message-id"));
  g_autoptr(GError) error = NULL;

  if (store == NULL || fact == NULL)
    return;

  if (!steward_store_unforget_memory (store, fact, &error) ||
      !steward_store_add_memory (store, fact, FALSE, STEWARD_MEMORY_ORIGIN_CHAT, source, &error))
    show_toast (self, adw_toast_new (error->message));
}

/* "Remember …" of a fact the user asked to forget: asked first. */
static void
turn_remember_refused_cb (StewardChatView *self,
                          const char      *fact,
                          StewardChatTurn *turn)
{
  g_autofree char *markup = g_markup_escape_text (fact, -1);
  AdwToast *toast;

  /* Translators: %s is a fact the user asked Steward to forget before */
  toast = adw_toast_new_format (_("You asked Steward to forget “%s”"), markup);
  adw_toast_set_button_label (toast, _("_Remember Again"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "fact", g_strdup (fact), g_free);
  g_object_set_data (G_OBJECT (toast), "source-message-id",
                     GSIZE_TO_POINTER ((gsize)steward_chat_turn_get_user_message_id (turn)));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (remember_again_cb), self, 0);
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

  started = steward_chat_turn_get_reply_message_id (turn) != 0;

  if (!steward_chat_turn_run_finish (turn, result, &error) && !started)
    {
      /* Nothing was stored: the text stays in the composer. Stopped
       * while its files were being prepared, it says nothing. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _steward_chat_view_show_send_error (self, error->message);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The reply ended with an error: %s", error->message);
    }

  /* Facts to remember and the summary, in the background: the composer
   * is free again meanwhile. Only a complete reply has any. */
  if (steward_chat_turn_get_status (turn) == STEWARD_MESSAGE_STATUS_COMPLETE &&
      !g_cancellable_is_cancelled (self->follow_up_cancellable))
    steward_chat_turn_follow_up_async (turn, self->follow_up_cancellable, follow_up_cb, NULL);

  if (self->turn == turn)
    {
      g_clear_object (&self->turn);
      g_clear_object (&self->turn_cancellable);
      _steward_chat_view_update_actions (self);
      _steward_chat_view_notify_busy (self);
    }

  g_application_release (g_application_get_default ());
}

/* Sends @text, or, when @regenerate_id is a reply, answers its question
 * again beside it. */
static void
steward_chat_view_run_turn (StewardChatView *self,
                            const char      *text,
                            gint64           regenerate_id)
{
  guint selected;

  g_assert (STEWARD_IS_CHAT_VIEW (self));
  g_assert (self->turn == NULL);

  if (!steward_services_get_ready (STEWARD_SERVICES_DEFAULT))
    return;

  selected = gtk_drop_down_get_selected (self->tier_dropdown);

  self->turn = steward_chat_turn_new (STEWARD_SERVICES_DEFAULT, text);
  self->turn_cancellable = g_cancellable_new ();
  steward_chat_turn_set_conversation_id (self->turn, self->conversation_id);
  if (regenerate_id != 0)
    steward_chat_turn_set_regenerate (self->turn, regenerate_id);
  else
    {
      /* The files attached in the composer go with a new message */
      GListModel *attachments = steward_composer_attachments_get_model (self->composer_attachments);

      for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
        {
          g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, i);

          steward_chat_turn_add_attachment (self->turn, attachment);
        }
    }
  steward_chat_turn_set_tier (self->turn, tiers[MIN (selected, G_N_ELEMENTS (tiers) - 1)]);
  g_signal_connect_object (self->turn, "started", G_CALLBACK (turn_started_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->turn, "remembered", G_CALLBACK (turn_remembered_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->turn, "remember-refused", G_CALLBACK (turn_remember_refused_cb),
                           self, G_CONNECT_SWAPPED);

  _steward_chat_view_update_actions (self);
  _steward_chat_view_notify_busy (self);

  /* Closing the window stops the reply; the application stays until the
   * reply is stored as interrupted. */
  g_application_hold (g_application_get_default ());
  steward_chat_turn_run_async (self->turn, self->turn_cancellable, turn_run_cb, g_object_ref (self));
}

/* Deletes @message_id and what follows: the window loses them as the
 * store tells it. */
static gboolean
truncate_from (StewardChatView *self,
               gint64           message_id)
{
  g_autoptr(GError) error = NULL;

  if (self->messages == NULL)
    return FALSE;

  if (!steward_message_list_delete_from (self->messages, message_id, &error))
    {
      _steward_chat_view_show_send_error (self, error->message);
      return FALSE;
    }

  return TRUE;
}

/* Sent while files were still being attached: it goes once they are,
 * unless one was refused (the message stays in the composer then) */
static void
attachments_busy_cb (StewardComposerAttachments *attachments,
                     GParamSpec                 *pspec,
                     StewardChatView            *self)
{
  if (steward_composer_attachments_get_busy (attachments))
    return;

  g_signal_handlers_disconnect_by_func (attachments, attachments_busy_cb, self);
  if (steward_composer_attachments_get_send_waiting (attachments))
    gtk_widget_activate_action (GTK_WIDGET (self), "chat.send", NULL);
}

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autofree char *text = _steward_chat_view_dup_composer_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (self->turn != NULL || stripped[0] == '\0')
    return;

  /* Never without the files still being attached */
  if (steward_composer_attachments_get_busy (self->composer_attachments))
    {
      g_signal_handlers_disconnect_by_func (self->composer_attachments, attachments_busy_cb, self);
      g_signal_connect_object (self->composer_attachments, "notify::busy",
                               G_CALLBACK (attachments_busy_cb), self, 0);
      steward_composer_attachments_set_send_waiting (self->composer_attachments, TRUE);
      return;
    }

  _steward_chat_view_hide_send_error (self);

  if (self->editing_id != 0 && !truncate_from (self, self->editing_id))
    return;

  steward_chat_view_run_turn (self, text, 0);
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

/* Regenerate and Retry: answer the user message before @reply_id again.
 * The new reply is shown in place of @reply_id, which stays stored with
 * what followed it, one ‹ away (a failed one is dropped). */
static void
regenerate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autoptr(StewardMessage) user_message = NULL;
  g_autoptr(GError) error = NULL;

  if (self->turn != NULL || self->messages == NULL)
    return;

  if (!(user_message = steward_message_list_find_prompt (self->messages, g_variant_get_int64 (param), &error)))
    {
      if (error != NULL)
        _steward_chat_view_show_send_error (self, error->message);
      return;
    }

  _steward_chat_view_hide_send_error (self);
  steward_chat_view_run_turn (self, steward_message_get_content (user_message), g_variant_get_int64 (param));
}

/* The list item showing @message_id, if the list view made one: its
 * child is the row. */
GtkWidget *
_steward_chat_view_find_row_item (StewardChatView *self,
                                  gint64           message_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->message_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);
      StewardMessage *item;

      if (STEWARD_IS_MESSAGE_ROW (row) &&
          (item = steward_message_row_get_item (STEWARD_MESSAGE_ROW (row))) != NULL &&
          steward_message_get_id (item) == message_id)
        return child;
    }

  return NULL;
}

typedef struct
{
  StewardChatView *view;
  gulong           handler_id;
  gint64           message_id;
  /* The row itself, rather than its ‹ › */
  gboolean         row;
} PendingFocus;

static void
pending_focus_free (gpointer  data,
                    GClosure *closure)
{
  PendingFocus *pending = data;

  g_clear_weak_pointer (&pending->view);
  g_free (pending);
}

static void
focus_after_paint_cb (GdkFrameClock *frame_clock,
                      PendingFocus  *pending)
{
  StewardChatView *self = pending->view;

  if (self != NULL)
    {
      GtkWidget *item = _steward_chat_view_find_row_item (self, pending->message_id);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
      StewardMessage *focused = focus ? steward_message_row_find_item (focus) : NULL;

      if (item != NULL && (focused == NULL || steward_message_get_id (focused) != pending->message_id))
        {
          GtkWidget *row = gtk_widget_get_first_child (item);

          if (!pending->row || !gtk_widget_grab_focus (row))
            steward_message_row_focus_alternatives (STEWARD_MESSAGE_ROW (row));
        }
    }

  /* Frees @pending. */
  g_signal_handler_disconnect (frame_clock, pending->handler_id);
}

/* The reply shown in place of the one that had the focus takes it (on
 * its ‹ ›), so Alt+Left can be pressed again: once the list view has
 * made its row and settled its focus. */
static void
focus_alternative (StewardChatView *self,
                   gint64           message_id,
                   gboolean         row)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (GTK_WIDGET (self->message_list));
  PendingFocus *pending;

  if (frame_clock == NULL)
    return;

  pending = g_new0 (PendingFocus, 1);
  g_set_weak_pointer (&pending->view, self);
  pending->message_id = message_id;
  pending->row = row;
  pending->handler_id = g_signal_connect_data (frame_clock, "after-paint", G_CALLBACK (focus_after_paint_cb),
                                               pending, pending_focus_free, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->message_list));
}

/* ‹ and › on a reply, and Alt+Left/Right: the alternative before or
 * after it, in its place, with the focus on it (on the row itself when
 * it was, see steward-chat-view-keyboard.c). */
static void
step_alternative (StewardChatView *self,
                  gint64           message_id,
                  int              step,
                  gboolean         focus_row)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(GError) error = NULL;
  gint64 shown = 0;

  if (self->turn != NULL || store == NULL)
    return;

  if (!steward_store_step_alternative (store, message_id, step, &shown, &error))
    {
      _steward_chat_view_show_send_error (self, error->message);
      return;
    }

  if (shown == 0)
    return;

  /* Shown in a window scrolled far from the end, the branch that came in
   * may lie past it: the window moves to the reply. */
  if (self->messages != NULL && !steward_message_list_load_around (self->messages, shown, NULL, &error))
    g_debug ("Could not read the branch shown: %s", error ? error->message : "not found");

  focus_alternative (self, shown, focus_row);
}

static void
previous_alternative_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  step_alternative (STEWARD_CHAT_VIEW (widget), g_variant_get_int64 (param), -1, FALSE);
}

static void
next_alternative_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  step_alternative (STEWARD_CHAT_VIEW (widget), g_variant_get_int64 (param), 1, FALSE);
}

/* Alt+Left/Right: on the reply that has the focus, if it has others. */
static gboolean
alternative_key_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  StewardChatView *self = (StewardChatView *)widget;
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  StewardMessage *message;

  if (focus == NULL || !(message = steward_message_row_find_item (focus)) ||
      steward_message_get_n_alternatives (message) < 2 ||
      steward_message_get_role (message) != STEWARD_MESSAGE_ROLE_ASSISTANT)
    return FALSE;

  step_alternative (self, steward_message_get_id (message), g_variant_get_int32 (args),
                    STEWARD_IS_MESSAGE_ROW (focus));
  return TRUE;
}

static void
edit_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;
  g_autoptr(StewardMessage) message = NULL;
  guint position;

  if (!_steward_chat_view_find_message (self, g_variant_get_int64 (param), &position))
    return;

  message = g_list_model_get_item (G_LIST_MODEL (self->messages), position);
  _steward_chat_view_set_composer_text (self, steward_message_get_content (message));
  _steward_chat_view_set_editing (self, steward_message_get_id (message));
  steward_chat_view_focus_composer (self);
}

void
_steward_chat_view_cancel_edit_action (GtkWidget  *widget,
                                       const char *action_name,
                                       GVariant   *param)
{
  StewardChatView *self = (StewardChatView *)widget;

  _steward_chat_view_set_editing (self, 0);
  _steward_chat_view_set_composer_text (self, "");
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

  if (!_steward_chat_view_find_message (self, g_variant_get_int64 (param), &position))
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
      _steward_chat_view_cancel_edit_action (widget, NULL, NULL);
      return TRUE;
    }

  return FALSE;
}

void
_steward_chat_view_class_actions_init (StewardChatViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "chat.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "chat.stop", NULL, stop_action);
  gtk_widget_class_install_action (widget_class, "chat.regenerate", "x", regenerate_action);
  gtk_widget_class_install_action (widget_class, "chat.retry", "x", regenerate_action);
  gtk_widget_class_install_action (widget_class, "chat.edit-message", "x", edit_message_action);
  gtk_widget_class_install_action (widget_class, "chat.cancel-edit", NULL, _steward_chat_view_cancel_edit_action);
  gtk_widget_class_install_action (widget_class, "chat.copy-message", "x", copy_message_action);
  gtk_widget_class_install_action (widget_class, "chat.previous-alternative", "x", previous_alternative_action);
  gtk_widget_class_install_action (widget_class, "chat.next-alternative", "x", next_alternative_action);
  _steward_chat_view_class_tasks_init (klass);

  /* Local to the conversation view, so not among the application's
   * accelerators: Escape means something else in other pages. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);
  /* Likewise: Alt+Left is "back" elsewhere. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Left, GDK_ALT_MASK, alternative_key_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Left, GDK_ALT_MASK, alternative_key_cb, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Right, GDK_ALT_MASK, alternative_key_cb, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Right, GDK_ALT_MASK, alternative_key_cb, "i", 1);
}
