/* steward-store-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include <stdio.h>
#include <string.h>

#include "steward-local-time.h"
#include "steward-enum-types.h"
#include "steward-recurrence.h"
#include "steward-store-private.h"
#include "steward-task-private.h"

/* The tasks table. A task's place on the board is its
 * status and its position in that status' column: 0 to n-1, dense. Every
 * change of place runs in one transaction that numbers the columns it
 * touched again, and tells of each row whose status or position changed,
 * so a board's columns follow without reading everything again. */

#define TASK_COLUMNS "id, title, notes, status, priority, category, due, rrule, position," \
                     " source, source_ref, created_at, updated_at, completed_at, reminded_at"

#define LIST_TASKS_SQL "SELECT " TASK_COLUMNS " FROM tasks ORDER BY created_at DESC, id DESC"

/* A day ('YYYY-MM-DD') is that day's midnight, local time; a moment is
 * UTC. */
static GDateTime *
column_due (sqlite3_stmt *stmt,
            int           column,
            gboolean     *has_time)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  int year, month, day;

  *has_time = FALSE;
  if (text == NULL)
    return NULL;

  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d", &year, &month, &day) == 3 &&
      g_date_valid_dmy (day, month, year))
    return steward_local_new (year, month, day, 0, 0, 0);

  *has_time = TRUE;
  return _steward_store_column_time (stmt, column);
}

/* How a due is stored: a day is the day @due names, in its own zone (a
 * day stays that day wherever it is read); a moment is written in UTC. */
static char *
dup_due_text (GDateTime *due,
              gboolean   has_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (due == NULL)
    return NULL;

  if (!has_time)
    return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (due),
                            g_date_time_get_month (due), g_date_time_get_day_of_month (due));

  utc = g_date_time_to_utc (due);
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ", g_date_time_get_year (utc),
                          g_date_time_get_month (utc), g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc), g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

static gpointer
task_from_row (sqlite3_stmt *stmt)
{
  StewardTaskDraft draft = { 0 };
  StewardTaskTimes times = { 0 };
  StewardTask *task;

  draft.title = (char *)sqlite3_column_text (stmt, 1);
  draft.notes = (char *)sqlite3_column_text (stmt, 2);
  draft.priority = _steward_store_column_enum (stmt, 4, STEWARD_TYPE_TASK_PRIORITY,
                                               STEWARD_TASK_PRIORITY_MEDIUM);
  draft.category = (char *)sqlite3_column_text (stmt, 5);
  draft.due = column_due (stmt, 6, &draft.due_has_time);
  draft.rrule = (char *)sqlite3_column_text (stmt, 7);
  draft.source = _steward_store_column_enum (stmt, 9, STEWARD_TYPE_TASK_SOURCE,
                                             STEWARD_TASK_SOURCE_NONE);
  draft.source_ref = (char *)sqlite3_column_text (stmt, 10);
  times.created_at = _steward_store_column_time (stmt, 11);
  times.updated_at = _steward_store_column_time (stmt, 12);
  times.completed_at = _steward_store_column_time (stmt, 13);
  times.reminded_at = _steward_store_column_time (stmt, 14);

  task = _steward_task_new (sqlite3_column_int64 (stmt, 0),
                            &draft,
                            _steward_store_column_enum (stmt, 3, STEWARD_TYPE_TASK_STATUS,
                                                        STEWARD_TASK_STATUS_TODO),
                            MAX (sqlite3_column_int64 (stmt, 8), 0),
                            &times);

  g_clear_pointer (&draft.due, g_date_time_unref);
  g_clear_pointer (&times.created_at, g_date_time_unref);
  g_clear_pointer (&times.updated_at, g_date_time_unref);
  g_clear_pointer (&times.completed_at, g_date_time_unref);
  g_clear_pointer (&times.reminded_at, g_date_time_unref);

  return task;
}

/**
 * steward_store_list_tasks:
 *
 * Returns: (transfer full): a #GListModel of #StewardTask, the most recently
 *   created first
 */
GListModel *
steward_store_list_tasks (StewardStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return _steward_store_list (self, STEWARD_TYPE_TASK, LIST_TASKS_SQL, task_from_row, error);
}

/**
 * steward_store_list_tasks_async:
 *
 * Lists the tasks as steward_store_list_tasks() does, in a worker thread
 * on a connection of its own: a board of thousands of tasks opens
 * without blocking the window.
 */
void
steward_store_list_tasks_async (StewardStore        *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  _steward_store_list_async (self, STEWARD_TYPE_TASK, LIST_TASKS_SQL, task_from_row,
                             STEWARD_STORE_READ_DEFAULT, NULL, 0,
                             steward_store_list_tasks_async,
                             cancellable, callback, user_data);
}

/**
 * steward_store_list_tasks_finish:
 *
 * Returns: (transfer full): a #GListModel of #StewardTask, the most
 *   recently created first, or %NULL with @error set
 */
GListModel *
steward_store_list_tasks_finish (StewardStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _steward_store_list_finish (self, result, error);
}

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
                                 "SELECT " TASK_COLUMNS " FROM tasks WHERE id = ?",
                                 error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((task = read_one (self, stmt, task_from_row, &local_error)) != NULL)
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

static void
set_task_not_found (GError **error,
                    gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: %s is a number */
  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
               _("There is no task %s."), number);
}

/* What the schema would refuse, said in words before it is written. */
static gboolean
check_draft (const StewardTaskDraft  *draft,
             GError                 **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!steward_task_draft_validate (draft, &local_error) ||
      (draft->rrule != NULL && !steward_recurrence_check (draft->rrule, &local_error)))
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                           local_error->message);
      return FALSE;
    }

  if (draft->rrule != NULL && draft->due == NULL)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                           _("A repeating task needs a due date."));
      return FALSE;
    }

  if (draft->due != NULL &&
      (g_date_time_get_year (draft->due) < 1000 || g_date_time_get_year (draft->due) > 9998))
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                           _("A task’s due date must be between the years 1000 and 9998."));
      return FALSE;
    }

  return TRUE;
}

/* Binds the draft's fields to parameters 1 to 8: title, notes,
 * priority, category, due, rrule, source, source_ref. */
static void
bind_draft (sqlite3_stmt           *stmt,
            const StewardTaskDraft *draft)
{
  g_autofree char *title = g_strstrip (g_strdup (draft->title));

  sqlite3_bind_text (stmt, 1, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, draft->notes ? draft->notes : "", -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (stmt, 3, STEWARD_TYPE_TASK_PRIORITY, draft->priority);
  sqlite3_bind_text (stmt, 4, draft->category ? draft->category : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, dup_due_text (draft->due, draft->due_has_time), -1, g_free);
  _steward_store_bind_text_or_null (stmt, 6, draft->rrule);
  _steward_store_bind_enum (stmt, 7, STEWARD_TYPE_TASK_SOURCE, draft->source);
  _steward_store_bind_text_or_null (stmt, 8, draft->source_ref);
}

/* Whether the column of @status is numbered 0, 1, … n-1, each number
 * once (the store keeps it so; another writer may not have); -1 with
 * @error set. */
static int
column_is_dense (StewardStore       *self,
                 StewardTaskStatus   status,
                 GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 version = _steward_store_read_data_version (self);
  int dense;

  /* Seen so since the last commit of another connection: this store's
   * own writes keep it so (a drag writes many moves in a row) */
  if (version >= 0 && self->dense_version[status] == version + 1)
    return 1;

  stmt = _steward_store_prepare (self,
                                 "SELECT count (*) = count (DISTINCT position)"
                                 "       AND coalesce (min (position), 0) = 0"
                                 "       AND coalesce (max (position), -1) = count (*) - 1"
                                 "  FROM tasks WHERE status = ?",
                                 error);
  if (stmt == NULL)
    return -1;

  _steward_store_bind_enum (stmt, 1, STEWARD_TYPE_TASK_STATUS, status);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _steward_store_set_sql_error (self, error);
      return -1;
    }

  dense = sqlite3_column_int (stmt, 0) != 0;
  if (dense && version >= 0)
    self->dense_version[status] = version + 1;

  return dense;
}

/* Collects what an UPDATE … RETURNING id, position wrote into @changed
 * (may be NULL). */
static gboolean
collect_positions (StewardStore  *self,
                   sqlite3_stmt  *stmt,
                   GArray        *changed,
                   GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardRowPosition place = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      if (changed != NULL)
        g_array_append_val (changed, place);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* Moves the tasks of @status from position @first to @last, both
 * included, by @delta, leaving out @skip_id: the rows that make room in
 * a dense column, written without reading the column's order. */
static gboolean
shift (StewardStore       *self,
       StewardTaskStatus   status,
       gint64              first,
       gint64              last,
       int                 delta,
       gint64              skip_id,
       GArray             *changed,
       GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (first > last)
    return TRUE;

  stmt = _steward_store_prepare (self,
                                 "UPDATE tasks SET position = position + ?4"
                                 " WHERE status = ?1 AND position BETWEEN ?2 AND ?3 AND id != ?5"
                                 " RETURNING id, position",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _steward_store_bind_enum (stmt, 1, STEWARD_TYPE_TASK_STATUS, status);
  sqlite3_bind_int64 (stmt, 2, first);
  sqlite3_bind_int64 (stmt, 3, last);
  sqlite3_bind_int (stmt, 4, delta);
  sqlite3_bind_int64 (stmt, 5, skip_id);

  return collect_positions (self, stmt, changed, error);
}

/* Numbers the column of @status 0, 1, … in its order, leaving out
 * @skip_id (0: none) and leaving position @hole free (-1: none); the
 * rows that moved go to @changed (StewardRowPosition: where each is
 * now). A column that is already dense is not written, and one that is
 * not (a foreign writer) is made so. */
static gboolean
renumber (StewardStore       *self,
          StewardTaskStatus   status,
          gint64              skip_id,
          gint64              hole,
          GArray             *changed,
          GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* Dense, with nothing left out or to make room for: as it should be */
  if (skip_id == 0 && hole < 0)
    {
      int dense = column_is_dense (self, status, error);

      if (dense != 0)
        return dense > 0;
    }

  stmt = _steward_store_prepare (self,
                                 "UPDATE tasks SET position = r.n + (r.n >= ?3)"
                                 "  FROM (SELECT id, row_number () OVER (ORDER BY position, id) - 1 AS n"
                                 "          FROM tasks WHERE status = ?1 AND id != ?2) AS r"
                                 " WHERE tasks.id = r.id AND tasks.position != r.n + (r.n >= ?3)"
                                 " RETURNING id, position",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _steward_store_bind_enum (stmt, 1, STEWARD_TYPE_TASK_STATUS, status);
  sqlite3_bind_int64 (stmt, 2, skip_id);
  sqlite3_bind_int64 (stmt, 3, hole >= 0 ? hole : G_MAXINT64);

  return collect_positions (self, stmt, changed, error);
}

/* How many tasks have @status, besides @skip_id; -1 with @error set. */
static gint64
count_tasks (StewardStore       *self,
             StewardTaskStatus   status,
             gint64              skip_id,
             GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _steward_store_prepare (self, "SELECT count (*) FROM tasks WHERE status = ? AND id != ?", error);
  if (stmt == NULL)
    return -1;

  _steward_store_bind_enum (stmt, 1, STEWARD_TYPE_TASK_STATUS, status);
  sqlite3_bind_int64 (stmt, 2, skip_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _steward_store_set_sql_error (self, error);
      return -1;
    }

  return sqlite3_column_int64 (stmt, 0);
}

/* Where task @id is; %FALSE with @error set (NOT_FOUND) when it is not. */
static gboolean
read_place (StewardStore       *self,
            gint64              id,
            StewardTaskStatus  *status,
            gint64             *position,
            GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _steward_store_prepare (self, "SELECT status, position FROM tasks WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *status = _steward_store_column_enum (stmt, 0, STEWARD_TYPE_TASK_STATUS, STEWARD_TASK_STATUS_TODO);
      *position = sqlite3_column_int64 (stmt, 1);
      return TRUE;
    }

  if (rc == SQLITE_DONE)
    set_task_not_found (error, id);
  else
    _steward_store_set_sql_error (self, error);

  return FALSE;
}

/* Tells of @id (if not 0) as @change, then of the other rows that moved
 * (@changed: StewardRowPosition, a row's last place counting) as one
 * "positions-changed". */
static void
emit_changes (StewardStore     *self,
              StewardRowChange  change,
              gint64            id,
              GArray           *changed)
{
  g_autoptr(GHashTable) told = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) positions = NULL;

  if (id != 0)
    {
      _steward_store_emit_row_changed (self, STEWARD_TABLE_TASKS, change, id, 0);
      g_hash_table_add (told, &id);
    }

  if (changed == NULL)
    return;

  positions = g_array_sized_new (FALSE, FALSE, sizeof (StewardRowPosition), changed->len);
  for (guint i = changed->len; i > 0; i--)
    {
      StewardRowPosition *place = &g_array_index (changed, StewardRowPosition, i - 1);

      if (g_hash_table_contains (told, &place->id))
        continue;
      g_hash_table_add (told, &place->id);
      g_array_append_val (positions, *place);
    }

  _steward_store_emit_positions_changed (self, STEWARD_TABLE_TASKS, positions);
}

/* Adds a task at the end of its column, inside a transaction. */
static gint64
insert_task (StewardStore            *self,
             const StewardTaskDraft  *draft,
             StewardTaskStatus        status,
             GArray                  *changed,
             GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 position;

  if (!renumber (self, status, 0, -1, changed, error) ||
      (position = count_tasks (self, status, 0, error)) < 0)
    return 0;

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO tasks (title, notes, priority, category, due, rrule,"
                                 "                   source, source_ref, status, position,"
                                 "                   created_at, updated_at, completed_at)"
                                 " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                                 "         " STEWARD_STORE_NOW_SQL ", " STEWARD_STORE_NOW_SQL ","
                                 "         CASE ?9 WHEN 'done' THEN " STEWARD_STORE_NOW_SQL " END)",
                                 error);
  if (stmt == NULL)
    return 0;

  bind_draft (stmt, draft);
  _steward_store_bind_enum (stmt, 9, STEWARD_TYPE_TASK_STATUS, status);
  sqlite3_bind_int64 (stmt, 10, position);

  if (!_steward_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_steward_store_get_db (self));
}

/**
 * steward_store_add_task:
 * @draft: the task; see steward_task_draft_validate()
 * @status: the column it goes to, at the end
 *
 * A repeat rule must be one steward_recurrence_check() takes, and needs
 * a due.
 *
 * Returns: the new task's id, or 0 with @error set
 */
gint64
steward_store_add_task (StewardStore            *self,
                        const StewardTaskDraft  *draft,
                        StewardTaskStatus        status,
                        GError                 **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (StewardRowPosition));
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);
  g_return_val_if_fail (draft != NULL, 0);

  if (!check_draft (draft, error) || !_steward_store_savepoint_begin (self, "tasks", error))
    return 0;

  if (!(id = insert_task (self, draft, status, changed, error)) ||
      !_steward_store_savepoint_release (self, "tasks", error))
    {
      _steward_store_savepoint_roll_back (self, "tasks");
      return 0;
    }

  emit_changes (self, STEWARD_ROW_INSERTED, id, changed);

  return id;
}

/**
 * steward_store_add_tasks:
 * @drafts: (element-type StewardTaskDraft): the tasks, in order
 * @status: the column they go to, at its end
 *
 * Adds all of @drafts in one transaction: all of them or, when one
 * cannot be added, none (what extraction adds, reviewed or not).
 *
 * Returns: (transfer full) (element-type gint64): the new tasks' ids in
 *   the order of @drafts, or %NULL with @error set
 */
GArray *
steward_store_add_tasks (StewardStore     *self,
                         GPtrArray        *drafts,
                         StewardTaskStatus status,
                         GError          **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (StewardRowPosition));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (drafts != NULL, NULL);

  for (guint i = 0; i < drafts->len; i++)
    if (!check_draft (g_ptr_array_index (drafts, i), error))
      return NULL;

  if (!_steward_store_savepoint_begin (self, "tasks", error))
    return NULL;

  for (guint i = 0; i < drafts->len; i++)
    {
      gint64 id;

      if (!(id = insert_task (self, g_ptr_array_index (drafts, i), status, changed, error)))
        {
          _steward_store_savepoint_roll_back (self, "tasks");
          return NULL;
        }
      g_array_append_val (ids, id);
    }

  if (!_steward_store_savepoint_release (self, "tasks", error))
    {
      _steward_store_savepoint_roll_back (self, "tasks");
      return NULL;
    }

  for (guint i = 0; i < ids->len; i++)
    emit_changes (self, STEWARD_ROW_INSERTED, g_array_index (ids, gint64, i), i + 1 == ids->len ? changed : NULL);

  return g_steal_pointer (&ids);
}

/**
 * steward_store_update_task:
 * @draft: what the task now says
 *
 * Changes what task @id says (not where it is on the board: see
 * steward_store_move_task()). A new due makes its reminder due again.
 *
 * Returns: whether it was changed; %FALSE with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND for an unknown id)
 */
gboolean
steward_store_update_task (StewardStore            *self,
                           gint64                   id,
                           const StewardTaskDraft  *draft,
                           GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) updated = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (draft != NULL, FALSE);

  if (!check_draft (draft, error))
    return FALSE;

  stmt = _steward_store_prepare (self,
                                 "UPDATE tasks SET title = ?1, notes = ?2, priority = ?3,"
                                 "                 category = ?4, due = ?5, rrule = ?6,"
                                 "                 source = ?7, source_ref = ?8,"
                                 "                 reminded_at = CASE WHEN due IS ?5 THEN reminded_at END,"
                                 "                 updated_at = " STEWARD_STORE_NOW_SQL
                                 " WHERE id = ?9"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  bind_draft (stmt, draft);
  sqlite3_bind_int64 (stmt, 9, id);

  if (!_steward_store_collect_ids (self, stmt, updated, error))
    return FALSE;

  if (updated->len == 0)
    {
      set_task_not_found (error, id);
      return FALSE;
    }

  emit_changes (self, STEWARD_ROW_CHANGED, id, NULL);

  return TRUE;
}

/* Moves task @id inside a transaction; see steward_store_move_task(). */
static gboolean
move_task (StewardStore       *self,
           gint64              id,
           StewardTaskStatus   status,
           int                 position,
           gboolean           *moved,
           GArray             *changed,
           GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  StewardTaskStatus old_status;
  gint64 old_position;
  gint64 n_others;
  gint64 place;
  int dense;

  *moved = FALSE;

  if (!read_place (self, id, &old_status, &old_position, error) ||
      (n_others = count_tasks (self, status, id, error)) < 0)
    return FALSE;

  place = position < 0 || position > n_others ? n_others : position;
  if (old_status == status && old_position == place)
    return TRUE;

  if ((dense = column_is_dense (self, status, error)) < 0 ||
      (dense && old_status != status && (dense = column_is_dense (self, old_status, error)) < 0))
    return FALSE;

  if (dense)
    {
      /* Only the rows between the old and the new place move, by one */
      if (old_status != status)
        {
          if (!shift (self, old_status, old_position + 1, G_MAXINT64, -1, id, changed, error) ||
              !shift (self, status, place, G_MAXINT64, 1, id, changed, error))
            return FALSE;
        }
      else if (place > old_position)
        {
          if (!shift (self, status, old_position + 1, place, -1, id, changed, error))
            return FALSE;
        }
      else if (!shift (self, status, place, old_position - 1, 1, id, changed, error))
        {
          return FALSE;
        }
    }
  else if (!renumber (self, status, id, place, changed, error))
    {
      return FALSE;
    }

  stmt = _steward_store_prepare (self,
                                 "UPDATE tasks SET status = ?1, position = ?2,"
                                 "                 completed_at = CASE WHEN ?1 != 'done' THEN NULL"
                                 "                                     WHEN status = 'done' THEN completed_at"
                                 "                                     ELSE " STEWARD_STORE_NOW_SQL " END,"
                                 "                 updated_at = " STEWARD_STORE_NOW_SQL
                                 " WHERE id = ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;

  _steward_store_bind_enum (stmt, 1, STEWARD_TYPE_TASK_STATUS, status);
  sqlite3_bind_int64 (stmt, 2, place);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (!dense && old_status != status && !renumber (self, old_status, 0, -1, changed, error))
    return FALSE;

  *moved = TRUE;
  return TRUE;
}

/**
 * steward_store_move_task:
 * @status: the column it goes to
 * @position: its place there, from 0; -1 (or past the end) for the end
 *
 * Moves task @id within its column or to another; the tasks after its
 * old and new places move up and down. Moving into Done marks when it
 * was done; moving out of Done forgets it.
 *
 * Returns: whether it was moved (or was there already); %FALSE with
 *   @error set (%STEWARD_STORE_ERROR_NOT_FOUND for an unknown id)
 */
gboolean
steward_store_move_task (StewardStore       *self,
                         gint64              id,
                         StewardTaskStatus   status,
                         int                 position,
                         GError            **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (StewardRowPosition));
  gboolean moved;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (status <= STEWARD_TASK_STATUS_DONE, FALSE);

  if (!_steward_store_savepoint_begin (self, "tasks", error))
    return FALSE;

  if (!move_task (self, id, status, position, &moved, changed, error) ||
      !_steward_store_savepoint_release (self, "tasks", error))
    {
      _steward_store_savepoint_roll_back (self, "tasks");
      return FALSE;
    }

  if (moved)
    emit_changes (self, STEWARD_ROW_CHANGED, id, changed);

  return TRUE;
}

/**
 * steward_store_complete_task:
 * @next_id: (out) (optional): the id of the next occurrence, or 0
 *
 * Moves task @id to the end of Done. A repeating task comes back: its
 * next occurrence is added to the end of To do, due when its repeat rule
 * says. A task already done stays as it is.
 *
 * Returns: whether it was done; %FALSE with @error set
 */
gboolean
steward_store_complete_task (StewardStore  *self,
                             gint64         id,
                             gint64        *next_id,
                             GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  return _steward_store_complete_task_at (self, id, -1, next_id, error);
}

/* steward_store_complete_task(), the task going to @position in Done
 * (-1: the end) rather than to the end, in one move. */
gboolean
_steward_store_complete_task_at (StewardStore  *self,
                                 gint64         id,
                                 int            position,
                                 gint64        *next_id,
                                 GError       **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (StewardRowPosition));
  g_autoptr(StewardTask) task = NULL;
  gint64 next = 0;
  gboolean moved = FALSE;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (next_id != NULL)
    *next_id = 0;

  if (!_steward_store_savepoint_begin (self, "tasks", error))
    return FALSE;

  if (!(task = steward_store_find_task (self, id, error)))
    goto failed;

  if (steward_task_get_status (task) == STEWARD_TASK_STATUS_DONE)
    {
      if (!_steward_store_savepoint_release (self, "tasks", error))
        goto failed;
      return TRUE;
    }

  if (!move_task (self, id, STEWARD_TASK_STATUS_DONE, position, &moved, changed, error))
    goto failed;

  if (steward_task_get_rrule (task) != NULL && steward_task_get_due (task) != NULL)
    {
      g_autoptr(StewardTaskDraft) draft = steward_task_dup_draft (task);
      g_autoptr(GDateTime) local = steward_local_time (steward_task_get_due (task));
      g_autoptr(GError) local_error = NULL;
      GDateTime *due;

      /* On the calendar of the user's zone, where 9:00 stays 9:00 */
      if (!(due = steward_recurrence_next (draft->rrule, local, &local_error)))
        {
          g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                               local_error->message);
          goto failed;
        }
      g_clear_pointer (&draft->due, g_date_time_unref);
      draft->due = due;

      if (!check_draft (draft, error) ||
          !(next = insert_task (self, draft, STEWARD_TASK_STATUS_TODO, changed, error)))
        goto failed;
    }

  if (!_steward_store_savepoint_release (self, "tasks", error))
    goto failed;

  if (moved)
    emit_changes (self, STEWARD_ROW_CHANGED, id, changed);
  if (next != 0)
    emit_changes (self, STEWARD_ROW_INSERTED, next, NULL);

  if (next_id != NULL)
    *next_id = next;

  return TRUE;

failed:
  _steward_store_savepoint_roll_back (self, "tasks");
  return FALSE;
}

/**
 * steward_store_delete_task:
 *
 * Deletes task @id; the tasks after it in its column move up.
 *
 * Returns: whether it was deleted; %FALSE with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND for an unknown id)
 */
gboolean
steward_store_delete_task (StewardStore  *self,
                           gint64         id,
                           GError       **error)
{
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (StewardRowPosition));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  StewardTaskStatus status;
  gint64 position;
  int dense;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!_steward_store_savepoint_begin (self, "tasks", error))
    return FALSE;

  if (!read_place (self, id, &status, &position, error) ||
      (dense = column_is_dense (self, status, error)) < 0 ||
      !(stmt = _steward_store_prepare (self, "DELETE FROM tasks WHERE id = ?", error)))
    goto failed;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!_steward_store_step_done (self, stmt, error) ||
      !(dense ? shift (self, status, position + 1, G_MAXINT64, -1, 0, changed, error)
              : renumber (self, status, 0, -1, changed, error)) ||
      !_steward_store_savepoint_release (self, "tasks", error))
    goto failed;

  emit_changes (self, STEWARD_ROW_REMOVED, id, changed);

  return TRUE;

failed:
  _steward_store_savepoint_roll_back (self, "tasks");
  return FALSE;
}

/**
 * steward_store_clear_done_tasks:
 *
 * Deletes every task that is done.
 *
 * Returns: how many were deleted; 0 with @error set when it failed
 */
guint
steward_store_clear_done_tasks (StewardStore  *self,
                                GError       **error)
{
  g_autoptr(GArray) removed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  stmt = _steward_store_prepare (self, "DELETE FROM tasks WHERE status = 'done' RETURNING id", error);
  if (stmt == NULL || !_steward_store_collect_ids (self, stmt, removed, error))
    return 0;

  for (guint i = 0; i < removed->len; i++)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_TASKS, STEWARD_ROW_REMOVED,
                                     g_array_index (removed, gint64, i), 0);

  return removed->len;
}

/**
 * steward_store_set_task_reminded:
 *
 * Remembers that the reminder of task @id was shown for its present due,
 * so it is not shown again (after a restart too) until the due changes.
 *
 * Returns: whether it was written; %FALSE with @error set
 */
gboolean
steward_store_set_task_reminded (StewardStore  *self,
                                 gint64         id,
                                 GError       **error)
{
  g_autoptr(GArray) updated = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  stmt = _steward_store_prepare (self,
                                 "UPDATE tasks SET reminded_at = " STEWARD_STORE_NOW_SQL
                                 " WHERE id = ? RETURNING id",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!_steward_store_collect_ids (self, stmt, updated, error))
    return FALSE;

  if (updated->len == 0)
    {
      set_task_not_found (error, id);
      return FALSE;
    }

  emit_changes (self, STEWARD_ROW_CHANGED, id, NULL);

  return TRUE;
}
