/* steward-store-watch.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include "steward-conversation-private.h"
#include "steward-phase-private.h"
#include "steward-project-private.h"
#include "steward-store-private.h"
#include "steward-task-private.h"

/* Lists that keep themselves up to date: how a StewardRowList or a
 * StewardMessageList (core/model) reads the store's tables, which the
 * lists themselves know nothing of. */

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

static void
list_conversations_async (GObject             *source,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  steward_store_list_conversations_async (STEWARD_STORE (source), cancellable, callback, user_data);
}

static GListModel *
list_conversations_finish (GObject       *source,
                           GAsyncResult  *result,
                           GError       **error)
{
  return steward_store_list_conversations_finish (STEWARD_STORE (source), result, error);
}

static gpointer
find_conversation (GObject  *source,
                   gint64    id,
                   GError  **error)
{
  return steward_store_find_conversation (STEWARD_STORE (source), id, error);
}

static void
update_conversation (gpointer item,
                     gpointer fresh)
{
  _steward_conversation_update (item, fresh);
}

static const StewardRowListKind conversations_kind = {
  .item_type = steward_conversation_get_type,
  .table = STEWARD_TABLE_CONVERSATIONS,
  .get_id = conversation_get_id,
  .get_time = conversation_get_time,
  .list = list_conversations,
  .find = find_conversation,
  .is_not_found = is_not_found,
  .update = update_conversation,
  .list_async = list_conversations_async,
  .list_finish = list_conversations_finish,
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

static void
list_tasks_async (GObject             *source,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  steward_store_list_tasks_async (STEWARD_STORE (source), cancellable, callback, user_data);
}

static GListModel *
list_tasks_finish (GObject       *source,
                   GAsyncResult  *result,
                   GError       **error)
{
  return steward_store_list_tasks_finish (STEWARD_STORE (source), result, error);
}

static gpointer
find_task (GObject  *source,
           gint64    id,
           GError  **error)
{
  return steward_store_find_task (STEWARD_STORE (source), id, error);
}

static void
update_task (gpointer item,
             gpointer fresh)
{
  _steward_task_update (item, fresh);
}

static void
set_task_position (gpointer item,
                   gint64   position)
{
  _steward_task_set_position (item, position);
}

/* A task moved on the board stays the same object, updated in place: the
 * columns (StewardTaskColumn) keep their rows and tell only of moves. */
static const StewardRowListKind tasks_kind = {
  .item_type = steward_task_get_type,
  .table = STEWARD_TABLE_TASKS,
  .get_id = task_get_id,
  .get_time = task_get_time,
  .list = list_tasks,
  .find = find_task,
  .is_not_found = is_not_found,
  .update = update_task,
  .list_async = list_tasks_async,
  .list_finish = list_tasks_finish,
  .set_position = set_task_position,
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

static void
update_project (gpointer item,
                gpointer fresh)
{
  _steward_project_update (item, fresh);
}

/* A renamed project stays the same object, so the open project's page
 * follows it. */
static const StewardRowListKind projects_kind = {
  .item_type = steward_project_get_type,
  .table = STEWARD_TABLE_PROJECTS,
  .get_id = project_get_id,
  .get_time = project_get_time,
  .list = list_projects,
  .find = find_project,
  .is_not_found = is_not_found,
  .update = update_project,
};

static gint64
phase_get_id (gpointer item)
{
  return steward_phase_get_id (item);
}

static GDateTime *
phase_get_time (gpointer item)
{
  return steward_phase_get_updated_at (item);
}

static int
phase_compare (gpointer a,
               gpointer b)
{
  guint position_a = steward_phase_get_position (a);
  guint position_b = steward_phase_get_position (b);

  return (position_a > position_b) - (position_a < position_b);
}

static GListModel *
list_phases_in (GObject  *source,
                gint64    project_id,
                GError  **error)
{
  return steward_store_list_phases (STEWARD_STORE (source), project_id, error);
}

static GListModel *
list_no_phases (GObject  *source,
                GError  **error)
{
  return G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_PHASE));
}

static gpointer
find_phase (GObject  *source,
            gint64    id,
            GError  **error)
{
  return steward_store_find_phase (STEWARD_STORE (source), id, error);
}

static void
update_phase (gpointer item,
              gpointer fresh)
{
  _steward_phase_update (item, fresh);
}

/* A project's phases by position; a phase whose content or status
 * changes is updated in place, so the editor's rows follow. */
static const StewardRowListKind phases_kind = {
  .item_type = steward_phase_get_type,
  .table = STEWARD_TABLE_PHASES,
  .get_id = phase_get_id,
  .get_time = phase_get_time,
  .list = list_no_phases,
  .find = find_phase,
  .is_not_found = is_not_found,
  .update = update_phase,
  .compare = phase_compare,
  .list_in = list_phases_in,
};

static gint64
version_get_id (gpointer item)
{
  return steward_phase_version_get_id (item);
}

static GDateTime *
version_get_time (gpointer item)
{
  return steward_phase_version_get_created_at (item);
}

/* The latest (highest number) first */
static int
version_compare (gpointer a,
                 gpointer b)
{
  guint number_a = steward_phase_version_get_number (a);
  guint number_b = steward_phase_version_get_number (b);

  return (number_a < number_b) - (number_a > number_b);
}

static GListModel *
list_versions_in (GObject  *source,
                  gint64    phase_id,
                  GError  **error)
{
  return steward_store_list_phase_versions (STEWARD_STORE (source), phase_id, error);
}

static GListModel *
list_no_versions (GObject  *source,
                  GError  **error)
{
  return G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_PHASE_VERSION));
}

static gpointer
find_version (GObject  *source,
              gint64    id,
              GError  **error)
{
  return steward_store_find_phase_version_by_id (STEWARD_STORE (source), id, error);
}

/* A phase's versions, the latest first: the versions pane */
static const StewardRowListKind versions_kind = {
  .item_type = steward_phase_version_get_type,
  .table = STEWARD_TABLE_PHASE_VERSIONS,
  .get_id = version_get_id,
  .get_time = version_get_time,
  .list = list_no_versions,
  .find = find_version,
  .is_not_found = is_not_found,
  .compare = version_compare,
  .list_in = list_versions_in,
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

static void
list_messages_before_async (GObject             *source,
                            gint64               conversation_id,
                            gint64               before_id,
                            guint                limit,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  steward_store_list_messages_range_async (STEWARD_STORE (source), conversation_id, 0, before_id, limit,
                                           cancellable, callback, user_data);
}

static GListModel *
list_messages_before_finish (GObject       *source,
                             GAsyncResult  *result,
                             GError       **error)
{
  return steward_store_list_messages_range_finish (STEWARD_STORE (source), result, error);
}

static const StewardMessageListSource messages_source = {
  .list_after = list_messages_after,
  .list_before = list_messages_before,
  .find = find_message,
  .is_not_found = is_not_found,
  .delete_from = delete_messages_from,
  .list_before_async = list_messages_before_async,
  .list_before_finish = list_messages_before_finish,
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
 * steward_store_watch_phases:
 * @project_id: the project
 *
 * Returns: (transfer full): the project's phases by position, following
 *   this store's changes; empty until steward_row_list_reload()
 */
StewardRowList *
steward_store_watch_phases (StewardStore *self,
                            gint64        project_id)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_row_list_new_in (G_OBJECT (self), &phases_kind, project_id);
}

/**
 * steward_store_watch_phase_versions:
 * @phase_id: the phase
 *
 * Returns: (transfer full): the phase's versions, the latest first,
 *   following this store's changes; empty until steward_row_list_reload()
 */
StewardRowList *
steward_store_watch_phase_versions (StewardStore *self,
                                    gint64        phase_id)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_row_list_new_in (G_OBJECT (self), &versions_kind, phase_id);
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
