/* steward-tasks-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-tasks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-tasks-page.h"
#include "steward-date-format.h"
#include "steward-stack-accessible.h"

struct _StewardTasksPage
{
  GtkWidget      parent_instance;

  /* Template widgets */
  AdwStatusPage *error_page;
  GtkListView   *list_view;
  GtkStack      *stack;

  /* Owned */
  StewardStore  *store;
  GListModel    *tasks;
};

G_DEFINE_FINAL_TYPE (StewardTasksPage, steward_tasks_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_tasks_page_update_visible (StewardTasksPage *self)
{
  g_assert (STEWARD_IS_TASKS_PAGE (self));

  if (self->tasks == NULL)
    return;

  if (g_list_model_get_n_items (self->tasks) > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else
    gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
steward_tasks_page_items_changed_cb (StewardTasksPage *self,
                                    guint            position,
                                    guint            removed,
                                    guint            added,
                                    GListModel      *model)
{
  g_assert (STEWARD_IS_TASKS_PAGE (self));

  steward_tasks_page_update_visible (self);
}

static void
steward_tasks_page_reload (StewardTasksPage *self)
{
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_TASKS_PAGE (self));

  if (self->tasks != NULL)
    g_signal_handlers_disconnect_by_func (self->tasks,
                                          G_CALLBACK (steward_tasks_page_items_changed_cb),
                                          self);
  g_clear_object (&self->tasks);
  gtk_list_view_set_model (self->list_view, NULL);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "loading");
      return;
    }

  if (!(tasks = steward_store_list_tasks (self->store, &error)))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  self->tasks = g_steal_pointer (&tasks);
  g_signal_connect_object (self->tasks,
                           "items-changed",
                           G_CALLBACK (steward_tasks_page_items_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (self->tasks))));

  steward_tasks_page_update_visible (self);
}

static char *
format_status_cb (GtkListItem *list_item,
                  const char  *status)
{
  if (g_strcmp0 (status, "todo") == 0)
    return g_strdup (C_("task status", "To Do"));
  if (g_strcmp0 (status, "doing") == 0)
    return g_strdup (C_("task status", "In Progress"));
  if (g_strcmp0 (status, "done") == 0)
    return g_strdup (C_("task status", "Done"));

  return g_strdup (status);
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

  g_clear_object (&self->tasks);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (steward_tasks_page_parent_class)->dispose (object);
}

static void
steward_tasks_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (object);

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
steward_tasks_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      steward_tasks_page_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_tasks_page_class_init (StewardTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_tasks_page_dispose;
  object_class->get_property = steward_tasks_page_get_property;
  object_class->set_property = steward_tasks_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         STEWARD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_TASK);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, stack);
  gtk_widget_class_bind_template_callback (widget_class, format_due_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_due_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_status_cb);
}

static void
steward_tasks_page_init (StewardTasksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  steward_stack_accessible_track (self->stack);
}

/**
 * steward_tasks_page_get_store:
 *
 * Returns: (transfer none) (nullable): the store the page lists
 */
StewardStore *
steward_tasks_page_get_store (StewardTasksPage *self)
{
  g_return_val_if_fail (STEWARD_IS_TASKS_PAGE (self), NULL);

  return self->store;
}

void
steward_tasks_page_set_store (StewardTasksPage *self,
                             StewardStore    *store)
{
  g_return_if_fail (STEWARD_IS_TASKS_PAGE (self));
  g_return_if_fail (!store || STEWARD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  steward_tasks_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}
