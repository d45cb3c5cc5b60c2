/* steward-memory.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-memory"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-memory-private.h"

/* A fact or preference about the user, as stored. */
struct _StewardMemory
{
  GObject    parent_instance;

  gint64     id;
  char      *text;
  StewardMemoryOrigin origin;
  gint64     source_message_id;
  GDateTime *created_at;
  gboolean   pinned;
};

G_DEFINE_FINAL_TYPE (StewardMemory, steward_memory, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_PINNED,
  PROP_ORIGIN,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_memory_finalize (GObject *object)
{
  StewardMemory *self = (StewardMemory *)object;

  g_free (self->text);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_memory_parent_class)->finalize (object);
}

static void
steward_memory_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  StewardMemory *self = STEWARD_MEMORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;

    case PROP_PINNED:
      g_value_set_boolean (value, self->pinned);
      break;

    case PROP_ORIGIN:
      g_value_set_enum (value, self->origin);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_memory_class_init (StewardMemoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_memory_finalize;
  object_class->get_property = steward_memory_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_PINNED] =
    g_param_spec_boolean ("pinned", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ORIGIN] =
    g_param_spec_enum ("origin", NULL, NULL,
                       STEWARD_TYPE_MEMORY_ORIGIN, STEWARD_MEMORY_ORIGIN_USER,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_memory_init (StewardMemory *self)
{
}

StewardMemory *
_steward_memory_new (gint64               id,
                     const char          *text,
                     gboolean             pinned,
                     StewardMemoryOrigin  origin,
                     gint64      source_message_id,
                     GDateTime  *created_at)
{
  StewardMemory *self = g_object_new (STEWARD_TYPE_MEMORY, NULL);

  self->id = id;
  self->text = g_strdup (text ? text : "");
  self->pinned = !!pinned;
  self->origin = origin;
  self->source_message_id = source_message_id;
  self->created_at = created_at ? g_date_time_ref (created_at) : g_date_time_new_from_unix_utc (0);

  return self;
}

gint64
steward_memory_get_id (StewardMemory *self)
{
  g_return_val_if_fail (STEWARD_IS_MEMORY (self), 0);
  return self->id;
}

const char *
steward_memory_get_text (StewardMemory *self)
{
  g_return_val_if_fail (STEWARD_IS_MEMORY (self), NULL);
  return self->text;
}

gboolean
steward_memory_get_pinned (StewardMemory *self)
{
  g_return_val_if_fail (STEWARD_IS_MEMORY (self), FALSE);
  return self->pinned;
}

StewardMemoryOrigin
steward_memory_get_origin (StewardMemory *self)
{
  g_return_val_if_fail (STEWARD_IS_MEMORY (self), STEWARD_MEMORY_ORIGIN_USER);
  return self->origin;
}

gint64
steward_memory_get_source_message_id (StewardMemory *self)
{
  g_return_val_if_fail (STEWARD_IS_MEMORY (self), 0);
  return self->source_message_id;
}

GDateTime *
steward_memory_get_created_at (StewardMemory *self)
{
  g_return_val_if_fail (STEWARD_IS_MEMORY (self), NULL);
  return self->created_at;
}
