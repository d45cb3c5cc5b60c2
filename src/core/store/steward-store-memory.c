/* steward-store-memory.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-memory-private.h"
#include "steward-store-private.h"


static gboolean
memory_not_found (gint64   id,
                  GError **error)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
               _("There is no memory %s."), number);
  return FALSE;
}

static char *
clean_text (const char  *text,
            GError     **error)
{
  g_autofree char *trimmed = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A memory must be valid UTF-8 text."));
      return NULL;
    }

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A memory cannot be empty."));
      return NULL;
    }

  return g_steal_pointer (&trimmed);
}

/* What a fact is remembered as forgotten by: its words, case and runs
 * of spaces and a closing full stop aside ("I'm vegetarian." and "i'm
 * vegetarian" are one fact). */
static char *
forgotten_key (const char *clean)
{
  g_autofree char *folded = g_utf8_casefold (clean, -1);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *key = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');
      g_string_append (key, words[i]);
    }

  while (key->len > 0 && strchr (".!?", key->str[key->len - 1]) != NULL)
    g_string_truncate (key, key->len - 1);

  return g_string_free (key, FALSE);
}

static gboolean
set_forgotten (StewardStore  *self,
               const char    *clean,
               gboolean       forgotten,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = forgotten_key (clean);

  stmt = _steward_store_prepare (self,
                                 forgotten
                                 ? "INSERT OR REPLACE INTO forgotten_memories (key, forgotten_at)"
                                   " VALUES (?, " STEWARD_STORE_NOW_SQL ")"
                                 : "DELETE FROM forgotten_memories WHERE key = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  return _steward_store_step_done (self, stmt, error);
}

static gboolean
is_forgotten (StewardStore  *self,
              const char    *clean,
              gboolean      *forgotten,
              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *key = forgotten_key (clean);
  int rc;

  if (!(stmt = _steward_store_prepare (self, "SELECT 1 FROM forgotten_memories WHERE key = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  *forgotten = rc == SQLITE_ROW;
  return TRUE;
}

/**
 * steward_store_unforget_memory:
 *
 * The user wants @text remembered after all: it is no longer refused as
 * forgotten.
 */
gboolean
steward_store_unforget_memory (StewardStore  *self,
                               const char    *text,
                               GError       **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(clean = clean_text (text, error)))
    return FALSE;

  return set_forgotten (self, clean, FALSE, error);
}

/**
 * steward_store_add_memory:
 * @origin: who added it
 * @source_message_id: the message the fact came from, or 0
 *
 * A fact the user asked to forget is refused unless the user adds it
 * (%STEWARD_MEMORY_ORIGIN_USER, in Preferences or with steward-cli):
 * automatic memory and "remember …" get %STEWARD_STORE_ERROR_FORGOTTEN.
 *
 * Returns: the new memory's id, or 0 with @error set
 */
gint64
steward_store_add_memory (StewardStore  *self,
                          const char    *text,
                          gboolean       pinned,
                          StewardMemoryOrigin  origin,
                          gint64         source_message_id,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clean = NULL;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  if (!(clean = clean_text (text, error)))
    return 0;

  if (origin == STEWARD_MEMORY_ORIGIN_USER)
    {
      /* The user's own word outweighs an earlier "forget". */
      if (!set_forgotten (self, clean, FALSE, error))
        return 0;
    }
  else
    {
      gboolean forgotten = FALSE;

      if (!is_forgotten (self, clean, &forgotten, error))
        return 0;
      if (forgotten)
        {
          g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_FORGOTTEN,
                       _("You asked Steward to forget “%s”."), clean);
          return 0;
        }
    }

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO memories (text, pinned, origin, source_message_id,"
                                 "                      created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, " STEWARD_STORE_NOW_SQL ", " STEWARD_STORE_NOW_SQL ")",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, clean, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 2, pinned ? 1 : 0);
  _steward_store_bind_enum (stmt, 3, STEWARD_TYPE_MEMORY_ORIGIN, origin);
  if (source_message_id > 0)
    sqlite3_bind_int64 (stmt, 4, source_message_id);
  else
    sqlite3_bind_null (stmt, 4);

  if (!_steward_store_step_done (self, stmt, error))
    return 0;

  id = sqlite3_last_insert_rowid (_steward_store_get_db (self));
  _steward_store_emit_row_changed (self, STEWARD_TABLE_MEMORIES, STEWARD_ROW_INSERTED, id, 0);

  return id;
}

#define MEMORY_COLUMNS "m.id, m.text, m.pinned, m.origin, m.source_message_id, m.created_at"

static gpointer
memory_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 5);

  return _steward_memory_new (sqlite3_column_int64 (stmt, 0),
                              (const char *)sqlite3_column_text (stmt, 1),
                              sqlite3_column_int (stmt, 2),
                              _steward_store_column_enum (stmt, 3, STEWARD_TYPE_MEMORY_ORIGIN,
                                                          STEWARD_MEMORY_ORIGIN_USER),
                              sqlite3_column_int64 (stmt, 4),
                              created_at);
}

static GListModel *
list_memories (StewardStore  *self,
               sqlite3_stmt  *stmt,
               GError       **error)
{
  g_autoptr(GListStore) list = g_list_store_new (STEWARD_TYPE_MEMORY);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StewardMemory) memory = memory_from_row (stmt);

      g_list_store_append (list, memory);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * steward_store_list_memories:
 *
 * Returns: (transfer full): every #StewardMemory, the most recent first
 */
GListModel *
steward_store_list_memories (StewardStore  *self,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT " MEMORY_COLUMNS " FROM memories m"
                                 " ORDER BY m.created_at DESC, m.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  return list_memories (self, stmt, error);
}

StewardMemory *
steward_store_find_memory (StewardStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT " MEMORY_COLUMNS " FROM memories m WHERE m.id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return memory_from_row (stmt);

  if (rc == SQLITE_DONE)
    memory_not_found (id, error);
  else
    _steward_store_set_sql_error (self, error);

  return NULL;
}

static gboolean
update_memory (StewardStore  *self,
               gint64         id,
               const char    *sql,
               const char    *text,
               int            number,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self, sql, error)))
    return FALSE;

  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int (stmt, 1, number);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    return memory_not_found (id, error);

  _steward_store_emit_row_changed (self, STEWARD_TABLE_MEMORIES, STEWARD_ROW_CHANGED, id, 0);

  return TRUE;
}

gboolean
steward_store_set_memory_pinned (StewardStore  *self,
                                 gint64         id,
                                 gboolean       pinned,
                                 GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  return update_memory (self, id,
                        "UPDATE memories SET pinned = ?, updated_at = " STEWARD_STORE_NOW_SQL
                        " WHERE id = ?",
                        NULL, pinned ? 1 : 0, error);
}

gboolean
steward_store_set_memory_text (StewardStore  *self,
                               gint64         id,
                               const char    *text,
                               GError       **error)
{
  g_autofree char *clean = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(clean = clean_text (text, error)))
    return FALSE;

  return update_memory (self, id,
                        "UPDATE memories SET text = ?, updated_at = " STEWARD_STORE_NOW_SQL
                        " WHERE id = ?",
                        clean, 0, error);
}

/**
 * steward_store_forget_memory:
 *
 * Deletes a memory: it is never sent to a model again.
 */
gboolean
steward_store_forget_memory (StewardStore  *self,
                             gint64         id,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  /* Remembered as forgotten, by its words */
  {
    g_autoptr(StewardMemory) memory = NULL;

    if (!(memory = steward_store_find_memory (self, id, error)) ||
        !set_forgotten (self, steward_memory_get_text (memory), TRUE, error))
      return FALSE;
  }

  if (!(stmt = _steward_store_prepare (self, "DELETE FROM memories WHERE id = ?", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    return memory_not_found (id, error);

  _steward_store_emit_row_changed (self, STEWARD_TABLE_MEMORIES, STEWARD_ROW_REMOVED, id, 0);

  return TRUE;
}

/**
 * steward_store_rank_memories:
 * @text: what the memories should be relevant to (the new message)
 *
 * Returns: (transfer full): the memories that share words with @text,
 *   most relevant first (FTS5's bm25 ranking)
 */
GListModel *
steward_store_rank_memories (StewardStore  *self,
                             const char    *text,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *query = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(query = _steward_store_dup_fts_query (text, FALSE, TRUE)))
    return G_LIST_MODEL (g_list_store_new (STEWARD_TYPE_MEMORY));

  stmt = _steward_store_prepare (self,
                                 "SELECT " MEMORY_COLUMNS
                                 "  FROM memories_fts f JOIN memories m ON m.id = f.rowid"
                                 " WHERE memories_fts MATCH ?"
                                 " ORDER BY bm25 (memories_fts), m.id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, query, -1, SQLITE_TRANSIENT);

  return list_memories (self, stmt, error);
}
