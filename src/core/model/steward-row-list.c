/* steward-row-list.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-row-list"

#include "config.h"

#include "steward-enum-types.h"
#include "steward-row-list.h"

/* A list of one table's rows that keeps itself up to date: it follows
 * its source's "row-changed" signal and reads again only the row that
 * changed, telling its views exactly which positions changed. The
 * conversations in the sidebar, the memories in Preferences, tasks and
 * projects are such lists; one of each, shared by every view (see
 * StewardServices). */

struct _StewardRowList
{
  GObject                   parent_instance;

  GObject                  *source;
  const StewardRowListKind *kind;
  GPtrArray                *items;
  gulong                    changed_id;
  gulong                    external_id;
  /* For a list of one parent's rows (steward_row_list_new_in()) */
  gint64                    parent_id;
  guint                     has_parent : 1;
  gulong                    positions_id;

  /* While the rows are read in a worker: the changes told meanwhile, to
   * apply to what it reads (each is read again, so applying one the
   * worker saw already changes nothing) */
  GArray                   *pending;
  GError                   *error;
  /* While held (steward_row_list_hold()): the source's changes, kept to
   * apply on release (HeldChange, in order) */
  GArray                   *held;
  guint                     holds;
  guint                     loading : 1;
  guint                     loaded : 1;
};

typedef struct
{
  StewardRowChange change;
  gint64           id;
} PendingChange;

typedef struct
{
  StewardRowChange  change;
  gint64            id;
  gint64            parent_id;
  /* Set for a "positions-changed" */
  GArray           *positions;
} HeldChange;

static void
held_change_clear (gpointer data)
{
  HeldChange *held = data;

  g_clear_pointer (&held->positions, g_array_unref);
}

static void list_model_iface_init (GListModelInterface *iface);
static void set_rows              (StewardRowList      *self,
                                   GListModel          *rows);
static void set_loaded            (StewardRowList      *self,
                                   const GError        *error);
static void row_changed_cb        (GObject             *source,
                                   StewardRowChange     change,
                                   gint64               id,
                                   gint64               parent_id,
                                   StewardRowList      *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (StewardRowList, steward_row_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_LOADED,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  ROW_UPDATED,
  POSITIONS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GType
get_item_type (GListModel *model)
{
  return STEWARD_ROW_LIST (model)->kind->item_type ();
}

static guint
get_n_items (GListModel *model)
{
  return STEWARD_ROW_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  StewardRowList *self = STEWARD_ROW_LIST (model);

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

static void
items_changed (StewardRowList *self,
               guint           position,
               guint           removed,
               guint           added)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* Whether @a goes before @b: as the kind says, else later first, then
 * higher ids first. */
static int
compare (StewardRowList *self,
         gpointer        a,
         gpointer        b)
{
  int order;
  gint64 id_a, id_b;

  if (self->kind->compare != NULL)
    return self->kind->compare (a, b);

  order = g_date_time_compare (self->kind->get_time (b), self->kind->get_time (a));

  if (order != 0)
    return order;

  id_a = self->kind->get_id (a);
  id_b = self->kind->get_id (b);

  return (id_a < id_b) - (id_a > id_b);
}

/* Where @item goes among the items, by binary search. */
static guint
find_place (StewardRowList *self,
            gpointer        item)
{
  guint low = 0;
  guint high = self->items->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;

      if (compare (self, g_ptr_array_index (self->items, middle), item) < 0)
        low = middle + 1;
      else
        high = middle;
    }

  return low;
}

/**
 * steward_row_list_find:
 * @position: (out) (optional): where the row is
 *
 * Returns: whether the list holds the row with @id
 */
gboolean
steward_row_list_find (StewardRowList *self,
                       gint64          id,
                       guint          *position)
{
  g_return_val_if_fail (STEWARD_IS_ROW_LIST (self), FALSE);

  for (guint i = 0; i < self->items->len; i++)
    {
      if (self->kind->get_id (g_ptr_array_index (self->items, i)) == id)
        {
          if (position != NULL)
            *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
remove_row (StewardRowList *self,
            gint64          id)
{
  guint position;

  if (!steward_row_list_find (self, id, &position))
    return;

  g_ptr_array_remove_index (self->items, position);
  items_changed (self, position, 1, 0);
}

/* Puts @fresh, row @id as it now is, where it belongs: in place of the
 * item the list has for it, or new. */
static void
place_row (StewardRowList *self,
           gint64          id,
           gpointer        fresh)
{
  guint old_position = 0;
  guint position;
  gboolean had;

  /* A row keeps its place in the order when what orders it did not
   * change: then it is where the binary search puts it, which saves a
   * walk through every item for each of the many rows a board's move
   * renumbers. */
  old_position = find_place (self, fresh);
  had = old_position < self->items->len &&
        self->kind->get_id (g_ptr_array_index (self->items, old_position)) == id;
  if (!had)
    had = steward_row_list_find (self, id, &old_position);
  if (had)
    {
      gpointer old = g_ptr_array_steal_index (self->items, old_position);

      position = find_place (self, fresh);
      if (position == old_position && self->kind->update != NULL)
        {
          /* In its place: the item itself tells its views what changed. */
          g_ptr_array_insert (self->items, position, old);
          self->kind->update (old, fresh);
          g_signal_emit (self, signals[ROW_UPDATED], 0, old);
          return;
        }
      g_object_unref (old);
    }

  position = find_place (self, fresh);
  g_ptr_array_insert (self->items, position, g_object_ref (fresh));

  if (!had)
    {
      items_changed (self, position, 0, 1);
    }
  else if (position == old_position)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }
  else
    {
      /* Moved: told as two changes, each when the list is as it says, so
       * a view keeps its other rows. */
      gpointer moved = g_ptr_array_steal_index (self->items, position);

      g_list_model_items_changed (G_LIST_MODEL (self), old_position, 1, 0);
      g_ptr_array_insert (self->items, position, moved);
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, 1);
    }
}

/* Reads row @id again and puts it where it now belongs. */
static void
update_row (StewardRowList *self,
            gint64          id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) item = NULL;

  if (!(item = self->kind->find (self->source, id, &error)))
    {
      if (self->kind->is_not_found (error))
        remove_row (self, id);
      else
        g_warning ("Could not read a changed row: %s", error->message);
      return;
    }

  place_row (self, id, item);
}

/* The rows as @rows has them (read again after another process changed
 * the store): told row by row, as if each change had been seen. */
static void
apply_rows (StewardRowList *self,
            GListModel     *rows)
{
  g_autoptr(GHashTable) fresh = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_rows = g_list_model_get_n_items (rows);
  g_autofree gint64 *ids = g_new (gint64, MAX (n_rows, 1));

  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      ids[i] = self->kind->get_id (item);
      g_hash_table_add (fresh, &ids[i]);
    }

  /* Gone */
  for (guint i = self->items->len; i > 0; i--)
    {
      gint64 id = self->kind->get_id (g_ptr_array_index (self->items, i - 1));

      if (!g_hash_table_contains (fresh, &id))
        {
          g_ptr_array_remove_index (self->items, i - 1);
          items_changed (self, i - 1, 1, 0);
        }
    }

  /* New or changed */
  for (guint i = 0; i < n_rows; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (rows, i);

      place_row (self, ids[i], item);
    }
}

/* Every row the list lists */
static GListModel *
list_rows (StewardRowList  *self,
           GError         **error)
{
  if (self->has_parent)
    return self->kind->list_in (self->source, self->parent_id, error);

  return self->kind->list (self->source, error);
}

static void
refresh_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardRowList) self = user_data;
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  self->loading = FALSE;

  if (!(rows = self->kind->list_finish (object, result, &error)))
    g_debug ("Could not read the rows again: %s", error->message);
  else
    apply_rows (self, rows);

  /* What this process changed meanwhile */
  for (guint i = 0; i < self->pending->len; i++)
    {
      const PendingChange *change = &g_array_index (self->pending, PendingChange, i);

      row_changed_cb (self->source, change->change, change->id, self->parent_id, self);
    }
  g_array_set_size (self->pending, 0);
}

static void
external_change_cb (GObject        *source,
                    StewardRowList *self)
{
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GError) error = NULL;

  /* Not read yet, or being read: that read sees the change. */
  if (!self->loaded || self->loading)
    return;

  if (self->kind->list_async != NULL && !self->has_parent)
    {
      self->loading = TRUE;
      self->kind->list_async (self->source, NULL, refresh_cb, g_object_ref (self));
      return;
    }

  if ((rows = list_rows (self, &error)))
    apply_rows (self, rows);
  else
    g_debug ("Could not read the rows again: %s", error->message);
}

static void
row_changed_cb (GObject          *source,
                StewardRowChange  change,
                gint64            id,
                gint64            parent_id,
                StewardRowList   *self)
{
  if (self->has_parent && parent_id != self->parent_id)
    return;

  if (self->holds > 0)
    {
      HeldChange held = { change, id, parent_id, NULL };

      g_array_append_val (self->held, held);
      return;
    }

  if (self->loading)
    {
      PendingChange pending = { change, id };

      g_array_append_val (self->pending, pending);
      return;
    }

  if (change == STEWARD_ROW_REMOVED)
    remove_row (self, id);
  else
    update_row (self, id);
}

/* Rows that only moved up or down in their group: set in place, in one
 * walk through the items, and told as one change. */
static void
set_positions (StewardRowList *self,
               GArray         *positions)
{
  g_autoptr(GHashTable) places = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint found = 0;

  for (guint i = 0; i < positions->len; i++)
    {
      StewardRowPosition *place = &g_array_index (positions, StewardRowPosition, i);

      g_hash_table_insert (places, &place->id, place);
    }

  for (guint i = 0; i < self->items->len && found < positions->len; i++)
    {
      gpointer item = g_ptr_array_index (self->items, i);
      gint64 id = self->kind->get_id (item);
      StewardRowPosition *place = g_hash_table_lookup (places, &id);

      if (place != NULL)
        {
          self->kind->set_position (item, place->position);
          found++;
        }
    }

  g_signal_emit (self, signals[POSITIONS_CHANGED], 0);
}

static void
positions_changed_cb (GObject        *source,
                      GArray         *positions,
                      StewardRowList *self)
{
  if (positions->len == 0)
    return;

  if (self->holds > 0)
    {
      HeldChange held = { 0, 0, 0, g_array_ref (positions) };

      g_array_append_val (self->held, held);
      return;
    }

  if (self->loading)
    {
      /* The read in the worker may be older: read each again after it */
      for (guint i = 0; i < positions->len; i++)
        {
          PendingChange pending = { STEWARD_ROW_CHANGED, g_array_index (positions, StewardRowPosition, i).id };

          g_array_append_val (self->pending, pending);
        }
      return;
    }

  set_positions (self, positions);
}

static void
steward_row_list_dispose (GObject *object)
{
  StewardRowList *self = (StewardRowList *)object;

  if (self->source != NULL)
    {
      g_clear_signal_handler (&self->changed_id, self->source);
      g_clear_signal_handler (&self->external_id, self->source);
      g_clear_signal_handler (&self->positions_id, self->source);
    }
  g_clear_object (&self->source);

  G_OBJECT_CLASS (steward_row_list_parent_class)->dispose (object);
}

static void
steward_row_list_finalize (GObject *object)
{
  StewardRowList *self = (StewardRowList *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_array_unref);
  g_clear_pointer (&self->held, g_array_unref);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (steward_row_list_parent_class)->finalize (object);
}

static void
steward_row_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardRowList *self = STEWARD_ROW_LIST (object);

  switch (prop_id)
    {
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_row_list_class_init (StewardRowListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_row_list_dispose;
  object_class->finalize = steward_row_list_finalize;
  object_class->get_property = steward_row_list_get_property;

  /**
   * StewardRowList:loaded:
   *
   * Whether the rows were read, or failed to be (see
   * steward_row_list_get_error()): until then a view shows that it is
   * loading.
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * StewardRowList:n-items:
   *
   * How many rows the list holds, so a page can show its empty state
   * with a binding.
   */
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardRowList::row-updated:
   * @item: the item
   *
   * A row was read again and its item updated in place (with the kind's
   * update function), so the list's order and items stayed as they were
   * and #GListModel::items-changed was not emitted: for a view of the
   * list that orders or filters by what changed (a column of the board).
   */
  signals[ROW_UPDATED] =
    g_signal_new ("row-updated",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_OBJECT);

  /**
   * StewardRowList::positions-changed:
   *
   * Rows moved up or down in their group (the kind's set_position()
   * was called on their items): the list's own order and items stayed
   * as they were. Emitted once for a whole renumbering.
   */
  signals[POSITIONS_CHANGED] =
    g_signal_new ("positions-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
steward_row_list_init (StewardRowList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));
  self->held = g_array_new (FALSE, TRUE, sizeof (HeldChange));
  g_array_set_clear_func (self->held, held_change_clear);
}

/**
 * steward_row_list_new:
 * @source: what has the rows and emits "row-changed" for them: the store
 * @kind: (not nullable): static; what the list lists
 *
 * Returns: (transfer full): an empty list that follows @source's
 *   changes; steward_row_list_reload() fills it
 */
StewardRowList *
steward_row_list_new (GObject                  *source,
                      const StewardRowListKind *kind)
{
  StewardRowList *self;
  g_autofree char *signal = NULL;

  g_return_val_if_fail (G_IS_OBJECT (source), NULL);
  g_return_val_if_fail (kind != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_ROW_LIST, NULL);
  self->source = g_object_ref (source);
  self->kind = kind;

  signal = g_strconcat ("row-changed::", steward_enum_to_nick (STEWARD_TYPE_TABLE, kind->table), NULL);
  self->changed_id = g_signal_connect (source, signal, G_CALLBACK (row_changed_cb), self);
  /* A source that can tell of another process's changes */
  if (g_signal_lookup ("external-change", G_OBJECT_TYPE (source)) != 0)
    self->external_id = g_signal_connect (source, "external-change", G_CALLBACK (external_change_cb), self);
  if (kind->set_position != NULL)
    {
      g_autofree char *positions = g_strconcat ("positions-changed::", steward_enum_to_nick (STEWARD_TYPE_TABLE, kind->table), NULL);

      self->positions_id = g_signal_connect (source, positions, G_CALLBACK (positions_changed_cb), self);
    }

  return self;
}

/**
 * steward_row_list_new_in:
 * @kind: (not nullable): static; a kind with list_in()
 * @parent_id: the parent whose rows it lists (the project of phases)
 *
 * Returns: (transfer full): an empty list of @parent_id's rows that
 *   follows @source's changes told with that parent_id;
 *   steward_row_list_reload() fills it
 */
StewardRowList *
steward_row_list_new_in (GObject                  *source,
                         const StewardRowListKind *kind,
                         gint64                    parent_id)
{
  StewardRowList *self;

  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (kind->list_in != NULL, NULL);

  self = steward_row_list_new (source, kind);
  self->parent_id = parent_id;
  self->has_parent = TRUE;

  return self;
}

/**
 * steward_row_list_reload:
 *
 * Reads every row again, as when the list is first shown.
 *
 * Returns: whether the rows could be read; if not, the list is as it was
 */
gboolean
steward_row_list_reload (StewardRowList  *self,
                         GError         **error)
{
  g_autoptr(GListModel) rows = NULL;

  g_return_val_if_fail (STEWARD_IS_ROW_LIST (self), FALSE);

  if (!(rows = list_rows (self, error)))
    return FALSE;

  set_rows (self, rows);
  set_loaded (self, NULL);

  return TRUE;
}

static void
set_rows (StewardRowList *self,
          GListModel     *rows)
{
  guint removed = self->items->len;
  guint added = g_list_model_get_n_items (rows);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < added; i++)
    g_ptr_array_add (self->items, g_list_model_get_item (rows, i));

  if (removed != 0 || added != 0)
    items_changed (self, 0, removed, added);
}

static void
set_loaded (StewardRowList *self,
            const GError   *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    self->error = g_error_copy (error);

  if (!self->loaded)
    {
      self->loaded = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
    }
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  StewardRowList *self = g_task_get_source_object (task);
  g_autoptr(GListModel) rows = NULL;
  g_autoptr(GArray) pending = NULL;
  g_autoptr(GError) error = NULL;

  rows = self->kind->list_finish (object, result, &error);

  self->loading = FALSE;
  pending = g_steal_pointer (&self->pending);
  self->pending = g_array_new (FALSE, FALSE, sizeof (PendingChange));

  if (rows == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_loaded (self, error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  set_rows (self, rows);
  for (guint i = 0; i < pending->len; i++)
    {
      const PendingChange *change = &g_array_index (pending, PendingChange, i);

      row_changed_cb (self->source, change->change, change->id, self->parent_id, self);
    }
  set_loaded (self, NULL);

  g_task_return_boolean (task, TRUE);
}

/**
 * steward_row_list_load_async:
 *
 * Reads every row, in a worker thread if the list's kind can (else as
 * steward_row_list_reload() does); changes told meanwhile are applied to
 * what it reads. #StewardRowList:loaded says when it is done.
 */
void
steward_row_list_load_async (StewardRowList      *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (STEWARD_IS_ROW_LIST (self));
  g_return_if_fail (!self->loading);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_row_list_load_async);

  if (self->kind->list_async == NULL || self->has_parent)
    {
      if (steward_row_list_reload (self, &error))
        g_task_return_boolean (task, TRUE);
      else
        {
          set_loaded (self, error);
          g_task_return_error (task, g_steal_pointer (&error));
        }
      return;
    }

  self->loading = TRUE;
  self->kind->list_async (self->source, cancellable, load_cb, g_steal_pointer (&task));
}

gboolean
steward_row_list_load_finish (StewardRowList  *self,
                              GAsyncResult    *result,
                              GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
steward_row_list_get_loaded (StewardRowList *self)
{
  g_return_val_if_fail (STEWARD_IS_ROW_LIST (self), FALSE);

  return self->loaded;
}

/**
 * steward_row_list_get_error:
 *
 * Returns: (nullable): why the rows could not be read, once
 *   #StewardRowList:loaded
 */
const GError *
steward_row_list_get_error (StewardRowList *self)
{
  g_return_val_if_fail (STEWARD_IS_ROW_LIST (self), NULL);

  return self->error;
}


/**
 * steward_row_list_hold:
 *
 * Keeps what the source tells of its rows, to apply it on the matching
 * steward_row_list_release(): for a caller that showed a change before
 * its source has written it (steward_task_move_async()), so that the
 * source telling of an earlier write meanwhile does not undo it for a
 * moment. Holds nest.
 */
void
steward_row_list_hold (StewardRowList *self)
{
  g_return_if_fail (STEWARD_IS_ROW_LIST (self));

  self->holds++;
}

/**
 * steward_row_list_release:
 *
 * Ends a steward_row_list_hold(); after the last, applies what the
 * source told meanwhile, in order.
 */
void
steward_row_list_release (StewardRowList *self)
{
  g_autoptr(GArray) held = NULL;

  g_return_if_fail (STEWARD_IS_ROW_LIST (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds > 0 || self->held->len == 0)
    return;

  held = g_steal_pointer (&self->held);
  self->held = g_array_new (FALSE, TRUE, sizeof (HeldChange));
  g_array_set_clear_func (self->held, held_change_clear);

  g_object_ref (self);
  for (guint i = 0; i < held->len; i++)
    {
      const HeldChange *change = &g_array_index (held, HeldChange, i);

      if (change->positions != NULL)
        positions_changed_cb (self->source, change->positions, self);
      else
        row_changed_cb (self->source, change->change, change->id, change->parent_id, self);
    }
  g_object_unref (self);
}

/**
 * steward_row_list_apply_row:
 * @fresh: a row as it will be: of the list's item type
 *
 * Shows row @fresh as the caller is having the source write it, as if
 * it had been read again: the list's item for it is updated in place
 * (or it is added); the source telling of it later changes nothing more.
 */
void
steward_row_list_apply_row (StewardRowList *self,
                            gpointer        fresh)
{
  g_return_if_fail (STEWARD_IS_ROW_LIST (self));
  g_return_if_fail (G_TYPE_CHECK_INSTANCE_TYPE (fresh, self->kind->item_type ()));

  place_row (self, self->kind->get_id (fresh), fresh);
}

/**
 * steward_row_list_apply_positions:
 * @positions: (element-type StewardRowPosition): rows' new places
 *
 * Shows rows at new places in their group as the caller is having the
 * source write them (see steward_row_list_apply_row()), told as one
 * "positions-changed".
 */
void
steward_row_list_apply_positions (StewardRowList *self,
                                  GArray         *positions)
{
  g_return_if_fail (STEWARD_IS_ROW_LIST (self));
  g_return_if_fail (self->kind->set_position != NULL);

  if (positions->len > 0)
    set_positions (self, positions);
}
