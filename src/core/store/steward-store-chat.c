/* steward-store-chat.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>
#include <unistd.h>

#include "steward-enum-types.h"
#include "steward-message-private.h"
#include "steward-store-private.h"

static void
bind_count (sqlite3_stmt *stmt,
            int           column,
            gint64        value)
{
  if (value >= 0)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

static gint64
column_count (sqlite3_stmt *stmt,
              int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return -1;

  return sqlite3_column_int64 (stmt, column);
}

/* The kernel's start time of a process, in clock ticks since boot; 0
 * when there is no such process. A pid alone can be reused. */
static guint64
process_start_time (gint64 pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%" G_GINT64_FORMAT "/stat", pid);
  g_autofree char *contents = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (pid <= 0 || !g_file_get_contents (path, &contents, NULL, NULL))
    return 0;

  /* The command name may hold spaces and parentheses: skip past its
   * last ')' and count from the state field (field 3). */
  if (!(after_name = strrchr (contents, ')')))
    return 0;

  fields = g_strsplit (after_name + 2, " ", 0);
  if (g_strv_length (fields) <= 19)
    return 0;

  return g_ascii_strtoull (fields[19], NULL, 10);
}

/* Writes a message after @parent_id (0: none) without telling anyone:
 * the callers do, once the tree around it is whole. */
gint64
_steward_store_insert_message (StewardStore         *self,
                               gint64                conversation_id,
                               gint64                parent_id,
                               StewardMessageRole    role,
                               const char           *content,
                               StewardMessageStatus  status,
                               const char           *provider,
                               const char           *model,
                               const char           *tier,
                               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) touch = NULL;
  g_autoptr(sqlite3_stmt) siblings = NULL;
  gboolean streaming;
  gint64 id;

  streaming = status == STEWARD_MESSAGE_STATUS_STREAMING;

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO messages (conversation_id, parent_id, role, content, status,"
                                 "                      provider, model, tier,"
                                 "                      writer_pid, writer_started_at,"
                                 "                      created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                                 "         " STEWARD_STORE_NOW_SQL ", " STEWARD_STORE_NOW_SQL ")",
                                 error);
  touch = _steward_store_prepare (self,
                                  "UPDATE conversations SET updated_at = " STEWARD_STORE_NOW_SQL
                                  " WHERE id = ?",
                                  error);
  /* The new message is the alternative chosen after its parent. */
  siblings = _steward_store_prepare (self,
                                     "UPDATE messages SET selected = 0"
                                     " WHERE parent_id IS ?1 AND conversation_id = ?2 AND id != ?3 AND selected",
                                     error);
  if (stmt == NULL || touch == NULL || siblings == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  if (parent_id > 0)
    sqlite3_bind_int64 (stmt, 2, parent_id);
  _steward_store_bind_enum (stmt, 3, STEWARD_TYPE_MESSAGE_ROLE, role);
  sqlite3_bind_text (stmt, 4, content ? content : "", -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (stmt, 5, STEWARD_TYPE_MESSAGE_STATUS, status);
  _steward_store_bind_text_or_null (stmt, 6, provider);
  _steward_store_bind_text_or_null (stmt, 7, model);
  _steward_store_bind_text_or_null (stmt, 8, tier);
  /* Who writes a streaming reply, so another process opening the store
   * can tell a live stream from one whose writer died. */
  if (streaming)
    {
      sqlite3_bind_int64 (stmt, 9, getpid ());
      sqlite3_bind_int64 (stmt, 10, (sqlite3_int64)process_start_time (getpid ()));
    }

  if (!_steward_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_steward_store_get_db (self));

  if (parent_id > 0)
    sqlite3_bind_int64 (siblings, 1, parent_id);
  sqlite3_bind_int64 (siblings, 2, conversation_id);
  sqlite3_bind_int64 (siblings, 3, id);
  sqlite3_bind_int64 (touch, 1, conversation_id);
  if (!_steward_store_step_done (self, siblings, error) ||
      !_steward_store_step_done (self, touch, error))
    return 0;

  return id;
}

/**
 * steward_store_add_message:
 *
 * Adds a message at the end of the conversation's path (the branch
 * shown).
 *
 * Returns: its id, or 0 with @error set
 */
gint64
steward_store_add_message (StewardStore         *self,
                           gint64                conversation_id,
                           StewardMessageRole    role,
                           const char           *content,
                           StewardMessageStatus  status,
                           const char           *provider,
                           const char           *model,
                           const char           *tier,
                           GError              **error)
{
  gint64 parent_id;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  if ((parent_id = _steward_store_path_end (self, conversation_id, error)) < 0 ||
      !(id = _steward_store_insert_message (self, conversation_id, parent_id, role, content, status,
                                            provider, model, tier, error)))
    return 0;

  _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_INSERTED, id, conversation_id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_CHANGED, conversation_id, 0);

  return id;
}

/**
 * steward_store_update_reply:
 * @record: (nullable): usage, latency, model and tool calls to record
 *
 * Saves a reply as it grows and when it ends.
 */
gboolean
steward_store_update_reply (StewardStore  *self,
                            gint64         message_id,
                            const char               *content,
                            StewardMessageStatus      status,
                            const char               *error_message,
                            const StewardReplyRecord *record,
                            GError                  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 conversation_id = 0;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = _steward_store_prepare (self,
                                 "UPDATE messages SET content = ?, status = ?, error = ?,"
                                 "  input_tokens = coalesce (?, input_tokens),"
                                 "  output_tokens = coalesce (?, output_tokens),"
                                 "  latency_ms = coalesce (?, latency_ms),"
                                 "  model = coalesce (model, ?),"
                                 "  tool_calls = coalesce (?, tool_calls),"
                                 "  updated_at = " STEWARD_STORE_NOW_SQL
                                 " WHERE id = ?"
                                 " RETURNING conversation_id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, content ? content : "", -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (stmt, 2, STEWARD_TYPE_MESSAGE_STATUS, status);
  _steward_store_bind_text_or_null (stmt, 3, error_message);
  bind_count (stmt, 4, record ? record->input_tokens : -1);
  bind_count (stmt, 5, record ? record->output_tokens : -1);
  bind_count (stmt, 6, record ? record->latency_ms : -1);
  _steward_store_bind_text_or_null (stmt, 7, record ? record->model : NULL);
  _steward_store_bind_text_or_null (stmt, 8, record ? record->tool_calls : NULL);
  sqlite3_bind_int64 (stmt, 9, message_id);

  /* One row back, the message's conversation, then the end. */
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      conversation_id = sqlite3_column_int64 (stmt, 0);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  if (conversation_id != 0)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_CHANGED,
                                     message_id, conversation_id);

  return TRUE;
}

/* The alternatives beside a message: the children of its parent. */
#define MESSAGE_COLUMNS \
  "id, conversation_id, role, content, status, error, provider, model, tier," \
  " input_tokens, output_tokens, latency_ms, tool_calls, created_at," \
  " parent_id, active," \
  " (SELECT count(*) FROM messages s" \
  "   WHERE s.parent_id IS messages.parent_id AND s.conversation_id = messages.conversation_id" \
  "     AND s.id <= messages.id)," \
  " (SELECT count(*) FROM messages s" \
  "   WHERE s.parent_id IS messages.parent_id AND s.conversation_id = messages.conversation_id)," \
  " (SELECT json_group_array (json_array (id, hash, name, content_type, kind, size," \
  "                                       width, height, pages, duration))" \
  "    FROM (SELECT a.*, l.name FROM message_attachments l JOIN attachments a ON a.id = l.attachment_id" \
  "           WHERE l.message_id = messages.id ORDER BY l.position))"

gpointer
_steward_store_message_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 13);
  g_autoptr(GPtrArray) attachments = _steward_store_attachments_from_json (stmt, 18);
  StewardMessageFields f = {
    .id = sqlite3_column_int64 (stmt, 0),
    .conversation_id = sqlite3_column_int64 (stmt, 1),
    .role = _steward_store_column_enum (stmt, 2, STEWARD_TYPE_MESSAGE_ROLE, STEWARD_MESSAGE_ROLE_USER),
    .content = (const char *)sqlite3_column_text (stmt, 3),
    .status = _steward_store_column_enum (stmt, 4, STEWARD_TYPE_MESSAGE_STATUS,
                                          STEWARD_MESSAGE_STATUS_COMPLETE),
    .error = (const char *)sqlite3_column_text (stmt, 5),
    .provider = (const char *)sqlite3_column_text (stmt, 6),
    .model = (const char *)sqlite3_column_text (stmt, 7),
    .tier = (const char *)sqlite3_column_text (stmt, 8),
    .input_tokens = column_count (stmt, 9),
    .output_tokens = column_count (stmt, 10),
    .latency_ms = column_count (stmt, 11),
    .tool_calls = (const char *)sqlite3_column_text (stmt, 12),
    .created_at = created_at,
    .parent_id = sqlite3_column_int64 (stmt, 14),
    .active = sqlite3_column_int (stmt, 15) != 0,
    .alternative = (guint)sqlite3_column_int64 (stmt, 16),
    .n_alternatives = (guint)sqlite3_column_int64 (stmt, 17),
    .attachments = attachments,
  };

  return _steward_message_new (&f);
}

/**
 * steward_store_find_message:
 *
 * Returns: (transfer full): the message, or %NULL with @error set
 */
StewardMessage *
steward_store_find_message (StewardStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT " MESSAGE_COLUMNS " FROM messages WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return _steward_live_messages_adopt (_steward_store_get_live_messages (self), _steward_store_message_from_row (stmt));

  if (rc == SQLITE_DONE)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _("There is no message %s."), number);
    }
  else
    _steward_store_set_sql_error (self, error);

  return NULL;
}

/**
 * steward_store_list_messages:
 *
 * Returns: (transfer full): the #StewardMessage list of the
 *   conversation's path (the branch shown), in order
 */
GListModel *
steward_store_list_messages (StewardStore  *self,
                             gint64         conversation_id,
                             GError       **error)
{
  return steward_store_list_messages_range (self, conversation_id, 0, 0, 0, error);
}

/* The messages @stmt selects, the live objects where there are; in the
 * opposite order if @reversed. */
static GListModel *
read_messages (StewardStore  *self,
               sqlite3_stmt  *stmt,
               gboolean       reversed,
               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = NULL;
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, _steward_live_messages_adopt (_steward_store_get_live_messages (self),
                                                          _steward_store_message_from_row (stmt)));

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  if (reversed)
    {
      for (guint i = 0; i < items->len / 2; i++)
        {
          gpointer swap = items->pdata[i];

          items->pdata[i] = items->pdata[items->len - 1 - i];
          items->pdata[items->len - 1 - i] = swap;
        }
    }

  list = g_list_store_new (STEWARD_TYPE_MESSAGE);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Newest first, for the limit */
#define LIST_RANGE_SQL \
  "SELECT " MESSAGE_COLUMNS \
  "  FROM messages" \
  " WHERE conversation_id = ?1 AND active = 1 AND id >= ?2 AND (?3 = 0 OR id < ?3)" \
  " ORDER BY id DESC LIMIT ?4"

/**
 * steward_store_list_messages_range:
 * @from_id: the first message to include, or 0 for the conversation's start
 * @before_id: the message to stop before, or 0 for the conversation's end
 * @limit: at most this many, the latest of the range; 0 for all
 *
 * A part of a conversation, so that a view of a long one loads what it
 * shows rather than everything: its last messages first, and earlier
 * ones as they are scrolled to.
 *
 * Returns: (transfer full): #StewardMessage objects, in the order they
 *   were written
 */
GListModel *
steward_store_list_messages_range (StewardStore  *self,
                                   gint64         conversation_id,
                                   gint64         from_id,
                                   gint64         before_id,
                                   guint          limit,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  {
    g_autoptr(StewardConversation) conversation = NULL;

    if (!(conversation = steward_store_find_conversation (self, conversation_id, error)))
      return NULL;
  }

  stmt = _steward_store_prepare (self, LIST_RANGE_SQL, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, from_id);
  sqlite3_bind_int64 (stmt, 3, before_id);
  sqlite3_bind_int64 (stmt, 4, limit > 0 ? (sqlite3_int64)limit : -1);

  /* Read newest first, for the limit; handed out oldest first. */
  return read_messages (self, stmt, TRUE, error);
}

/**
 * steward_store_list_messages_range_async:
 *
 * Reads the messages steward_store_list_messages_range() reads, in a
 * worker thread on a connection of its own: opening a conversation,
 * however long, never holds up a frame. A conversation that does not
 * exist has no messages.
 */
void
steward_store_list_messages_range_async (StewardStore        *self,
                                         gint64               conversation_id,
                                         gint64               from_id,
                                         gint64               before_id,
                                         guint                limit,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  gint64 params[] = { conversation_id, from_id, before_id, limit > 0 ? (gint64) limit : -1 };

  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _steward_store_list_async (self, STEWARD_TYPE_MESSAGE, LIST_RANGE_SQL, _steward_store_message_from_row,
                             STEWARD_STORE_READ_MESSAGES | STEWARD_STORE_READ_REVERSED,
                             params, G_N_ELEMENTS (params),
                             steward_store_list_messages_range_async,
                             cancellable, callback, user_data);
}

/**
 * steward_store_list_messages_range_finish:
 *
 * Returns: (transfer full): #StewardMessage objects, in the order they
 *   were written, or %NULL with @error set
 */
GListModel *
steward_store_list_messages_range_finish (StewardStore  *self,
                                          GAsyncResult  *result,
                                          GError       **error)
{
  return _steward_store_list_finish (self, result, error);
}

/**
 * steward_store_list_messages_after:
 * @after_id: the message to start after, or 0 for the conversation's start
 * @limit: at most this many, the earliest after @after_id; 0 for all
 *
 * Returns: (transfer full): #StewardMessage objects, in the order they
 *   were written
 */
GListModel *
steward_store_list_messages_after (StewardStore  *self,
                                   gint64         conversation_id,
                                   gint64         after_id,
                                   guint          limit,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT " MESSAGE_COLUMNS
                                 "  FROM messages"
                                 " WHERE conversation_id = ?1 AND active = 1 AND id > ?2"
                                 " ORDER BY id LIMIT ?3",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, after_id);
  sqlite3_bind_int64 (stmt, 3, limit > 0 ? (sqlite3_int64)limit : -1);

  return read_messages (self, stmt, FALSE, error);
}

/**
 * steward_store_recover_interrupted:
 *
 * Marks "interrupted" the replies still "streaming" whose writing process
 * is gone (killed, crashed, powered off). A reply another live process is
 * writing is left alone, so the app and the CLI can share the store.
 *
 * Returns: how many replies were marked, or %G_MAXUINT on error
 */
guint
steward_store_recover_interrupted (StewardStore  *self,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), G_MAXUINT);

  select = _steward_store_prepare (self,
                                   "SELECT id, writer_pid, writer_started_at FROM messages"
                                   " WHERE status = 'streaming'",
                                   error);
  if (select == NULL)
    return G_MAXUINT;

  while ((rc = sqlite3_step (select)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (select, 0);
      gint64 pid = sqlite3_column_int64 (select, 1);
      guint64 started = (guint64)sqlite3_column_int64 (select, 2);
      guint64 now_started = process_start_time (pid);

      if (now_started == 0 || now_started != started)
        g_array_append_val (stale, id);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return G_MAXUINT;
    }

  if (stale->len == 0)
    return 0;

  update = _steward_store_prepare (self,
                                   "UPDATE messages SET status = 'interrupted',"
                                   "  updated_at = " STEWARD_STORE_NOW_SQL
                                   " WHERE id = ? AND status = 'streaming'",
                                   error);
  if (update == NULL)
    return G_MAXUINT;

  for (guint i = 0; i < stale->len; i++)
    {
      sqlite3_reset (update);
      sqlite3_bind_int64 (update, 1, g_array_index (stale, gint64, i));
      if (!_steward_store_step_done (self, update, error))
        return G_MAXUINT;
    }

  g_debug ("Marked %u cut-off replies as interrupted", stale->len);

  return stale->len;
}

/**
 * steward_store_set_message_context:
 * @context_json: exactly what was sent for a reply (system part and
 *   messages), as JSON, so the user can see it in the reply's details
 */
gboolean
steward_store_set_message_context (StewardStore  *self,
                                   gint64         message_id,
                                   const char    *context_json,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(stmt = _steward_store_prepare (self, "UPDATE messages SET context = ? WHERE id = ?", error)))
    return FALSE;

  _steward_store_bind_text_or_null (stmt, 1, context_json);
  sqlite3_bind_int64 (stmt, 2, message_id);

  return _steward_store_step_done (self, stmt, error);
}

/**
 * steward_store_dup_message_context:
 *
 * Returns: (transfer full) (nullable): the JSON of what was sent for a
 *   reply, or %NULL when nothing was recorded (and @error is not set)
 */
char *
steward_store_dup_message_context (StewardStore  *self,
                                   gint64         message_id,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT context FROM messages WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, message_id);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    return g_strdup ((const char *)sqlite3_column_text (stmt, 0));

  return NULL;
}
