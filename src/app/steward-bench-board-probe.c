/* steward-bench-board-probe.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-bench-board-probe"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "steward-bench-board-probe.h"
#include "steward-bench-probe-ready.h"
#include "steward-board-column.h"
#include "steward-task-card.h"
#include "steward-tasks-page.h"
#include "steward-window.h"

/* Board benchmark (bench/bench-board.c), driven by the environment:
 *
 *   STEWARD_BENCH_BOARD=1  once the window has painted and the store is
 *     open, switch to the Tasks page and time the frame that shows a card
 *     in each of the three columns. Then, with a frame asked for every
 *     vsync (as a drag's motion does), record the longest gap between two
 *     frames for a few seconds with the board idle, then as long while
 *     the first card of To do is dragged across the columns: every frame
 *     a motion over the column it is headed for (the drop line follows),
 *     and DROP_EVERY_MS after the last drop ended a drop there (at least
 *     a round: In progress, Done, To do), through the column's own
 *     GtkDropTarget, whose handler ends in board.move as a real drop
 *     does. Prints one line and quits:
 *       board ms=<…> cards=<…> idle_longest_frame_ms=<…> idle_frames=<…>
 *         drag_longest_frame_ms=<…> drag_frames=<…> drops=<…>
 *         drop_longest_ms=<…> status=<ok|…>
 *     (one line). drop_longest_ms is the longest time one drop took on
 *     the main loop (the store's write and the columns' refresh).
 *
 * The output is read by a program, so it is not translated.
 */

#define SETTLE_MS     500
#define PHASE_MS      3000
#define DROP_EVERY_MS 300
/* A round: To do -> In progress -> Done -> To do. The drag lasts
 * PHASE_MS and at least this many drops. */
#define MIN_DROPS     3
/* Where the drag hovers, in the column: rows of about this height. */
#define MOTION_STEP_PX 24
#define MOTION_STEPS   16

typedef enum
{
  PHASE_WAITING,
  PHASE_OPENING,
  PHASE_SETTLING,
  PHASE_IDLE,
  PHASE_DRAG,
  PHASE_DONE,
} BoardPhase;

typedef struct
{
  StewardWindow      *window;
  GdkFrameClock      *frame_clock;
  StewardTasksPage   *page;
  StewardBoardColumn *columns[3];
  guint               phase_id;
  guint               drop_id;
  guint               tick_id;

  BoardPhase          phase;
  gint64              start_us;
  gint64              last_paint_us;
  gint64              longest_frame_us;
  guint               n_frames;
  double              open_ms;
  guint               n_cards;
  double              idle_longest_ms;
  guint               idle_frames;

  gint64              task_id;
  int                 target;
  guint               n_motions;
  guint               n_drops;
  gint64              drop_longest_us;
  const char         *status;

  /* The longest drop into each column */
  gint64              drop_longest_to_us[3];

  guint               time_up : 1;
  /* The phase's time is up: it ends with the next frame, so that a
   * stall at its end is counted too. */
  guint               phase_over : 1;
} BoardProbe;

static void
find_widgets (GtkWidget  *widget,
              BoardProbe *probe)
{
  if (STEWARD_IS_TASKS_PAGE (widget))
    probe->page = STEWARD_TASKS_PAGE (widget);

  if (STEWARD_IS_BOARD_COLUMN (widget))
    {
      StewardTaskStatus status = steward_board_column_get_status (STEWARD_BOARD_COLUMN (widget));

      if (status <= STEWARD_TASK_STATUS_DONE)
        probe->columns[status] = STEWARD_BOARD_COLUMN (widget);
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_widgets (child, probe);
}

/* Cards on screen with a task bound under @widget */
static guint
count_cards (GtkWidget *widget)
{
  guint n_cards = 0;

  if (STEWARD_IS_TASK_CARD (widget))
    return gtk_widget_get_mapped (widget) && steward_task_card_get_task (STEWARD_TASK_CARD (widget)) != NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n_cards += count_cards (child);

  return n_cards;
}

/* Whether every column shows cards: the bench's store has tasks in each. */
static gboolean
board_shown (BoardProbe *probe,
             guint      *n_cards)
{
  *n_cards = 0;

  for (guint i = 0; i < G_N_ELEMENTS (probe->columns); i++)
    {
      guint n = count_cards (GTK_WIDGET (steward_board_column_get_list_view (probe->columns[i])));

      if (n == 0)
        return FALSE;
      *n_cards += n;
    }

  return TRUE;
}

static GtkDropTarget *
column_drop_target (StewardBoardColumn *column)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (column));

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static void
board_probe_finish (BoardProbe *probe,
                    const char *status)
{
  if (probe->phase == PHASE_DONE)
    return;

  probe->phase = PHASE_DONE;
  g_clear_handle_id (&probe->phase_id, g_source_remove);
  g_clear_handle_id (&probe->drop_id, g_source_remove);
  if (probe->tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (probe->window), probe->tick_id);
      probe->tick_id = 0;
    }

  g_print ("board ms=%.2f cards=%u idle_longest_frame_ms=%.2f idle_frames=%u "
           "drag_longest_frame_ms=%.2f drag_frames=%u drops=%u drop_longest_ms=%.2f "
           "drop_todo_ms=%.2f drop_doing_ms=%.2f drop_done_ms=%.2f status=%s\n",
           probe->open_ms, probe->n_cards, probe->idle_longest_ms, probe->idle_frames,
           probe->longest_frame_us / 1000.0, probe->n_frames, probe->n_drops,
           probe->drop_longest_us / 1000.0,
           probe->drop_longest_to_us[STEWARD_TASK_STATUS_TODO] / 1000.0,
           probe->drop_longest_to_us[STEWARD_TASK_STATUS_DOING] / 1000.0,
           probe->drop_longest_to_us[STEWARD_TASK_STATUS_DONE] / 1000.0,
           status);
  fflush (stdout);
  gtk_window_close (GTK_WINDOW (probe->window));
}

/* The dragged card hovers over the column it is headed for. */
static gboolean
motion_tick_cb (GtkWidget     *widget,
                GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  BoardProbe *probe = user_data;
  GtkDropTarget *target;
  GdkDragAction action = 0;
  double y;

  if (probe->phase != PHASE_DRAG)
    return G_SOURCE_CONTINUE;

  if ((target = column_drop_target (probe->columns[probe->target])) == NULL)
    return G_SOURCE_CONTINUE;

  y = 1 + (probe->n_motions++ % MOTION_STEPS) * MOTION_STEP_PX;
  g_signal_emit_by_name (target, "motion", 40.0, y, &action);

  return G_SOURCE_CONTINUE;
}

static gboolean
drop_cb (gpointer user_data)
{
  BoardProbe *probe = user_data;
  StewardBoardColumn *column = probe->columns[probe->target];
  GtkDropTarget *target = column_drop_target (column);
  g_auto(GValue) value = G_VALUE_INIT;
  gboolean handled = FALSE;
  gint64 started;

  if (target == NULL)
    {
      probe->drop_id = 0;
      board_probe_finish (probe, "no-drop-target");
      return G_SOURCE_REMOVE;
    }

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, probe->task_id);

  /* On top of the column, as the drop line showed; then on to the next. */
  started = g_get_monotonic_time ();
  g_signal_emit_by_name (target, "drop", &value, 40.0, 1.0, &handled);
  g_signal_emit_by_name (target, "leave");
  probe->drop_longest_to_us[probe->target] = MAX (probe->drop_longest_to_us[probe->target],
                                                  g_get_monotonic_time () - started);
  probe->drop_longest_us = MAX (probe->drop_longest_us, probe->drop_longest_to_us[probe->target]);
  probe->n_drops++;

  if (steward_board_column_find_task (column, probe->task_id) == GTK_INVALID_LIST_POSITION)
    {
      probe->drop_id = 0;
      board_probe_finish (probe, "card-not-moved");
      return G_SOURCE_REMOVE;
    }

  probe->target = (probe->target + 1) % G_N_ELEMENTS (probe->columns);

  /* The next drop DROP_EVERY_MS after this one ended, however long it
   * took: a slow drop shows as one long frame, not two in a row. */
  if (probe->time_up && probe->n_drops >= MIN_DROPS)
    {
      probe->drop_id = 0;
      probe->phase_over = TRUE;
      return G_SOURCE_REMOVE;
    }

  probe->drop_id = g_timeout_add (DROP_EVERY_MS, drop_cb, probe);

  return G_SOURCE_REMOVE;
}

static gboolean phase_time_cb (gpointer user_data);

static void
phase_end (BoardProbe *probe)
{
  probe->phase_over = FALSE;

  switch (probe->phase)
    {
    case PHASE_SETTLING:
      probe->phase = PHASE_IDLE;
      break;

    case PHASE_IDLE:
      {
        GListModel *todo = steward_board_column_get_model (probe->columns[STEWARD_TASK_STATUS_TODO]);
        g_autoptr(StewardTask) task = g_list_model_get_item (todo, 0);

        probe->idle_longest_ms = probe->longest_frame_us / 1000.0;
        probe->idle_frames = probe->n_frames;
        if (task == NULL)
          {
            board_probe_finish (probe, "no-card");
            return;
          }

        probe->task_id = steward_task_get_id (task);
        probe->target = STEWARD_TASK_STATUS_DOING;
        probe->phase = PHASE_DRAG;
        probe->drop_id = g_timeout_add (DROP_EVERY_MS, drop_cb, probe);
      }
      break;

    case PHASE_DRAG:
      board_probe_finish (probe, probe->status);
      return;

    case PHASE_WAITING:
    case PHASE_OPENING:
    case PHASE_DONE:
    default:
      return;
    }

  probe->last_paint_us = 0;
  probe->longest_frame_us = 0;
  probe->n_frames = 0;
  probe->phase_id = g_timeout_add (PHASE_MS, phase_time_cb, probe);
}

static gboolean
phase_time_cb (gpointer user_data)
{
  BoardProbe *probe = user_data;

  probe->phase_id = 0;
  if (probe->phase == PHASE_SETTLING)
    {
      phase_end (probe);
      return G_SOURCE_REMOVE;
    }

  /* No drop after the time is up, once there was a round of them. */
  if (probe->phase == PHASE_DRAG && probe->n_drops < MIN_DROPS)
    {
      probe->time_up = TRUE;
      return G_SOURCE_REMOVE;
    }
  g_clear_handle_id (&probe->drop_id, g_source_remove);
  probe->phase_over = TRUE;

  return G_SOURCE_REMOVE;
}

static void
board_probe_after_paint_cb (GdkFrameClock *frame_clock,
                            BoardProbe    *probe)
{
  gint64 now = g_get_monotonic_time ();

  if (probe->phase == PHASE_OPENING)
    {
      if (!board_shown (probe, &probe->n_cards))
        return;

      probe->open_ms = (now - probe->start_us) / 1000.0;
      probe->phase = PHASE_SETTLING;
      probe->phase_id = g_timeout_add (SETTLE_MS, phase_time_cb, probe);
      return;
    }

  if (probe->phase != PHASE_IDLE && probe->phase != PHASE_DRAG)
    return;

  if (probe->last_paint_us != 0)
    probe->longest_frame_us = MAX (probe->longest_frame_us, now - probe->last_paint_us);
  probe->last_paint_us = now;
  probe->n_frames++;

  if (probe->phase_over)
    phase_end (probe);
}

static void
board_probe_begin (GdkFrameClock *frame_clock,
                   gpointer       user_data)
{
  BoardProbe *probe = user_data;

  probe->frame_clock = g_object_ref (frame_clock);
  g_signal_connect (frame_clock, "after-paint", G_CALLBACK (board_probe_after_paint_cb), probe);

  find_widgets (GTK_WIDGET (probe->window), probe);
  for (guint i = 0; i < G_N_ELEMENTS (probe->columns); i++)
    if (probe->page == NULL || probe->columns[i] == NULL)
      {
        board_probe_finish (probe, "no-board");
        return;
      }

  /* A frame every vsync from now on, as a drag asks for: a stall shows
   * up as a long gap between two frames. */
  probe->tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (probe->window), motion_tick_cb, probe, NULL);

  probe->phase = PHASE_OPENING;
  probe->start_us = g_get_monotonic_time ();
  steward_window_set_page (probe->window, "tasks");
}

static void
board_probe_free (gpointer data)
{
  BoardProbe *probe = data;

  g_clear_handle_id (&probe->phase_id, g_source_remove);
  g_clear_handle_id (&probe->drop_id, g_source_remove);
  if (probe->frame_clock != NULL)
    {
      g_signal_handlers_disconnect_by_data (probe->frame_clock, probe);
      g_clear_object (&probe->frame_clock);
    }
  g_free (probe);
}

void
steward_bench_board_probe_attach (StewardApplication *app,
                                  GtkWindow          *window)
{
  BoardProbe *probe;

  g_return_if_fail (STEWARD_IS_APPLICATION (app));
  g_return_if_fail (STEWARD_IS_WINDOW (window));

  if (g_strcmp0 (g_getenv ("STEWARD_BENCH_BOARD"), "1") != 0)
    return;

  probe = g_new0 (BoardProbe, 1);
  probe->window = STEWARD_WINDOW (window);
  probe->status = "ok";
  g_object_set_data_full (G_OBJECT (window), "steward-bench-board-probe", probe, board_probe_free);

  steward_bench_probe_when_ready (app, window, SETTLE_MS, board_probe_begin, probe);
}
