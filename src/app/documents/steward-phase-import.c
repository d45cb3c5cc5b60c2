/* steward-phase-import.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase-import"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-document-import.h"
#include "steward-phase-import.h"

/* The file read in a worker (steward-document-import.c); a window with a
 * progress bar and Cancel shows once it takes longer than a moment. */

#define PROGRESS_DELAY_MS 400

typedef struct
{
  GtkWindow       *parent;
  AdwToastOverlay *toast_overlay;
  GCancellable    *cancellable;
  GtkWidget       *progress_window;
  GtkProgressBar  *progress_bar;
  char            *name;
  guint            progress_source;
  gint64           phase_id;
} ImportRun;

static void
import_run_free (ImportRun *run)
{
  g_clear_handle_id (&run->progress_source, g_source_remove);
  if (run->progress_window != NULL)
    gtk_window_destroy (GTK_WINDOW (run->progress_window));
  g_clear_object (&run->parent);
  g_clear_object (&run->toast_overlay);
  g_clear_object (&run->cancellable);
  g_free (run->name);
  g_free (run);
}

static void
toast (ImportRun  *run,
       const char *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (run->toast_overlay, adw_toast_new (markup));
}

static void
cancel_clicked_cb (GtkButton *button,
                   ImportRun *run)
{
  g_cancellable_cancel (run->cancellable);
}

static gboolean
show_progress_cb (gpointer user_data)
{
  ImportRun *run = user_data;
  g_autofree char *title = g_strdup_printf (_("Importing “%s”…"), run->name);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));

  run->progress_source = 0;

  run->progress_window = g_object_new (ADW_TYPE_WINDOW,
                                       "transient-for", run->parent,
                                       "modal", TRUE,
                                       "title", _("Import"),
                                       "default-width", 360,
                                       "resizable", FALSE,
                                       NULL);
  run->progress_bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_relation (GTK_ACCESSIBLE (run->progress_bar),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_halign (cancel, GTK_ALIGN_CENTER);
  g_signal_connect (cancel, "clicked", G_CALLBACK (cancel_clicked_cb), run);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (run->progress_bar));
  gtk_box_append (GTK_BOX (box), cancel);
  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 24);
  gtk_widget_set_margin_end (box, 24);
  adw_window_set_content (ADW_WINDOW (run->progress_window), box);
  gtk_window_present (GTK_WINDOW (run->progress_window));

  return G_SOURCE_REMOVE;
}

static void
progress_cb (double   fraction,
             gpointer user_data)
{
  ImportRun *run = user_data;

  if (run->progress_bar != NULL)
    gtk_progress_bar_set_fraction (run->progress_bar, fraction);
}

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  ImportRun *run = user_data;
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(StewardDocumentImport) imported = NULL;
  g_autoptr(GError) error = NULL;

  if (!(imported = steward_document_import_finish (result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        toast (run, error->message);
    }
  else if (store == NULL ||
           !steward_store_keep_phase_text (store, run->phase_id, &error) ||
           !steward_store_set_phase_content (store, run->phase_id, steward_document_import_get_markdown (imported),
                                             STEWARD_VERSION_REASON_IMPORTED, NULL, NULL, &error))
    {
      if (error != NULL)
        toast (run, error->message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("“%s” imported"), steward_document_import_get_name (imported));

      toast (run, message);
    }

  import_run_free (run);
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  ImportRun *run = user_data;
  g_autoptr(GFile) file = NULL;

  if (response != GTK_RESPONSE_ACCEPT ||
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))) == NULL)
    {
      import_run_free (run);
      g_object_unref (chooser);
      return;
    }

  run->name = g_file_get_basename (file);
  run->cancellable = g_cancellable_new ();
  run->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, run);
  steward_document_import_async (file, progress_cb, run, NULL, run->cancellable, import_cb, run);
  g_object_unref (chooser);
}

void
steward_phase_import_choose (GtkWidget       *parent,
                             AdwToastOverlay *toast_overlay,
                             gint64           phase_id)
{
  g_autoptr(GtkFileFilter) documents = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  ImportRun *run;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (ADW_IS_TOAST_OVERLAY (toast_overlay));

  run = g_new0 (ImportRun, 1);
  run->parent = g_object_ref (GTK_WINDOW (gtk_widget_get_root (parent)));
  run->toast_overlay = g_object_ref (toast_overlay);
  run->phase_id = phase_id;

  chooser = gtk_file_chooser_native_new (_("Import into the Phase"), run->parent,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (documents, _("Documents (Markdown, text, Word, PDF)"));
  gtk_file_filter_add_mime_type (documents, "text/markdown");
  gtk_file_filter_add_mime_type (documents, "text/plain");
  gtk_file_filter_add_mime_type (documents, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  gtk_file_filter_add_mime_type (documents, "application/pdf");
  gtk_file_filter_add_suffix (documents, "md");
  gtk_file_filter_add_suffix (documents, "txt");
  gtk_file_filter_add_suffix (documents, "docx");
  gtk_file_filter_add_suffix (documents, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), documents);
  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
