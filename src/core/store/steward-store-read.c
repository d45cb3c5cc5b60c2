/* steward-store-read.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-store-private.h"

/* Lists read in a worker thread, on the store's second connection
 * (steward-store-reader.c), so that a list that is long at scale (ten
 * thousand conversations) never holds up a frame: the main thread's
 * connection is not touched, and the list is handed back whole. */

typedef struct
{
  GType                item_type;
  const char          *sql;
  StewardStoreRowFunc  row_func;
  StewardStoreReadFlags flags;
  /* Bound to ?1, ?2, … */
  gint64               params[4];
  guint                n_params;
} ListData;

/* What a failed read on the reader connection (@rc) was, for the
 * StewardStoreError a caller sees. */
StewardStoreError
_steward_store_read_error_kind (int rc)
{
  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return STEWARD_STORE_ERROR_CORRUPT;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
      return STEWARD_STORE_ERROR_IO;

    default:
      return STEWARD_STORE_ERROR_FAILED;
    }
}

static void
set_read_error (StewardStore  *self,
                sqlite3       *db,
                int            rc,
                GCancellable  *cancellable,
                GError       **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return;

  g_set_error (error, STEWARD_STORE_ERROR, _steward_store_read_error_kind (rc),
               _("Could not use the database “%s”: %s."),
               steward_store_get_path (self),
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

static GListModel *
read_list (StewardStore    *self,
           const ListData  *data,
           GCancellable    *cancellable,
           GError         **error)
{
  StewardStoreReader *reader = _steward_store_get_reader (self);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListStore) list = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3 *db;
  int rc = SQLITE_OK;

  if (!(db = _steward_store_reader_lock (reader, cancellable, &rc)))
    {
      set_read_error (self, NULL, rc, cancellable, error);
      return NULL;
    }

  if ((rc = sqlite3_prepare_v2 (db, data->sql, -1, &stmt, NULL)) == SQLITE_OK)
    {
      for (guint i = 0; i < data->n_params; i++)
        sqlite3_bind_int64 (stmt, i + 1, data->params[i]);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gpointer item = data->row_func (stmt);

          /* The live object where there is one (steward-store-identity.c) */
          if (data->flags & STEWARD_STORE_READ_MESSAGES)
            item = _steward_live_messages_adopt (_steward_store_get_live_messages (self), item);
          g_ptr_array_add (items, item);
        }
    }

  if (rc != SQLITE_DONE)
    set_read_error (self, db, rc, cancellable, error);

  sqlite3_finalize (stmt);
  _steward_store_reader_unlock (reader);

  if (rc != SQLITE_DONE)
    return NULL;

  if (data->flags & STEWARD_STORE_READ_REVERSED)
    {
      for (guint i = 0; i < items->len / 2; i++)
        {
          gpointer swap = items->pdata[i];

          items->pdata[i] = items->pdata[items->len - 1 - i];
          items->pdata[items->len - 1 - i] = swap;
        }
    }

  list = g_list_store_new (data->item_type);
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

static void
read_list_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  GError *error = NULL;
  GListModel *list;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((list = read_list (source_object, task_data, cancellable, &error)))
    g_task_return_pointer (task, list, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* Runs @sql (static) in a worker, making an item of @item_type of each
 * row with @row_func; @params (at most four) are bound to ?1, ?2, … */
void
_steward_store_list_async (StewardStore         *self,
                           GType                 item_type,
                           const char           *sql,
                           StewardStoreRowFunc   row_func,
                           StewardStoreReadFlags flags,
                           const gint64         *params,
                           guint                 n_params,
                           gpointer              source_tag,
                           GCancellable         *cancellable,
                           GAsyncReadyCallback   callback,
                           gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ListData *data;

  g_return_if_fail (n_params <= G_N_ELEMENTS (data->params));

  data = g_new0 (ListData, 1);
  data->item_type = item_type;
  data->sql = sql;
  data->row_func = row_func;
  data->flags = flags;
  data->n_params = n_params;
  for (guint i = 0; i < n_params; i++)
    data->params[i] = params[i];

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, g_free);
  g_task_run_in_thread (task, read_list_worker);
}

GListModel *
_steward_store_list_finish (StewardStore  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
