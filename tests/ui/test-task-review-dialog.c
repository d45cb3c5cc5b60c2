/* test-task-review-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review dialog of extracted tasks: every task ticked, "Add N Tasks"
 * counting the ticked ones; a due that cannot be read or an empty title
 * says so and keeps the button off; no tasks at all is said, not shown
 * as an empty list.
 */

#include "config.h"

#include <adwaita.h>

#include "steward-resources.h"
#include "steward-task-review-dialog.h"

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect (child, type, found);
}

static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);

  return found;
}

/* The entry rows titled @title, one a task. */
static GPtrArray *
find_rows (gpointer    dialog,
           const char *title)
{
  g_autoptr(GPtrArray) rows = find_all (dialog, ADW_TYPE_ENTRY_ROW);
  GPtrArray *titled = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (adw_preferences_row_get_title (g_ptr_array_index (rows, i)), title))
      g_ptr_array_add (titled, g_ptr_array_index (rows, i));

  return titled;
}

static GtkWidget *
find_add_button (gpointer dialog)
{
  g_autoptr(GPtrArray) buttons = find_all (dialog, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)), "review.add") == 0)
      return g_ptr_array_index (buttons, i);

  g_assert_not_reached ();
}

static const char *
add_label (GtkWidget *button)
{
  return gtk_label_get_label (GTK_LABEL (gtk_button_get_child (GTK_BUTTON (button))));
}

static GPtrArray *
new_drafts (void)
{
  GPtrArray *drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_task_draft_free);
  StewardTaskDraft *report = steward_task_draft_new ("Send Ana the report");
  StewardTaskDraft *dentist = steward_task_draft_new ("Book the dentist");

  report->priority = STEWARD_TASK_PRIORITY_HIGH;
  report->category = g_strdup ("work");
  report->due = g_date_time_new_local (2026, 3, 28, 0, 0, 0);
  report->source = STEWARD_TASK_SOURCE_MESSAGE;
  report->source_ref = g_strdup ("4");
  g_ptr_array_add (drafts, report);
  g_ptr_array_add (drafts, dentist);

  return drafts;
}

static void
test_review (void)
{
  StewardTaskReviewDialog *dialog = steward_task_review_dialog_new (NULL);
  g_autoptr(GPtrArray) drafts = new_drafts ();
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) dues = NULL;
  g_autoptr(GPtrArray) titles = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GPtrArray) expanders = NULL;
  GtkWidget *add;

  steward_task_review_dialog_set_drafts (dialog, drafts);
  checks = find_all (dialog, GTK_TYPE_CHECK_BUTTON);
  dues = find_rows (dialog, "Due");
  titles = find_rows (dialog, "Title");
  categories = find_rows (dialog, "Category");
  expanders = find_all (dialog, ADW_TYPE_EXPANDER_ROW);
  add = find_add_button (dialog);

  g_assert_cmpuint (checks->len, ==, 2);
  g_assert_cmpuint (dues->len, ==, 2);
  g_assert_cmpuint (expanders->len, ==, 2);
  for (guint i = 0; i < checks->len; i++)
    g_assert_true (gtk_check_button_get_active (g_ptr_array_index (checks, i)));
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (titles, 0)), ==, "Send Ana the report");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (categories, 0)), ==, "work");
  g_assert_cmpstr (gtk_editable_get_text (g_ptr_array_index (dues, 1)), ==, "");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (expanders, 0)), ==, "Send Ana the report");
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (g_ptr_array_index (expanders, 0)), "High"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (g_ptr_array_index (expanders, 0)), "#work"));
  g_assert_cmpstr (add_label (add), ==, "_Add 2 Tasks");
  g_assert_true (gtk_widget_get_sensitive (add));

  /* Unticked, counted out; none ticked, nothing to add */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), FALSE);
  g_assert_cmpstr (add_label (add), ==, "_Add 1 Task");
  g_assert_true (gtk_widget_get_sensitive (add));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
  g_assert_cmpstr (add_label (add), ==, "_Add Tasks");
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);

  /* A due that cannot be read keeps the task from being added, and says why */
  gtk_editable_set_text (g_ptr_array_index (dues, 0), "blursday");
  g_assert_false (gtk_widget_get_sensitive (add));
  g_assert_true (gtk_widget_has_css_class (g_ptr_array_index (dues, 0), "error"));
  g_assert_nonnull (strstr (adw_expander_row_get_subtitle (g_ptr_array_index (expanders, 0)),
                            "Could not read “blursday” as a date"));
  /* … unless it is not ticked */
  gtk_check_button_set_active (g_ptr_array_index (checks, 1), TRUE);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
  g_assert_true (gtk_widget_get_sensitive (add));
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), TRUE);

  gtk_editable_set_text (g_ptr_array_index (dues, 0), "in 3 days");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_assert_false (gtk_widget_has_css_class (g_ptr_array_index (dues, 0), "error"));
  gtk_editable_set_text (g_ptr_array_index (dues, 0), "");
  g_assert_true (gtk_widget_get_sensitive (add));

  /* A title is needed; the row and the check follow it */
  gtk_editable_set_text (g_ptr_array_index (titles, 1), "  ");
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (g_ptr_array_index (titles, 1), "Book the dentist for Monday");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (expanders, 1)), ==,
                   "Book the dentist for Monday");

  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_nothing_found (void)
{
  StewardTaskReviewDialog *dialog = steward_task_review_dialog_new (NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();
  g_autoptr(GPtrArray) stacks = NULL;
  g_autoptr(GPtrArray) checks = NULL;

  steward_task_review_dialog_set_drafts (dialog, none);
  stacks = find_all (dialog, GTK_TYPE_STACK);
  checks = find_all (dialog, GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (stacks->len, ==, 1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (g_ptr_array_index (stacks, 0)), ==, "empty");
  g_assert_cmpuint (checks->len, ==, 0);
  g_assert_false (gtk_widget_get_visible (find_add_button (dialog)));

  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  steward_register_resource ();

  g_test_add_func ("/steward/task-review-dialog/review", test_review);
  g_test_add_func ("/steward/task-review-dialog/nothing-found", test_nothing_found);

  return g_test_run ();
}
