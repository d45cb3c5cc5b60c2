/* steward-store-identity.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include "steward-message-private.h"
#include "steward-store-private.h"

/* One StewardMessage per message while any is alive. A reply being
 * written is one object: the chat turn adds to it as text arrives, and
 * every list that shows the conversation holds that same object, so a
 * list finds out nothing by reading the row again, and a row does not
 * have to be rebuilt when the store says the reply changed.
 *
 * Messages may be read in worker threads, so the map takes a lock and
 * holds weak references. Entries of messages that are gone are swept
 * out when the map has doubled since the last sweep. */

struct _StewardLiveMessages
{
  GMutex      lock;
  /* gint64 id → GWeakRef * */
  GHashTable *refs;
  guint       sweep_at;
};

#define MIN_SWEEP 256

static void
weak_ref_free (gpointer data)
{
  GWeakRef *ref = data;

  g_weak_ref_clear (ref);
  g_free (ref);
}

StewardLiveMessages *
_steward_live_messages_new (void)
{
  StewardLiveMessages *self = g_new0 (StewardLiveMessages, 1);

  g_mutex_init (&self->lock);
  self->refs = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, weak_ref_free);
  self->sweep_at = MIN_SWEEP;

  return self;
}

void
_steward_live_messages_free (StewardLiveMessages *self)
{
  if (self == NULL)
    return;

  g_hash_table_unref (self->refs);
  g_mutex_clear (&self->lock);
  g_free (self);
}

static void
sweep (StewardLiveMessages *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->refs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GObject *object = g_weak_ref_get (value);

      if (object == NULL)
        g_hash_table_iter_remove (&iter);
      else
        g_object_unref (object);
    }

  self->sweep_at = MAX (MIN_SWEEP, g_hash_table_size (self->refs) * 2);
}

typedef struct
{
  StewardMessage *live;
  StewardMessage *read;
} BranchUpdate;

static void
branch_update_free (gpointer data)
{
  BranchUpdate *update = data;

  g_object_unref (update->live);
  g_object_unref (update->read);
  g_free (update);
}

static gboolean
apply_branch_update_cb (gpointer data)
{
  BranchUpdate *update = data;

  _steward_message_update_branch (update->live, update->read);

  return G_SOURCE_REMOVE;
}

/* The text of a live message is the chat turn's, but its place in the
 * tree (a new alternative beside it, a switch of branch) is what was
 * read last. Views listen in the main thread, so a worker's read is
 * applied there. Takes @read. */
static void
update_branch (StewardMessage *live,
               StewardMessage *read)
{
  BranchUpdate *update;

  if (steward_message_get_active (live) == steward_message_get_active (read) &&
      steward_message_get_alternative (live) == steward_message_get_alternative (read) &&
      steward_message_get_n_alternatives (live) == steward_message_get_n_alternatives (read))
    {
      g_object_unref (read);
      return;
    }

  if (g_main_context_is_owner (g_main_context_default ()))
    {
      _steward_message_update_branch (live, read);
      g_object_unref (read);
      return;
    }

  update = g_new0 (BranchUpdate, 1);
  update->live = g_object_ref (live);
  update->read = read;
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, apply_branch_update_cb, update, branch_update_free);
}

/**
 * _steward_live_messages_adopt:
 * @message: (transfer full): a message just read from the store
 *
 * Returns: (transfer full): the live object of @message's id if there
 *   is one (and @message is dropped), or @message, now the live one
 */
StewardMessage *
_steward_live_messages_adopt (StewardLiveMessages *self,
                              StewardMessage      *message)
{
  gint64 id = steward_message_get_id (message);
  StewardMessage *live = NULL;
  GWeakRef *ref;

  g_mutex_lock (&self->lock);

  if ((ref = g_hash_table_lookup (self->refs, &id)) != NULL &&
      (live = g_weak_ref_get (ref)) != NULL)
    {
      g_mutex_unlock (&self->lock);
      update_branch (live, message);
      return live;
    }

  if (ref != NULL)
    g_weak_ref_set (ref, message);
  else
    {
      ref = g_new0 (GWeakRef, 1);
      g_weak_ref_init (ref, message);
      g_hash_table_insert (self->refs, g_memdup2 (&id, sizeof id), ref);

      if (g_hash_table_size (self->refs) >= self->sweep_at)
        sweep (self);
    }

  g_mutex_unlock (&self->lock);

  return message;
}

/* Forgets the messages of @ids (deleted), so that a new message can
 * never be taken for one of them. */
void
_steward_live_messages_forget (StewardLiveMessages *self,
                               const gint64        *ids,
                               guint                n_ids)
{
  g_mutex_lock (&self->lock);
  for (guint i = 0; i < n_ids; i++)
    g_hash_table_remove (self->refs, &ids[i]);
  g_mutex_unlock (&self->lock);
}

/* Forgets the messages of conversation @conversation_id (deleted). */
void
_steward_live_messages_forget_conversation (StewardLiveMessages *self,
                                            gint64               conversation_id)
{
  GHashTableIter iter;
  gpointer value;

  g_mutex_lock (&self->lock);
  g_hash_table_iter_init (&iter, self->refs);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_autoptr(StewardMessage) message = g_weak_ref_get (value);

      if (message == NULL || steward_message_get_conversation_id (message) == conversation_id)
        g_hash_table_iter_remove (&iter);
    }
  g_mutex_unlock (&self->lock);
}
