/* steward-document-print.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Print…: project @project_id through the print dialog, its pages laid
 * out as the PDF export lays them out. Failures are told in an alert on
 * @parent. */
void steward_document_print (GtkWindow *parent,
                             gint64     project_id);

G_END_DECLS
