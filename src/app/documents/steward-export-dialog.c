/* steward-export-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-application-notify.h"
#include "steward-export-dialog.h"

/* Export…: the format, then where (the file chooser, through the portal
 * where there is one), then the export in a worker with a progress bar
 * and Cancel. A failure is one sentence under the formats, and the
 * dialog stays for another try; "exported" tells the page, which says so
 * in a toast. */

struct _StewardExportDialog
{
  AdwWindow       parent_instance;

  /* Template widgets */
  GtkCheckButton *pdf_check;
  GtkCheckButton *docx_check;
  GtkCheckButton *markdown_check;
  GtkCheckButton *json_check;
  GtkLabel       *error_label;
  GtkLabel       *progress_label;
  GtkProgressBar *progress_bar;
  GtkStack       *stack;

  /* Owned */
  GCancellable   *cancellable;
  GtkNativeDialog *chooser;

  gint64          project_id;
};

G_DEFINE_FINAL_TYPE (StewardExportDialog, steward_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static StewardExportFormat
selected_format (StewardExportDialog *self)
{
  if (gtk_check_button_get_active (self->docx_check))
    return STEWARD_EXPORT_FORMAT_DOCX;
  if (gtk_check_button_get_active (self->markdown_check))
    return STEWARD_EXPORT_FORMAT_MARKDOWN;
  if (gtk_check_button_get_active (self->json_check))
    return STEWARD_EXPORT_FORMAT_JSON;

  return STEWARD_EXPORT_FORMAT_PDF;
}

static const char *
format_name (StewardExportFormat format)
{
  switch (format)
    {
    case STEWARD_EXPORT_FORMAT_DOCX:
      return _("Word Document");
    case STEWARD_EXPORT_FORMAT_MARKDOWN:
      return _("Markdown");
    case STEWARD_EXPORT_FORMAT_JSON:
      return _("Steward Project");
    case STEWARD_EXPORT_FORMAT_PDF:
    default:
      return _("PDF Document");
    }
}

static void
show_error (StewardExportDialog *self,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "formats");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", TRUE);
}

/* Called on the main context by the export job; @user_data is a weak
 * reference, since the job may outlive the dialog by a moment. */
static void
progress_cb (double   fraction,
             gpointer user_data)
{
  g_autoptr(StewardExportDialog) self = g_weak_ref_get (user_data);

  if (self != NULL)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
weak_ref_free (gpointer data)
{
  g_weak_ref_clear (data);
  g_free (data);
}

typedef struct
{
  GWeakRef  dialog;
  GFile    *file;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_weak_ref_clear (&data->dialog);
  g_clear_object (&data->file);
  g_free (data);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(StewardExportDialog) self = g_weak_ref_get (&data->dialog);
  g_autoptr(GError) error = NULL;
  gboolean ok = steward_project_export_finish (result, &error);

  if (self != NULL)
    {
      /* The user may have moved on to another window meanwhile */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        steward_application_notify_export (STEWARD_APPLICATION (g_application_get_default ()),
                                           self->project_id, data->file, error);

      if (ok)
        {
          g_signal_emit (self, signals[EXPORTED], 0, data->file);
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          gtk_window_destroy (GTK_WINDOW (self));
        }
      else
        {
          show_error (self, error->message);
        }
    }

  export_data_free (data);
}

static void
start_export (StewardExportDialog *self,
              GFile               *file)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *label = g_strdup_printf (_("Exporting “%s”…"), name);
  GWeakRef *weak;
  ExportData *data;

  if (store == NULL)
    return;

  gtk_label_set_text (self->progress_label, label);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "export.choose-file", FALSE);

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  /* The job may outlive the dialog by a moment: it holds weak refs */
  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  data = g_new0 (ExportData, 1);
  g_weak_ref_init (&data->dialog, self);
  data->file = g_object_ref (file);

  steward_project_export_async (store, self->project_id, selected_format (self), file,
                                progress_cb, weak, weak_ref_free,
                                self->cancellable, export_cb, data);
}

static void
chooser_response_cb (StewardExportDialog *self,
                     int                  response,
                     GtkNativeDialog     *chooser)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) != NULL)
    start_export (self, file);

  g_clear_object (&self->chooser);
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  StewardExportDialog *self = STEWARD_EXPORT_DIALOG (widget);
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  StewardExportFormat format = selected_format (self);
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *documents;

  if (store == NULL || self->chooser != NULL)
    return;

  if (!(project = steward_store_find_project (store, self->project_id, &error)))
    {
      show_error (self, error->message);
      return;
    }

  self->chooser = GTK_NATIVE_DIALOG (gtk_file_chooser_native_new (_("Export Document"), GTK_WINDOW (self),
                                                                  GTK_FILE_CHOOSER_ACTION_SAVE,
                                                                  _("_Export"), _("_Cancel")));
  gtk_native_dialog_set_modal (self->chooser, TRUE);

  gtk_file_filter_set_name (filter, format_name (format));
  gtk_file_filter_add_suffix (filter, steward_export_format_get_extension (format));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);

  if ((documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS)) != NULL &&
      g_file_test (documents, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (documents);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
    }
  name = steward_project_export_dup_file_name (project, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);

  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardExportDialog *self = STEWARD_EXPORT_DIALOG (widget);

  /* While it runs: the export ends cancelled and closes the dialog */
  if (self->cancellable != NULL && !g_cancellable_is_cancelled (self->cancellable) &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "progress") == 0)
    {
      g_cancellable_cancel (self->cancellable);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
steward_export_dialog_dispose (GObject *object)
{
  StewardExportDialog *self = (StewardExportDialog *)object;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_EXPORT_DIALOG);

  G_OBJECT_CLASS (steward_export_dialog_parent_class)->dispose (object);
}

static void
steward_export_dialog_class_init (StewardExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_export_dialog_dispose;

  /**
   * StewardExportDialog::exported:
   * @file: the file written
   */
  signals[EXPORTED] =
    g_signal_new ("exported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_FILE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/steward-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, pdf_check);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, docx_check);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, markdown_check);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, json_check);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardExportDialog, stack);

  gtk_widget_class_install_action (widget_class, "export.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "export.cancel", NULL, cancel_action);
}

static void
steward_export_dialog_init (StewardExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steward_export_dialog_new:
 *
 * Returns: (transfer none): the dialog for exporting project
 *   @project_id, not yet shown; it destroys itself when done
 */
StewardExportDialog *
steward_export_dialog_new (GtkWindow *parent,
                           gint64     project_id)
{
  StewardExportDialog *self = g_object_new (STEWARD_TYPE_EXPORT_DIALOG,
                                            "transient-for", parent,
                                            NULL);

  self->project_id = project_id;

  return self;
}
