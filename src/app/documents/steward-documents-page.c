/* steward-documents-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-documents-page.h"
#include "steward-date-format.h"
#include "steward-stack-accessible.h"

struct _StewardDocumentsPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  AdwStatusPage *error_page;
  GtkListView   *list_view;
  GtkStack      *stack;

  /* Owned */
  StewardStore  *store;
  GListModel    *projects;
};

G_DEFINE_FINAL_TYPE (StewardDocumentsPage, steward_documents_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_documents_page_update_visible (StewardDocumentsPage *self)
{
  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));

  if (self->projects == NULL)
    return;

  if (g_list_model_get_n_items (self->projects) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
steward_documents_page_items_changed_cb (StewardDocumentsPage *self,
                                    guint            position,
                                    guint            removed,
                                    guint            added,
                                    GListModel      *model)
{
  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));

  steward_documents_page_update_visible (self);
}

static void
steward_documents_page_reload (StewardDocumentsPage *self)
{
  g_autoptr(GListModel) projects = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));

  if (self->projects != NULL)
    g_signal_handlers_disconnect_by_func (self->projects,
                                          G_CALLBACK (steward_documents_page_items_changed_cb),
                                          self);
  g_clear_object (&self->projects);
  gtk_list_view_set_model (self->list_view, NULL);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (!(projects = steward_store_list_projects (self->store, &error)))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->projects = g_steal_pointer (&projects);
  g_signal_connect_object (self->projects,
                           "items-changed",
                           G_CALLBACK (steward_documents_page_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->projects))));

  steward_documents_page_update_visible (self);
}

static char *
format_date_cb (GtkListItem *list_item,
                GDateTime   *date_time)
{
  return steward_date_format_relative (date_time, NULL);
}

static void
steward_documents_page_dispose (GObject *object)
{
  StewardDocumentsPage *self = (StewardDocumentsPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DOCUMENTS_PAGE);

  g_clear_object (&self->projects);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_documents_page_parent_class)->dispose (object);
}

static void
steward_documents_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (object);

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
steward_documents_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      steward_documents_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_documents_page_class_init (StewardDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_documents_page_dispose;
  object_class->get_property = steward_documents_page_get_property;
  object_class->set_property = steward_documents_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, format_date_cb);
}

static void
steward_documents_page_init (StewardDocumentsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steward_stack_accessible_track (self->stack);
}

/**
 * steward_documents_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the page lists
 */
StewardStore *
steward_documents_page_get_store (StewardDocumentsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self), NULL);

  return self->store;
}

void
steward_documents_page_set_store (StewardDocumentsPage *self,
                             StewardStore    *store)
{
  g_return_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (!store || STEWARD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  steward_documents_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
