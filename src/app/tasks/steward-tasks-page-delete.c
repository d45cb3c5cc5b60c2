/* steward-tasks-page-delete.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-tasks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-focus.h"
#include "steward-tasks-page-private.h"

/* Deleting from the board, with Undo: Delete on a card, and Clear in
 * Done. The tasks leave the columns at once (the page's filter passes
 * over them) and a toast offers Undo; the store deletes them when the
 * toast goes, or when the window closes. */

gboolean
_steward_tasks_page_is_pending_delete (StewardTasksPage *self,
                   gint64            id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      return TRUE;

  return FALSE;
}


static void
forget_pending_delete (StewardTasksPage *self,
                       gint64            id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      {
        g_array_remove_index_fast (self->pending_deletes, i);
        return;
      }
}

static void
commit_delete (StewardTasksPage *self,
               gint64            id)
{
  StewardStore *store = _steward_tasks_page_get_store ();
  g_autoptr(GError) error = NULL;

  if (!_steward_tasks_page_is_pending_delete (self, id))
    return;

  /* Out of the set first: the column loses the card as the store deletes
   * it. */
  forget_pending_delete (self, id);

  if (store != NULL && !steward_store_delete_task (store, id, &error) &&
      !g_error_matches (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND))
    {
      g_warning ("Could not delete task %" G_GINT64_FORMAT ": %s", id, error->message);
      gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
    }
}

static GArray *
toast_ids (AdwToast *toast)
{
  return g_object_get_data (G_OBJECT (toast), "task-ids");
}

static void
delete_toast_undo_cb (AdwToast         *toast,
                      StewardTasksPage *self)
{
  GArray *ids = toast_ids (toast);

  for (guint i = 0; i < ids->len; i++)
    forget_pending_delete (self, g_array_index (ids, gint64, i));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
delete_toast_dismissed_cb (AdwToast         *toast,
                           StewardTasksPage *self)
{
  GArray *ids = toast_ids (toast);

  for (guint i = 0; i < ids->len; i++)
    commit_delete (self, g_array_index (ids, gint64, i));
}

/* Takes @ids off the board at once, with a toast offering Undo; the
 * store forgets them when the toast goes. */
static void
delete_tasks (StewardTasksPage *self,
              GArray           *ids,
              AdwToast         *toast)
{
  g_array_append_vals (self->pending_deletes, ids->data, ids->len);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_MORE_STRICT);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "task-ids", g_array_ref (ids), (GDestroyNotify)g_array_unref);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (delete_toast_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (widget);
  StewardStore *store = _steward_tasks_page_get_store ();
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *title = NULL;
  StewardBoardColumn *column;
  gint64 id = g_variant_get_int64 (param);
  gboolean had_focus;
  guint position;

  if (store == NULL || _steward_tasks_page_is_pending_delete (self, id))
    return;

  if (!(task = steward_store_find_task (store, id, &error)))
    {
      _steward_tasks_page_show_error (self, error);
      return;
    }

  column = _steward_tasks_page_get_column (self, steward_task_get_status (task));
  position = steward_board_column_find_task (column, id);
  had_focus = steward_focus_is_within (GTK_WIDGET (steward_board_column_get_list_view (column)));

  g_array_append_val (ids, id);
  title = g_markup_escape_text (steward_task_get_title (task), -1);
  /* Translators: %s is a task's title */
  delete_tasks (self, ids, adw_toast_new_format (_("“%s” deleted"), title));

  /* The focus goes to the card that took its place. */
  if (had_focus && position != GTK_INVALID_LIST_POSITION &&
      !steward_board_column_focus_position (column, position))
    gtk_widget_grab_focus (GTK_WIDGET (steward_board_column_get_list_view (column)));
}

static void
clear_done_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (widget);
  GListModel *model = steward_board_column_get_model (self->done_column);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_items = model ? g_list_model_get_n_items (model) : 0;

  /* What shows in Done: a filter narrows what is cleared too. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardTask) task = g_list_model_get_item (model, i);
      gint64 id = steward_task_get_id (task);

      g_array_append_val (ids, id);
    }

  if (ids->len == 0)
    return;

  /* Translators: in a toast, with Undo beside it */
  delete_tasks (self, ids, adw_toast_new_format (ngettext ("%u done task cleared",
                                                           "%u done tasks cleared",
                                                           ids->len),
                                                 ids->len));
}

/**
 * steward_tasks_page_flush_deletes:
 *
 * Deletes at once what waits for its toast to go: the window is closing.
 */
void
steward_tasks_page_flush_deletes (StewardTasksPage *self)
{
  g_return_if_fail (STEWARD_IS_TASKS_PAGE (self));

  while (self->pending_deletes != NULL && self->pending_deletes->len > 0)
    commit_delete (self, g_array_index (self->pending_deletes, gint64, 0));
}

void
_steward_tasks_page_update_clear_done (StewardTasksPage *self)
{
  GListModel *model = steward_board_column_get_model (self->done_column);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.clear-done",
                                 model != NULL && g_list_model_get_n_items (model) > 0);
}

void
_steward_tasks_page_class_init_delete (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.clear-done", NULL, clear_done_action);
  gtk_widget_class_install_action (widget_class, "board.delete", "x", delete_action);
}
