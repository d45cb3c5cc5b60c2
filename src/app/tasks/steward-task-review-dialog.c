/* steward-task-review-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-review"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-task-format.h"
#include "steward-task-review-dialog.h"

/* The tasks extraction found, before they are added: each ticked, and
 * each can be opened to change its title, priority, category or due
 * (read as quick add reads a date). While the model is asked, a spinner
 * and Cancel; a text with nothing to do, or an answer that could not be
 * read, says so instead of showing an empty list. */

typedef struct
{
  /* Borrowed */
  StewardTaskReviewDialog *dialog;
  GtkWidget        *row;
  GtkWidget        *check;
  GtkWidget        *title_row;
  GtkWidget        *priority_row;
  GtkWidget        *category_row;
  GtkWidget        *due_row;

  /* Owned */
  /* As found: its notes, repeat rule and source go with the task */
  StewardTaskDraft *draft;
  /* What the due entry said at first, standing for the found due */
  char             *due_label;
  GDateTime        *due;

  gboolean          due_has_time;
  gboolean          due_ok;
} ReviewItem;

struct _StewardTaskReviewDialog
{
  AdwWindow          parent_instance;

  /* Template widgets */
  GtkButton         *add_button;
  GtkLabel          *add_label;
  GtkLabel          *error_label;
  GtkRevealer       *error_revealer;
  AdwStatusPage     *failed_page;
  GtkSpinner        *spinner;
  GtkStack          *stack;
  GtkListBox        *task_list;

  /* Owned */
  GPtrArray         *items;
  GCancellable      *cancellable;
  char              *source_ref;
  /* Files to find tasks in, the next first, and what those before found */
  GQueue             files;
  GPtrArray         *file_drafts;

  StewardTaskSource  source;
};

G_DEFINE_FINAL_TYPE (StewardTaskReviewDialog, steward_task_review_dialog, ADW_TYPE_WINDOW)

enum {
  ADDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
review_item_free (gpointer data)
{
  ReviewItem *item = data;

  g_clear_pointer (&item->draft, steward_task_draft_free);
  g_clear_pointer (&item->due, g_date_time_unref);
  g_free (item->due_label);
  g_free (item);
}

StewardTaskReviewDialog *
steward_task_review_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (STEWARD_TYPE_TASK_REVIEW_DIALOG,
                       "transient-for", parent,
                       NULL);
}

static char *
dup_stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static gboolean
item_is_valid (ReviewItem *item)
{
  g_autofree char *title = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->title_row)));

  return item->due_ok && title[0] != '\0';
}

static gboolean
item_is_ticked (ReviewItem *item)
{
  return gtk_check_button_get_active (GTK_CHECK_BUTTON (item->check));
}

/* "Add 2 Tasks", enabled when something ticked and all of it can be added. */
static void
update_add (StewardTaskReviewDialog *self)
{
  g_autofree char *label = NULL;
  gboolean valid = TRUE;
  guint n_ticked = 0;

  for (guint i = 0; i < self->items->len; i++)
    {
      ReviewItem *item = g_ptr_array_index (self->items, i);

      if (!item_is_ticked (item))
        continue;
      n_ticked++;
      valid = valid && item_is_valid (item);
    }

  if (n_ticked > 0)
    /* Translators: the button that adds the ticked tasks to the board */
    label = g_strdup_printf (ngettext ("_Add %u Task", "_Add %u Tasks", n_ticked), n_ticked);
  else
    label = g_strdup (_("_Add Tasks"));

  gtk_label_set_text_with_mnemonic (self->add_label, label);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add", n_ticked > 0 && valid);
}

/* The row's second line: what the task will be, "Tomorrow 17:00 · High
 * · #work", or why it cannot be added. */
static void
update_summary (ReviewItem *item)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->title_row)));
  g_autofree char *category = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->category_row)));
  g_autofree char *summary = NULL;
  guint priority = adw_combo_row_get_selected (ADW_COMBO_ROW (item->priority_row));

  if (!item->due_ok)
    {
      g_autofree char *due_text = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->due_row)));

      g_ptr_array_add (parts, g_strdup_printf (_("Could not read “%s” as a date"), due_text));
    }
  else if (item->due != NULL)
    {
      g_ptr_array_add (parts, steward_task_format_due (item->due, item->due_has_time, NULL));
    }

  if (priority <= STEWARD_TASK_PRIORITY_URGENT)
    g_ptr_array_add (parts, g_strdup (steward_task_priority_label (priority)));
  if (category[0] != '\0')
    g_ptr_array_add (parts, g_strdup_printf ("#%s", category[0] == '#' ? category + 1 : category));
  g_ptr_array_add (parts, NULL);

  /* Translators: between the parts of a task's summary, "Friday · High · #work" */
  summary = g_strjoinv (C_("task summary", " · "), (char **)parts->pdata);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row),
                                 title[0] != '\0' ? title : _("Untitled Task"));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (item->row), summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (item->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title[0] != '\0' ? title : _("Untitled Task"),
                                  -1);

  if (title[0] == '\0')
    gtk_widget_add_css_class (item->title_row, "error");
  else
    gtk_widget_remove_css_class (item->title_row, "error");
}

static void
item_changed_cb (ReviewItem *item)
{
  update_summary (item);
  update_add (item->dialog);
}

/* The due as typed: the found one while the entry says what it said at
 * first, none when it is empty, else read as quick add reads a date. */
static void
due_changed_cb (ReviewItem *item)
{
  g_autofree char *text = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->due_row)));
  g_autoptr(GDateTime) now = NULL;

  g_clear_pointer (&item->due, g_date_time_unref);
  item->due_ok = TRUE;
  item->due_has_time = FALSE;

  if (text[0] == '\0')
    ;
  else if (item->due_label != NULL && g_str_equal (text, item->due_label))
    {
      item->due = g_date_time_ref (item->draft->due);
      item->due_has_time = item->draft->due_has_time;
    }
  else
    {
      now = steward_local_now ();
      item->due = steward_quick_add_parse_when (text, now, &item->due_has_time);
      item->due_ok = item->due != NULL;
    }

  if (item->due_ok)
    gtk_widget_remove_css_class (item->due_row, "error");
  else
    gtk_widget_add_css_class (item->due_row, "error");

  item_changed_cb (item);
}

static GtkWidget *
create_entry_row (const char *title,
                  const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");

  return row;
}

static void
add_item (StewardTaskReviewDialog *self,
          const StewardTaskDraft  *draft)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  ReviewItem *item = g_new0 (ReviewItem, 1);

  item->dialog = self;
  item->draft = steward_task_draft_copy (draft);
  item->due_ok = TRUE;
  if (draft->due != NULL)
    {
      item->due = g_date_time_ref (draft->due);
      item->due_has_time = draft->due_has_time;
      item->due_label = steward_task_format_due (draft->due, draft->due_has_time, NULL);
    }
  g_ptr_array_add (self->items, item);

  item->row = adw_expander_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (item->row), FALSE);

  item->check = gtk_check_button_new ();
  gtk_check_button_set_active (GTK_CHECK_BUTTON (item->check), TRUE);
  gtk_widget_set_valign (item->check, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (item->check, _("Add This Task"));
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (item->row), item->check);

  item->title_row = create_entry_row (_("Title"), draft->title);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), item->title_row);

  for (StewardTaskPriority p = STEWARD_TASK_PRIORITY_LOW; p <= STEWARD_TASK_PRIORITY_URGENT; p++)
    gtk_string_list_append (priorities, steward_task_priority_label (p));
  item->priority_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->priority_row), _("Priority"));
  adw_combo_row_set_model (ADW_COMBO_ROW (item->priority_row), G_LIST_MODEL (priorities));
  adw_combo_row_set_selected (ADW_COMBO_ROW (item->priority_row), draft->priority);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), item->priority_row);

  item->category_row = create_entry_row (_("Category"), draft->category);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), item->category_row);

  item->due_row = create_entry_row (_("Due"), item->due_label);
  gtk_widget_set_tooltip_text (item->due_row, _("A date, or a date and a time: “Friday 17:00”, “in 3 days”, “12 March”"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (item->row), item->due_row);

  g_signal_connect_swapped (item->check, "toggled", G_CALLBACK (update_add), self);
  g_signal_connect_swapped (item->title_row, "changed", G_CALLBACK (item_changed_cb), item);
  g_signal_connect_swapped (item->category_row, "changed", G_CALLBACK (item_changed_cb), item);
  g_signal_connect_swapped (item->priority_row, "notify::selected", G_CALLBACK (item_changed_cb), item);
  g_signal_connect_swapped (item->due_row, "changed", G_CALLBACK (due_changed_cb), item);

  update_summary (item);
  gtk_list_box_append (self->task_list, item->row);
}

static void
show_page (StewardTaskReviewDialog *self,
           const char              *name)
{
  gboolean review = g_str_equal (name, "review");

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->spinner, g_str_equal (name, "loading"));
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), review);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add", review);
}

/**
 * steward_task_review_dialog_set_drafts:
 * @drafts: (element-type StewardTaskDraft): the tasks found, with their
 *   source
 *
 * Shows @drafts to review, or, when there are none, that nothing was
 * found.
 */
void
steward_task_review_dialog_set_drafts (StewardTaskReviewDialog *self,
                                       GPtrArray               *drafts)
{
  ReviewItem *first;

  g_return_if_fail (STEWARD_IS_TASK_REVIEW_DIALOG (self));
  g_return_if_fail (drafts != NULL);

  if (drafts->len == 0)
    {
      show_page (self, "empty");
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    add_item (self, g_ptr_array_index (drafts, i));

  show_page (self, "review");
  update_add (self);

  /* On the first task's row: Enter opens it, Tab goes on to its tick */
  first = g_ptr_array_index (self->items, 0);
  if (!gtk_widget_child_focus (first->row, GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (first->check);
}

static void
extract_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(StewardTaskReviewDialog) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = steward_task_extract_finish (result, &error);

  /* Closed meanwhile */
  if (self->items == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  if (drafts == NULL)
    {
      adw_status_page_set_description (self->failed_page, error->message);
      show_page (self, "error");
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      StewardTaskDraft *draft = g_ptr_array_index (drafts, i);

      draft->source = self->source;
      g_free (draft->source_ref);
      draft->source_ref = g_strdup (self->source_ref);
    }

  steward_task_review_dialog_set_drafts (self, drafts);
}

/**
 * steward_task_review_dialog_extract:
 * @text: the text to find tasks in
 * @written_at: (nullable): when it was written, in local time
 * @source: where the tasks come from
 * @source_ref: (nullable): the message id, file URI or text, as
 *   @source says
 *
 * Asks the model for the tasks in @text, with a spinner meanwhile;
 * closing the dialog stops it.
 */
void
steward_task_review_dialog_extract (StewardTaskReviewDialog *self,
                                    const char              *text,
                                    GDateTime               *written_at,
                                    StewardTaskSource        source,
                                    const char              *source_ref)
{
  g_return_if_fail (STEWARD_IS_TASK_REVIEW_DIALOG (self));
  g_return_if_fail (text != NULL);

  self->source = source;
  g_free (self->source_ref);
  self->source_ref = g_strdup (source_ref);

  show_page (self, "loading");
  steward_task_extract_async (STEWARD_SERVICES_DEFAULT, text, written_at, self->cancellable,
                              extract_cb, g_object_ref (self));
}

static void extract_next_file (StewardTaskReviewDialog *self);

static void
file_extract_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardTaskReviewDialog) self = user_data;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;

  drafts = steward_task_extract_file_finish (result, &error);

  /* Closed meanwhile */
  if (self->items == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  /* A file refused or an answer that could not be read: said, with the
   * file's name, and nothing from the others is added */
  if (drafts == NULL)
    {
      g_queue_clear_full (&self->files, g_object_unref);
      adw_status_page_set_description (self->failed_page, error->message);
      show_page (self, "error");
      return;
    }

  for (guint i = 0; i < drafts->len; i++)
    g_ptr_array_add (self->file_drafts, g_steal_pointer (&g_ptr_array_index (drafts, i)));

  extract_next_file (self);
}

static void
extract_next_file (StewardTaskReviewDialog *self)
{
  g_autoptr(GFile) file = g_queue_pop_head (&self->files);

  if (file == NULL)
    {
      g_autoptr(GPtrArray) drafts = g_steal_pointer (&self->file_drafts);

      steward_task_review_dialog_set_drafts (self, drafts);
      return;
    }

  steward_task_extract_file_async (STEWARD_SERVICES_DEFAULT, file, self->cancellable,
                                   file_extract_cb, g_object_ref (self));
}

/**
 * steward_task_review_dialog_extract_files:
 * @files: (element-type GFile): text files, PDFs, photos, voice memos
 *
 * Asks the model for the tasks in each of @files in turn (see
 * steward_task_extract_file_async()), with a spinner meanwhile, and shows
 * them all; a file that cannot be read says why, naming it.
 */
void
steward_task_review_dialog_extract_files (StewardTaskReviewDialog *self,
                                          GList                   *files)
{
  g_return_if_fail (STEWARD_IS_TASK_REVIEW_DIALOG (self));
  g_return_if_fail (files != NULL);

  g_queue_clear_full (&self->files, g_object_unref);
  for (GList *l = files; l != NULL; l = l->next)
    g_queue_push_tail (&self->files, g_object_ref (l->data));
  g_clear_pointer (&self->file_drafts, g_ptr_array_unref);
  self->file_drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_task_draft_free);

  show_page (self, "loading");
  extract_next_file (self);
}

static gboolean
destroy_idle_cb (gpointer user_data)
{
  gtk_window_destroy (GTK_WINDOW (user_data));

  return G_SOURCE_REMOVE;
}

/* The ticked tasks, as changed, or nothing added and the store's
 * sentence shown. */
static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  StewardTaskReviewDialog *self = STEWARD_TASK_REVIEW_DIALOG (widget);
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_task_draft_free);
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->items->len; i++)
    {
      ReviewItem *item = g_ptr_array_index (self->items, i);
      StewardTaskDraft *draft;
      g_autofree char *category = NULL;

      if (!item_is_ticked (item))
        continue;
      if (!item_is_valid (item))
        return;

      draft = steward_task_draft_copy (item->draft);
      g_free (draft->title);
      draft->title = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->title_row)));
      draft->priority = MIN (adw_combo_row_get_selected (ADW_COMBO_ROW (item->priority_row)),
                             STEWARD_TASK_PRIORITY_URGENT);
      category = dup_stripped (gtk_editable_get_text (GTK_EDITABLE (item->category_row)));
      g_free (draft->category);
      draft->category = category[0] != '\0' ? g_strdup (category[0] == '#' ? category + 1 : category) : NULL;
      g_clear_pointer (&draft->due, g_date_time_unref);
      draft->due = item->due != NULL ? g_date_time_ref (item->due) : NULL;
      draft->due_has_time = item->due_has_time;
      /* A repeat rule needs its due */
      if (draft->due == NULL)
        g_clear_pointer (&draft->rrule, g_free);
      g_ptr_array_add (drafts, draft);
    }

  if (drafts->len == 0)
    return;

  if (store == NULL)
    return;

  if (!(ids = steward_store_add_tasks (store, drafts, STEWARD_TASK_STATUS_TODO, &error)))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  g_signal_emit (self, signals[ADDED], 0, ids->len);

  /* Not while the button's activation is handled: a screen reader may
   * have asked for it, and GTK 4.8 answers it about the window. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add", FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, destroy_idle_cb, g_object_ref (self), g_object_unref);
}

static gboolean
steward_task_review_dialog_close_request (GtkWindow *window)
{
  StewardTaskReviewDialog *self = STEWARD_TASK_REVIEW_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (steward_task_review_dialog_parent_class)->close_request (window);
}

static void
steward_task_review_dialog_dispose (GObject *object)
{
  StewardTaskReviewDialog *self = (StewardTaskReviewDialog *)object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TASK_REVIEW_DIALOG);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_task_review_dialog_parent_class)->dispose (object);
}

static void
steward_task_review_dialog_finalize (GObject *object)
{
  StewardTaskReviewDialog *self = (StewardTaskReviewDialog *)object;

  g_clear_object (&self->cancellable);
  g_free (self->source_ref);
  g_queue_clear_full (&self->files, g_object_unref);
  g_clear_pointer (&self->file_drafts, g_ptr_array_unref);

  G_OBJECT_CLASS (steward_task_review_dialog_parent_class)->finalize (object);
}

static void
steward_task_review_dialog_class_init (StewardTaskReviewDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_task_review_dialog_dispose;
  object_class->finalize = steward_task_review_dialog_finalize;
  window_class->close_request = steward_task_review_dialog_close_request;

  /**
   * StewardTaskReviewDialog::added:
   * @n_added: how many tasks were added
   *
   * The ticked tasks were added to To do; the dialog closes.
   */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/stewardapp/Steward/steward-task-review-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, add_label);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskReviewDialog, task_list);

  gtk_widget_class_install_action (widget_class, "review.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_task_review_dialog_init (StewardTaskReviewDialog *self)
{
  self->items = g_ptr_array_new_with_free_func (review_item_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "review.add", FALSE);
}
