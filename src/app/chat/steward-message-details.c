/* steward-message-details.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-message-details"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steward-enum-types.h"
#include "steward-application.h"
#include "steward-message-details.h"

/* The content of a reply's Details popover: who answered (provider,
 * model, size), what it cost (tokens, latency) and, behind "Context",
 * exactly what was sent for it: the system part and each message with
 * its role, as the core recorded it.
 *
 * Built when the popover opens; the context is read from the store only
 * when the expander opens.
 */

#define CONTEXT_WIDTH     460
#define CONTEXT_MAX_HEIGHT 360

static void
add_detail (GtkGrid    *grid,
            int         row,
            const char *title,
            const char *value)
{
  GtkWidget *title_label = gtk_label_new (title);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (title_label), 1.0f);
  gtk_widget_add_css_class (title_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0.0f);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_focusable (value_label, FALSE);
  gtk_widget_set_can_focus (value_label, FALSE);
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

/* @role: as the context keeps it (a StewardMessageRole's nick) */
static const char *
role_title (const char *role)
{
  int value;

  if (!steward_enum_from_nick (STEWARD_TYPE_MESSAGE_ROLE, role, &value))
    return role;

  switch ((StewardMessageRole)value)
    {
    case STEWARD_MESSAGE_ROLE_USER:
      /* Translators: the role of a message sent to the model */
      return C_("message role", "User");
    case STEWARD_MESSAGE_ROLE_ASSISTANT:
      return C_("message role", "Assistant");
    case STEWARD_MESSAGE_ROLE_SYSTEM:
      return C_("message role", "System");
    case STEWARD_MESSAGE_ROLE_TOOL:
      return C_("message role", "Tool");
    default:
      return role;
    }
}

/**
 * steward_message_details_format_context:
 * @context_json: what steward_store_dup_message_context() returned
 *
 * Returns: the context as text to read: each part under its role
 */
char *
steward_message_details_format_context (const char  *context_json,
                                        gint64      *estimated_tokens,
                                        GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  JsonObject *object;
  JsonArray *messages;
  const char *system;

  if (!json_parser_load_from_data (parser, context_json, -1, error))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("The recorded context cannot be read."));
      return NULL;
    }

  object = json_node_get_object (json_parser_get_root (parser));
  if (estimated_tokens != NULL)
    *estimated_tokens = json_object_get_int_member_with_default (object, "estimated_tokens", -1);

  system = json_object_get_string_member_with_default (object, "system", "");
  if (system != NULL && system[0] != '\0')
    g_string_append_printf (text, "— %s —\n%s\n", C_("message role", "System"), system);

  messages = json_object_has_member (object, "messages") ?
             json_object_get_array_member (object, "messages") : NULL;
  for (guint i = 0; messages != NULL && i < json_array_get_length (messages); i++)
    {
      JsonObject *message = json_array_get_object_element (messages, i);

      if (message == NULL)
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "— %s —\n%s\n",
                              role_title (json_object_get_string_member_with_default (message, "role", "")),
                              json_object_get_string_member_with_default (message, "content", ""));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
context_toggled_cb (GtkToggleButton *button,
                    GtkRevealer     *revealer)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  GtkWidget *box;
  GtkWidget *summary;
  GtkWidget *scroller;
  GtkWidget *view;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *text = NULL;
  gint64 message_id;
  gint64 tokens = -1;

  gtk_revealer_set_reveal_child (revealer, gtk_toggle_button_get_active (button));
  if (gtk_revealer_get_child (revealer) != NULL)
    return;

  message_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "message-id"));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_revealer_set_child (revealer, box);

  if (store == NULL ||
      !(json = steward_store_dup_message_context (store, message_id, &error)) ||
      !(text = steward_message_details_format_context (json, &tokens, &error)))
    {
      GtkWidget *label = gtk_label_new (NULL);

      if (error != NULL)
        g_debug ("No context for message %" G_GINT64_FORMAT ": %s", message_id, error->message);
      gtk_label_set_text (GTK_LABEL (label), _("No context was recorded for this reply."));
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
      return;
    }

  if (tokens >= 0)
    {
      /* Translators: %s is a number of tokens */
      g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, tokens);
      g_autofree char *caption = g_strdup_printf (_("Exactly what was sent to the model, about %s tokens."), count);

      summary = gtk_label_new (caption);
    }
  else
    summary = gtk_label_new (_("Exactly what was sent to the model."));
  gtk_label_set_wrap (GTK_LABEL (summary), TRUE);
  gtk_label_set_xalign (GTK_LABEL (summary), 0.0f);
  gtk_widget_add_css_class (summary, "caption");
  gtk_widget_add_css_class (summary, "dim-label");
  gtk_box_append (GTK_BOX (box), summary);

  view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (view), TRUE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
  gtk_widget_add_css_class (view, "steward-context-text");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Context Sent"),
                                  -1);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), CONTEXT_MAX_HEIGHT);
  gtk_widget_set_size_request (scroller, CONTEXT_WIDTH, -1);
  gtk_widget_add_css_class (scroller, "steward-context");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), view);
  gtk_box_append (GTK_BOX (box), scroller);
}

/**
 * steward_message_details_new:
 *
 * Returns: the details of the reply @message, for a popover
 */
GtkWidget *
steward_message_details_new (StewardMessage *message)
{
  g_autofree char *input = NULL;
  g_autofree char *output = NULL;
  g_autofree char *latency = NULL;
  const char *tier;
  GtkWidget *box;
  GtkWidget *button;
  GtkWidget *revealer;
  GtkGrid *grid;
  gint64 latency_ms;
  int row = 0;

  g_return_val_if_fail (STEWARD_IS_MESSAGE (message), NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);

  grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (grid, 6);
  gtk_grid_set_column_spacing (grid, 18);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (grid));

  tier = steward_message_get_tier (message);
  if (g_strcmp0 (tier, "small") == 0)
    tier = C_("model size", "Small");
  else if (g_strcmp0 (tier, "medium") == 0)
    tier = C_("model size", "Medium");
  else if (g_strcmp0 (tier, "large") == 0)
    tier = C_("model size", "Large");

  input = format_tokens (steward_message_get_input_tokens (message));
  output = format_tokens (steward_message_get_output_tokens (message));
  latency_ms = steward_message_get_latency_ms (message);
  if (latency_ms >= 0)
    /* Translators: the time to the reply's first token, in seconds */
    latency = g_strdup_printf (_("%.2f s"), latency_ms / 1000.0);

  add_detail (grid, row++, _("Provider"), steward_message_get_provider (message) ?: "—");
  add_detail (grid, row++, _("Model"), steward_message_get_model (message) ?: "—");
  add_detail (grid, row++, _("Model Size"), tier ? tier : "—");
  add_detail (grid, row++, _("Tokens In"), input);
  add_detail (grid, row++, _("Tokens Out"), output);
  add_detail (grid, row++, _("Latency"), latency ? latency : _("Unknown"));

  /* A toggle button rather than a GtkExpander, which has no accessible
   * action to open it. */
  button = gtk_toggle_button_new ();
  gtk_button_set_child (GTK_BUTTON (button), gtk_label_new_with_mnemonic (_("_Context")));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show exactly what was sent for this reply"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Context"),
                                  -1);
  g_object_set_data (G_OBJECT (button), "message-id",
                     GSIZE_TO_POINTER ((gsize)steward_message_get_id (message)));
  gtk_box_append (GTK_BOX (box), button);

  revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (revealer), GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_box_append (GTK_BOX (box), revealer);
  g_signal_connect (button, "toggled", G_CALLBACK (context_toggled_cb), revealer);

  return box;
}
