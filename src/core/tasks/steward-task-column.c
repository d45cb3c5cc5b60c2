/* steward-task-column.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-column"

#include "config.h"

#include <stdlib.h>

#include "steward-enum-types.h"
#include "steward-task-column.h"
#include "steward-task.h"

/* One column of the board: the tasks of one status, in the order of their
 * positions, over the shared list of every task (StewardRowList).
 *
 * A move changes the place of one task and the positions of many; the
 * column notes what it was told and looks again once (at high priority,
 * before the next input event or frame, or at once through
 * steward_task_column_refresh()). Looking again costs a walk through its
 * own cards, not through the board: it drops the tasks that left, adds
 * the tasks told of that now belong, and sorts by insertion, which on a
 * column that was in order and had one card move is one pass. Then it
 * tells its views only what differs: the rows before and after the
 * change stay, and a row that moved is told as one removal and one
 * insertion, so a GtkListView keeps its focus and scroll. Tasks are
 * updated in place by the list (see steward-store-watch.c), so a row that
 * did not move is the same object and is not told at all. Only tasks
 * added to or removed from the list have the column go through every
 * task again. */

struct _StewardTaskColumn
{
  GObject            parent_instance;

  /* Owned */
  StewardRowList    *tasks;
  GPtrArray         *items;
  /* Told of since the last look: tasks updated (StewardTask), and
   * whether the list itself changed */
  GPtrArray         *touched;
  guint              list_changed : 1;
  guint              refresh_source;
  gulong             items_changed_id;
  gulong             row_updated_id;
  gulong             positions_id;

  StewardTaskStatus  status;
};

/* Past this many tasks told of between two looks, the column looks at
 * every task rather than at each of them */
#define MAX_TOUCHED 64

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardTaskColumn, steward_task_column, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_STATUS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
get_item_type (GListModel *model)
{
  return STEWARD_TYPE_TASK;
}

static guint
get_n_items (GListModel *model)
{
  return STEWARD_TASK_COLUMN (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StewardTaskColumn *self = STEWARD_TASK_COLUMN (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

/* A task's place in the column, read once before sorting: a board of
 * thousands sorts without calling two getters per comparison. */
typedef struct
{
  gint64       position;
  gint64       id;
  StewardTask *task;
} SortKey;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const SortKey *key_a = a;
  const SortKey *key_b = b;

  if (key_a->position != key_b->position)
    return (key_a->position > key_b->position) - (key_a->position < key_b->position);

  return (key_a->id > key_b->id) - (key_a->id < key_b->id);
}

/* Sorts @items (StewardTask) by position, then id. */
static void
sort_tasks (GPtrArray *items)
{
  g_autofree SortKey *keys = g_new (SortKey, MAX (items->len, 1));

  for (guint i = 0; i < items->len; i++)
    {
      StewardTask *task = g_ptr_array_index (items, i);

      keys[i].position = steward_task_get_position (task);
      keys[i].id = steward_task_get_id (task);
      keys[i].task = task;
    }

  qsort (keys, items->len, sizeof (SortKey), compare_keys);

  for (guint i = 0; i < items->len; i++)
    items->pdata[i] = keys[i].task;
}

/* Sorts @items by position, then id, by insertion: as fast as a walk
 * through them when they are in order but for a card or two. */
static void
sort_nearly_sorted (GPtrArray *items)
{
  g_autofree SortKey *keys = g_new (SortKey, MAX (items->len, 1));

  for (guint i = 0; i < items->len; i++)
    {
      StewardTask *task = g_ptr_array_index (items, i);
      SortKey key = { steward_task_get_position (task), steward_task_get_id (task), task };
      guint j = i;

      while (j > 0 && compare_keys (&keys[j - 1], &key) > 0)
        {
          keys[j] = keys[j - 1];
          j--;
        }
      keys[j] = key;
    }

  for (guint i = 0; i < items->len; i++)
    items->pdata[i] = keys[i].task;
}

/* The column's tasks as the list now has them. */
static GPtrArray *
collect (StewardTaskColumn *self)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n_tasks = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));

  for (guint i = 0; i < n_tasks; i++)
    {
      StewardTask *task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);

      if (steward_task_get_status (task) == self->status)
        g_ptr_array_add (items, task);
      else
        g_object_unref (task);
    }

  sort_tasks (items);

  return items;
}

static gboolean
same_range (GPtrArray *a,
            guint      from_a,
            GPtrArray *b,
            guint      from_b,
            guint      n)
{
  for (guint i = 0; i < n; i++)
    if (g_ptr_array_index (a, from_a + i) != g_ptr_array_index (b, from_b + i))
      return FALSE;

  return TRUE;
}

/* Takes @fresh as the column's items, telling of the smallest change. */
static void
apply (StewardTaskColumn *self,
       GPtrArray         *fresh)
{
  g_autoptr(GPtrArray) old = self->items;
  guint old_n = old->len;
  guint new_n = fresh->len;
  guint prefix = 0;
  guint suffix = 0;
  guint removed, added;

  while (prefix < old_n && prefix < new_n &&
         g_ptr_array_index (old, prefix) == g_ptr_array_index (fresh, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_ptr_array_index (old, old_n - 1 - suffix) == g_ptr_array_index (fresh, new_n - 1 - suffix))
    suffix++;

  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;

  self->items = g_ptr_array_ref (fresh);

  if (removed == 0 && added == 0)
    return;

  if (removed == added && removed >= 2)
    {
      guint last = prefix + removed - 1;
      gboolean down = g_ptr_array_index (old, prefix) == g_ptr_array_index (fresh, last) &&
                      same_range (old, prefix + 1, fresh, prefix, removed - 1);
      gboolean up = g_ptr_array_index (fresh, prefix) == g_ptr_array_index (old, last) &&
                    same_range (old, prefix, fresh, prefix + 1, removed - 1);

      if (down || up)
        {
          /* One row moved: told as its removal, with the column as it
           * is without it, then its insertion. */
          guint from = down ? prefix : last;
          guint to = down ? last : prefix;
          g_autoptr(GPtrArray) between = g_ptr_array_new_full (old_n, g_object_unref);

          for (guint i = 0; i < old_n; i++)
            if (i != from)
              g_ptr_array_add (between, g_object_ref (g_ptr_array_index (old, i)));
          g_clear_pointer (&self->items, g_ptr_array_unref);
          self->items = g_ptr_array_ref (between);
          g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
          g_clear_pointer (&self->items, g_ptr_array_unref);
          self->items = g_ptr_array_ref (fresh);
          g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
          return;
        }
    }

  g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* The column's tasks now, from its own: those told of that left it
 * dropped, those told of that belong added, in order. */
static GPtrArray *
update (StewardTaskColumn *self)
{
  GPtrArray *fresh = g_ptr_array_new_full (self->items->len + self->touched->len, g_object_unref);

  for (guint i = 0; i < self->items->len; i++)
    {
      StewardTask *task = g_ptr_array_index (self->items, i);

      if (steward_task_get_status (task) == self->status)
        g_ptr_array_add (fresh, g_object_ref (task));
    }

  for (guint i = 0; i < self->touched->len; i++)
    {
      StewardTask *task = g_ptr_array_index (self->touched, i);

      if (steward_task_get_status (task) == self->status &&
          !g_ptr_array_find (self->items, task, NULL) &&
          !g_ptr_array_find (fresh, task, NULL))
        g_ptr_array_add (fresh, g_object_ref (task));
    }

  sort_nearly_sorted (fresh);

  return fresh;
}

/**
 * steward_task_column_refresh:
 *
 * Looks at what the column was told now, rather than before the next
 * frame: for a caller that changed the tasks and reads the column at
 * once.
 */
void
steward_task_column_refresh (StewardTaskColumn *self)
{
  g_autoptr(GPtrArray) fresh = NULL;

  g_return_if_fail (STEWARD_IS_TASK_COLUMN (self));

  g_clear_handle_id (&self->refresh_source, g_source_remove);

  fresh = self->list_changed ? collect (self) : update (self);
  self->list_changed = FALSE;
  g_ptr_array_set_size (self->touched, 0);

  apply (self, fresh);
}

static gboolean
refresh_cb (gpointer user_data)
{
  StewardTaskColumn *self = STEWARD_TASK_COLUMN (user_data);

  self->refresh_source = 0;
  steward_task_column_refresh (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_refresh (StewardTaskColumn *self)
{
  g_assert (STEWARD_IS_TASK_COLUMN (self));

  if (self->refresh_source == 0)
    self->refresh_source = g_idle_add_full (G_PRIORITY_HIGH, refresh_cb, self, NULL);
}

/* Tasks added or removed: every task is looked at again. */
static void
tasks_changed_cb (StewardTaskColumn *self)
{
  g_ptr_array_set_size (self->touched, 0);
  self->list_changed = TRUE;
  schedule_refresh (self);
}

/* A task updated in place: this column changes only if it holds it or
 * it now belongs here. */
static void
row_updated_cb (StewardTaskColumn *self,
                StewardTask       *task)
{
  if (self->list_changed)
    return;

  if (steward_task_get_status (task) == self->status ||
      g_ptr_array_find (self->items, task, NULL))
    {
      /* Many at once (the list read again): cheaper to look at all */
      if (self->touched->len >= MAX_TOUCHED)
        {
          g_ptr_array_set_size (self->touched, 0);
          self->list_changed = TRUE;
        }
      else
        g_ptr_array_add (self->touched, g_object_ref (task));
      schedule_refresh (self);
    }
}

/* Rows moved up or down in their columns: this column holds the same
 * tasks, maybe in another order. */
static void
positions_changed_cb (StewardTaskColumn *self)
{
  schedule_refresh (self);
}

static void
steward_task_column_dispose (GObject *object)
{
  StewardTaskColumn *self = (StewardTaskColumn *)object;

  g_clear_handle_id (&self->refresh_source, g_source_remove);
  if (self->tasks != NULL)
    {
      g_clear_signal_handler (&self->items_changed_id, self->tasks);
      g_clear_signal_handler (&self->row_updated_id, self->tasks);
      g_clear_signal_handler (&self->positions_id, self->tasks);
    }
  g_clear_object (&self->tasks);

  G_OBJECT_CLASS (steward_task_column_parent_class)->dispose (object);
}

static void
steward_task_column_finalize (GObject *object)
{
  StewardTaskColumn *self = (StewardTaskColumn *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->touched, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_task_column_parent_class)->finalize (object);
}

static void
steward_task_column_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardTaskColumn *self = STEWARD_TASK_COLUMN (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_task_column_class_init (StewardTaskColumnClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_task_column_dispose;
  object_class->finalize = steward_task_column_finalize;
  object_class->get_property = steward_task_column_get_property;

  /**
   * StewardTaskColumn:n-items:
   *
   * How many tasks the column holds: the count in its header.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL,
                       STEWARD_TYPE_TASK_STATUS, STEWARD_TASK_STATUS_TODO,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_task_column_init (StewardTaskColumn *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->touched = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * steward_task_column_new:
 * @tasks: every task, kept up to date (steward_services_get_tasks())
 * @status: the column's status
 *
 * Returns: (transfer full): the tasks of @status in @tasks, in the order
 *   of their positions, following @tasks
 */
StewardTaskColumn *
steward_task_column_new (StewardRowList    *tasks,
                         StewardTaskStatus  status)
{
  StewardTaskColumn *self;

  g_return_val_if_fail (STEWARD_IS_ROW_LIST (tasks), NULL);
  g_return_val_if_fail (g_list_model_get_item_type (G_LIST_MODEL (tasks)) == STEWARD_TYPE_TASK, NULL);
  g_return_val_if_fail (status <= STEWARD_TASK_STATUS_DONE, NULL);

  self = g_object_new (STEWARD_TYPE_TASK_COLUMN, NULL);
  self->tasks = g_object_ref (tasks);
  self->status = status;

  /* A task that moved is updated in place by the list, which then tells
   * of it as a row updated rather than as items changed. */
  self->items_changed_id = g_signal_connect_swapped (tasks, "items-changed",
                                                     G_CALLBACK (tasks_changed_cb), self);
  self->row_updated_id = g_signal_connect_swapped (tasks, "row-updated",
                                                   G_CALLBACK (row_updated_cb), self);
  self->positions_id = g_signal_connect_swapped (tasks, "positions-changed",
                                                 G_CALLBACK (positions_changed_cb), self);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = collect (self);

  return self;
}

StewardTaskStatus
steward_task_column_get_status (StewardTaskColumn *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK_COLUMN (self), STEWARD_TASK_STATUS_TODO);

  return self->status;
}
