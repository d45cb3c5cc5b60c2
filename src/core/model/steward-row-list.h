/* steward-row-list.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* A row's new place in its group (a task's in its column), as a source's
 * "positions-changed" signal tells of rows that only moved up or down to
 * make room: the list sets it on its item without reading the row again. */
typedef struct
{
  gint64 id;
  gint64 position;
} StewardRowPosition;

/* What a StewardRowList lists, and how it reads it from its source (the
 * store, which knows the tables; the list knows only these functions).
 * Every list is in the order of its rows' time, latest first, then of
 * their ids, highest first: the order the source lists them in. */
typedef struct
{
  /* The items' type: steward_conversation_get_type and the like */
  GType       (*item_type)    (void);
  /* The detail of the source's "row-changed" signal to follow */
  StewardTable  table;
  gint64      (*get_id)       (gpointer     item);
  GDateTime  *(*get_time)     (gpointer     item);
  /* Every row, in the list's order */
  GListModel *(*list)         (GObject     *source,
                               GError     **error);
  /* One row; a "not found" error when it is gone */
  gpointer    (*find)         (GObject     *source,
                               gint64       id,
                               GError     **error);
  /* Whether @error from find() means the row is gone */
  gboolean    (*is_not_found) (const GError *error);
  /* (optional) Makes @item, which the list shows, what @fresh (the same
   * row read again) says, with notifications: a row whose place does not
   * change is then updated in place rather than replaced */
  void        (*update)       (gpointer             item,
                               gpointer             fresh);
  /* (optional) Every row, read in a worker thread: for a list that is
   * long at scale */
  void        (*list_async)   (GObject             *source,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data);
  GListModel *(*list_finish)  (GObject             *source,
                               GAsyncResult        *result,
                               GError             **error);
  /* (optional) The order of the rows, as strcmp() answers, when it is
   * not the latest first */
  int         (*compare)      (gpointer             a,
                               gpointer             b);
  /* (optional) The rows of one parent (the phases of a project), in the
   * list's order: for a list made with steward_row_list_new_in(), which
   * follows only the changes told with that parent_id */
  GListModel *(*list_in)      (GObject             *source,
                               gint64               parent_id,
                               GError             **error);
  /* (optional) Sets @item's place in its group, for the source's
   * "positions-changed" signal (a GArray of StewardRowPosition, detailed
   * by the table): a renumbering of thousands of rows is then told and
   * applied as one change */
  void        (*set_position) (gpointer             item,
                               gint64               position);
} StewardRowListKind;

#define STEWARD_TYPE_ROW_LIST (steward_row_list_get_type ())

G_DECLARE_FINAL_TYPE (StewardRowList, steward_row_list, STEWARD, ROW_LIST, GObject)

StewardRowList *steward_row_list_new    (GObject                  *source,
                                         const StewardRowListKind *kind);
StewardRowList *steward_row_list_new_in (GObject                  *source,
                                         const StewardRowListKind *kind,
                                         gint64                    parent_id);
gboolean        steward_row_list_reload (StewardRowList           *self,
                                         GError                  **error);
gboolean        steward_row_list_find   (StewardRowList           *self,
                                         gint64                    id,
                                         guint                    *position);
void            steward_row_list_load_async  (StewardRowList      *self,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean        steward_row_list_load_finish (StewardRowList      *self,
                                              GAsyncResult        *result,
                                              GError             **error);
gboolean        steward_row_list_get_loaded  (StewardRowList      *self);
const GError   *steward_row_list_get_error   (StewardRowList      *self);
void            steward_row_list_hold        (StewardRowList      *self);
void            steward_row_list_release     (StewardRowList      *self);
void            steward_row_list_apply_row   (StewardRowList      *self,
                                              gpointer             fresh);
void            steward_row_list_apply_positions (StewardRowList  *self,
                                                  GArray          *positions);

G_END_DECLS
