/* steward-store-branches.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-store-private.h"

/* The messages of a conversation as a tree (schema 8, see
 * steward-store-migrations.c): each follows its parent, the children of
 * one parent are alternatives of which one is selected, and the chain of
 * selected children from the first message is the path shown, marked
 * active. Regenerate adds an alternative beside a reply; switching
 * alternatives selects another one; what a switch takes off the path
 * stays stored, with the choices made in it, for when it comes back.
 *
 * Every change of the path is told per message, "row-changed" with
 * STEWARD_ROW_CHANGED: first those that left it, last first, then those
 * that joined it, in order; a StewardMessageList reads their "active". */

typedef struct
{
  gint64   conversation_id;
  gint64   parent_id;
  gboolean selected;
  gboolean active;
} Node;

static gboolean
message_not_found (gint64   id,
                   GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
               _("There is no message %s."), number);
  return FALSE;
}

static gboolean
read_node (StewardStore  *self,
           gint64         id,
           Node          *node,
           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _steward_store_prepare (self,
                                 "SELECT conversation_id, coalesce (parent_id, 0), selected, active"
                                 "  FROM messages WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      node->conversation_id = sqlite3_column_int64 (stmt, 0);
      node->parent_id = sqlite3_column_int64 (stmt, 1);
      node->selected = sqlite3_column_int (stmt, 2) != 0;
      node->active = sqlite3_column_int (stmt, 3) != 0;
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    return message_not_found (id, error);

  _steward_store_set_sql_error (self, error);
  return FALSE;
}

/* Whether what follows @node's parent is on the path: the first
 * message's alternatives always are. */
static gboolean
parent_on_path (StewardStore  *self,
                const Node    *node,
                gboolean      *on_path,
                GError       **error)
{
  Node parent;

  if (node->parent_id == 0)
    {
      *on_path = TRUE;
      return TRUE;
    }

  if (!read_node (self, node->parent_id, &parent, error))
    return FALSE;

  *on_path = parent.active;
  return TRUE;
}

/**
 * _steward_store_path_end:
 *
 * Returns: the last message of the conversation's path, 0 when it has
 *   none, -1 with @error set
 */
gint64
_steward_store_path_end (StewardStore  *self,
                         gint64         conversation_id,
                         GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _steward_store_prepare (self,
                                 "SELECT max (id) FROM messages WHERE conversation_id = ? AND active = 1",
                                 error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, conversation_id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  _steward_store_set_sql_error (self, error);
  return -1;
}

/* Takes what follows @fork_id (0: everything) off the path: the path's
 * ids grow along it, so that is the rest of the path. */
static gboolean
leave_path_after (StewardStore  *self,
                  gint64         conversation_id,
                  gint64         fork_id,
                  GArray        *left,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) summary = NULL;

  stmt = _steward_store_prepare (self,
                                 "UPDATE messages SET active = 0"
                                 " WHERE conversation_id = ?1 AND active = 1 AND id > ?2"
                                 " RETURNING id",
                                 error);
  /* The rolling summary stands for the path up to summary_through: past
   * the fork it is about another branch, and is made again. */
  summary = _steward_store_prepare (self,
                                    "UPDATE conversations SET summary = NULL, summary_through = NULL"
                                    " WHERE id = ?1 AND summary_through > ?2",
                                    error);
  if (stmt == NULL || summary == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, conversation_id);
  sqlite3_bind_int64 (stmt, 2, fork_id);
  sqlite3_bind_int64 (summary, 1, conversation_id);
  sqlite3_bind_int64 (summary, 2, fork_id);

  return _steward_store_collect_ids (self, stmt, left, error) &&
         _steward_store_step_done (self, summary, error);
}

/* Puts @message_id and the chain of alternatives selected after it on
 * the path. */
static gboolean
join_path_from (StewardStore  *self,
                gint64         message_id,
                GArray        *joined,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* One child a step, the latest selected, even if a foreign writer
   * left two selected. */
  stmt = _steward_store_prepare (self,
                                 "WITH RECURSIVE chain (id) AS ("
                                 "  SELECT ?1"
                                 "  UNION ALL"
                                 "  SELECT (SELECT max (s.id) FROM messages s WHERE s.parent_id = chain.id AND s.selected)"
                                 "    FROM chain WHERE chain.id IS NOT NULL"
                                 ")"
                                 " UPDATE messages SET active = 1"
                                 "  WHERE id IN (SELECT id FROM chain WHERE id IS NOT NULL) AND active = 0"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, message_id);

  return _steward_store_collect_ids (self, stmt, joined, error);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
emit_path_change (StewardStore *self,
                  gint64        conversation_id,
                  GArray       *left,
                  GArray       *joined)
{
  if (left != NULL)
    {
      g_array_sort (left, compare_ids);
      for (guint i = left->len; i > 0; i--)
        _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_CHANGED,
                                         g_array_index (left, gint64, i - 1), conversation_id);
    }

  if (joined != NULL)
    {
      g_array_sort (joined, compare_ids);
      for (guint i = 0; i < joined->len; i++)
        _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_CHANGED,
                                         g_array_index (joined, gint64, i), conversation_id);
    }
}

/**
 * steward_store_add_alternative:
 * @sibling_id: a message on the conversation's path
 *
 * Adds a message beside @sibling_id, following the same message (what
 * "Regenerate" does with a reply), and shows it in its place: @sibling_id
 * and what followed it stay stored, off the path, and
 * steward_store_select_alternative() brings them back.
 *
 * Returns: the new message's id, or 0 with @error set
 */
gint64
steward_store_add_alternative (StewardStore         *self,
                               gint64                sibling_id,
                               StewardMessageRole    role,
                               const char           *content,
                               StewardMessageStatus  status,
                               const char           *provider,
                               const char           *model,
                               const char           *tier,
                               GError              **error)
{
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (gint64));
  Node sibling;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  if (!read_node (self, sibling_id, &sibling, error))
    return 0;

  if (!sibling.active)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                           _("Only a message that is shown can have another version."));
      return 0;
    }

  if (!_steward_store_savepoint_begin (self, "branches", error))
    return 0;

  if (!leave_path_after (self, sibling.conversation_id, sibling.parent_id, left, error) ||
      !(id = _steward_store_insert_message (self, sibling.conversation_id, sibling.parent_id, role, content,
                                            status, provider, model, tier, error)) ||
      !_steward_store_savepoint_release (self, "branches", error))
    {
      _steward_store_savepoint_roll_back (self, "branches");
      return 0;
    }

  emit_path_change (self, sibling.conversation_id, left, NULL);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_INSERTED, id, sibling.conversation_id);
  /* Its sibling's "alternatives" count one more. */
  _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_CHANGED, sibling_id,
                                   sibling.conversation_id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_CHANGED,
                                   sibling.conversation_id, 0);

  return id;
}

/**
 * steward_store_select_alternative:
 *
 * Makes @message_id the alternative chosen among those following the same
 * message, and, where that is on the path, shows it and the choices made
 * after it in place of the alternative shown before.
 *
 * Returns: whether it was selected
 */
gboolean
steward_store_select_alternative (StewardStore  *self,
                                  gint64         message_id,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(GArray) left = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) joined = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean on_path = FALSE;
  Node node;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!read_node (self, message_id, &node, error))
    return FALSE;

  if (node.active)
    return TRUE;

  if (!parent_on_path (self, &node, &on_path, error))
    return FALSE;

  select = _steward_store_prepare (self,
                                   "UPDATE messages SET selected = (id = ?3)"
                                   " WHERE parent_id IS ?1 AND conversation_id = ?2",
                                   error);
  if (select == NULL)
    return FALSE;

  if (node.parent_id > 0)
    sqlite3_bind_int64 (select, 1, node.parent_id);
  sqlite3_bind_int64 (select, 2, node.conversation_id);
  sqlite3_bind_int64 (select, 3, message_id);

  if (!_steward_store_savepoint_begin (self, "branches", error))
    return FALSE;

  if (!_steward_store_step_done (self, select, error) ||
      (on_path &&
       (!leave_path_after (self, node.conversation_id, node.parent_id, left, error) ||
        !join_path_from (self, message_id, joined, error))) ||
      !_steward_store_savepoint_release (self, "branches", error))
    {
      _steward_store_savepoint_roll_back (self, "branches");
      return FALSE;
    }

  emit_path_change (self, node.conversation_id, left, joined);
  if (on_path)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_CHANGED,
                                     node.conversation_id, 0);

  return TRUE;
}

/**
 * steward_store_step_alternative:
 * @step: how many alternatives on: -1 the one written before
 *   @message_id, 1 the one after
 * @shown_id: (out) (optional): the alternative now selected, or 0 when
 *   there is none that far
 *
 * Selects an alternative beside @message_id, as
 * steward_store_select_alternative() does: what ‹ and › on a reply do.
 *
 * Returns: %FALSE with @error set if the store could not be read or written
 */
gboolean
steward_store_step_alternative (StewardStore  *self,
                                gint64         message_id,
                                int            step,
                                gint64        *shown_id,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 found = 0;
  Node node;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (shown_id != NULL)
    *shown_id = 0;

  if (step == 0 || !read_node (self, message_id, &node, error))
    return step == 0;

  stmt = _steward_store_prepare (self,
                                 step < 0
                                 ? "SELECT id FROM messages WHERE parent_id IS ?1 AND conversation_id = ?2"
                                   "   AND id < ?3 ORDER BY id DESC LIMIT 1 OFFSET ?4"
                                 : "SELECT id FROM messages WHERE parent_id IS ?1 AND conversation_id = ?2"
                                   "   AND id > ?3 ORDER BY id LIMIT 1 OFFSET ?4",
                                 error);
  if (stmt == NULL)
    return FALSE;

  if (node.parent_id > 0)
    sqlite3_bind_int64 (stmt, 1, node.parent_id);
  sqlite3_bind_int64 (stmt, 2, node.conversation_id);
  sqlite3_bind_int64 (stmt, 3, message_id);
  sqlite3_bind_int64 (stmt, 4, ABS (step) - 1);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    found = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  if (found == 0)
    return TRUE;

  if (!steward_store_select_alternative (self, found, error))
    return FALSE;

  if (shown_id != NULL)
    *shown_id = found;

  return TRUE;
}

/**
 * steward_store_delete_messages_from:
 *
 * Deletes @message_id and everything that follows it, on every branch:
 * what "Edit and resend" replaces. If it was the alternative shown and
 * has others beside it, the latest of them is shown in its place.
 */
gboolean
steward_store_delete_messages_from (StewardStore  *self,
                                    gint64         message_id,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(sqlite3_stmt) replacement = NULL;
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) joined = g_array_new (FALSE, FALSE, sizeof (gint64));
  gboolean on_path = FALSE;
  gint64 next = 0;
  Node node;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!read_node (self, message_id, &node, error) ||
      !parent_on_path (self, &node, &on_path, error))
    return FALSE;

  /* One statement: parent_id is checked at its end, when the whole
   * branch is gone. */
  delete = _steward_store_prepare (self,
                                   "WITH RECURSIVE branch (id) AS ("
                                   "  SELECT ?1"
                                   "  UNION ALL"
                                   "  SELECT m.id FROM messages m JOIN branch b ON m.parent_id = b.id"
                                   ")"
                                   " DELETE FROM messages WHERE id IN branch"
                                   " RETURNING id",
                                   error);
  replacement = _steward_store_prepare (self,
                                        "UPDATE messages SET selected = 1"
                                        " WHERE id = (SELECT max (id) FROM messages"
                                        "              WHERE parent_id IS ?1 AND conversation_id = ?2)"
                                        " RETURNING id",
                                        error);
  if (delete == NULL || replacement == NULL)
    return FALSE;

  sqlite3_bind_int64 (delete, 1, message_id);
  if (node.parent_id > 0)
    sqlite3_bind_int64 (replacement, 1, node.parent_id);
  sqlite3_bind_int64 (replacement, 2, node.conversation_id);

  if (!_steward_store_savepoint_begin (self, "branches", error))
    return FALSE;

  if (!_steward_store_collect_ids (self, delete, removed, error))
    {
      _steward_store_savepoint_roll_back (self, "branches");
      return FALSE;
    }

  if (node.selected)
    {
      if ((rc = sqlite3_step (replacement)) == SQLITE_ROW)
        {
          next = sqlite3_column_int64 (replacement, 0);
          rc = sqlite3_step (replacement);
        }
      if (rc != SQLITE_DONE)
        _steward_store_set_sql_error (self, error);
    }
  else
    rc = SQLITE_DONE;

  if (rc != SQLITE_DONE ||
      (next != 0 && node.active && on_path && !join_path_from (self, next, joined, error)) ||
      !_steward_store_savepoint_release (self, "branches", error))
    {
      _steward_store_savepoint_roll_back (self, "branches");
      return FALSE;
    }

  _steward_live_messages_forget (_steward_store_get_live_messages (self),
                                 (const gint64 *)(gpointer)removed->data, removed->len);

  /* Last first, so a list of the conversation loses its end each time. */
  g_array_sort (removed, compare_ids);
  for (guint i = removed->len; i > 0; i--)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_REMOVED,
                                     g_array_index (removed, gint64, i - 1), node.conversation_id);
  emit_path_change (self, node.conversation_id, NULL, joined);
  /* What is left beside it counts one fewer. */
  if (next != 0 && joined->len == 0)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_CHANGED, next,
                                     node.conversation_id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_CONVERSATIONS, STEWARD_ROW_CHANGED,
                                   node.conversation_id, 0);

  return TRUE;
}
