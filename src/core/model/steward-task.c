/* steward-task.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-task-private.h"

/* A task as stored. Its draft (title, notes, priority, category, due,
 * repeat rule, source) is what the editor changes; status and position
 * are where it is on the board. One object per row in a list: when the
 * row changes, the list updates the object in place
 * (_steward_task_update()), so a card bound to it follows. */

struct _StewardTask
{
  GObject              parent_instance;

  gint64               id;
  char                *title;
  char                *notes;
  StewardTaskStatus    status;
  StewardTaskPriority  priority;
  char                *category;
  GDateTime           *due;
  gboolean             due_has_time;
  char                *rrule;
  gint64               position;
  StewardTaskSource    source;
  char                *source_ref;
  GDateTime           *created_at;
  GDateTime           *updated_at;
  GDateTime           *completed_at;
  GDateTime           *reminded_at;
};

G_DEFINE_FINAL_TYPE (StewardTask, steward_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_NOTES,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_CATEGORY,
  PROP_DUE,
  PROP_DUE_HAS_TIME,
  PROP_RRULE,
  PROP_POSITION,
  PROP_SOURCE,
  PROP_SOURCE_REF,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_COMPLETED_AT,
  PROP_REMINDED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_task_finalize (GObject *object)
{
  StewardTask *self = (StewardTask *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->rrule, g_free);
  g_clear_pointer (&self->source_ref, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->completed_at, g_date_time_unref);
  g_clear_pointer (&self->reminded_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_task_parent_class)->finalize (object);
}

static void
steward_task_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  StewardTask *self = STEWARD_TASK (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_DUE:
      g_value_set_boxed (value, self->due);
      break;

    case PROP_DUE_HAS_TIME:
      g_value_set_boolean (value, self->due_has_time);
      break;

    case PROP_RRULE:
      g_value_set_string (value, self->rrule);
      break;

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    case PROP_SOURCE:
      g_value_set_enum (value, self->source);
      break;

    case PROP_SOURCE_REF:
      g_value_set_string (value, self->source_ref);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    case PROP_COMPLETED_AT:
      g_value_set_boxed (value, self->completed_at);
      break;

    case PROP_REMINDED_AT:
      g_value_set_boxed (value, self->reminded_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_property (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
time_property (const char *name)
{
  return g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE_TIME,
                             G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static GParamSpec *
enum_property (const char *name,
               GType       type,
               int         default_value)
{
  return g_param_spec_enum (name, NULL, NULL, type, default_value,
                            G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
steward_task_class_init (StewardTaskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_task_finalize;
  object_class->get_property = steward_task_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = string_property ("title");
  properties[PROP_NOTES] = string_property ("notes");
  properties[PROP_STATUS] = enum_property ("status", STEWARD_TYPE_TASK_STATUS, STEWARD_TASK_STATUS_TODO);
  properties[PROP_PRIORITY] = enum_property ("priority", STEWARD_TYPE_TASK_PRIORITY,
                                             STEWARD_TASK_PRIORITY_MEDIUM);
  properties[PROP_CATEGORY] = string_property ("category");
  /**
   * StewardTask:due:
   *
   * When the task is due, or %NULL. A day without a time of day
   * (#StewardTask:due-has-time %FALSE) is that day's midnight, local time.
   */
  properties[PROP_DUE] = time_property ("due");
  properties[PROP_DUE_HAS_TIME] =
    g_param_spec_boolean ("due-has-time", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_RRULE] = string_property ("rrule");
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SOURCE] = enum_property ("source", STEWARD_TYPE_TASK_SOURCE, STEWARD_TASK_SOURCE_NONE);
  properties[PROP_SOURCE_REF] = string_property ("source-ref");
  properties[PROP_CREATED_AT] = time_property ("created-at");
  properties[PROP_UPDATED_AT] = time_property ("updated-at");
  properties[PROP_COMPLETED_AT] = time_property ("completed-at");
  properties[PROP_REMINDED_AT] = time_property ("reminded-at");

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_task_init (StewardTask *self)
{
}

static GDateTime *
ref_or_null (GDateTime *time)
{
  return time != NULL ? g_date_time_ref (time) : NULL;
}

StewardTask *
_steward_task_new (gint64                  id,
                   const StewardTaskDraft *draft,
                   StewardTaskStatus       status,
                   gint64                  position,
                   const StewardTaskTimes *times)
{
  StewardTask *self;

  g_return_val_if_fail (draft != NULL && draft->title != NULL, NULL);
  g_return_val_if_fail (times != NULL && times->created_at != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_TASK, NULL);
  self->id = id;
  self->title = g_strdup (draft->title);
  self->notes = g_strdup (draft->notes ? draft->notes : "");
  self->status = status;
  self->priority = draft->priority;
  self->category = g_strdup (draft->category ? draft->category : "");
  self->due = ref_or_null (draft->due);
  self->due_has_time = draft->due != NULL && draft->due_has_time;
  self->rrule = g_strdup (draft->rrule);
  self->position = position;
  self->source = draft->source;
  self->source_ref = g_strdup (draft->source_ref);
  self->created_at = g_date_time_ref (times->created_at);
  self->updated_at = ref_or_null (times->updated_at ? times->updated_at : times->created_at);
  self->completed_at = ref_or_null (times->completed_at);
  self->reminded_at = ref_or_null (times->reminded_at);

  return self;
}

static void
update_string (StewardTask  *self,
               char        **field,
               const char   *value,
               guint         prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
update_time (StewardTask  *self,
             GDateTime   **field,
             GDateTime    *value,
             guint         prop)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  *field = ref_or_null (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

#define UPDATE_VALUE(field, prop) \
  G_STMT_START { \
    if (self->field != fresh->field) \
      { \
        self->field = fresh->field; \
        g_object_notify_by_pspec (G_OBJECT (self), properties[prop]); \
      } \
  } G_STMT_END

/* Makes @self, the same row, what @fresh says, telling of each change. */
void
_steward_task_update (StewardTask *self,
                      StewardTask *fresh)
{
  g_return_if_fail (STEWARD_IS_TASK (self));
  g_return_if_fail (STEWARD_IS_TASK (fresh));
  g_return_if_fail (self->id == fresh->id);

  g_object_freeze_notify (G_OBJECT (self));
  update_string (self, &self->title, fresh->title, PROP_TITLE);
  update_string (self, &self->notes, fresh->notes, PROP_NOTES);
  UPDATE_VALUE (status, PROP_STATUS);
  UPDATE_VALUE (priority, PROP_PRIORITY);
  update_string (self, &self->category, fresh->category, PROP_CATEGORY);
  update_time (self, &self->due, fresh->due, PROP_DUE);
  UPDATE_VALUE (due_has_time, PROP_DUE_HAS_TIME);
  update_string (self, &self->rrule, fresh->rrule, PROP_RRULE);
  UPDATE_VALUE (position, PROP_POSITION);
  UPDATE_VALUE (source, PROP_SOURCE);
  update_string (self, &self->source_ref, fresh->source_ref, PROP_SOURCE_REF);
  update_time (self, &self->created_at, fresh->created_at, PROP_CREATED_AT);
  update_time (self, &self->updated_at, fresh->updated_at, PROP_UPDATED_AT);
  update_time (self, &self->completed_at, fresh->completed_at, PROP_COMPLETED_AT);
  update_time (self, &self->reminded_at, fresh->reminded_at, PROP_REMINDED_AT);
  g_object_thaw_notify (G_OBJECT (self));
}

#undef UPDATE_VALUE

/* A copy of @self as it is once moved to @position in the column of
 * @status at @now: done when it goes into Done, no longer when it
 * leaves it. */
StewardTask *
_steward_task_copy_placed (StewardTask       *self,
                           StewardTaskStatus  status,
                           gint64             position,
                           GDateTime         *now)
{
  g_autoptr(StewardTaskDraft) draft = NULL;
  StewardTaskTimes times;

  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  g_return_val_if_fail (now != NULL, NULL);

  draft = steward_task_dup_draft (self);
  times.created_at = self->created_at;
  times.updated_at = now;
  times.reminded_at = self->reminded_at;
  if (status != STEWARD_TASK_STATUS_DONE)
    times.completed_at = NULL;
  else if (self->status == STEWARD_TASK_STATUS_DONE && self->completed_at != NULL)
    times.completed_at = self->completed_at;
  else
    times.completed_at = now;

  return _steward_task_new (self->id, draft, status, position, &times);
}

/* Its new place in its column, when only that changed. */
void
_steward_task_set_position (StewardTask *self,
                            gint64       position)
{
  g_return_if_fail (STEWARD_IS_TASK (self));

  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

/**
 * steward_task_dup_draft:
 *
 * Returns: (transfer full): the task's fields as a draft, to edit and
 *   give to steward_store_update_task()
 */
StewardTaskDraft *
steward_task_dup_draft (StewardTask *self)
{
  StewardTaskDraft *draft;

  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);

  draft = steward_task_draft_new (self->title);
  draft->notes = g_strdup (self->notes);
  draft->priority = self->priority;
  draft->category = self->category[0] != '\0' ? g_strdup (self->category) : NULL;
  draft->due = ref_or_null (self->due);
  draft->due_has_time = self->due_has_time;
  draft->rrule = g_strdup (self->rrule);
  draft->source = self->source;
  draft->source_ref = g_strdup (self->source_ref);

  return draft;
}

gint64
steward_task_get_id (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), 0);
  return self->id;
}

const char *
steward_task_get_title (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->title;
}

/* Markdown; "" for none */
const char *
steward_task_get_notes (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->notes;
}

StewardTaskStatus
steward_task_get_status (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), STEWARD_TASK_STATUS_TODO);
  return self->status;
}

StewardTaskPriority
steward_task_get_priority (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), STEWARD_TASK_PRIORITY_MEDIUM);
  return self->priority;
}

/* "" for none */
const char *
steward_task_get_category (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->category;
}

/**
 * steward_task_get_due:
 *
 * Returns: (nullable): see #StewardTask:due
 */
GDateTime *
steward_task_get_due (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->due;
}

gboolean
steward_task_get_due_has_time (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), FALSE);
  return self->due_has_time;
}

/* (nullable): an RRULE value */
const char *
steward_task_get_rrule (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->rrule;
}

/* Its place in its status' column, from 0 */
gint64
steward_task_get_position (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), 0);
  return self->position;
}

StewardTaskSource
steward_task_get_source (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), STEWARD_TASK_SOURCE_NONE);
  return self->source;
}

/* (nullable): see #StewardTaskDraft */
const char *
steward_task_get_source_ref (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->source_ref;
}

GDateTime *
steward_task_get_created_at (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->created_at;
}

GDateTime *
steward_task_get_updated_at (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->updated_at;
}

/* (nullable): when it was last moved to Done, while it is there */
GDateTime *
steward_task_get_completed_at (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->completed_at;
}

/* (nullable): when its reminder was shown for its present due */
GDateTime *
steward_task_get_reminded_at (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->reminded_at;
}
