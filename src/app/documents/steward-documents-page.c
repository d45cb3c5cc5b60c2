/* steward-documents-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-date-format.h"
#include "steward-documents-page.h"
#include "steward-list-page.h"

/* The Documents page: the document projects, the most recently updated
 * first, from the services' list of projects, which follows the store
 * as it changes. */
struct _StewardDocumentsPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  StewardListPage *list_page;
};

G_DEFINE_FINAL_TYPE (StewardDocumentsPage, steward_documents_page, GTK_TYPE_WIDGET)

static void
services_ready_cb (StewardDocumentsPage *self,
                   GParamSpec           *pspec,
                   StewardServices      *services)
{
  g_autoptr(GError) error = NULL;
  StewardRowList *projects;

  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));
  g_assert (STEWARD_IS_SERVICES (services));

  if (!steward_services_get_ready (services))
    return;

  if (steward_services_get_open_error (services) != NULL)
    steward_list_page_set_error (self->list_page, steward_services_get_open_error (services));
  else if (!(projects = steward_services_get_projects (services, &error)))
    steward_list_page_set_error (self->list_page, error);
  else
    steward_list_page_set_model (self->list_page, G_LIST_MODEL (projects));
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

  G_OBJECT_CLASS (steward_documents_page_parent_class)->dispose (object);
}

static void
steward_documents_page_class_init (StewardDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_documents_page_dispose;

  g_type_ensure (STEWARD_TYPE_LIST_PAGE);
  g_type_ensure (STEWARD_TYPE_PROJECT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, list_page);
  gtk_widget_class_bind_template_callback (widget_class, format_date_cb);
}

static void
steward_documents_page_init (StewardDocumentsPage *self)
{
  StewardServices *services = STEWARD_SERVICES_DEFAULT;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The store opens after the window shows: until then, nothing. */
  g_signal_connect_object (services,
                           "notify::ready",
                           G_CALLBACK (services_ready_cb),
                           self,
                           G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, services);
}
