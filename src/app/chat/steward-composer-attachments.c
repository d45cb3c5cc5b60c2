/* steward-composer-attachments.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-composer-attachments"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-application.h"
#include "steward-attachment-import.h"
#include "steward-attachment.h"
#include "steward-composer-attachments.h"

/* The files that go with the message being written, above the composer:
 * each is attached as soon as it is added (copied into the data folder,
 * checked whole, within the limits, in a worker), shown as a chip with
 * its name and a button that takes it off again. A file that cannot be
 * attached is refused with a sentence naming it ("refused"), and the
 * others stay. */

struct _StewardComposerAttachments
{
  GtkWidget     parent_instance;

  GtkWidget    *box;
  GListStore   *attachments;
  GCancellable *cancellable;
  guint         n_importing;
};

G_DEFINE_FINAL_TYPE (StewardComposerAttachments, steward_composer_attachments, GTK_TYPE_WIDGET)

enum {
  REFUSED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
update_visible (StewardComposerAttachments *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self),
                          g_list_model_get_n_items (G_LIST_MODEL (self->attachments)) > 0 ||
                          self->n_importing > 0);
}

static void
remove_clicked_cb (GtkButton                  *button,
                   StewardComposerAttachments *self)
{
  StewardAttachment *attachment = g_object_get_data (G_OBJECT (button), "attachment");
  GtkWidget *chip = gtk_widget_get_parent (GTK_WIDGET (button));
  guint position;

  if (g_list_store_find (self->attachments, attachment, &position))
    g_list_store_remove (self->attachments, position);
  gtk_box_remove (GTK_BOX (self->box), chip);
  update_visible (self);
}

static void
add_chip (StewardComposerAttachments *self,
          StewardAttachment          *attachment)
{
  const char *name = steward_attachment_get_name (attachment);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "steward-attachment-chip");
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (chip), label);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_add_css_class (remove, "circular");
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (remove), "attachment", g_object_ref (attachment), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  gtk_box_append (GTK_BOX (chip), remove);

  gtk_box_append (GTK_BOX (self->box), chip);
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(StewardComposerAttachments) self = user_data;
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;

  attachment = steward_attachment_import_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self->n_importing--;

  if (attachment == NULL)
    g_signal_emit (self, signals[REFUSED], 0, error);
  else if (!g_list_store_find (self->attachments, attachment, NULL))
    {
      g_list_store_append (self->attachments, attachment);
      add_chip (self, attachment);
    }

  update_visible (self);
}

static GFile *
dup_directory (void)
{
  StewardStore *store = steward_services_get_store (STEWARD_SERVICES_DEFAULT);

  return store != NULL ? steward_store_dup_attachments_dir (store) : NULL;
}

/**
 * steward_composer_attachments_add_files:
 * @files: (element-type GFile): files chosen, dropped or pasted
 *
 * Attaches each of @files in a worker; each is shown once attached, or
 * refused (#StewardComposerAttachments::refused).
 */
void
steward_composer_attachments_add_files (StewardComposerAttachments *self,
                                        GList                      *files)
{
  g_autoptr(GFile) directory = dup_directory ();

  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));

  if (directory == NULL)
    return;

  for (GList *l = files; l != NULL; l = l->next)
    {
      self->n_importing++;
      steward_attachment_import_async (l->data, directory, self->cancellable, imported_cb, g_object_ref (self));
    }
  update_visible (self);
}

/**
 * steward_composer_attachments_add_bytes:
 * @name: what the user sees ("Pasted image.png")
 *
 * Attaches @data (a pasted image) as steward_composer_attachments_add_files()
 * does a file.
 */
void
steward_composer_attachments_add_bytes (StewardComposerAttachments *self,
                                        GBytes                     *data,
                                        const char                 *name)
{
  g_autoptr(GFile) directory = dup_directory ();

  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));

  if (directory == NULL)
    return;

  self->n_importing++;
  steward_attachment_import_bytes_async (data, name, directory, self->cancellable, imported_cb, g_object_ref (self));
  update_visible (self);
}

/**
 * steward_composer_attachments_get_model:
 *
 * Returns: (transfer none): the attachments (StewardAttachment), in the
 *   order they were added
 */
GListModel *
steward_composer_attachments_get_model (StewardComposerAttachments *self)
{
  g_return_val_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self), NULL);

  return G_LIST_MODEL (self->attachments);
}

/* The message went with them: the composer is empty again. */
void
steward_composer_attachments_clear (StewardComposerAttachments *self)
{
  GtkWidget *child;

  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->n_importing = 0;

  g_list_store_remove_all (self->attachments);
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  update_visible (self);
}

/* -- dropped and pasted ------------------------------------------------------ */

static void
add_file_slist (StewardComposerAttachments *self,
                GSList                     *files)
{
  GList *list = NULL;

  for (GSList *l = files; l != NULL; l = l->next)
    list = g_list_append (list, l->data);
  steward_composer_attachments_add_files (self, list);
  g_list_free (list);
}

static gboolean
drop_cb (GtkDropTarget              *target,
         const GValue               *value,
         double                      x,
         double                      y,
         StewardComposerAttachments *self)
{
  GSList *files;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || (files = g_value_get_boxed (value)) == NULL)
    return FALSE;

  add_file_slist (self, files);
  return TRUE;
}

static void
pasted_files_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(StewardComposerAttachments) self = user_data;
  g_autoptr(GError) error = NULL;
  const GValue *value = gdk_clipboard_read_value_finish (GDK_CLIPBOARD (object), result, &error);

  if (value != NULL)
    add_file_slist (self, g_value_get_boxed (value));
}

static void
pasted_texture_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(StewardComposerAttachments) self = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) png = NULL;
  g_autoptr(GError) error = NULL;

  if (!(texture = gdk_clipboard_read_texture_finish (GDK_CLIPBOARD (object), result, &error)))
    return;

  png = gdk_texture_save_to_png_bytes (texture);
  /* Translators: the name a pasted image is attached under */
  steward_composer_attachments_add_bytes (self, png, _("Pasted Image.png"));
}

/* Files or an image on the clipboard are attached rather than pasted as
 * text; text is pasted as always. */
static void
paste_cb (GtkTextView                *text_view,
          StewardComposerAttachments *self)
{
  GdkClipboard *clipboard = gtk_widget_get_clipboard (GTK_WIDGET (text_view));
  GdkContentFormats *formats = gdk_clipboard_get_formats (clipboard);

  if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_FILE_LIST))
    {
      g_signal_stop_emission_by_name (text_view, "paste-clipboard");
      gdk_clipboard_read_value_async (clipboard, GDK_TYPE_FILE_LIST, G_PRIORITY_DEFAULT, NULL,
                                      pasted_files_cb, g_object_ref (self));
    }
  else if (gdk_content_formats_contain_gtype (formats, GDK_TYPE_TEXTURE) &&
           !gdk_content_formats_contain_gtype (formats, G_TYPE_STRING))
    {
      g_signal_stop_emission_by_name (text_view, "paste-clipboard");
      gdk_clipboard_read_texture_async (clipboard, NULL, pasted_texture_cb, g_object_ref (self));
    }
}

/**
 * steward_composer_attachments_take_drops:
 * @target: the widget files may be dropped on (a whole view, usually)
 *
 * Attaches the files dropped on @target; the target is highlighted while
 * files are dragged over it (GTK's own :drop(active) state).
 */
void
steward_composer_attachments_take_drops (StewardComposerAttachments *self,
                                         GtkWidget                  *target)
{
  GtkDropTarget *drop_target;

  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));
  g_return_if_fail (GTK_IS_WIDGET (target));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (drop_cb), self, 0);
  gtk_widget_add_controller (target, GTK_EVENT_CONTROLLER (drop_target));
}

/**
 * steward_composer_attachments_take_pastes:
 * @text_view: where the message is written
 *
 * Files or an image pasted into @text_view are attached rather than
 * pasted as text.
 */
void
steward_composer_attachments_take_pastes (StewardComposerAttachments *self,
                                          GtkTextView                *text_view)
{
  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  g_signal_connect_object (text_view, "paste-clipboard", G_CALLBACK (paste_cb), self, 0);
}

/* -- object ------------------------------------------------------------------ */

static void
steward_composer_attachments_dispose (GObject *object)
{
  StewardComposerAttachments *self = (StewardComposerAttachments *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->attachments);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (steward_composer_attachments_parent_class)->dispose (object);
}

static void
steward_composer_attachments_class_init (StewardComposerAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_composer_attachments_dispose;

  /**
   * StewardComposerAttachments::refused:
   * @error: why, in one sentence naming the file
   *
   * A file could not be attached.
   */
  signals[REFUSED] =
    g_signal_new ("refused",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "composerattachments");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steward_composer_attachments_init (StewardComposerAttachments *self)
{
  self->attachments = g_list_store_new (STEWARD_TYPE_ATTACHMENT);
  self->cancellable = g_cancellable_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files to Send"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
