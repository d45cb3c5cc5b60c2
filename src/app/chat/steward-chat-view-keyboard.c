/* steward-chat-view-keyboard.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include "steward-chat-view-private.h"
#include "steward-focus.h"
#include "steward-message-row.h"

/* The keyboard in the conversation view.
 *
 * The message list is one stop in the Tab chain, as a GtkListView is
 * meant to be: Tab enters it on a message (the last one in view), Up and
 * Down move between messages (the list's own keys), Tab goes on to that
 * message's buttons and then out of the list, Shift+Tab out of it, and
 * Escape back to the composer. GTK 4.8's list would otherwise walk every
 * message on Tab and give the focus to the first button of each.
 *
 * In the chain the list comes before the rest of the view (its toasts,
 * then the composer and its buttons), as it is laid out.
 */

static gboolean
showing_messages (StewardChatView *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "messages") == 0 &&
         g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0;
}

/* The message row the focus is on or in, or %NULL. */
static GtkWidget *
focused_row (StewardChatView *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->message_list)))
    return NULL;

  if (STEWARD_IS_MESSAGE_ROW (focus))
    return focus;

  return gtk_widget_get_ancestor (focus, STEWARD_TYPE_MESSAGE_ROW);
}

/* The last message row whose top is in view or, when no top is (a long
 * reply fills the view), the row in view: where a reader's eyes are. */
static GtkWidget *
row_in_view (StewardChatView *self)
{
  GtkWidget *viewport = GTK_WIDGET (self->scroller);
  GtkWidget *best = NULL;
  GtkWidget *covering = NULL;
  float best_y = -G_MAXFLOAT;
  int height = gtk_widget_get_height (viewport);

  /* The list's children are its item widgets, each holding one row, in
   * no particular order. */
  for (GtkWidget *item = gtk_widget_get_first_child (GTK_WIDGET (self->message_list));
       item != NULL;
       item = gtk_widget_get_next_sibling (item))
    {
      GtkWidget *row = gtk_widget_get_first_child (item);
      graphene_rect_t bounds;

      if (!STEWARD_IS_MESSAGE_ROW (row) || !gtk_widget_get_mapped (row) ||
          !gtk_widget_compute_bounds (row, viewport, &bounds))
        continue;

      /* Out of view, above or below. */
      if (bounds.origin.y + bounds.size.height <= 0 || bounds.origin.y >= height)
        continue;

      if (bounds.origin.y < 0)
        covering = row;
      else if (bounds.origin.y > best_y)
        {
          best = row;
          best_y = bounds.origin.y;
        }
    }

  return best ? best : covering;
}

/**
 * _steward_chat_view_focus_messages:
 *
 * Puts the focus on the message in view.
 *
 * Returns: whether there was one
 */
gboolean
_steward_chat_view_focus_messages (StewardChatView *self)
{
  GtkWidget *row;

  if (!showing_messages (self) || !(row = row_in_view (self)))
    return FALSE;

  return gtk_widget_grab_focus (row);
}

static gboolean
pane_enter_cb (GtkWidget *pane,
               gpointer   user_data)
{
  return _steward_chat_view_focus_messages (STEWARD_CHAT_VIEW (user_data));
}

/* The view's own focus moves, with the message list passed over (with
 * its scrolled window, which would take the focus itself), and the
 * empty view's text, whose scrolled window would too. */
static gboolean
focus_around_messages (StewardChatView  *self,
                       GtkDirectionType  direction)
{
  GtkWidget *empty = gtk_stack_get_child_by_name (self->view_stack, "empty");
  gboolean moved;

  gtk_widget_set_can_focus (GTK_WIDGET (self->scroller), FALSE);
  gtk_widget_set_can_focus (empty, FALSE);
  moved = GTK_WIDGET_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->focus (GTK_WIDGET (self), direction);
  gtk_widget_set_can_focus (empty, TRUE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->scroller), TRUE);

  return moved;
}

/* GtkWidgetClass.focus */
gboolean
_steward_chat_view_focus (GtkWidget        *widget,
                          GtkDirectionType  direction)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  GtkWidget *row;
  gboolean inside;

  if (direction != GTK_DIR_TAB_FORWARD && direction != GTK_DIR_TAB_BACKWARD)
    return GTK_WIDGET_CLASS (g_type_class_peek (GTK_TYPE_WIDGET))->focus (widget, direction);

  /* In the list: within the message first (its buttons), then out. */
  if ((row = focused_row (self)) != NULL)
    {
      if (gtk_widget_child_focus (row, direction))
        return TRUE;

      /* The list comes first in the view: backwards is out of it. */
      if (direction == GTK_DIR_TAB_BACKWARD)
        return FALSE;

      return focus_around_messages (self, direction);
    }

  inside = steward_focus_is_within (widget);

  if (!inside && direction == GTK_DIR_TAB_FORWARD && _steward_chat_view_focus_messages (self))
    return TRUE;

  if (focus_around_messages (self, direction))
    return TRUE;

  /* Back from the first of the rest of the view: the list. */
  if (direction == GTK_DIR_TAB_BACKWARD && _steward_chat_view_focus_messages (self))
    return TRUE;

  return FALSE;
}

static gboolean
messages_key_pressed_cb (StewardChatView       *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Escape || (state & gtk_accelerator_get_default_mod_mask ()) != 0)
    return GDK_EVENT_PROPAGATE;

  steward_chat_view_focus_composer (self);
  return GDK_EVENT_STOP;
}

void
_steward_chat_view_init_keyboard (StewardChatView *self)
{
  GtkEventController *controller;

  /* F6 stops at the messages, then at the composer. */
  gtk_widget_add_css_class (GTK_WIDGET (self->message_list), STEWARD_FOCUS_PANE_CLASS);
  steward_focus_set_pane_enter (GTK_WIDGET (self->message_list), pane_enter_cb, self);
  gtk_widget_add_css_class (GTK_WIDGET (self->composer_box), STEWARD_FOCUS_PANE_CLASS);

  /* Escape in the list goes back to writing. */
  controller = gtk_event_controller_key_new ();
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (messages_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->message_list), controller);
}
