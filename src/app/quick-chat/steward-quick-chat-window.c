/* steward-quick-chat-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-quick-chat"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-composer-attachments.h"
#include "steward-drop-down-name.h"
#include "steward-markdown-view.h"
#include "steward-quick-chat-window.h"

/* Quick chat: ask from anywhere, read the answer, press Escape.
 *
 * The window is made once, when Steward has started, and kept hidden, so
 * that opening it costs a present and a frame. It belongs to the
 * application only while it shows: hidden, it does not keep Steward
 * running on its own.
 *
 * What is asked is a conversation like any other, marked as begun here
 * (it is listed in the main window with the rest). Questions asked while
 * the window stays open follow on in the same conversation; after the
 * window was closed, the next question begins a new one. Ctrl+Enter takes
 * the conversation into the main window, where it goes on as a normal
 * one.
 */

static const char * const tiers[] = { "small", "medium", "large" };

struct _StewardQuickChatWindow
{
  AdwWindow                   parent_instance;

  /* Template */
  StewardComposerAttachments *attachments;
  GtkTextView                *entry;
  GtkDropDown                *tier_dropdown;
  GtkStack                   *answer_stack;
  GtkBox                     *answer_box;
  GtkLabel                   *question_label;
  GtkLabel                   *status_label;

  StewardMarkdownView        *markdown_view;

  /* The turn being answered, if any */
  StewardChatTurn            *turn;
  GCancellable               *turn_cancellable;

  /* The reply shown, followed as it streams */
  StewardMessage             *reply;
  gsize                       shown_len;

  /* The conversation of this opening; 0 before its first question */
  gint64                      conversation_id;
  char                       *last_question;

  /* Waiting for the store to open before sending */
  gulong                      ready_handler;
  /* Ctrl+Enter pressed before the turn had stored its messages */
  guint                       continue_when_started : 1;
};

G_DEFINE_FINAL_TYPE (StewardQuickChatWindow, steward_quick_chat_window, ADW_TYPE_WINDOW)

static void steward_quick_chat_window_send (StewardQuickChatWindow *self);
static void continue_in_main_window (StewardQuickChatWindow *self);

/* -- the entry -------------------------------------------------------------- */

static char *
dup_entry_text (StewardQuickChatWindow *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_entry_text (StewardQuickChatWindow *self,
                const char             *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);
  GtkTextIter end;

  gtk_text_buffer_set_text (buffer, text, -1);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
}

static void
show_status (StewardQuickChatWindow *self,
             const char             *text,
             gboolean                error)
{
  gtk_label_set_text (self->status_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL && text[0] != '\0');

  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");

  /* A screen reader hears what went wrong without moving there */
  if (error && text != NULL && text[0] != '\0')
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                    -1);
}

/* -- following the reply ---------------------------------------------------- */

static void
stop_following (StewardQuickChatWindow *self)
{
  if (self->reply != NULL)
    g_signal_handlers_disconnect_by_data (self->reply, self);
  g_clear_object (&self->reply);
  self->shown_len = 0;
}

static void
reply_content_cb (StewardMessage         *reply,
                  GParamSpec             *pspec,
                  StewardQuickChatWindow *self)
{
  const char *content = steward_message_get_content (reply);
  gsize len = content ? strlen (content) : 0;

  /* Only what is new, while it streams */
  if (steward_markdown_view_get_streaming (self->markdown_view) && len >= self->shown_len)
    steward_markdown_view_append (self->markdown_view, content + self->shown_len, len - self->shown_len);
  else
    steward_markdown_view_set_text (self->markdown_view, content ? content : "",
                                    steward_message_get_status (reply) == STEWARD_MESSAGE_STATUS_STREAMING);
  self->shown_len = len;
}

static void
reply_status_cb (StewardMessage         *reply,
                 GParamSpec             *pspec,
                 StewardQuickChatWindow *self)
{
  StewardMessageStatus status = steward_message_get_status (reply);

  if (status == STEWARD_MESSAGE_STATUS_STREAMING)
    return;

  steward_markdown_view_finish (self->markdown_view, steward_message_get_content (reply));
  self->shown_len = strlen (steward_message_get_content (reply));

  if (status == STEWARD_MESSAGE_STATUS_ERROR && steward_message_get_error (reply) != NULL)
    show_status (self, steward_message_get_error (reply), TRUE);
  else if (status == STEWARD_MESSAGE_STATUS_INTERRUPTED)
    show_status (self, _("The answer was stopped."), FALSE);
}

static void
follow_reply (StewardQuickChatWindow *self,
              StewardMessage         *reply,
              const char             *question)
{
  stop_following (self);

  gtk_label_set_text (self->question_label, question);
  self->reply = g_object_ref (reply);
  steward_markdown_view_set_text (self->markdown_view, "", TRUE);
  g_signal_connect_object (reply, "notify::content", G_CALLBACK (reply_content_cb), self, 0);
  g_signal_connect_object (reply, "notify::status", G_CALLBACK (reply_status_cb), self, 0);
  reply_content_cb (reply, NULL, self);
  reply_status_cb (reply, NULL, self);

  gtk_stack_set_visible_child_name (self->answer_stack, "answer");
}

/* -- asking ------------------------------------------------------------------ */

static void
turn_started_cb (StewardQuickChatWindow *self,
                 StewardChatTurn        *turn)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  StewardMessage *user_message = steward_chat_turn_get_user_message (turn);
  StewardMessage *reply = steward_chat_turn_get_reply_message (turn);

  if (self->conversation_id == 0)
    {
      g_autoptr(GError) error = NULL;

      self->conversation_id = steward_chat_turn_get_conversation_id (turn);
      if (store != NULL && !steward_store_set_conversation_quick (store, self->conversation_id, TRUE, &error))
        g_warning ("Cannot mark the conversation as begun in quick chat: %s", error->message);
    }

  /* Stored: the entry may let go of the text now */
  set_entry_text (self, "");
  steward_composer_attachments_clear (self->attachments);

  if (reply != NULL)
    follow_reply (self, reply, user_message ? steward_message_get_content (user_message) : "");

  if (self->continue_when_started)
    {
      self->continue_when_started = FALSE;
      continue_in_main_window (self);
    }
}

static void
turn_run_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardQuickChatWindow) self = user_data;
  StewardChatTurn *turn = STEWARD_CHAT_TURN (object);
  g_autoptr(GError) error = NULL;
  gboolean started = steward_chat_turn_get_reply_message_id (turn) != 0;

  if (!steward_chat_turn_run_finish (turn, result, &error) && !started)
    {
      /* Nothing was stored: the question stays in the entry */
      self->continue_when_started = FALSE;
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_status (self, error->message, TRUE);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("The quick answer ended with an error: %s", error->message);
    }

  /* What to remember, and the summary, as in the main window */
  if (steward_chat_turn_get_status (turn) == STEWARD_MESSAGE_STATUS_COMPLETE)
    steward_chat_turn_follow_up_async (turn, NULL, NULL, NULL);

  if (self->turn == turn)
    {
      g_clear_object (&self->turn);
      g_clear_object (&self->turn_cancellable);
    }

  g_application_release (g_application_get_default ());
}

static void
services_ready_cb (StewardServices        *services,
                   GParamSpec             *pspec,
                   StewardQuickChatWindow *self)
{
  if (!steward_services_get_ready (services) && steward_services_get_open_error (services) == NULL)
    return;

  g_clear_signal_handler (&self->ready_handler, services);

  if (steward_services_get_open_error (services) != NULL)
    show_status (self, steward_services_get_open_error (services)->message, TRUE);
  else
    steward_quick_chat_window_send (self);
}

static void
steward_quick_chat_window_send (StewardQuickChatWindow *self)
{
  StewardServices *services = STEWARD_SERVICES_DEFAULT;
  GListModel *attachments = steward_composer_attachments_get_model (self->attachments);
  g_autofree char *text = dup_entry_text (self);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint selected;

  /* Never without the files still being attached: sent once they are,
   * unless one was refused */
  if (g_signal_handlers_disconnect_by_func (self->attachments, steward_quick_chat_window_send, self) > 0 &&
      !steward_composer_attachments_get_busy (self->attachments) &&
      !steward_composer_attachments_get_send_waiting (self->attachments))
    return;
  if (steward_composer_attachments_get_busy (self->attachments))
    {
      g_signal_connect_object (self->attachments, "notify::busy", G_CALLBACK (steward_quick_chat_window_send),
                               self, G_CONNECT_SWAPPED);
      steward_composer_attachments_set_send_waiting (self->attachments, TRUE);
      return;
    }

  if (self->turn != NULL || (stripped[0] == '\0' && g_list_model_get_n_items (attachments) == 0))
    return;

  show_status (self, NULL, FALSE);

  /* Opened from the keyboard at start-up, the store may still be
   * opening: the question goes as soon as it has. */
  if (!steward_services_get_ready (services))
    {
      if (steward_services_get_open_error (services) != NULL)
        show_status (self, steward_services_get_open_error (services)->message, TRUE);
      else if (self->ready_handler == 0)
        self->ready_handler = g_signal_connect_object (services, "notify::ready",
                                                       G_CALLBACK (services_ready_cb), self, 0);
      return;
    }

  g_free (self->last_question);
  self->last_question = g_strdup (text);

  selected = gtk_drop_down_get_selected (self->tier_dropdown);

  self->turn = steward_chat_turn_new (services, text);
  self->turn_cancellable = g_cancellable_new ();
  steward_chat_turn_set_conversation_id (self->turn, self->conversation_id);
  steward_chat_turn_set_tier (self->turn, tiers[MIN (selected, G_N_ELEMENTS (tiers) - 1)]);
  for (guint i = 0; i < g_list_model_get_n_items (attachments); i++)
    {
      g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, i);

      steward_chat_turn_add_attachment (self->turn, attachment);
    }
  g_signal_connect_object (self->turn, "started", G_CALLBACK (turn_started_cb), self, G_CONNECT_SWAPPED);

  /* Hidden, the window does not keep Steward running: the turn does,
   * until its reply is stored. */
  g_application_hold (g_application_get_default ());
  steward_chat_turn_run_async (self->turn, self->turn_cancellable, turn_run_cb, g_object_ref (self));
}

/* -- into the main window ---------------------------------------------------- */

static void
forget_exchange (StewardQuickChatWindow *self)
{
  stop_following (self);
  self->conversation_id = 0;
  gtk_label_set_text (self->question_label, "");
  steward_markdown_view_set_text (self->markdown_view, "", FALSE);
  gtk_stack_set_visible_child_name (self->answer_stack, "empty");
  show_status (self, NULL, FALSE);
}

static void
continue_in_main_window (StewardQuickChatWindow *self)
{
  StewardApplication *app = STEWARD_APPLICATION (g_application_get_default ());
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(GError) error = NULL;
  GtkWindow *main_window;
  gint64 message_id;

  if (self->conversation_id == 0)
    {
      g_autofree char *text = dup_entry_text (self);

      /* A question not asked yet is asked first, then taken over */
      if (self->turn != NULL || g_strstrip (text)[0] != '\0')
        {
          self->continue_when_started = TRUE;
          steward_quick_chat_window_send (self);
          return;
        }

      gtk_window_present (steward_application_present_main_window (app));
      gtk_window_close (GTK_WINDOW (self));
      return;
    }

  if (store != NULL && !steward_store_set_conversation_quick (store, self->conversation_id, FALSE, &error))
    {
      show_status (self, error->message, TRUE);
      return;
    }

  message_id = self->reply != NULL ? steward_message_get_id (self->reply) : 0;
  main_window = steward_application_present_main_window (app);
  if (message_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (main_window), "win.show-message", "x", message_id);

  forget_exchange (self);
  gtk_window_close (GTK_WINDOW (self));
}

/* -- keys ---------------------------------------------------------------------- */

static void
copy_answer (StewardQuickChatWindow *self)
{
  const char *content = self->reply ? steward_message_get_content (self->reply) : NULL;

  if (content == NULL || content[0] == '\0')
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), content);
  show_status (self, _("Answer copied"), FALSE);
}

static void
refused_cb (StewardQuickChatWindow *self,
            const GError           *error)
{
  show_status (self, error->message, TRUE);
}

static gboolean
entry_key_pressed_cb (StewardQuickChatWindow *self,
                      guint                   keyval,
                      guint                   keycode,
                      GdkModifierType         state,
                      GtkEventControllerKey  *controller)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry);

  state &= gtk_accelerator_get_default_mod_mask ();

  switch (keyval)
    {
    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      /* Shift+Enter is a new line, as in every chat */
      if (state & GDK_SHIFT_MASK)
        return GDK_EVENT_PROPAGATE;
      if (state & GDK_CONTROL_MASK)
        continue_in_main_window (self);
      else
        steward_quick_chat_window_send (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      /* Up in an empty entry brings the last question back */
      if (state == 0 && gtk_text_buffer_get_char_count (buffer) == 0 && self->last_question != NULL)
        {
          set_entry_text (self, self->last_question);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;

    case GDK_KEY_c:
    case GDK_KEY_C:
      /* Ctrl+C with nothing selected copies the answer */
      if (state == GDK_CONTROL_MASK && !gtk_text_buffer_get_has_selection (buffer) && self->reply != NULL)
        {
          copy_answer (self);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static gboolean
select_tier_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  StewardQuickChatWindow *self = STEWARD_QUICK_CHAT_WINDOW (widget);

  gtk_drop_down_set_selected (self->tier_dropdown, g_variant_get_uint32 (args));
  return TRUE;
}

static gboolean
close_cb (GtkWidget *widget,
          GVariant  *args,
          gpointer   user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/* -- showing and hiding ----------------------------------------------------- */

static void
steward_quick_chat_window_hide (GtkWidget *widget)
{
  StewardQuickChatWindow *self = (StewardQuickChatWindow *)widget;

  GTK_WIDGET_CLASS (steward_quick_chat_window_parent_class)->hide (widget);

  /* The next question, after this, begins a new conversation; the last
   * answer stays in view until then. */
  if (self->turn == NULL)
    self->conversation_id = 0;

  /* Hidden, the window no longer keeps Steward running */
  if (gtk_window_get_application (GTK_WINDOW (self)) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), NULL);
}

/**
 * steward_quick_chat_window_open:
 * @text: (nullable): text to put in the entry, e.g. the terms searched
 *   for in GNOME Shell
 *
 * Shows the window, with the focus in its entry.
 */
void
steward_quick_chat_window_open (StewardQuickChatWindow *self,
                                GtkApplication         *application,
                                const char             *text)
{
  g_return_if_fail (STEWARD_IS_QUICK_CHAT_WINDOW (self));
  g_return_if_fail (GTK_IS_APPLICATION (application));

  if (gtk_window_get_application (GTK_WINDOW (self)) != application)
    gtk_window_set_application (GTK_WINDOW (self), application);

  if (text != NULL && text[0] != '\0')
    set_entry_text (self, text);

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

gint64
steward_quick_chat_window_get_conversation_id (StewardQuickChatWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_QUICK_CHAT_WINDOW (self), 0);

  return self->conversation_id;
}

/* -- object --------------------------------------------------------------------- */

StewardQuickChatWindow *
steward_quick_chat_window_new (void)
{
  return g_object_new (STEWARD_TYPE_QUICK_CHAT_WINDOW, NULL);
}

static void
steward_quick_chat_window_dispose (GObject *object)
{
  StewardQuickChatWindow *self = (StewardQuickChatWindow *)object;

  /* A reply being written goes on being stored: the turn holds itself */
  stop_following (self);
  g_clear_object (&self->turn);
  g_clear_object (&self->turn_cancellable);
  g_clear_pointer (&self->last_question, g_free);
  if (self->ready_handler != 0)
    g_clear_signal_handler (&self->ready_handler, STEWARD_SERVICES_DEFAULT);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_QUICK_CHAT_WINDOW);

  G_OBJECT_CLASS (steward_quick_chat_window_parent_class)->dispose (object);
}

static void
steward_quick_chat_window_class_init (StewardQuickChatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_quick_chat_window_dispose;
  widget_class->hide = steward_quick_chat_window_hide;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-quick-chat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, attachments);
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, entry);
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, tier_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, answer_box);
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, question_label);
  gtk_widget_class_bind_template_child (widget_class, StewardQuickChatWindow, status_label);

  /* Escape hides the window, wherever the focus is */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_cb, NULL);

  /* Ctrl+1, 2, 3: the model size, as the main window's pages */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, select_tier_cb, "u", 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_2, GDK_CONTROL_MASK, select_tier_cb, "u", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_3, GDK_CONTROL_MASK, select_tier_cb, "u", 2);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, select_tier_cb, "u", 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_2, GDK_CONTROL_MASK, select_tier_cb, "u", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_3, GDK_CONTROL_MASK, select_tier_cb, "u", 2);
}

static void
steward_quick_chat_window_init (StewardQuickChatWindow *self)
{
  GtkEventController *controller;

  g_type_ensure (STEWARD_TYPE_COMPOSER_ATTACHMENTS);
  gtk_widget_init_template (GTK_WIDGET (self));

  steward_drop_down_name_button (self->tier_dropdown, _("Model Size"));

  self->markdown_view = STEWARD_MARKDOWN_VIEW (steward_markdown_view_new ());
  steward_markdown_view_set_fill_width (self->markdown_view, TRUE);
  gtk_box_append (self->answer_box, GTK_WIDGET (self->markdown_view));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (entry_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->entry), controller);

  /* Files and images dropped on the window or pasted into the entry go
   * with the question */
  steward_composer_attachments_take_drops (self->attachments, GTK_WIDGET (self));
  steward_composer_attachments_take_pastes (self->attachments, self->entry);
  g_signal_connect_object (self->attachments, "refused", G_CALLBACK (refused_cb), self, G_CONNECT_SWAPPED);
}
