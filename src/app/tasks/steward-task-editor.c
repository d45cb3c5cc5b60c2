/* steward-task-editor.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-editor"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-task-editor.h"
#include "steward-task-format.h"

/* Every field of a task, in a window of its own: the title, the column,
 * the priority, the category, when it is due (a day from a calendar and,
 * if it has one, a time of day typed as 17:30), its repeat rule as words,
 * and its notes. Save writes it through the store (a move to Done
 * completes it, so a repeating task comes back); what the store refuses
 * shows above the fields and nothing closes. Escape or Cancel leave it
 * as it was. */

struct _StewardTaskEditor
{
  AdwWindow     parent_instance;

  /* Template widgets */
  GtkCalendar  *calendar;
  AdwEntryRow  *category_row;
  GtkMenuButton *date_button;
  GtkPopover   *date_popover;
  AdwActionRow *due_row;
  GtkLabel     *error_label;
  GtkRevealer  *error_revealer;
  GtkTextView  *notes_view;
  AdwComboRow  *priority_row;
  AdwActionRow *repeat_row;
  GtkButton    *source_button;
  AdwActionRow *source_row;
  AdwComboRow  *status_row;
  GtkEntry     *time_entry;
  AdwEntryRow  *title_row;

  /* Owned */
  StewardTask  *task;
  GDateTime    *day;
};

G_DEFINE_FINAL_TYPE (StewardTaskEditor, steward_task_editor, ADW_TYPE_WINDOW)

static void
show_error (StewardTaskEditor *self,
            const char        *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
}

static void
update_date_button (StewardTaskEditor *self)
{
  g_autofree char *text = NULL;

  if (self->day != NULL)
    text = steward_task_format_due (self->day, FALSE, NULL);

  gtk_menu_button_set_label (self->date_button, text ? text : _("No Due Date"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->time_entry), self->day != NULL);
}

static void
set_day (StewardTaskEditor *self,
         GDateTime         *day)
{
  g_clear_pointer (&self->day, g_date_time_unref);
  if (day != NULL)
    {
      g_autoptr(GDateTime) local = steward_local_time (day);

      self->day = steward_local_new (g_date_time_get_year (local),
                                         g_date_time_get_month (local),
                                         g_date_time_get_day_of_month (local),
                                         0, 0, 0);
    }
  update_date_button (self);
}

/* The arrow keys move the selected day too: the calendar closes only on
 * a click on a day, or Enter. */
static void
day_selected_cb (StewardTaskEditor *self,
                 GtkCalendar       *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  set_day (self, date);
}

static void
calendar_released_cb (StewardTaskEditor *self,
                      int                n_press,
                      double             x,
                      double             y,
                      GtkGestureClick   *gesture)
{
  gtk_popover_popdown (self->date_popover);
}

static gboolean
calendar_key_pressed_cb (StewardTaskEditor     *self,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         GtkEventControllerKey *controller)
{
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter &&
      keyval != GDK_KEY_ISO_Enter && keyval != GDK_KEY_space)
    return GDK_EVENT_PROPAGATE;

  day_selected_cb (self, self->calendar);
  gtk_popover_popdown (self->date_popover);

  return GDK_EVENT_STOP;
}

static void
no_date_clicked_cb (StewardTaskEditor *self,
                    GtkButton         *button)
{
  set_day (self, NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->time_entry), "");
  gtk_popover_popdown (self->date_popover);
}

/* "17:30", "9:05", "9": hours and minutes, or %FALSE */
static gboolean
read_time (const char *text,
           int        *hour,
           int        *minute)
{
  char rest;

  *minute = 0;
  if (sscanf (text, "%d:%d%c", hour, minute, &rest) != 2 &&
      sscanf (text, "%d%c", hour, &rest) != 1)
    return FALSE;

  return *hour >= 0 && *hour < 24 && *minute >= 0 && *minute < 60;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardTaskEditor *self = STEWARD_TASK_EDITOR (widget);
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(StewardTaskDraft) draft = steward_task_dup_draft (self->task);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *category = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_row))));
  g_autofree char *time = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->time_entry))));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  StewardTaskStatus status = adw_combo_row_get_selected (self->status_row);
  gint64 id = steward_task_get_id (self->task);
  gboolean ok;

  if (store == NULL)
    return;

  g_free (draft->title);
  draft->title = g_steal_pointer (&title);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  g_free (draft->notes);
  draft->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  draft->priority = adw_combo_row_get_selected (self->priority_row);

  g_free (draft->category);
  draft->category = category[0] != '\0' ? g_steal_pointer (&category) : NULL;

  g_clear_pointer (&draft->due, g_date_time_unref);
  draft->due_has_time = FALSE;
  if (self->day != NULL && time[0] != '\0')
    {
      int hour, minute;

      if (!read_time (time, &hour, &minute))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is what was typed as the due time */
          message = g_strdup_printf (_("Could not read “%s” as a time of day; write it as 17:30."), time);
          show_error (self, message);
          gtk_widget_grab_focus (GTK_WIDGET (self->time_entry));
          return;
        }
      draft->due = g_date_time_add_full (self->day, 0, 0, 0, hour, minute, 0);
      draft->due_has_time = TRUE;
    }
  else if (self->day != NULL)
    draft->due = g_date_time_ref (self->day);

  if (!steward_task_draft_validate (draft, &error) ||
      !steward_store_update_task (store, id, draft, &error))
    {
      show_error (self, error->message);
      return;
    }

  if (status != steward_task_get_status (self->task))
    {
      if (status == STEWARD_TASK_STATUS_DONE)
        ok = steward_store_complete_task (store, id, NULL, &error);
      else
        ok = steward_store_move_task (store, id, status, -1, &error);

      if (!ok)
        {
          show_error (self, error->message);
          return;
        }
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
title_activated_cb (StewardTaskEditor *self,
                    AdwEntryRow       *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save", NULL);
}

static void
title_changed_cb (StewardTaskEditor *self,
                  GParamSpec        *pspec,
                  GtkEditable       *editable)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", title[0] != '\0');
}

static void
load (StewardTaskEditor *self)
{
  StewardTask *task = self->task;
  GDateTime *due = steward_task_get_due (task);
  const char *rrule = steward_task_get_rrule (task);
  g_autofree char *repeat = NULL;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), steward_task_get_title (task));
  adw_combo_row_set_selected (self->status_row, steward_task_get_status (task));
  adw_combo_row_set_selected (self->priority_row, steward_task_get_priority (task));
  gtk_editable_set_text (GTK_EDITABLE (self->category_row),
                         steward_task_get_category (task) ? steward_task_get_category (task) : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            steward_task_get_notes (task) ? steward_task_get_notes (task) : "", -1);

  set_day (self, due);
  if (due != NULL)
    {
      g_autoptr(GDateTime) local = steward_local_time (due);

      gtk_calendar_select_day (self->calendar, local);
      if (steward_task_get_due_has_time (task))
        {
          /* Translators: a time of day in the editor, see strftime(3) */
          g_autofree char *time = g_date_time_format (local, C_("due", "%H:%M"));

          gtk_editable_set_text (GTK_EDITABLE (self->time_entry), time);
        }
    }

  if (rrule != NULL)
    repeat = steward_task_format_rrule (rrule);
  adw_action_row_set_subtitle (self->repeat_row,
                               repeat ? repeat : rrule ? rrule : _("Never"));
}

/* Where the task was found: the conversation (by its title), the file,
 * or the text itself. */
static void
load_source (StewardTaskEditor *self)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  const char *ref = steward_task_get_source_ref (self->task);
  g_autofree char *subtitle = NULL;
  gboolean openable = FALSE;

  switch (steward_task_get_source (self->task))
    {
    case STEWARD_TASK_SOURCE_MESSAGE:
      {
        g_autoptr(StewardMessage) message = NULL;
        g_autoptr(StewardConversation) conversation = NULL;
        gint64 id;

        if (store != NULL && ref != NULL && g_ascii_string_to_signed (ref, 10, 1, G_MAXINT64, &id, NULL) &&
            (message = steward_store_find_message (store, id, NULL)) != NULL &&
            (conversation = steward_store_find_conversation (store, steward_message_get_conversation_id (message), NULL)))
          {
            /* Translators: %s is a conversation's title */
            subtitle = g_strdup_printf (_("The conversation “%s”"), steward_conversation_get_title (conversation));
            openable = TRUE;
          }
        else
          subtitle = g_strdup (_("A conversation that is no longer there"));
        break;
      }

    case STEWARD_TASK_SOURCE_FILE:
      {
        g_autoptr(GFile) file = ref ? g_file_new_for_uri (ref) : NULL;

        subtitle = file ? g_file_get_parse_name (file) : g_strdup (_("A file"));
        openable = file != NULL;
        break;
      }

    case STEWARD_TASK_SOURCE_TEXT:
      subtitle = g_strdup (ref ? ref : _("Pasted text"));
      break;

    case STEWARD_TASK_SOURCE_NONE:
    default:
      return;
    }

  adw_action_row_set_subtitle (self->source_row, subtitle);
  gtk_widget_set_visible (GTK_WIDGET (self->source_button), openable);
  gtk_widget_set_visible (GTK_WIDGET (self->source_row), TRUE);
}

/* Whether the form says something other than the task. */
static gboolean
is_changed (StewardTaskEditor *self)
{
  StewardTask *task = self->task;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autofree char *notes = NULL;
  g_autofree char *category = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->category_row))));
  GDateTime *due = steward_task_get_due (task);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->title_row)), steward_task_get_title (task)) != 0 ||
         g_strcmp0 (notes, steward_task_get_notes (task) ? steward_task_get_notes (task) : "") != 0 ||
         g_strcmp0 (category, steward_task_get_category (task) ? steward_task_get_category (task) : "") != 0 ||
         adw_combo_row_get_selected (self->status_row) != (guint)steward_task_get_status (task) ||
         adw_combo_row_get_selected (self->priority_row) != (guint)steward_task_get_priority (task) ||
         (self->day == NULL) != (due == NULL) ||
         (self->day != NULL && due != NULL && !steward_task_get_due_has_time (task) &&
          gtk_editable_get_text (GTK_EDITABLE (self->time_entry))[0] != '\0');
}

typedef struct
{
  GtkWindow *editor;
  GtkWindow *parent;
  gint64     message_id;
} ShowSource;

static void
show_source_free (gpointer data)
{
  ShowSource *show = data;

  g_clear_object (&show->editor);
  g_clear_object (&show->parent);
  g_free (show);
}

/* The editor goes, then the main window shows the message. */
static gboolean
show_source_cb (gpointer user_data)
{
  ShowSource *show = user_data;

  gtk_window_destroy (show->editor);
  gtk_widget_activate_action (GTK_WIDGET (show->parent), "win.show-message", "x", show->message_id);

  return G_SOURCE_REMOVE;
}

static void
source_clicked_cb (StewardTaskEditor *self,
                   GtkButton         *button)
{
  const char *ref = steward_task_get_source_ref (self->task);
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  gint64 id;

  if (is_changed (self))
    {
      show_error (self, _("Save or cancel your changes first."));
      return;
    }

  if (ref == NULL)
    return;

  if (steward_task_get_source (self->task) == STEWARD_TASK_SOURCE_FILE)
    {
      gtk_show_uri (parent, ref, GDK_CURRENT_TIME);
      return;
    }

  if (parent != NULL && g_ascii_string_to_signed (ref, 10, 1, G_MAXINT64, &id, NULL))
    {
      ShowSource *show = g_new0 (ShowSource, 1);

      show->editor = g_object_ref (GTK_WINDOW (self));
      show->parent = g_object_ref (parent);
      show->message_id = id;

      /* Not from inside the click: GTK 4.8 fails (and may crash) when the
       * window a screen reader is pressing a button of goes, or the
       * window behind it changes its pages, while it presses. */
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, show_source_cb, show, show_source_free);
    }
}

GtkWidget *
steward_task_editor_new (StewardTask *task)
{
  StewardTaskEditor *self;

  g_return_val_if_fail (STEWARD_IS_TASK (task), NULL);

  /* AdwWindow reads as a generic container to a screen reader. */
  self = g_object_new (STEWARD_TYPE_TASK_EDITOR,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_DIALOG,
                       NULL);
  self->task = g_object_ref (task);
  load (self);
  load_source (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));

  return GTK_WIDGET (self);
}

static void
steward_task_editor_dispose (GObject *object)
{
  StewardTaskEditor *self = (StewardTaskEditor *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TASK_EDITOR);
  g_clear_object (&self->task);

  G_OBJECT_CLASS (steward_task_editor_parent_class)->dispose (object);
}

static void
steward_task_editor_finalize (GObject *object)
{
  StewardTaskEditor *self = (StewardTaskEditor *)object;

  g_clear_pointer (&self->day, g_date_time_unref);

  G_OBJECT_CLASS (steward_task_editor_parent_class)->finalize (object);
}

static void
steward_task_editor_class_init (StewardTaskEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_task_editor_dispose;
  object_class->finalize = steward_task_editor_finalize;

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-task-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, calendar);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, date_button);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, date_popover);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, due_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, notes_view);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, source_button);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, source_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, time_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskEditor, title_row);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, no_date_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, source_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, title_activated_cb);
}

static void
steward_task_editor_init (StewardTaskEditor *self)
{
  GtkGesture *click;
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->title_row, "notify::text", G_CALLBACK (title_changed_cb),
                           self, G_CONNECT_SWAPPED);

  /* After the calendar's own gesture has picked the day. */
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_BUBBLE);
  g_signal_connect_object (click, "released", G_CALLBACK (calendar_released_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), GTK_EVENT_CONTROLLER (click));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (calendar_key_pressed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->calendar), keys);
}
