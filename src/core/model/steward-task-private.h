/* steward-task-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-task.h"

G_BEGIN_DECLS

/* The times a task has besides its draft; created_at is never NULL. */
typedef struct
{
  GDateTime *created_at;
  GDateTime *updated_at;
  GDateTime *completed_at;
  GDateTime *reminded_at;
} StewardTaskTimes;

StewardTask *_steward_task_new    (gint64                  id,
                                   const StewardTaskDraft *draft,
                                   StewardTaskStatus       status,
                                   gint64                  position,
                                   const StewardTaskTimes *times);
void         _steward_task_update (StewardTask            *self,
                                   StewardTask            *fresh);
void         _steward_task_set_position (StewardTask      *self,
                                         gint64            position);
StewardTask *_steward_task_copy_placed  (StewardTask      *self,
                                         StewardTaskStatus status,
                                         gint64            position,
                                         GDateTime        *now);

G_END_DECLS
