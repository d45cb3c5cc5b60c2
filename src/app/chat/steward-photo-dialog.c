/* steward-photo-dialog.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-photo-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-camera.h"
#include "steward-photo-dialog.h"

/* Take a Photo: the camera's live picture, a shutter button, then the
 * photo taken with Retake and Attach Photo. "taken" gives the photo as
 * PNG bytes; closing the window takes nothing. Built in code: a window
 * of three buttons and a picture. */

struct _StewardPhotoDialog
{
  AdwWindow      parent_instance;

  GtkPicture    *picture;
  GtkWidget     *status;
  GtkWidget     *take_button;
  GtkWidget     *retake_button;
  GtkWidget     *attach_button;

  StewardCamera *camera;
  GdkTexture    *taken;
};

G_DEFINE_FINAL_TYPE (StewardPhotoDialog, steward_photo_dialog, ADW_TYPE_WINDOW)

enum {
  TAKEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_taking (StewardPhotoDialog *self,
             gboolean            taking)
{
  gtk_widget_set_visible (self->take_button, taking);
  gtk_widget_set_visible (self->retake_button, !taking);
  gtk_widget_set_visible (self->attach_button, !taking);
  gtk_widget_grab_focus (taking ? self->take_button : self->attach_button);
}

static void
frame_cb (StewardPhotoDialog *self)
{
  g_autoptr(GBytes) frame = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  guint width, height;
  gsize stride;

  /* The photo taken stays put */
  if (self->taken != NULL)
    return;

  if (!(frame = steward_camera_dup_frame (self->camera, &width, &height, &stride)))
    return;

  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_R8G8B8A8, frame, stride);
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_widget_set_sensitive (self->take_button, TRUE);
  gtk_widget_set_visible (self->status, FALSE);
}

static void
failed_cb (StewardPhotoDialog *self,
           const GError       *error)
{
  gtk_label_set_text (GTK_LABEL (self->status), error->message);
  gtk_widget_set_visible (self->status, TRUE);
  gtk_widget_set_sensitive (self->take_button, FALSE);
}

static void
take_clicked_cb (StewardPhotoDialog *self)
{
  GdkPaintable *paintable = gtk_picture_get_paintable (self->picture);

  if (!GDK_IS_TEXTURE (paintable))
    return;

  g_set_object (&self->taken, GDK_TEXTURE (paintable));
  show_taking (self, FALSE);
}

static void
retake_clicked_cb (StewardPhotoDialog *self)
{
  g_clear_object (&self->taken);
  show_taking (self, TRUE);
}

static void
attach_clicked_cb (StewardPhotoDialog *self)
{
  g_autoptr(GBytes) png = NULL;

  if (self->taken == NULL)
    return;

  png = gdk_texture_save_to_png_bytes (self->taken);
  g_signal_emit (self, signals[TAKEN], 0, png);
  gtk_window_close (GTK_WINDOW (self));
}

static GtkWidget *
create_button (StewardPhotoDialog *self,
               const char         *label,
               GCallback           callback)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);

  return button;
}

StewardPhotoDialog *
steward_photo_dialog_new (GtkWindow *parent)
{
  StewardPhotoDialog *self = g_object_new (STEWARD_TYPE_PHOTO_DIALOG,
                                           "transient-for", parent,
                                           "modal", TRUE,
                                           NULL);
  g_autoptr(GError) error = NULL;

  if (!steward_camera_start (self->camera, &error))
    failed_cb (self, error);

  return self;
}

static void
steward_photo_dialog_dispose (GObject *object)
{
  StewardPhotoDialog *self = (StewardPhotoDialog *)object;

  if (self->camera != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->camera, self);
      steward_camera_stop (self->camera);
    }
  g_clear_object (&self->camera);
  g_clear_object (&self->taken);

  G_OBJECT_CLASS (steward_photo_dialog_parent_class)->dispose (object);
}

static void
steward_photo_dialog_class_init (StewardPhotoDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_photo_dialog_dispose;

  /**
   * StewardPhotoDialog::taken:
   * @png: the photo, as PNG
   */
  signals[TAKEN] =
    g_signal_new ("taken",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_BYTES);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
steward_photo_dialog_init (StewardPhotoDialog *self)
{
  GtkWidget *toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *header = adw_header_bar_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Take a Photo"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 540);

  self->camera = steward_camera_new ();
  g_signal_connect_object (self->camera, "frame", G_CALLBACK (frame_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->camera, "failed", G_CALLBACK (failed_cb), self, G_CONNECT_SWAPPED);

  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_vexpand (GTK_WIDGET (self->picture), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Camera"),
                                  -1);

  self->status = gtk_label_new (_("Starting the camera…"));
  gtk_label_set_wrap (GTK_LABEL (self->status), TRUE);
  gtk_widget_add_css_class (self->status, "dim-label");

  self->take_button = create_button (self, _("_Take Photo"), G_CALLBACK (take_clicked_cb));
  gtk_widget_add_css_class (self->take_button, "suggested-action");
  gtk_widget_set_sensitive (self->take_button, FALSE);
  self->retake_button = create_button (self, _("_Retake"), G_CALLBACK (retake_clicked_cb));
  self->attach_button = create_button (self, _("_Attach Photo"), G_CALLBACK (attach_clicked_cb));
  gtk_widget_add_css_class (self->attach_button, "suggested-action");

  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), self->take_button);
  gtk_box_append (GTK_BOX (buttons), self->retake_button);
  gtk_box_append (GTK_BOX (buttons), self->attach_button);

  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  gtk_widget_set_margin_bottom (content, 18);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->picture));
  gtk_box_append (GTK_BOX (content), self->status);
  gtk_box_append (GTK_BOX (content), buttons);

  gtk_box_append (GTK_BOX (toolbar), header);
  gtk_box_append (GTK_BOX (toolbar), content);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  show_taking (self, TRUE);
}
