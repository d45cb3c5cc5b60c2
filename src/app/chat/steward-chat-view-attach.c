/* steward-chat-view-attach.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat-view"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-camera.h"
#include "steward-chat-view-private.h"
#include "steward-ocr.h"
#include "steward-photo-dialog.h"
#include "steward-text-insert.h"

/* Files for the message being written: Attach Files… (the file chooser
 * portal), files dropped on the conversation, and files or an image
 * pasted into the composer. They go with the message when it is sent
 * (steward-chat-view-turn.c); a file that cannot be attached is named in
 * a toast with the reason. */

static void
show_toast (StewardChatView *self,
            const char      *message)
{
  /* A toast's title is markup */
  g_autofree char *escaped = g_markup_escape_text (message, -1);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (escaped));
}

static void
refused_cb (StewardChatView *self,
            const GError    *error)
{
  show_toast (self, error->message);
}

/* -- Extract Text ------------------------------------------------------------ */

typedef struct
{
  StewardChatView *self;
  char            *name;
} ExtractText;

static void
extract_text_free (ExtractText *extract)
{
  g_clear_object (&extract->self);
  g_free (extract->name);
  g_free (extract);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExtractText, extract_text_free)

static void
text_read_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(ExtractText) extract = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = steward_ocr_read_finish (result, &error);
  g_autofree char *trimmed = text != NULL ? g_strstrip (g_strdup (text)) : NULL;
  g_autofree char *message = NULL;

  if (trimmed == NULL)
    {
      show_toast (extract->self, error->message);
      return;
    }

  if (trimmed[0] == '\0')
    {
      message = g_strdup_printf (_("No text was found in %s."), extract->name);
      show_toast (extract->self, message);
      return;
    }

  steward_text_view_insert_words (extract->self->composer, trimmed);
  gtk_widget_grab_focus (GTK_WIDGET (extract->self->composer));
  /* Translators: %s is an image's name */
  message = g_strdup_printf (_("The text in %s is in your message"), extract->name);
  show_toast (extract->self, message);
}

/* Extract Text on an image: read offline (tesseract) in a worker, and
 * put in the message being written, for the user to go on with. */
static void
extract_text_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  g_autoptr(GFile) file = NULL;
  const char *uri;
  const char *name;
  ExtractText *extract;

  /* The copy Steward keeps, and the name the user knows it by */
  g_variant_get (param, "(&s&s)", &uri, &name);
  file = g_file_new_for_uri (uri);

  extract = g_new0 (ExtractText, 1);
  extract->self = g_object_ref (self);
  extract->name = g_strdup (name);

  steward_ocr_read_file_async (file, NULL, text_read_cb, extract);
}

/* -- Attach Files… ------------------------------------------------------------ */

static void
chosen_cb (StewardChatView      *self,
           int                   response,
           GtkFileChooserNative *chooser)
{
  g_autoptr(GListModel) files = NULL;
  GList *list = NULL;

  if (response == GTK_RESPONSE_ACCEPT &&
      (files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser))) != NULL)
    {
      for (guint i = g_list_model_get_n_items (files); i > 0; i--)
        list = g_list_prepend (list, g_list_model_get_item (files, i - 1));
      steward_composer_attachments_add_files (self->composer_attachments, list);
      g_list_free_full (list, g_object_unref);
    }

  g_object_unref (chooser);
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *chooser;

  chooser = gtk_file_chooser_native_new (_("Attach Files"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Attach"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  g_signal_connect_object (chooser, "response", G_CALLBACK (chosen_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* -- Take a Photo… ------------------------------------------------------------ */

static void
photo_taken_cb (StewardChatView *self,
                GBytes          *png)
{
  /* Translators: the name a photo taken with the camera is attached under */
  steward_composer_attachments_add_bytes (self->composer_attachments, png, _("Photo.png"));
  gtk_widget_grab_focus (GTK_WIDGET (self->composer));
}

static void
take_photo_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  StewardChatView *self = STEWARD_CHAT_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  StewardPhotoDialog *dialog;

  dialog = steward_photo_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  g_signal_connect_object (dialog, "taken", G_CALLBACK (photo_taken_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_steward_chat_view_init_attach (StewardChatView *self)
{
  steward_composer_attachments_take_drops (self->composer_attachments, GTK_WIDGET (self));
  steward_composer_attachments_take_pastes (self->composer_attachments, self->composer);
  g_signal_connect_object (self->composer_attachments, "refused", G_CALLBACK (refused_cb),
                           self, G_CONNECT_SWAPPED);

  /* No camera: the button says why, and cannot be pressed */
  {
    g_autofree char *why = NULL;

    if (!steward_camera_is_available (&why))
      {
        gtk_widget_action_set_enabled (GTK_WIDGET (self), "chat.take-photo", FALSE);
        gtk_widget_set_tooltip_text (self->photo_button, why);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->photo_button),
                                        GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why,
                                        -1);
      }
  }
}

void
_steward_chat_view_class_init_attach (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chat.attach", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "chat.take-photo", NULL, take_photo_action);
  gtk_widget_class_install_action (widget_class, "chat.extract-text", "(ss)", extract_text_action);
}
