/* steward-export-job.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-export-source.h"

G_BEGIN_DECLS

/* Runs a document writer (steward_pdf_write, …) into a file safely: the
 * writer writes a temporary file in the target's folder, which is renamed
 * onto @target only once the writer has succeeded. A failed or cancelled
 * export leaves no file behind and an existing target as it was. Errors
 * are one sentence naming the file ("Could not write report.pdf: …");
 * a cancelled export fails with G_IO_ERROR_CANCELLED. */

/* In a worker thread. @progress (may be NULL) is called on the thread-
 * default main context of the caller, at most about 30 times a second,
 * and with 1 before @callback when the export succeeded; @progress_notify
 * frees @progress_data once no more calls will come. */
void     steward_export_job_run_async  (GFile                      *target,
                                        StewardExportWriteFunc      write,
                                        StewardExportSource        *source,
                                        StewardExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GDestroyNotify              progress_notify,
                                        GCancellable               *cancellable,
                                        GAsyncReadyCallback         callback,
                                        gpointer                    user_data);
gboolean steward_export_job_run_finish (GAsyncResult               *result,
                                        GError                    **error);

/* In the calling thread (the command line's), @progress called from it. */
gboolean steward_export_job_run        (GFile                      *target,
                                        StewardExportWriteFunc      write,
                                        StewardExportSource        *source,
                                        StewardExportProgressFunc   progress,
                                        gpointer                    progress_data,
                                        GCancellable               *cancellable,
                                        GError                    **error);

G_END_DECLS
