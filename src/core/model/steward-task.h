/* steward-task.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"
#include "steward-task-draft.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK (steward_task_get_type ())

G_DECLARE_FINAL_TYPE (StewardTask, steward_task, STEWARD, TASK, GObject)

gint64              steward_task_get_id           (StewardTask *self);
const char         *steward_task_get_title        (StewardTask *self);
const char         *steward_task_get_notes        (StewardTask *self);
StewardTaskStatus   steward_task_get_status       (StewardTask *self);
StewardTaskPriority steward_task_get_priority     (StewardTask *self);
const char         *steward_task_get_category     (StewardTask *self);
GDateTime          *steward_task_get_due          (StewardTask *self);
gboolean            steward_task_get_due_has_time (StewardTask *self);
const char         *steward_task_get_rrule        (StewardTask *self);
gint64              steward_task_get_position     (StewardTask *self);
StewardTaskSource   steward_task_get_source       (StewardTask *self);
const char         *steward_task_get_source_ref   (StewardTask *self);
GDateTime          *steward_task_get_created_at   (StewardTask *self);
GDateTime          *steward_task_get_updated_at   (StewardTask *self);
GDateTime          *steward_task_get_completed_at (StewardTask *self);
GDateTime          *steward_task_get_reminded_at  (StewardTask *self);
StewardTaskDraft   *steward_task_dup_draft        (StewardTask *self);

G_END_DECLS
