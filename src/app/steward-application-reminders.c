/* steward-application-reminders.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-application"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application-private.h"
#include "steward-task-format.h"
#include "steward-task-reminders.h"

/* A notification when a task falls due while Steward runs (see
 * steward-task-reminders.c for when, and that it comes once), with "Mark
 * Done" and "Open", which shows the board. */

static char *
notification_id (gint64 task_id)
{
  return g_strdup_printf ("task-%" G_GINT64_FORMAT, task_id);
}

static void
task_due_cb (StewardApplication   *self,
             StewardTask          *task,
             StewardTaskReminders *reminders)
{
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *id = notification_id (steward_task_get_id (task));
  g_autofree char *due = NULL;
  g_autofree char *body = NULL;
  GVariant *target = g_variant_new_int64 (steward_task_get_id (task));

  notification = g_notification_new (steward_task_get_title (task));

  due = steward_task_format_due (steward_task_get_due (task), steward_task_get_due_has_time (task), NULL);
  /* Translators: %s is when a task is due, "Today 17:00" */
  body = g_strdup_printf (_("Due %s"), due);
  g_notification_set_body (notification, body);

  g_notification_set_default_action_and_target_value (notification, "app.show-task", target);
  g_notification_add_button_with_target_value (notification, _("Mark Done"), "app.task-done", target);
  g_notification_add_button_with_target_value (notification, _("Open"), "app.show-task", target);

  g_application_send_notification (G_APPLICATION (self), id, notification);
}

static void
task_done_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  StewardApplication *self = user_data;
  StewardStore *store = steward_services_get_store (self->services);
  g_autofree char *id = notification_id (g_variant_get_int64 (param));
  g_autoptr(GError) error = NULL;

  g_application_withdraw_notification (G_APPLICATION (self), id);

  if (store == NULL)
    return;

  if (!steward_store_complete_task (store, g_variant_get_int64 (param), NULL, &error))
    g_warning ("Could not mark task %s done: %s", id, error->message);
}

static void
show_task_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  StewardApplication *self = user_data;
  GtkWindow *window = steward_application_present_main_window (self);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-task", "x", g_variant_get_int64 (param));
}

static const GActionEntry actions[] = {
  { "task-done", task_done_action, "x" },
  { "show-task", show_task_action, "x" },
};

void
_steward_application_reminders_init (StewardApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);

  self->reminders = steward_task_reminders_new (self->services);
  g_signal_connect_object (self->reminders, "task-due", G_CALLBACK (task_due_cb), self, G_CONNECT_SWAPPED);
}
