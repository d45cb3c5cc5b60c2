/* steward-phase-version.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-phase-version"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-phase-version-private.h"

/* One kept version of a phase's content. Versions never change once
 * kept, except the one a draft grows into while it streams. */

struct _StewardPhaseVersion
{
  GObject               parent_instance;

  gint64                id;
  gint64                phase_id;
  guint                 number;
  StewardVersionReason  reason;
  char                 *content;
  GDateTime            *created_at;
};

G_DEFINE_FINAL_TYPE (StewardPhaseVersion, steward_phase_version, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PHASE_ID,
  PROP_NUMBER,
  PROP_REASON,
  PROP_CONTENT,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_phase_version_finalize (GObject *object)
{
  StewardPhaseVersion *self = (StewardPhaseVersion *)object;

  g_clear_pointer (&self->content, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_phase_version_parent_class)->finalize (object);
}

static void
steward_phase_version_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StewardPhaseVersion *self = STEWARD_PHASE_VERSION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PHASE_ID:
      g_value_set_int64 (value, self->phase_id);
      break;

    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;

    case PROP_REASON:
      g_value_set_enum (value, self->reason);
      break;

    case PROP_CONTENT:
      g_value_set_string (value, self->content);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_phase_version_class_init (StewardPhaseVersionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = steward_phase_version_finalize;
  object_class->get_property = steward_phase_version_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PHASE_ID] = g_param_spec_int64 ("phase-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_NUMBER] = g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 1, flags);
  properties[PROP_REASON] =
    g_param_spec_enum ("reason", NULL, NULL,
                       STEWARD_TYPE_VERSION_REASON, STEWARD_VERSION_REASON_SAVED, flags);
  properties[PROP_CONTENT] = g_param_spec_string ("content", NULL, NULL, NULL, flags);
  properties[PROP_CREATED_AT] = g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_phase_version_init (StewardPhaseVersion *self)
{
}

StewardPhaseVersion *
_steward_phase_version_new (gint64                id,
                            gint64                phase_id,
                            guint                 number,
                            StewardVersionReason  reason,
                            const char           *content,
                            GDateTime            *created_at)
{
  StewardPhaseVersion *self;

  g_return_val_if_fail (created_at != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_PHASE_VERSION, NULL);
  self->id = id;
  self->phase_id = phase_id;
  self->number = number;
  self->reason = reason;
  self->content = g_strdup (content ? content : "");
  self->created_at = g_date_time_ref (created_at);

  return self;
}

gint64
steward_phase_version_get_id (StewardPhaseVersion *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_VERSION (self), 0);
  return self->id;
}

gint64
steward_phase_version_get_phase_id (StewardPhaseVersion *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_VERSION (self), 0);
  return self->phase_id;
}

guint
steward_phase_version_get_number (StewardPhaseVersion *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_VERSION (self), 0);
  return self->number;
}

StewardVersionReason
steward_phase_version_get_reason (StewardPhaseVersion *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_VERSION (self), 0);
  return self->reason;
}

GDateTime *
steward_phase_version_get_created_at (StewardPhaseVersion *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_VERSION (self), NULL);
  return self->created_at;
}

const char *
steward_phase_version_get_content (StewardPhaseVersion *self)
{
  g_return_val_if_fail (STEWARD_IS_PHASE_VERSION (self), NULL);
  return self->content;
}
