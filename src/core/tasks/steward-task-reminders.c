/* steward-task-reminders.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-reminders"

#include "config.h"

#include "steward-local-time.h"
#include "steward-task.h"
#include "steward-task-reminders.h"

/* Says when a task falls due while Steward runs: "task-due", once per due
 * date, and never again after a restart (the store keeps when it was
 * said, and forgets it when the due date changes).
 *
 * A task with a time of day falls due then; a day, at
 * STEWARD_TASK_REMINDERS_DAY_HOUR that morning. One that fell due while
 * Steward was not running is said at start, if that was within the last
 * day; older ones are left be. A timer waits for the next, waking at least
 * hourly so that a changed clock or a suspend is noticed. */

/* How long after falling due a task is still said at start */
#define LATE_LIMIT G_TIME_SPAN_DAY
/* The longest wait between two looks, in seconds */
#define MAX_WAIT_S 3600

struct _StewardTaskReminders
{
  GObject          parent_instance;

  StewardServices *services;
  StewardRowList  *tasks;
  guint            timeout_id;
  guint            idle_id;
};

G_DEFINE_FINAL_TYPE (StewardTaskReminders, steward_task_reminders, G_TYPE_OBJECT)

enum {
  TASK_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * steward_task_reminders_dup_remind_at:
 *
 * Returns: (transfer full) (nullable): when @task falls due, or %NULL for
 *   a task that has no due date or is done
 */
GDateTime *
steward_task_reminders_dup_remind_at (StewardTask *task)
{
  GDateTime *due;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (STEWARD_IS_TASK (task), NULL);

  if (steward_task_get_status (task) == STEWARD_TASK_STATUS_DONE ||
      (due = steward_task_get_due (task)) == NULL)
    return NULL;

  if (steward_task_get_due_has_time (task))
    return g_date_time_ref (due);

  local = steward_local_time (due);
  return steward_local_new (g_date_time_get_year (local),
                                g_date_time_get_month (local),
                                g_date_time_get_day_of_month (local),
                                STEWARD_TASK_REMINDERS_DAY_HOUR, 0, 0);
}

static void schedule (StewardTaskReminders *self);

static gboolean
timeout_cb (gpointer user_data)
{
  StewardTaskReminders *self = user_data;

  self->timeout_id = 0;
  schedule (self);

  return G_SOURCE_REMOVE;
}

/* Says the tasks that fell due, and waits for the next. */
static void
schedule (StewardTaskReminders *self)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = steward_local_now ();
  g_autoptr(GDateTime) next = NULL;
  StewardStore *store = steward_services_get_store (self->services);
  guint n_items;

  g_clear_handle_id (&self->timeout_id, g_source_remove);

  if (self->tasks == NULL || store == NULL || !steward_row_list_get_loaded (self->tasks))
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->tasks));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);
      g_autoptr(GDateTime) remind_at = NULL;

      if (steward_task_get_reminded_at (task) != NULL ||
          (remind_at = steward_task_reminders_dup_remind_at (task)) == NULL)
        continue;

      if (g_date_time_compare (remind_at, now) <= 0)
        {
          if (g_date_time_difference (now, remind_at) <= LATE_LIMIT)
            g_ptr_array_add (due, g_object_ref (task));
        }
      else if (next == NULL || g_date_time_compare (remind_at, next) < 0)
        {
          g_clear_pointer (&next, g_date_time_unref);
          next = g_steal_pointer (&remind_at);
        }
    }

  for (guint i = 0; i < due->len; i++)
    {
      StewardTask *task = g_ptr_array_index (due, i);
      g_autoptr(GError) error = NULL;

      /* Kept first, so that a crash while saying it does not say it
       * again at the next start. */
      if (!steward_store_set_task_reminded (store, steward_task_get_id (task), &error))
        {
          g_warning ("Could not keep the reminder of task %" G_GINT64_FORMAT ": %s",
                     steward_task_get_id (task), error->message);
          continue;
        }

      g_signal_emit (self, signals[TASK_DUE], 0, task);
    }

  if (next != NULL)
    {
      GTimeSpan wait = g_date_time_difference (next, now);
      guint seconds = (guint) MIN ((wait + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND, MAX_WAIT_S);

      self->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, MAX (seconds, 1),
                                                     timeout_cb, self, NULL);
    }
}

static gboolean
idle_cb (gpointer user_data)
{
  StewardTaskReminders *self = user_data;

  self->idle_id = 0;
  schedule (self);

  return G_SOURCE_REMOVE;
}

/* One look after a burst of changes, such as a board's move. */
static void
tasks_changed_cb (StewardTaskReminders *self)
{
  if (self->idle_id == 0)
    self->idle_id = g_idle_add (idle_cb, self);
}

static void
follow_tasks (StewardTaskReminders *self)
{
  g_autoptr(GError) error = NULL;

  if (self->tasks != NULL || !steward_services_get_ready (self->services))
    return;

  if (!(self->tasks = steward_services_get_tasks (self->services, &error)))
    {
      g_debug ("No reminders: %s", error->message);
      return;
    }

  g_object_ref (self->tasks);
  g_signal_connect_object (self->tasks, "items-changed", G_CALLBACK (tasks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tasks, "row-updated", G_CALLBACK (tasks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->tasks, "notify::loaded", G_CALLBACK (tasks_changed_cb), self, G_CONNECT_SWAPPED);
  tasks_changed_cb (self);
}

/**
 * steward_task_reminders_new:
 * @services: the services, open or about to be
 *
 * Returns: (transfer full): reminders following @services' tasks
 */
StewardTaskReminders *
steward_task_reminders_new (StewardServices *services)
{
  StewardTaskReminders *self;

  g_return_val_if_fail (STEWARD_IS_SERVICES (services), NULL);

  self = g_object_new (STEWARD_TYPE_TASK_REMINDERS, NULL);
  self->services = g_object_ref (services);
  g_signal_connect_object (services, "notify::ready", G_CALLBACK (follow_tasks), self, G_CONNECT_SWAPPED);
  follow_tasks (self);

  return self;
}

static void
steward_task_reminders_dispose (GObject *object)
{
  StewardTaskReminders *self = (StewardTaskReminders *)object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->idle_id, g_source_remove);
  g_clear_object (&self->tasks);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (steward_task_reminders_parent_class)->dispose (object);
}

static void
steward_task_reminders_class_init (StewardTaskRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_task_reminders_dispose;

  /**
   * StewardTaskReminders::task-due:
   * @task: the task that fell due
   *
   * Once per due date of @task, kept in the store before it is emitted.
   */
  signals[TASK_DUE] =
    g_signal_new ("task-due",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_TASK);
}

static void
steward_task_reminders_init (StewardTaskReminders *self)
{
}
