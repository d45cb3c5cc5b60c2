/* steward-tasks-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-tasks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-date-format.h"
#include "steward-list-page.h"
#include "steward-tasks-page.h"

/* The Tasks page: every task, the most recently created first, from
 * the services' list of tasks, which follows the store as it changes. */
struct _StewardTasksPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  StewardListPage *list_page;
};

G_DEFINE_FINAL_TYPE (StewardTasksPage, steward_tasks_page, GTK_TYPE_WIDGET)

static void
services_ready_cb (StewardTasksPage *self,
                   GParamSpec       *pspec,
                   StewardServices  *services)
{
  g_autoptr(GError) error = NULL;
  StewardRowList *tasks;

  g_assert (STEWARD_IS_TASKS_PAGE (self));
  g_assert (STEWARD_IS_SERVICES (services));

  if (!steward_services_get_ready (services))
    return;

  if (steward_services_get_open_error (services) != NULL)
    steward_list_page_set_error (self->list_page, steward_services_get_open_error (services));
  else if (!(tasks = steward_services_get_tasks (services, &error)))
    steward_list_page_set_error (self->list_page, error);
  else
    steward_list_page_set_model (self->list_page, G_LIST_MODEL (tasks));
}

static char *
format_status_cb (GtkListItem       *list_item,
                  StewardTaskStatus  status)
{
  switch (status)
    {
    case STEWARD_TASK_STATUS_TODO:
      return g_strdup (C_("task status", "To Do"));

    case STEWARD_TASK_STATUS_DOING:
      return g_strdup (C_("task status", "In Progress"));

    case STEWARD_TASK_STATUS_DONE:
      return g_strdup (C_("task status", "Done"));

    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

static gboolean
has_due_cb (GtkListItem *list_item,
            GDateTime   *due)
{
  return due != NULL;
}

static char *
format_due_cb (GtkListItem *list_item,
               GDateTime   *due)
{
  g_autofree char *date = NULL;

  if (due == NULL)
    return g_strdup ("");

  date = steward_date_format_relative (due, NULL);

  /* Translators: %s is a date or a time, e.g. "Due Yesterday", "Due 4 March" */
  return g_strdup_printf (_("Due %s"), date);
}

static void
steward_tasks_page_dispose (GObject *object)
{
  StewardTasksPage *self = (StewardTasksPage *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TASKS_PAGE);

  G_OBJECT_CLASS (steward_tasks_page_parent_class)->dispose (object);
}

static void
steward_tasks_page_class_init (StewardTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_tasks_page_dispose;

  g_type_ensure (STEWARD_TYPE_LIST_PAGE);
  g_type_ensure (STEWARD_TYPE_TASK);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, list_page);
  gtk_widget_class_bind_template_callback (widget_class, format_due_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_status_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_due_cb);
}

static void
steward_tasks_page_init (StewardTasksPage *self)
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
