/* steward-task-move.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-move"

#include "config.h"

#include "steward-task-move.h"
#include "steward-task-private.h"

/* A card dropped or moved with the keyboard: shown at once, written in
 * the store's worker.
 *
 * Dropping a card on top of a column of thousands renumbers every card
 * below it; in SQLite and its log that takes longer than a frame. So the
 * list of tasks is first made what the store will hold, as the store
 * would make it (the cards after the old place move up, those from the
 * new place down, the card takes its place, done into Done), and the
 * store writes it in its worker (steward_store_place_task_async()).
 *
 * The list is held meanwhile (steward_row_list_hold()): what the store
 * tells of this and earlier moves waits until the last move asked is
 * written, and is then applied in order, which changes nothing when the
 * store did as shown, and sets right what differs when it did not (a
 * column another process left with gaps, a repeating task's next
 * occurrence). A write that fails has the list read again. */

typedef struct
{
  StewardRowList *tasks;
  StewardStore   *store;
} MoveData;

static void
move_data_free (gpointer data)
{
  MoveData *move = data;

  g_clear_object (&move->tasks);
  g_clear_object (&move->store);
  g_free (move);
}

/* Where the store puts a task that goes to @position among the @n_others
 * other tasks of its new column (steward_store_move_task()). */
static gint64
final_place (int    position,
             gint64 n_others)
{
  return position < 0 || position > n_others ? n_others : position;
}

/* The other tasks of the columns @moved leaves and goes to, in one walk
 * through the board: they are all that can move. The list holds them. */
static GPtrArray *
column_tasks (StewardRowList    *tasks,
              StewardTask       *moved,
              StewardTaskStatus  old_status,
              StewardTaskStatus  status,
              gint64            *n_others)
{
  GListModel *model = G_LIST_MODEL (tasks);
  guint n_items = g_list_model_get_n_items (model);
  GPtrArray *found = g_ptr_array_sized_new (n_items);

  *n_others = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardTask) task = g_list_model_get_item (model, i);
      StewardTaskStatus task_status = steward_task_get_status (task);

      if (task == moved || (task_status != status && task_status != old_status))
        continue;

      *n_others += task_status == status;
      g_ptr_array_add (found, task);
    }

  return found;
}

/* The other cards' new places when @moved goes from @old_position in
 * @old_status to @place in @status, in a dense board. */
static GArray *
shifted_positions (GPtrArray         *others,
                   StewardTaskStatus  old_status,
                   gint64             old_position,
                   StewardTaskStatus  status,
                   gint64             place)
{
  GArray *positions = g_array_new (FALSE, FALSE, sizeof (StewardRowPosition));

  for (guint i = 0; i < others->len; i++)
    {
      StewardTask *task = g_ptr_array_index (others, i);
      StewardTaskStatus task_status = steward_task_get_status (task);
      gint64 position = steward_task_get_position (task);
      int delta = 0;

      if (old_status != status)
        {
          if (task_status == old_status && position > old_position)
            delta = -1;
          else if (task_status == status && position >= place)
            delta = 1;
        }
      else if (place > old_position && position > old_position && position <= place)
        delta = -1;
      else if (place < old_position && position >= place && position < old_position)
        delta = 1;

      if (delta != 0)
        {
          StewardRowPosition shifted = { steward_task_get_id (task), position + delta };

          g_array_append_val (positions, shifted);
        }
    }

  return positions;
}

static void
placed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MoveData *move = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = steward_store_place_task_finish (STEWARD_STORE (object), result, &error);

  /* What the store told of this move and those before it */
  steward_row_list_release (move->tasks);

  if (!ok)
    {
      g_autoptr(GError) reload_error = NULL;

      /* Nothing was written: show what the store holds */
      if (!steward_row_list_reload (move->tasks, &reload_error))
        g_warning ("Could not read the tasks again: %s", reload_error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * steward_task_move_async:
 * @tasks: every task, as the board shows them (steward_services_get_tasks())
 * @status: the column it goes to
 * @position: its place there, from 0; -1 (or past the end) for the end
 *
 * Moves task @id on the board: @tasks shows it at once, and the store
 * writes it in its worker (into Done the task is completed, see
 * steward_store_place_task_async()). @callback is called once it is
 * written, or has failed; then @tasks shows what the store holds again.
 */
void
steward_task_move_async (StewardRowList      *tasks,
                         StewardStore        *store,
                         gint64               id,
                         StewardTaskStatus    status,
                         int                  position,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(StewardTask) moved = NULL;
  MoveData *move;
  guint index;
  gint64 place = position;

  g_return_if_fail (STEWARD_IS_ROW_LIST (tasks));
  g_return_if_fail (STEWARD_IS_STORE (store));
  g_return_if_fail (status <= STEWARD_TASK_STATUS_DONE);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_task_move_async);

  move = g_new0 (MoveData, 1);
  move->tasks = g_object_ref (tasks);
  move->store = g_object_ref (store);
  g_task_set_task_data (task, move, move_data_free);

  /* A task the board does not show (yet): the store says what it can */
  if (steward_row_list_find (tasks, id, &index))
    {
      g_autoptr(GPtrArray) others = NULL;
      StewardTaskStatus old_status;
      gint64 old_position;
      gint64 n_others;

      moved = g_list_model_get_item (G_LIST_MODEL (tasks), index);
      old_status = steward_task_get_status (moved);
      old_position = steward_task_get_position (moved);
      others = column_tasks (tasks, moved, old_status, status, &n_others);
      place = final_place (position, n_others);

      if (old_status != status || old_position != place)
        {
          g_autoptr(GArray) positions = shifted_positions (others, old_status, old_position,
                                                           status, place);
          g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
          g_autoptr(StewardTask) fresh = _steward_task_copy_placed (moved, status, place, now);

          steward_row_list_hold (tasks);
          steward_row_list_apply_positions (tasks, positions);
          steward_row_list_apply_row (tasks, fresh);
        }
      else
        {
          /* Where it is already */
          g_task_return_boolean (task, TRUE);
          return;
        }
    }
  else
    steward_row_list_hold (tasks);

  steward_store_place_task_async (store, id, status, (int)place, cancellable, placed_cb,
                                  g_steal_pointer (&task));
}

gboolean
steward_task_move_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_task_move_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
