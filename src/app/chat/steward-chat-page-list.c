/* steward-chat-page-list.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-chat-page-private.h"
#include "steward-conversation-row.h"
#include "steward-date-format.h"
#include "steward-focus.h"

/* The Chat page's conversation list: its rows, their date headings,
 * selection mode, and its keys.
 *
 * Headings: the list is newest first; a row shows the heading of its date
 * group (steward_date_format_group()) when the conversation before it is
 * in another group. That depends on the row's neighbour, which only the
 * model knows, so the page's own factory binds the rows, keeps the list
 * items it bound, and gives them their headings again whenever the list
 * changes or a conversation is written to in place.
 *
 * Keys: the list is one Tab stop. Its rows take the focus themselves (their
 * menu buttons take none), Up and Down move between them, Tab and Shift+Tab
 * leave the list at once, and entering it focuses the open conversation.
 * On a focused row Menu or Shift+F10 opens its menu, Delete deletes it
 * (with Undo) and F2 renames it; in selection mode Space checks it and
 * Escape leaves the mode.
 */

static void update_selection_bar (StewardChatPage *self);

/* -- rows and their headings --------------------------------------------- */

static StewardConversationRow *
item_row (GtkListItem *list_item)
{
  return STEWARD_CONVERSATION_ROW (gtk_list_item_get_child (list_item));
}

static char *
group_at (GListModel *model,
          guint       position,
          GDateTime  *now)
{
  g_autoptr(StewardConversation) conversation = g_list_model_get_item (model, position);

  if (conversation == NULL)
    return NULL;

  return steward_date_format_group (steward_conversation_get_updated_at (conversation), now);
}

static void
update_header (StewardChatPage *self,
               GtkListItem     *list_item,
               GDateTime       *now)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint position = gtk_list_item_get_position (list_item);
  g_autofree char *group = NULL;
  g_autofree char *previous = NULL;

  if (position == GTK_INVALID_LIST_POSITION)
    return;

  group = group_at (model, position, now);
  if (position > 0)
    previous = group_at (model, position - 1, now);

  steward_conversation_row_set_header (item_row (list_item),
                                       g_strcmp0 (group, previous) != 0 ? group : NULL);
}

static void
update_headers (StewardChatPage *self)
{
  g_autoptr(GDateTime) now = steward_local_now ();

  for (guint i = 0; i < self->bound_items->len; i++)
    update_header (self, g_ptr_array_index (self->bound_items, i), now);
}

static void schedule_new_day (StewardChatPage *self);

/* At midnight today's conversations become yesterday's: the headings and
 * the dates under them say so. */
static gboolean
new_day_cb (gpointer user_data)
{
  StewardChatPage *self = user_data;

  self->new_day_source = 0;

  for (guint i = 0; i < self->bound_items->len; i++)
    steward_conversation_row_update_date (item_row (g_ptr_array_index (self->bound_items, i)));
  update_headers (self);
  schedule_new_day (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_new_day (StewardChatPage *self)
{
  g_autoptr(GDateTime) now = steward_local_now ();
  g_autoptr(GDateTime) today = steward_local_new (g_date_time_get_year (now),
                                                      g_date_time_get_month (now),
                                                      g_date_time_get_day_of_month (now),
                                                      0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (today, 1);
  GTimeSpan wait = g_date_time_difference (tomorrow, now);

  g_clear_handle_id (&self->new_day_source, g_source_remove);
  /* A second late rather than early; never less than a second. */
  self->new_day_source = g_timeout_add_seconds ((guint)(MAX (wait, 0) / G_TIME_SPAN_SECOND) + 1,
                                                new_day_cb, self);
}

/* After the list view has placed its rows: a row's neighbour may be
 * another conversation now. */
static void
selection_items_changed_cb (StewardChatPage *self,
                            guint            position,
                            guint            removed,
                            guint            added,
                            GListModel      *model)
{
  update_headers (self);

  /* A checked conversation deleted elsewhere is no longer checked. */
  if (self->selection_mode && removed > 0 && g_hash_table_size (self->checked) > 0)
    {
      guint n_items = g_list_model_get_n_items (model);
      g_autoptr(GArray) ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), MAX (n_items, 1));
      g_autoptr(GHashTable) present = g_hash_table_new (g_int64_hash, g_int64_equal);
      GHashTableIter iter;
      gpointer key;

      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardConversation) conversation = g_list_model_get_item (model, i);
          gint64 id = steward_conversation_get_id (conversation);

          g_array_append_val (ids, id);
        }

      /* Sized beforehand: the array's data stays where it is. */
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (present, &g_array_index (ids, gint64, i));

      g_hash_table_iter_init (&iter, self->checked);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (!g_hash_table_contains (present, key))
          g_hash_table_iter_remove (&iter);

      update_selection_bar (self);
    }
}

static void
setup_cb (StewardChatPage          *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory);

static void
bind_cb (StewardChatPage          *self,
         GtkListItem              *list_item,
         GtkSignalListItemFactory *factory);

static void
unbind_cb (StewardChatPage          *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory);

/* -- selection mode ------------------------------------------------------ */

static void
update_selection_bar (StewardChatPage *self)
{
  guint n_checked = g_hash_table_size (self->checked);
  g_autofree char *text = NULL;

  if (n_checked == 0)
    text = g_strdup (_("No conversations selected"));
  else
    /* Translators: in the conversation list's selection mode */
    text = g_strdup_printf (ngettext ("%u selected", "%u selected", n_checked), n_checked);

  gtk_label_set_label (self->selected_label, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_selected_button), n_checked > 0);
}

static gboolean
is_checked (StewardChatPage *self,
            gint64           id)
{
  return g_hash_table_contains (self->checked, &id);
}

static void
set_checked (StewardChatPage *self,
             gint64           id,
             gboolean         checked)
{
  if (checked == is_checked (self, id))
    return;

  if (checked)
    g_hash_table_add (self->checked, g_memdup2 (&id, sizeof id));
  else
    g_hash_table_remove (self->checked, &id);

  update_selection_bar (self);
}

static void
row_checked_cb (StewardChatPage        *self,
                GParamSpec             *pspec,
                StewardConversationRow *row)
{
  StewardConversation *conversation = steward_conversation_row_get_item (row);

  if (conversation == NULL || !self->selection_mode)
    return;

  set_checked (self, steward_conversation_get_id (conversation),
               steward_conversation_row_get_checked (row));
}

void
_steward_chat_page_set_selection_mode (StewardChatPage *self,
                                       gboolean         selection_mode)
{
  g_return_if_fail (STEWARD_IS_CHAT_PAGE (self));

  selection_mode = !!selection_mode;
  if (self->selection_mode == selection_mode)
    return;

  self->selection_mode = selection_mode;
  g_hash_table_remove_all (self->checked);

  for (guint i = 0; i < self->bound_items->len; i++)
    {
      StewardConversationRow *row = item_row (g_ptr_array_index (self->bound_items, i));

      steward_conversation_row_set_checked (row, FALSE);
      steward_conversation_row_set_selection_mode (row, selection_mode);
    }

  if (selection_mode)
    gtk_widget_add_css_class (GTK_WIDGET (self->conversation_list), "steward-selection-mode");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->conversation_list), "steward-selection-mode");

  gtk_toggle_button_set_active (self->select_button, selection_mode);
  gtk_action_bar_set_revealed (self->selection_bar, selection_mode);
  gtk_widget_set_sensitive (GTK_WIDGET (self->new_button), !selection_mode);
  update_selection_bar (self);

  /* The cursor may have moved: the open conversation is selected again. */
  if (!selection_mode)
    _steward_chat_page_select (self, steward_chat_view_get_conversation_id (self->chat_view));
}

static void
select_button_active_cb (StewardChatPage *self,
                         GParamSpec      *pspec,
                         GtkToggleButton *button)
{
  _steward_chat_page_set_selection_mode (self, gtk_toggle_button_get_active (button));
}

static void
select_all_clicked_cb (StewardChatPage *self,
                       GtkButton       *button)
{
  GListModel *model = G_LIST_MODEL (self->filtered);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StewardConversation) conversation = g_list_model_get_item (model, i);

      set_checked (self, steward_conversation_get_id (conversation), TRUE);
    }

  for (guint i = 0; i < self->bound_items->len; i++)
    steward_conversation_row_set_checked (item_row (g_ptr_array_index (self->bound_items, i)), TRUE);
}

static void
delete_selected_clicked_cb (StewardChatPage *self,
                            GtkButton       *button)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GListModel *model = G_LIST_MODEL (self->filtered);

  /* In the list's order, newest first. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(StewardConversation) conversation = g_list_model_get_item (model, i);
      gint64 id = steward_conversation_get_id (conversation);

      if (is_checked (self, id))
        g_array_append_val (ids, id);
    }

  _steward_chat_page_set_selection_mode (self, FALSE);
  _steward_chat_page_delete (self, (const gint64 *)(gpointer)ids->data, ids->len);
  gtk_widget_grab_focus (GTK_WIDGET (self->conversation_list));
}

/* -- the factory --------------------------------------------------------- */

static void
setup_cb (StewardChatPage          *self,
          GtkListItem              *list_item,
          GtkSignalListItemFactory *factory)
{
  GtkWidget *row = g_object_new (STEWARD_TYPE_CONVERSATION_ROW, NULL);

  g_signal_connect_object (row, "notify::checked", G_CALLBACK (row_checked_cb), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (list_item, row);
}

static void
bind_cb (StewardChatPage          *self,
         GtkListItem              *list_item,
         GtkSignalListItemFactory *factory)
{
  StewardConversation *conversation = gtk_list_item_get_item (list_item);
  StewardConversationRow *row = item_row (list_item);
  g_autoptr(GDateTime) now = steward_local_now ();

  steward_conversation_row_set_item (row, conversation);
  steward_conversation_row_set_selection_mode (row, self->selection_mode);
  steward_conversation_row_set_checked (row, self->selection_mode &&
                                             is_checked (self, steward_conversation_get_id (conversation)));

  /* Written to in place, a conversation may change group: its row's
   * heading and the next row's follow. */
  g_signal_connect_object (conversation, "notify::updated-at",
                           G_CALLBACK (update_headers), self, G_CONNECT_SWAPPED);

  g_ptr_array_add (self->bound_items, list_item);
  update_header (self, list_item, now);
}

static void
unbind_cb (StewardChatPage          *self,
           GtkListItem              *list_item,
           GtkSignalListItemFactory *factory)
{
  StewardConversationRow *row = item_row (list_item);
  StewardConversation *conversation = steward_conversation_row_get_item (row);

  if (conversation != NULL)
    g_signal_handlers_disconnect_by_func (conversation, update_headers, self);

  g_ptr_array_remove_fast (self->bound_items, list_item);
  steward_conversation_row_set_header (row, NULL);
  steward_conversation_row_set_item (row, NULL);
}

/* -- keys ---------------------------------------------------------------- */

/* The row that has the focus itself, if any: not when the focus is in
 * the row's open menu, whose keys are its own. */
static StewardConversationRow *
focused_row (StewardChatPage *self)
{
  GtkWidget *list_item = gtk_widget_get_focus_child (GTK_WIDGET (self->conversation_list));
  GtkWidget *child;

  if (list_item == NULL || !gtk_widget_is_focus (list_item) ||
      (child = gtk_widget_get_first_child (list_item)) == NULL ||
      !STEWARD_IS_CONVERSATION_ROW (child))
    return NULL;

  return STEWARD_CONVERSATION_ROW (child);
}

static void
activate_on_row (StewardChatPage        *self,
                 StewardConversationRow *row,
                 const char             *action_name)
{
  StewardConversation *conversation = steward_conversation_row_get_item (row);

  if (conversation != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action_name, "x",
                                steward_conversation_get_id (conversation));
}

static gboolean
list_key_pressed_cb (StewardChatPage       *self,
                     guint                  keyval,
                     guint                  keycode,
                     GdkModifierType        state,
                     GtkEventControllerKey *controller)
{
  StewardConversationRow *row = focused_row (self);
  GdkModifierType modifiers = state & gtk_accelerator_get_default_mod_mask ();

  if (row == NULL)
    return GDK_EVENT_PROPAGATE;

  switch (keyval)
    {
    case GDK_KEY_Tab:
    case GDK_KEY_KP_Tab:
    case GDK_KEY_ISO_Left_Tab:
      if ((modifiers & ~GDK_SHIFT_MASK) != 0)
        return GDK_EVENT_PROPAGATE;
      steward_focus_leave (GTK_WIDGET (self->conversation_list),
                           (modifiers & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab
                             ? GTK_DIR_TAB_BACKWARD : GTK_DIR_TAB_FORWARD);
      return GDK_EVENT_STOP;

    case GDK_KEY_Menu:
    case GDK_KEY_F10:
      if (keyval == GDK_KEY_F10 && modifiers != GDK_SHIFT_MASK)
        return GDK_EVENT_PROPAGATE;
      if (keyval == GDK_KEY_Menu && modifiers != 0)
        return GDK_EVENT_PROPAGATE;
      steward_conversation_row_popup_menu (row);
      return GDK_EVENT_STOP;

    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      if (modifiers != 0)
        return GDK_EVENT_PROPAGATE;
      if (self->selection_mode)
        {
          if (g_hash_table_size (self->checked) > 0)
            delete_selected_clicked_cb (self, NULL);
        }
      else
        {
          activate_on_row (self, row, "chat.delete-conversation");
          /* The focused row went with it: the list keeps the focus. */
          gtk_widget_grab_focus (GTK_WIDGET (self->conversation_list));
        }
      return GDK_EVENT_STOP;

    case GDK_KEY_F2:
      if (modifiers != 0 || self->selection_mode)
        return GDK_EVENT_PROPAGATE;
      activate_on_row (self, row, "chat.rename-conversation");
      return GDK_EVENT_STOP;

    case GDK_KEY_space:
    case GDK_KEY_KP_Space:
      if (!self->selection_mode || modifiers != 0)
        return GDK_EVENT_PROPAGATE;
      steward_conversation_row_set_checked (row, !steward_conversation_row_get_checked (row));
      return GDK_EVENT_STOP;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

/* Entering the list from elsewhere by keyboard focuses the open
 * conversation's row rather than the row focused last. A click focuses
 * the row clicked: GtkListItemWidget marks it active when pressed, and
 * selects it when released. */
static gboolean
focus_selected_cb (gpointer user_data)
{
  StewardChatPage *self = user_data;
  guint selected = gtk_single_selection_get_selected (self->selection);
  GtkWidget *focused = gtk_widget_get_focus_child (GTK_WIDGET (self->conversation_list));

  self->focus_selected_source = 0;

  if (focused == NULL || self->selection_mode || selected == GTK_INVALID_LIST_POSITION ||
      (gtk_widget_get_state_flags (focused) & GTK_STATE_FLAG_ACTIVE) != 0)
    return G_SOURCE_REMOVE;

  for (guint i = 0; i < self->bound_items->len; i++)
    {
      GtkListItem *list_item = g_ptr_array_index (self->bound_items, i);
      GtkWidget *item_widget = gtk_widget_get_parent (gtk_list_item_get_child (list_item));

      if (gtk_list_item_get_position (list_item) == selected)
        {
          if (item_widget != NULL && item_widget != focused)
            gtk_widget_grab_focus (item_widget);
          break;
        }
    }

  return G_SOURCE_REMOVE;
}

/* When the focus enters, GTK has not finished moving it (nor would a move
 * from here hold): the row is chosen just after. The window's focus is
 * still where it comes from, unless the window itself comes back to the
 * front, with its focus on a row already: that row keeps it. */
static void
list_focus_enter_cb (StewardChatPage          *self,
                     GtkEventControllerFocus  *controller)
{
  GtkWidget *list = GTK_WIDGET (self->conversation_list);
  GtkRoot *root = gtk_widget_get_root (list);
  GtkWidget *focus;

  if (root == NULL || self->selection_mode || self->focus_selected_source != 0)
    return;

  focus = gtk_root_get_focus (root);
  if (focus != NULL && (focus == list || gtk_widget_is_ancestor (focus, list)))
    return;

  self->focus_selected_source = g_idle_add (focus_selected_cb, self);
}

static gboolean
escape_cb (GtkWidget *widget,
           GVariant  *args,
           gpointer   user_data)
{
  StewardChatPage *self = STEWARD_CHAT_PAGE (widget);

  if (!self->selection_mode)
    return FALSE;

  _steward_chat_page_set_selection_mode (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->conversation_list));

  return TRUE;
}

/* -- setup --------------------------------------------------------------- */

void
_steward_chat_page_class_init_list (GtkWidgetClass *widget_class)
{
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_cb, NULL);

  gtk_widget_class_bind_template_callback (widget_class, delete_selected_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_all_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, select_button_active_cb);
}

void
_steward_chat_page_init_list (StewardChatPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkEventController *controller;

  self->bound_items = g_ptr_array_new ();
  self->checked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_factory (self->conversation_list, factory);

  /* After the list view's own handler: the rows are in their places. */
  g_signal_connect_object (self->selection, "items-changed",
                           G_CALLBACK (selection_items_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  /* Before the rows' own bindings (Space selects there). */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "key-pressed", G_CALLBACK (list_key_pressed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->conversation_list), controller);

  controller = gtk_event_controller_focus_new ();
  g_signal_connect_object (controller, "enter", G_CALLBACK (list_focus_enter_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->conversation_list), controller);

  /* F6 stops here, between the pages and the messages. */
  gtk_widget_add_css_class (GTK_WIDGET (self->conversation_list), STEWARD_FOCUS_PANE_CLASS);

  update_selection_bar (self);
  schedule_new_day (self);
}

void
_steward_chat_page_finalize_list (StewardChatPage *self)
{
  g_clear_pointer (&self->bound_items, g_ptr_array_unref);
  g_clear_pointer (&self->checked, g_hash_table_unref);
}
