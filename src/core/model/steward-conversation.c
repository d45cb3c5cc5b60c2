/* steward-conversation.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-conversation"

#include "config.h"

#include "steward-conversation-private.h"

struct _StewardConversation
{
  GObject    parent_instance;

  gint64     id;
  char      *title;
  GDateTime *created_at;
  GDateTime *updated_at;
  guint      message_count;
  /* Begun in quick chat, and not continued in the main window */
  guint      quick : 1;
};

G_DEFINE_FINAL_TYPE (StewardConversation, steward_conversation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_MESSAGE_COUNT,
  PROP_QUICK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_conversation_finalize (GObject *object)
{
  StewardConversation *self = (StewardConversation *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_pointer (&self->updated_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_conversation_parent_class)->finalize (object);
}

static void
steward_conversation_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardConversation *self = STEWARD_CONVERSATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_boxed (value, self->updated_at);
      break;

    case PROP_MESSAGE_COUNT:
      g_value_set_uint (value, self->message_count);
      break;

    case PROP_QUICK:
      g_value_set_boolean (value, self->quick);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_conversation_class_init (StewardConversationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_conversation_finalize;
  object_class->get_property = steward_conversation_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_UPDATED_AT] =
    g_param_spec_boxed ("updated-at", NULL, NULL,
                        G_TYPE_DATE_TIME,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE_COUNT] =
    g_param_spec_uint ("message-count", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_QUICK] =
    g_param_spec_boolean ("quick", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_conversation_init (StewardConversation *self)
{
}

StewardConversation *
_steward_conversation_new (gint64      id,
                           const char *title,
                           GDateTime  *created_at,
                           GDateTime  *updated_at,
                           guint       message_count,
                           gboolean    quick)
{
  StewardConversation *self;

  g_return_val_if_fail (created_at != NULL, NULL);
  g_return_val_if_fail (updated_at != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_CONVERSATION, NULL);
  self->id = id;
  self->title = g_strdup (title ? title : "");
  self->created_at = g_date_time_ref (created_at);
  self->updated_at = g_date_time_ref (updated_at);
  self->message_count = message_count;
  self->quick = !!quick;

  return self;
}

gint64
steward_conversation_get_id (StewardConversation *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION (self), 0);

  return self->id;
}

const char *
steward_conversation_get_title (StewardConversation *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION (self), NULL);

  return self->title;
}

GDateTime *
steward_conversation_get_created_at (StewardConversation *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION (self), NULL);

  return self->created_at;
}

GDateTime *
steward_conversation_get_updated_at (StewardConversation *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION (self), NULL);

  return self->updated_at;
}

guint
steward_conversation_get_message_count (StewardConversation *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION (self), 0);

  return self->message_count;
}

gboolean
steward_conversation_get_quick (StewardConversation *self)
{
  g_return_val_if_fail (STEWARD_IS_CONVERSATION (self), FALSE);

  return self->quick;
}

/* Takes @from's title, time, count and quick mark (the same conversation read
 * again), telling of each that changed: a list updates a row in place
 * rather than replacing it. */
void
_steward_conversation_update (StewardConversation *self,
                              StewardConversation *from)
{
  g_return_if_fail (STEWARD_IS_CONVERSATION (self));
  g_return_if_fail (STEWARD_IS_CONVERSATION (from));
  g_return_if_fail (self->id == from->id);

  g_object_freeze_notify (G_OBJECT (self));

  if (g_strcmp0 (self->title, from->title) != 0)
    {
      g_free (self->title);
      self->title = g_strdup (from->title);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
    }

  if (!g_date_time_equal (self->updated_at, from->updated_at))
    {
      g_date_time_unref (self->updated_at);
      self->updated_at = g_date_time_ref (from->updated_at);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
    }

  if (self->message_count != from->message_count)
    {
      self->message_count = from->message_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE_COUNT]);
    }

  if (self->quick != from->quick)
    {
      self->quick = from->quick;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUICK]);
    }

  g_object_thaw_notify (G_OBJECT (self));
}
