/* steward-board-column.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_BOARD_COLUMN (steward_board_column_get_type ())

G_DECLARE_FINAL_TYPE (StewardBoardColumn, steward_board_column, STEWARD, BOARD_COLUMN, GtkWidget)

StewardTaskStatus steward_board_column_get_status     (StewardBoardColumn *self);
GListModel       *steward_board_column_get_model      (StewardBoardColumn *self);
void              steward_board_column_set_model      (StewardBoardColumn *self,
                                                       GListModel         *model);
GtkListView      *steward_board_column_get_list_view  (StewardBoardColumn *self);
gboolean          steward_board_column_focus_position (StewardBoardColumn *self,
                                                       guint               position);
gboolean          steward_board_column_focus_task     (StewardBoardColumn *self,
                                                       gint64              id);
void              steward_board_column_update_cards   (StewardBoardColumn *self);
guint             steward_board_column_find_task      (StewardBoardColumn *self,
                                                       gint64              id);

G_END_DECLS
