/* steward-read-aloud.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-read-aloud"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-read-aloud.h"
#include "steward-speakable.h"
#include "steward-speaker.h"

/* Each window has one, made when a message row first shows in it and
 * kept on the window: the rows follow its "message-id" to show Read
 * Aloud or Stop Reading. The speaker itself is made when the first reply
 * is read. $STEWARD_SPEECH_BACKEND ("speech-dispatcher", "espeak" or
 * "none") forces a way of speaking, for tests. */

#define WINDOW_DATA_KEY "steward-read-aloud"
#define BACKEND_ENV "STEWARD_SPEECH_BACKEND"

struct _StewardReadAloud
{
  GObject          parent_instance;

  /* Owned */
  StewardSpeaker  *speaker;

  /* Weak: where a failure is told */
  AdwToastOverlay *toast_overlay;

  /* The reply being read, 0 when none */
  gint64           message_id;
  /* Of the text being read: the end of one stopped is not taken for the
   * end of the next */
  guint            serial;
};

G_DEFINE_FINAL_TYPE (StewardReadAloud, steward_read_aloud, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MESSAGE_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  StewardReadAloud *self;
  guint             serial;
} Reading;

static void
set_message_id (StewardReadAloud *self,
                gint64            message_id)
{
  if (self->message_id == message_id)
    return;

  self->message_id = message_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE_ID]);
}

static void
show_error (StewardReadAloud *self,
            const char       *message)
{
  g_autofree char *markup = NULL;

  if (self->toast_overlay == NULL)
    {
      g_warning ("%s", message);
      return;
    }

  /* A toast's title is markup. */
  markup = g_markup_escape_text (message, -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (markup));
}

static void
speak_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Reading *reading = user_data;
  StewardReadAloud *self = reading->self;
  g_autoptr(GError) error = NULL;

  steward_speaker_speak_finish (STEWARD_SPEAKER (object), result, &error);

  /* Stopped for another reply, which is the one shown now. */
  if (reading->serial == self->serial)
    {
      set_message_id (self, 0);
      if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
    }

  g_object_unref (reading->self);
  g_free (reading);
}

static StewardSpeechBackend
chosen_backend (void)
{
  const char *nick = g_getenv (BACKEND_ENV);
  int backend = STEWARD_SPEECH_BACKEND_AUTO;

  if (nick != NULL && nick[0] != '\0' &&
      !steward_enum_from_nick (STEWARD_TYPE_SPEECH_BACKEND, nick, &backend))
    g_warning ("%s=%s is not a way of speaking: “speech-dispatcher”, “espeak” or “none”", BACKEND_ENV, nick);

  return backend;
}

/**
 * steward_read_aloud_toggle:
 * @message: a reply
 * @widget: where it is shown: a failure is told in the toasts over it
 *
 * Reads @message aloud, stopping what was read, or stops reading it if
 * it is being read.
 */
void
steward_read_aloud_toggle (StewardReadAloud *self,
                           StewardMessage   *message,
                           GtkWidget        *widget)
{
  g_autofree char *text = NULL;
  Reading *reading;
  GtkWidget *overlay;
  gint64 id;

  g_return_if_fail (STEWARD_IS_READ_ALOUD (self));
  g_return_if_fail (STEWARD_IS_MESSAGE (message));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  id = steward_message_get_id (message);
  if (id == self->message_id)
    {
      steward_read_aloud_stop (self);
      return;
    }

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  g_set_weak_pointer (&self->toast_overlay, overlay != NULL ? ADW_TOAST_OVERLAY (overlay) : NULL);

  if (self->speaker == NULL)
    self->speaker = steward_speaker_new (chosen_backend (), NULL);

  text = steward_speakable_from_markdown (steward_message_get_content (message), -1);
  if (text[0] == '\0')
    {
      steward_read_aloud_stop (self);
      show_error (self, _("This reply has no text to read aloud."));
      return;
    }

  reading = g_new0 (Reading, 1);
  reading->self = g_object_ref (self);
  reading->serial = ++self->serial;
  set_message_id (self, id);
  steward_speaker_speak_async (self->speaker, text, NULL, speak_cb, reading);
}

/* Stops reading at once; nothing when nothing is read. */
void
steward_read_aloud_stop (StewardReadAloud *self)
{
  g_return_if_fail (STEWARD_IS_READ_ALOUD (self));

  self->serial++;
  set_message_id (self, 0);
  if (self->speaker != NULL)
    steward_speaker_stop (self->speaker);
}

gint64
steward_read_aloud_get_message_id (StewardReadAloud *self)
{
  g_return_val_if_fail (STEWARD_IS_READ_ALOUD (self), 0);

  return self->message_id;
}

/* The window goes: so does what it was reading. */
static void
window_data_free (gpointer data)
{
  StewardReadAloud *self = data;

  steward_read_aloud_stop (self);
  g_object_unref (self);
}

/**
 * steward_read_aloud_get_for_widget:
 *
 * Returns: (transfer none) (nullable): the one of @widget's window, made
 *   the first time; %NULL when @widget is in no window
 */
StewardReadAloud *
steward_read_aloud_get_for_widget (GtkWidget *widget)
{
  GtkRoot *root;
  StewardReadAloud *self;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  if ((root = gtk_widget_get_root (widget)) == NULL)
    return NULL;

  if ((self = g_object_get_data (G_OBJECT (root), WINDOW_DATA_KEY)) == NULL)
    {
      self = g_object_new (STEWARD_TYPE_READ_ALOUD, NULL);
      g_object_set_data_full (G_OBJECT (root), WINDOW_DATA_KEY, self, window_data_free);
    }

  return self;
}

static void
steward_read_aloud_dispose (GObject *object)
{
  StewardReadAloud *self = (StewardReadAloud *)object;

  g_clear_weak_pointer (&self->toast_overlay);
  g_clear_object (&self->speaker);

  G_OBJECT_CLASS (steward_read_aloud_parent_class)->dispose (object);
}

static void
steward_read_aloud_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  StewardReadAloud *self = STEWARD_READ_ALOUD (object);

  switch (prop_id)
    {
    case PROP_MESSAGE_ID:
      g_value_set_int64 (value, self->message_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_read_aloud_class_init (StewardReadAloudClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_read_aloud_dispose;
  object_class->get_property = steward_read_aloud_get_property;

  /**
   * StewardReadAloud:message-id:
   *
   * The id of the reply being read aloud, 0 when none is.
   */
  properties[PROP_MESSAGE_ID] =
    g_param_spec_int64 ("message-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_read_aloud_init (StewardReadAloud *self)
{
}
