/* steward-message-row.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-message-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-attachment-strip.h"
#include "steward-chat-view.h"
#include "steward-markdown-view.h"
#include "steward-message-details.h"
#include "steward-message-row.h"
#include "steward-read-aloud.h"

/* One message of the conversation view. Rows are recycled by the list
 * view: everything shown follows the "item" property. A streaming reply
 * is followed through notify::content, appending only what is new.
 *
 * Built in code, not from a template, and only with the parts a message
 * needs: opening a long conversation builds a couple of hundred rows at
 * once, and a template costs a GtkBuilder parse for each. The spinner,
 * the error bar, the "Stopped" label and each action button are created
 * the first time a message needs them and kept for the rows' later
 * messages.
 */

/* The action buttons, in the order they appear: ‹ 1/2 › first. */
enum {
  SLOT_ALTERNATIVES,
  SLOT_STOPPED,
  SLOT_PROPOSED,
  SLOT_COPY,
  SLOT_EDIT,
  SLOT_REGENERATE,
  SLOT_EXTRACT,
  SLOT_READ_ALOUD,
  SLOT_DETAILS,
  N_SLOTS
};

struct _StewardMessageRow
{
  GtkWidget            parent_instance;

  /* Borrowed: children, some created when first needed */
  GtkLabel            *author_label;
  GtkWidget           *bubble;
  GtkWidget           *attachment_strip;
  StewardMarkdownView *markdown_view;
  GtkWidget           *spinner;
  GtkWidget           *error_box;
  GtkLabel            *error_label;
  GtkWidget           *retry_button;
  GtkWidget           *actions_box;
  GtkWidget           *slots[N_SLOTS];
  /* In SLOT_ALTERNATIVES */
  GtkWidget           *previous_button;
  GtkLabel            *alternative_label;
  GtkWidget           *next_button;

  /* Owned */
  StewardMessage      *item;
  /* The window's Read Aloud, while the row is in one */
  StewardReadAloud    *read_aloud;
  /* "Extract Tasks" in the context menu of the message's text */
  GMenu               *text_menu;

  gint64               last_reply_id;
  /* How much of the item's content the view shows. */
  gsize                shown_len;
  /* How many tasks a finished reply proposes ("Add 3 Tasks") */
  guint                n_proposed;
  guint                content_tick_id;
  guint                user : 1;
};

G_DEFINE_FINAL_TYPE (StewardMessageRow, steward_message_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  PROP_LAST_REPLY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
steward_message_row_new (void)
{
  return g_object_new (STEWARD_TYPE_MESSAGE_ROW, NULL);
}

static gboolean
is_streaming (StewardMessageRow *self)
{
  return self->item != NULL && steward_message_get_status (self->item) == STEWARD_MESSAGE_STATUS_STREAMING;
}

static void
set_visible (GtkWidget *widget,
             gboolean   visible)
{
  if (widget != NULL)
    gtk_widget_set_visible (widget, visible);
}

/* -- parts created on demand ---------------------------------------------- */

static GtkWidget *
create_icon_button (const char *icon_name,
                    const char *tooltip,
                    const char *accessible_label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);

  return button;
}

static void
set_target (GtkWidget  *widget,
            const char *action_name,
            gint64      id)
{
  /* The target first: the action takes an int64. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (widget), "x", id);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), action_name);
}

/* The action of each button that has one, with the message id. */
static const char * const slot_actions[N_SLOTS] = {
  [SLOT_PROPOSED] = "chat.add-proposed-tasks",
  [SLOT_COPY] = "chat.copy-message",
  [SLOT_EDIT] = "chat.edit-message",
  [SLOT_REGENERATE] = "chat.regenerate",
  [SLOT_EXTRACT] = "chat.extract-tasks",
  [SLOT_READ_ALOUD] = "message.read-aloud",
};

static void
create_details_popup_cb (GtkMenuButton *menu_button,
                         gpointer       user_data)
{
  StewardMessageRow *self = user_data;
  GtkWidget *popover;

  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  popover = gtk_popover_new ();
  gtk_widget_add_css_class (popover, "steward-details-popover");
  gtk_menu_button_set_popover (menu_button, popover);

  if (self->item != NULL)
    gtk_popover_set_child (GTK_POPOVER (popover), steward_message_details_new (self->item));
}

static GtkWidget *
ensure_slot (StewardMessageRow *self,
             guint              slot)
{
  GtkWidget *widget;
  GtkWidget *previous = NULL;

  if (self->slots[slot] != NULL)
    return self->slots[slot];

  switch (slot)
    {
    case SLOT_ALTERNATIVES:
      /* A reply written again keeps the ones before: ‹ 2/3 › */
      widget = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (widget, "steward-alternatives");
      self->previous_button = create_icon_button ("go-previous-symbolic", _("Previous Reply"),
                                                  _("Previous Reply"));
      self->alternative_label = GTK_LABEL (gtk_label_new (NULL));
      gtk_widget_add_css_class (GTK_WIDGET (self->alternative_label), "caption");
      gtk_widget_add_css_class (GTK_WIDGET (self->alternative_label), "numeric");
      self->next_button = create_icon_button ("go-next-symbolic", _("Next Reply"), _("Next Reply"));
      gtk_box_append (GTK_BOX (widget), self->previous_button);
      gtk_box_append (GTK_BOX (widget), GTK_WIDGET (self->alternative_label));
      gtk_box_append (GTK_BOX (widget), self->next_button);
      break;

    case SLOT_STOPPED:
      widget = gtk_label_new (_("Stopped"));
      gtk_widget_set_margin_end (widget, 6);
      gtk_widget_add_css_class (widget, "caption");
      gtk_widget_add_css_class (widget, "dim-label");
      gtk_widget_add_css_class (widget, "steward-stopped");
      break;

    case SLOT_COPY:
      widget = create_icon_button ("edit-copy-symbolic", _("Copy"), _("Copy"));
      break;

    case SLOT_EDIT:
      widget = create_icon_button ("document-edit-symbolic", _("Edit and Resend"), _("Edit"));
      break;

    case SLOT_REGENERATE:
      widget = create_icon_button ("view-refresh-symbolic", _("Regenerate"), _("Regenerate"));
      break;

    case SLOT_PROPOSED:
      /* Its label says how many: "Add 3 Tasks" */
      widget = gtk_button_new ();
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_add_css_class (widget, "steward-proposed-tasks");
      break;

    case SLOT_EXTRACT:
      widget = create_icon_button ("task-due-symbolic",
                                   _("Extract Tasks (from the selected text, if any)"),
                                   _("Extract Tasks"));
      break;

    case SLOT_READ_ALOUD:
      /* Its icon and name follow the reading: update_read_aloud() */
      widget = create_icon_button ("audio-speakers-symbolic", _("Read Aloud"), _("Read Aloud"));
      break;

    case SLOT_DETAILS:
    default:
      widget = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (widget), "dialog-information-symbolic");
      gtk_widget_add_css_class (widget, "flat");
      gtk_widget_set_tooltip_text (widget, _("Details"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Details"),
                                      -1);
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (widget), create_details_popup_cb, self, NULL);
      break;
    }

  if (self->actions_box == NULL)
    {
      self->actions_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 2);
      gtk_widget_add_css_class (self->actions_box, "steward-message-actions");
      gtk_widget_set_halign (self->actions_box, self->user ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_widget_insert_before (self->actions_box, GTK_WIDGET (self), NULL);
    }

  /* "Stopped" comes with the box (hidden): a label costs little, and a
   * widget added later to a shown row reaches screen readers late. */
  if (slot != SLOT_STOPPED && self->slots[SLOT_STOPPED] == NULL)
    {
      ensure_slot (self, SLOT_STOPPED);
      gtk_widget_set_visible (self->slots[SLOT_STOPPED], FALSE);
    }

  for (guint i = 0; i < slot; i++)
    if (self->slots[i] != NULL)
      previous = self->slots[i];

  gtk_box_insert_child_after (GTK_BOX (self->actions_box), widget, previous);
  self->slots[slot] = widget;

  if (slot == SLOT_READ_ALOUD)
    gtk_actionable_set_action_name (GTK_ACTIONABLE (widget), slot_actions[slot]);
  else if (self->item != NULL && slot_actions[slot] != NULL)
    set_target (widget, slot_actions[slot], steward_message_get_id (self->item));

  return widget;
}

static void
ensure_error_box (StewardMessageRow *self)
{
  GtkWidget *image;

  if (self->error_box != NULL)
    return;

  self->error_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->error_box, "steward-inline-error");

  image = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_set_valign (image, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->error_box), image);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0.0f);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_wrap_mode (self->error_label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->error_label), TRUE);
  gtk_box_append (GTK_BOX (self->error_box), GTK_WIDGET (self->error_label));

  /* A label child of our own: gtk_button_new_with_mnemonic() would name
   * the button by its label, "_Retry", over the accessible label. */
  self->retry_button = gtk_button_new ();
  gtk_button_set_child (GTK_BUTTON (self->retry_button), gtk_label_new_with_mnemonic (_("_Retry")));
  gtk_widget_set_valign (self->retry_button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->retry_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Retry"),
                                  -1);
  if (self->item != NULL)
    set_target (self->retry_button, "chat.retry", steward_message_get_id (self->item));
  gtk_box_append (GTK_BOX (self->error_box), self->retry_button);

  gtk_widget_insert_after (self->error_box, GTK_WIDGET (self), self->bubble);
}

static void
ensure_spinner (StewardMessageRow *self)
{
  if (self->spinner != NULL)
    return;

  /* Not a GtkSpinner: an animation asks for a frame every vsync, and the
   * reply is read below redraw priority, so on a slow machine a spinner
   * could keep the very reply it waits for from arriving. */
  self->spinner = gtk_label_new (_("Writing…"));
  gtk_label_set_xalign (GTK_LABEL (self->spinner), 0.0f);
  gtk_widget_add_css_class (self->spinner, "dim-label");
  gtk_widget_add_css_class (self->spinner, "steward-writing");
  gtk_box_append (GTK_BOX (self->bubble), self->spinner);
}

/* -- state ---------------------------------------------------------------- */

/* ‹ or › of @id, or unavailable (no action: the action's enabled state
 * would make it sensitive again) when there is nothing that way. */
static void
set_step_target (GtkWidget  *button,
                 const char *action_name,
                 gint64      id)
{
  if (id != 0)
    {
      gtk_widget_set_sensitive (button, TRUE);
      set_target (button, action_name, id);
    }
  else
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), NULL);
      gtk_widget_set_sensitive (button, FALSE);
    }
}

static void
update_alternatives (StewardMessageRow *self)
{
  guint alternative = steward_message_get_alternative (self->item);
  guint n_alternatives = steward_message_get_n_alternatives (self->item);
  g_autofree char *position = NULL;
  g_autofree char *description = NULL;

  ensure_slot (self, SLOT_ALTERNATIVES);

  /* Translators: which of the versions of a reply is shown, and how
   * many there are: "2/3" */
  position = g_strdup_printf (_("%u/%u"), alternative, n_alternatives);
  /* Translators: what a screen reader says of "2/3" under a reply */
  description = g_strdup_printf (_("Reply %u of %u"), alternative, n_alternatives);
  gtk_label_set_text (self->alternative_label, position);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->alternative_label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  set_step_target (self->previous_button, "chat.previous-alternative",
                   alternative > 1 ? steward_message_get_id (self->item) : 0);
  set_step_target (self->next_button, "chat.next-alternative",
                   alternative < n_alternatives ? steward_message_get_id (self->item) : 0);
}

/* A finished reply with text can be read aloud. */
static gboolean
can_read_aloud (StewardMessageRow *self)
{
  return self->item != NULL && !self->user && !is_streaming (self) && self->shown_len > 0;
}

/* Read Aloud, or Stop Reading while the window reads this reply. */
static void
update_read_aloud (StewardMessageRow *self)
{
  GtkWidget *button = self->slots[SLOT_READ_ALOUD];
  const char *label;
  gboolean reading;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "message.read-aloud", can_read_aloud (self));

  if (button == NULL)
    return;

  reading = self->item != NULL && self->read_aloud != NULL &&
            steward_read_aloud_get_message_id (self->read_aloud) == steward_message_get_id (self->item);
  label = reading ? _("Stop Reading") : _("Read Aloud");
  gtk_button_set_icon_name (GTK_BUTTON (button), reading ? "media-playback-stop-symbolic" : "audio-speakers-symbolic");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
steward_message_row_update_state (StewardMessageRow *self)
{
  StewardMessageStatus status;
  gboolean streaming;
  gboolean error;
  gboolean waiting;
  gboolean regenerate;
  gboolean alternatives;

  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  if (self->item == NULL)
    return;

  status = steward_message_get_status (self->item);
  streaming = is_streaming (self);
  error = status == STEWARD_MESSAGE_STATUS_ERROR;
  waiting = streaming && self->shown_len == 0;

  if (waiting)
    ensure_spinner (self);
  set_visible (self->spinner, waiting);

  if (error)
    {
      const char *message = steward_message_get_error (self->item);

      ensure_error_box (self);
      gtk_label_set_text (self->error_label,
                          message && *message ? message : _("The reply could not be completed."));
    }
  set_visible (self->error_box, error);

  /* An empty failed reply has nothing to show but its error. */
  gtk_widget_set_visible (self->bubble, self->user || streaming || self->shown_len > 0);

  set_visible (self->actions_box, !streaming);
  update_read_aloud (self);
  if (streaming)
    return;

  regenerate = !self->user && !error && steward_message_get_id (self->item) == self->last_reply_id;
  alternatives = !self->user && steward_message_get_n_alternatives (self->item) > 1;

  if (alternatives)
    update_alternatives (self);
  set_visible (self->slots[SLOT_ALTERNATIVES], alternatives);

  if (status == STEWARD_MESSAGE_STATUS_INTERRUPTED)
    ensure_slot (self, SLOT_STOPPED);
  if (self->n_proposed > 0)
    {
      g_autofree char *label = NULL;

      ensure_slot (self, SLOT_PROPOSED);
      /* Translators: under a reply that proposes tasks; opens the review */
      label = g_strdup_printf (ngettext ("Add %u Task", "Add %u Tasks", self->n_proposed), self->n_proposed);
      gtk_button_set_label (GTK_BUTTON (self->slots[SLOT_PROPOSED]), label);
    }
  if (self->shown_len > 0)
    ensure_slot (self, SLOT_COPY);
  if (self->user)
    ensure_slot (self, SLOT_EDIT);
  if (regenerate)
    ensure_slot (self, SLOT_REGENERATE);
  if (self->shown_len > 0)
    ensure_slot (self, SLOT_EXTRACT);
  if (can_read_aloud (self))
    {
      ensure_slot (self, SLOT_READ_ALOUD);
      update_read_aloud (self);
    }
  if (!self->user)
    ensure_slot (self, SLOT_DETAILS);

  set_visible (self->slots[SLOT_STOPPED], status == STEWARD_MESSAGE_STATUS_INTERRUPTED);
  set_visible (self->slots[SLOT_COPY], self->shown_len > 0);
  set_visible (self->slots[SLOT_EDIT], self->user);
  set_visible (self->slots[SLOT_REGENERATE], regenerate);
  set_visible (self->slots[SLOT_PROPOSED], self->n_proposed > 0);
  set_visible (self->slots[SLOT_EXTRACT], self->shown_len > 0);
  set_visible (self->slots[SLOT_READ_ALOUD], can_read_aloud (self));
  set_visible (self->slots[SLOT_DETAILS], !self->user);
}

/* A finished reply may propose tasks: read once, when it is shown or
 * finishes, not at every change of state. */
/* The files the message came with, above its text */
static void
update_attachments (StewardMessageRow *self)
{
  GListModel *attachments = steward_message_get_attachments (self->item);

  if (self->attachment_strip == NULL)
    {
      if (g_list_model_get_n_items (attachments) == 0)
        return;
      self->attachment_strip = steward_attachment_strip_new ();
      gtk_box_prepend (GTK_BOX (self->bubble), self->attachment_strip);
    }

  steward_attachment_strip_set_model (STEWARD_ATTACHMENT_STRIP (self->attachment_strip), attachments);
}

static void
update_proposed (StewardMessageRow *self)
{
  g_autoptr(GPtrArray) drafts = NULL;

  drafts = self->item != NULL ? steward_task_proposal_read (self->item) : NULL;
  self->n_proposed = drafts != NULL ? drafts->len : 0;
}

/* Right-click on selected text: "Extract Tasks" from it. */
static void
update_text_menu (StewardMessageRow *self,
                  gint64             id)
{
  g_autoptr(GMenuItem) extract = NULL;

  g_menu_remove_all (self->text_menu);
  extract = g_menu_item_new (_("Extract Tasks"), NULL);
  g_menu_item_set_action_and_target_value (extract, "chat.extract-tasks", g_variant_new_int64 (id));
  g_menu_append_item (self->text_menu, extract);
}

static void
show_content (StewardMessageRow *self)
{
  const char *content = steward_message_get_content (self->item);
  gsize len = strlen (content);
  gboolean was_empty = self->shown_len == 0;

  if (steward_markdown_view_get_streaming (self->markdown_view) && len >= self->shown_len)
    steward_markdown_view_append (self->markdown_view, content + self->shown_len, len - self->shown_len);
  else
    steward_markdown_view_set_text (self->markdown_view, content, is_streaming (self));

  self->shown_len = len;

  if (was_empty != (len == 0))
    steward_message_row_update_state (self);
}

static gboolean
content_tick_cb (GtkWidget     *widget,
                 GdkFrameClock *frame_clock,
                 gpointer       user_data)
{
  StewardMessageRow *self = STEWARD_MESSAGE_ROW (widget);

  self->content_tick_id = 0;
  show_content (self);

  return G_SOURCE_REMOVE;
}

/* Shows what is still waiting for the next frame, now. */
static void
flush_content (StewardMessageRow *self)
{
  if (self->content_tick_id == 0)
    return;

  gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->content_tick_id);
  self->content_tick_id = 0;
  show_content (self);
}

/* A streaming reply grows many times between two frames: what arrived
 * is shown once per frame, just before it is laid out. */
static void
item_content_cb (StewardMessageRow *self,
                 GParamSpec        *pspec,
                 StewardMessage    *item)
{
  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  if (steward_markdown_view_get_streaming (self->markdown_view) &&
      gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      if (self->content_tick_id == 0)
        self->content_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), content_tick_cb, NULL, NULL);
      return;
    }

  flush_content (self);
  show_content (self);
}

static void
item_status_cb (StewardMessageRow *self,
                GParamSpec        *pspec,
                StewardMessage    *item)
{
  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  flush_content (self);
  if (!is_streaming (self))
    steward_markdown_view_finish (self->markdown_view, steward_message_get_content (item));

  update_proposed (self);
  steward_message_row_update_state (self);
}

StewardMessage *
steward_message_row_get_item (StewardMessageRow *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_ROW (self), NULL);

  return self->item;
}

void
steward_message_row_set_item (StewardMessageRow *self,
                              StewardMessage    *item)
{
  const char *content;
  gboolean user;
  gint64 id;

  g_return_if_fail (STEWARD_IS_MESSAGE_ROW (self));
  g_return_if_fail (!item || STEWARD_IS_MESSAGE (item));

  if (self->item == item)
    return;

  if (self->content_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->content_tick_id);
      self->content_tick_id = 0;
    }

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);

  g_set_object (&self->item, item);

  if (item == NULL)
    {
      /* The widgets stay, to show the row's next message. */
      self->shown_len = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
      return;
    }

  user = steward_message_get_role (item) == STEWARD_MESSAGE_ROLE_USER;
  content = steward_message_get_content (item);
  id = steward_message_get_id (item);
  self->shown_len = strlen (content);

  if (self->user != user || gtk_label_get_label (self->author_label)[0] == '\0')
    {
      self->user = user;
      gtk_label_set_text (self->author_label, user ? _("You") : _("Steward"));
      gtk_label_set_xalign (self->author_label, user ? 1.0f : 0.0f);
      gtk_widget_set_halign (self->bubble, user ? GTK_ALIGN_END : GTK_ALIGN_FILL);
      steward_markdown_view_set_fill_width (self->markdown_view, !user);
      if (self->actions_box != NULL)
        gtk_widget_set_halign (self->actions_box, user ? GTK_ALIGN_END : GTK_ALIGN_START);
      gtk_widget_remove_css_class (GTK_WIDGET (self), user ? "reply" : "user");
      gtk_widget_add_css_class (GTK_WIDGET (self), user ? "user" : "reply");
    }

  for (guint slot = 0; slot < N_SLOTS; slot++)
    if (self->slots[slot] != NULL && slot_actions[slot] != NULL && slot != SLOT_READ_ALOUD)
      set_target (self->slots[slot], slot_actions[slot], id);
  update_text_menu (self, id);
  if (self->retry_button != NULL)
    set_target (self->retry_button, "chat.retry", id);

  /* Built again, for this message, when it next opens. */
  if (self->slots[SLOT_DETAILS] != NULL)
    gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->slots[SLOT_DETAILS]), NULL);

  steward_markdown_view_set_text (self->markdown_view, content, is_streaming (self));
  update_attachments (self);
  update_proposed (self);

  g_signal_connect_object (item, "notify::content", G_CALLBACK (item_content_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::status", G_CALLBACK (item_status_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::error", G_CALLBACK (item_status_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::alternative", G_CALLBACK (steward_message_row_update_state),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::n-alternatives", G_CALLBACK (steward_message_row_update_state),
                           self, G_CONNECT_SWAPPED);

  steward_message_row_update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}

/**
 * steward_message_row_find_item:
 * @focus: the widget that has the focus
 *
 * Returns: (transfer none) (nullable): the message of the row @focus is
 *   in, or of the row that is @focus's child (the list view's item that
 *   holds it)
 */
StewardMessage *
steward_message_row_find_item (GtkWidget *focus)
{
  GtkWidget *child;

  g_return_val_if_fail (GTK_IS_WIDGET (focus), NULL);

  if ((child = gtk_widget_get_first_child (focus)) != NULL && STEWARD_IS_MESSAGE_ROW (child))
    return STEWARD_MESSAGE_ROW (child)->item;

  for (GtkWidget *widget = focus; widget != NULL; widget = gtk_widget_get_parent (widget))
    if (STEWARD_IS_MESSAGE_ROW (widget))
      return STEWARD_MESSAGE_ROW (widget)->item;

  return NULL;
}

/**
 * steward_message_row_focus_alternatives:
 *
 * Gives the focus to the row's ‹ › (the one of them that can be used).
 *
 * Returns: whether the row shows ‹ › and took the focus
 */
gboolean
steward_message_row_focus_alternatives (StewardMessageRow *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_ROW (self), FALSE);

  if (self->slots[SLOT_ALTERNATIVES] == NULL || !gtk_widget_get_visible (self->slots[SLOT_ALTERNATIVES]))
    return FALSE;

  return gtk_widget_child_focus (self->slots[SLOT_ALTERNATIVES], GTK_DIR_TAB_FORWARD);
}

/**
 * steward_message_row_dup_selected_text:
 *
 * Returns: (transfer full) (nullable): the text selected in the
 *   message, or %NULL when none is
 */
char *
steward_message_row_dup_selected_text (StewardMessageRow *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_ROW (self), NULL);

  return steward_markdown_view_dup_selected_text (self->markdown_view);
}

gint64
steward_message_row_get_last_reply_id (StewardMessageRow *self)
{
  g_return_val_if_fail (STEWARD_IS_MESSAGE_ROW (self), 0);

  return self->last_reply_id;
}

void
steward_message_row_set_last_reply_id (StewardMessageRow *self,
                                       gint64             last_reply_id)
{
  g_return_if_fail (STEWARD_IS_MESSAGE_ROW (self));

  if (self->last_reply_id == last_reply_id)
    return;

  self->last_reply_id = last_reply_id;
  steward_message_row_update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_REPLY_ID]);
}

/* message.read-aloud: reads the reply, or stops reading it. */
static void
read_aloud_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StewardMessageRow *self = STEWARD_MESSAGE_ROW (widget);

  if (!can_read_aloud (self) || self->read_aloud == NULL)
    return;

  steward_read_aloud_toggle (self->read_aloud, self->item, widget);
}

static void
steward_message_row_root (GtkWidget *widget)
{
  StewardMessageRow *self = STEWARD_MESSAGE_ROW (widget);

  GTK_WIDGET_CLASS (steward_message_row_parent_class)->root (widget);

  /* One for the window: reading a reply stops the one read before. */
  self->read_aloud = g_object_ref (steward_read_aloud_get_for_widget (widget));
  g_signal_connect_object (self->read_aloud, "notify::message-id", G_CALLBACK (update_read_aloud),
                           self, G_CONNECT_SWAPPED);
  update_read_aloud (self);
}

static void
steward_message_row_unroot (GtkWidget *widget)
{
  StewardMessageRow *self = STEWARD_MESSAGE_ROW (widget);

  if (self->read_aloud != NULL)
    g_signal_handlers_disconnect_by_data (self->read_aloud, self);
  g_clear_object (&self->read_aloud);

  GTK_WIDGET_CLASS (steward_message_row_parent_class)->unroot (widget);
}

static void
steward_message_row_dispose (GObject *object)
{
  StewardMessageRow *self = (StewardMessageRow *)object;
  GtkWidget *child;

  if (self->content_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->content_tick_id);
      self->content_tick_id = 0;
    }

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);
  g_clear_object (&self->text_menu);
  if (self->read_aloud != NULL)
    g_signal_handlers_disconnect_by_data (self->read_aloud, self);
  g_clear_object (&self->read_aloud);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steward_message_row_parent_class)->dispose (object);
}

static void
steward_message_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  StewardMessageRow *self = STEWARD_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    case PROP_LAST_REPLY_ID:
      g_value_set_int64 (value, self->last_reply_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_message_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  StewardMessageRow *self = STEWARD_MESSAGE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      steward_message_row_set_item (self, g_value_get_object (value));
      break;

    case PROP_LAST_REPLY_ID:
      steward_message_row_set_last_reply_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_message_row_class_init (StewardMessageRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_message_row_dispose;
  object_class->get_property = steward_message_row_get_property;
  object_class->set_property = steward_message_row_set_property;

  widget_class->root = steward_message_row_root;
  widget_class->unroot = steward_message_row_unroot;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL,
                         STEWARD_TYPE_MESSAGE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardMessageRow:last-reply-id:
   *
   * The id of the conversation's last reply: only that one offers
   * Regenerate.
   */
  properties[PROP_LAST_REPLY_ID] =
    g_param_spec_int64 ("last-reply-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "messagerow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_install_action (widget_class, "message.read-aloud", NULL, read_aloud_action);
  /* On the reply with the focus (or one of its buttons): local, as the
   * conversation's other keys are. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "message.read-aloud", NULL);
}

static void
steward_message_row_init (StewardMessageRow *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "steward-message");

  self->author_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->author_label, 0.0f);
  gtk_widget_add_css_class (GTK_WIDGET (self->author_label), "caption-heading");
  gtk_widget_add_css_class (GTK_WIDGET (self->author_label), "dim-label");
  gtk_widget_set_parent (GTK_WIDGET (self->author_label), GTK_WIDGET (self));

  self->bubble = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  gtk_widget_add_css_class (self->bubble, "steward-bubble");
  gtk_widget_set_parent (self->bubble, GTK_WIDGET (self));

  self->markdown_view = STEWARD_MARKDOWN_VIEW (steward_markdown_view_new ());
  gtk_box_append (GTK_BOX (self->bubble), GTK_WIDGET (self->markdown_view));

  self->text_menu = g_menu_new ();
  steward_markdown_view_set_extra_menu (self->markdown_view, G_MENU_MODEL (self->text_menu));
}
