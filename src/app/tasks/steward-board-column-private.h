/* steward-board-column-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-board-column.h"

G_BEGIN_DECLS

struct _StewardBoardColumn
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *count_label;
  GtkLabel          *empty_label;
  AdwBin            *header_suffix_bin;
  GtkListView       *list_view;
  GtkScrolledWindow *scroller;
  GtkLabel          *title_label;
  AdwBin            *top_bin;

  /* Owned */
  GListModel        *model;
  GtkNoSelection    *selection;
  GPtrArray         *bound_items;
  GtkWidget         *drop_row;
  char              *title;

  StewardTaskStatus  status;
};

static inline GtkWidget *
_steward_board_column_item_row (GtkListItem *list_item)
{
  return gtk_widget_get_parent (gtk_list_item_get_child (list_item));
}

void _steward_board_column_add_drag_source      (StewardBoardColumn *self,
                                                 GtkWidget          *card);
void _steward_board_column_init_drop            (StewardBoardColumn *self);
void _steward_board_column_clear_drop_indicator (StewardBoardColumn *self);

G_END_DECLS
