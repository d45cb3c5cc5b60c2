/* steward-documents-page-redraft.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application-notify.h"
#include "steward-documents-page-private.h"

/* Regenerate Stale Phases: the open project's stale phases are drafted
 * again in order, each from the new text before it (StewardStaleRedraft),
 * with the model size Generate uses. Under the phase list it says which
 * it is at ("Redrafting phase 3 of 5…") with Stop, which lets the phase
 * being drafted end and starts no other. The editor showing the phase
 * being drafted follows it, read-only. */

static void
update_status (StewardDocumentsPage *self)
{
  StewardPhaseDraft *current = NULL;
  g_autofree char *text = NULL;
  guint done, total;

  if (self->redraft != NULL)
    current = steward_stale_redraft_get_current (self->redraft);

  steward_phase_editor_set_following (self->editor, current ? steward_phase_draft_get_phase_id (current) : 0);

  gtk_widget_set_visible (GTK_WIDGET (self->redraft_box), self->redraft != NULL);
  gtk_spinner_set_spinning (self->redraft_spinner, self->redraft != NULL);
  _steward_documents_page_update_actions (self);

  if (self->redraft == NULL)
    return;

  done = steward_stale_redraft_get_done (self->redraft);
  total = steward_stale_redraft_get_total (self->redraft);
  /* Translators: while the stale phases are drafted again, "Redrafting
   * phase 3 of 5…" */
  text = g_strdup_printf (_("Redrafting phase %u of %u…"), MIN (done + 1, total), total);
  gtk_label_set_label (self->redraft_label, text);
}

/* For when the user has moved on to another window meanwhile */
static void
notify_done (StewardDocumentsPage *self,
             StewardStaleRedraft  *redraft,
             const GError         *error)
{
  guint done = steward_stale_redraft_get_done (redraft);
  gint64 project_id = steward_project_get_id (self->project);
  g_autofree char *id = g_strdup_printf ("redraft-%" G_GINT64_FORMAT, project_id);
  g_autofree char *result_id = g_strdup_printf ("project:%" G_GINT64_FORMAT, project_id);
  g_autofree char *title = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || (error == NULL && done == 0))
    return;

  if (error != NULL)
    title = g_strdup (_("Redrafting stopped"));
  else
    /* Translators: a notification, with the project's name under it */
    title = g_strdup_printf (ngettext ("%u phase written again", "%u phases written again", done), done);

  steward_application_notify_job (STEWARD_APPLICATION (g_application_get_default ()), GTK_WIDGET (self), id, title,
                                  error ? error->message : steward_project_get_name (self->project),
                                  "app.open-result", g_variant_new ("(sx)", result_id, (gint64)0));
}

static void
redraft_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardDocumentsPage) self = user_data;
  StewardStaleRedraft *redraft = STEWARD_STALE_REDRAFT (object);
  g_autoptr(GError) error = NULL;

  steward_stale_redraft_run_finish (redraft, result, &error);

  /* The project was closed meanwhile */
  if (self->redraft != redraft)
    return;

  notify_done (self, redraft, error);
  g_signal_handlers_disconnect_by_data (redraft, self);
  g_clear_object (&self->redraft);
  g_clear_object (&self->redraft_cancellable);
  update_status (self);

  if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    _steward_documents_page_show_error (self, error);
}

static void
redraft_stale_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *tier = NULL;

  if (self->project == NULL || self->redraft != NULL || steward_phase_editor_get_busy (self->editor))
    return;

  /* What was typed is what the drafts read */
  steward_phase_editor_save (self->editor);

  settings = g_settings_new (BASE_APP_ID);
  tier = g_settings_get_string (settings, "document-tier");

  self->redraft = steward_stale_redraft_new (STEWARD_SERVICES_DEFAULT, steward_project_get_id (self->project), tier);
  self->redraft_cancellable = g_cancellable_new ();
  g_signal_connect_object (self->redraft, "notify", G_CALLBACK (update_status), self, G_CONNECT_SWAPPED);
  steward_stale_redraft_run_async (self->redraft, self->redraft_cancellable, redraft_cb, g_object_ref (self));

  update_status (self);
}

static void
stop_redraft_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);

  if (self->redraft == NULL)
    return;

  steward_stale_redraft_stop (self->redraft);
  gtk_label_set_label (self->redraft_label, _("Stopping after this phase…"));
  gtk_widget_action_set_enabled (widget, "documents.stop-redraft", FALSE);
}

/* The project closes: the phase being drafted ends where it is (what
 * arrived is kept), and no other starts. */
void
_steward_documents_page_dispose_redraft (StewardDocumentsPage *self)
{
  if (self->redraft == NULL)
    return;

  g_cancellable_cancel (self->redraft_cancellable);
  g_signal_handlers_disconnect_by_data (self->redraft, self);
  g_clear_object (&self->redraft);
  g_clear_object (&self->redraft_cancellable);
  if (self->editor != NULL)
    update_status (self);
}

void
_steward_documents_page_class_init_redraft (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "documents.redraft-stale", NULL, redraft_stale_action);
  gtk_widget_class_install_action (widget_class, "documents.stop-redraft", NULL, stop_redraft_action);
}
