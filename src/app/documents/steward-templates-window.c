/* steward-templates-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-templates-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-template-editor.h"
#include "steward-templates-window-private.h"

/* Manage Templates…: the built-in templates, read-only (View shows their
 * phases, Duplicate makes one the user's own through the template
 * editor), and the user's (Edit, Export… to JSON, Delete with Undo);
 * Import… reads a template's JSON file, New Template… starts one from
 * scratch. Everything goes through steward-templates.h: the new-project
 * dialog, which lists the templates each time it opens, sees it all. */

G_DEFINE_FINAL_TYPE (StewardTemplatesWindow, steward_templates_window, ADW_TYPE_WINDOW)

/* The focus on the user's template @name once listed again, else on
 * the list of them: the rows are made anew */
void
_steward_templates_window_focus_template (StewardTemplatesWindow *self,
                                          const char             *name)
{
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->user_list, i)) != NULL; i++)
    {
      StewardTemplate *template = g_object_get_data (G_OBJECT (row), "steward-template");

      if (name != NULL && g_strcmp0 (steward_template_get_name (template), name) == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (row));
          return;
        }
    }

  if ((row = gtk_list_box_get_row_at_index (self->user_list, 0)) != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

StewardStore *
_steward_templates_window_get_store (void)
{
  return steward_services_get_store (STEWARD_SERVICES_DEFAULT);
}

AdwToast *
_steward_templates_window_toast (StewardTemplatesWindow *self,
                                 const char             *message)
{
  g_autofree char *markup = g_markup_escape_text (message, -1);
  AdwToast *toast = adw_toast_new (markup);

  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  return toast;
}

void
_steward_templates_window_show_error (StewardTemplatesWindow *self,
                                      const char             *heading,
                                      const char             *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

StewardTemplate *
_steward_templates_window_template_of (GtkWidget *button)
{
  GtkWidget *row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);

  if (row == NULL)
    row = button;

  return g_object_get_data (G_OBJECT (row), "steward-template");
}

/* Editor ------------------------------------------------------------ */

static void
template_saved_cb (StewardTemplatesWindow *self,
                   StewardTemplate        *template)
{
  g_autofree char *message = g_strdup_printf (_("Template “%s” saved"), steward_template_get_title (template));

  _steward_templates_window_refresh (self);
  _steward_templates_window_focus_template (self, steward_template_get_name (template));
  _steward_templates_window_toast (self, message);
}

static void
present_editor (StewardTemplatesWindow *self,
                StewardTemplateEditor  *editor)
{
  g_signal_connect_object (editor, "saved", G_CALLBACK (template_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
duplicate (StewardTemplatesWindow *self,
           StewardTemplate        *template)
{
  /* Translators: the name offered for a copy of a template */
  g_autofree char *name = g_strdup_printf (_("%s (Copy)"), steward_template_get_title (template));
  g_autoptr(StewardTemplate) copy = steward_template_new (name, name, steward_template_get_description (template),
                                                          FALSE);
  StewardTemplateEditor *editor;

  for (guint i = 0; i < steward_template_get_n_phases (template); i++)
    steward_template_add_phase (copy, steward_template_get_phase_title (template, i),
                                steward_template_get_phase_instructions (template, i));

  editor = steward_template_editor_new (GTK_WINDOW (self), copy);
  gtk_window_set_title (GTK_WINDOW (editor), _("Duplicate Template"));
  present_editor (self, editor);
}

static void
duplicate_clicked_cb (GtkButton              *button,
                      StewardTemplatesWindow *self)
{
  duplicate (self, _steward_templates_window_template_of (GTK_WIDGET (button)));
}

static void
edit_clicked_cb (GtkButton              *button,
                 StewardTemplatesWindow *self)
{
  StewardTemplate *template = _steward_templates_window_template_of (GTK_WIDGET (button));

  present_editor (self, steward_template_editor_new_edit (GTK_WINDOW (self), template));
}

static void
new_template_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardTemplatesWindow *self = STEWARD_TEMPLATES_WINDOW (widget);

  present_editor (self, steward_template_editor_new (GTK_WINDOW (self), NULL));
}

/* Viewing a built-in ------------------------------------------------ */

static void
show_list (StewardTemplatesWindow *self)
{
  gtk_stack_set_visible_child_name (self->stack, "list");
  adw_window_title_set_title (self->window_title, _("Templates"));
  gtk_widget_set_visible (self->back_button, FALSE);
  gtk_widget_set_visible (self->import_button, TRUE);
  gtk_widget_set_visible (self->new_button, TRUE);
  if (self->view_page != NULL)
    {
      gtk_stack_remove (self->stack, self->view_page);
      self->view_page = NULL;
    }
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  StewardTemplatesWindow *self = STEWARD_TEMPLATES_WINDOW (widget);

  if (self->view_page != NULL)
    {
      show_list (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->builtin_list));
    }
  else if (g_str_equal (action_name, "templates.escape"))
    gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
instructions_row (const char *instructions)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *label = gtk_label_new (instructions[0] != '\0' ? instructions : _("No instructions"));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (instructions[0] == '\0')
    gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 8);
  gtk_widget_set_margin_bottom (label, 8);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

static void
view (StewardTemplatesWindow *self,
      StewardTemplate        *template)
{
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *copy = gtk_button_new ();
  GtkWidget *content = adw_button_content_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Phases"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), steward_template_get_description (template));
  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "edit-copy-symbolic");
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Duplicate"));
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  gtk_button_set_child (GTK_BUTTON (copy), content);
  gtk_widget_add_css_class (copy, "flat");
  gtk_widget_set_valign (copy, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (copy, _("Duplicate into a template of your own"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (copy), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Duplicate"), -1);
  g_object_set_data_full (G_OBJECT (copy), "steward-template", g_object_ref (template), g_object_unref);
  g_signal_connect (copy, "clicked", G_CALLBACK (duplicate_clicked_cb), self);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), copy);

  for (guint i = 0; i < steward_template_get_n_phases (template); i++)
    {
      GtkWidget *row = adw_expander_row_new ();
      g_autofree char *number = g_strdup_printf (_("Phase %u"), i + 1);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_template_get_phase_title (template, i));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), number);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                                instructions_row (steward_template_get_phase_instructions (template, i)));
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
    }

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  if (self->view_page != NULL)
    gtk_stack_remove (self->stack, self->view_page);
  self->view_page = page;
  gtk_stack_add_named (self->stack, page, "view");
  gtk_stack_set_visible_child (self->stack, page);
  adw_window_title_set_title (self->window_title, steward_template_get_title (template));
  gtk_widget_set_visible (self->back_button, TRUE);
  gtk_widget_set_visible (self->import_button, FALSE);
  gtk_widget_set_visible (self->new_button, FALSE);
  gtk_widget_grab_focus (copy);
}

static void
view_clicked_cb (GtkButton              *button,
                 StewardTemplatesWindow *self)
{
  view (self, _steward_templates_window_template_of (GTK_WIDGET (button)));
}

/* Delete and Undo --------------------------------------------------- */

static void
undo_delete_cb (AdwToast        *toast,
                StewardTemplate *template)
{
  StewardTemplatesWindow *self = g_object_get_data (G_OBJECT (toast), "steward-window");
  g_autoptr(GError) error = NULL;

  if (!steward_templates_add (_steward_templates_window_get_store (), template, FALSE, &error))
    _steward_templates_window_show_error (self, _("Cannot Restore Template"), error->message);
  _steward_templates_window_refresh (self);
  _steward_templates_window_focus_template (self, steward_template_get_name (template));
}

static void
delete_clicked_cb (GtkButton              *button,
                   StewardTemplatesWindow *self)
{
  g_autoptr(StewardTemplate) template = g_object_ref (_steward_templates_window_template_of (GTK_WIDGET (button)));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  AdwToast *deleted;

  if (!steward_templates_remove (_steward_templates_window_get_store (), steward_template_get_name (template), &error))
    {
      _steward_templates_window_show_error (self, _("Cannot Delete Template"), error->message);
      return;
    }

  _steward_templates_window_refresh (self);
  _steward_templates_window_focus_template (self, NULL);

  message = g_strdup_printf (_("Template “%s” deleted"), steward_template_get_title (template));
  deleted = _steward_templates_window_toast (self, message);
  adw_toast_set_button_label (deleted, _("_Undo"));
  adw_toast_set_priority (deleted, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data (G_OBJECT (deleted), "steward-window", self);
  g_signal_connect_data (deleted, "button-clicked", G_CALLBACK (undo_delete_cb),
                         g_steal_pointer (&template), (GClosureNotify)(void (*)(void))g_object_unref, 0);
}

/* The lists --------------------------------------------------------- */

static GtkWidget *
row_button (GtkWidget              *row,
            const char             *icon_name,
            const char             *tooltip,
            char                   *label,
            GCallback               callback,
            StewardTemplatesWindow *self)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect (button, "clicked", callback, self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_free (label);

  return button;
}

static GtkWidget *
template_row (StewardTemplate *template)
{
  GtkWidget *row = adw_action_row_new ();
  guint n_phases = steward_template_get_n_phases (template);
  g_autofree char *phases = g_strdup_printf (ngettext ("%u phase", "%u phases", n_phases),
                                             n_phases);
  const char *description = steward_template_get_description (template);
  g_autofree char *subtitle = NULL;

  if (description != NULL && description[0] != '\0')
    /* Translators: a template's description, then how many phases it has */
    subtitle = g_strdup_printf (_("%s · %s"), description, phases);
  else
    subtitle = g_strdup (phases);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_template_get_title (template));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  g_object_set_data_full (G_OBJECT (row), "steward-template", g_object_ref (template), g_object_unref);

  return row;
}

static void
clear (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

void
_steward_templates_window_refresh (StewardTemplatesWindow *self)
{
  StewardStore *store = _steward_templates_window_get_store ();
  g_autoptr(GListModel) builtins = steward_templates_list_builtin ();
  g_autoptr(GListModel) user = NULL;
  g_autoptr(GError) error = NULL;

  clear (self->builtin_list);
  clear (self->user_list);

  for (guint i = 0; i < g_list_model_get_n_items (builtins); i++)
    {
      g_autoptr(StewardTemplate) template = g_list_model_get_item (builtins, i);
      GtkWidget *row = template_row (template);
      const char *title = steward_template_get_title (template);

      row_button (row, "view-reveal-symbolic", _("View"), g_strdup_printf (_("View “%s”"), title),
                  G_CALLBACK (view_clicked_cb), self);
      row_button (row, "edit-copy-symbolic", _("Duplicate"), g_strdup_printf (_("Duplicate “%s”"), title),
                  G_CALLBACK (duplicate_clicked_cb), self);
      gtk_list_box_append (self->builtin_list, row);
    }

  if (store == NULL)
    return;

  if (!(user = steward_templates_list_user (store, &error)))
    {
      _steward_templates_window_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (user); i++)
    {
      g_autoptr(StewardTemplate) template = g_list_model_get_item (user, i);
      GtkWidget *row = template_row (template);
      const char *title = steward_template_get_title (template);

      row_button (row, "document-edit-symbolic", _("Edit"), g_strdup_printf (_("Edit “%s”"), title),
                  G_CALLBACK (edit_clicked_cb), self);
      row_button (row, "document-save-as-symbolic", _("Export…"), g_strdup_printf (_("Export “%s”"), title),
                  G_CALLBACK (_steward_templates_window_export_clicked_cb), self);
      row_button (row, "user-trash-symbolic", _("Delete"), g_strdup_printf (_("Delete “%s”"), title),
                  G_CALLBACK (delete_clicked_cb), self);
      gtk_list_box_append (self->user_list, row);
    }
}

static GtkListBox *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description,
           GtkWidget          *suffix)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *list = gtk_list_box_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  if (suffix != NULL)
    adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), suffix);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), list);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));

  return GTK_LIST_BOX (list);
}

static GtkWidget *
header_button (const char *icon_name,
               const char *label,
               const char *accessible,
               const char *action_name)
{
  GtkWidget *button = gtk_button_new ();

  if (label != NULL)
    {
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), icon_name);
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), label);
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
      gtk_button_set_child (GTK_BUTTON (button), content);
    }
  else
    gtk_button_set_icon_name (GTK_BUTTON (button), icon_name);

  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);

  return button;
}

static void
steward_templates_window_class_init (StewardTemplatesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "templates.import", NULL, _steward_templates_window_import_action);
  gtk_widget_class_install_action (widget_class, "templates.new", NULL, new_template_action);
  gtk_widget_class_install_action (widget_class, "templates.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "templates.escape", NULL, back_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "templates.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "templates.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "templates.new", NULL);
}

static void
steward_templates_window_init (StewardTemplatesWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *list_page = adw_preferences_page_new ();
  GtkEventController *keys = gtk_shortcut_controller_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Templates"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 680);

  self->window_title = ADW_WINDOW_TITLE (adw_window_title_new (_("Templates"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->window_title));
  self->back_button = header_button ("go-previous-symbolic", NULL, _("Back"), "templates.back");
  self->import_button = header_button ("document-open-symbolic", _("_Import…"), _("Import Template"),
                                       "templates.import");
  self->new_button = header_button ("list-add-symbolic", NULL, _("New Template"), "templates.new");
  gtk_widget_set_visible (self->back_button, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->back_button);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), self->import_button);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->new_button);

  self->builtin_list = add_group (ADW_PREFERENCES_PAGE (list_page), _("Built-in Templates"),
                                  _("They come with Steward: view their phases, or duplicate one to change it."),
                                  NULL);
  self->user_list = add_group (ADW_PREFERENCES_PAGE (list_page), _("Your Templates"),
                               _("Made with New Template or Save as Template, or imported from a file."),
                               NULL);
  {
    GtkWidget *empty = gtk_label_new (_("No templates of your own yet"));

    gtk_widget_add_css_class (empty, "dim-label");
    gtk_widget_set_margin_top (empty, 12);
    gtk_widget_set_margin_bottom (empty, 12);
    gtk_list_box_set_placeholder (self->user_list, empty);
  }

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_transition_type (self->stack, GTK_STACK_TRANSITION_TYPE_SLIDE_LEFT_RIGHT);
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, list_page, "list");

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->stack));
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  /* Escape goes back, or closes: whatever row has the focus */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("templates.escape")));
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  _steward_templates_window_refresh (self);
}

/**
 * steward_templates_window_new:
 *
 * Returns: (transfer none): the Templates window, not yet shown
 */
StewardTemplatesWindow *
steward_templates_window_new (GtkWindow *parent)
{
  return g_object_new (STEWARD_TYPE_TEMPLATES_WINDOW,
                       "transient-for", parent,
                       NULL);
}
