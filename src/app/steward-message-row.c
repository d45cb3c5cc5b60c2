/* steward-message-row.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-message-row"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-markdown-view.h"
#include "steward-message-row.h"

/* One message of the conversation view. Rows are recycled by the list
 * view: everything shown follows the "item" property. A streaming reply
 * is followed through notify::content, appending only what is new.
 */

struct _StewardMessageRow
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkBox              *actions_box;
  GtkLabel            *author_label;
  GtkBox              *box;
  GtkBox              *bubble;
  GtkButton           *copy_button;
  GtkMenuButton       *details_button;
  GtkButton           *edit_button;
  GtkBox              *error_box;
  GtkLabel            *error_label;
  StewardMarkdownView *markdown_view;
  GtkButton           *regenerate_button;
  GtkButton           *retry_button;
  GtkSpinner          *spinner;
  GtkLabel            *stopped_label;

  /* Owned */
  StewardMessage      *item;

  gint64               last_reply_id;
  /* How much of the item's content the view shows. */
  gsize                shown_len;
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
is_user (StewardMessageRow *self)
{
  return self->item != NULL && g_strcmp0 (steward_message_get_role (self->item), "user") == 0;
}

static gboolean
is_streaming (StewardMessageRow *self)
{
  return self->item != NULL && g_strcmp0 (steward_message_get_status (self->item), "streaming") == 0;
}

static void
steward_message_row_update_state (StewardMessageRow *self)
{
  const char *status;
  gboolean user;
  gboolean streaming;
  gboolean error;

  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  if (self->item == NULL)
    return;

  status = steward_message_get_status (self->item);
  user = is_user (self);
  streaming = is_streaming (self);
  error = g_strcmp0 (status, "error") == 0;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner),
                          streaming && self->shown_len == 0);
  gtk_spinner_set_spinning (self->spinner, streaming && self->shown_len == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->error_box), error);
  if (error)
    {
      const char *message = steward_message_get_error (self->item);

      gtk_label_set_text (self->error_label,
                          message && *message ? message : _("The reply could not be completed."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->stopped_label), g_strcmp0 (status, "interrupted") == 0);

  /* An empty failed reply has nothing to show but its error. */
  gtk_widget_set_visible (GTK_WIDGET (self->bubble),
                          user || streaming || self->shown_len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), !streaming);
  gtk_widget_set_visible (GTK_WIDGET (self->copy_button), self->shown_len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->edit_button), user);
  gtk_widget_set_visible (GTK_WIDGET (self->details_button), !user);
  gtk_widget_set_visible (GTK_WIDGET (self->regenerate_button),
                          !user && !error &&
                          steward_message_get_id (self->item) == self->last_reply_id);
}

static void
item_content_cb (StewardMessageRow *self,
                 GParamSpec        *pspec,
                 StewardMessage    *item)
{
  const char *content = steward_message_get_content (item);
  gsize len = strlen (content);

  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  if (steward_markdown_view_get_streaming (self->markdown_view) && len >= self->shown_len)
    steward_markdown_view_append (self->markdown_view, content + self->shown_len, len - self->shown_len);
  else
    steward_markdown_view_set_text (self->markdown_view, content, is_streaming (self));

  if ((self->shown_len == 0) != (len == 0))
    {
      self->shown_len = len;
      steward_message_row_update_state (self);
    }

  self->shown_len = len;
}

static void
item_status_cb (StewardMessageRow *self,
                GParamSpec        *pspec,
                StewardMessage    *item)
{
  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  if (!is_streaming (self))
    steward_markdown_view_finish (self->markdown_view);

  steward_message_row_update_state (self);
}

static void
add_detail (GtkGrid           *grid,
            int                row,
            const char        *title,
            const char        *value)
{
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (title_label), 1.0f);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_focusable (value_label, FALSE);
  gtk_grid_attach (grid, title_label, 0, row, 1, 1);
  gtk_grid_attach (grid, value_label, 1, row, 1, 1);
}

static char *
format_tokens (gint64 tokens)
{
  if (tokens < 0)
    /* Translators: a token count the provider did not report */
    return g_strdup (_("Unknown"));

  return g_strdup_printf ("%" G_GINT64_FORMAT, tokens);
}

/* The details popover is built when it opens: most rows never need it. */
static void
create_details_popup_cb (GtkMenuButton *menu_button,
                         gpointer       user_data)
{
  StewardMessageRow *self = user_data;
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *latency = NULL;
  const char *tier;
  GtkWidget *popover;
  GtkGrid *grid;
  gint64 latency_ms;
  int row = 0;

  g_assert (STEWARD_IS_MESSAGE_ROW (self));

  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 18);
  gtk_widget_set_margin_top (GTK_WIDGET (grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (grid), 6);
  gtk_widget_set_margin_start (GTK_WIDGET (grid), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (grid), 6);

  popover = gtk_popover_new ();
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (grid));
  gtk_menu_button_set_popover (menu_button, popover);

  if (self->item == NULL)
    return;

  tier = steward_message_get_tier (self->item);
  if (g_strcmp0 (tier, "small") == 0)
    tier = C_("model size", "Small");
  else if (g_strcmp0 (tier, "medium") == 0)
    tier = C_("model size", "Medium");
  else if (g_strcmp0 (tier, "large") == 0)
    tier = C_("model size", "Large");

  input = format_tokens (steward_message_get_input_tokens (self->item));
  output = format_tokens (steward_message_get_output_tokens (self->item));
  latency_ms = steward_message_get_latency_ms (self->item);
  if (latency_ms >= 0)
    /* Translators: the time to the reply's first token, in seconds */
    latency = g_strdup_printf (_("%.2f s"), latency_ms / 1000.0);

  add_detail (grid, row++, _("Provider"), steward_message_get_provider (self->item) ?: "—");
  add_detail (grid, row++, _("Model"), steward_message_get_model (self->item) ?: "—");
  add_detail (grid, row++, _("Model Size"), tier ? tier : "—");
  add_detail (grid, row++, _("Tokens In"), input);
  add_detail (grid, row++, _("Tokens Out"), output);
  add_detail (grid, row++, _("Latency"), latency ? latency : _("Unknown"));
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
  g_autoptr(GVariant) target = NULL;
  const char *content;
  gboolean user;

  g_return_if_fail (STEWARD_IS_MESSAGE_ROW (self));
  g_return_if_fail (!item || STEWARD_IS_MESSAGE (item));

  if (self->item == item)
    return;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);

  g_set_object (&self->item, item);

  if (item == NULL)
    {
      steward_markdown_view_set_text (self->markdown_view, "", FALSE);
      self->shown_len = 0;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
      return;
    }

  user = is_user (self);
  content = steward_message_get_content (item);
  self->shown_len = strlen (content);

  gtk_label_set_text (self->author_label, user ? _("You") : _("Steward"));
  gtk_label_set_xalign (self->author_label, user ? 1.0f : 0.0f);
  gtk_widget_set_halign (GTK_WIDGET (self->bubble), user ? GTK_ALIGN_END : GTK_ALIGN_FILL);
  gtk_widget_set_halign (GTK_WIDGET (self->actions_box), user ? GTK_ALIGN_END : GTK_ALIGN_START);
  if (user)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->box), "user");
      gtk_widget_remove_css_class (GTK_WIDGET (self->box), "assistant");
    }
  else
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->box), "assistant");
      gtk_widget_remove_css_class (GTK_WIDGET (self->box), "user");
    }

  target = g_variant_ref_sink (g_variant_new_int64 (steward_message_get_id (item)));
  /* The target first: the action takes an int64. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->copy_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->edit_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->regenerate_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->retry_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->copy_button), "chat.copy-message");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "chat.edit-message");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->regenerate_button), "chat.regenerate");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->retry_button), "chat.retry");

  steward_markdown_view_set_text (self->markdown_view, content, is_streaming (self));

  /* Built again, for this message, when it next opens. */
  gtk_menu_button_set_popover (self->details_button, NULL);

  g_signal_connect_object (item, "notify::content", G_CALLBACK (item_content_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::status", G_CALLBACK (item_status_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (item, "notify::error", G_CALLBACK (item_status_cb),
                           self, G_CONNECT_SWAPPED);

  steward_message_row_update_state (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
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

static void
steward_message_row_dispose (GObject *object)
{
  StewardMessageRow *self = (StewardMessageRow *)object;

  if (self->item != NULL)
    g_signal_handlers_disconnect_by_data (self->item, self);
  g_clear_object (&self->item);

  gtk_widget_dispose_template (GTK_WIDGET (self), STEWARD_TYPE_MESSAGE_ROW);

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

  g_type_ensure (STEWARD_TYPE_MARKDOWN_VIEW);

  gtk_widget_class_set_css_name (widget_class, "messagerow");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PATH "/steward-message-row.ui");
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, actions_box);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, author_label);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, box);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, bubble);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, copy_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, details_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, edit_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, error_box);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, markdown_view);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, regenerate_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, retry_button);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, spinner);
  gtk_widget_class_bind_template_child (widget_class, StewardMessageRow, stopped_label);
}

static void
steward_message_row_init (StewardMessageRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_menu_button_set_create_popup_func (self->details_button, create_details_popup_cb, self, NULL);
}
