/* steward-task-draft.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-draft"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "steward-task-draft.h"

G_DEFINE_BOXED_TYPE (StewardTaskDraft, steward_task_draft,
                     steward_task_draft_copy, steward_task_draft_free)

/**
 * steward_task_draft_new:
 * @title: the task's title
 *
 * Returns: (transfer full): a draft of medium priority, due never
 */
StewardTaskDraft *
steward_task_draft_new (const char *title)
{
  StewardTaskDraft *self = g_new0 (StewardTaskDraft, 1);

  self->title = g_strdup (title);
  self->priority = STEWARD_TASK_PRIORITY_MEDIUM;
  self->source = STEWARD_TASK_SOURCE_NONE;

  return self;
}

StewardTaskDraft *
steward_task_draft_copy (const StewardTaskDraft *self)
{
  StewardTaskDraft *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (StewardTaskDraft, 1);
  copy->title = g_strdup (self->title);
  copy->notes = g_strdup (self->notes);
  copy->priority = self->priority;
  copy->category = g_strdup (self->category);
  copy->due = self->due ? g_date_time_ref (self->due) : NULL;
  copy->due_has_time = self->due_has_time;
  copy->rrule = g_strdup (self->rrule);
  copy->source = self->source;
  copy->source_ref = g_strdup (self->source_ref);

  return copy;
}

void
steward_task_draft_free (StewardTaskDraft *self)
{
  if (self == NULL)
    return;

  g_free (self->title);
  g_free (self->notes);
  g_free (self->category);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_free (self->rrule);
  g_free (self->source_ref);
  g_free (self);
}

/**
 * steward_task_draft_validate:
 *
 * Returns: whether the draft can be stored: a title with more than
 *   blanks, a known priority, valid UTF-8; else %FALSE with @error set
 *   (%G_IO_ERROR_INVALID_DATA) to a sentence that says what is wrong
 */
gboolean
steward_task_draft_validate (const StewardTaskDraft  *self,
                             GError                 **error)
{
  g_autofree char *title = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->title == NULL || !g_utf8_validate (self->title, -1, NULL) ||
      (title = g_strstrip (g_strdup (self->title)))[0] == '\0')
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A task needs a title."));
      return FALSE;
    }

  if ((self->notes != NULL && !g_utf8_validate (self->notes, -1, NULL)) ||
      (self->category != NULL && !g_utf8_validate (self->category, -1, NULL)) ||
      (self->source_ref != NULL && !g_utf8_validate (self->source_ref, -1, NULL)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A task’s text must be valid UTF-8."));
      return FALSE;
    }

  if ((int)self->priority < STEWARD_TASK_PRIORITY_LOW || self->priority > STEWARD_TASK_PRIORITY_URGENT)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("A task’s priority is low, medium, high or urgent."));
      return FALSE;
    }

  return TRUE;
}
