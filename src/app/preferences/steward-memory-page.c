/* steward-memory-page.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-memory-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-date-format.h"
#include "steward-memory-page.h"

/* "Things Steward Remembers": the long-term memories, as a group of rows
 * the Preferences window places on its Memory page. Each row can be
 * pinned (always sent), edited and forgotten (with Undo).
 *
 * The rows follow the services' list of memories, which follows the
 * store: a change to one memory remakes its row only, so the others
 * keep their state (and the keyboard its place).
 *
 * This is not a StewardListPage: a preferences group keeps its rows in
 * one boxed list, with "Add a Fact" on top and the empty state as a row
 * under it, and a stack of status pages cannot sit in that list. It
 * keeps the same conventions: nothing while the list is not there yet,
 * the empty state when the list has no items, and a titled error with
 * the message when it cannot be read.
 */
struct _StewardMemoryPage
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkButton           *add_button;
  AdwEntryRow         *add_row;
  AdwActionRow        *empty_row;
  AdwActionRow        *error_row;

  /* Owned */
  StewardServices     *services;
  /* The memories as shown: the pinned ones first, each part in the
   * store's order; %NULL until the store is open. */
  GListModel          *memories;
  /* The memory rows, borrowed, in the order of @memories. */
  GPtrArray           *rows;
};

G_DEFINE_FINAL_TYPE (StewardMemoryPage, steward_memory_page, ADW_TYPE_PREFERENCES_GROUP)

/* What Undo needs to bring a forgotten memory back. */
typedef struct
{
  StewardStore *store;
  char         *text;
  StewardMemoryOrigin origin;
  gint64        source_message_id;
  gboolean      pinned;
} Forgotten;

static void
forgotten_free (gpointer data)
{
  Forgotten *forgotten = data;

  g_clear_object (&forgotten->store);
  g_free (forgotten->text);
  g_free (forgotten);
}

GtkWidget *
steward_memory_page_new (void)
{
  return g_object_new (STEWARD_TYPE_MEMORY_PAGE, NULL);
}

/* Where the memories are written: the services' store, once open. */
static StewardStore *
get_store (StewardMemoryPage *self)
{
  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  return steward_services_get_store (self->services);
}

static void
steward_memory_page_toast (StewardMemoryPage *self,
                           AdwToast          *toast)
{
  GtkRoot *root;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
steward_memory_page_show_error (StewardMemoryPage *self,
                                const GError      *error)
{
  g_autofree char *markup = NULL;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  /* Toast titles are markup (use-markup is libadwaita 1.4). */
  markup = g_markup_escape_text (error->message, -1);
  steward_memory_page_toast (self, adw_toast_new (markup));
}

static const char *
origin_label (StewardMemoryOrigin origin)
{
  if (origin == STEWARD_MEMORY_ORIGIN_CHAT)
    return _("From a conversation");
  if (origin == STEWARD_MEMORY_ORIGIN_AUTO)
    return _("Suggested after a conversation");
  return _("Added by you");
}

static char *
dup_subtitle (StewardMemory *memory)
{
  g_autofree char *when = steward_date_format_relative (steward_memory_get_created_at (memory), NULL);

  if (when[0] == '\0')
    return g_strdup (origin_label (steward_memory_get_origin (memory)));

  /* Translators: where a remembered fact came from, then when, as in
   * "Added by you · Yesterday"
   */
  return g_strdup_printf (_("%s · %s"), origin_label (steward_memory_get_origin (memory)), when);
}

static StewardMemory *
get_memory (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "memory");
}

/* Puts the keyboard on a button ("pin", "edit") of the row of memory
 * @id: a changed memory's row is made anew, and the button that changed
 * it went with the old one. */
static void
steward_memory_page_focus_row (StewardMemoryPage *self,
                               gint64             id,
                               const char        *button)
{
  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);

      if (steward_memory_get_id (get_memory (GTK_WIDGET (row))) == id)
        {
          gtk_widget_grab_focus (g_object_get_data (row, button));
          return;
        }
    }
}

static void
pin_toggled_cb (StewardMemoryPage *self,
                GtkToggleButton   *button)
{
  StewardMemory *memory = get_memory (GTK_WIDGET (button));
  StewardStore *store = get_store (self);
  gboolean pinned = gtk_toggle_button_get_active (button);
  gint64 id = steward_memory_get_id (memory);
  g_autoptr(GError) error = NULL;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  if (store == NULL || pinned == steward_memory_get_pinned (memory))
    return;

  /* The row moves (pinned ones go first), made anew: this button and
   * its memory may be gone once the store has told of the change. */
  if (!steward_store_set_memory_pinned (store, id, pinned, &error))
    {
      steward_memory_page_show_error (self, error);
      gtk_toggle_button_set_active (button, steward_memory_get_pinned (memory));
      return;
    }

  steward_memory_page_focus_row (self, id, "pin");
}

static void
undo_forget_cb (AdwToast *toast,
                gpointer  user_data)
{
  Forgotten *forgotten = g_object_get_data (G_OBJECT (toast), "forgotten");
  g_autoptr(GError) error = NULL;

  if (forgotten == NULL)
    return;

  /* Undone: it was not forgotten after all. */
  if (!steward_store_unforget_memory (forgotten->store, forgotten->text, &error) ||
      !steward_store_add_memory (forgotten->store,
                                 forgotten->text,
                                 forgotten->pinned,
                                 forgotten->origin,
                                 forgotten->source_message_id,
                                 &error))
    g_warning ("Cannot bring the memory back: %s", error->message);
}

static void
forget_clicked_cb (StewardMemoryPage *self,
                   GtkButton         *button)
{
  StewardMemory *memory = get_memory (GTK_WIDGET (button));
  StewardStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  Forgotten *forgotten;
  AdwToast *toast;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  if (store == NULL)
    return;

  forgotten = g_new0 (Forgotten, 1);
  forgotten->store = g_object_ref (store);
  forgotten->text = g_strdup (steward_memory_get_text (memory));
  forgotten->origin = steward_memory_get_origin (memory);
  forgotten->source_message_id = steward_memory_get_source_message_id (memory);
  forgotten->pinned = steward_memory_get_pinned (memory);

  if (!steward_store_forget_memory (store, steward_memory_get_id (memory), &error))
    {
      forgotten_free (forgotten);
      steward_memory_page_show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Forgotten"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "forgotten", forgotten, forgotten_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_forget_cb), NULL);
  steward_memory_page_toast (self, toast);

  /* The row and its button are gone: keep the keyboard in the group. */
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
edit_entry_changed_cb (AdwMessageDialog *dialog,
                       GtkEditable      *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", text[0] != '\0');
}

static void
edit_response_cb (StewardMemoryPage *self,
                  const char        *response,
                  AdwMessageDialog  *dialog)
{
  StewardMemory *memory = get_memory (GTK_WIDGET (dialog));
  StewardStore *store = get_store (self);
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  const char *text;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  if (g_strcmp0 (response, "save") != 0 || store == NULL)
    return;

  text = gtk_editable_get_text (entry);
  if (g_strcmp0 (text, steward_memory_get_text (memory)) == 0)
    return;

  if (!steward_store_set_memory_text (store, steward_memory_get_id (memory), text, &error))
    {
      steward_memory_page_show_error (self, error);
      return;
    }

  steward_memory_page_focus_row (self, steward_memory_get_id (memory), "edit");
}

static void
edit_clicked_cb (StewardMemoryPage *self,
                 GtkButton         *button)
{
  StewardMemory *memory = get_memory (GTK_WIDGET (button));
  GtkWidget *dialog;
  GtkWidget *entry;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Edit Memory"),
                                   _("Steward sends this to the model as you write it here."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), steward_memory_get_text (memory));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Memory"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data_full (G_OBJECT (dialog), "memory", g_object_ref (memory), g_object_unref);
  g_signal_connect_object (entry, "changed",
                           G_CALLBACK (edit_entry_changed_cb),
                           dialog,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (edit_response_cb),
                           self,
                           G_CONNECT_SWAPPED);

  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static GtkWidget *
create_button (StewardMemoryPage *self,
               GType              type,
               StewardMemory     *memory,
               const char        *icon_name,
               const char        *label)
{
  GtkWidget *button = g_object_new (type,
                                    "icon-name", icon_name,
                                    "tooltip-text", label,
                                    "valign", GTK_ALIGN_CENTER,
                                    NULL);

  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "memory", g_object_ref (memory), g_object_unref);

  return button;
}

static GtkWidget *
steward_memory_page_create_row (StewardMemoryPage *self,
                                StewardMemory     *memory)
{
  g_autofree char *subtitle = dup_subtitle (memory);
  gboolean pinned = steward_memory_get_pinned (memory);
  GtkWidget *row;
  GtkWidget *pin;
  GtkWidget *edit;
  GtkWidget *forget;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), steward_memory_get_text (memory));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data_full (G_OBJECT (row), "memory", g_object_ref (memory), g_object_unref);

  pin = create_button (self, GTK_TYPE_TOGGLE_BUTTON, memory, "view-pin-symbolic",
                       pinned ? _("Unpin") : _("Pin"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (pin), pinned);
  if (pinned)
    gtk_widget_set_tooltip_text (pin, _("Unpin (Pinned Facts Are Always Sent)"));
  else
    gtk_widget_set_tooltip_text (pin, _("Pin to Always Send"));
  g_signal_connect_object (pin, "toggled", G_CALLBACK (pin_toggled_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), pin);

  edit = create_button (self, GTK_TYPE_BUTTON, memory, "document-edit-symbolic", _("Edit"));
  g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), edit);

  forget = create_button (self, GTK_TYPE_BUTTON, memory, "user-trash-symbolic", _("Forget"));
  g_signal_connect_object (forget, "clicked", G_CALLBACK (forget_clicked_cb), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), forget);

  /* Borrowed: the row holds them. */
  g_object_set_data (G_OBJECT (row), "pin", pin);
  g_object_set_data (G_OBJECT (row), "edit", edit);

  return row;
}

/* The boxed list the group keeps its rows in. The group can only add a
 * row at the end; a memory's row goes at its place, under "Add a Fact"
 * (always the first row: the empty and error rows stay last). */
static GtkListBox *
steward_memory_page_get_list_box (StewardMemoryPage *self)
{
  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  return GTK_LIST_BOX (gtk_widget_get_parent (GTK_WIDGET (self->add_row)));
}

static void
steward_memory_page_update_state (StewardMemoryPage *self)
{
  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  gtk_widget_set_sensitive (GTK_WIDGET (self), get_store (self) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->empty_row),
                          self->memories != NULL && g_list_model_get_n_items (self->memories) == 0);
}

static void
memories_changed_cb (StewardMemoryPage *self,
                     guint              position,
                     guint              removed,
                     guint              added,
                     GListModel        *memories)
{
  GtkListBox *list_box;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));
  g_assert (position + removed <= self->rows->len);

  list_box = steward_memory_page_get_list_box (self);

  for (guint i = 0; i < removed; i++)
    gtk_list_box_remove (list_box, g_ptr_array_index (self->rows, position + i));
  g_ptr_array_remove_range (self->rows, position, removed);

  for (guint i = 0; i < added; i++)
    {
      g_autoptr(StewardMemory) memory = g_list_model_get_item (memories, position + i);
      GtkWidget *row = steward_memory_page_create_row (self, memory);

      gtk_list_box_insert (list_box, row, 1 + position + i);
      g_ptr_array_insert (self->rows, position + i, row);
    }

  steward_memory_page_update_state (self);
}

/* The pinned memories first, since they are the ones always sent, then
 * the others; each part in the store's order, the most recent first. */
static GListModel *
create_pinned_first (GListModel *memories)
{
  g_autoptr(GListStore) parts = g_list_store_new (G_TYPE_LIST_MODEL);

  for (guint pinned = 0; pinned < 2; pinned++)
    {
      GtkBoolFilter *filter;
      g_autoptr(GtkFilterListModel) part = NULL;

      filter = gtk_bool_filter_new (gtk_property_expression_new (STEWARD_TYPE_MEMORY, NULL, "pinned"));
      gtk_bool_filter_set_invert (filter, pinned == 1);
      part = gtk_filter_list_model_new (g_object_ref (memories), GTK_FILTER (filter));
      g_list_store_append (parts, part);
    }

  return G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (g_steal_pointer (&parts))));
}

static void
services_ready_cb (StewardMemoryPage *self,
                   GParamSpec        *pspec,
                   StewardServices   *services)
{
  g_autoptr(GError) error = NULL;
  const GError *shown_error;
  StewardRowList *memories = NULL;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));
  g_assert (STEWARD_IS_SERVICES (services));

  if (!steward_services_get_ready (services) || self->memories != NULL)
    return;

  if (!(shown_error = steward_services_get_open_error (services)))
    {
      if (!(memories = steward_services_get_memories (services, &error)))
        shown_error = error;
      else
        /* Read at once: memories are few. */
        shown_error = steward_row_list_get_error (memories);
    }

  if (shown_error != NULL)
    {
      adw_action_row_set_subtitle (self->error_row, shown_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_row), TRUE);
      steward_memory_page_update_state (self);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_row), FALSE);
  self->memories = create_pinned_first (G_LIST_MODEL (memories));
  g_signal_connect_object (self->memories,
                           "items-changed",
                           G_CALLBACK (memories_changed_cb),
                           self,
                           G_CONNECT_SWAPPED);
  memories_changed_cb (self, 0, 0, g_list_model_get_n_items (self->memories), self->memories);
}

static void
steward_memory_page_add (StewardMemoryPage *self)
{
  StewardStore *store = get_store (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  if (store == NULL || text[0] == '\0')
    return;

  if (!steward_store_add_memory (store, text, FALSE, STEWARD_MEMORY_ORIGIN_USER, 0, &error))
    {
      steward_memory_page_show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

static void
add_row_changed_cb (StewardMemoryPage *self,
                    GtkEditable       *editable)
{
  g_autofree char *text = NULL;

  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), text[0] != '\0');
}

static void
add_row_activated_cb (StewardMemoryPage *self,
                      AdwEntryRow       *row)
{
  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  steward_memory_page_add (self);
}

static void
add_button_clicked_cb (StewardMemoryPage *self,
                       GtkButton         *button)
{
  g_assert (STEWARD_IS_MEMORY_PAGE (self));

  steward_memory_page_add (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
}

static void
steward_memory_page_dispose (GObject *object)
{
  StewardMemoryPage *self = (StewardMemoryPage *)object;

  if (self->memories != NULL)
    g_signal_handlers_disconnect_by_func (self->memories, memories_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_MEMORY_PAGE);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->memories);
  g_clear_object (&self->services);

  G_OBJECT_CLASS (steward_memory_page_parent_class)->dispose (object);
}

static void
steward_memory_page_class_init (StewardMemoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_memory_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-memory-page.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardMemoryPage, add_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMemoryPage, add_row);
  gtk_widget_class_bind_template_child (widget_class, StewardMemoryPage, empty_row);
  gtk_widget_class_bind_template_child (widget_class, StewardMemoryPage, error_row);
  gtk_widget_class_bind_template_callback (widget_class, add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_row_changed_cb);
}

static void
steward_memory_page_init (StewardMemoryPage *self)
{
  self->rows = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The store opens after the first window shows: until then, nothing. */
  self->services = g_object_ref (STEWARD_SERVICES_DEFAULT);
  g_signal_connect_object (self->services,
                           "notify::ready",
                           G_CALLBACK (services_ready_cb),
                           self,
                           G_CONNECT_SWAPPED);
  services_ready_cb (self, NULL, self->services);
  steward_memory_page_update_state (self);
}
