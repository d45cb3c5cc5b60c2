/* steward-conversation-row.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-conversation-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-conversation-row.h"
#include "steward-date-format.h"

/* A conversation in the Chat page's list. Its menu (and right click) asks
 * the page, through the "chat.rename-conversation",
 * "chat.delete-conversation", "chat.show-summary" and
 * "chat.export-conversation" actions, to act on this conversation.
 *
 * The page gives the row a heading when it is the first of its date group
 * (steward_date_format_group()), and a check in selection mode: there a
 * click toggles the check instead of opening the conversation.
 */

struct _StewardConversationRow
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkBox              *body;
  GtkCheckButton      *check_button;
  GtkLabel            *date_label;
  GtkLabel            *header_label;
  GtkMenuButton       *menu_button;
  GtkLabel            *title_label;

  /* Owned */
  StewardConversation *item;

  guint                selection_mode : 1;
  guint                menu_from_keyboard : 1;
};

G_DEFINE_FINAL_TYPE (StewardConversationRow, steward_conversation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_CHECKED,
  PROP_SELECTION_MODE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
forward_action (StewardConversationRow *self,
                const char             *action_name)
{
  if (self->item == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), action_name, "x",
                              steward_conversation_get_id (self->item));
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  forward_action (STEWARD_CONVERSATION_ROW (widget), "chat.rename-conversation");
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  forward_action (STEWARD_CONVERSATION_ROW (widget), "chat.delete-conversation");
}

static void
summary_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  forward_action (STEWARD_CONVERSATION_ROW (widget), "chat.show-summary");
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  forward_action (STEWARD_CONVERSATION_ROW (widget), "chat.export-conversation");
}

static void
secondary_click_cb (StewardConversationRow *self,
                    int                     n_press,
                    double                  x,
                    double                  y,
                    GtkGestureClick        *gesture)
{
  g_assert (STEWARD_IS_CONVERSATION_ROW (self));

  if (self->selection_mode)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static gboolean
in_header (StewardConversationRow *self,
           double                  x,
           double                  y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self), x, y, GTK_PICK_DEFAULT);

  return picked != NULL &&
         (picked == GTK_WIDGET (self->header_label) ||
          gtk_widget_is_ancestor (picked, GTK_WIDGET (self->header_label)));
}

/* Before the list item sees the click (this is the capture phase): a
 * heading is no part of the conversation below it, and in selection mode
 * a click toggles the check rather than opening the conversation. */
static void
primary_pressed_cb (StewardConversationRow *self,
                    int                     n_press,
                    double                  x,
                    double                  y,
                    GtkGestureClick        *gesture)
{
  g_assert (STEWARD_IS_CONVERSATION_ROW (self));

  if (in_header (self, x, y) || self->selection_mode)
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  else
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_DENIED);
}

static void
primary_released_cb (StewardConversationRow *self,
                     int                     n_press,
                     double                  x,
                     double                  y,
                     GtkGestureClick        *gesture)
{
  GtkWidget *list_item;

  g_assert (STEWARD_IS_CONVERSATION_ROW (self));

  if (!self->selection_mode || in_header (self, x, y))
    return;

  steward_conversation_row_set_checked (self, !steward_conversation_row_get_checked (self));

  /* As a click on a row would: the list's focus follows. */
  if ((list_item = gtk_widget_get_parent (GTK_WIDGET (self))) != NULL)
    gtk_widget_grab_focus (list_item);
}

static void
check_active_cb (StewardConversationRow *self,
                 GParamSpec             *pspec,
                 GtkCheckButton         *check_button)
{
  g_assert (STEWARD_IS_CONVERSATION_ROW (self));

  if (gtk_check_button_get_active (check_button))
    gtk_widget_add_css_class (GTK_WIDGET (self->body), "steward-checked");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->body), "steward-checked");

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
}

static void
update_title (StewardConversationRow *self)
{
  g_autofree char *label = NULL;

  if (self->item != NULL)
    /* Translators: the check of a conversation in selection mode, for
     * screen readers; %s is the conversation's title */
    label = g_strdup_printf (_("Select “%s”"), steward_conversation_get_title (self->item));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  -1);
}

static void
update_date (StewardConversationRow *self);

/**
 * steward_conversation_row_update_date:
 *
 * Formats the row's date again, as the day changes.
 */
void
steward_conversation_row_update_date (StewardConversationRow *self)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION_ROW (self));

  update_date (self);
}

static void
update_date (StewardConversationRow *self)
{
  g_autofree char *date = NULL;

  /* The heading above says the day, or the month. */
  if (self->item != NULL)
    date = steward_date_format_in_group (steward_conversation_get_updated_at (self->item), NULL);

  /* Begun in quick chat, and not continued in the main window yet */
  if (self->item != NULL && steward_conversation_get_quick (self->item))
    {
      g_autofree char *plain = g_steal_pointer (&date);

      /* Translators: under a conversation's title in the list, for one
       * asked in the quick chat window; %s is its time, e.g. “14:05” */
      date = g_strdup_printf (_("Quick chat · %s"), plain ? plain : "");
    }

  gtk_label_set_text (self->date_label, date ? date : "");
}

StewardConversation *
steward_conversation_row_get_item (StewardConversationRow *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION_ROW (self), NULL);

  return self->item;
}

void
steward_conversation_row_set_item (StewardConversationRow *self,
                                   StewardConversation    *item)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION_ROW (self));

  if (self->item == item)
    return;

  if (self->item != NULL)
    {
      g_signal_handlers_disconnect_by_func (self->item, update_date, self);
      g_signal_handlers_disconnect_by_func (self->item, update_title, self);
    }
  g_set_object (&self->item, item);

  /* The list updates a conversation in place when it is written to. */
  if (item != NULL)
    {
      g_signal_connect_object (item, "notify::updated-at", G_CALLBACK (update_date), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::quick", G_CALLBACK (update_date), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (item, "notify::title", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
    }
  update_date (self);
  update_title (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * steward_conversation_row_set_header:
 * @header: (nullable): the heading of the date group this row begins,
 *   or %NULL when the row is not the first of its group
 */
void
steward_conversation_row_set_header (StewardConversationRow *self,
                                     const char             *header)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION_ROW (self));

  if (header != NULL && header[0] != '\0')
    {
      if (g_strcmp0 (gtk_label_get_label (self->header_label), header) != 0)
        gtk_label_set_label (self->header_label, header);
      gtk_widget_set_visible (GTK_WIDGET (self->header_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->header_label), FALSE);
    }
}

gboolean
steward_conversation_row_get_selection_mode (StewardConversationRow *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION_ROW (self), FALSE);

  return self->selection_mode;
}

/**
 * steward_conversation_row_set_selection_mode:
 *
 * Shows the row's check instead of its menu button; a click then toggles
 * the check.
 */
void
steward_conversation_row_set_selection_mode (StewardConversationRow *self,
                                             gboolean                selection_mode)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION_ROW (self));

  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;

  self->selection_mode = selection_mode;
  gtk_widget_set_visible (GTK_WIDGET (self->check_button), selection_mode);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), !selection_mode);
  if (selection_mode)
    gtk_menu_button_popdown (self->menu_button);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION_MODE]);
}

gboolean
steward_conversation_row_get_checked (StewardConversationRow *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION_ROW (self), FALSE);

  return gtk_check_button_get_active (self->check_button);
}

/* The check notifies "checked" (check_active_cb) when it changes. */
void
steward_conversation_row_set_checked (StewardConversationRow *self,
                                      gboolean                checked)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION_ROW (self));

  gtk_check_button_set_active (self->check_button, checked);
}

/**
 * steward_conversation_row_popup_menu:
 *
 * Opens the row's menu, as the Menu key does on the focused row.
 */
void
steward_conversation_row_popup_menu (StewardConversationRow *self)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION_ROW (self));

  if (self->item == NULL || self->selection_mode)
    return;

  self->menu_from_keyboard = TRUE;
  gtk_menu_button_popup (self->menu_button);
}

/* The menu button takes no focus, so GTK has nowhere to put it back when
 * the menu closes: the row opened from the keyboard gets it again. */
static void
popover_closed_cb (StewardConversationRow *self,
                   GtkPopover             *popover)
{
  GtkWidget *list_item = gtk_widget_get_parent (GTK_WIDGET (self));

  if (!self->menu_from_keyboard)
    return;

  self->menu_from_keyboard = FALSE;
  if (list_item != NULL)
    gtk_widget_grab_focus (list_item);
}

static void
steward_conversation_row_dispose (GObject *object)
{
  StewardConversationRow *self = (StewardConversationRow *)object;

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CONVERSATION_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (steward_conversation_row_parent_class)->dispose (object);
}

static void
steward_conversation_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  StewardConversationRow *self = STEWARD_CONVERSATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_CHECKED:
      g_value_set_boolean (value, steward_conversation_row_get_checked (self));
      break;

    case PROP_SELECTION_MODE:
      g_value_set_boolean (value, self->selection_mode);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_conversation_row_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  StewardConversationRow *self = STEWARD_CONVERSATION_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      steward_conversation_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_CHECKED:
      steward_conversation_row_set_checked (self, g_value_get_boolean (value));
      break;

    case PROP_SELECTION_MODE:
      steward_conversation_row_set_selection_mode (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_conversation_row_class_init (StewardConversationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_conversation_row_dispose;
  object_class->get_property = steward_conversation_row_get_property;
  object_class->set_property = steward_conversation_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STEWARD_TYPE_CONVERSATION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SELECTION_MODE] =
    g_param_spec_boolean ("selection-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "row.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "row.summary", NULL, summary_action);
  gtk_widget_class_install_action (widget_class, "row.export", NULL, export_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-conversation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, body);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, check_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, header_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, title_label);
  gtk_widget_class_bind_template_callback (widget_class, check_active_cb);
}

static void
steward_conversation_row_init (StewardConversationRow *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (gtk_menu_button_get_popover (self->menu_button), "closed",
                           G_CALLBACK (popover_closed_cb), self, G_CONNECT_SWAPPED);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_click_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (primary_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gesture, "released", G_CALLBACK (primary_released_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
