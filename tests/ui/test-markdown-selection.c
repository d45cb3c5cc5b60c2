/* test-markdown-selection.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The text selected in a message (steward_markdown_view_dup_selected_text),
 * which "Extract Tasks" takes in place of the whole message: each block is
 * a label of its own, and the selection is read in characters, not bytes.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "steward-markdown-view.h"

static void
collect_labels (GtkWidget *widget,
                GPtrArray *labels)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (labels, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, labels);
}

static GtkLabel *
find_label (GPtrArray  *labels,
            const char *prefix)
{
  for (guint i = 0; i < labels->len; i++)
    if (g_str_has_prefix (gtk_label_get_text (g_ptr_array_index (labels, i)), prefix))
      return g_ptr_array_index (labels, i);

  g_assert_not_reached ();
}

static void
test_selection (void)
{
  GtkWidget *view = g_object_ref_sink (steward_markdown_view_new ());
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  g_autofree char *selected = NULL;
  GtkLabel *first;
  GtkLabel *second;

  steward_markdown_view_set_text (STEWARD_MARKDOWN_VIEW (view),
                                  "Café first: nothing to do.\n\n"
                                  "- Send **Ana** the report tomorrow\n"
                                  "- Book the dentist\n",
                                  FALSE);

  /* Nothing selected: nothing to take */
  g_assert_null (steward_markdown_view_dup_selected_text (STEWARD_MARKDOWN_VIEW (view)));

  collect_labels (view, labels);
  first = find_label (labels, "Café");
  second = find_label (labels, "Send");
  g_assert_cmpstr (gtk_label_get_text (second), ==, "Send Ana the report tomorrow");

  /* A selection in one item, made from its end back: in characters */
  gtk_label_select_region (second, 28, 5);
  selected = steward_markdown_view_dup_selected_text (STEWARD_MARKDOWN_VIEW (view));
  g_assert_cmpstr (selected, ==, "Ana the report tomorrow");
  g_clear_pointer (&selected, g_free);

  /* Past the accent of "Café" */
  gtk_label_select_region (second, 0, 0);
  gtk_label_select_region (first, 0, 11);
  selected = steward_markdown_view_dup_selected_text (STEWARD_MARKDOWN_VIEW (view));
  g_assert_cmpstr (selected, ==, "Café first:");
  g_clear_pointer (&selected, g_free);

  /* Only blanks selected is no selection */
  gtk_label_select_region (first, 11, 12);
  g_assert_null (steward_markdown_view_dup_selected_text (STEWARD_MARKDOWN_VIEW (view)));

  g_object_unref (view);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/markdown-selection/selected-text", test_selection);

  return g_test_run ();
}
