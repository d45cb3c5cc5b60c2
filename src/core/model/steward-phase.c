/* steward-phase.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-phase-private.h"

/* One phase of a document project, as the store last read it. A list of
 * a project's phases (steward_store_watch_phases()) updates it in place
 * when its row changes (_steward_phase_update()), so the editor's phase
 * row bound to it follows. */

struct _StewardPhase
{
  GObject             parent_instance;

  gint64              id;
  gint64              project_id;
  guint               position;
  char               *title;
  char               *instructions;
  char               *content;
  StewardPhaseStatus  status;
  GDateTime          *created_at;
  GDateTime          *updated_at;
  GDateTime          *autosaved_at;
};

G_DEFINE_FINAL_TYPE (StewardPhase, steward_phase, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROJECT_ID,
  PROP_POSITION,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_INSTRUCTIONS,
  PROP_CONTENT,
  PROP_STATUS,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_AUTOSAVED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_phase_finalize (GObject *object)
{
  StewardPhase *self = (StewardPhase *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->instructions, g_free);
  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);
  g_clear_pointer (&self->autosaved_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_phase_parent_class)->finalize (object);
}

static void
steward_phase_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  StewardPhase *self = STEWARD_PHASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PROJECT_ID:
      g_value_set_int64 (value, self->project_id);
      break;

    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->position + 1);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_INSTRUCTIONS:
      g_value_set_string (value, self->instructions);
      break;

    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    case PROP_AUTOSAVED_AT:
      g_value_set_boxed (value, self->autosaved_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_phase_class_init (StewardPhaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_phase_finalize;
  object_class->get_property = steward_phase_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROJECT_ID] = g_param_spec_int64 ("project-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_POSITION] = g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT - 1, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 1, G_MAXUINT, 1, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_INSTRUCTIONS] = g_param_spec_string ("instructions", NULL, NULL, NULL, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, NULL, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       STEWARD_TYPE_PHASE_STATUS, STEWARD_PHASE_STATUS_NOT_STARTED, flags);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_UPDATED_AT] = g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME, flags);
  properties[PROP_AUTOSAVED_AT] = g_param_spec_boxed ("autosaved-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_phase_init (StewardPhase *self)
{
}

StewardPhase *
_steward_phase_new (gint64                   id,
                    gint64                   project_id,
                    guint                    position,
                    const char              *title,
                    const char              *instructions,
                    const char              *content,
                    StewardPhaseStatus       status,
                    const StewardPhaseTimes *times)
{
  StewardPhase *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (times != NULL, NULL);
  g_return_val_if_fail (times->created_at != NULL, NULL);
  g_return_val_if_fail (times->updated_at != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_PHASE, NULL);
  self->id = id;
  self->project_id = project_id;
  self->position = position;
  self->title = g_strdup (title);
  self->instructions = g_strdup (instructions ? instructions : "");
  self->content = g_strdup (content ? content : "");
  self->status = status;
  self->created_at = g_date_time_ref (times->created_at);
  self->updated_at = g_date_time_ref (times->updated_at);
  self->autosaved_at = times->autosaved_at ? g_date_time_ref (times->autosaved_at) : NULL;

  return self;
}

static void
update_string (StewardPhase  *self,
               char         **field,
               const char    *value,
               guint          prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_time (StewardPhase  *self,
             GDateTime    **field,
             GDateTime     *value,
             guint          prop_id)
{
  if (*field == value || (*field != NULL && value != NULL && g_date_time_equal (*field, value)))
    return;

  g_clear_pointer (field, g_date_time_unref);
  *field = value ? g_date_time_ref (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

void
_steward_phase_update (StewardPhase *self,
                       StewardPhase *fresh)
{
  g_return_if_fail (STEWARD_IS_PHASE (self));
  g_return_if_fail (STEWARD_IS_PHASE (fresh));
  g_return_if_fail (self->id == fresh->id);

  g_object_freeze_notify (G_OBJECT (self));

  if (self->position != fresh->position)
    {
      self->position = fresh->position;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NUMBER]);
    }

  update_string (self, &self->title, fresh->title, PROP_TITLE);
  update_string (self, &self->instructions, fresh->instructions, PROP_INSTRUCTIONS);
  update_string (self, &self->content, fresh->content, PROP_CONTENT);

  if (self->status != fresh->status)
    {
      self->status = fresh->status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }

  update_time (self, &self->created_at, fresh->created_at, PROP_CREATED_AT);
  update_time (self, &self->updated_at, fresh->updated_at, PROP_UPDATED_AT);
  update_time (self, &self->autosaved_at, fresh->autosaved_at, PROP_AUTOSAVED_AT);

  g_object_thaw_notify (G_OBJECT (self));
}

gint64
steward_phase_get_id (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), 0);
  return self->id;
}

gint64
steward_phase_get_project_id (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), 0);
  return self->project_id;
}

guint
steward_phase_get_position (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), 0);
  return self->position;
}

guint
steward_phase_get_number (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), 0);
  return self->position + 1;
}

const char *
steward_phase_get_title (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), NULL);
  return self->title;
}

const char *
steward_phase_get_instructions (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), NULL);
  return self->instructions;
}

const char *
steward_phase_get_content (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), NULL);
  return self->content;
}

StewardPhaseStatus
steward_phase_get_status (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), 0);
  return self->status;
}

GDateTime *
steward_phase_get_created_at (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), NULL);
  return self->created_at;
}

GDateTime *
steward_phase_get_updated_at (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), NULL);
  return self->updated_at;
}

GDateTime *
steward_phase_get_autosaved_at (StewardPhase *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE (self), NULL);
  return self->autosaved_at;
}
