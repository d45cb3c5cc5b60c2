/* steward-task-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-task.h"

G_BEGIN_DECLS

StewardTask *_steward_task_new (gint64               id,
                                const char          *title,
                                StewardTaskStatus    status,
                                StewardTaskPriority  priority,
                                const char *category,
                                GDateTime  *due,
                                gint64      position,
                                GDateTime  *created_at);

G_END_DECLS
