/* steward-task-review-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK_REVIEW_DIALOG (steward_task_review_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardTaskReviewDialog, steward_task_review_dialog, STEWARD, TASK_REVIEW_DIALOG, AdwWindow)

StewardTaskReviewDialog *steward_task_review_dialog_new         (GtkWindow               *parent);
void                     steward_task_review_dialog_extract     (StewardTaskReviewDialog *self,
                                                                 const char              *text,
                                                                 GDateTime               *written_at,
                                                                 StewardTaskSource        source,
                                                                 const char              *source_ref);
void                     steward_task_review_dialog_extract_files (StewardTaskReviewDialog *self,
                                                                   GList                   *files);
void                     steward_task_review_dialog_set_drafts  (StewardTaskReviewDialog *self,
                                                                 GPtrArray               *drafts);

G_END_DECLS
