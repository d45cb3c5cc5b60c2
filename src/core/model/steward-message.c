/* steward-message.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-message"

#include "config.h"

#include <gio/gio.h>

#include "steward-attachment.h"
#include "steward-enum-types.h"
#include "steward-message-private.h"

/* One stored message. A reply that is streaming grows: its "content"
 * and "status" are notified as they change, so a view can show each
 * piece as it arrives (the new text is what follows the old length). */
struct _StewardMessage
{
  GObject    parent_instance;

  gint64     id;
  gint64     conversation_id;
  StewardMessageRole role;
  /* Grows piece by piece while a reply streams: appending is amortised
   * O(1), never a copy of the whole text. */
  GString   *content;
  StewardMessageStatus status;
  char      *error;
  char      *provider;
  char      *model;
  char      *tier;
  gint64     input_tokens;
  gint64     output_tokens;
  gint64     latency_ms;
  char      *tool_calls;
  GDateTime *created_at;
  /* Its place in the conversation's tree: as read last */
  gint64     parent_id;
  guint      alternative;
  guint      n_alternatives;
  gboolean   active;
  /* StewardAttachment, in order; NULL until asked for when it has none */
  GListStore *attachments;
};

G_DEFINE_FINAL_TYPE (StewardMessage, steward_message, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ROLE,
  PROP_CONTENT,
  PROP_STATUS,
  PROP_ERROR,
  PROP_ACTIVE,
  PROP_ALTERNATIVE,
  PROP_N_ALTERNATIVES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
steward_message_finalize (GObject *object)
{
  StewardMessage *self = (StewardMessage *)object;

  if (self->content != NULL)
    g_string_free (self->content, TRUE);
  g_free (self->error);
  g_free (self->provider);
  g_free (self->model);
  g_free (self->tier);
  g_free (self->tool_calls);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_clear_object (&self->attachments);

  G_OBJECT_CLASS (steward_message_parent_class)->finalize (object);
}

static void
steward_message_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  StewardMessage *self = STEWARD_MESSAGE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_ROLE:
      g_value_set_enum (value, self->role);
      break;

    case PROP_CONTENT:
      g_value_set_string (value, self->content->str);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_ALTERNATIVE:
      g_value_set_uint (value, self->alternative);
      break;

    case PROP_N_ALTERNATIVES:
      g_value_set_uint (value, self->n_alternatives);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_message_class_init (StewardMessageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_message_finalize;
  object_class->get_property = steward_message_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROLE] =
    g_param_spec_enum ("role", NULL, NULL,
                       STEWARD_TYPE_MESSAGE_ROLE, STEWARD_MESSAGE_ROLE_USER,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CONTENT] =
    g_param_spec_string ("content", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       STEWARD_TYPE_MESSAGE_STATUS, STEWARD_MESSAGE_STATUS_COMPLETE,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardMessage:active:
   *
   * Whether the message is on the path of its conversation that is
   * shown (and sent, searched, exported): an alternative the user
   * switched away from, and what follows it, are not.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", NULL, NULL, TRUE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardMessage:alternative:
   *
   * Which of the alternatives that follow the same message this one is,
   * counting from 1 in the order they were written (a regenerated reply
   * is the next).
   */
  properties[PROP_ALTERNATIVE] =
    g_param_spec_uint ("alternative", NULL, NULL, 1, G_MAXUINT, 1,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_N_ALTERNATIVES] =
    g_param_spec_uint ("n-alternatives", NULL, NULL, 1, G_MAXUINT, 1,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_message_init (StewardMessage *self)
{
  self->active = TRUE;
  self->alternative = 1;
  self->n_alternatives = 1;
}

StewardMessage *
_steward_message_new (const StewardMessageFields *f)
{
  StewardMessage *self = g_object_new (STEWARD_TYPE_MESSAGE, NULL);

  self->id = f->id;
  self->conversation_id = f->conversation_id;
  self->role = f->role;
  self->content = g_string_new (f->content ? f->content : "");
  self->status = f->status;
  self->error = g_strdup (f->error);
  self->provider = g_strdup (f->provider);
  self->model = g_strdup (f->model);
  self->tier = g_strdup (f->tier);
  self->input_tokens = f->input_tokens;
  self->output_tokens = f->output_tokens;
  self->latency_ms = f->latency_ms;
  self->tool_calls = g_strdup (f->tool_calls);
  self->created_at = f->created_at ? g_date_time_ref (f->created_at) : g_date_time_new_from_unix_utc (0);
  self->parent_id = f->parent_id;
  self->active = f->active;
  self->alternative = MAX (f->alternative, 1);
  self->n_alternatives = MAX (f->n_alternatives, self->alternative);
  if (f->attachments != NULL && f->attachments->len > 0)
    _steward_message_set_attachments (self, f->attachments);

  return self;
}

/* Attachments are linked once, right after their message is written:
 * the live object takes them when the store has linked them. */
void
_steward_message_set_attachments (StewardMessage *self,
                                  GPtrArray      *attachments)
{
  g_return_if_fail (STEWARD_IS_MESSAGE (self));
  g_return_if_fail (attachments != NULL);

  if (self->attachments == NULL)
    self->attachments = g_list_store_new (STEWARD_TYPE_ATTACHMENT);

  g_list_store_splice (self->attachments, 0, g_list_model_get_n_items (G_LIST_MODEL (self->attachments)),
                       attachments->pdata, attachments->len);
}

/**
 * steward_message_get_attachments:
 *
 * Returns: (transfer none): the #StewardAttachment list of the message,
 *   in the order they were attached; empty when it has none
 */
GListModel *
steward_message_get_attachments (StewardMessage *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE (self), NULL);

  if (self->attachments == NULL)
    self->attachments = g_list_store_new (STEWARD_TYPE_ATTACHMENT);

  return G_LIST_MODEL (self->attachments);
}

guint
steward_message_get_n_attachments (StewardMessage *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE (self), 0);

  return self->attachments != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->attachments)) : 0;
}

/* The live object @self takes the place in the tree that @read (the
 * same message, just read) says it has now: a new alternative beside
 * it, or a switch of branch. In the thread that owns the default main
 * context, where views listen. */
void
_steward_message_update_branch (StewardMessage *self,
                                StewardMessage *read)
{
  g_return_if_fail (STEWARD_IS_MESSAGE (self));
  g_return_if_fail (STEWARD_IS_MESSAGE (read));

  g_object_freeze_notify (G_OBJECT (self));

  self->parent_id = read->parent_id;

  if (self->active != read->active)
    {
      self->active = read->active;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
    }

  if (self->alternative != read->alternative)
    {
      self->alternative = read->alternative;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ALTERNATIVE]);
    }

  if (self->n_alternatives != read->n_alternatives)
    {
      self->n_alternatives = read->n_alternatives;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ALTERNATIVES]);
    }

  if (steward_message_get_n_attachments (read) != steward_message_get_n_attachments (self))
    {
      g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
      GListModel *read_attachments = steward_message_get_attachments (read);

      for (guint i = 0; i < g_list_model_get_n_items (read_attachments); i++)
        g_ptr_array_add (attachments, g_list_model_get_item (read_attachments, i));
      _steward_message_set_attachments (self, attachments);
    }

  g_object_thaw_notify (G_OBJECT (self));
}

void
_steward_message_append_content (StewardMessage *self,
                                 const char     *text)
{
  g_return_if_fail (STEWARD_IS_MESSAGE (self));

  if (text == NULL || text[0] == '\0')
    return;

  g_string_append (self->content, text);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTENT]);
}

static void
replace_str (char       **field,
             const char  *value)
{
  if (value != NULL && g_strcmp0 (*field, value) != 0)
    {
      g_free (*field);
      *field = g_strdup (value);
    }
}

void
_steward_message_finish (StewardMessage       *self,
                         StewardMessageStatus  status,
                         const char     *error,
                         gint64          input_tokens,
                         gint64          output_tokens,
                         gint64          latency_ms,
                         const char     *model,
                         const char     *tool_calls)
{
  g_return_if_fail (STEWARD_IS_MESSAGE (self));

  if (input_tokens >= 0)
    self->input_tokens = input_tokens;
  if (output_tokens >= 0)
    self->output_tokens = output_tokens;
  if (latency_ms >= 0)
    self->latency_ms = latency_ms;
  if (self->model == NULL)
    replace_str (&self->model, model);
  replace_str (&self->tool_calls, tool_calls);

  if (g_strcmp0 (self->error, error) != 0)
    {
      g_free (self->error);
      self->error = g_strdup (error);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
    }

  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
    }
}

#define GETTER(type, name, fallback) \
  type \
  steward_message_get_##name (StewardMessage *self) \
  { \
    g_return_val_if_fail (STEWARD_IS_MESSAGE (self), fallback); \
    return self->name; \
  }

GETTER (gint64, id, 0)
GETTER (gint64, conversation_id, 0)
GETTER (StewardMessageRole, role, STEWARD_MESSAGE_ROLE_USER)
GETTER (StewardMessageStatus, status, STEWARD_MESSAGE_STATUS_COMPLETE)
GETTER (const char *, error, NULL)
GETTER (const char *, provider, NULL)
GETTER (const char *, model, NULL)
GETTER (const char *, tier, NULL)
GETTER (gint64, input_tokens, -1)
GETTER (gint64, output_tokens, -1)
GETTER (gint64, latency_ms, -1)
GETTER (const char *, tool_calls, NULL)
GETTER (GDateTime *, created_at, NULL)
GETTER (gint64, parent_id, 0)
GETTER (gboolean, active, FALSE)
GETTER (guint, alternative, 1)
GETTER (guint, n_alternatives, 1)

#undef GETTER

const char *
steward_message_get_content (StewardMessage *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE (self), NULL);

  return self->content->str;
}
