/* steward-attachment-player.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-attachment-player"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "steward-attachment-player.h"
#include "steward-audio-player.h"
#include "steward-read-aloud.h"

/* The row is made for every audio attachment shown, but its player (a
 * GStreamer pipeline) only when the user plays or seeks. The rows of the
 * conversation view are recycled: a row that shows another message, or
 * is no longer on screen, is unmapped or dropped, and stops what it
 * played, so no sound goes on from a message out of sight.
 *
 * One recording plays at a time in the app: playing one stops the one
 * playing, and Read Aloud; Read Aloud starting stops the recording. */

/* The player playing, wherever it is in the app */
static StewardAudioPlayer *playing;

struct _StewardAttachmentPlayer
{
  GtkWidget           parent_instance;

  /* Owned */
  StewardAttachment  *attachment;
  StewardAudioPlayer *player;

  /* Children */
  GtkWidget          *play_button;
  GtkWidget          *name_label;
  GtkWidget          *scale;
  GtkWidget          *time_label;
  GtkWidget          *open_button;

  guint               follows_read_aloud : 1;
};

G_DEFINE_FINAL_TYPE (StewardAttachmentPlayer, steward_attachment_player, GTK_TYPE_WIDGET)

/* -- what is shown --------------------------------------------------------- */

static char *
format_time (double seconds)
{
  guint whole = (guint) MAX (seconds, 0);

  if (whole >= 3600)
    /* Translators: a time in a recording, hours:minutes:seconds */
    return g_strdup_printf (_("%u:%02u:%02u"), whole / 3600, whole / 60 % 60, whole % 60);

  /* Translators: an attached recording's length, minutes:seconds */
  return g_strdup_printf (_("%u:%02u"), whole / 60, whole % 60);
}

static double
get_duration (StewardAttachmentPlayer *self)
{
  if (self->player != NULL && steward_audio_player_get_duration (self->player) > 0)
    return steward_audio_player_get_duration (self->player);

  return steward_attachment_get_duration (self->attachment);
}

static StewardAudioPlayerState
get_state (StewardAttachmentPlayer *self)
{
  return self->player != NULL ? steward_audio_player_get_state (self->player)
                              : STEWARD_AUDIO_PLAYER_STATE_STOPPED;
}

static void
update_button (StewardAttachmentPlayer *self)
{
  const char *name = steward_attachment_get_name (self->attachment);
  g_autofree char *label = NULL;
  gboolean plays = get_state (self) == STEWARD_AUDIO_PLAYER_STATE_PLAYING;

  gtk_button_set_icon_name (GTK_BUTTON (self->play_button),
                            plays ? "media-playback-pause-symbolic" : "media-playback-start-symbolic");
  gtk_widget_set_tooltip_text (self->play_button, plays ? _("Pause") : _("Play"));

  /* Translators: %s is a recording's file name, as in "Play memo.ogg" */
  label = g_strdup_printf (plays ? _("Pause %s") : _("Play %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->play_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
update_position (StewardAttachmentPlayer *self)
{
  double position = self->player != NULL ? steward_audio_player_get_position (self->player) : 0;
  double duration = get_duration (self);
  g_autofree char *elapsed = format_time (position);
  /* The length rounded (5.99 s is 0:06), the time played rounded down */
  g_autofree char *total = format_time (duration + 0.5);
  g_autofree char *text = NULL;
  GtkAdjustment *adjustment = gtk_range_get_adjustment (GTK_RANGE (self->scale));

  if (duration > 0 && gtk_adjustment_get_upper (adjustment) != duration)
    {
      /* Arrow keys move by a second in a short memo, by five in a long one */
      gtk_adjustment_set_upper (adjustment, duration);
      gtk_adjustment_set_step_increment (adjustment, duration < 60 ? 1 : 5);
      gtk_adjustment_set_page_increment (adjustment, duration < 60 ? 5 : 30);
    }
  gtk_range_set_value (GTK_RANGE (self->scale), position);

  /* Translators: the time played and a recording's length: "0:12 / 1:05" */
  text = g_strdup_printf (_("%s / %s"), elapsed, total);
  gtk_label_set_text (GTK_LABEL (self->time_label), text);
}

static void
show_error (StewardAttachmentPlayer *self,
            const char              *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *markup = NULL;

  if (overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  /* A toast's title is markup */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (markup));
}

/* -- the player ------------------------------------------------------------ */

static void
player_state_cb (StewardAttachmentPlayer *self)
{
  g_assert (STEWARD_IS_ATTACHMENT_PLAYER (self));

  update_button (self);
  update_position (self);
}

static void
player_error_cb (StewardAttachmentPlayer *self,
                 const GError            *error)
{
  g_assert (STEWARD_IS_ATTACHMENT_PLAYER (self));

  show_error (self, error->message);
}

/* Read Aloud started: the recording gives way */
static void
read_aloud_cb (StewardAttachmentPlayer *self,
               GParamSpec              *pspec,
               StewardReadAloud        *read_aloud)
{
  g_assert (STEWARD_IS_ATTACHMENT_PLAYER (self));

  if (steward_read_aloud_get_message_id (read_aloud) != 0 && self->player != NULL)
    steward_audio_player_stop (self->player);
}

static StewardAudioPlayer *
ensure_player (StewardAttachmentPlayer *self)
{
  if (self->player != NULL)
    return self->player;

  self->player = steward_audio_player_new (steward_attachment_get_file (self->attachment),
                                           steward_attachment_get_name (self->attachment));
  g_signal_connect_object (self->player, "notify::state", G_CALLBACK (player_state_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::position", G_CALLBACK (update_position),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "notify::duration", G_CALLBACK (update_position),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->player, "error", G_CALLBACK (player_error_cb),
                           self, G_CONNECT_SWAPPED);

  return self->player;
}

/* What else makes sound stops: the recording playing elsewhere, Read
 * Aloud */
static void
take_over (StewardAttachmentPlayer *self)
{
  StewardReadAloud *read_aloud = steward_read_aloud_get_for_widget (GTK_WIDGET (self));

  if (playing != NULL && playing != self->player)
    steward_audio_player_stop (playing);
  g_set_weak_pointer (&playing, self->player);

  if (read_aloud != NULL)
    {
      steward_read_aloud_stop (read_aloud);
      if (!self->follows_read_aloud)
        {
          self->follows_read_aloud = TRUE;
          g_signal_connect_object (read_aloud, "notify::message-id", G_CALLBACK (read_aloud_cb),
                                   self, G_CONNECT_SWAPPED);
        }
    }
}

static void
play_clicked_cb (StewardAttachmentPlayer *self)
{
  g_assert (STEWARD_IS_ATTACHMENT_PLAYER (self));

  ensure_player (self);
  if (steward_audio_player_get_state (self->player) == STEWARD_AUDIO_PLAYER_STATE_PLAYING)
    {
      steward_audio_player_pause (self->player);
      return;
    }

  take_over (self);
  steward_audio_player_play (self->player);
}

/* The user moved the bar (pointer or keyboard); the position told by
 * the player moves it with gtk_range_set_value(), which does not come here */
static gboolean
change_value_cb (StewardAttachmentPlayer *self,
                 GtkScrollType            scroll,
                 double                   value)
{
  g_assert (STEWARD_IS_ATTACHMENT_PLAYER (self));

  steward_audio_player_seek (ensure_player (self), value);

  /* The bar follows the player */
  return TRUE;
}

static void
open_clicked_cb (StewardAttachmentPlayer *self)
{
  g_autofree char *uri = g_file_get_uri (steward_attachment_get_file (self->attachment));
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  g_assert (STEWARD_IS_ATTACHMENT_PLAYER (self));

  if (self->player != NULL)
    steward_audio_player_pause (self->player);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

/* -- the widget ------------------------------------------------------------ */

GtkWidget *
steward_attachment_player_new (StewardAttachment *attachment)
{
  StewardAttachmentPlayer *self;
  const char *name;
  g_autofree char *length = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (STEWARD_IS_ATTACHMENT (attachment), NULL);

  self = g_object_new (STEWARD_TYPE_ATTACHMENT_PLAYER, NULL);
  self->attachment = g_object_ref (attachment);
  name = steward_attachment_get_name (attachment);

  gtk_label_set_text (GTK_LABEL (self->name_label), name);

  /* Translators: an attached recording for screen readers: "memo.ogg, 1:05" */
  length = format_time (steward_attachment_get_duration (attachment) + 0.5);
  label = g_strdup_printf (_("%s, %s"), name, length);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_clear_pointer (&label, g_free);

  /* Translators: the seek bar of a recording; %s is its file name */
  label = g_strdup_printf (_("Position in %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->scale),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_clear_pointer (&label, g_free);

  label = g_strdup_printf (_("Open %s"), name);
  gtk_widget_set_tooltip_text (self->open_button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);

  update_button (self);
  update_position (self);

  return GTK_WIDGET (self);
}

/* Out of sight (another page, a recycled row): no sound goes on */
static void
steward_attachment_player_unmap (GtkWidget *widget)
{
  StewardAttachmentPlayer *self = (StewardAttachmentPlayer *)widget;

  if (self->player != NULL)
    steward_audio_player_stop (self->player);

  GTK_WIDGET_CLASS (steward_attachment_player_parent_class)->unmap (widget);
}

static void
steward_attachment_player_dispose (GObject *object)
{
  StewardAttachmentPlayer *self = (StewardAttachmentPlayer *)object;
  GtkWidget *child;

  if (self->player != NULL)
    steward_audio_player_stop (self->player);
  g_clear_object (&self->player);
  g_clear_object (&self->attachment);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (steward_attachment_player_parent_class)->dispose (object);
}

static void
steward_attachment_player_class_init (StewardAttachmentPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = steward_attachment_player_dispose;

  widget_class->unmap = steward_attachment_player_unmap;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "attachmentplayer");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
steward_attachment_player_init (StewardAttachmentPlayer *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GtkWidget *details;
  GtkWidget *heading;

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  gtk_widget_add_css_class (GTK_WIDGET (self), "card");

  self->play_button = gtk_button_new ();
  gtk_widget_add_css_class (self->play_button, "circular");
  gtk_widget_add_css_class (self->play_button, "suggested-action");
  gtk_widget_set_valign (self->play_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->play_button, "clicked", G_CALLBACK (play_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->play_button, GTK_WIDGET (self));

  /* The name over the bar, the time beside the name */
  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (details, TRUE);
  gtk_widget_set_valign (details, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (details, GTK_WIDGET (self));

  heading = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (details), heading);

  self->name_label = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (self->name_label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_xalign (GTK_LABEL (self->name_label), 0);
  gtk_widget_set_hexpand (self->name_label, TRUE);
  gtk_widget_add_css_class (self->name_label, "caption-heading");
  gtk_box_append (GTK_BOX (heading), self->name_label);

  self->time_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->time_label, "caption");
  gtk_widget_add_css_class (self->time_label, "numeric");
  gtk_widget_add_css_class (self->time_label, "dim-label");
  gtk_box_append (GTK_BOX (heading), self->time_label);

  self->scale = gtk_scale_new_with_range (GTK_ORIENTATION_HORIZONTAL, 0, 1, 1);
  gtk_scale_set_draw_value (GTK_SCALE (self->scale), FALSE);
  gtk_widget_set_size_request (self->scale, 140, -1);
  g_signal_connect_object (self->scale, "change-value", G_CALLBACK (change_value_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (details), self->scale);

  self->open_button = gtk_button_new_from_icon_name ("document-open-symbolic");
  gtk_widget_add_css_class (self->open_button, "flat");
  gtk_widget_add_css_class (self->open_button, "circular");
  gtk_widget_set_valign (self->open_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->open_button, "clicked", G_CALLBACK (open_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_set_parent (self->open_button, GTK_WIDGET (self));
}
