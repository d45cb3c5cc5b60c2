/* steward-task-format.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-core.h"
#include "steward-quick-add.h"

G_BEGIN_DECLS

typedef enum
{
  STEWARD_DUE_LATER,
  STEWARD_DUE_TODAY,
  STEWARD_DUE_OVERDUE,
} StewardDueState;

char            *steward_task_format_due      (GDateTime  *due,
                                               gboolean    has_time,
                                               GDateTime  *now);
StewardDueState  steward_task_due_state       (GDateTime  *due,
                                               gboolean    has_time,
                                               GDateTime  *now);
char            *steward_task_format_rrule    (const char *rrule);
const char      *steward_task_priority_label  (StewardTaskPriority priority);
char            *steward_task_format_understood (const StewardQuickAdd *parsed,
                                                 GDateTime             *now);

G_END_DECLS
