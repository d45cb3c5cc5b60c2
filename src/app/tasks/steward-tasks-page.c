/* steward-tasks-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-tasks-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-focus.h"
#include "steward-task-editor.h"
#include "steward-tasks-page-private.h"

/* The Tasks page: the board. Three columns (steward-board-column.c), each
 * the services' StewardTaskColumn of its status seen through one filter
 * the page keeps: what the filter bar asks for (a category, a priority,
 * words), less the tasks deleted a moment ago whose toast still offers
 * Undo. The store forgets those only when the toast goes (or the window
 * closes), as the Chat page does with conversations.
 *
 * The columns turn keys and drops into the page's actions (board.move,
 * board.delete, board.edit …); the page changes the store, which tells
 * the columns. Deleting, with Undo, is in steward-tasks-page-delete.c. With no task at all the page says how to add one, with a
 * quick-add entry of its own. */


G_DEFINE_FINAL_TYPE (StewardTasksPage, steward_tasks_page, GTK_TYPE_WIDGET)

StewardBoardColumn *
_steward_tasks_page_get_column (StewardTasksPage  *self,
            StewardTaskStatus  status)
{
  switch (status)
    {
    case STEWARD_TASK_STATUS_TODO:
      return self->todo_column;
    case STEWARD_TASK_STATUS_DOING:
      return self->doing_column;
    case STEWARD_TASK_STATUS_DONE:
      return self->done_column;
    default:
      g_return_val_if_reached (NULL);
    }
}

void
_steward_tasks_page_show_error (StewardTasksPage *self,
                  const GError     *error)
{
  /* A toast's title is markup. */
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* The store wrote: the columns look at once, rather than once every row
 * it changed is told, so the focus can follow a card. */
static void
refresh_columns (void)
{
  for (StewardTaskStatus status = STEWARD_TASK_STATUS_TODO; status <= STEWARD_TASK_STATUS_DONE; status++)
    {
      StewardTaskColumn *column = steward_services_get_task_column (STEWARD_SERVICES_DEFAULT, status, NULL);

      if (column != NULL)
        steward_task_column_refresh (column);
    }
}

/* -- the filter ---------------------------------------------------------- */

static const char *
selected_category (StewardTasksPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->category_dropdown);

  /* The first is "All Categories". */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return gtk_string_list_get_string (self->categories, selected);
}

static gboolean
contains_words (const char *haystack,
                const char *needle)
{
  g_autofree char *folded = NULL;

  if (haystack == NULL)
    return FALSE;

  folded = g_utf8_casefold (haystack, -1);

  return strstr (folded, needle) != NULL;
}

static gboolean
filter_task (gpointer item,
             gpointer user_data)
{
  StewardTasksPage *self = user_data;
  StewardTask *task = item;
  guint priority = gtk_drop_down_get_selected (self->priority_dropdown);
  const char *category = selected_category (self);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (_steward_tasks_page_is_pending_delete (self, steward_task_get_id (task)))
    return FALSE;

  /* The first is "All Priorities", then low to urgent. */
  if (priority != 0 && priority != GTK_INVALID_LIST_POSITION &&
      (guint)steward_task_get_priority (task) != priority - 1)
    return FALSE;

  if (category != NULL && g_strcmp0 (steward_task_get_category (task), category) != 0)
    return FALSE;

  if (text[0] != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (text, -1);

      if (!contains_words (steward_task_get_title (task), needle) &&
          !contains_words (steward_task_get_notes (task), needle) &&
          !contains_words (steward_task_get_category (task), needle))
        return FALSE;
    }

  return TRUE;
}

static void
filters_changed_cb (StewardTasksPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
search_stop_cb (StewardTasksPage *self,
                GtkSearchEntry   *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *)a, *(const char * const *)b);
}

/* The category menu offers the categories the tasks have, by name. */
static void
update_categories (StewardTasksPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *selected = g_strdup (selected_category (self));
  guint n_tasks = self->tasks ? g_list_model_get_n_items (G_LIST_MODEL (self->tasks)) : 0;
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->categories));
  gboolean same;
  guint select = 0;

  for (guint i = 0; i < n_tasks; i++)
    {
      g_autoptr(StewardTask) task = g_list_model_get_item (G_LIST_MODEL (self->tasks), i);
      const char *category = steward_task_get_category (task);
      gboolean known = FALSE;

      if (category == NULL || category[0] == '\0')
        continue;
      for (guint j = 0; j < names->len && !known; j++)
        known = g_strcmp0 (g_ptr_array_index (names, j), category) == 0;
      if (!known)
        g_ptr_array_add (names, g_strdup (category));
    }

  g_ptr_array_sort (names, compare_names);

  same = n_old == names->len + 1;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->categories, i + 1), g_ptr_array_index (names, i)) == 0;
  if (same)
    return;

  gtk_widget_set_visible (GTK_WIDGET (self->category_dropdown), names->len > 0);
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->categories, 1, n_old - 1, (const char * const *)names->pdata);

  for (guint i = 0; selected != NULL && names->pdata[i] != NULL; i++)
    if (g_strcmp0 (names->pdata[i], selected) == 0)
      select = i + 1;
  gtk_drop_down_set_selected (self->category_dropdown, select);
}

/**
 * steward_tasks_page_show_task:
 *
 * Scrolls to task @id's card and gives it the focus (a reminder's Open),
 * clearing the filters first if they hide it.
 *
 * Returns: whether the card is shown; not when the task is gone
 */
gboolean
steward_tasks_page_show_task (StewardTasksPage *self,
                              gint64            id)
{
  StewardStore *store = _steward_tasks_page_get_store ();
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (STEWARD_IS_TASKS_PAGE (self), FALSE);

  if (store == NULL)
    return FALSE;

  if (!(task = steward_store_find_task (store, id, &error)))
    {
      _steward_tasks_page_show_error (self, error);
      return FALSE;
    }

  if (!filter_task (task, self))
    {
      gtk_drop_down_set_selected (self->priority_dropdown, 0);
      gtk_drop_down_set_selected (self->category_dropdown, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      filters_changed_cb (self);
    }

  return steward_board_column_focus_task (_steward_tasks_page_get_column (self, steward_task_get_status (task)), id);
}

/* -- adding ------------------------------------------------------------- */

/**
 * steward_tasks_page_focus_quick_add:
 *
 * Puts the keyboard in the quick-add entry that is showing (Ctrl+N).
 */
void
steward_tasks_page_focus_quick_add (StewardTasksPage *self)
{
  g_return_if_fail (STEWARD_IS_TASKS_PAGE (self));

  if (gtk_widget_is_drawable (GTK_WIDGET (self->empty_quick_add)))
    steward_quick_add_entry_focus (self->empty_quick_add);
  else
    steward_quick_add_entry_focus (self->quick_add);
}

static void
add_task_cb (StewardTasksPage     *self,
             StewardTaskDraft     *draft,
             StewardQuickAddEntry *entry)
{
  StewardStore *store = _steward_tasks_page_get_store ();
  g_autoptr(GError) error = NULL;
  guint position;
  gint64 id;

  g_assert (STEWARD_IS_TASKS_PAGE (self));

  if (store == NULL)
    return;

  if ((id = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error)) == 0)
    {
      _steward_tasks_page_show_error (self, error);
      return;
    }

  refresh_columns ();

  /* The first task: the board comes, and the typing goes on there. */
  if (entry == self->empty_quick_add)
    steward_quick_add_entry_focus (self->quick_add);

  /* The new card shows, at the end of To do. */
  position = steward_board_column_find_task (self->todo_column, id);
  if (position != GTK_INVALID_LIST_POSITION)
    gtk_widget_activate_action (GTK_WIDGET (steward_board_column_get_list_view (self->todo_column)),
                                "list.scroll-to-item", "u", position);
}

/* -- moving ------------------------------------------------------------- */

static void
moved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StewardTasksPage) self = user_data;
  g_autoptr(GError) error = NULL;

  /* The board showed the move at once; if the store could not write it,
   * the board shows again what the store holds, and why. */
  if (!steward_task_move_finish (result, &error))
    _steward_tasks_page_show_error (self, error);
}

/* Task @id goes to the column of @status, before the card shown there at
 * @index (past the last: after the last shown). Into Done it is
 * completed, so a repeating task comes back in To do. The board shows
 * it at once, the store writes it in its worker (steward-task-move.c). */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (widget);
  StewardStore *store = _steward_tasks_page_get_store ();
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;
  StewardRowList *tasks;
  StewardBoardColumn *column;
  GListModel *model;
  StewardTaskStatus old_status;
  gint64 old_position;
  gint64 id;
  int status;
  guint index, n_items, place;
  int position = -1;
  gboolean had_focus;

  g_variant_get (param, "(xiu)", &id, &status, &index);

  if (store == NULL || status < STEWARD_TASK_STATUS_TODO || status > STEWARD_TASK_STATUS_DONE ||
      !(tasks = steward_services_get_tasks (STEWARD_SERVICES_DEFAULT, NULL)))
    return;

  /* Where the board shows it, which may be ahead of the store */
  if (steward_row_list_find (tasks, id, &place))
    task = g_list_model_get_item (G_LIST_MODEL (tasks), place);
  else if (!(task = steward_store_find_task (store, id, &error)))
    {
      _steward_tasks_page_show_error (self, error);
      return;
    }

  old_status = steward_task_get_status (task);
  old_position = steward_task_get_position (task);
  column = _steward_tasks_page_get_column (self, status);
  model = steward_board_column_get_model (column);
  n_items = model ? g_list_model_get_n_items (model) : 0;
  had_focus = steward_focus_is_within (GTK_WIDGET (self));

  if (n_items > 0)
    {
      g_autoptr(StewardTask) neighbour = g_list_model_get_item (model, MIN (index, n_items - 1));
      gint64 at = steward_task_get_position (neighbour);

      if (steward_task_get_id (neighbour) == id)
        goto focus;

      /* Past the last card shown: after it. */
      if (index >= n_items)
        at++;
      /* Within its column, the cards after it move up first. */
      if ((int)old_status == status && old_position < at)
        at--;
      position = (int)at;
    }

  steward_task_move_async (tasks, store, id, status, position, NULL, moved_cb, g_object_ref (self));

  /* The two columns it left and went to, at once; the others follow
   * before the next frame. */
  steward_task_column_refresh (steward_services_get_task_column (STEWARD_SERVICES_DEFAULT, old_status, NULL));
  if ((int)old_status != status)
    steward_task_column_refresh (steward_services_get_task_column (STEWARD_SERVICES_DEFAULT, status, NULL));

focus:
  /* The focus stays on the card that moved. */
  if (had_focus)
    steward_board_column_focus_task (column, id);
}

/* Left and Right: the focus goes to the card at the same place in the
 * next column that has cards, that way. */
static void
focus_column_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (widget);
  int from = -1;
  int status;
  int step;
  guint index;

  g_variant_get (param, "(iu)", &status, &index);

  if (status < STEWARD_TASK_STATUS_TODO || status > STEWARD_TASK_STATUS_DONE)
    return;

  for (int i = STEWARD_TASK_STATUS_TODO; i <= STEWARD_TASK_STATUS_DONE; i++)
    if (steward_focus_is_within (GTK_WIDGET (_steward_tasks_page_get_column (self, i))))
      from = i;
  step = from > status ? -1 : 1;

  for (; status >= STEWARD_TASK_STATUS_TODO && status <= STEWARD_TASK_STATUS_DONE; status += step)
    if (steward_board_column_focus_position (_steward_tasks_page_get_column (self, status), index))
      return;

  gtk_widget_error_bell (widget);
}

/* -- editing ------------------------------------------------------------ */

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (widget);
  StewardStore *store = _steward_tasks_page_get_store ();
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *editor;

  if (store == NULL)
    return;

  if (!(task = steward_store_find_task (store, g_variant_get_int64 (param), &error)))
    {
      _steward_tasks_page_show_error (self, error);
      return;
    }

  editor = steward_task_editor_new (task);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_present (GTK_WINDOW (editor));
}

/* -- loading ------------------------------------------------------------ */

static gboolean
update_categories_cb (gpointer user_data)
{
  StewardTasksPage *self = user_data;

  self->categories_source = 0;
  update_categories (self);

  return G_SOURCE_REMOVE;
}

/* A move renumbers the cards after it, each told as a change of its own:
 * the category menu, which reads every task, is made once for them all
 * (it read 10,000 tasks per card moved, seconds for one drop; see the
 * board bench). */
static void
tasks_changed_cb (StewardTasksPage *self)
{
  if (self->categories_source == 0)
    self->categories_source = g_idle_add (update_categories_cb, self);
}

/* Due dates read against the clock: "Today" turns "Overdue". */
static gboolean
minute_cb (gpointer user_data)
{
  StewardTasksPage *self = user_data;

  for (StewardTaskStatus status = STEWARD_TASK_STATUS_TODO; status < STEWARD_TASK_STATUS_DONE; status++)
    steward_board_column_update_cards (_steward_tasks_page_get_column (self, status));

  return G_SOURCE_CONTINUE;
}

static void
services_ready_cb (StewardTasksPage *self,
                   GParamSpec       *pspec,
                   StewardServices  *services)
{
  g_autoptr(GError) error = NULL;
  StewardRowList *tasks;

  g_assert (STEWARD_IS_TASKS_PAGE (self));
  g_assert (STEWARD_IS_SERVICES (services));

  if (!steward_services_get_ready (services) || self->tasks != NULL)
    return;

  if (steward_services_get_open_error (services) != NULL)
    {
      steward_list_page_set_error (self->list_page, steward_services_get_open_error (services));
      return;
    }

  if (!(tasks = steward_services_get_tasks (services, &error)))
    {
      steward_list_page_set_error (self->list_page, error);
      return;
    }

  self->tasks = g_object_ref (tasks);
  g_signal_connect_object (tasks, "items-changed", G_CALLBACK (tasks_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (tasks, "row-updated", G_CALLBACK (tasks_changed_cb), self, G_CONNECT_SWAPPED);

  for (StewardTaskStatus status = STEWARD_TASK_STATUS_TODO; status <= STEWARD_TASK_STATUS_DONE; status++)
    {
      StewardTaskColumn *column = steward_services_get_task_column (services, status, &error);
      g_autoptr(GtkFilterListModel) filtered = NULL;

      if (column == NULL)
        {
          steward_list_page_set_error (self->list_page, error);
          return;
        }

      filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (column)),
                                            g_object_ref (GTK_FILTER (self->filter)));
      steward_board_column_set_model (_steward_tasks_page_get_column (self, status), G_LIST_MODEL (filtered));
    }

  g_signal_connect_object (steward_board_column_get_model (self->done_column), "items-changed",
                           G_CALLBACK (_steward_tasks_page_update_clear_done), self, G_CONNECT_SWAPPED);
  _steward_tasks_page_update_clear_done (self);

  steward_list_page_set_model (self->list_page, G_LIST_MODEL (tasks));
  update_categories (self);
}

/* -- GObject ------------------------------------------------------------ */

static void
steward_tasks_page_dispose (GObject *object)
{
  StewardTasksPage *self = (StewardTasksPage *)object;

  /* Closing the window is as good as the toast going away. */
  if (self->pending_deletes != NULL)
    steward_tasks_page_flush_deletes (self);

  g_clear_handle_id (&self->minute_source, g_source_remove);
  g_clear_handle_id (&self->categories_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TASKS_PAGE);

  g_clear_object (&self->tasks);
  g_clear_object (&self->filter);
  g_clear_object (&self->categories);

  G_OBJECT_CLASS (steward_tasks_page_parent_class)->dispose (object);
}

static void
steward_tasks_page_finalize (GObject *object)
{
  StewardTasksPage *self = (StewardTasksPage *)object;

  g_clear_pointer (&self->pending_deletes, g_array_unref);

  G_OBJECT_CLASS (steward_tasks_page_parent_class)->finalize (object);
}

static void
steward_tasks_page_class_init (StewardTasksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_tasks_page_dispose;
  object_class->finalize = steward_tasks_page_finalize;

  g_type_ensure (STEWARD_TYPE_BOARD_COLUMN);
  g_type_ensure (STEWARD_TYPE_LIST_PAGE);
  g_type_ensure (STEWARD_TYPE_QUICK_ADD_ENTRY);
  g_type_ensure (STEWARD_TYPE_TASK);

  _steward_tasks_page_class_init_delete (widget_class);
  _steward_tasks_page_class_init_extract (widget_class);
  gtk_widget_class_install_action (widget_class, "board.edit", "x", edit_action);
  gtk_widget_class_install_action (widget_class, "board.focus-column", "(iu)", focus_column_action);
  gtk_widget_class_install_action (widget_class, "board.move", "(xiu)", move_action);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-tasks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, doing_column);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, done_column);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, empty_quick_add);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, priority_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, quick_add);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, StewardTasksPage, todo_column);
  gtk_widget_class_bind_template_callback (widget_class, add_task_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
}

static void
steward_tasks_page_init (StewardTasksPage *self)
{
  StewardServices *services = STEWARD_SERVICES_DEFAULT;
  const char * const all[] = { _("All Categories"), NULL };

  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->categories = gtk_string_list_new (all);
  self->filter = gtk_custom_filter_new (filter_task, self, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->categories));
  gtk_widget_set_visible (GTK_WIDGET (self->category_dropdown), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.clear-done", FALSE);
  _steward_tasks_page_init_extract (self);

  self->minute_source = g_timeout_add_seconds (60, minute_cb, self);

  /* The store opens after the window shows: until then, nothing. */
  g_signal_connect_object (services,
                           "notify::ready",
                           G_CALLBACK (services_ready_cb),
                           self,
                           G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, services);
}
