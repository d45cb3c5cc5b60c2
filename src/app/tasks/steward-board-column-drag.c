/* steward-board-column-drag.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-board-column"

#include "config.h"

#include "steward-board-column-private.h"
#include "steward-task-card.h"

/* Cards dragged between and within the columns.
 *
 * A card being dragged is its task id (a gint64). While it is over a
 * column, a line shows where it would go: the row it would go before
 * carries .steward-drop-before, or the last row on screen
 * .steward-drop-after, or the empty list .steward-drop-into (see
 * style.css). Dropped, it becomes the page's board.move, as Ctrl+arrows
 * do. */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource   *source,
                 double           x,
                 double           y,
                 StewardTaskCard *card)
{
  StewardTask *task = steward_task_card_get_task (card);

  if (task == NULL)
    return NULL;

  return gdk_content_provider_new_typed (G_TYPE_INT64, steward_task_get_id (task));
}

static void
drag_begin_cb (GtkDragSource   *source,
               GdkDrag         *drag,
               StewardTaskCard *card)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (card));
  double x, y;

  gtk_gesture_get_point (GTK_GESTURE (source), NULL, &x, &y);
  gtk_drag_source_set_icon (source, paintable, (int)x, (int)y);
  gtk_widget_add_css_class (GTK_WIDGET (card), "steward-dragged");
}

static void
drag_end_cb (GtkDragSource   *source,
             GdkDrag         *drag,
             gboolean         delete_data,
             StewardTaskCard *card)
{
  gtk_widget_remove_css_class (GTK_WIDGET (card), "steward-dragged");
}

void
_steward_board_column_clear_drop_indicator (StewardBoardColumn *self)
{
  if (self->drop_row != NULL)
    {
      gtk_widget_remove_css_class (self->drop_row, "steward-drop-before");
      gtk_widget_remove_css_class (self->drop_row, "steward-drop-after");
      g_clear_object (&self->drop_row);
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->list_view), "steward-drop-into");
}

/* Where a card dropped at @y (in the column) would go: before the first
 * card whose middle is below @y, or after the last one on screen. */
static guint
drop_index (StewardBoardColumn *self,
            double              y,
            GtkWidget         **row,
            gboolean           *after)
{
  graphene_point_t point = GRAPHENE_POINT_INIT (0, y);
  graphene_point_t in_list;
  guint best = GTK_INVALID_LIST_POSITION;
  guint last = GTK_INVALID_LIST_POSITION;
  GtkWidget *best_row = NULL;
  GtkWidget *last_row = NULL;

  if (!gtk_widget_compute_point (GTK_WIDGET (self), GTK_WIDGET (self->list_view), &point, &in_list))
    in_list = point;

  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound_items, i);
      GtkWidget *item_widget = _steward_board_column_item_row (list_item);
      guint position = gtk_list_item_get_position (list_item);
      graphene_rect_t bounds;

      if (item_widget == NULL || !gtk_widget_get_mapped (item_widget) ||
          !gtk_widget_compute_bounds (item_widget, GTK_WIDGET (self->list_view), &bounds))
        continue;

      if (in_list.y < bounds.origin.y + bounds.size.height / 2)
        {
          if (best == GTK_INVALID_LIST_POSITION || position < best)
            {
              best = position;
              best_row = item_widget;
            }
        }
      else if (last == GTK_INVALID_LIST_POSITION || position > last)
        {
          last = position;
          last_row = item_widget;
        }
    }

  *after = best == GTK_INVALID_LIST_POSITION;
  *row = *after ? last_row : best_row;

  if (!*after)
    return best;
  return last == GTK_INVALID_LIST_POSITION ? 0 : last + 1;
}

static GdkDragAction
drop_motion_cb (StewardBoardColumn *self,
                double              x,
                double              y,
                GtkDropTarget      *target)
{
  GtkWidget *row = NULL;
  gboolean after = FALSE;

  drop_index (self, y, &row, &after);

  if (row != self->drop_row ||
      (row != NULL && gtk_widget_has_css_class (row, "steward-drop-after") != after))
    {
      _steward_board_column_clear_drop_indicator (self);
      if (row != NULL)
        {
          self->drop_row = g_object_ref (row);
          gtk_widget_add_css_class (row, after ? "steward-drop-after" : "steward-drop-before");
        }
    }
  if (row == NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->list_view), "steward-drop-into");

  return GDK_ACTION_MOVE;
}

static void
drop_leave_cb (StewardBoardColumn *self,
               GtkDropTarget      *target)
{
  _steward_board_column_clear_drop_indicator (self);
}

static gboolean
drop_cb (StewardBoardColumn *self,
         const GValue       *value,
         double              x,
         double              y,
         GtkDropTarget      *target)
{
  GtkWidget *row = NULL;
  gboolean after = FALSE;
  guint index;

  _steward_board_column_clear_drop_indicator (self);

  if (!G_VALUE_HOLDS_INT64 (value))
    return FALSE;

  index = drop_index (self, y, &row, &after);
  gtk_widget_activate_action (GTK_WIDGET (self), "board.move", "(xiu)",
                              g_value_get_int64 (value), (int)self->status, index);

  return TRUE;
}

void
_steward_board_column_add_drag_source (StewardBoardColumn *self,
                                       GtkWidget          *card)
{
  GtkDragSource *source = gtk_drag_source_new ();

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), card, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), card, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (drag_end_cb), card, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));
}

void
_steward_board_column_init_drop (StewardBoardColumn *self)
{
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_INT64, GDK_ACTION_MOVE);

  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
