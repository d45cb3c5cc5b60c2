/* steward-quick-add-entry.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-quick-add-entry"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-quick-add-entry.h"
#include "steward-task-draft.h"
#include "steward-task-format.h"

/* A task in one line, at the top of To do: "Call Sam tomorrow 5pm !high".
 * As the user types, a line below says what it understood besides the
 * title ("Tomorrow 17:00 · High"), and a screen reader hears it as the
 * entry's description; Enter adds the task ("add-task") and empties the
 * entry. A line with no title adds nothing and says so. */

struct _StewardQuickAddEntry
{
  GtkWidget  parent_instance;

  GtkEntry  *entry;
  GtkLabel  *summary;

  /* Owned: the moment to read against, or %NULL for the current one */
  GDateTime *now;
};

G_DEFINE_FINAL_TYPE (StewardQuickAddEntry, steward_quick_add_entry, GTK_TYPE_WIDGET)

enum {
  ADD_TASK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GDateTime *
dup_now (StewardQuickAddEntry *self)
{
  return self->now ? g_date_time_ref (self->now) : steward_local_now ();
}

static void
show_summary (StewardQuickAddEntry *self,
              const char           *text,
              gboolean              error)
{
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), text[0] != '\0');

  if (error)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->summary), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->entry), "error");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry), "error");
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
entry_changed_cb (StewardQuickAddEntry *self,
                  GtkEditable          *editable)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(StewardQuickAdd) parsed = steward_quick_add_parse (gtk_editable_get_text (editable), now);
  g_autofree char *summary = steward_task_format_understood (parsed, now);

  show_summary (self, summary, FALSE);
}

static void
entry_activate_cb (StewardQuickAddEntry *self,
                   GtkEntry             *entry)
{
  g_autoptr(GDateTime) now = dup_now (self);
  g_autoptr(StewardQuickAdd) parsed = NULL;
  g_autoptr(StewardTaskDraft) draft = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  g_assert (STEWARD_IS_QUICK_ADD_ENTRY (self));

  parsed = steward_quick_add_parse (text, now);

  if (parsed->title[0] == '\0')
    {
      /* Nothing typed: nothing to say. */
      if (text[0] != '\0')
        show_summary (self, _("Add a title, such as “Call Sam”."), TRUE);
      return;
    }

  draft = steward_task_draft_new (parsed->title);
  if (parsed->has_priority)
    draft->priority = parsed->priority;
  draft->category = g_strdup (parsed->category);
  draft->due = parsed->due ? g_date_time_ref (parsed->due) : NULL;
  draft->due_has_time = parsed->due_has_time;
  draft->rrule = g_strdup (parsed->rrule);

  g_signal_emit (self, signals[ADD_TASK], 0, draft);

  gtk_editable_set_text (GTK_EDITABLE (entry), "");
}

/**
 * steward_quick_add_entry_focus:
 *
 * Puts the keyboard in the entry (Ctrl+N on the board).
 */
void
steward_quick_add_entry_focus (StewardQuickAddEntry *self)
{
  g_return_if_fail (STEWARD_IS_QUICK_ADD_ENTRY (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
}

/**
 * steward_quick_add_entry_set_now:
 * @now: (nullable): the moment to read "tomorrow" against, or %NULL for
 *   the moment of typing
 */
void
steward_quick_add_entry_set_now (StewardQuickAddEntry *self,
                                 GDateTime            *now)
{
  g_return_if_fail (STEWARD_IS_QUICK_ADD_ENTRY (self));

  g_clear_pointer (&self->now, g_date_time_unref);
  self->now = now ? g_date_time_ref (now) : NULL;
  entry_changed_cb (self, GTK_EDITABLE (self->entry));
}

GtkWidget *
steward_quick_add_entry_new (void)
{
  return g_object_new (STEWARD_TYPE_QUICK_ADD_ENTRY, NULL);
}

static void
steward_quick_add_entry_dispose (GObject *object)
{
  StewardQuickAddEntry *self = (StewardQuickAddEntry *)object;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_pointer (&self->now, g_date_time_unref);

  G_OBJECT_CLASS (steward_quick_add_entry_parent_class)->dispose (object);
}

static gboolean
steward_quick_add_entry_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (STEWARD_QUICK_ADD_ENTRY (widget)->entry));
}

static gboolean
steward_quick_add_entry_move_focus (GtkWidget        *widget,
                                    GtkDirectionType  direction)
{
  return gtk_widget_child_focus (GTK_WIDGET (STEWARD_QUICK_ADD_ENTRY (widget)->entry), direction);
}

static void
steward_quick_add_entry_class_init (StewardQuickAddEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_quick_add_entry_dispose;
  widget_class->grab_focus = steward_quick_add_entry_grab_focus;
  /* As GtkEntry: the focus moves through the entry alone. The default
   * would grab the focus for the widget itself on Shift+Tab out of the
   * entry, which grab_focus gives back to the entry: Shift+Tab stuck. */
  widget_class->focus = steward_quick_add_entry_move_focus;

  /**
   * StewardQuickAddEntry::add-task:
   * @draft: the task typed
   *
   * Enter was pressed on a line with a title.
   */
  signals[ADD_TASK] =
    g_signal_new ("add-task",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_TASK_DRAFT | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "quickaddentry");
}

static void
steward_quick_add_entry_init (StewardQuickAddEntry *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  self->entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->entry, _("Add a task: “Call Sam tomorrow 5pm !high #work”"));
  gtk_entry_set_icon_from_icon_name (self->entry, GTK_ENTRY_ICON_PRIMARY, "list-add-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Add Task"),
                                  -1);
  g_signal_connect_object (self->entry, "changed", G_CALLBACK (entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry, "activate", G_CALLBACK (entry_activate_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (GTK_WIDGET (self->entry), GTK_WIDGET (self));

  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0.0f);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "caption");
  gtk_widget_add_css_class (GTK_WIDGET (self->summary), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->summary), 6);
  gtk_widget_set_visible (GTK_WIDGET (self->summary), FALSE);
  gtk_widget_set_parent (GTK_WIDGET (self->summary), GTK_WIDGET (self));
}
