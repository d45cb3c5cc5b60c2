/* steward-new-project-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-new-project-dialog.h"

/* New Project: a name, a template (the built-in ones, then the user's)
 * and an optional brief. The page reads them when the dialog answers
 * "create" and makes the project. */

struct _StewardNewProjectDialog
{
  AdwMessageDialog  parent_instance;

  /* Template widgets */
  GtkTextView      *brief_view;
  GtkEntry         *name_entry;
  GtkDropDown      *template_dropdown;
  GtkLabel         *template_label;
};

G_DEFINE_FINAL_TYPE (StewardNewProjectDialog, steward_new_project_dialog, ADW_TYPE_MESSAGE_DIALOG)

static void
name_changed_cb (StewardNewProjectDialog *self)
{
  g_autofree char *name = steward_new_project_dialog_dup_name (self);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "create", name[0] != '\0');
}

static void
template_selected_cb (StewardNewProjectDialog *self)
{
  StewardTemplate *template = gtk_drop_down_get_selected_item (self->template_dropdown);
  g_autofree char *text = NULL;
  guint n_phases;

  if (template == NULL)
    {
      gtk_label_set_label (self->template_label, "");
      return;
    }

  n_phases = steward_template_get_n_phases (template);
  if (steward_template_get_description (template) != NULL && steward_template_get_description (template)[0] != '\0')
    text = g_strdup (steward_template_get_description (template));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u phase", "%u phases", n_phases), n_phases);
  gtk_label_set_label (self->template_label, g_strstrip (text));
}

static void
steward_new_project_dialog_class_init (StewardNewProjectDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (STEWARD_TYPE_TEMPLATE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-new-project-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardNewProjectDialog, brief_view);
  gtk_widget_class_bind_template_child (widget_class, StewardNewProjectDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardNewProjectDialog, template_dropdown);
  gtk_widget_class_bind_template_child (widget_class, StewardNewProjectDialog, template_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, template_selected_cb);
}

static void
steward_new_project_dialog_init (StewardNewProjectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * steward_new_project_dialog_new:
 * @templates: the #StewardTemplate to choose from, the default first
 *
 * Returns: (transfer none): a new dialog, transient for @parent
 */
GtkWidget *
steward_new_project_dialog_new (GtkWindow  *parent,
                                GListModel *templates)
{
  StewardNewProjectDialog *self;

  g_return_val_if_fail (G_IS_LIST_MODEL (templates), NULL);

  self = g_object_new (STEWARD_TYPE_NEW_PROJECT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  gtk_drop_down_set_model (self->template_dropdown, templates);
  template_selected_cb (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));

  return GTK_WIDGET (self);
}

char *
steward_new_project_dialog_dup_name (StewardNewProjectDialog *self)
{
  g_return_val_if_fail (STEWARD_IS_NEW_PROJECT_DIALOG (self), NULL);

  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));
}

/**
 * steward_new_project_dialog_get_template_name:
 *
 * Returns: (nullable): the name of the template chosen
 */
const char *
steward_new_project_dialog_get_template_name (StewardNewProjectDialog *self)
{
  StewardTemplate *template;

  g_return_val_if_fail (STEWARD_IS_NEW_PROJECT_DIALOG (self), NULL);

  if (!(template = gtk_drop_down_get_selected_item (self->template_dropdown)))
    return NULL;

  return steward_template_get_name (template);
}

/**
 * steward_new_project_dialog_dup_brief:
 *
 * Returns: (transfer full) (nullable): the brief, or %NULL when none was
 *   written
 */
char *
steward_new_project_dialog_dup_brief (StewardNewProjectDialog *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  g_return_val_if_fail (STEWARD_IS_NEW_PROJECT_DIALOG (self), NULL);

  buffer = gtk_text_view_get_buffer (self->brief_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}
