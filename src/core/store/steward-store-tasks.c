/* steward-store-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-project-private.h"
#include "steward-store-private.h"
#include "steward-task-private.h"

/* The tasks and projects tables. */

static gpointer
task_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) due = _steward_store_column_time (stmt, 5);
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 7);

  return _steward_task_new (sqlite3_column_int64 (stmt, 0),
                            (const char *)sqlite3_column_text (stmt, 1),
                            _steward_store_column_enum (stmt, 2, STEWARD_TYPE_TASK_STATUS,
                                                        STEWARD_TASK_STATUS_TODO),
                            _steward_store_column_enum (stmt, 3, STEWARD_TYPE_TASK_PRIORITY,
                                                        STEWARD_TASK_PRIORITY_MEDIUM),
                            (const char *)sqlite3_column_text (stmt, 4),
                            due,
                            sqlite3_column_int64 (stmt, 6),
                            created_at);
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

  return _steward_store_list (self, STEWARD_TYPE_TASK,
                              "SELECT id, title, status, priority, category,"
                              "       due, position, created_at"
                              "  FROM tasks"
                              " ORDER BY created_at DESC, id DESC",
                              task_from_row,
                              error);
}

static gpointer
project_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 3);
  g_autoptr(GDateTime) updated_at = _steward_store_column_time (stmt, 4);

  return _steward_project_new (sqlite3_column_int64 (stmt, 0),
                               (const char *)sqlite3_column_text (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2),
                               created_at,
                               updated_at);
}

/**
 * steward_store_list_projects:
 *
 * Returns: (transfer full): a #GListModel of #StewardProject, the most
 *   recently updated first
 */
GListModel *
steward_store_list_projects (StewardStore  *self,
                             GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return _steward_store_list (self, STEWARD_TYPE_PROJECT,
                              "SELECT id, name, template, created_at, updated_at"
                              "  FROM projects"
                              " ORDER BY updated_at DESC, id DESC",
                              project_from_row,
                              error);
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
                                 "SELECT id, title, status, priority, category,"
                                 "       due, position, created_at"
                                 "  FROM tasks WHERE id = ?",
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

  if ((project = read_one (self, stmt, project_from_row, &local_error)) != NULL)
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
