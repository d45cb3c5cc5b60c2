/* steward-template-editor.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-template-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-template-editor.h"

/* A template of the user's own, from scratch or from a project's phases
 * (Save as Template…): its name and description, and its phases, each a
 * title and the instructions the model drafts it by, in an order the
 * user sets (Move Up, Move Down, Remove on each). Kept in the store when
 * saved; a name a template has already is refused with a sentence. */

typedef struct
{
  StewardTemplateEditor *editor;
  AdwExpanderRow        *row;
  AdwEntryRow           *title_row;
  GtkTextView           *instructions;
} PhaseRow;

static void
phase_row_free (gpointer data)
{
  PhaseRow *phase = data;

  g_clear_object (&phase->row);
  g_free (phase);
}

struct _StewardTemplateEditor
{
  AdwWindow        parent_instance;

  /* Template widgets */
  AdwEntryRow     *name_row;
  AdwEntryRow     *description_row;
  GtkListBox      *phase_list;
  AdwToastOverlay *toast_overlay;

  /* Owned: PhaseRow, in order */
  GPtrArray       *phases;
  /* Owned (nullable): the name of the user's template edited */
  char            *original_name;
};

G_DEFINE_FINAL_TYPE (StewardTemplateEditor, steward_template_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast (StewardTemplateEditor *self,
       const char            *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* Each row says its place, in its subtitle and to a screen reader. */
static void
number_rows (StewardTemplateEditor *self)
{
  for (guint i = 0; i < self->phases->len; i++)
    {
      PhaseRow *phase = g_ptr_array_index (self->phases, i);
      g_autofree char *number = g_strdup_printf (_("Phase %u"), i + 1);
      const char *title = gtk_editable_get_text (GTK_EDITABLE (phase->title_row));

      adw_expander_row_set_subtitle (phase->row, number);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (phase->row), title[0] != '\0' ? title : _("Untitled Phase"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.save", self->phases->len > 0);
}

static void
place_rows (StewardTemplateEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->phase_list))) != NULL)
    gtk_list_box_remove (self->phase_list, child);
  for (guint i = 0; i < self->phases->len; i++)
    gtk_list_box_append (self->phase_list, GTK_WIDGET (((PhaseRow *)g_ptr_array_index (self->phases, i))->row));

  number_rows (self);
}

static guint
index_of (PhaseRow *phase)
{
  guint index = 0;

  g_ptr_array_find (phase->editor->phases, phase, &index);

  return index;
}

static void
move_phase (PhaseRow *phase,
            int       step)
{
  StewardTemplateEditor *self = phase->editor;
  guint from = index_of (phase);
  int to = (int)from + step;

  if (to < 0 || to >= (int)self->phases->len)
    return;

  g_ptr_array_steal_index (self->phases, from);
  g_ptr_array_insert (self->phases, to, phase);
  place_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (phase->row));
}

static void
move_up_cb (GtkButton *button,
            PhaseRow  *phase)
{
  move_phase (phase, -1);
}

static void
move_down_cb (GtkButton *button,
              PhaseRow  *phase)
{
  move_phase (phase, 1);
}

static void
remove_cb (GtkButton *button,
           PhaseRow  *phase)
{
  StewardTemplateEditor *self = phase->editor;

  gtk_list_box_remove (self->phase_list, GTK_WIDGET (phase->row));
  g_ptr_array_remove (self->phases, phase);
  number_rows (self);
}

static void
title_changed_cb (StewardTemplateEditor *self)
{
  number_rows (self);
}

static GtkWidget *
icon_button (const char *icon_name,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static PhaseRow *
add_phase (StewardTemplateEditor *self,
           const char            *title,
           const char            *instructions)
{
  PhaseRow *phase = g_new0 (PhaseRow, 1);
  GtkWidget *up = icon_button ("go-up-symbolic", _("Move Up"));
  GtkWidget *down = icon_button ("go-down-symbolic", _("Move Down"));
  GtkWidget *remove = icon_button ("user-trash-symbolic", _("Remove Phase"));
  GtkWidget *instructions_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (_("Instructions for the model"));
  GtkWidget *frame = gtk_frame_new (NULL);

  phase->editor = self;
  /* Held: the rows are taken out of the list and put back to reorder */
  phase->row = g_object_ref_sink (ADW_EXPANDER_ROW (adw_expander_row_new ()));
  phase->title_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  phase->instructions = GTK_TEXT_VIEW (gtk_text_view_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (phase->title_row), _("Title"));
  gtk_editable_set_text (GTK_EDITABLE (phase->title_row), title != NULL ? title : "");
  g_signal_connect_object (phase->title_row, "changed", G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_text_view_set_wrap_mode (phase->instructions, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (phase->instructions, 8);
  gtk_text_view_set_right_margin (phase->instructions, 8);
  gtk_text_view_set_top_margin (phase->instructions, 6);
  gtk_text_view_set_bottom_margin (phase->instructions, 6);
  gtk_text_view_set_accepts_tab (phase->instructions, FALSE);
  gtk_widget_set_size_request (GTK_WIDGET (phase->instructions), -1, 96);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (phase->instructions), instructions != NULL ? instructions : "", -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (phase->instructions),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_frame_set_child (GTK_FRAME (frame), GTK_WIDGET (phase->instructions));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), frame);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (instructions_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (instructions_row), FALSE);

  adw_expander_row_add_row (phase->row, GTK_WIDGET (phase->title_row));
  adw_expander_row_add_row (phase->row, instructions_row);
  /* Each action goes before those added earlier: read left to right, Move
   * Up, Move Down, Remove */
  adw_expander_row_add_action (phase->row, remove);
  adw_expander_row_add_action (phase->row, down);
  adw_expander_row_add_action (phase->row, up);
  g_signal_connect (up, "clicked", G_CALLBACK (move_up_cb), phase);
  g_signal_connect (down, "clicked", G_CALLBACK (move_down_cb), phase);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_cb), phase);

  g_ptr_array_add (self->phases, phase);
  gtk_list_box_append (self->phase_list, GTK_WIDGET (phase->row));
  number_rows (self);

  return phase;
}

static void
add_phase_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StewardTemplateEditor *self = STEWARD_TEMPLATE_EDITOR (widget);
  PhaseRow *phase = add_phase (self, NULL, NULL);

  adw_expander_row_set_expanded (phase->row, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (phase->title_row));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardTemplateEditor *self = STEWARD_TEMPLATE_EDITOR (widget);
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->description_row))));
  g_autoptr(StewardTemplate) template = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  if (name[0] == '\0')
    {
      toast (self, _("The template needs a name."));
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  template = steward_template_new (name, name, description, FALSE);
  for (guint i = 0; i < self->phases->len; i++)
    {
      PhaseRow *phase = g_ptr_array_index (self->phases, i);
      g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (phase->title_row))));
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (phase->instructions);
      GtkTextIter start, end;
      g_autofree char *instructions = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      instructions = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      if (title[0] == '\0')
        {
          g_autofree char *message = g_strdup_printf (_("Phase %u needs a title."), i + 1);

          toast (self, message);
          adw_expander_row_set_expanded (phase->row, TRUE);
          gtk_widget_grab_focus (GTK_WIDGET (phase->title_row));
          return;
        }
      steward_template_add_phase (template, title, instructions);
    }

  if (self->original_name != NULL
      ? !steward_templates_update (store, self->original_name, template, &error)
      : !steward_templates_add (store, template, FALSE, &error))
    {
      toast (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, template);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
steward_template_editor_dispose (GObject *object)
{
  StewardTemplateEditor *self = (StewardTemplateEditor *)object;

  g_clear_pointer (&self->phases, g_ptr_array_unref);
  g_clear_pointer (&self->original_name, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_TEMPLATE_EDITOR);

  G_OBJECT_CLASS (steward_template_editor_parent_class)->dispose (object);
}

static void
steward_template_editor_class_init (StewardTemplateEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_template_editor_dispose;

  /**
   * StewardTemplateEditor::saved:
   * @template: the template as kept
   */
  signals[SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, STEWARD_TYPE_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/stewardapp/Steward/steward-template-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardTemplateEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTemplateEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, StewardTemplateEditor, phase_list);
  gtk_widget_class_bind_template_child (widget_class, StewardTemplateEditor, toast_overlay);

  gtk_widget_class_install_action (widget_class, "template.add-phase", NULL, add_phase_action);
  gtk_widget_class_install_action (widget_class, "template.save", NULL, save_action);
}

static void
steward_template_editor_init (StewardTemplateEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->phases = g_ptr_array_new_with_free_func (phase_row_free);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "template.save", FALSE);
}

/**
 * steward_template_editor_new:
 * @template: (nullable): what to start from (a project's phases): a new
 *   template of one's own is made from it; %NULL for an empty one
 *
 * Returns: (transfer none): the editor, not yet shown
 */
StewardTemplateEditor *
steward_template_editor_new (GtkWindow       *parent,
                             StewardTemplate *template)
{
  StewardTemplateEditor *self = g_object_new (STEWARD_TYPE_TEMPLATE_EDITOR,
                                              "transient-for", parent,
                                              NULL);

  if (template == NULL)
    {
      add_phase (self, NULL, NULL);
      return self;
    }

  gtk_window_set_title (GTK_WINDOW (self), _("Save as Template"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), steward_template_get_title (template));
  gtk_editable_set_text (GTK_EDITABLE (self->description_row), steward_template_get_description (template));
  for (guint i = 0; i < steward_template_get_n_phases (template); i++)
    add_phase (self, steward_template_get_phase_title (template, i),
               steward_template_get_phase_instructions (template, i));

  return self;
}

/**
 * steward_template_editor_new_edit:
 * @template: one of the user's templates
 *
 * Returns: (transfer none): the editor of @template, not yet shown;
 *   saving replaces it (and renames it when its name changed)
 */
StewardTemplateEditor *
steward_template_editor_new_edit (GtkWindow       *parent,
                                  StewardTemplate *template)
{
  StewardTemplateEditor *self;

  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), NULL);

  self = steward_template_editor_new (parent, template);
  self->original_name = g_strdup (steward_template_get_name (template));
  gtk_window_set_title (GTK_WINDOW (self), _("Edit Template"));

  return self;
}
