/* steward-chat-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-page.h"
#include "steward-date-format.h"
#include "steward-stack-accessible.h"

struct _StewardChatPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  AdwStatusPage *error_page;
  GtkListView   *list_view;
  GtkStack      *stack;

  /* Owned */
  StewardStore  *store;
  GListModel    *conversations;
};

G_DEFINE_FINAL_TYPE (StewardChatPage, steward_chat_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_chat_page_update_visible (StewardChatPage *self)
{
  g_assert (STEWARD_IS_CHAT_PAGE (self));

  if (self->conversations == NULL)
    return;

  if (g_list_model_get_n_items (self->conversations) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
steward_chat_page_items_changed_cb (StewardChatPage *self,
                                    guint            position,
                                    guint            removed,
                                    guint            added,
                                    GListModel      *model)
{
  g_assert (STEWARD_IS_CHAT_PAGE (self));

  steward_chat_page_update_visible (self);
}

static void
steward_chat_page_reload (StewardChatPage *self)
{
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_CHAT_PAGE (self));

  if (self->conversations != NULL)
    g_signal_handlers_disconnect_by_func (self->conversations,
                                          G_CALLBACK (steward_chat_page_items_changed_cb),
                                          self);
  g_clear_object (&self->conversations);
  gtk_list_view_set_model (self->list_view, NULL);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (!(conversations = steward_store_list_conversations (self->store, &error)))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->conversations = g_steal_pointer (&conversations);
  g_signal_connect_object (self->conversations,
                           "items-changed",
                           G_CALLBACK (steward_chat_page_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->conversations))));

  steward_chat_page_update_visible (self);
}

static char *
format_date_cb (GtkListItem *list_item,
                GDateTime   *date_time)
{
  return steward_date_format_relative (date_time, NULL);
}

static char *
format_message_count_cb (GtkListItem *list_item,
                         guint        message_count)
{
  if (message_count == 0)
    return g_strdup (_("No messages"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u message", "%u messages", message_count),
                          message_count);
}

static void
steward_chat_page_dispose (GObject *object)
{
  StewardChatPage *self = (StewardChatPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_CHAT_PAGE);

  g_clear_object (&self->conversations);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_chat_page_parent_class)->dispose (object);
}

static void
steward_chat_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardChatPage *self = STEWARD_CHAT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_chat_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardChatPage *self = STEWARD_CHAT_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      steward_chat_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_chat_page_class_init (StewardChatPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_chat_page_dispose;
  object_class->get_property = steward_chat_page_get_property;
  object_class->set_property = steward_chat_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_CONVERSATION);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-chat-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StewardChatPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, format_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_message_count_cb);
}

static void
steward_chat_page_init (StewardChatPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steward_stack_accessible_track (self->stack);
}

/**
 * steward_chat_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the page lists
 */
StewardStore *
steward_chat_page_get_store (StewardChatPage *self)
{
  g_return_val_if_fail (STEWARD_IS_CHAT_PAGE (self), NULL);

  return self->store;
}

void
steward_chat_page_set_store (StewardChatPage *self,
                             StewardStore    *store)
{
  g_return_if_fail (STEWARD_IS_CHAT_PAGE (self));
  g_return_if_fail (!store || STEWARD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  steward_chat_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
