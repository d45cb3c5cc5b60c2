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
 */

struct _StewardConversationRow
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkLabel            *date_label;
  GtkMenuButton       *menu_button;
  GtkLabel            *title_label;

  /* Owned */
  StewardConversation *item;
};

G_DEFINE_FINAL_TYPE (StewardConversationRow, steward_conversation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
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

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_menu_button_popup (self->menu_button);
}

static void
update_date (StewardConversationRow *self)
{
  g_autofree char *date = NULL;

  if (self->item != NULL)
    date = steward_date_format_relative (steward_conversation_get_updated_at (self->item), NULL);
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
    g_signal_handlers_disconnect_by_func (self->item, update_date, self);
  g_set_object (&self->item, item);

  /* The list updates a conversation in place when it is written to. */
  if (item != NULL)
    g_signal_connect_object (item, "notify::updated-at", G_CALLBACK (update_date), self, G_CONNECT_SWAPPED);
  update_date (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
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

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "row.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "row.summary", NULL, summary_action);
  gtk_widget_class_install_action (widget_class, "row.export", NULL, export_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-conversation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, date_label);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, StewardConversationRow, title_label);
}

static void
steward_conversation_row_init (StewardConversationRow *self)
{
  GtkGesture *gesture;

  gtk_widget_init_template (GTK_WIDGET (self));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect_object (gesture, "pressed", G_CALLBACK (secondary_click_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));
}
