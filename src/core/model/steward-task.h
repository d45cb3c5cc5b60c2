/* steward-task.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK (steward_task_get_type ())

G_DECLARE_FINAL_TYPE (StewardTask, steward_task, STEWARD, TASK, GObject)

gint64      steward_task_get_id         (StewardTask *self);
const char *steward_task_get_title      (StewardTask *self);
StewardTaskStatus   steward_task_get_status   (StewardTask *self);
StewardTaskPriority steward_task_get_priority (StewardTask *self);
const char *steward_task_get_category   (StewardTask *self);
/* May be NULL */
GDateTime  *steward_task_get_due        (StewardTask *self);
gint64      steward_task_get_position   (StewardTask *self);
GDateTime  *steward_task_get_created_at (StewardTask *self);

G_END_DECLS
