/* steward-document-print.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-export-source.h"

G_BEGIN_DECLS

/* Print…: project @project_id through the print dialog, its pages laid
 * out as the PDF export lays them out. Failures are told in an alert on
 * @parent. */
void     steward_document_print         (GtkWindow            *parent,
                                         gint64                project_id);
/* What Print… does, without a dialog: @source's pages drawn through
 * GtkPrintOperation (GTK_PRINT_OPERATION_ACTION_EXPORT) into the PDF
 * @file; for tests and scripts */
gboolean steward_document_print_to_file (StewardExportSource  *source,
                                         GFile                *file,
                                         GError              **error);

G_END_DECLS
