/* steward-store-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

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
                                                        STEWARD_TASK_PRIORITY_NORMAL),
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
