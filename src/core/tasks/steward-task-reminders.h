/* steward-task-reminders.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-services.h"

G_BEGIN_DECLS

/* A day without a time of day falls due at this hour, local time. */
#define STEWARD_TASK_REMINDERS_DAY_HOUR 9

#define STEWARD_TYPE_TASK_REMINDERS (steward_task_reminders_get_type ())

G_DECLARE_FINAL_TYPE (StewardTaskReminders, steward_task_reminders, STEWARD, TASK_REMINDERS, GObject)

StewardTaskReminders *steward_task_reminders_new         (StewardServices *services);
GDateTime            *steward_task_reminders_dup_remind_at (StewardTask   *task);

G_END_DECLS
