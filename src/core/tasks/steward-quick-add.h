/* steward-quick-add.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/**
 * StewardQuickAdd:
 * @title: what was not understood as a date, a time, a repeat rule, a
 *   priority or a category, in the order written
 * @due: (nullable): when the task is due, in the time zone of the "now"
 *   it was read against
 * @due_has_time: whether @due has a time of day, or is a day only (then
 *   it is that day's midnight)
 * @has_priority: whether a priority was given (`!high`)
 * @priority: the priority, when @has_priority
 * @category: (nullable): the category (`#work`), without its `#`
 * @rrule: (nullable): a repeat rule, as an iCalendar RRULE value
 *   ("FREQ=WEEKLY;BYDAY=MO"); @due is then its first occurrence
 *
 * A task as typed in one line, "call Sam tomorrow 5pm !high #work".
 */
typedef struct
{
  char                *title;
  GDateTime           *due;
  gboolean             due_has_time;
  gboolean             has_priority;
  StewardTaskPriority  priority;
  char                *category;
  char                *rrule;
} StewardQuickAdd;

StewardQuickAdd *steward_quick_add_parse (const char      *text,
                                          GDateTime       *now);
void             steward_quick_add_free  (StewardQuickAdd *self);

GDateTime       *steward_quick_add_parse_when (const char *text,
                                               GDateTime  *now,
                                               gboolean   *has_time);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardQuickAdd, steward_quick_add_free)

G_END_DECLS
