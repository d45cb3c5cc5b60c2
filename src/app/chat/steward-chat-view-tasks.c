/* steward-chat-view-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-chat-view-private.h"
#include "steward-message-row.h"
#include "steward-task-review-dialog.h"

/* Tasks from the conversation: "Extract Tasks" on a message (or on the
 * text selected in it) asks the model for them, and "Add 3 Tasks" on a
 * reply that proposes some reads them from the reply; both open the
 * review dialog, and what is added is told in a toast that shows the
 * board. */

static void
tasks_added_cb (StewardChatView         *self,
                guint                    n_added,
                StewardTaskReviewDialog *dialog)
{
  AdwToast *toast;

  g_assert (STEWARD_IS_CHAT_VIEW (self));

  /* Translators: told once tasks found in a message were added to the board */
  toast = adw_toast_new_format (ngettext ("%u task added", "%u tasks added", n_added), n_added);
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "win.show-page");
  adw_toast_set_action_target (toast, "s", "tasks");
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static StewardTaskReviewDialog *
open_review (StewardChatView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  StewardTaskReviewDialog *dialog;

  dialog = steward_task_review_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "added", G_CALLBACK (tasks_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

static StewardMessage *
dup_message (StewardChatView *self,
             gint64           message_id)
{
  guint position;

  if (!_steward_chat_view_find_message (self, message_id, &position))
    return NULL;

  return g_list_model_get_item (G_LIST_MODEL (self->messages), position);
}

/* The text selected in the message, or all of it. */
static char *
dup_text_to_extract (StewardChatView *self,
                     StewardMessage  *message)
{
  GtkWidget *item = _steward_chat_view_find_row_item (self, steward_message_get_id (message));
  GtkWidget *row = item != NULL ? gtk_widget_get_first_child (item) : NULL;
  char *selected = NULL;

  if (row != NULL && STEWARD_IS_MESSAGE_ROW (row))
    selected = steward_message_row_dup_selected_text (STEWARD_MESSAGE_ROW (row));

  return selected != NULL ? selected : g_strdup (steward_message_get_content (message));
}

static void
extract_tasks_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GDateTime) written_at = NULL;
  g_autofree char *text = NULL;
  g_autofree char *source_ref = NULL;
  StewardTaskReviewDialog *dialog;

  if (!steward_services_get_ready (STEWARD_SERVICES_DEFAULT) ||
      !(message = dup_message (self, g_variant_get_int64 (param))))
    return;

  text = dup_text_to_extract (self, message);
  /* "Tomorrow" in a message means the day after it was written. */
  written_at = steward_local_time (steward_message_get_created_at (message));
  source_ref = g_strdup_printf ("%" G_GINT64_FORMAT, steward_message_get_id (message));

  dialog = open_review (self);
  steward_task_review_dialog_extract (dialog, text, written_at, STEWARD_TASK_SOURCE_MESSAGE, source_ref);
}

static void
add_proposed_tasks_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GPtrArray) drafts = NULL;

  if (!steward_services_get_ready (STEWARD_SERVICES_DEFAULT) ||
      !(message = dup_message (self, g_variant_get_int64 (param))) ||
      !(drafts = steward_task_proposal_read (message)))
    return;

  steward_task_review_dialog_set_drafts (open_review (self), drafts);
}

void
_steward_chat_view_class_tasks_init (StewardChatViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "chat.extract-tasks", "x", extract_tasks_action);
  gtk_widget_class_install_action (widget_class, "chat.add-proposed-tasks", "x", add_proposed_tasks_action);
}
