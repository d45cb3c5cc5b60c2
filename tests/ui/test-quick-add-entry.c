/* test-quick-add-entry.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The quick-add entry at the top of To do: as the user types it says what
 * it understood (to the eye and to a screen reader), Enter hands out the
 * task and empties the entry, and a line without a title adds nothing.
 */

#include "config.h"

#include <gtk/gtk.h>

#include "steward-quick-add-entry.h"
#include "steward-task-draft.h"

typedef struct
{
  GtkWidget        *quick_add;
  GtkEditable      *entry;
  GtkLabel         *summary;
  StewardTaskDraft *added;
  guint             n_added;
} Fixture;

static void
add_task_cb (StewardQuickAddEntry *quick_add,
             StewardTaskDraft     *draft,
             Fixture              *fixture)
{
  g_clear_pointer (&fixture->added, steward_task_draft_free);
  fixture->added = steward_task_draft_copy (draft);
  fixture->n_added++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GTimeZone) berlin = g_time_zone_new_identifier ("Europe/Berlin");
  /* Friday 27 March 2026, 10:00 */
  g_autoptr(GDateTime) now = g_date_time_new (berlin, 2026, 3, 27, 10, 0, 0);

  fixture->quick_add = g_object_ref_sink (steward_quick_add_entry_new ());
  fixture->entry = GTK_EDITABLE (gtk_widget_get_first_child (fixture->quick_add));
  fixture->summary = GTK_LABEL (gtk_widget_get_last_child (fixture->quick_add));
  steward_quick_add_entry_set_now (STEWARD_QUICK_ADD_ENTRY (fixture->quick_add), now);
  g_signal_connect (fixture->quick_add, "add-task", G_CALLBACK (add_task_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->added, steward_task_draft_free);
  g_clear_object (&fixture->quick_add);
}

static void
test_says_what_it_understood (Fixture       *fixture,
                              gconstpointer  data)
{
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->summary)));

  gtk_editable_set_text (fixture->entry, "Call Sam tomorrow 5pm !high #work");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->summary)));
  g_assert_cmpstr (gtk_label_get_text (fixture->summary), ==, "Tomorrow 17:00 · High · #work");

  /* A plain title: nothing more to say */
  gtk_editable_set_text (fixture->entry, "Water the plants");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->summary)));
}

static void
test_enter_adds (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *due = NULL;

  gtk_editable_set_text (fixture->entry, "Call Sam tomorrow 5pm !high #work");
  g_signal_emit_by_name (fixture->entry, "activate");

  g_assert_cmpuint (fixture->n_added, ==, 1);
  g_assert_cmpstr (fixture->added->title, ==, "Call Sam");
  g_assert_cmpint (fixture->added->priority, ==, STEWARD_TASK_PRIORITY_HIGH);
  g_assert_cmpstr (fixture->added->category, ==, "work");
  g_assert_true (fixture->added->due_has_time);
  due = g_date_time_format_iso8601 (fixture->added->due);
  g_assert_cmpstr (due, ==, "2026-03-28T17:00:00+01");

  /* Ready for the next */
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->summary)));
}

static void
test_no_title (Fixture       *fixture,
               gconstpointer  data)
{
  gtk_editable_set_text (fixture->entry, "tomorrow !high");
  g_signal_emit_by_name (fixture->entry, "activate");

  g_assert_cmpuint (fixture->n_added, ==, 0);
  /* Nothing typed is lost */
  g_assert_cmpstr (gtk_editable_get_text (fixture->entry), ==, "tomorrow !high");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (fixture->summary), "error"));
  g_assert_cmpstr (gtk_label_get_text (fixture->summary), ==, "Add a title, such as “Call Sam”.");

  /* An empty line says nothing */
  gtk_editable_set_text (fixture->entry, "");
  g_signal_emit_by_name (fixture->entry, "activate");
  g_assert_cmpuint (fixture->n_added, ==, 0);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (fixture->summary), "error"));
}

int
main (int   argc,
      char *argv[])
{
  /* Shown in local time: Berlin's, as the "now" is. */
  g_setenv ("TZ", "Europe/Berlin", TRUE);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add ("/steward/quick-add-entry/says-what-it-understood", Fixture, NULL,
              fixture_set_up, test_says_what_it_understood, fixture_tear_down);
  g_test_add ("/steward/quick-add-entry/enter-adds", Fixture, NULL,
              fixture_set_up, test_enter_adds, fixture_tear_down);
  g_test_add ("/steward/quick-add-entry/no-title", Fixture, NULL,
              fixture_set_up, test_no_title, fixture_tear_down);

  return g_test_run ();
}
