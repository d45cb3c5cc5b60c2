/* steward-documents-page-projects.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-documents-page-private.h"
#include "steward-new-project-dialog.h"

/* The projects themselves: New Project (a dialog), and on the open
 * project Rename, Duplicate and Delete. Deleting takes the project off
 * the list at once with a toast offering Undo; the store forgets it when
 * the toast goes, or when the window closes, as the board does with
 * tasks. */

gboolean
_steward_documents_page_is_pending_delete (StewardDocumentsPage *self,
                                           gint64                project_id)
{
  for (guint i = 0; self->pending_deletes && i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == project_id)
      return TRUE;

  return FALSE;
}

static void
forget_pending_delete (StewardDocumentsPage *self,
                       gint64                project_id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == project_id)
      {
        g_array_remove_index_fast (self->pending_deletes, i);
        return;
      }
}

/* Not from inside the click: GTK 4.8 fails (and may crash) when the
 * widgets a screen reader is pressing a menu item or a button of go, or
 * the page changes, while it presses (see steward-task-editor.c). */
typedef struct
{
  StewardDocumentsPage *self;
  void                (*func) (StewardDocumentsPage *self,
                               gint64                id);
  gint64                id;
} Later;

static void
later_free (gpointer data)
{
  Later *later = data;

  g_object_unref (later->self);
  g_free (later);
}

static gboolean
later_cb (gpointer data)
{
  Later *later = data;

  if (gtk_widget_get_root (GTK_WIDGET (later->self)) != NULL)
    later->func (later->self, later->id);

  return G_SOURCE_REMOVE;
}

static void
run_later (StewardDocumentsPage *self,
           void                (*func) (StewardDocumentsPage *self,
                                        gint64                id),
           gint64                id)
{
  Later *later = g_new0 (Later, 1);

  later->self = g_object_ref (self);
  later->func = func;
  later->id = id;
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, later_cb, later, later_free);
}

/* -- new ---------------------------------------------------------------------- */

static void
open_new_project (StewardDocumentsPage *self,
                  gint64                id)
{
  _steward_documents_page_open_project (self, id, TRUE);
}

static void
new_project_response_cb (StewardNewProjectDialog *dialog,
                         const char              *response,
                         StewardDocumentsPage    *self)
{
  StewardStore *store = _steward_documents_page_get_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *brief = NULL;
  gint64 id;

  if (g_strcmp0 (response, "create") != 0 || store == NULL)
    return;

  name = steward_new_project_dialog_dup_name (dialog);
  brief = steward_new_project_dialog_dup_brief (dialog);

  if (!(id = steward_projects_create (store, name, steward_new_project_dialog_get_template_name (dialog),
                                      brief, &error)))
    {
      _steward_documents_page_show_error (self, error);
      return;
    }

  run_later (self, open_new_project, id);
}

static void
new_project_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  StewardStore *store = _steward_documents_page_get_store ();
  g_autoptr(GListModel) templates = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  if (store == NULL)
    return;

  if (!(templates = steward_templates_list (store, &error)))
    {
      _steward_documents_page_show_error (self, error);
      return;
    }

  dialog = steward_new_project_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), templates);
  g_signal_connect_object (dialog, "response", G_CALLBACK (new_project_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- rename ------------------------------------------------------------------- */

static void
rename_response_cb (AdwMessageDialog     *dialog,
                    const char           *response,
                    StewardDocumentsPage *self)
{
  StewardStore *store = _steward_documents_page_get_store ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkEditable *entry;

  if (g_strcmp0 (response, "rename") != 0 || store == NULL || self->project == NULL)
    return;

  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (!steward_store_rename_project (store, steward_project_get_id (self->project), name, &error))
    _steward_documents_page_show_error (self, error);
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", text[0] != '\0');
}

static void
rename_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->project == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Rename Project"), NULL);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Rename Project"));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), steward_project_get_name (self->project));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Project Name"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* -- duplicate ---------------------------------------------------------------- */

static void
duplicate_project (StewardDocumentsPage *self,
                   gint64                project_id)
{
  StewardStore *store = _steward_documents_page_get_store ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (store == NULL)
    return;

  steward_phase_editor_save (self->editor);

  if (!(id = steward_projects_duplicate (store, project_id, NULL, TRUE, &error)))
    {
      _steward_documents_page_show_error (self, error);
      return;
    }

  _steward_documents_page_open_project (self, id, FALSE);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);

  if (self->project != NULL)
    run_later (self, duplicate_project, steward_project_get_id (self->project));
}

/* -- delete, with Undo -------------------------------------------------------- */

static void
delete_toast_undo_cb (AdwToast             *toast,
                      StewardDocumentsPage *self)
{
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (toast), "project-id");

  forget_pending_delete (self, id);
  gtk_filter_changed (GTK_FILTER (self->project_filter), GTK_FILTER_CHANGE_LESS_STRICT);
  _steward_documents_page_open_project (self, id, FALSE);
}

static void
delete_toast_dismissed_cb (AdwToast             *toast,
                           StewardDocumentsPage *self)
{
  StewardStore *store = _steward_documents_page_get_store ();
  gint64 id = *(gint64 *)g_object_get_data (G_OBJECT (toast), "project-id");
  g_autoptr(GError) error = NULL;

  if (!_steward_documents_page_is_pending_delete (self, id))
    return;

  forget_pending_delete (self, id);

  if (store != NULL && !steward_store_delete_project (store, id, &error) &&
      !g_error_matches (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND))
    {
      g_warning ("Could not delete project %" G_GINT64_FORMAT ": %s", id, error->message);
      gtk_filter_changed (GTK_FILTER (self->project_filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
}

static void
delete_project (StewardDocumentsPage *self,
                gint64                id)
{
  g_autofree char *name = NULL;
  AdwToast *toast;

  if (self->project == NULL || steward_project_get_id (self->project) != id)
    return;

  name = g_markup_escape_text (steward_project_get_name (self->project), -1);

  _steward_documents_page_close_project (self);
  g_array_append_val (self->pending_deletes, id);
  gtk_filter_changed (GTK_FILTER (self->project_filter), GTK_FILTER_CHANGE_MORE_STRICT);

  /* Translators: in a toast, with Undo beside it; %s is a project's name */
  toast = adw_toast_new_format (_("“%s” deleted"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "project-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (delete_toast_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  gtk_widget_grab_focus (GTK_WIDGET (self->project_list));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);

  if (self->project != NULL)
    run_later (self, delete_project, steward_project_get_id (self->project));
}

void
_steward_documents_page_class_init_projects (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "documents.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "documents.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "documents.new-project", NULL, new_project_action);
  gtk_widget_class_install_action (widget_class, "documents.rename", NULL, rename_action);
}
