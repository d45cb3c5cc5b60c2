/* steward-application-notify.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-application"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application-notify.h"

/* A long job (an export, stale phases drafted again, a transcription)
 * that ends while no Steward window has the focus says so in a desktop
 * notification, as GNOME apps do when the user has moved on; with the
 * window in front the page's own toast or error says it. One id per job
 * kind and target, so a second replaces the first. Clicking it opens
 * where the result is:
 *
 *   app.open-result(('project:3', 0))  an export's or redraft's project
 *   app.show-job-window('transcription')  the window the job ran in, as
 *        it was left (the composer with the transcript, focused); that
 *        notification goes away once the window is focused again
 *   app.open-uri('file:///…')  "Open" and "Show in Files" of an export
 */

/* The window each "show-job-window" notification brings back: id → weak
 * ref, on the application */
#define JOB_WINDOWS_KEY "steward-job-windows"

typedef struct
{
  GApplication *application;
  char         *id;
} Withdraw;

static void
withdraw_free (gpointer data,
               GClosure *closure)
{
  Withdraw *withdraw = data;

  g_free (withdraw->id);
  g_free (withdraw);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

static GHashTable *
job_windows (StewardApplication *self)
{
  GHashTable *windows = g_object_get_data (G_OBJECT (self), JOB_WINDOWS_KEY);

  if (windows == NULL)
    {
      windows = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, weak_ref_free);
      g_object_set_data_full (G_OBJECT (self), JOB_WINDOWS_KEY, windows, (GDestroyNotify)g_hash_table_unref);
    }

  return windows;
}

/**
 * steward_application_has_focus:
 *
 * Returns: whether one of Steward's windows is the focused one, where
 *   the user sees what a job did without a notification
 */
gboolean
steward_application_has_focus (StewardApplication *self)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), FALSE);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) && gtk_window_is_active (l->data))
      return TRUE;

  return FALSE;
}

static void
window_active_cb (GtkWindow  *window,
                  GParamSpec *pspec,
                  Withdraw   *withdraw)
{
  g_autofree char *key = NULL;

  if (!gtk_window_is_active (window))
    return;

  key = g_strconcat ("steward-notify-", withdraw->id, NULL);
  g_object_set_data (G_OBJECT (window), key, NULL);
  g_application_withdraw_notification (withdraw->application, withdraw->id);
  g_signal_handlers_disconnect_by_data (window, withdraw);
}

/* The notification @id goes once @window is focused again: what it
 * said is in front of the user then. */
static void
withdraw_when_active (StewardApplication *self,
                      GtkWindow          *window,
                      const char         *id)
{
  Withdraw *withdraw = g_new0 (Withdraw, 1);
  g_autofree char *key = g_strconcat ("steward-notify-", id, NULL);
  gpointer old;

  withdraw->application = G_APPLICATION (self);
  withdraw->id = g_strdup (id);

  /* One watch per id and window */
  if ((old = g_object_get_data (G_OBJECT (window), key)) != NULL)
    g_signal_handlers_disconnect_by_data (window, old);
  g_signal_connect_data (window, "notify::is-active", G_CALLBACK (window_active_cb),
                         withdraw, withdraw_free, 0);
  g_object_set_data (G_OBJECT (window), key, withdraw);
}

static gboolean
send (StewardApplication *self,
      const char         *id,
      GNotification      *notification)
{
  if (steward_application_has_focus (self))
    {
      g_debug ("Not notifying %s: Steward has the focus", id);
      return FALSE;
    }

  g_debug ("Notifying %s", id);

  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_NORMAL);
  g_application_send_notification (G_APPLICATION (self), id, notification);

  return TRUE;
}

/**
 * steward_application_notify_job:
 * @source: (nullable): a widget in the window the job ran in
 * @id: the notification's id, the same for the same job kind and target
 * @title: what happened, "Transcription ready"
 * @body: (nullable): a sentence more
 * @action: (nullable): the app action that opens the result, or %NULL
 *   for bringing back @source's window (and withdrawing the
 *   notification when that window is focused)
 * @target: (nullable): @action's target; a floating reference is sunk
 *
 * Says that a job ended, when no Steward window has the focus.
 *
 * Returns: whether a notification was sent
 */
gboolean
steward_application_notify_job (StewardApplication *self,
                                GtkWidget          *source,
                                const char         *id,
                                const char         *title,
                                const char         *body,
                                const char         *action,
                                GVariant           *target)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GVariant) owned_target = target ? g_variant_ref_sink (target) : NULL;
  GtkWindow *window = NULL;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (!source || GTK_IS_WIDGET (source), FALSE);
  g_return_val_if_fail (id != NULL && title != NULL, FALSE);

  if (source != NULL && GTK_IS_WINDOW (gtk_widget_get_root (source)))
    window = GTK_WINDOW (gtk_widget_get_root (source));

  notification = g_notification_new (title);
  if (body != NULL)
    g_notification_set_body (notification, body);

  if (action != NULL)
    {
      g_notification_set_default_action_and_target_value (notification, action, owned_target);
    }
  else if (window != NULL)
    {
      GWeakRef *weak = g_new0 (GWeakRef, 1);

      g_weak_ref_init (weak, window);
      g_hash_table_replace (job_windows (self), g_strdup (id), weak);
      g_notification_set_default_action_and_target (notification, "app.show-job-window", "s", id);
    }

  if (!send (self, id, notification))
    return FALSE;

  if (action == NULL && window != NULL)
    withdraw_when_active (self, window, id);

  return TRUE;
}

/**
 * steward_application_notify_export:
 * @project_id: the project exported
 * @file: where it was written
 * @error: (nullable): why it was not
 *
 * Says that an export is done ("Open", "Show in Files"), or why it
 * failed, when no Steward window has the focus. Clicking it shows the
 * project.
 *
 * Returns: whether a notification was sent
 */
gboolean
steward_application_notify_export (StewardApplication *self,
                                   gint64              project_id,
                                   GFile              *file,
                                   const GError       *error)
{
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *result_id = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (STEWARD_IS_APPLICATION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  id = g_strdup_printf ("export-%" G_GINT64_FORMAT, project_id);
  result_id = g_strdup_printf ("project:%" G_GINT64_FORMAT, project_id);
  folder = g_file_get_parent (file);

  if (error == NULL)
    {
      g_autofree char *name = g_file_peek_path (file) ? g_filename_display_basename (g_file_peek_path (file))
                                                      : g_file_get_basename (file);
      g_autofree char *folder_name = NULL;
      g_autofree char *body = NULL;
      g_autofree char *uri = g_file_get_uri (file);

      /* No I/O here: the folder's name as the path has it */
      if (folder != NULL && g_file_peek_path (folder) != NULL)
        folder_name = g_filename_display_basename (g_file_peek_path (folder));

      /* Translators: a file name, then the name of its folder: "Launch
       * plan.pdf was saved in Documents" */
      body = folder_name ? g_strdup_printf (_("%s was saved in %s"), name, folder_name)
                         : g_strdup_printf (_("%s was saved"), name);

      notification = g_notification_new (_("Export finished"));
      g_notification_set_body (notification, body);
      g_notification_add_button_with_target (notification, _("Open"), "app.open-uri", "s", uri);
      if (folder != NULL)
        {
          g_autofree char *folder_uri = g_file_get_uri (folder);

          g_notification_add_button_with_target (notification, _("Show in Files"), "app.open-uri", "s", folder_uri);
        }
    }
  else
    {
      notification = g_notification_new (_("Export failed"));
      g_notification_set_body (notification, error->message);
    }

  g_notification_set_default_action_and_target (notification, "app.open-result", "(sx)", result_id, (gint64)0);

  return send (self, id, notification);
}

static void
open_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open what the notification showed: %s", error->message);
}

/* Only files: the action can be activated by anything on the bus */
static void
open_uri_action (GSimpleAction *action,
                 GVariant      *param,
                 gpointer       user_data)
{
  const char *uri = g_variant_get_string (param, NULL);
  g_autofree char *scheme = g_uri_parse_scheme (uri);

  if (g_strcmp0 (scheme, "file") != 0)
    {
      g_warning ("Will not open “%s”: not a file", uri);
      return;
    }

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, open_uri_cb, NULL);
}

static void
show_job_window_action (GSimpleAction *action,
                        GVariant      *param,
                        gpointer       user_data)
{
  StewardApplication *self = user_data;
  const char *id = g_variant_get_string (param, NULL);
  GWeakRef *weak = g_hash_table_lookup (job_windows (self), id);
  g_autoptr(GtkWindow) window = weak ? g_weak_ref_get (weak) : NULL;

  g_application_withdraw_notification (G_APPLICATION (self), id);

  if (window != NULL)
    gtk_window_present (window);
  else
    steward_application_present_main_window (self);
}

static const GActionEntry actions[] = {
  { "open-uri", open_uri_action, "s" },
  { "show-job-window", show_job_window_action, "s" },
};

void
_steward_application_notify_init (StewardApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), actions, G_N_ELEMENTS (actions), self);
}
