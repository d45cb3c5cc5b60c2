/* steward-audio-player.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-audio-player"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/gst.h>

#include "steward-audio-player.h"
#include "steward-enum-types.h"

/* The pipeline is made on the first play or seek and thrown away when
 * the player stops, at the end of the file or on an error, so a player
 * that is not playing holds no audio output. The state property is what
 * the user asked for: "playing" from the moment play is pressed, while
 * GStreamer is still reading the start of the file.
 *
 * A seek made before GStreamer has read the start of the file (the
 * pipeline is not prerolled) waits for it: it is done at ASYNC_DONE. */

/* How often the position is told while playing: a seek bar moves
 * smoothly enough, and the main loop stays idle between */
#define POSITION_INTERVAL_MS 250

#define AUDIO_SINK_ENV "STEWARD_AUDIO_SINK"

struct _StewardAudioPlayer
{
  GObject                  parent_instance;

  /* Owned */
  GFile                   *file;
  char                    *name;
  GstElement              *pipeline;
  guint                    bus_watch;
  guint                    position_source;

  StewardAudioPlayerState  state;
  double                   position;
  double                   duration;
  /* Seconds to seek to once prerolled; negative when none */
  double                   pending_seek;
  guint                    prerolled : 1;
};

G_DEFINE_FINAL_TYPE (StewardAudioPlayer, steward_audio_player, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_NAME,
  PROP_STATE,
  PROP_POSITION,
  PROP_DURATION,
  N_PROPS
};

enum {
  ERROR,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* -- properties ------------------------------------------------------------ */

static void
set_state (StewardAudioPlayer      *self,
           StewardAudioPlayerState  state)
{
  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_position (StewardAudioPlayer *self,
              double              position)
{
  if (self->position == position)
    return;

  self->position = position;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POSITION]);
}

static void
set_duration (StewardAudioPlayer *self,
              double              duration)
{
  if (self->duration == duration)
    return;

  self->duration = duration;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURATION]);
}

static void
query_position (StewardAudioPlayer *self)
{
  gint64 position;

  if (self->pipeline != NULL && self->prerolled && self->pending_seek < 0 &&
      gst_element_query_position (self->pipeline, GST_FORMAT_TIME, &position) &&
      position >= 0)
    set_position (self, (double) position / GST_SECOND);
}

static void
query_duration (StewardAudioPlayer *self)
{
  gint64 duration;

  if (self->pipeline != NULL &&
      gst_element_query_duration (self->pipeline, GST_FORMAT_TIME, &duration) &&
      duration > 0)
    set_duration (self, (double) duration / GST_SECOND);
}

static gboolean
position_cb (gpointer user_data)
{
  StewardAudioPlayer *self = user_data;

  query_position (self);

  return G_SOURCE_CONTINUE;
}

static void
follow_position (StewardAudioPlayer *self,
                 gboolean            follow)
{
  if (!follow)
    g_clear_handle_id (&self->position_source, g_source_remove);
  else if (self->position_source == 0)
    self->position_source = g_timeout_add (POSITION_INTERVAL_MS, position_cb, self);
}

/* -- the pipeline ---------------------------------------------------------- */

static void
clear_pipeline (StewardAudioPlayer *self)
{
  follow_position (self, FALSE);
  g_clear_handle_id (&self->bus_watch, g_source_remove);

  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      gst_clear_object (&self->pipeline);
    }

  self->prerolled = FALSE;
  self->pending_seek = -1;
}

/* Back at the start, holding nothing */
static void
stop_playing (StewardAudioPlayer *self)
{
  clear_pipeline (self);
  set_position (self, 0);
  set_state (self, STEWARD_AUDIO_PLAYER_STATE_STOPPED);
}

static void
fail (StewardAudioPlayer *self,
      GError             *error)
{
  g_object_ref (self);

  stop_playing (self);
  g_signal_emit (self, signals[ERROR], 0, error);

  g_object_unref (self);
}

/* One sentence naming the file, for what GStreamer tells in its own
 * words (kept in the debug log) */
static GError *
error_from_message (StewardAudioPlayer *self,
                    GstMessage         *message)
{
  g_autoptr(GError) gst_error = NULL;
  g_autofree char *debug = NULL;
  GstObject *source = GST_MESSAGE_SRC (message);

  gst_message_parse_error (message, &gst_error, &debug);
  g_debug ("%s: %s (%s)", self->name, gst_error->message, debug != NULL ? debug : "");

  if (GST_IS_ELEMENT (source) && GST_OBJECT_FLAG_IS_SET (source, GST_ELEMENT_FLAG_SINK))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                        _("%s cannot be played: the audio output cannot be opened."), self->name);

  if (g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_NOT_FOUND) ||
      g_error_matches (gst_error, GST_RESOURCE_ERROR, GST_RESOURCE_ERROR_OPEN_READ))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                        _("%s cannot be played: the file is missing."), self->name);

  if (g_error_matches (gst_error, GST_CORE_ERROR, GST_CORE_ERROR_MISSING_PLUGIN) ||
      g_error_matches (gst_error, GST_STREAM_ERROR, GST_STREAM_ERROR_CODEC_NOT_FOUND))
    return g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                        _("%s is audio of a kind GStreamer cannot play here."), self->name);

  return g_error_new (G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                      _("%s cannot be played: it is not a complete audio file."), self->name);
}

static void
do_seek (StewardAudioPlayer *self,
         double              position)
{
  if (!gst_element_seek_simple (self->pipeline, GST_FORMAT_TIME,
                                GST_SEEK_FLAG_FLUSH | GST_SEEK_FLAG_ACCURATE,
                                (gint64) (position * GST_SECOND)))
    g_debug ("%s: GStreamer refused to seek to %.2f s", self->name, position);
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  StewardAudioPlayer *self = user_data;

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ASYNC_DONE:
      self->prerolled = TRUE;
      query_duration (self);
      if (self->pending_seek >= 0)
        {
          double position = self->pending_seek;

          self->pending_seek = -1;
          do_seek (self, position);
        }
      break;

    case GST_MESSAGE_DURATION_CHANGED:
      query_duration (self);
      break;

    case GST_MESSAGE_EOS:
      /* The watch goes with the pipeline */
      self->bus_watch = 0;
      stop_playing (self);
      return G_SOURCE_REMOVE;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) error = error_from_message (self, message);

        self->bus_watch = 0;
        fail (self, error);
      }
      return G_SOURCE_REMOVE;

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static GstElement *
make_sink (StewardAudioPlayer  *self,
           GError             **error)
{
  const char *description = g_getenv (AUDIO_SINK_ENV);
  g_autoptr(GError) local_error = NULL;
  GstElement *sink;

  if (description == NULL || description[0] == '\0')
    return NULL;

  if (!(sink = gst_parse_bin_from_description (description, TRUE, &local_error)))
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                 _("%s cannot be played: %s=%s is not an audio output (%s)."),
                 self->name, AUDIO_SINK_ENV, description, local_error->message);

  return sink;
}

static gboolean
ensure_pipeline (StewardAudioPlayer  *self,
                 GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GstBus) bus = NULL;
  g_autofree char *uri = NULL;
  GstElement *sink = NULL;

  if (self->pipeline != NULL)
    return TRUE;

  if (!gst_init_check (NULL, NULL, &local_error))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s cannot be played: GStreamer does not start (%s)."), self->name, local_error->message);
      return FALSE;
    }

  if (!(self->pipeline = gst_element_factory_make ("playbin", NULL)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s cannot be played: GStreamer’s “playbin” element is missing."), self->name);
      return FALSE;
    }
  gst_object_ref_sink (self->pipeline);

  if (g_getenv (AUDIO_SINK_ENV) != NULL && !(sink = make_sink (self, error)))
    {
      gst_clear_object (&self->pipeline);
      return FALSE;
    }

  uri = g_file_get_uri (self->file);
  g_object_set (self->pipeline, "uri", uri, NULL);
  if (sink != NULL)
    g_object_set (self->pipeline, "audio-sink", sink, NULL);
  /* Sound only: no video or visualisation is ever made of a memo */
  gst_util_set_object_arg (G_OBJECT (self->pipeline), "flags", "audio+soft-volume");

  bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  self->prerolled = FALSE;
  self->pending_seek = -1;

  return TRUE;
}

/* Moves the pipeline towards @state; FALSE (and the player stopped)
 * when it fails at once, as for a file that is gone */
static gboolean
change_state (StewardAudioPlayer *self,
              GstState            state)
{
  g_autoptr(GError) error = NULL;

  if (!ensure_pipeline (self, &error))
    {
      fail (self, error);
      return FALSE;
    }

  if (gst_element_set_state (self->pipeline, state) == GST_STATE_CHANGE_FAILURE)
    {
      g_autoptr(GstBus) bus = gst_pipeline_get_bus (GST_PIPELINE (self->pipeline));
      g_autoptr(GstMessage) message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR);

      if (message != NULL)
        error = error_from_message (self, message);
      else
        error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                             _("%s cannot be played: the audio output cannot be opened."), self->name);
      fail (self, error);
      return FALSE;
    }

  return TRUE;
}

/* -- the public API -------------------------------------------------------- */

StewardAudioPlayer *
steward_audio_player_new (GFile      *file,
                          const char *name)
{
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (STEWARD_TYPE_AUDIO_PLAYER,
                       "file", file,
                       "name", name,
                       NULL);
}

/**
 * steward_audio_player_get_file:
 *
 * Returns: (transfer none): the file played
 */
GFile *
steward_audio_player_get_file (StewardAudioPlayer *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIO_PLAYER (self), NULL);

  return self->file;
}

const char *
steward_audio_player_get_name (StewardAudioPlayer *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIO_PLAYER (self), NULL);

  return self->name;
}

StewardAudioPlayerState
steward_audio_player_get_state (StewardAudioPlayer *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIO_PLAYER (self), STEWARD_AUDIO_PLAYER_STATE_STOPPED);

  return self->state;
}

double
steward_audio_player_get_position (StewardAudioPlayer *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIO_PLAYER (self), 0);

  return self->position;
}

double
steward_audio_player_get_duration (StewardAudioPlayer *self)
{
  g_return_val_if_fail (STEWARD_IS_AUDIO_PLAYER (self), 0);

  return self->duration;
}

void
steward_audio_player_play (StewardAudioPlayer *self)
{
  g_return_if_fail (STEWARD_IS_AUDIO_PLAYER (self));

  if (self->state == STEWARD_AUDIO_PLAYER_STATE_PLAYING)
    return;

  if (!change_state (self, GST_STATE_PLAYING))
    return;

  set_state (self, STEWARD_AUDIO_PLAYER_STATE_PLAYING);
  follow_position (self, TRUE);
}

void
steward_audio_player_pause (StewardAudioPlayer *self)
{
  g_return_if_fail (STEWARD_IS_AUDIO_PLAYER (self));

  if (self->state != STEWARD_AUDIO_PLAYER_STATE_PLAYING)
    return;

  follow_position (self, FALSE);
  query_position (self);
  if (!change_state (self, GST_STATE_PAUSED))
    return;

  set_state (self, STEWARD_AUDIO_PLAYER_STATE_PAUSED);
}

void
steward_audio_player_stop (StewardAudioPlayer *self)
{
  g_return_if_fail (STEWARD_IS_AUDIO_PLAYER (self));

  stop_playing (self);
}

void
steward_audio_player_seek (StewardAudioPlayer *self,
                           double              position)
{
  g_return_if_fail (STEWARD_IS_AUDIO_PLAYER (self));

  position = MAX (position, 0);
  if (self->duration > 0)
    position = MIN (position, self->duration);

  if (self->state == STEWARD_AUDIO_PLAYER_STATE_STOPPED)
    {
      if (!change_state (self, GST_STATE_PAUSED))
        return;
      set_state (self, STEWARD_AUDIO_PLAYER_STATE_PAUSED);
    }

  if (self->prerolled && self->pending_seek < 0)
    do_seek (self, position);
  else
    self->pending_seek = position;

  set_position (self, position);
}

/* -- the object ------------------------------------------------------------ */

static void
steward_audio_player_constructed (GObject *object)
{
  StewardAudioPlayer *self = (StewardAudioPlayer *)object;

  G_OBJECT_CLASS (steward_audio_player_parent_class)->constructed (object);

  g_assert (self->file != NULL);
  if (self->name == NULL)
    self->name = g_file_get_basename (self->file);
}

static void
steward_audio_player_dispose (GObject *object)
{
  StewardAudioPlayer *self = (StewardAudioPlayer *)object;

  clear_pipeline (self);

  G_OBJECT_CLASS (steward_audio_player_parent_class)->dispose (object);
}

static void
steward_audio_player_finalize (GObject *object)
{
  StewardAudioPlayer *self = (StewardAudioPlayer *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->name, g_free);

  G_OBJECT_CLASS (steward_audio_player_parent_class)->finalize (object);
}

static void
steward_audio_player_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  StewardAudioPlayer *self = STEWARD_AUDIO_PLAYER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_POSITION:
      g_value_set_double (value, self->position);
      break;

    case PROP_DURATION:
      g_value_set_double (value, self->duration);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_audio_player_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  StewardAudioPlayer *self = STEWARD_AUDIO_PLAYER (object);

  switch (prop_id)
    {
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;

    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_audio_player_class_init (StewardAudioPlayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = steward_audio_player_constructed;
  object_class->dispose = steward_audio_player_dispose;
  object_class->finalize = steward_audio_player_finalize;
  object_class->get_property = steward_audio_player_get_property;
  object_class->set_property = steward_audio_player_set_property;

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL,
                         G_TYPE_FILE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       STEWARD_TYPE_AUDIO_PLAYER_STATE,
                       STEWARD_AUDIO_PLAYER_STATE_STOPPED,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_POSITION] =
    g_param_spec_double ("position", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_DURATION] =
    g_param_spec_double ("duration", NULL, NULL,
                         0, G_MAXDOUBLE, 0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardAudioPlayer::error:
   * @error: one sentence naming the file
   *
   * The file could not be played; the player has stopped.
   */
  signals[ERROR] =
    g_signal_new ("error",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
steward_audio_player_init (StewardAudioPlayer *self)
{
  self->pending_seek = -1;
}
