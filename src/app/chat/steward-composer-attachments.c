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
 * checked whole, within the limits, in a worker), shown meanwhile as a
 * chip with a progress bar (a scanned PDF's pages take seconds each) and
 * a button that stops it, then as a chip with its name and a button that
 * takes it off again. A file that cannot be
 * attached is refused with a sentence naming it ("refused"), and the
 * others stay. */

struct _StewardComposerAttachments
{
  GtkWidget     parent_instance;

  GtkWidget    *outer;
  GtkWidget    *box;
  GtkWidget    *waiting_label;
  /* A message was sent while files were being attached: it goes once
   * they are, unless one is refused */
  gboolean      send_waiting;
  GListStore   *attachments;
  /* Import, each shown as a pending chip until attached, refused or
   * stopped */
  GPtrArray    *imports;
};

G_DEFINE_FINAL_TYPE (StewardComposerAttachments, steward_composer_attachments, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

enum {
  REFUSED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* One file being attached: a chip with its name, a progress bar (the
 * pages of a PDF read, pulsing otherwise) and a button stopping it */
typedef struct
{
  StewardComposerAttachments *self;
  GCancellable               *cancellable;
  GtkWidget                  *chip;
  GtkProgressBar             *bar;
  guint                       pulse_id;
} Import;

/* Pulsing no faster than a few times a second, until pages are counted */
#define PULSE_INTERVAL_MS 150

static void
update_visible (StewardComposerAttachments *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self),
                          g_list_model_get_n_items (G_LIST_MODEL (self->attachments)) > 0 ||
                          self->imports->len > 0);
}

static Import *
import_ref (Import *import)
{
  return g_rc_box_acquire (import);
}

static void
import_clear (gpointer data)
{
  Import *import = data;

  g_assert (import->chip == NULL);
  g_assert (import->pulse_id == 0);
  g_clear_object (&import->cancellable);
  g_clear_object (&import->self);
}

static void
import_unref (gpointer data)
{
  g_rc_box_release_full (data, import_clear);
}

/* @import no longer shows: its chip is the caller's to remove or replace */
static void
import_detach (Import *import)
{
  g_ptr_array_remove (import->self->imports, import);
  g_clear_handle_id (&import->pulse_id, g_source_remove);
  import->chip = NULL;
  import->bar = NULL;
}

static void
import_end (Import *import)
{
  StewardComposerAttachments *self = import->self;

  import_detach (import);
  update_visible (self);
  if (self->imports->len == 0)
    {
      gtk_widget_set_visible (self->waiting_label, FALSE);
      /* Those waiting read :send-waiting now */
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
      self->send_waiting = FALSE;
    }
}

static gboolean
pulse_cb (gpointer data)
{
  Import *import = data;

  gtk_progress_bar_pulse (import->bar);
  return G_SOURCE_CONTINUE;
}

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer data)
{
  Import *import = data;

  if (import->bar == NULL || total == 0)
    return;

  g_clear_handle_id (&import->pulse_id, g_source_remove);
  gtk_progress_bar_set_fraction (import->bar, (double) done / total);
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

static GtkWidget *
make_chip (StewardComposerAttachments *self,
           StewardAttachment          *attachment)
{
  const char *name = steward_attachment_get_name (attachment);
  g_autofree char *remove_label = g_strdup_printf (_("Remove %s"), name);
  GtkWidget *chip = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *remove = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "steward-attachment-chip");
  g_object_set_data (G_OBJECT (chip), "attachment", attachment);
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

  return chip;
}

static void
stop_clicked_cb (GtkButton *button,
                 Import    *import)
{
  GtkWidget *chip = import->chip;

  g_cancellable_cancel (import->cancellable);
  gtk_box_remove (GTK_BOX (import->self->box), chip);
  import_end (import);
}

/* A chip for a file being attached, at the end of the others */
static GtkWidget *
make_pending_chip (Import     *import,
                   const char *name)
{
  /* Translators: %s is a file name, shown while it is being attached */
  g_autofree char *attaching = g_strdup_printf (_("Attaching %s"), name);
  /* Translators: %s is a file name; the button stops attaching it */
  g_autofree char *stop_label = g_strdup_printf (_("Stop Attaching %s"), name);
  GtkWidget *chip = g_object_new (GTK_TYPE_BOX,
                                  "orientation", GTK_ORIENTATION_HORIZONTAL,
                                  "spacing", 6,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_GROUP,
                                  NULL);
  GtkWidget *label = gtk_label_new (name);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *stop = gtk_button_new_from_icon_name ("window-close-symbolic");

  gtk_widget_add_css_class (chip, "steward-attachment-chip");
  gtk_widget_add_css_class (chip, "steward-attachment-pending");
  gtk_widget_set_tooltip_text (chip, attaching);
  gtk_accessible_update_property (GTK_ACCESSIBLE (chip),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, attaching,
                                  -1);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (chip), label);

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_progress_bar_set_pulse_step (GTK_PROGRESS_BAR (bar), 0.1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, attaching,
                                  -1);
  gtk_box_append (GTK_BOX (chip), bar);

  gtk_widget_add_css_class (stop, "flat");
  gtk_widget_add_css_class (stop, "circular");
  gtk_widget_set_tooltip_text (stop, stop_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (stop),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, stop_label,
                                  -1);
  g_signal_connect (stop, "clicked", G_CALLBACK (stop_clicked_cb), import);
  gtk_box_append (GTK_BOX (chip), stop);

  import->bar = GTK_PROGRESS_BAR (bar);
  return chip;
}

static void
imported_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Import *import = user_data;
  StewardComposerAttachments *self = import->self;
  g_autoptr(StewardAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *chip = import->chip;

  attachment = steward_attachment_import_finish (result, &error);

  /* Stopped, or the composer cleared: the chip is gone already */
  if (chip == NULL)
    {
      import_unref (import);
      return;
    }

  if (attachment == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          /* The message waiting for it does not go without it */
          steward_composer_attachments_set_send_waiting (self, FALSE);
          g_signal_emit (self, signals[REFUSED], 0, error);
        }
    }
  else if (!g_list_store_find (self->attachments, attachment, NULL))
    {
      guint position = 0;

      /* In the place it was added, among the files already attached */
      for (GtkWidget *child = gtk_widget_get_first_child (self->box);
           child != NULL && child != chip;
           child = gtk_widget_get_next_sibling (child))
        if (g_object_get_data (G_OBJECT (child), "attachment") != NULL)
          position++;

      g_list_store_insert (self->attachments, position, attachment);
      gtk_box_insert_child_after (GTK_BOX (self->box), make_chip (self, attachment), chip);
    }

  gtk_box_remove (GTK_BOX (self->box), chip);
  /* Last, so that a message waiting for "busy" finds its files */
  import_end (import);
  import_unref (import);
}

static Import *
import_start (StewardComposerAttachments *self,
              const char                 *name)
{
  Import *import = g_rc_box_new0 (Import);
  gboolean was_busy = self->imports->len > 0;

  import->self = g_object_ref (self);
  import->cancellable = g_cancellable_new ();
  import->chip = make_pending_chip (import, name);
  import->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, import);
  gtk_box_append (GTK_BOX (self->box), import->chip);
  g_ptr_array_add (self->imports, import);

  update_visible (self);
  if (!was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  return import;
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
 * Attaches each of @files in a worker, shown meanwhile with its progress
 * and a button stopping it; each is shown once attached, or refused
 * (#StewardComposerAttachments::refused).
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
      g_autofree char *name = g_file_get_basename (l->data);
      Import *import = import_start (self, name);

      steward_attachment_import_with_progress_async (l->data, directory,
                                                     import_progress_cb, import_ref (import), import_unref,
                                                     import->cancellable, imported_cb, import);
    }
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
  Import *import;

  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));

  if (directory == NULL)
    return;

  import = import_start (self, name);
  steward_attachment_import_bytes_with_progress_async (data, name, directory,
                                                       import_progress_cb, import_ref (import), import_unref,
                                                       import->cancellable, imported_cb, import);
}

/**
 * steward_composer_attachments_get_busy:
 *
 * Returns: whether files are still being attached (a message sent now
 *   would go without them)
 */
gboolean
steward_composer_attachments_get_busy (StewardComposerAttachments *self)
{
  g_return_val_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self), FALSE);

  return self->imports->len > 0;
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

/* Stops every import, leaving their chips to the caller */
static void
stop_all (StewardComposerAttachments *self)
{
  while (self->imports->len > 0)
    {
      Import *import = g_ptr_array_index (self->imports, 0);

      g_cancellable_cancel (import->cancellable);
      import_detach (import);
    }
}

/**
 * steward_composer_attachments_set_send_waiting:
 * @waiting: whether a message waits for the files being attached
 *
 * Says beside the files being attached that the message goes once they
 * are. A file refused, or the composer cleared, sets it back to %FALSE:
 * the message then stays to be sent again. It is read when :busy goes
 * %FALSE (steward_composer_attachments_get_send_waiting()), and %FALSE
 * after.
 */
void
steward_composer_attachments_set_send_waiting (StewardComposerAttachments *self,
                                               gboolean                    waiting)
{
  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));

  self->send_waiting = waiting && self->imports->len > 0;
  gtk_widget_set_visible (self->waiting_label, self->send_waiting);
}

gboolean
steward_composer_attachments_get_send_waiting (StewardComposerAttachments *self)
{
  g_return_val_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self), FALSE);

  return self->send_waiting;
}

/* The message went with them: the composer is empty again. */
void
steward_composer_attachments_clear (StewardComposerAttachments *self)
{
  GtkWidget *child;
  gboolean was_busy;

  g_return_if_fail (STEWARD_IS_COMPOSER_ATTACHMENTS (self));

  was_busy = self->imports->len > 0;
  self->send_waiting = FALSE;
  stop_all (self);

  gtk_widget_set_visible (self->waiting_label, FALSE);
  g_list_store_remove_all (self->attachments);
  while ((child = gtk_widget_get_first_child (self->box)) != NULL)
    gtk_box_remove (GTK_BOX (self->box), child);
  update_visible (self);
  if (was_busy)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
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

  if (self->imports != NULL)
    stop_all (self);
  g_clear_pointer (&self->imports, g_ptr_array_unref);
  g_clear_object (&self->attachments);
  self->box = NULL;
  self->waiting_label = NULL;
  g_clear_pointer (&self->outer, gtk_widget_unparent);

  G_OBJECT_CLASS (steward_composer_attachments_parent_class)->dispose (object);
}

static void
steward_composer_attachments_get_property (GObject    *object,
                                           guint       prop_id,
                                           GValue     *value,
                                           GParamSpec *pspec)
{
  StewardComposerAttachments *self = STEWARD_COMPOSER_ATTACHMENTS (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, steward_composer_attachments_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_composer_attachments_class_init (StewardComposerAttachmentsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_composer_attachments_dispose;
  object_class->get_property = steward_composer_attachments_get_property;

  /**
   * StewardComposerAttachments:busy:
   *
   * Whether files are still being attached.
   */
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  self->imports = g_ptr_array_new ();

  self->outer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_parent (self->outer, GTK_WIDGET (self));

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (self->outer), self->box);

  /* Translators: shown beside files being attached when the message was
   * sent before they were ready */
  self->waiting_label = gtk_label_new (_("Sends once attached"));
  gtk_widget_add_css_class (self->waiting_label, "dim-label");
  gtk_widget_add_css_class (self->waiting_label, "steward-attachment-waiting");
  gtk_widget_set_visible (self->waiting_label, FALSE);
  gtk_box_append (GTK_BOX (self->outer), self->waiting_label);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Files to Send"),
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
