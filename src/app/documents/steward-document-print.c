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
  GtkWindow             *parent;
} PrintData;

static void
print_data_free (gpointer user_data)
{
  PrintData *data = user_data;

  g_clear_pointer (&data->source, steward_export_source_unref);
  g_clear_object (&data->layout);
  g_clear_object (&data->parent);
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
      report (data->parent, error->message);
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

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      report (data->parent, error != NULL ? error->message : _("The printer could not take the document."));
    }
}

void
steward_document_print (GtkWindow *parent,
                        gint64     project_id)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(StewardExportSource) source = NULL;
  g_autoptr(GError) error = NULL;
  GtkPrintOperation *operation;
  PrintData *data;

  g_return_if_fail (GTK_IS_WINDOW (parent));

  if (store == NULL)
    return;

  if (!(source = steward_projects_dup_export_source (store, project_id, &error)))
    {
      report (parent, error->message);
      return;
    }

  data = g_new0 (PrintData, 1);
  data->source = g_steal_pointer (&source);
  data->parent = g_object_ref (parent);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_job_name (operation, steward_export_source_get_title (data->source));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_object_set_data_full (G_OBJECT (operation), "steward-print-data", data, print_data_free);

  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), data);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), data);
  g_signal_connect (operation, "done", G_CALLBACK (done_cb), data);

  /* GTK holds the operation while it runs; "done" tells of an error */
  gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent, NULL);
  g_object_unref (operation);
}
