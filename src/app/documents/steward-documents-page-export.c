/* steward-documents-page-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-document-print.h"
#include "steward-documents-page-private.h"
#include "steward-export-dialog.h"
#include "steward-phase-import.h"
#include "steward-template-editor.h"
#include "steward-templates-window.h"

/* What takes the open project elsewhere and brings text in: Export…
 * (StewardExportDialog), Print… (the PDF's pages through the print
 * dialog), Import… into the selected phase, Save as Template… and New
 * Template… (StewardTemplateEditor), Manage Templates…
 * (StewardTemplatesWindow). */

static void
open_exported_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    g_warning ("Could not open the exported file: %s", error->message);
}

static void
toast_open_cb (AdwToast *toast,
               GFile    *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, open_exported_cb, NULL);
}

static void
exported_cb (StewardDocumentsPage *self,
             GFile                *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = g_strdup_printf (_("Exported “%s”"), name);
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_set_button_label (toast, _("_Open"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (toast_open_cb),
                         g_object_ref (file), (GClosureNotify)(void (*)(void))g_object_unref, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  StewardExportDialog *dialog;

  if (self->project == NULL)
    return;

  steward_documents_page_save (self);
  dialog = steward_export_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)),
                                      steward_project_get_id (self->project));
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);

  if (self->project == NULL)
    return;

  steward_documents_page_save (self);
  steward_document_print (GTK_WINDOW (gtk_widget_get_root (widget)), steward_project_get_id (self->project));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  StewardPhase *phase = steward_documents_page_get_phase (self);

  if (phase == NULL)
    return;

  steward_documents_page_save (self);
  steward_phase_import_choose (widget, self->toast_overlay, steward_phase_get_id (phase));
}

static void
template_saved_cb (StewardDocumentsPage *self,
                   StewardTemplate      *template)
{
  g_autofree char *message = g_strdup_printf (_("Template “%s” saved"), steward_template_get_title (template));
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
edit_template (StewardDocumentsPage *self,
               StewardTemplate      *template)
{
  StewardTemplateEditor *editor = steward_template_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                               template);

  g_signal_connect_object (editor, "saved", G_CALLBACK (template_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
save_as_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  StewardStore *store = _steward_documents_page_get_store ();
  g_autoptr(StewardTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  if (self->project == NULL || store == NULL)
    return;

  if (!(template = steward_templates_new_from_project (store, steward_project_get_id (self->project),
                                                       steward_project_get_name (self->project),
                                                       steward_project_get_brief (self->project), &error)))
    {
      _steward_documents_page_show_error (self, error);
      return;
    }

  edit_template (self, template);
}

static void
new_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  edit_template (STEWARD_DOCUMENTS_PAGE (widget), NULL);
}

static void
manage_templates_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  StewardTemplatesWindow *window = steward_templates_window_new (GTK_WINDOW (gtk_widget_get_root (widget)));

  gtk_window_present (GTK_WINDOW (window));
}

void
_steward_documents_page_class_init_export (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "documents.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "documents.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "documents.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "documents.save-as-template", NULL, save_as_template_action);
  gtk_widget_class_install_action (widget_class, "documents.new-template", NULL, new_template_action);
  gtk_widget_class_install_action (widget_class, "documents.manage-templates", NULL, manage_templates_action);
}
