/* steward-project.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-project"

#include "config.h"

#include "steward-project-private.h"

struct _StewardProject
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  char      *template;
  char      *brief;
  GDateTime *created_at;
  GDateTime *updated_at;
};

G_DEFINE_FINAL_TYPE (StewardProject, steward_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_TEMPLATE,
  PROP_BRIEF,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_project_finalize (GObject *object)
{
  StewardProject *self = (StewardProject *)object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->template, g_free);
  g_clear_pointer (&self->brief, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_project_parent_class)->finalize (object);
}

static void
steward_project_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardProject *self = STEWARD_PROJECT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_TEMPLATE:
      g_value_set_string (value, self->template);
      break;

    case PROP_BRIEF:
      g_value_set_string (value, self->brief);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_project_class_init (StewardProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_project_finalize;
  object_class->get_property = steward_project_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEMPLATE] =
    g_param_spec_string ("template", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_BRIEF] =
    g_param_spec_string ("brief", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_project_init (StewardProject *self)
{
}

StewardProject *
_steward_project_new (gint64      id,
                      const char *name,
                      const char *template,
                      const char *brief,
                      GDateTime  *created_at,
                      GDateTime  *updated_at)
{
  StewardProject *self;

  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (created_at != NULL, NULL);
  g_return_val_if_fail (updated_at != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_PROJECT, NULL);
  self->id = id;
  self->name = g_strdup (name);
  self->template = g_strdup (template ? template : "default");
  self->brief = g_strdup (brief ? brief : "");
  self->created_at = g_date_time_ref (created_at);
  self->updated_at = g_date_time_ref (updated_at);

  return self;
}

gint64
steward_project_get_id (StewardProject *self)
{
  g_return_val_if_fail (STEWARD_IS_PROJECT (self), 0);
  return self->id;
}

const char *
steward_project_get_name (StewardProject *self)
{
  g_return_val_if_fail (STEWARD_IS_PROJECT (self), NULL);
  return self->name;
}

const char *
steward_project_get_template (StewardProject *self)
{
  g_return_val_if_fail (STEWARD_IS_PROJECT (self), NULL);
  return self->template;
}

const char *
steward_project_get_brief (StewardProject *self)
{
  g_return_val_if_fail (STEWARD_IS_PROJECT (self), NULL);
  return self->brief;
}

GDateTime *
steward_project_get_created_at (StewardProject *self)
{
  g_return_val_if_fail (STEWARD_IS_PROJECT (self), NULL);
  return self->created_at;
}

GDateTime *
steward_project_get_updated_at (StewardProject *self)
{
  g_return_val_if_fail (STEWARD_IS_PROJECT (self), NULL);
  return self->updated_at;
}

static void
update_string (StewardProject  *self,
               char           **field,
               const char      *value,
               guint            prop_id)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
update_time (StewardProject  *self,
             GDateTime      **field,
             GDateTime       *value,
             guint            prop_id)
{
  if (g_date_time_equal (*field, value))
    return;

  g_date_time_unref (*field);
  *field = g_date_time_ref (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

/* Makes @self what @fresh (the same row read again) says, notifying
 * what changed: a project renamed in the list stays the same object. */
void
_steward_project_update (StewardProject *self,
                         StewardProject *fresh)
{
  g_return_if_fail (STEWARD_IS_PROJECT (self));
  g_return_if_fail (STEWARD_IS_PROJECT (fresh));
  g_return_if_fail (self->id == fresh->id);

  g_object_freeze_notify (G_OBJECT (self));
  update_string (self, &self->name, fresh->name, PROP_NAME);
  update_string (self, &self->template, fresh->template, PROP_TEMPLATE);
  update_string (self, &self->brief, fresh->brief, PROP_BRIEF);
  update_time (self, &self->created_at, fresh->created_at, PROP_CREATED_AT);
  update_time (self, &self->updated_at, fresh->updated_at, PROP_UPDATED_AT);
  g_object_thaw_notify (G_OBJECT (self));
}
