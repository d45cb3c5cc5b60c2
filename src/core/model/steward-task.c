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

struct _StewardTask
{
  GObject    parent_instance;

  gint64     id;
  char      *title;
  StewardTaskStatus   status;
  StewardTaskPriority priority;
  char      *category;
  GDateTime *due;
  gint64     position;
  GDateTime *created_at;
};

G_DEFINE_FINAL_TYPE (StewardTask, steward_task, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_STATUS,
  PROP_PRIORITY,
  PROP_CATEGORY,
  PROP_DUE,
  PROP_POSITION,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_task_finalize (GObject *object)
{
  StewardTask *self = (StewardTask *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->due, g_date_time_unref);
  g_clear_pointer (&self->created_at, g_date_time_unref);

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

    case PROP_POSITION:
      g_value_set_int64 (value, self->position);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
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
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       STEWARD_TYPE_TASK_STATUS, STEWARD_TASK_STATUS_TODO,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL,
                       STEWARD_TYPE_TASK_PRIORITY, STEWARD_TASK_PRIORITY_MEDIUM,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_DUE] =
    g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_POSITION] =
    g_param_spec_int64 ("position", NULL, NULL,
                        G_MININT64, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_task_init (StewardTask *self)
{
}

StewardTask *
_steward_task_new (gint64               id,
                   const char          *title,
                   StewardTaskStatus    status,
                   StewardTaskPriority  priority,
                   const char *category,
                   GDateTime  *due,
                   gint64      position,
                   GDateTime  *created_at)
{
  StewardTask *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (created_at != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_TASK, NULL);
  self->id = id;
  self->title = g_strdup (title);
  self->status = status;
  self->priority = priority;
  self->category = g_strdup (category ? category : "");
  self->due = due ? g_date_time_ref (due) : NULL;
  self->position = position;
  self->created_at = g_date_time_ref (created_at);

  return self;
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

const char *
steward_task_get_category (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->category;
}

GDateTime *
steward_task_get_due (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->due;
}

gint64
steward_task_get_position (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), 0);
  return self->position;
}

GDateTime *
steward_task_get_created_at (StewardTask *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK (self), NULL);
  return self->created_at;
}
