/* steward-task-column.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"
#include "steward-row-list.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK_COLUMN (steward_task_column_get_type ())

G_DECLARE_FINAL_TYPE (StewardTaskColumn, steward_task_column, STEWARD, TASK_COLUMN, GObject)

StewardTaskColumn *steward_task_column_new        (StewardRowList    *tasks,
                                                   StewardTaskStatus  status);
StewardTaskStatus  steward_task_column_get_status (StewardTaskColumn *self);
void               steward_task_column_refresh    (StewardTaskColumn *self);

G_END_DECLS
