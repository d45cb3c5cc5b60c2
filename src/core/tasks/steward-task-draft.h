/* steward-task-draft.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_TASK_DRAFT (steward_task_draft_get_type ())

/**
 * StewardTaskDraft:
 * @title: the title, not empty
 * @notes: (nullable): notes, in Markdown
 * @priority: the priority
 * @category: (nullable): the category, or %NULL for none
 * @due: (nullable): when it is due; kept in UTC, shown in local time
 * @due_has_time: whether @due has a time of day, or is a day only (then
 *   @due is that day's midnight, local time)
 * @rrule: (nullable): a repeat rule, an iCalendar RRULE value
 * @source: where the task was found
 * @source_ref: (nullable): the message id (as text), the file's URI or
 *   the text it was found in, as @source says
 *
 * A task before it is stored, or its fields to change: what quick add,
 * the editor and extraction make, and what the store takes.
 */
typedef struct
{
  char                *title;
  char                *notes;
  StewardTaskPriority  priority;
  char                *category;
  GDateTime           *due;
  gboolean             due_has_time;
  char                *rrule;
  StewardTaskSource    source;
  char                *source_ref;
} StewardTaskDraft;

GType             steward_task_draft_get_type (void) G_GNUC_CONST;
StewardTaskDraft *steward_task_draft_new      (const char             *title);
StewardTaskDraft *steward_task_draft_copy     (const StewardTaskDraft *self);
void              steward_task_draft_free     (StewardTaskDraft       *self);
gboolean          steward_task_draft_validate (const StewardTaskDraft *self,
                                               GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardTaskDraft, steward_task_draft_free)

G_END_DECLS
