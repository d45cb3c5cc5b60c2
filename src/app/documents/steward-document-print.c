/* steward-document-print.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-document-print"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-document-layout.h"
#include "steward-document-print.h"

/* The printed pages are the PDF's: the same layout (title page, headings,
 * lists, tables with their header rows repeated), made for the paper the
 * print dialog settles on, drawn on the printer's cairo context. */

/* The PDF export's margin: an inch less a little */
#define MARGIN_POINTS 64.0

typedef struct
{
  StewardExportSource   *source;
  StewardDocumentLayout *layout;
  /* (nullable): where errors are shown; without it they are kept */
  GtkWindow             *parent;
  GError                *error;
} PrintData;

static void
print_data_free (gpointer user_data)
{
  PrintData *data = user_data;

  g_clear_pointer (&data->source, steward_export_source_unref);
  g_clear_object (&data->layout);
  g_clear_object (&data->parent);
  g_clear_error (&data->error);
  g_free (data);
}

static void
report (GtkWindow  *parent,
        const char *message)
{
  AdwMessageDialog *alert;

  alert = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Cannot Print the Document"), message));
  adw_message_dialog_add_response (alert, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (alert));
}

/* The paper is known now: lay the document out for it. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintData         *data)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&data->layout);
  data->layout = steward_document_layout_new (data->source,
                                              gtk_print_context_get_width (context),
                                              gtk_print_context_get_height (context),
                                              MARGIN_POINTS);
  if (!steward_document_layout_paginate (data->layout, NULL, NULL, NULL, &error))
    {
      gtk_print_operation_cancel (operation);
      if (data->parent != NULL)
        report (data->parent, error->message);
      else
        g_propagate_error (&data->error, g_steal_pointer (&error));
      return;
    }

  gtk_print_operation_set_n_pages (operation, (int)steward_document_layout_get_n_pages (data->layout));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PrintData         *data)
{
  if (data->layout != NULL)
    steward_document_layout_draw_page (data->layout, gtk_print_context_get_cairo_context (context), (guint)page);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         PrintData               *data)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && data->parent != NULL)
    {
      gtk_print_operation_get_error (operation, &error);
      report (data->parent, error != NULL ? error->message : _("The printer could not take the document."));
    }
}

/* (transfer full): an operation drawing @source's pages; @parent
 * (nullable) shows its errors */
static GtkPrintOperation *
print_operation_new (StewardExportSource *source,
                     GtkWindow           *parent)
{
  GtkPrintOperation *operation;
  PrintData *data;

  data = g_new0 (PrintData, 1);
  data->source = steward_export_source_ref (source);
  data->parent = parent != NULL ? g_object_ref (parent) : NULL;

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, steward_export_source_get_title (data->source));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "steward-print-data", data, print_data_free);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), data);

  return operation;
}

void
steward_document_print (GtkWindow *parent,
                        gint64     project_id)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(StewardExportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (store == NULL)
    return;

  if (!(source = steward_projects_dup_export_source (store, project_id, &error)))
    {
      report (parent, error->message);
      return;
    }

  operation = print_operation_new (source, parent);
  gtk_print_operation_set_allow_async (operation, TRUE);

  /* GTK holds the operation while it runs; "done" tells of an error */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
  g_object_unref (operation);
}

/**
 * steward_document_print_to_file:
 *
 * Runs the print operation of Print… without a dialog, exporting its
 * pages as the PDF @file (a local file).
 *
 * Returns: %TRUE when @file is written, else %FALSE with @error set
 */
gboolean
steward_document_print_to_file (StewardExportSource  *source,
                                GFile                *file,
                                GError              **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;
  GtkPrintOperationResult result;
  PrintData *data;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(path = g_file_get_path (file)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The document can only be printed to a local file."));
      return FALSE;
    }

  operation = print_operation_new (source, NULL);
  data = g_object_get_data (G_OBJECT (operation), "steward-print-data");
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error);

  if (data->error != NULL)
    {
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&data->error));
      return FALSE;
    }

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (result != GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Printing was cancelled."));
      return FALSE;
    }

  return TRUE;
}
