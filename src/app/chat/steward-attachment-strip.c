/* steward-attachment-strip.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment-strip"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steward-attachment.h"
#include "steward-attachment-player.h"
#include "steward-attachment-strip.h"
#include "steward-image-prepare.h"
#include "steward-ocr.h"

/* The files attached to a message, under its text: a thumbnail for an
 * image, an icon with the page count for a PDF, the size for text, each
 * a button that opens the copy Steward keeps with the desktop's
 * application for it; a recording is a player row
 * (steward-attachment-player.c), which has such a button too.
 *
 * Thumbnails are made in a worker (decoding a 24-megapixel photo takes
 * longer than a frame) and dropped when the row shows another message:
 * the rows of the conversation view are recycled. */

/* The longest side of a thumbnail, in pixels */
#define THUMBNAIL_EDGE 160

struct _StewardAttachmentStrip
{
  GtkWidget     parent_instance;

  GtkWidget    *flow;
  GListModel   *attachments;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (StewardAttachmentStrip, steward_attachment_strip, GTK_TYPE_WIDGET)

/* -- thumbnails ------------------------------------------------------------ */

static void
thumbnail_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  StewardAttachment *attachment = task_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) prepared = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *mime_type = NULL;
  GdkTexture *texture;

  if (!(bytes = g_file_load_bytes (steward_attachment_get_file (attachment), cancellable, NULL, &error)) ||
      !(prepared = steward_image_prepare (bytes, steward_attachment_get_name (attachment), THUMBNAIL_EDGE,
                                          &mime_type, NULL, NULL, &error)) ||
      !(texture = gdk_texture_new_from_bytes (prepared, &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, texture, g_object_unref);
}

static void
thumbnail_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkPicture) picture = user_data;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (!(texture = g_task_propagate_pointer (G_TASK (result), &error)))
    {
      /* Shown as an icon instead, as a file the thumbnail could not be
       * made of */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail: %s", error->message);
      return;
    }

  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
}

/* -- chips ----------------------------------------------------------------- */

static char *
describe (StewardAttachment *attachment)
{
  switch (steward_attachment_get_kind (attachment))
    {
    case STEWARD_ATTACHMENT_KIND_IMAGE:
      /* Translators: an attached image's size in pixels */
      return g_strdup_printf (_("%u × %u"), steward_attachment_get_width (attachment),
                              steward_attachment_get_height (attachment));

    case STEWARD_ATTACHMENT_KIND_PDF:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                           steward_attachment_get_n_pages (attachment)),
                              steward_attachment_get_n_pages (attachment));

    case STEWARD_ATTACHMENT_KIND_TEXT:
    default:
      return g_format_size (steward_attachment_get_size (attachment));
    }
}

static const char *
icon_name (StewardAttachment *attachment)
{
  switch (steward_attachment_get_kind (attachment))
    {
    case STEWARD_ATTACHMENT_KIND_IMAGE:
      return "image-x-generic-symbolic";

    case STEWARD_ATTACHMENT_KIND_PDF:
      return "x-office-document-symbolic";

    case STEWARD_ATTACHMENT_KIND_TEXT:
    default:
      return "text-x-generic-symbolic";
    }
}

static void
open_clicked_cb (GtkButton         *button,
                 StewardAttachment *attachment)
{
  g_autofree char *uri = g_file_get_uri (steward_attachment_get_file (attachment));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (button));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static GtkWidget *
create_chip (StewardAttachmentStrip *self,
             StewardAttachment      *attachment)
{
  g_autofree char *details = describe (attachment);
  g_autofree char *accessible = NULL;
  g_autofree char *tooltip = NULL;
  const char *name = steward_attachment_get_name (attachment);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *label;

  if (steward_attachment_get_kind (attachment) == STEWARD_ATTACHMENT_KIND_IMAGE)
    {
      GtkWidget *picture = gtk_picture_new ();
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, thumbnail_cb, g_object_ref (picture));

      gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
      gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_COVER);
      gtk_widget_set_size_request (picture, THUMBNAIL_EDGE * 3 / 4, THUMBNAIL_EDGE / 2);
      gtk_widget_add_css_class (picture, "steward-attachment-thumbnail");
      gtk_widget_set_overflow (picture, GTK_OVERFLOW_HIDDEN);
      gtk_box_append (GTK_BOX (box), picture);

      g_task_set_task_data (task, g_object_ref (attachment), g_object_unref);
      g_task_run_in_thread (task, thumbnail_worker);
    }
  else
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name (attachment));

      gtk_image_set_pixel_size (GTK_IMAGE (image), 32);
      gtk_box_append (GTK_BOX (box), image);
    }

  label = gtk_label_new (name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 18);
  gtk_box_append (GTK_BOX (box), label);

  label = gtk_label_new (details);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);

  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "steward-attachment");

  /* Translators: an attachment's name for screen readers: "plan.pdf, 2 pages" */
  accessible = g_strdup_printf (_("%s, %s"), name, details);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  tooltip = g_strdup_printf (_("Open %s"), name);
  gtk_widget_set_tooltip_text (button, tooltip);

  g_signal_connect_data (button, "clicked", G_CALLBACK (open_clicked_cb),
                         g_object_ref (attachment), (GClosureNotify)(void (*) (void))g_object_unref, 0);

  /* An image's text, read offline, into the message being written */
  if (steward_attachment_get_kind (attachment) == STEWARD_ATTACHMENT_KIND_IMAGE &&
      steward_ocr_is_available ())
    {
      g_autofree char *uri = g_file_get_uri (steward_attachment_get_file (attachment));
      g_autofree char *extract_label = NULL;
      GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *extract = gtk_button_new ();
      GtkWidget *content = adw_button_content_new ();

      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "edit-select-all-symbolic");
      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Extract Text"));
      gtk_button_set_child (GTK_BUTTON (extract), content);
      gtk_widget_add_css_class (extract, "flat");
      gtk_widget_add_css_class (extract, "caption");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (extract), "chat.extract-text");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (extract), "(ss)", uri, name);
      /* Translators: %s is an image's name */
      extract_label = g_strdup_printf (_("Extract Text From %s"), name);
      gtk_widget_set_tooltip_text (extract, extract_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (extract),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, extract_label,
                                      -1);

      gtk_box_append (GTK_BOX (chip), button);
      gtk_box_append (GTK_BOX (chip), extract);
      return chip;
    }

  return button;
}

/**
 * steward_attachment_strip_set_model:
 * @attachments: (nullable): a message's attachments (StewardAttachment)
 *
 * Shows @attachments; the strip hides when there are none.
 */
void
steward_attachment_strip_set_model (StewardAttachmentStrip *self,
                                    GListModel             *attachments)
{
  GtkWidget *child;
  guint n_items;

  g_return_if_fail (STEWARD_IS_ATTACHMENT_STRIP (self));
  g_return_if_fail (!attachments || G_IS_LIST_MODEL (attachments));

  if (self->attachments == attachments)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_set_object (&self->attachments, attachments);

  while ((child = gtk_widget_get_first_child (self->flow)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->flow), child);

  n_items = attachments != NULL ? g_list_model_get_n_items (attachments) : 0;
  gtk_widget_set_visible (GTK_WIDGET (self), n_items > 0);
  if (n_items == 0)
    return;

  self->cancellable = g_cancellable_new ();
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardAttachment) attachment = g_list_model_get_item (attachments, i);

      GtkWidget *chip;

      if (steward_attachment_get_kind (attachment) == STEWARD_ATTACHMENT_KIND_AUDIO)
        chip = steward_attachment_player_new (attachment);
      else
        chip = create_chip (self, attachment);

      gtk_flow_box_append (GTK_FLOW_BOX (self->flow), chip);
      /* The chip's button takes the focus, not the box's cell around it */
      gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
    }
}

GtkWidget *
steward_attachment_strip_new (void)
{
  return g_object_new (STEWARD_TYPE_ATTACHMENT_STRIP, NULL);
}

static void
steward_attachment_strip_dispose (GObject *object)
{
  StewardAttachmentStrip *self = (StewardAttachmentStrip *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->attachments);
  g_clear_pointer (&self->flow, gtk_widget_unparent);

  G_OBJECT_CLASS (steward_attachment_strip_parent_class)->dispose (object);
}

static void
steward_attachment_strip_class_init (StewardAttachmentStripClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_attachment_strip_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attachmentstrip");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steward_attachment_strip_init (StewardAttachmentStrip *self)
{
  self->flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->flow), 6);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->flow), FALSE);
  gtk_widget_set_parent (self->flow, GTK_WIDGET (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Attachments"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
