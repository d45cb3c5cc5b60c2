/* steward-project-export.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-export-source.h"
#include "steward-store.h"

G_BEGIN_DECLS

/* A document project exported to a file in one of the formats: PDF and
 * Word through the export job (a worker, a temporary file renamed on
 * success), Markdown likewise, JSON (the whole project with its versions,
 * which imports back) written whole or not at all. The command line's
 * `export` and the app's Export… both come here. */

/* The file name extension of @format, without its dot ("pdf") */
const char *steward_export_format_get_extension (StewardExportFormat         format);
/* "report.pdf" for a project named "report" (characters a file name
 * cannot hold replaced) */
char       *steward_project_export_dup_file_name (StewardProject            *project,
                                                  StewardExportFormat        format);

void        steward_project_export_async        (StewardStore              *store,
                                                 gint64                     project_id,
                                                 StewardExportFormat        format,
                                                 GFile                     *target,
                                                 StewardExportProgressFunc  progress,
                                                 gpointer                   progress_data,
                                                 GDestroyNotify             progress_notify,
                                                 GCancellable              *cancellable,
                                                 GAsyncReadyCallback        callback,
                                                 gpointer                   user_data);
gboolean    steward_project_export_finish       (GAsyncResult              *result,
                                                 GError                   **error);
/* In the calling thread, for the command line */
gboolean    steward_project_export              (StewardStore              *store,
                                                 gint64                     project_id,
                                                 StewardExportFormat        format,
                                                 GFile                     *target,
                                                 StewardExportProgressFunc  progress,
                                                 gpointer                   progress_data,
                                                 GCancellable              *cancellable,
                                                 GError                   **error);

G_END_DECLS
