/* steward-store-writer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <errno.h>
#ifdef __linux__
# include <sys/resource.h>
# include <sys/syscall.h>
# include <unistd.h>
#endif

#include "steward-enum-types.h"
#include "steward-store-private.h"

/* How much less the writing thread asks of the processor than the
 * others: on two cores it would otherwise take one from the window's
 * frames while a long write runs (Linux nice levels are per thread). */
#define WRITER_NICE 10

/* Writes off the main thread. A write that rewrites thousands of rows
 * (a card dropped on top of a long column) takes longer than a frame, in
 * SQLite and in writing the log; the board shows the change at once and
 * has the store write it here.
 *
 * The writes run in one worker thread of their own, so they reach the
 * file in the order they were asked, on a second store opened on the
 * same file (its own connection; WAL lets the main connection read
 * meanwhile). Each runs in one transaction. What the second store tells
 * while writing ("row-changed", "positions-changed") is kept and told
 * again by this store on the main context once the write is committed,
 * so lists follow it as if it had been written here. */

typedef enum
{
  TOLD_ROW,
  TOLD_POSITIONS,
  TOLD_PROVIDERS,
} ToldKind;

typedef struct
{
  ToldKind          kind;
  StewardTable      table;
  StewardRowChange  change;
  gint64            id;
  gint64            parent_id;
  GArray           *positions;
} Told;

typedef struct
{
  StewardStoreWriteFunc  func;
  gpointer               data;
  GDestroyNotify         destroy;
  /* Told: what the write told, in order */
  GArray                *told;
} WriteData;

static void
told_clear (gpointer data)
{
  Told *told = data;

  g_clear_pointer (&told->positions, g_array_unref);
}

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  if (write->destroy != NULL)
    write->destroy (write->data);
  g_clear_pointer (&write->told, g_array_unref);
  g_free (write);
}

static StewardTable
table_of_emission (gpointer instance)
{
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (instance);
  int table = STEWARD_TABLE_TASKS;

  /* Every emission is detailed by its table (steward-store.c) */
  if (hint->detail != 0)
    steward_enum_from_nick (STEWARD_TYPE_TABLE, g_quark_to_string (hint->detail), &table);

  return (StewardTable)table;
}

/* In the worker: what the writer tells goes to the write being done. */
static void
writer_row_changed_cb (StewardStore     *writer,
                       StewardRowChange  change,
                       gint64            id,
                       gint64            parent_id,
                       StewardStore     *self)
{
  Told told = { TOLD_ROW, table_of_emission (writer), change, id, parent_id, NULL };

  g_array_append_val (self->writing, told);
}

static void
writer_positions_changed_cb (StewardStore *writer,
                             GArray       *positions,
                             StewardStore *self)
{
  Told told = { TOLD_POSITIONS, table_of_emission (writer), 0, 0, 0, g_array_ref (positions) };

  g_array_append_val (self->writing, told);
}

static void
writer_providers_changed_cb (StewardStore *writer,
                             StewardStore *self)
{
  Told told = { TOLD_PROVIDERS, 0, 0, 0, 0, NULL };

  g_array_append_val (self->writing, told);
}

static gboolean
ensure_writer (StewardStore  *self,
               GError       **error)
{
  if (self->writer != NULL)
    return TRUE;

#ifdef __linux__
  /* The thread writes in the background: it yields to the window */
  if (setpriority (PRIO_PROCESS, (id_t)syscall (SYS_gettid), WRITER_NICE) != 0)
    g_debug ("Could not lower the writing thread's priority: %s", g_strerror (errno));
#endif

  if (!(self->writer = steward_store_open (self->data_dir, error)))
    return FALSE;

  g_signal_connect (self->writer, "row-changed", G_CALLBACK (writer_row_changed_cb), self);
  g_signal_connect (self->writer, "positions-changed", G_CALLBACK (writer_positions_changed_cb), self);
  g_signal_connect (self->writer, "providers-changed", G_CALLBACK (writer_providers_changed_cb), self);

  return TRUE;
}

/* The worker thread: one write after the other. */
static void
write_in_worker (gpointer data,
                 gpointer user_data)
{
  g_autoptr(GTask) task = data;
  StewardStore *self = user_data;
  WriteData *write = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (!ensure_writer (self, &error) ||
      !_steward_store_savepoint_begin (self->writer, "write", &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  self->writing = write->told;
  ok = write->func (self->writer, write->data, &error) &&
       _steward_store_savepoint_release (self->writer, "write", &error);
  self->writing = NULL;

  if (!ok)
    {
      _steward_store_savepoint_roll_back (self->writer, "write");
      /* Nothing was written: nothing to tell */
      g_array_set_size (write->told, 0);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/* On the main context: the write is in the file; tell of it here. */
static void
written_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  StewardStore *self = STEWARD_STORE (object);
  g_autoptr(GTask) task = user_data;
  WriteData *write = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  g_assert (self->pending_writes > 0);

  /* This process's own commits are no change from another process: the
   * version the main connection sees moved past them. A commit by
   * another process in these few milliseconds is noticed with its next
   * one. */
  if (--self->pending_writes == 0)
    _steward_store_note_data_version (self);

  for (guint i = 0; i < write->told->len; i++)
    {
      const Told *told = &g_array_index (write->told, Told, i);

      switch (told->kind)
        {
        case TOLD_ROW:
          _steward_store_emit_row_changed (self, told->table, told->change, told->id, told->parent_id);
          break;

        case TOLD_POSITIONS:
          _steward_store_emit_positions_changed (self, told->table, told->positions);
          break;

        case TOLD_PROVIDERS:
          _steward_store_emit_providers_changed (self);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * _steward_store_write_async:
 * @func: the write, called in the worker with the store it writes
 *   through, inside a transaction: all of it is written, or nothing when
 *   it fails
 * @data: (transfer full): for @func, freed with @destroy
 *
 * Runs @func in the store's worker thread, after the writes asked
 * before it; the store tells what it wrote on the main context, before
 * @callback is called.
 */
void
_steward_store_write_async (StewardStore          *self,
                            StewardStoreWriteFunc  func,
                            gpointer               data,
                            GDestroyNotify         destroy,
                            GCancellable          *cancellable,
                            GAsyncReadyCallback    callback,
                            gpointer               user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GError) error = NULL;
  GTask *inner;
  WriteData *write;

  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (func != NULL);

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, _steward_store_write_async);

  write = g_new0 (WriteData, 1);
  write->func = func;
  write->data = data;
  write->destroy = destroy;
  write->told = g_array_new (FALSE, TRUE, sizeof (Told));
  g_array_set_clear_func (write->told, told_clear);

  inner = g_task_new (self, cancellable, written_cb, g_steal_pointer (&outer));
  g_task_set_task_data (inner, write, write_data_free);

  if (self->write_pool == NULL)
    self->write_pool = g_thread_pool_new (write_in_worker, self, 1, FALSE, NULL);

  /* Whatever another process committed before this is told first */
  if (self->pending_writes == 0)
    steward_store_check_external_change (self);

  self->pending_writes++;
  g_thread_pool_push (self->write_pool, inner, NULL);
}

gboolean
_steward_store_write_finish (StewardStore  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == _steward_store_write_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * steward_store_wait_for_writes:
 *
 * Waits until the writes asked with the asynchronous functions are in
 * the file: for a process about to end. What they tell is told when the
 * main context runs again, if it does.
 */
void
steward_store_wait_for_writes (StewardStore *self)
{
  g_return_if_fail (STEWARD_IS_STORE (self));

  if (self->write_pool == NULL)
    return;

  /* Freeing the pool waits for its queue; a new one is made if needed */
  g_thread_pool_free (g_steal_pointer (&self->write_pool), FALSE, TRUE);
}

/* The store's finalize: the worker is done, so the writer closes here. */
void
_steward_store_writer_close (StewardStore *self)
{
  steward_store_wait_for_writes (self);
  g_clear_object (&self->writer);
}

/* -- tasks ------------------------------------------------------------- */

typedef struct
{
  gint64            id;
  StewardTaskStatus status;
  int               position;
} PlaceData;

static gboolean
place_task (StewardStore  *writer,
            gpointer       data,
            GError       **error)
{
  PlaceData *place = data;

  /* Into Done: completed at its place, in one move */
  if (place->status == STEWARD_TASK_STATUS_DONE &&
      !_steward_store_complete_task_at (writer, place->id, place->position, NULL, error))
    return FALSE;

  return steward_store_move_task (writer, place->id, place->status, place->position, error);
}

/**
 * steward_store_place_task_async:
 * @status: the column it goes to
 * @position: its place there, from 0; -1 (or past the end) for the end
 *
 * Moves task @id to @position in the column of @status, as the board
 * does, in the store's worker thread: into Done it is completed first
 * (steward_store_complete_task(): a repeating task comes back in To
 * do), then moved (steward_store_move_task()). Writes asked before it
 * are written first; the changes are told before @callback is called.
 */
void
steward_store_place_task_async (StewardStore        *self,
                                gint64               id,
                                StewardTaskStatus    status,
                                int                  position,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  PlaceData *place;

  g_return_if_fail (STEWARD_IS_STORE (self));
  g_return_if_fail (status <= STEWARD_TASK_STATUS_DONE);

  place = g_new0 (PlaceData, 1);
  place->id = id;
  place->status = status;
  place->position = position;

  _steward_store_write_async (self, place_task, place, g_free, cancellable, callback, user_data);
}

/**
 * steward_store_place_task_finish:
 *
 * Returns: whether the task was placed; %FALSE with @error set (nothing
 *   was written then)
 */
gboolean
steward_store_place_task_finish (StewardStore  *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return _steward_store_write_finish (self, result, error);
}
