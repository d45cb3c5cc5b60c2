/* steward-store.c
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

G_DEFINE_FINAL_TYPE (StewardStore, steward_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (steward-store-error-quark, steward_store_error)


static void
steward_store_finalize (GObject *object)
{
  StewardStore *self = (StewardStore *)object;

  /* The writer and the reader first: the last connection to close
   * merges the log. */
  _steward_store_writer_close (self);
  g_clear_pointer (&self->reader, _steward_store_reader_free);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->live_messages, _steward_live_messages_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (steward_store_parent_class)->finalize (object);
}

enum {
  PROVIDERS_CHANGED,
  ROW_CHANGED,
  EXTERNAL_CHANGE,
  POSITIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
steward_store_class_init (StewardStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_store_finalize;

  /**
   * StewardStore::providers-changed:
   *
   * A provider was added, changed or removed, or a model size mapped,
   * through this store.
   */
  signals[PROVIDERS_CHANGED] =
    g_signal_new ("providers-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StewardStore::row-changed:
   * @change: a #StewardRowChange
   * @id: the row's id
   * @parent_id: for a message, its conversation's id; otherwise 0
   *
   * A row was inserted, changed or removed through this store; the
   * detail is the table (the nick of its #StewardTable: "conversations",
   * "messages", "memories", "tasks", "projects"), so a list connects to
   * "row-changed::messages" and hears of nothing else. Lists keep
   * themselves up to date from this one row instead of reading a whole
   * table again. Emitted in the thread that made the change, after the
   * change is written.
   *
   * Deleting a conversation tells of the conversation only: its messages
   * go with it.
   */
  /**
   * StewardStore::external-change:
   *
   * Another process (steward-cli, a second window's process) changed the
   * database since it was last looked at with
   * steward_store_check_external_change (): what it changed is not
   * known row by row, so lists read again what they show.
   */
  signals[EXTERNAL_CHANGE] =
    g_signal_new ("external-change",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  signals[ROW_CHANGED] =
    g_signal_new ("row-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  STEWARD_TYPE_ROW_CHANGE,
                  G_TYPE_INT64,
                  G_TYPE_INT64);

  /**
   * StewardStore::positions-changed:
   * @positions: (element-type StewardRowPosition): the rows and their
   *   new places
   *
   * Rows of the table (the detail, as for "row-changed") moved up or
   * down in their group and nothing else about them changed: the tasks
   * a move on the board renumbers. Told as one signal for them all, so
   * a list sets thousands of positions without reading a row again. A
   * row told of by "row-changed" in the same change is not in it.
   */
  signals[POSITIONS_CHANGED] =
    g_signal_new ("positions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_ARRAY);
}

void
_steward_store_emit_row_changed (StewardStore     *self,
                                 StewardTable      table,
                                 StewardRowChange  change,
                                 gint64            id,
                                 gint64            parent_id)
{
  GQuark detail = g_quark_from_static_string (steward_enum_to_nick (STEWARD_TYPE_TABLE, table));

  g_signal_emit (self, signals[ROW_CHANGED], detail, change, id, parent_id);
}

void
_steward_store_emit_positions_changed (StewardStore *self,
                                       StewardTable  table,
                                       GArray       *positions)
{
  GQuark detail = g_quark_from_static_string (steward_enum_to_nick (STEWARD_TYPE_TABLE, table));

  if (positions->len > 0)
    g_signal_emit (self, signals[POSITIONS_CHANGED], detail, positions);
}

void
_steward_store_emit_providers_changed (StewardStore *self)
{
  g_signal_emit (self, signals[PROVIDERS_CHANGED], 0);
}

StewardLiveMessages *
_steward_store_get_live_messages (StewardStore *self)
{
  return self->live_messages;
}

static void
steward_store_init (StewardStore *self)
{
  self->live_messages = _steward_live_messages_new ();
}

void
_steward_store_set_sql_error (StewardStore  *self,
                              GError       **error)
{
  int code = sqlite3_errcode (self->db);
  int primary = code & 0xff;
  StewardStoreError kind;

  /* A write to a store opened read-only: say why, once, the same way
   * everywhere (steward_store_check_writable()). */
  if (primary == SQLITE_READONLY && self->read_only_path != NULL)
    {
      steward_store_check_writable (self, error);
      return;
    }

  switch (primary)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = STEWARD_STORE_ERROR_CORRUPT;
      g_set_error (error, STEWARD_STORE_ERROR, kind,
                   _("The database “%s” is damaged or is not a Steward database (%s)."),
                   self->path, sqlite3_errmsg (self->db));
      return;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_FULL:
      kind = STEWARD_STORE_ERROR_IO;
      break;

    case SQLITE_CONSTRAINT:
      kind = STEWARD_STORE_ERROR_INVALID;
      break;

    default:
      kind = STEWARD_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, STEWARD_STORE_ERROR, kind,
               _("Could not use the database “%s”: %s."),
               self->path, sqlite3_errmsg (self->db));
}

/* The connection for reads in worker threads (steward-store-reader.c). */
StewardStoreReader *
_steward_store_get_reader (StewardStore *self)
{
  if (g_once_init_enter (&self->reader))
    g_once_init_leave (&self->reader, _steward_store_reader_new (self->path, self->immutable));

  return self->reader;
}

sqlite3 *
_steward_store_get_db (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return self->db;
}

gboolean
_steward_store_exec (StewardStore  *self,
                     const char    *sql,
                     GError       **error)
{
  g_assert (STEWARD_IS_STORE (self));

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_steward_store_prepare (StewardStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return stmt;
}

GDateTime *
_steward_store_column_time (sqlite3_stmt *stmt,
                            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  GDateTime *ret = NULL;

  if (text != NULL)
    ret = g_date_time_new_from_iso8601 (text, NULL);

  /* A row edited by hand may hold a time we cannot read; show it as the
   * epoch rather than dropping the row. */
  if (ret == NULL && text != NULL)
    ret = g_date_time_new_from_unix_utc (0);

  return ret;
}

/* Binds @time as the store writes times: ISO 8601 in UTC, to the
 * millisecond, as STEWARD_STORE_NOW_SQL does; NULL binds NULL. */
void
_steward_store_bind_time (sqlite3_stmt *stmt,
                          int           column,
                          GDateTime    *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *text = NULL;

  if (time == NULL)
    {
      sqlite3_bind_null (stmt, column);
      return;
    }

  utc = g_date_time_to_utc (time);
  seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
  text = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);
  sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

/* Steps @stmt, which selects one row: the row's item, or %NULL, with
 * @error set when reading failed and left unset when there is no row. */
gpointer
_steward_store_read_one (StewardStore        *self,
                         sqlite3_stmt        *stmt,
                         StewardStoreRowFunc  from_row,
                         GError             **error)
{
  int rc;

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return from_row (stmt);

  if (rc != SQLITE_DONE)
    _steward_store_set_sql_error (self, error);

  return NULL;
}

/* Runs a statement that returns no rows. */
gboolean
_steward_store_step_done (StewardStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* The closed sets are text in the database (their nicks: "streaming",
 * "assistant"), enums everywhere else: here is where one becomes the
 * other. */
void
_steward_store_bind_enum (sqlite3_stmt *stmt,
                          int           column,
                          GType         enum_type,
                          int           value)
{
  const char *nick = steward_enum_to_nick (enum_type, value);

  g_return_if_fail (nick != NULL);

  sqlite3_bind_text (stmt, column, nick, -1, SQLITE_STATIC);
}

/* A value the schema's CHECK constraints let through is always known;
 * @fallback stands in for NULL. */
int
_steward_store_column_enum (sqlite3_stmt *stmt,
                            int           column,
                            GType         enum_type,
                            int           fallback)
{
  int value;

  if (!steward_enum_from_nick (enum_type, (const char *)sqlite3_column_text (stmt, column), &value))
    return fallback;

  return value;
}

void
_steward_store_bind_text_or_null (sqlite3_stmt *stmt,
                                  int           column,
                                  const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
}


const char *
steward_store_get_data_dir (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return self->data_dir;
}

const char *
steward_store_get_path (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return self->path;
}

int
steward_store_get_schema_version (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * steward_store_is_read_only:
 *
 * Returns: %TRUE when the store was opened read-only, because its folder
 *   or its file cannot be written: it can be read, but nothing is saved
 */
gboolean
steward_store_is_read_only (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  return self->read_only_path != NULL;
}

/**
 * steward_store_check_writable:
 *
 * Returns: %TRUE when changes can be saved; else %FALSE with @error set
 *   (%STEWARD_STORE_ERROR_READ_ONLY) to one sentence naming what cannot
 *   be written and why, which also serves to tell the user so up front
 */
gboolean
steward_store_check_writable (StewardStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (self->read_only_path == NULL)
    return TRUE;

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_READ_ONLY,
               _("Changes cannot be saved, because “%s” cannot be written (%s)."),
               self->read_only_path, self->read_only_reason);

  return FALSE;
}

/* A list of every row @sql returns, one item each (@row_func). */
GListModel *
_steward_store_list (StewardStore         *self,
                     GType                 item_type,
                     const char           *sql,
                     StewardStoreRowFunc   row_func,
                     GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListStore) list = NULL;
  int rc;

  if (!(stmt = _steward_store_prepare (self, sql, error)))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, row_func (stmt));

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  list = g_list_store_new (item_type);
  /* One splice, so a view sees a single items-changed. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gint64
_steward_store_read_data_version (StewardStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self, "PRAGMA data_version", NULL)) ||
      sqlite3_step (stmt) != SQLITE_ROW)
    return -1;

  return sqlite3_column_int64 (stmt, 0);
}

/* Takes the version the main connection sees now as seen: after this
 * process's own writes through another connection. */
void
_steward_store_note_data_version (StewardStore *self)
{
  gint64 version = _steward_store_read_data_version (self);

  if (version >= 0 && self->data_version != 0)
    self->data_version = version;
}

/**
 * steward_store_check_external_change:
 *
 * Looks whether another process committed to the database since the
 * last look (SQLite's `PRAGMA data_version`, a cheap read of the
 * connection's own state), and emits #StewardStore::external-change if
 * so. The first look only notes where things stand.
 *
 * Returns: whether another process changed the database
 */
gboolean
steward_store_check_external_change (StewardStore *self)
{
  gint64 version;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  /* This process's own writes in the worker move the version too: look
   * once they are told (_steward_store_note_data_version()). */
  if (self->pending_writes > 0)
    return FALSE;

  if ((version = _steward_store_read_data_version (self)) < 0 || version == self->data_version)
    return FALSE;

  if (self->data_version == 0)
    {
      self->data_version = version;
      return FALSE;
    }

  self->data_version = version;
  g_signal_emit (self, signals[EXTERNAL_CHANGE], 0);

  return TRUE;
}
