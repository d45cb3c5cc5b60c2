/* steward-chat-page-dialogs.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-chat-page-private.h"

/* The conversation menu's dialogs: Rename, the rolling summary, and Export
 * (as Markdown or JSON, through the core's steward_conversation_export()). */

#define SUMMARY_MAX_HEIGHT 320

/* -- rename -------------------------------------------------------------- */

static void
rename_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    StewardChatPage  *self)
{
  g_autoptr(GError) error = NULL;
  GtkEditable *entry;
  gint64 id;

  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);

  if (g_strcmp0 (response, "rename") != 0 || store == NULL)
    return;

  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  id = *(gint64 *)g_object_get_data (G_OBJECT (dialog), "conversation-id");

  if (!steward_store_rename_conversation (store, id, gtk_editable_get_text (entry), &error))
    {
      /* A toast's title is markup. */
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
    }
}

static void
rename_entry_changed_cb (GtkEditable      *entry,
                         AdwMessageDialog *dialog)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "rename", text[0] != '\0');
}

void
_steward_chat_page_rename (StewardChatPage *self,
                           gint64           conversation_id)
{
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;
  GtkWidget *entry;
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);

  g_return_if_fail (STEWARD_IS_CHAT_PAGE (self));

  if (store == NULL)
    return;

  if (!(conversation = steward_store_find_conversation (store, conversation_id, &error)))
    {
      g_autofree char *markup = g_markup_escape_text (error->message, -1);

      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                   _("Rename Conversation"), NULL);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "rename", _("_Rename"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), steward_conversation_get_title (conversation));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Title"),
                                  -1);
  g_signal_connect (entry, "changed", G_CALLBACK (rename_entry_changed_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);

  g_object_set_data_full (G_OBJECT (dialog), "conversation-id",
                          g_memdup2 (&conversation_id, sizeof conversation_id), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* -- summary ------------------------------------------------------------- */

void
_steward_chat_page_show_summary (GtkWidget    *parent,
                                 gint64        conversation_id)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  GtkWidget *dialog;
  gint64 through = 0;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (STEWARD_IS_STORE (store));

  if (!steward_store_get_summary (store, conversation_id, &summary, &through, &error))
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                       _("Cannot Read the Summary"), error->message);
    }
  else if (summary == NULL || summary[0] == '\0')
    {
      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                       _("No Summary Yet"),
                                       _("When a conversation grows longer than Steward’s short-term memory, "
                                         "its older messages are folded into a summary, which is sent "
                                         "with each new message. This conversation is short enough to be "
                                         "sent whole."));
    }
  else
    {
      GtkWidget *scroller;
      GtkWidget *label;

      dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (parent)),
                                       _("Conversation Summary"),
                                       _("Steward sends this summary of the earlier messages with each new message."));

      label = gtk_label_new (summary);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_yalign (GTK_LABEL (label), 0.0f);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "steward-summary-text");
      gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Summary"),
                                      -1);

      scroller = gtk_scrolled_window_new ();
      gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
      gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
      gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), SUMMARY_MAX_HEIGHT);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
      gtk_widget_add_css_class (scroller, "card");
      adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scroller);
    }

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

/* -- export -------------------------------------------------------------- */

typedef struct
{
  GtkWidget     *parent;
  StewardStore  *store;
  GtkFileFilter *json_filter;
  char          *contents;
  gint64         conversation_id;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->parent);
  g_clear_object (&data->store);
  g_clear_object (&data->json_filter);
  g_free (data->contents);
  g_free (data);
}

static void
export_report (GtkWidget  *parent,
               const char *title,
               const char *body)
{
  GtkRoot *root = gtk_widget_get_root (parent);
  GtkWidget *dialog;

  if (root == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (root), title, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
export_written_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ExportData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    export_report (data->parent, _("Cannot Export the Conversation"), error->message);
  else
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (data->parent, ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (_("Conversation exported")));
    }

  export_data_free (data);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  ExportData *data = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser))))
    {
      g_autofree char *basename = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;
      gboolean json;

      json = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser)) == data->json_filter ||
             (basename != NULL && g_str_has_suffix (basename, ".json"));

      /* The same Markdown or JSON as `steward-cli conversations export`. */
      if (!(data->contents = steward_conversation_export (data->store, data->conversation_id,
                                                          json ? "json" : "md", &error)))
        {
          export_report (data->parent, _("Cannot Export the Conversation"), error->message);
        }
      else
        {
          /* The contents stay in @data until the write is done. */
          g_file_replace_contents_async (file, data->contents, strlen (data->contents),
                                         NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                         NULL, export_written_cb, data);
          g_object_unref (chooser);
          return;
        }
    }

  export_data_free (data);
  g_object_unref (chooser);
}

void
_steward_chat_page_export (GtkWidget    *parent,
                           gint64        conversation_id)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  ExportData *data;
  const char *title;

  g_return_if_fail (GTK_IS_WIDGET (parent));
  g_return_if_fail (STEWARD_IS_STORE (store));

  if (!(conversation = steward_store_find_conversation (store, conversation_id, &error)))
    {
      export_report (parent, _("Cannot Export the Conversation"), error->message);
      return;
    }

  data = g_new0 (ExportData, 1);
  data->parent = g_object_ref (parent);
  data->store = g_object_ref (store);
  data->conversation_id = conversation_id;

  chooser = gtk_file_chooser_native_new (_("Export Conversation"),
                                         GTK_WINDOW (gtk_widget_get_root (parent)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Markdown"));
  gtk_file_filter_add_mime_type (filter, "text/markdown");
  gtk_file_filter_add_suffix (filter, "md");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  data->json_filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (data->json_filter, _("JSON"));
  gtk_file_filter_add_mime_type (data->json_filter, "application/json");
  gtk_file_filter_add_suffix (data->json_filter, "json");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), data->json_filter);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), filter);

  title = steward_conversation_get_title (conversation);
  name = g_strdup_printf ("%s.md", title[0] ? title : _("Conversation"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
