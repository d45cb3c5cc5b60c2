/* steward-message-list.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-message-list"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-message-list.h"

/* The messages of one conversation that a view shows: a window of them,
 * however long the conversation or the session. It opens on the end,
 * grows a step at a time towards where the view scrolls and lets go of
 * the far end beyond STEWARD_MESSAGE_LIST_MAX, so memory stays flat.
 *
 * It shows the conversation's path, the branch chosen (see
 * steward-store-branches.c), whose ids grow along it, so a window is a
 * range of ids. It follows the source's "row-changed::messages": a
 * message written to the conversation is appended when the window
 * reaches the end; a deleted one goes, and so does one that left the
 * path, while one that joined it comes in at its place. The source hands out one object per message while
 * any is alive, so a reply being written is the object the chat turn
 * adds text to: its changes need no reading and no new row. */

struct _StewardMessageList
{
  GObject                         parent_instance;

  GObject                        *source;
  const StewardMessageListSource *functions;
  gint64                          conversation_id;
  /* StewardMessage, oldest first */
  GPtrArray                      *items;
  gulong                          messages_id;
  gulong                          conversations_id;
  gulong                          external_id;
  /* While the end is read in a worker: the changes told meanwhile */
  GArray                         *pending;
  guint                           loading : 1;
  guint                           has_earlier : 1;
  guint                           has_later : 1;
};

typedef struct
{
  StewardRowChange change;
  gint64           id;
} PendingChange;

static void list_model_iface_init (GListModelInterface *iface);
static void message_changed_cb    (GObject            *source,
                                   StewardRowChange    change,
                                   gint64              id,
                                   gint64              conversation_id,
                                   StewardMessageList *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardMessageList, steward_message_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_CONVERSATION_ID,
  PROP_HAS_EARLIER,
  PROP_HAS_LATER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return STEWARD_TYPE_MESSAGE;
}

static guint
get_n_items (GListModel *model)
{
  return STEWARD_MESSAGE_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StewardMessageList *self = STEWARD_MESSAGE_LIST (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static gint64
id_at (StewardMessageList *self,
       guint               position)
{
  return steward_message_get_id (g_ptr_array_index (self->items, position));
}

static void
set_has_earlier (StewardMessageList *self,
                 gboolean            has_earlier)
{
  if (self->has_earlier == !!has_earlier)
    return;

  self->has_earlier = !!has_earlier;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_EARLIER]);
}

static void
set_has_later (StewardMessageList *self,
               gboolean            has_later)
{
  if (self->has_later == !!has_later)
    return;

  self->has_later = !!has_later;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_LATER]);
}

/* Replaces @n_removed items at @position by @rows' items from @skip on,
 * at most @count of them. */
static void
splice (StewardMessageList *self,
        guint               position,
        guint               n_removed,
        GListModel         *rows,
        guint               skip,
        guint               count)
{
  guint n_rows = rows ? g_list_model_get_n_items (rows) : 0;
  guint added = 0;

  if (n_removed > 0)
    g_ptr_array_remove_range (self->items, position, n_removed);

  for (guint i = skip; i < n_rows && added < count; i++, added++)
    g_ptr_array_insert (self->items, position + added, g_list_model_get_item (rows, i));

  if (n_removed > 0 || added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, n_removed, added);
}

/**
 * steward_message_list_find:
 * @position: (out) (optional): where the message is
 *
 * Returns: whether the window holds @message_id
 */
gboolean
steward_message_list_find (StewardMessageList *self,
                           gint64              message_id,
                           guint              *position)
{
  guint low = 0;
  guint high;

  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  high = self->items->len;
  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      gint64 id = id_at (self, middle);

      if (id == message_id)
        {
          if (position != NULL)
            *position = middle;
          return TRUE;
        }

      if (id < message_id)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

/* Lets go of what is before the last @keep items. */
void
steward_message_list_release_earlier (StewardMessageList *self,
                                      guint               keep)
{
  guint n_items;

  g_return_if_fail (STEWARD_IS_MESSAGE_LIST (self));

  n_items = self->items->len;
  if (n_items <= keep)
    return;

  splice (self, 0, n_items - keep, NULL, 0, 0);
  set_has_earlier (self, TRUE);
}

/* Lets go of what is after the first @keep items. */
static void
release_later (StewardMessageList *self,
               guint               keep)
{
  guint n_items = self->items->len;

  if (n_items <= keep)
    return;

  splice (self, keep, n_items - keep, NULL, 0, 0);
  set_has_later (self, TRUE);
}

/* The window becomes @rows (the end, and one before it if there is) */
static void
show_end (StewardMessageList *self,
          GListModel         *rows)
{
  guint n_rows = g_list_model_get_n_items (rows);
  gboolean more = n_rows > STEWARD_MESSAGE_LIST_STEP;

  splice (self, 0, self->items->len, rows, more ? 1 : 0, G_MAXUINT);
  set_has_earlier (self, more);
  set_has_later (self, FALSE);
}

/**
 * steward_message_list_load_end:
 *
 * Shows the end of the conversation: its last STEWARD_MESSAGE_LIST_STEP
 * messages, unless the window already reaches the end.
 *
 * Returns: whether the messages could be read
 */
gboolean
steward_message_list_load_end (StewardMessageList  *self,
                               GError             **error)
{
  g_autoptr(GListModel) rows = NULL;

  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  if (self->items->len > 0 && !self->has_later)
    return TRUE;

  if (self->conversation_id == 0)
    return TRUE;

  if (!(rows = self->functions->list_before (self->source, self->conversation_id, 0,
                                             STEWARD_MESSAGE_LIST_STEP + 1, error)))
    return FALSE;

  show_end (self, rows);

  return TRUE;
}

static void
load_end_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardMessageList *self = g_task_get_source_object (task);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GArray) pending = NULL;
  GError *error = NULL;

  rows = self->functions->list_before_finish (object, result, &error);

  self->loading = FALSE;
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  if (rows == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  show_end (self, rows);

  /* What was written meanwhile; what the worker read already is found
   * in the window and left alone. */
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingChange *change = &g_array_index (pending, PendingChange, i);

      message_changed_cb (self->source, change->change, change->id, self->conversation_id, self);
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * steward_message_list_load_end_async:
 *
 * Shows the end of the conversation as steward_message_list_load_end()
 * does, reading it in a worker thread if the source can.
 */
void
steward_message_list_load_end_async (StewardMessageList  *self,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  GError *error = NULL;

  g_return_if_fail (STEWARD_IS_MESSAGE_LIST (self));
  g_return_if_fail (!self->loading);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_message_list_load_end_async);

  if (self->functions->list_before_async == NULL ||
      self->conversation_id == 0 ||
      (self->items->len > 0 && !self->has_later))
    {
      if (steward_message_list_load_end (self, &error))
        g_task_return_boolean (task, TRUE);
      else
        g_task_return_error (task, error);
      return;
    }

  self->loading = TRUE;
  self->functions->list_before_async (self->source, self->conversation_id, 0,
                                      STEWARD_MESSAGE_LIST_STEP + 1, cancellable,
                                      load_end_cb, g_steal_pointer (&task));
}

gboolean
steward_message_list_load_end_finish (StewardMessageList  *self,
                                      GAsyncResult        *result,
                                      GError             **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * steward_message_list_load_earlier:
 *
 * Loads a step of messages before the window (the view scrolled near its
 * top), letting go of the window's end beyond STEWARD_MESSAGE_LIST_MAX.
 *
 * Returns: whether the messages could be read
 */
gboolean
steward_message_list_load_earlier (StewardMessageList  *self,
                                   GError             **error)
{
  g_autoptr(GListModel) rows = NULL;
  guint n_rows;
  gboolean more;

  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  if (!self->has_earlier || self->items->len == 0)
    return TRUE;

  if (!(rows = self->functions->list_before (self->source, self->conversation_id, id_at (self, 0),
                                             STEWARD_MESSAGE_LIST_STEP + 1, error)))
    return FALSE;

  n_rows = g_list_model_get_n_items (rows);
  more = n_rows > STEWARD_MESSAGE_LIST_STEP;
  /* The far end first, so the list never holds more than the most. */
  release_later (self, STEWARD_MESSAGE_LIST_MAX - MIN (n_rows, STEWARD_MESSAGE_LIST_STEP));
  splice (self, 0, 0, rows, more ? 1 : 0, G_MAXUINT);
  set_has_earlier (self, more);

  return TRUE;
}

/**
 * steward_message_list_load_later:
 *
 * Loads a step of messages after the window (the view scrolled near its
 * bottom, after earlier messages were loaded), letting go of the
 * window's start beyond STEWARD_MESSAGE_LIST_MAX.
 *
 * Returns: whether the messages could be read
 */
gboolean
steward_message_list_load_later (StewardMessageList  *self,
                                 GError             **error)
{
  g_autoptr(GListModel) rows = NULL;
  guint n_rows;
  gboolean more;

  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  if (!self->has_later || self->items->len == 0)
    return TRUE;

  if (!(rows = self->functions->list_after (self->source, self->conversation_id,
                                            id_at (self, self->items->len - 1),
                                            STEWARD_MESSAGE_LIST_STEP + 1, error)))
    return FALSE;

  n_rows = g_list_model_get_n_items (rows);
  more = n_rows > STEWARD_MESSAGE_LIST_STEP;
  steward_message_list_release_earlier (self, STEWARD_MESSAGE_LIST_MAX - MIN (n_rows, STEWARD_MESSAGE_LIST_STEP));
  splice (self, self->items->len, 0, rows, 0, STEWARD_MESSAGE_LIST_STEP);
  set_has_later (self, more);

  return TRUE;
}

/**
 * steward_message_list_load_around:
 * @position: (out) (optional): where the message is in the window
 *
 * Makes the window hold @message_id (a search result's), with messages
 * on both sides of it.
 *
 * Returns: whether the conversation has the message; %FALSE with @error
 *   unset if it has not
 */
gboolean
steward_message_list_load_around (StewardMessageList  *self,
                                  gint64               message_id,
                                  guint               *position,
                                  GError             **error)
{
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(StewardMessage) first = NULL;
  guint half = STEWARD_MESSAGE_LIST_STEP / 2;
  guint n_before;
  guint n_after;

  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  if (steward_message_list_find (self, message_id, position))
    return TRUE;

  if (self->conversation_id == 0)
    return FALSE;

  /* From the message on, and what comes before it. */
  if (!(after = self->functions->list_after (self->source, self->conversation_id, message_id - 1,
                                             half + 1, error)))
    return FALSE;
  if (!(first = g_list_model_get_item (after, 0)) || steward_message_get_id (first) != message_id)
    return FALSE;
  if (!(before = self->functions->list_before (self->source, self->conversation_id, message_id,
                                               half + 1, error)))
    return FALSE;

  n_before = g_list_model_get_n_items (before);
  n_after = g_list_model_get_n_items (after);

  splice (self, 0, self->items->len, before, n_before > half ? 1 : 0, G_MAXUINT);
  splice (self, self->items->len, 0, after, 0, half);
  set_has_earlier (self, n_before > half);
  set_has_later (self, n_after > half);

  return steward_message_list_find (self, message_id, position);
}

/**
 * steward_message_list_find_prompt:
 *
 * Finds the user's message that @reply_id answers: the last user message
 * before it, loaded or not.
 *
 * Returns: (transfer full) (nullable): the message, or %NULL (with
 *   @error set if the conversation could not be read)
 */
StewardMessage *
steward_message_list_find_prompt (StewardMessageList  *self,
                                  gint64               reply_id,
                                  GError             **error)
{
  g_autoptr(GListModel) rows = NULL;
  guint position;
  guint n_rows;

  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), NULL);

  if (steward_message_list_find (self, reply_id, &position))
    {
      while (position > 0)
        {
          StewardMessage *message = g_ptr_array_index (self->items, --position);

          if (steward_message_get_role (message) == STEWARD_MESSAGE_ROLE_USER)
            return g_object_ref (message);
        }
    }

  /* Before the window. */
  if (!(rows = self->functions->list_before (self->source, self->conversation_id, reply_id,
                                             STEWARD_MESSAGE_LIST_STEP, error)))
    return NULL;

  n_rows = g_list_model_get_n_items (rows);
  for (guint i = n_rows; i > 0; i--)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (rows, i - 1);

      if (steward_message_get_role (message) == STEWARD_MESSAGE_ROLE_USER)
        return g_steal_pointer (&message);
    }

  return NULL;
}

/**
 * steward_message_list_delete_from:
 *
 * Deletes @message_id and everything that follows it (what "Edit and
 * resend" replaces); the window loses them as the source tells it.
 *
 * Returns: whether they were deleted
 */
gboolean
steward_message_list_delete_from (StewardMessageList  *self,
                                  gint64               message_id,
                                  GError             **error)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  return self->functions->delete_from (self->source, message_id, error);
}

/* Whether a message of the path with @id would be in the window: the
 * path's ids grow along it. A window at the end that a switch of branch
 * emptied takes what joins the path, and reads what comes before when
 * scrolled to. */
static gboolean
could_join (StewardMessageList *self,
            gint64              id)
{
  guint n_items = self->items->len;

  if (n_items == 0)
    return !self->has_later;

  return (!self->has_earlier || id > id_at (self, 0)) &&
         (!self->has_later || id < id_at (self, n_items - 1));
}

static void
message_changed_cb (GObject            *source,
                    StewardRowChange    change,
                    gint64              id,
                    gint64              conversation_id,
                    StewardMessageList *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardMessage) message = NULL;
  gboolean in_window;
  guint position;

  if (conversation_id != self->conversation_id)
    return;

  if (self->loading)
    {
      PendingChange pending = { change, id };

      g_array_append_val (self->pending, pending);
      return;
    }

  if (change == STEWARD_ROW_REMOVED)
    {
      if (steward_message_list_find (self, id, &position))
        splice (self, position, 1, NULL, 0, 0);
      return;
    }

  /* A new message past the window's end stays out of it. */
  if (change == STEWARD_ROW_INSERTED && self->has_later)
    return;
  /* A message that changed outside the window concerns it only if it
   * joined the path shown where the window is. */
  in_window = steward_message_list_find (self, id, &position);
  if (change == STEWARD_ROW_CHANGED && !in_window && !could_join (self, id))
    return;

  if (!(message = self->functions->find (self->source, id, &error)))
    {
      if (!self->functions->is_not_found (error))
        g_warning ("Could not read a changed message: %s", error->message);
      return;
    }

  /* Another branch was chosen: the message left the path. */
  if (!steward_message_get_active (message))
    {
      if (in_window)
        splice (self, position, 1, NULL, 0, 0);
      return;
    }

  if (change == STEWARD_ROW_CHANGED && in_window)
    {
      /* The same object: it told its own views what changed. */
      if (g_ptr_array_index (self->items, position) == message)
        return;

      {
        StewardMessage *old = g_ptr_array_index (self->items, position);

        g_ptr_array_index (self->items, position) = g_steal_pointer (&message);
        g_object_unref (old);
      }
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
      return;
    }

  if (steward_message_list_find (self, id, NULL))
    return;

  /* Ids grow as messages are written: a new one goes last, mostly. */
  position = self->items->len;
  while (position > 0 && id_at (self, position - 1) > id)
    position--;

  g_ptr_array_insert (self->items, position, g_steal_pointer (&message));
  g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
}

/* Another process wrote to the store: what it added at the end of the
 * conversation joins a window that reaches the end. */
static void
external_change_cb (GObject            *source,
                    StewardMessageList *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->has_later || self->items->len == 0)
    return;

  self->has_later = TRUE;
  if (!steward_message_list_load_later (self, &error))
    g_debug ("Could not read the conversation again: %s", error->message);
}

static void
conversation_changed_cb (GObject            *source,
                         StewardRowChange    change,
                         gint64              id,
                         gint64              parent_id,
                         StewardMessageList *self)
{
  if (change != STEWARD_ROW_REMOVED || id != self->conversation_id)
    return;

  splice (self, 0, self->items->len, NULL, 0, 0);
  set_has_earlier (self, FALSE);
  set_has_later (self, FALSE);
}

static void
steward_message_list_dispose (GObject *object)
{
  StewardMessageList *self = (StewardMessageList *)object;

  if (self->source != NULL)
    {
      g_clear_signal_handler (&self->messages_id, self->source);
      g_clear_signal_handler (&self->conversations_id, self->source);
      g_clear_signal_handler (&self->external_id, self->source);
    }
  g_clear_object (&self->source);

  G_OBJECT_CLASS (steward_message_list_parent_class)->dispose (object);
}

static void
steward_message_list_finalize (GObject *object)
{
  StewardMessageList *self = (StewardMessageList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);

  G_OBJECT_CLASS (steward_message_list_parent_class)->finalize (object);
}

static void
steward_message_list_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardMessageList *self = STEWARD_MESSAGE_LIST (object);

  switch (prop_id)
    {
    case PROP_CONVERSATION_ID:
      g_value_set_int64 (value, self->conversation_id);
      break;

    case PROP_HAS_EARLIER:
      g_value_set_boolean (value, self->has_earlier);
      break;

    case PROP_HAS_LATER:
      g_value_set_boolean (value, self->has_later);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_message_list_class_init (StewardMessageListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_message_list_dispose;
  object_class->finalize = steward_message_list_finalize;
  object_class->get_property = steward_message_list_get_property;

  properties[PROP_CONVERSATION_ID] =
    g_param_spec_int64 ("conversation-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * StewardMessageList:has-earlier:
   *
   * Whether the conversation has messages before the window.
   */
  properties[PROP_HAS_EARLIER] =
    g_param_spec_boolean ("has-earlier", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardMessageList:has-later:
   *
   * Whether the conversation has messages after the window: new
   * messages join the window only while this is %FALSE.
   */
  properties[PROP_HAS_LATER] =
    g_param_spec_boolean ("has-later", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_message_list_init (StewardMessageList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
}

/**
 * steward_message_list_new:
 * @source: what has the messages and emits "row-changed" for them: the store
 * @functions: (not nullable): static; how to read them
 * @conversation_id: the conversation, or 0 for one not yet written
 *
 * Returns: (transfer full): an empty window on the conversation;
 *   steward_message_list_load_end() fills it
 */
StewardMessageList *
steward_message_list_new (GObject                        *source,
                          const StewardMessageListSource *functions,
                          gint64                          conversation_id)
{
  StewardMessageList *self;

  g_return_val_if_fail (G_IS_OBJECT (source), NULL);
  g_return_val_if_fail (functions != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_MESSAGE_LIST, NULL);
  self->source = g_object_ref (source);
  self->functions = functions;
  self->conversation_id = conversation_id;

  self->messages_id = g_signal_connect (source, "row-changed::messages",
                                        G_CALLBACK (message_changed_cb), self);
  self->conversations_id = g_signal_connect (source, "row-changed::conversations",
                                             G_CALLBACK (conversation_changed_cb), self);
  if (g_signal_lookup ("external-change", G_OBJECT_TYPE (source)) != 0)
    self->external_id = g_signal_connect (source, "external-change", G_CALLBACK (external_change_cb), self);

  return self;
}

gint64
steward_message_list_get_conversation_id (StewardMessageList *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), 0);

  return self->conversation_id;
}

gboolean
steward_message_list_get_has_earlier (StewardMessageList *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  return self->has_earlier;
}

gboolean
steward_message_list_get_has_later (StewardMessageList *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_LIST (self), FALSE);

  return self->has_later;
}
