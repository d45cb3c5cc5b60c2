/* steward-task-card.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-card"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-task-card.h"
#include "steward-task-format.h"

/* A task on the board: its title, then a line with its priority (a pill,
 * unless it is the usual medium), when it is due (in the error colour
 * once overdue, in the accent colour today), whether it repeats, and its
 * category.
 *
 * The card sits in a row of a column's GtkListView, and the row is what
 * takes the focus; so the row, the card's parent, is what a screen reader
 * names: by the task's title, with the rest of the card as its
 * description. */

struct _StewardTaskCard
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *category_label;
  GtkBox      *due_box;
  GtkLabel    *due_label;
  GtkBox      *meta_box;
  GtkLabel    *priority_label;
  GtkImage    *repeat_image;
  GtkLabel    *title_label;

  /* Owned */
  StewardTask *task;
};

G_DEFINE_FINAL_TYPE (StewardTaskCard, steward_task_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const priority_classes[] = { "low", "medium", "high", "urgent" };

static void
set_class (GtkWidget  *widget,
           const char *css_class,
           gboolean    set)
{
  if (set)
    gtk_widget_add_css_class (widget, css_class);
  else
    gtk_widget_remove_css_class (widget, css_class);
}

/**
 * steward_task_card_update:
 *
 * Shows the task as it is now; for when the day changes, which moves
 * what is due from later to today to overdue.
 */
void
steward_task_card_update (StewardTaskCard *self)
{
  g_autoptr(GPtrArray) description = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *due_text = NULL;
  g_autofree char *repeat_text = NULL;
  g_autofree char *joined = NULL;
  StewardTaskPriority priority;
  StewardDueState due_state = STEWARD_DUE_LATER;
  const char *category;
  GDateTime *due;
  GtkWidget *row;

  g_return_if_fail (STEWARD_IS_TASK_CARD (self));

  if (self->task == NULL)
    return;

  gtk_label_set_text (self->title_label, steward_task_get_title (self->task));

  priority = steward_task_get_priority (self->task);
  for (guint i = 0; i < G_N_ELEMENTS (priority_classes); i++)
    set_class (GTK_WIDGET (self->priority_label), priority_classes[i], i == (guint)priority);
  gtk_label_set_text (self->priority_label, steward_task_priority_label (priority));
  gtk_widget_set_visible (GTK_WIDGET (self->priority_label), priority != STEWARD_TASK_PRIORITY_MEDIUM);
  if (priority != STEWARD_TASK_PRIORITY_MEDIUM)
    /* Translators: a task's priority, for a screen reader, "High priority" */
    g_ptr_array_add (description, g_strdup_printf (_("%s priority"), steward_task_priority_label (priority)));

  due = steward_task_get_due (self->task);
  if (due != NULL)
    {
      gboolean has_time = steward_task_get_due_has_time (self->task);

      due_text = steward_task_format_due (due, has_time, NULL);
      /* Done is done: no longer late. */
      if (steward_task_get_status (self->task) != STEWARD_TASK_STATUS_DONE)
        due_state = steward_task_due_state (due, has_time, NULL);
      gtk_label_set_text (self->due_label, due_text);

      if (due_state == STEWARD_DUE_OVERDUE)
        /* Translators: for a screen reader; %s is a date, "Yesterday" */
        g_ptr_array_add (description, g_strdup_printf (_("Overdue since %s"), due_text));
      else
        /* Translators: for a screen reader; %s is a date, "Tomorrow 17:00" */
        g_ptr_array_add (description, g_strdup_printf (_("Due %s"), due_text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->due_box), due != NULL);
  set_class (GTK_WIDGET (self->due_box), "error", due_state == STEWARD_DUE_OVERDUE);
  set_class (GTK_WIDGET (self->due_box), "today", due_state == STEWARD_DUE_TODAY);

  if (steward_task_get_rrule (self->task) != NULL)
    {
      repeat_text = steward_task_format_rrule (steward_task_get_rrule (self->task));
      if (repeat_text == NULL)
        repeat_text = g_strdup (_("Repeats"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->repeat_image), repeat_text);
      g_ptr_array_add (description, g_strdup (repeat_text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->repeat_image), repeat_text != NULL);

  category = steward_task_get_category (self->task);
  if (category != NULL && category[0] != '\0')
    {
      g_autofree char *text = g_strdup_printf ("#%s", category);

      gtk_label_set_text (self->category_label, text);
      g_ptr_array_add (description, g_steal_pointer (&text));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->category_label), category != NULL && category[0] != '\0');

  gtk_widget_set_visible (GTK_WIDGET (self->meta_box), description->len > 0);

  g_ptr_array_add (description, NULL);
  /* Translators: between the parts of a card's description for a screen
   * reader, "High priority, Due Tomorrow 17:00, #work" */
  joined = g_strjoinv (C_("card description", ", "), (char **)description->pdata);

  if ((row = gtk_widget_get_parent (GTK_WIDGET (self))) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, steward_task_get_title (self->task),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, joined,
                                    -1);
}

/* What a card shows changed; not its place in the column (a move on the
 * board renumbers thousands), nor the times it does not show. */
static void
task_notify_cb (StewardTaskCard *self,
                GParamSpec      *pspec)
{
  if (g_str_equal (pspec->name, "position") ||
      g_str_equal (pspec->name, "updated-at") ||
      g_str_equal (pspec->name, "reminded-at"))
    return;

  steward_task_card_update (self);
}

StewardTask *
steward_task_card_get_task (StewardTaskCard *self)
{
  g_return_val_if_fail (STEWARD_IS_TASK_CARD (self), NULL);

  return self->task;
}

/**
 * steward_task_card_set_task:
 * @task: (nullable): the task to show
 *
 * Shows @task, following it as it is updated in place.
 */
void
steward_task_card_set_task (StewardTaskCard *self,
                            StewardTask     *task)
{
  g_return_if_fail (STEWARD_IS_TASK_CARD (self));
  g_return_if_fail (!task || STEWARD_IS_TASK (task));

  if (self->task == task)
    return;

  if (self->task != NULL)
    g_signal_handlers_disconnect_by_func (self->task, task_notify_cb, self);
  g_set_object (&self->task, task);
  if (task != NULL)
    g_signal_connect_object (task, "notify", G_CALLBACK (task_notify_cb), self, G_CONNECT_SWAPPED);

  steward_task_card_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TASK]);
}

GtkWidget *
steward_task_card_new (void)
{
  return g_object_new (STEWARD_TYPE_TASK_CARD, NULL);
}

static void
steward_task_card_dispose (GObject *object)
{
  StewardTaskCard *self = (StewardTaskCard *)object;

  steward_task_card_set_task (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TASK_CARD);

  G_OBJECT_CLASS (steward_task_card_parent_class)->dispose (object);
}

static void
steward_task_card_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  StewardTaskCard *self = STEWARD_TASK_CARD (object);

  switch (prop_id)
    {
    case PROP_TASK:
      g_value_set_object (value, self->task);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_task_card_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  StewardTaskCard *self = STEWARD_TASK_CARD (object);

  switch (prop_id)
    {
    case PROP_TASK:
      steward_task_card_set_task (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_task_card_class_init (StewardTaskCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_task_card_dispose;
  object_class->get_property = steward_task_card_get_property;
  object_class->set_property = steward_task_card_set_property;

  properties[PROP_TASK] =
    g_param_spec_object ("task", NULL, NULL,
                         STEWARD_TYPE_TASK,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-task-card.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, category_label);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, due_box);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, due_label);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, meta_box);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, priority_label);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, repeat_image);
  gtk_widget_class_bind_template_child (widget_class, StewardTaskCard, title_label);

  gtk_widget_class_set_css_name (widget_class, "taskcard");
}

static void
steward_task_card_init (StewardTaskCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
