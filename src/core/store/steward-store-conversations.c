/* steward-store-conversations.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-conversation-private.h"
#include "steward-enum-types.h"
#include "steward-store-private.h"

/* The conversations table: creating, finding, listing (also in a
 * worker), renaming and deleting conversations, and the rolling summary
 * each keeps. Their messages are in steward-store-chat.c. */

static gboolean
conversation_not_found (StewardStore  *self,
                        gint64         id,
                        GError       **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
               _("There is no conversation %s."), number);
  return FALSE;
}

gint64
steward_store_create_conversation (StewardStore  *self,
                                   const char    *title,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO conversations (title, created_at, updated_at)"
                                 " VALUES (?, " STEWARD_STORE_NOW_SQL ", " STEWARD_STORE_NOW_SQL ")",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, title ? title : "", -1, SQLITE_TRANSIENT);

  if (!_steward_store_step_done (self, stmt, error))
    return 0;

  {
    gint64 id = sqlite3_last_insert_rowid (_steward_store_get_db (self));

    _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_INSERTED, id, 0);
    return id;
  }
}

/**
 * steward_store_find_conversation:
 *
 * Returns: (transfer full): the conversation, or %NULL with @error set
 */
StewardConversation *
steward_store_find_conversation (StewardStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT c.id, c.title, c.created_at, c.updated_at,"
                                 "       (SELECT count(*) FROM messages m"
                                 "         WHERE m.conversation_id = c.id AND m.active = 1),"
                                 "       c.quick"
                                 "  FROM conversations c WHERE c.id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return _steward_store_conversation_from_row (stmt);

  if (rc == SQLITE_DONE)
    conversation_not_found (self, id, error);
  else
    _steward_store_set_sql_error (self, error);

  return NULL;
}

gpointer
_steward_store_conversation_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 2);
  g_autoptr(GDateTime) updated_at = _steward_store_column_time (stmt, 3);

  return _steward_conversation_new (sqlite3_column_int64 (stmt, 0),
                                    (const char *)sqlite3_column_text (stmt, 1),
                                    created_at,
                                    updated_at,
                                    sqlite3_column_int (stmt, 4),
                                    sqlite3_column_int (stmt, 5) != 0);
}

#define LIST_CONVERSATIONS_SQL \
  "SELECT c.id, c.title, c.created_at, c.updated_at," \
  "       (SELECT count(*) FROM messages m" \
  "         WHERE m.conversation_id = c.id AND m.active = 1)," \
  "       c.quick" \
  "  FROM conversations c" \
  " ORDER BY c.updated_at DESC, c.id DESC"

/**
 * steward_store_list_conversations:
 *
 * Returns: (transfer full): a #GListModel of #StewardConversation, the most
 *   recently updated first
 */
GListModel *
steward_store_list_conversations (StewardStore  *self,
                                  GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return _steward_store_list (self, STEWARD_TYPE_CONVERSATION, LIST_CONVERSATIONS_SQL,
                              _steward_store_conversation_from_row, error);
}

/**
 * steward_store_list_conversations_async:
 *
 * Lists the conversations as steward_store_list_conversations() does, in
 * a worker thread on a connection of its own.
 */
void
steward_store_list_conversations_async (StewardStore        *self,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _steward_store_list_async (self, STEWARD_TYPE_CONVERSATION, LIST_CONVERSATIONS_SQL,
                             _steward_store_conversation_from_row,
                             STEWARD_STORE_READ_DEFAULT, NULL, 0,
                             steward_store_list_conversations_async,
                             cancellable, callback, user_data);
}

/**
 * steward_store_list_conversations_finish:
 *
 * Returns: (transfer full): a #GListModel of #StewardConversation, the most
 *   recently updated first, or %NULL with @error set
 */
GListModel *
steward_store_list_conversations_finish (StewardStore  *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return _steward_store_list_finish (self, result, error);
}

gboolean
steward_store_rename_conversation (StewardStore  *self,
                                   gint64         id,
                                   const char    *title,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL, FALSE);

  trimmed = g_strstrip (g_strdup (title));
  if (trimmed[0] == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A conversation needs a title."));
      return FALSE;
    }

  stmt = _steward_store_prepare (self,
                                 "UPDATE conversations SET title = ?,"
                                 "  updated_at = " STEWARD_STORE_NOW_SQL
                                 " WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    return conversation_not_found (self, id, error);

  _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_CHANGED, id, 0);

  return TRUE;
}

/**
 * steward_store_set_conversation_quick:
 * @quick: whether the conversation is one begun in quick chat
 *
 * Marks a conversation as begun in quick chat, or clears the mark when
 * the user continues it in the main window. The time it was updated
 * stays: the mark is not news.
 */
gboolean
steward_store_set_conversation_quick (StewardStore  *self,
                                      gint64         id,
                                      gboolean       quick,
                                      GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(stmt = _steward_store_prepare (self, "UPDATE conversations SET quick = ? WHERE id = ?", error)))
    return FALSE;

  sqlite3_bind_int (stmt, 1, quick ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    return conversation_not_found (self, id, error);

  _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_CHANGED, id, 0);

  return TRUE;
}

/**
 * steward_store_delete_conversation:
 *
 * Deletes a conversation and its messages (ON DELETE CASCADE). The app
 * offers Undo by deleting only once the toast is dismissed.
 */
gboolean
steward_store_delete_conversation (StewardStore  *self,
                                   gint64         id,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(stmt = _steward_store_prepare (self, "DELETE FROM conversations WHERE id = ?", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    return conversation_not_found (self, id, error);

  _steward_live_messages_forget_conversation (_steward_store_get_live_messages (self), id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_REMOVED, id, 0);

  return TRUE;
}

/**
 * steward_store_get_summary:
 * @summary: (out): the rolling summary, or %NULL when there is none yet
 * @summary_through: (out): the id of the last message it covers, or 0
 */
gboolean
steward_store_get_summary (StewardStore  *self,
                           gint64         conversation_id,
                           char         **summary,
                           gint64        *summary_through,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (summary != NULL && summary_through != NULL, FALSE);

  *summary = NULL;
  *summary_through = 0;

  stmt = _steward_store_prepare (self,
                                 "SELECT summary, coalesce (summary_through, 0)"
                                 "  FROM conversations WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *summary = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *summary_through = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    return conversation_not_found (self, conversation_id, error);

  _steward_store_set_sql_error (self, error);
  return FALSE;
}

gboolean
steward_store_set_summary (StewardStore  *self,
                           gint64         conversation_id,
                           const char    *summary,
                           gint64         summary_through,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = _steward_store_prepare (self,
                                 "UPDATE conversations SET summary = ?, summary_through = ?"
                                 " WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _steward_store_bind_text_or_null (stmt, 1, summary);
  sqlite3_bind_int64 (stmt, 2, summary_through);
  sqlite3_bind_int64 (stmt, 3, conversation_id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    return conversation_not_found (self, conversation_id, error);

  return TRUE;
}
