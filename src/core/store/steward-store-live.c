/* steward-store-live.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

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
      g_object_unref (message);
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

/* -- lists that keep themselves up to date ------------------------------ */

static gboolean
is_not_found (const GError *error)
{
  return g_error_matches (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

static gint64
conversation_get_id (gpointer item)
{
  return steward_conversation_get_id (item);
}

static GDateTime *
conversation_get_time (gpointer item)
{
  return steward_conversation_get_updated_at (item);
}

static GListModel *
list_conversations (GObject  *source,
                    GError  **error)
{
  return steward_store_list_conversations (STEWARD_STORE (source), error);
}

static gpointer
find_conversation (GObject  *source,
                   gint64    id,
                   GError  **error)
{
  return steward_store_find_conversation (STEWARD_STORE (source), id, error);
}

static const StewardRowListKind conversations_kind = {
  .item_type = steward_conversation_get_type,
  .table = STEWARD_TABLE_CONVERSATIONS,
  .get_id = conversation_get_id,
  .get_time = conversation_get_time,
  .list = list_conversations,
  .find = find_conversation,
  .is_not_found = is_not_found,
};

static gint64
memory_get_id (gpointer item)
{
  return steward_memory_get_id (item);
}

static GDateTime *
memory_get_time (gpointer item)
{
  return steward_memory_get_created_at (item);
}

static GListModel *
list_memories (GObject  *source,
               GError  **error)
{
  return steward_store_list_memories (STEWARD_STORE (source), error);
}

static gpointer
find_memory (GObject  *source,
             gint64    id,
             GError  **error)
{
  return steward_store_find_memory (STEWARD_STORE (source), id, error);
}

static const StewardRowListKind memories_kind = {
  .item_type = steward_memory_get_type,
  .table = STEWARD_TABLE_MEMORIES,
  .get_id = memory_get_id,
  .get_time = memory_get_time,
  .list = list_memories,
  .find = find_memory,
  .is_not_found = is_not_found,
};

/* Tasks and projects are only listed so far (steward-store.c); finding
 * one row is what a list that follows them needs, so it lives here. */

/* Steps @stmt, which selects one row by id: the row, or %NULL, with
 * @error set when reading failed and left unset when there is no row. */
static gpointer
read_one (StewardStore  *self,
          sqlite3_stmt  *stmt,
          gpointer     (*from_row) (sqlite3_stmt *stmt),
          GError       **error)
{
  int rc;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return from_row (stmt);

  if (rc != SQLITE_DONE)
    _steward_store_set_sql_error (self, error);

  return NULL;
}

/**
 * steward_store_find_task:
 *
 * Returns: (transfer full): the task, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when there is none with @id)
 */
StewardTask *
steward_store_find_task (StewardStore  *self,
                         gint64         id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  StewardTask *task;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT id, title, status, priority, category,"
                                 "       due, position, created_at"
                                 "  FROM tasks WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((task = read_one (self, stmt, _steward_store_task_from_row, &local_error)) != NULL)
    return task;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %s is a number */
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _("There is no task %s."), number);
    }

  return NULL;
}

/**
 * steward_store_find_project:
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when there is none with @id)
 */
StewardProject *
steward_store_find_project (StewardStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  StewardProject *project;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT id, name, template, created_at, updated_at"
                                 "  FROM projects WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((project = read_one (self, stmt, _steward_store_project_from_row, &local_error)) != NULL)
    return project;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
    }
  else
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      /* Translators: %s is a number */
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _("There is no document project %s."), number);
    }

  return NULL;
}

static gint64
task_get_id (gpointer item)
{
  return steward_task_get_id (item);
}

static GDateTime *
task_get_time (gpointer item)
{
  return steward_task_get_created_at (item);
}

static GListModel *
list_tasks (GObject  *source,
            GError  **error)
{
  return steward_store_list_tasks (STEWARD_STORE (source), error);
}

static gpointer
find_task (GObject  *source,
           gint64    id,
           GError  **error)
{
  return steward_store_find_task (STEWARD_STORE (source), id, error);
}

static const StewardRowListKind tasks_kind = {
  .item_type = steward_task_get_type,
  .table = STEWARD_TABLE_TASKS,
  .get_id = task_get_id,
  .get_time = task_get_time,
  .list = list_tasks,
  .find = find_task,
  .is_not_found = is_not_found,
};

static gint64
project_get_id (gpointer item)
{
  return steward_project_get_id (item);
}

static GDateTime *
project_get_time (gpointer item)
{
  return steward_project_get_updated_at (item);
}

static GListModel *
list_projects (GObject  *source,
               GError  **error)
{
  return steward_store_list_projects (STEWARD_STORE (source), error);
}

static gpointer
find_project (GObject  *source,
              gint64    id,
              GError  **error)
{
  return steward_store_find_project (STEWARD_STORE (source), id, error);
}

static const StewardRowListKind projects_kind = {
  .item_type = steward_project_get_type,
  .table = STEWARD_TABLE_PROJECTS,
  .get_id = project_get_id,
  .get_time = project_get_time,
  .list = list_projects,
  .find = find_project,
  .is_not_found = is_not_found,
};

static GListModel *
list_messages_before (GObject  *source,
                      gint64    conversation_id,
                      gint64    before_id,
                      guint     limit,
                      GError  **error)
{
  return steward_store_list_messages_range (STEWARD_STORE (source), conversation_id, 0, before_id, limit, error);
}

static GListModel *
list_messages_after (GObject  *source,
                     gint64    conversation_id,
                     gint64    after_id,
                     guint     limit,
                     GError  **error)
{
  return steward_store_list_messages_after (STEWARD_STORE (source), conversation_id, after_id, limit, error);
}

static gpointer
find_message (GObject  *source,
              gint64    id,
              GError  **error)
{
  return steward_store_find_message (STEWARD_STORE (source), id, error);
}

static gboolean
delete_messages_from (GObject  *source,
                      gint64    message_id,
                      GError  **error)
{
  return steward_store_delete_messages_from (STEWARD_STORE (source), message_id, error);
}

static const StewardMessageListSource messages_source = {
  .list_after = list_messages_after,
  .list_before = list_messages_before,
  .find = find_message,
  .is_not_found = is_not_found,
  .delete_from = delete_messages_from,
};

/**
 * steward_store_watch_conversations:
 *
 * Returns: (transfer full): the conversations, latest first, following
 *   this store's changes; empty until steward_row_list_reload()
 */
StewardRowList *
steward_store_watch_conversations (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_row_list_new (G_OBJECT (self), &conversations_kind);
}

/**
 * steward_store_watch_memories:
 *
 * Returns: (transfer full): the memories, latest first, following this
 *   store's changes; empty until steward_row_list_reload()
 */
StewardRowList *
steward_store_watch_memories (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_row_list_new (G_OBJECT (self), &memories_kind);
}

/**
 * steward_store_watch_tasks:
 *
 * Returns: (transfer full): the tasks, the most recently created first,
 *   following this store's changes; empty until steward_row_list_reload()
 */
StewardRowList *
steward_store_watch_tasks (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_row_list_new (G_OBJECT (self), &tasks_kind);
}

/**
 * steward_store_watch_projects:
 *
 * Returns: (transfer full): the document projects, the most recently
 *   updated first, following this store's changes; empty until
 *   steward_row_list_reload()
 */
StewardRowList *
steward_store_watch_projects (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_row_list_new (G_OBJECT (self), &projects_kind);
}

/**
 * steward_store_watch_messages:
 * @conversation_id: the conversation, or 0 for one not written yet
 *
 * Returns: (transfer full): a window on the conversation's messages,
 *   following this store's changes; empty until
 *   steward_message_list_load_end()
 */
StewardMessageList *
steward_store_watch_messages (StewardStore *self,
                              gint64        conversation_id)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_message_list_new (G_OBJECT (self), &messages_source, conversation_id);
}
