/* steward-documents-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-date-format.h"
#include "steward-documents-page-private.h"
#include "steward-versions-pane.h"
#include "steward-focus.h"
#include "steward-phase-status.h"

/* The Documents page: on the left the document projects (the services'
 * list, which follows the store) and, once one is open, its phases
 * (the store's list of them) with the project's progress; on the right
 * the editor of the phase picked (steward-phase-editor.c).
 *
 * Making, renaming, duplicating and deleting projects is in
 * steward-documents-page-projects.c, regenerating the stale phases in
 * steward-documents-page-redraft.c. The page changes the store through
 * the core; the lists and the editor follow the store. */

enum {
  PROP_0,
  PROP_PROJECT,
  PROP_PHASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (StewardDocumentsPage, steward_documents_page, GTK_TYPE_WIDGET)

void
_steward_documents_page_show_error (StewardDocumentsPage *self,
                                    const GError         *error)
{
  /* A toast's title is markup. */
  g_autofree char *markup = g_markup_escape_text (error->message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

/* -- the rows ---------------------------------------------------------------- */

static char *
format_date_cb (GtkListItem *list_item,
                GDateTime   *date_time)
{
  return steward_date_format_relative (date_time, NULL);
}

static char *
format_number_cb (GtkListItem *list_item,
                  guint        number)
{
  return g_strdup_printf ("%u", number);
}

static char *
status_icon_cb (GtkListItem        *list_item,
                StewardPhaseStatus  status)
{
  return g_strdup (steward_phase_status_get_icon_name (status));
}

static char *
status_text_cb (GtkListItem        *list_item,
                StewardPhaseStatus  status)
{
  return g_strdup (steward_phase_status_get_label (status));
}

static GStrv
status_classes_cb (GtkListItem        *list_item,
                   StewardPhaseStatus  status)
{
  const char * const classes[] = { steward_phase_status_get_css_class (status), NULL };

  return g_strdupv ((GStrv)classes);
}

/* A row of a list is named for a screen reader by what it shows
 * (GTK 4.8 names a list item by nothing): the closures below name the
 * row, and return the name of its box for CSS. */
static void
name_row (GtkListItem *list_item,
          const char  *label,
          const char  *description)
{
  GtkWidget *child = gtk_list_item_get_child (list_item);
  GtkWidget *row;

  if (child == NULL || !(row = gtk_widget_get_parent (child)))
    return;

  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label ? label : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static char *
name_project_row_cb (GtkListItem *list_item,
                     const char  *name)
{
  name_row (list_item, name, NULL);

  return g_strdup ("project-row");
}

static char *
name_phase_row_cb (GtkListItem        *list_item,
                   const char         *title,
                   StewardPhaseStatus  status)
{
  name_row (list_item, title, steward_phase_status_get_label (status));

  return g_strdup ("phase-row");
}

/* -- the open project ---------------------------------------------------------- */

void
_steward_documents_page_update_actions (StewardDocumentsPage *self)
{
  GListModel *phases = G_LIST_MODEL (self->phases);
  guint n_items = phases ? g_list_model_get_n_items (phases) : 0;
  gboolean has_project = self->project != NULL;
  gboolean any_stale = FALSE;

  for (guint i = 0; i < n_items && !any_stale; i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      any_stale = steward_phase_get_status (phase) == STEWARD_PHASE_STATUS_STALE;
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.close-project", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.rename", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.duplicate", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.delete", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.export", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.print", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.save-as-template", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.import",
                                 steward_documents_page_get_phase (self) != NULL &&
                                 !steward_phase_editor_get_busy (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.redraft-stale",
                                 any_stale && self->redraft == NULL &&
                                 !steward_phase_editor_get_busy (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "documents.stop-redraft", self->redraft != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->redraft_button), self->redraft == NULL);
}

static void
update_progress (StewardDocumentsPage *self)
{
  GListModel *phases = G_LIST_MODEL (self->phases);
  guint n_items = phases ? g_list_model_get_n_items (phases) : 0;
  g_autofree char *text = NULL;
  guint completed = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      if (steward_phase_get_status (phase) == STEWARD_PHASE_STATUS_COMPLETED)
        completed++;
    }

  /* Translators: the progress of a document project, "9 of 14 completed" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u completed", "%u of %u completed", n_items),
                          completed, n_items);
  gtk_label_set_label (self->progress_label, text);
  gtk_level_bar_set_value (self->progress_bar, n_items > 0 ? (double)completed / n_items : 0.0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);

  _steward_documents_page_update_actions (self);
}

static void
phases_changed_cb (StewardDocumentsPage *self)
{
  update_progress (self);
}

static void
editor_busy_cb (StewardDocumentsPage *self)
{
  _steward_documents_page_update_actions (self);
}

static void
phase_selected_cb (StewardDocumentsPage *self)
{
  StewardPhase *phase = NULL;

  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));

  if (self->phase_selection != NULL)
    phase = gtk_single_selection_get_selected_item (self->phase_selection);

  steward_phase_editor_set_phase (self->editor, phase);

  if (self->project == NULL)
    gtk_stack_set_visible_child_name (self->content_stack, "no-project");
  else
    gtk_stack_set_visible_child_name (self->content_stack, phase ? "editor" : "no-phase");

  /* Folded, the phase picked takes the place of the list */
  if (phase != NULL && adw_flap_get_folded (self->flap) && steward_focus_is_within (GTK_WIDGET (self->phase_list)))
    adw_flap_set_reveal_flap (self->flap, FALSE);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHASE]);
}

static StewardProject *
find_project (StewardDocumentsPage  *self,
              gint64                 project_id,
              GError               **error)
{
  StewardRowList *projects = steward_services_get_projects (STEWARD_SERVICES_DEFAULT, NULL);
  guint position;

  /* The listed object, which follows its row (a rename) */
  if (projects != NULL && steward_row_list_find (projects, project_id, &position))
    return g_list_model_get_item (G_LIST_MODEL (projects), position);

  return steward_store_find_project (_steward_documents_page_get_store (), project_id, error);
}

void
_steward_documents_page_close_project (StewardDocumentsPage *self)
{
  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));

  steward_phase_editor_save (self->editor);
  _steward_documents_page_dispose_redraft (self);

  /* Its menu goes with it (Delete closes the project from there) */
  gtk_menu_button_popdown (self->project_menu_button);

  if (self->phase_selection != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->phase_selection, self);
      gtk_list_view_set_model (self->phase_list, NULL);
    }
  if (self->phases != NULL)
    g_signal_handlers_disconnect_by_data (self->phases, self);
  g_clear_object (&self->phase_selection);
  g_clear_object (&self->phases);

  g_binding_group_set_source (self->project_bindings, NULL);
  if (g_set_object (&self->project, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);

  gtk_stack_set_visible_child_name (self->side_stack, "projects");
  phase_selected_cb (self);
  update_progress (self);
}

/* Opens @project_id: its phases on the left, none picked, unless
 * @start_writing, when the first phase opens with the keyboard in it. */
void
_steward_documents_page_open_project (StewardDocumentsPage *self,
                                      gint64                project_id,
                                      gboolean              start_writing)
{
  StewardStore *store = _steward_documents_page_get_store ();
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));

  if (store == NULL)
    return;

  if (!(project = find_project (self, project_id, &error)))
    {
      _steward_documents_page_show_error (self, error);
      return;
    }

  if (self->project == NULL || steward_project_get_id (self->project) != project_id)
    {
      _steward_documents_page_close_project (self);

      self->project = g_object_ref (project);
      g_binding_group_set_source (self->project_bindings, project);

      self->phases = steward_store_watch_phases (store, project_id);
      if (!steward_row_list_reload (self->phases, &error))
        _steward_documents_page_show_error (self, error);
      g_signal_connect_object (self->phases, "items-changed", G_CALLBACK (phases_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->phases, "row-updated", G_CALLBACK (phases_changed_cb), self, G_CONNECT_SWAPPED);

      self->phase_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->phases)));
      gtk_single_selection_set_autoselect (self->phase_selection, FALSE);
      gtk_single_selection_set_can_unselect (self->phase_selection, TRUE);
      gtk_single_selection_set_selected (self->phase_selection, GTK_INVALID_LIST_POSITION);
      g_signal_connect_object (self->phase_selection, "notify::selected-item",
                               G_CALLBACK (phase_selected_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->phase_list, GTK_SELECTION_MODEL (self->phase_selection));

      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PROJECT]);
    }

  gtk_stack_set_visible_child_name (self->side_stack, "phases");
  update_progress (self);
  phase_selected_cb (self);

  if (start_writing && g_list_model_get_n_items (G_LIST_MODEL (self->phases)) > 0)
    {
      gtk_single_selection_set_selected (self->phase_selection, 0);
      steward_phase_editor_focus_text (self->editor);
    }
  else
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->phase_list));
    }
}

static void
project_activated_cb (StewardDocumentsPage *self,
                      guint                 position,
                      GtkListView          *list_view)
{
  g_autoptr(StewardProject) project = NULL;
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list_view));

  if (!(project = g_list_model_get_item (model, position)))
    return;

  _steward_documents_page_open_project (self, steward_project_get_id (project), FALSE);
}

static void
close_project_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);

  _steward_documents_page_close_project (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->project_list));
}

/* Alt+Up and Alt+Down: the phase before or after, from anywhere on the
 * page (the text included: GtkSourceView would move lines) */
static gboolean
step_phase_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);
  int step = g_variant_get_int32 (args);
  guint selected, n_items;
  gboolean in_text;

  if (self->phase_selection == NULL ||
      !(n_items = g_list_model_get_n_items (G_LIST_MODEL (self->phase_selection))))
    return FALSE;

  selected = gtk_single_selection_get_selected (self->phase_selection);
  if (selected == GTK_INVALID_LIST_POSITION)
    selected = step > 0 ? 0 : n_items - 1;
  else if ((step < 0 && selected == 0) || (step > 0 && selected + 1 >= n_items))
    {
      gtk_widget_error_bell (widget);
      return TRUE;
    }
  else
    selected += step;

  in_text = !steward_focus_is_within (GTK_WIDGET (self->phase_list));
  gtk_single_selection_set_selected (self->phase_selection, selected);
  if (in_text)
    steward_phase_editor_focus_text (self->editor);
  else
    gtk_widget_activate_action (GTK_WIDGET (self->phase_list), "list.scroll-to-item", "u", selected);

  return TRUE;
}

/* The editor's keys, from anywhere on the page while it shows a phase */
static const struct {
  guint            keyval;
  GdkModifierType  modifiers;
  const char      *action;
} editor_keys[] = {
  { GDK_KEY_s, GDK_CONTROL_MASK, "phase.save-version" },
  { GDK_KEY_Return, GDK_CONTROL_MASK, "phase.generate" },
  { GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "phase.generate" },
  { GDK_KEY_p, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "phase.toggle-preview" },
  { GDK_KEY_h, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "phase.toggle-versions" },
};

static gboolean
editor_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (widget);

  if (steward_phase_editor_get_phase (self->editor) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->editor), g_variant_get_string (args, NULL), NULL);
}

/* -- loading --------------------------------------------------------------------- */

static gboolean
filter_project (gpointer item,
                gpointer user_data)
{
  StewardDocumentsPage *self = user_data;

  return !_steward_documents_page_is_pending_delete (self, steward_project_get_id (item));
}

static void
services_ready_cb (StewardDocumentsPage *self,
                   GParamSpec           *pspec,
                   StewardServices      *services)
{
  g_autoptr(GtkFilterListModel) filtered = NULL;
  g_autoptr(GError) error = NULL;
  StewardRowList *projects;

  g_assert (STEWARD_IS_DOCUMENTS_PAGE (self));
  g_assert (STEWARD_IS_SERVICES (services));

  if (!steward_services_get_ready (services))
    return;

  if (steward_services_get_open_error (services) != NULL)
    {
      steward_list_page_set_error (self->list_page, steward_services_get_open_error (services));
      return;
    }

  if (!(projects = steward_services_get_projects (services, &error)))
    {
      steward_list_page_set_error (self->list_page, error);
      return;
    }

  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (projects)),
                                        g_object_ref (GTK_FILTER (self->project_filter)));
  gtk_list_view_set_model (self->project_list,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (filtered)))));
  steward_list_page_set_model (self->list_page, G_LIST_MODEL (filtered));
}

/* -- public ------------------------------------------------------------------------ */

/**
 * steward_documents_page_get_project:
 *
 * Returns: (transfer none) (nullable): the open project
 */
StewardProject *
steward_documents_page_get_project (StewardDocumentsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self), NULL);

  return self->project;
}

/**
 * steward_documents_page_get_phase:
 *
 * Returns: (transfer none) (nullable): the phase in the editor, from the
 *   store's list of the project's phases (it follows its row)
 */
StewardPhase *
steward_documents_page_get_phase (StewardDocumentsPage *self)
{
  g_return_val_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self), NULL);

  return steward_phase_editor_get_phase (self->editor);
}

/**
 * steward_documents_page_set_versions_pane:
 * @pane: the versions pane, which follows #StewardDocumentsPage:phase
 *
 * Puts @pane in the side pane the editor's "Versions" button shows and
 * hides (Ctrl+Shift+H); the button shows once there is a pane.
 */
void
steward_documents_page_set_versions_pane (StewardDocumentsPage *self,
                                          GtkWidget            *pane)
{
  g_return_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (pane));

  steward_phase_editor_set_versions_pane (self->editor, pane);
}

/**
 * steward_documents_page_show_phase:
 * @project_id: the project to open
 * @phase_id: its phase to show in the editor, or 0 for none
 *
 * Opens a project at one of its phases, as the desktop's search asks
 * (src/app/desktop/steward-desktop-actions.c).
 */
void
steward_documents_page_show_phase (StewardDocumentsPage *self,
                                   gint64                project_id,
                                   gint64                phase_id)
{
  guint n_items;

  g_return_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self));

  _steward_documents_page_open_project (self, project_id, FALSE);

  if (phase_id <= 0 || self->phase_selection == NULL ||
      self->project == NULL || steward_project_get_id (self->project) != project_id)
    return;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->phase_selection));
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (G_LIST_MODEL (self->phase_selection), i);

      if (steward_phase_get_id (phase) == phase_id)
        {
          gtk_single_selection_set_selected (self->phase_selection, i);
          steward_phase_editor_focus_text (self->editor);
          return;
        }
    }
}

/**
 * steward_documents_page_save:
 *
 * Saves what was typed and waits for its autosave: the window closes.
 */
void
steward_documents_page_save (StewardDocumentsPage *self)
{
  g_return_if_fail (STEWARD_IS_DOCUMENTS_PAGE (self));

  steward_phase_editor_save (self->editor);
}

/* -- GObject ------------------------------------------------------------------------- */

static void
steward_documents_page_dispose (GObject *object)
{
  StewardDocumentsPage *self = (StewardDocumentsPage *)object;

  if (self->editor != NULL)
    {
      steward_phase_editor_save (self->editor);
      _steward_documents_page_dispose_redraft (self);
    }

  /* Closing the window is as good as the toast going away */
  if (self->pending_deletes != NULL && self->pending_deletes->len > 0)
    {
      StewardStore *store = _steward_documents_page_get_store ();

      for (guint i = 0; store != NULL && i < self->pending_deletes->len; i++)
        steward_store_delete_project (store, g_array_index (self->pending_deletes, gint64, i), NULL);
      g_array_set_size (self->pending_deletes, 0);
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_DOCUMENTS_PAGE);

  g_clear_object (&self->phase_selection);
  g_clear_object (&self->phases);
  g_clear_object (&self->project);
  g_clear_object (&self->project_bindings);
  g_clear_object (&self->project_filter);

  G_OBJECT_CLASS (steward_documents_page_parent_class)->dispose (object);
}

static void
steward_documents_page_finalize (GObject *object)
{
  StewardDocumentsPage *self = (StewardDocumentsPage *)object;

  g_clear_pointer (&self->pending_deletes, g_array_unref);

  G_OBJECT_CLASS (steward_documents_page_parent_class)->finalize (object);
}

static void
steward_documents_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  StewardDocumentsPage *self = STEWARD_DOCUMENTS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PROJECT:
      g_value_set_object (value, self->project);
      break;

    case PROP_PHASE:
      g_value_set_object (value, steward_documents_page_get_phase (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_documents_page_class_init (StewardDocumentsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_documents_page_dispose;
  object_class->finalize = steward_documents_page_finalize;
  object_class->get_property = steward_documents_page_get_property;

  properties[PROP_PROJECT] =
    g_param_spec_object ("project", NULL, NULL,
                         STEWARD_TYPE_PROJECT,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_PHASE] =
    g_param_spec_object ("phase", NULL, NULL,
                         STEWARD_TYPE_PHASE,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (STEWARD_TYPE_LIST_PAGE);
  g_type_ensure (STEWARD_TYPE_PHASE);
  g_type_ensure (STEWARD_TYPE_PHASE_EDITOR);
  g_type_ensure (STEWARD_TYPE_PROJECT);

  gtk_widget_class_install_action (widget_class, "documents.close-project", NULL, close_project_action);
  _steward_documents_page_class_init_projects (widget_class);
  _steward_documents_page_class_init_redraft (widget_class);
  _steward_documents_page_class_init_export (widget_class);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-documents-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, content_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, editor);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, flap);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, list_page);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, phase_list);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, project_list);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, project_menu_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, project_title);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, redraft_box);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, redraft_button);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, redraft_label);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, redraft_spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, side_stack);
  gtk_widget_class_bind_template_child (widget_class, StewardDocumentsPage, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, editor_busy_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_date_cb);
  gtk_widget_class_bind_template_callback (widget_class, format_number_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_phase_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, name_project_row_cb);
  gtk_widget_class_bind_template_callback (widget_class, project_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_text_cb);
}

static void
phase_changed_for_versions_cb (StewardDocumentsPage *self,
                               GParamSpec           *pspec,
                               StewardVersionsPane  *versions)
{
  StewardPhase *phase = steward_documents_page_get_phase (self);

  steward_versions_pane_set_phase (versions, phase != NULL ? steward_phase_get_id (phase) : 0);
  _steward_documents_page_update_actions (self);
}

static void
steward_documents_page_init (StewardDocumentsPage *self)
{
  StewardServices *services = STEWARD_SERVICES_DEFAULT;
  GtkEventController *shortcuts;
  GtkWidget *versions;

  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->project_filter = gtk_custom_filter_new (filter_project, self, NULL);
  self->project_bindings = g_binding_group_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_binding_group_bind (self->project_bindings, "name", self->project_title, "label", G_BINDING_SYNC_CREATE);

  /* Before the text view, which would take Alt+Up and Alt+Down to move
   * lines, and Ctrl+Enter for a new line */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  for (int step = -1; step <= 1; step += 2)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (step < 0 ? GDK_KEY_Up : GDK_KEY_Down,
                                                                        GDK_ALT_MASK),
                                                gtk_callback_action_new (step_phase_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_int32 (step));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  for (guint i = 0; i < G_N_ELEMENTS (editor_keys); i++)
    {
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (editor_keys[i].keyval, editor_keys[i].modifiers),
                                                gtk_callback_action_new (editor_key_cb, NULL, NULL));

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (editor_keys[i].action));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts), shortcut);
    }
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  steward_focus_set_tab_stop (GTK_WIDGET (self->project_list));
  steward_focus_set_tab_stop (GTK_WIDGET (self->phase_list));

  /* The versions pane follows the phase shown */
  versions = steward_versions_pane_new ();
  steward_documents_page_set_versions_pane (self, versions);
  g_signal_connect_object (self, "notify::phase", G_CALLBACK (phase_changed_for_versions_cb),
                           versions, 0);

  _steward_documents_page_close_project (self);

  /* The store opens after the window shows: until then, nothing. */
  g_signal_connect_object (services,
                           "notify::ready",
                           G_CALLBACK (services_ready_cb),
                           self,
                           G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, services);
}
