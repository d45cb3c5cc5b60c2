/* steward-tasks-page-extract.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-tasks-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-task-review-dialog.h"
#include "steward-tasks-page-private.h"

/* The board filled from elsewhere than a chat: Extract Tasks From… a file
 * (text, PDF, a photo of a whiteboard, a voice memo) or from the text on
 * the clipboard, and files dropped on the board. Each goes through the
 * review dialog, where the user ticks what to add. */

/* The most of a pasted text kept as the tasks' source */
#define SOURCE_EXCERPT_CHARS 200

static void
tasks_added_cb (StewardTasksPage *self,
                guint             n_added)
{
  AdwToast *toast;

  /* Translators: told once tasks found in a file or a text were added */
  toast = adw_toast_new_format (ngettext ("%u task added", "%u tasks added", n_added), n_added);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static StewardTaskReviewDialog *
open_review (StewardTasksPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  StewardTaskReviewDialog *dialog;

  dialog = steward_task_review_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "added", G_CALLBACK (tasks_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static void
extract_files (StewardTasksPage *self,
               GList            *files)
{
  if (files == NULL || !steward_services_get_ready (STEWARD_SERVICES_DEFAULT))
    return;

  steward_task_review_dialog_extract_files (open_review (self), files);
}

/* -- from a file ------------------------------------------------------------ */

static void
file_chosen_cb (StewardTasksPage     *self,
                int                   response,
                GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  GList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_list_prepend (list, g_list_model_get_item (files, i - 1));
      extract_files (self, list);
      g_list_free_full (list, g_object_unref);
    }

  g_object_unref (chooser);
}

static void
extract_file_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardTasksPage *self = STEWARD_TASKS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Extract Tasks From Files"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Extract"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Text, PDFs, Images and Audio"));
  gtk_file_filter_add_mime_type (filter, "text/*");
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_mime_type (filter, "image/*");
  gtk_file_filter_add_mime_type (filter, "audio/*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (file_chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* -- from the clipboard ----------------------------------------------------- */

static void
clipboard_text_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StewardTasksPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (object), result, &error);
  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  g_autofree char *excerpt = NULL;

  if (trimmed == NULL || trimmed[0] == '\0')
    {
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("The clipboard holds no text to find tasks in")));
      return;
    }

  if (!steward_services_get_ready (STEWARD_SERVICES_DEFAULT))
    return;

  excerpt = g_utf8_substring (trimmed, 0, MIN (g_utf8_strlen (trimmed, -1), SOURCE_EXCERPT_CHARS));
  steward_task_review_dialog_extract (open_review (self), trimmed, NULL, STEWARD_TASK_SOURCE_TEXT, excerpt);
}

static void
extract_clipboard_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (widget), NULL,
                                 clipboard_text_cb, g_object_ref (widget));
}

/* -- dropped on the board --------------------------------------------------- */

static gboolean
drop_cb (GtkDropTarget    *target,
         const GValue     *value,
         double            x,
         double            y,
         StewardTasksPage *self)
{
  GSList *files;
  GList *list = NULL;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;

  if ((files = g_value_get_boxed (value)) == NULL)
    return FALSE;

  for (GSList *l = files; l != NULL; l = l->next)
    list = g_list_append (list, l->data);
  extract_files (self, list);
  g_list_free (list);

  return TRUE;
}

void
_steward_tasks_page_init_extract (StewardTasksPage *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  /* Cards dragged between columns are ids, not files: the columns' own
   * targets take those */
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

void
_steward_tasks_page_class_init_extract (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "board.extract-file", NULL, extract_file_action);
  gtk_widget_class_install_action (widget_class, "board.extract-clipboard", NULL, extract_clipboard_action);
}
