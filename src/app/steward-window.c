/* steward-window.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-window"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-app-settings.h"
#include "steward-chat-page.h"
#include "steward-documents-page.h"
#include "steward-focus.h"
#include "steward-search-popover.h"
#include "steward-stack-accessible.h"
#include "steward-tasks-page.h"
#include "steward-window.h"

struct _StewardWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  StewardChatPage      *chat_page;
  GtkListBoxRow        *chat_row;
  StewardDocumentsPage *documents_page;
  GtkListBoxRow        *documents_row;
  AdwStatusPage        *error_page;
  AdwLeaflet           *leaflet;
  GtkWidget            *content;
  AdwWindowTitle       *page_title;
  GtkSearchEntry       *search_entry;
  GtkListBox           *sidebar_list;
  GtkStack             *stack;
  StewardTasksPage     *tasks_page;
  GtkListBoxRow        *tasks_row;
  AdwToastOverlay      *toast_overlay;

  /* The sidebar's row for the page showing: the sidebar has no
   * selection, so that moving the focus over it switches nothing. */
  GtkListBoxRow        *current_row;
  guint                 sidebar_focus_id;

  /* Owned */
  StewardAppSettings   *settings;
  /* Why changes cannot be saved, when the store was opened read-only. */
  char                 *read_only_message;
  /* Parented to search_entry, unparented in dispose. */
  StewardSearchPopover *search_popover;
};

G_DEFINE_FINAL_TYPE (StewardWindow, steward_window, ADW_TYPE_APPLICATION_WINDOW)

/* The pages, as named in the GtkStack, the sidebar rows and the
 * "last-page" setting.
 */
static const char * const page_names[] = { "chat", "tasks", "documents", NULL };

StewardWindow *
steward_window_new (StewardApplication *application)
{
  g_return_val_if_fail (STEWARD_IS_APPLICATION (application), NULL);

  return g_object_new (STEWARD_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/* Shows @row's page and marks @row as the current one, as a selection
 * looks and reads (see style.css). Tab into the sidebar lands on it. */
static void
steward_window_show_row (StewardWindow *self,
                         GtkListBoxRow *row)
{
  if (self->current_row != row)
    {
      if (self->current_row != NULL)
        {
          gtk_widget_remove_css_class (GTK_WIDGET (self->current_row), "current");
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->current_row),
                                       GTK_ACCESSIBLE_STATE_SELECTED, FALSE,
                                       -1);
        }

      self->current_row = row;
      gtk_widget_add_css_class (GTK_WIDGET (row), "current");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                                   GTK_ACCESSIBLE_STATE_SELECTED, TRUE,
                                   -1);
    }

  /* The error page stays up whatever the sidebar says. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return;

  gtk_stack_set_visible_child_name (self->stack, gtk_widget_get_name (GTK_WIDGET (row)));
}

static GtkListBoxRow *
steward_window_get_row (StewardWindow *self,
                        const char    *page)
{
  g_assert (STEWARD_IS_WINDOW (self));

  if (g_strcmp0 (page, "chat") == 0)
    return self->chat_row;
  if (g_strcmp0 (page, "tasks") == 0)
    return self->tasks_row;
  if (g_strcmp0 (page, "documents") == 0)
    return self->documents_row;

  return NULL;
}

/**
 * steward_window_get_page:
 *
 * Returns: the name of the page showing: "chat", "tasks" or "documents"
 */
const char *
steward_window_get_page (StewardWindow *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  /* The sidebar keeps its page when the error page covers the stack. */
  if ((row = self->current_row))
    return gtk_widget_get_name (GTK_WIDGET (row));

  return page_names[0];
}

/**
 * steward_window_get_chat_page:
 *
 * Returns: (transfer none): the Chat page
 */
StewardChatPage *
steward_window_get_chat_page (StewardWindow *self)
{
  g_return_val_if_fail (STEWARD_IS_WINDOW (self), NULL);

  return self->chat_page;
}

gboolean
steward_window_set_page (StewardWindow *self,
                         const char    *page)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (STEWARD_IS_WINDOW (self), FALSE);

  if (!(row = steward_window_get_row (self, page)))
    return FALSE;

  steward_window_show_row (self, row);

  return TRUE;
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StewardWindow *self = (StewardWindow *)widget;
  const char *page = g_variant_get_string (param, NULL);

  g_assert (STEWARD_IS_WINDOW (self));

  if (!steward_window_set_page (self, page))
    {
      g_warning ("No page named “%s”", page);
      return;
    }

  adw_leaflet_set_visible_child (self->leaflet, self->content);
}

static void
new_conversation_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  StewardWindow *self = (StewardWindow *)widget;

  g_assert (STEWARD_IS_WINDOW (self));

  /* Not while the error page covers everything. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0)
    return;

  /* Ctrl+N on the board adds a task instead. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "tasks") == 0)
    {
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      steward_tasks_page_focus_quick_add (self->tasks_page);
      return;
    }

  steward_window_set_page (self, "chat");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  steward_chat_page_new_conversation (self->chat_page);
}

/* The focus came into the sidebar (Tab, F6, a click): it goes on to the
 * row of the page showing, as it would to a selected row, once the list
 * is done placing it (and its cursor) on the first or last row. A click
 * then activates its own row, which takes the focus. */
static gboolean
sidebar_focus_current_cb (gpointer user_data)
{
  StewardWindow *self = user_data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  self->sidebar_focus_id = 0;

  /* As Tab would: the list's arrows then move on from that row. */
  if (self->current_row != NULL && focus != GTK_WIDGET (self->current_row) &&
      steward_focus_is_within (GTK_WIDGET (self->sidebar_list)))
    gtk_widget_child_focus (GTK_WIDGET (self->current_row), GTK_DIR_TAB_FORWARD);

  return G_SOURCE_REMOVE;
}

static void
sidebar_focus_enter_cb (StewardWindow           *self,
                        GtkEventControllerFocus *controller)
{
  if (self->sidebar_focus_id == 0)
    self->sidebar_focus_id = g_idle_add_full (G_PRIORITY_HIGH, sidebar_focus_current_cb, self, NULL);
}

/* A click, Enter or Space: focus moving over a row does not switch. */
static void
sidebar_row_activated_cb (StewardWindow *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list_box)
{
  g_assert (STEWARD_IS_WINDOW (self));

  steward_window_show_row (self, row);
  gtk_widget_grab_focus (GTK_WIDGET (row));
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static gboolean
cycle_panes_cb (GtkWidget *widget,
                GVariant  *args,
                gpointer   user_data)
{
  steward_focus_cycle_panes (widget, g_variant_get_boolean (args));
  return TRUE;
}

static void
back_clicked_cb (StewardWindow *self,
                 GtkButton     *button)
{
  g_assert (STEWARD_IS_WINDOW (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
stack_visible_child_cb (StewardWindow *self,
                        GParamSpec    *pspec,
                        GtkStack      *stack)
{
  GtkWidget *child;
  GtkStackPage *page;

  g_assert (STEWARD_IS_WINDOW (self));

  if (!(child = gtk_stack_get_visible_child (stack)))
    return;

  page = gtk_stack_get_page (stack, child);
  adw_window_title_set_title (self->page_title, gtk_stack_page_get_title (page));
}

/* History search */

static gboolean
steward_window_showing_error (StewardWindow *self)
{
  g_assert (STEWARD_IS_WINDOW (self));

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "error") == 0;
}

/* The entry's text child has the focus, not the entry itself. */
static gboolean
steward_window_search_has_focus (StewardWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_assert (STEWARD_IS_WINDOW (self));

  return focus != NULL &&
         (focus == GTK_WIDGET (self->search_entry) ||
          gtk_widget_is_ancestor (focus, GTK_WIDGET (self->search_entry)));
}

static void
steward_window_stop_search (StewardWindow *self)
{
  g_assert (STEWARD_IS_WINDOW (self));

  gtk_popover_popdown (GTK_POPOVER (self->search_popover));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardWindow *self = (StewardWindow *)widget;

  g_assert (STEWARD_IS_WINDOW (self));

  if (steward_window_showing_error (self))
    return;

  /* Folded, the sidebar holding the entry may be off screen. */
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
steward_window_update_search (StewardWindow *self,
                              gboolean       focused)
{
  g_autofree char *query = NULL;

  g_assert (STEWARD_IS_WINDOW (self));

  query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (query[0] == '\0' || !focused)
    {
      gtk_popover_popdown (GTK_POPOVER (self->search_popover));
      return;
    }

  steward_search_popover_search (self->search_popover, query);
  gtk_popover_popup (GTK_POPOVER (self->search_popover));
}

static void
search_changed_cb (StewardWindow  *self,
                   GtkSearchEntry *entry)
{
  g_assert (STEWARD_IS_WINDOW (self));

  steward_window_update_search (self, steward_window_search_has_focus (self));
}

static void
search_activate_cb (StewardWindow  *self,
                    GtkSearchEntry *entry)
{
  g_assert (STEWARD_IS_WINDOW (self));

  steward_search_popover_activate_selected (self->search_popover);
}

static void
search_stop_cb (StewardWindow  *self,
                GtkSearchEntry *entry)
{
  g_assert (STEWARD_IS_WINDOW (self));

  steward_window_stop_search (self);
}

static void
search_next_match_cb (StewardWindow  *self,
                      GtkSearchEntry *entry)
{
  g_assert (STEWARD_IS_WINDOW (self));

  steward_search_popover_move_selection (self->search_popover, 1);
}

static void
search_previous_match_cb (StewardWindow  *self,
                          GtkSearchEntry *entry)
{
  g_assert (STEWARD_IS_WINDOW (self));

  steward_search_popover_move_selection (self->search_popover, -1);
}

/* Up and Down move through the results while the entry keeps the focus. */
static gboolean
search_key_pressed_cb (StewardWindow         *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  g_assert (STEWARD_IS_WINDOW (self));

  if (!gtk_widget_get_visible (GTK_WIDGET (self->search_popover)) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      steward_search_popover_move_selection (self->search_popover, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      steward_search_popover_move_selection (self->search_popover, -1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Down:
      steward_search_popover_move_selection (self->search_popover, 5);
      return GDK_EVENT_STOP;

    case GDK_KEY_Page_Up:
      steward_search_popover_move_selection (self->search_popover, -5);
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
search_focus_leave_cb (StewardWindow           *self,
                       GtkEventControllerFocus *controller)
{
  g_assert (STEWARD_IS_WINDOW (self));

  gtk_popover_popdown (GTK_POPOVER (self->search_popover));
}

static void
search_focus_enter_cb (StewardWindow           *self,
                       GtkEventControllerFocus *controller)
{
  g_assert (STEWARD_IS_WINDOW (self));

  /* Coming back to a search shows its results again. */
  steward_window_update_search (self, TRUE);
}

/* Shows the conversation, with the message in view and highlighted. */
static void
steward_window_show_message (StewardWindow *self,
                             gint64         conversation_id,
                             gint64         message_id)
{
  StewardChatView *view;

  steward_window_set_page (self, "chat");
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  steward_chat_page_show_conversation (self->chat_page, conversation_id);

  view = steward_chat_page_get_chat_view (self->chat_page);
  steward_chat_view_scroll_to_message (view, message_id);
  steward_chat_view_focus_composer (view);
}

static void
search_result_activated_cb (StewardWindow        *self,
                            StewardSearchResult  *result,
                            StewardSearchPopover *popover)
{
  g_assert (STEWARD_IS_WINDOW (self));
  g_assert (STEWARD_IS_SEARCH_RESULT (result));

  steward_window_stop_search (self);
  steward_window_show_message (self,
                               steward_search_result_get_conversation_id (result),
                               steward_search_result_get_message_id (result));
}

/* A task's "Found In": the message it was found in. */
static void
show_message_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardWindow *self = (StewardWindow *)widget;
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL || steward_window_showing_error (self))
    return;

  if (!(message = steward_store_find_message (store, g_variant_get_int64 (param), &error)))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
      return;
    }

  steward_window_show_message (self, steward_message_get_conversation_id (message),
                               steward_message_get_id (message));
}

/* A reminder's Open: the task's card, with the focus. */
static void
show_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  StewardWindow *self = (StewardWindow *)widget;

  if (steward_window_showing_error (self) || !steward_window_set_page (self, "tasks"))
    return;

  adw_leaflet_set_visible_child (self->leaflet, self->content);
  steward_tasks_page_show_task (self->tasks_page, g_variant_get_int64 (param));
}

/* The desktop's search: a project, at the phase whose text matched */
static void
show_phase_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StewardWindow *self = (StewardWindow *)widget;
  gint64 project_id;
  gint64 phase_id;

  if (steward_window_showing_error (self) || !steward_window_set_page (self, "documents"))
    return;

  g_variant_get (param, "(xx)", &project_id, &phase_id);
  adw_leaflet_set_visible_child (self->leaflet, self->content);
  steward_documents_page_show_phase (self->documents_page, project_id, phase_id);
}

static void
read_only_details_cb (StewardWindow *self,
                      AdwToast      *toast)
{
  AdwMessageDialog *dialog;

  g_assert (STEWARD_IS_WINDOW (self));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Changes Will Not Be Saved"),
                                                       self->read_only_message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_set_title (GTK_WINDOW (dialog), _("Changes Will Not Be Saved"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The data can be read but not written (a read-only folder, a full disk):
 * say so until the user dismisses it, rather than at the first change. A
 * send that fails keeps its text, as any failed send does. */
static void
steward_window_show_read_only (StewardWindow *self,
                               const GError  *error)
{
  AdwToast *toast;

  g_assert (STEWARD_IS_WINDOW (self));

  g_free (self->read_only_message);
  self->read_only_message = g_strdup (error->message);

  toast = adw_toast_new (_("Changes will not be saved: your data folder cannot be written"));
  adw_toast_set_timeout (toast, 0);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_button_label (toast, _("Details"));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (read_only_details_cb),
                           self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
steward_window_services_ready_cb (StewardWindow   *self,
                                  GParamSpec      *pspec,
                                  StewardServices *services)
{
  const GError *error;
  StewardStore *store;

  g_assert (STEWARD_IS_WINDOW (self));
  g_assert (STEWARD_IS_SERVICES (services));

  if (!steward_services_get_ready (services))
    return;

  if ((error = steward_services_get_open_error (services)))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_status_page_set_description (self->error_page, markup);
      gtk_stack_set_visible_child_name (self->stack, "error");
      gtk_widget_set_sensitive (GTK_WIDGET (self->sidebar_list), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->search_entry), FALSE);
      adw_leaflet_set_visible_child (self->leaflet, self->content);
      return;
    }

  store = steward_services_get_store (services);

  {
    g_autoptr(GError) read_only = NULL;

    if (!steward_store_check_writable (store, &read_only))
      steward_window_show_read_only (self, read_only);
  }
}

static void
steward_window_save_state (StewardWindow *self)
{
  gboolean maximized;
  int width;
  int height;

  g_assert (STEWARD_IS_WINDOW (self));

  g_debug ("Saving window state");

  maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  steward_app_settings_set_window_maximized (self->settings, maximized);

  /* Keep the unmaximized size, to come back to it when unmaximizing. */
  if (!maximized)
    {
      gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
      steward_app_settings_set_window_size (self->settings, width, height);
    }

  steward_app_settings_set_last_page (self->settings, steward_window_get_page (self));
}

static void
steward_window_restore_state (StewardWindow *self)
{
  g_autofree char *last_page = NULL;
  int width;
  int height;

  g_assert (STEWARD_IS_WINDOW (self));

  steward_app_settings_get_window_size (self->settings, &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (steward_app_settings_get_window_maximized (self->settings))
    gtk_window_maximize (GTK_WINDOW (self));

  last_page = steward_app_settings_dup_last_page (self->settings);
  if (!steward_window_set_page (self, last_page))
    steward_window_set_page (self, page_names[0]);
}

static gboolean
steward_window_close_request (GtkWindow *window)
{
  StewardWindow *self = (StewardWindow *)window;

  steward_window_save_state (self);

  return GTK_WINDOW_CLASS (steward_window_parent_class)->close_request (window);
}

static void
steward_window_notify_application_cb (StewardWindow *self,
                                      GParamSpec    *pspec,
                                      gpointer       user_data)
{
  GtkApplication *application;
  StewardServices *services;

  g_assert (STEWARD_IS_WINDOW (self));

  /* GtkWindow:application is not a construct property: it arrives after
   * constructed(), so follow it here.
   */
  application = gtk_window_get_application (GTK_WINDOW (self));
  if (!STEWARD_IS_APPLICATION (application))
    return;

  services = steward_application_get_services (STEWARD_APPLICATION (application));
  g_signal_connect_object (services,
                           "notify::ready",
                           G_CALLBACK (steward_window_services_ready_cb),
                           self,
                           G_CONNECT_SWAPPED);
  steward_window_services_ready_cb (self, NULL, services);
}

static void
steward_window_dispose (GObject *object)
{
  StewardWindow *self = (StewardWindow *)object;

  g_clear_handle_id (&self->sidebar_focus_id, g_source_remove);

  /* The entry does not know about the popover: unparent it first. */
  if (self->search_popover != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->search_popover));
      self->search_popover = NULL;
    }

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_WINDOW);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_window_parent_class)->dispose (object);
}

static void
steward_window_finalize (GObject *object)
{
  StewardWindow *self = (StewardWindow *)object;

  g_clear_pointer (&self->read_only_message, g_free);

  G_OBJECT_CLASS (steward_window_parent_class)->finalize (object);
}

static void
steward_window_class_init (StewardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = steward_window_dispose;
  object_class->finalize = steward_window_finalize;

  window_class->close_request = steward_window_close_request;

  /* Accelerators live in steward-application-actions.c. */
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-conversation", NULL, new_conversation_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.show-message", "x", show_message_action);
  gtk_widget_class_install_action (widget_class, "win.show-task", "x", show_task_action);
  gtk_widget_class_install_action (widget_class, "win.show-phase", "(xx)", show_phase_action);

  /* Ctrl+K searches the history, as in other chat apps. Window-level
   * rather than an application accelerator, so that it stays with the
   * window that has the entry.
   */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_k, GDK_CONTROL_MASK, "win.search", NULL);

  /* F6 moves between the panes, as in GNOME's own apps. */
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F6, 0, cycle_panes_cb, "b", TRUE);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, cycle_panes_cb, "b", FALSE);

  g_type_ensure (STEWARD_TYPE_CHAT_PAGE);
  g_type_ensure (STEWARD_TYPE_DOCUMENTS_PAGE);
  g_type_ensure (STEWARD_TYPE_TASKS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-window.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, chat_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, chat_row);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, content);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, documents_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, documents_row);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, page_title);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, tasks_page);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, tasks_row);
  gtk_widget_class_bind_template_child (widget_class, StewardWindow, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
}

static void
steward_window_init (StewardWindow *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));

  steward_stack_accessible_track (self->stack);

  /* Tab enters the sidebar once, on the page showing; arrows move. */
  steward_focus_set_tab_stop (GTK_WIDGET (self->sidebar_list));
  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (sidebar_focus_enter_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->sidebar_list), controller);
  steward_window_show_row (self, self->chat_row);

  self->search_popover = STEWARD_SEARCH_POPOVER (steward_search_popover_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->search_popover), GTK_WIDGET (self->search_entry));
  g_signal_connect_object (self->search_popover, "result-activated",
                           G_CALLBACK (search_result_activated_cb),
                           self,
                           G_CONNECT_SWAPPED);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed",
                           G_CALLBACK (search_key_pressed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter",
                           G_CALLBACK (search_focus_enter_cb),
                           self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (controller, "leave",
                           G_CALLBACK (search_focus_leave_cb),
                           self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->settings = steward_app_settings_new ();
  steward_window_restore_state (self);
  stack_visible_child_cb (self, NULL, self->stack);

  g_signal_connect (self,
                    "notify::application",
                    G_CALLBACK (steward_window_notify_application_cb),
                    NULL);
}
