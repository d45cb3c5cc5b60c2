/* steward-recorder.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-recorder"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include <gst/gst.h>

#include "steward-audio-trim.h"
#include "steward-recorder.h"
#include "steward-recording-pipeline.h"

/* Push to talk: the microphone → a level meter → a WAV file while the
 * key is held; on stop, a second pass (steward-audio-trim.c) writes Ogg
 * Opus (WAV where Opus is missing) with the silence at both ends cut
 * away. The level messages, which come anyway for the meter, tell where
 * the sound starts and ends, so nothing needs to be analysed twice.
 *
 * The source is a GStreamer bin description: "autoaudiosrc" unless the
 * caller names another, or $STEWARD_AUDIO_SOURCE does (tests use
 * audiotestsrc, which needs no sound server).
 */

#define DEFAULT_SOURCE   "autoaudiosrc"
#define SOURCE_ENV       "STEWARD_AUDIO_SOURCE"
/* The meter shows -60 dBFS … 0 dBFS */
#define METER_FLOOR_DB   (-60.0)
/* Below this peak an interval counts as silence: above a quiet room's
 * noise, below any voice near a microphone. */
#define SILENCE_DB       (-40.0)
/* Kept around the sound so the first and last syllables are not clipped */
#define PRE_ROLL         (200 * GST_MSECOND)
#define POST_ROLL        (300 * GST_MSECOND)
#define EOS_TIMEOUT_MS   5000

struct _StewardRecorder
{
  GObject       parent_instance;

  /* Owned */
  char         *source;
  GstElement   *pipeline;
  char         *raw_path;
  GTask        *stop_task;
  guint         bus_watch;
  guint         eos_timeout;

  double        level;
  gboolean      recording;
  gboolean      eos_seen;
  /* Running time of the first level message, and the sound's span and
   * the recording's length measured from it */
  GstClockTime  first_time;
  GstClockTime  loud_start;
  GstClockTime  loud_end;
  GstClockTime  total;
};

G_DEFINE_FINAL_TYPE (StewardRecorder, steward_recorder, G_TYPE_OBJECT)

G_DEFINE_QUARK (steward-recorder-error-quark, steward_recorder_error)

enum {
  PROP_0,
  PROP_SOURCE,
  PROP_LEVEL,
  PROP_RECORDING,
  PROP_SOURCE_ENDED,
  N_PROPS
};

enum {
  FAILED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
set_level (StewardRecorder *self,
           double           level)
{
  if (self->level == level)
    return;

  self->level = level;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

static void
set_recording (StewardRecorder *self,
               gboolean         recording)
{
  if (self->recording == recording)
    return;

  self->recording = recording;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORDING]);
}

static void
remove_raw_file (StewardRecorder *self)
{
  if (self->raw_path != NULL)
    g_unlink (self->raw_path);
  g_clear_pointer (&self->raw_path, g_free);
}

/* Stops the pipeline; the raw file stays for the caller to use or drop. */
static void
tear_down (StewardRecorder *self)
{
  g_clear_handle_id (&self->eos_timeout, g_source_remove);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  if (self->pipeline != NULL)
    gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_object (&self->pipeline);
  set_level (self, 0.0);
  set_recording (self, FALSE);
}

/* The loudest channel's peak, in dBFS */
static double
peak_of (const GstStructure *structure)
{
  const GValue *value = gst_structure_get_value (structure, "peak");
  double peak = -G_MAXDOUBLE;

  if (value == NULL)
    return peak;

  if (GST_VALUE_HOLDS_LIST (value))
    {
      for (guint i = 0; i < gst_value_list_get_size (value); i++)
        peak = MAX (peak, g_value_get_double (gst_value_list_get_value (value, i)));
    }
  else if (G_VALUE_HOLDS_BOXED (value))
    {
      /* GStreamer 1.22's level still posts a GValueArray */
      G_GNUC_BEGIN_IGNORE_DEPRECATIONS
      GValueArray *array = g_value_get_boxed (value);

      for (guint i = 0; array != NULL && i < array->n_values; i++)
        peak = MAX (peak, g_value_get_double (g_value_array_get_nth (array, i)));
      G_GNUC_END_IGNORE_DEPRECATIONS
    }

  return peak;
}

static void
handle_level (StewardRecorder    *self,
              const GstStructure *structure)
{
  GstClockTime running_time = GST_CLOCK_TIME_NONE;
  GstClockTime duration = GST_CLOCK_TIME_NONE;
  GstClockTime start;
  double peak = peak_of (structure);

  if (!gst_structure_get_clock_time (structure, "running-time", &running_time) ||
      !gst_structure_get_clock_time (structure, "duration", &duration))
    return;

  if (!GST_CLOCK_TIME_IS_VALID (self->first_time))
    self->first_time = running_time;
  start = running_time > self->first_time ? running_time - self->first_time : 0;

  if (peak > SILENCE_DB)
    {
      if (!GST_CLOCK_TIME_IS_VALID (self->loud_start))
        self->loud_start = start;
      self->loud_end = start + duration;
    }
  self->total = MAX (self->total, start + duration);

  /* The meter rests once stop is asked for */
  if (self->recording && self->stop_task == NULL)
    set_level (self, CLAMP ((peak - METER_FLOOR_DB) / -METER_FLOOR_DB, 0.0, 1.0));
}

static void
trim_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GFile *file;

  if ((file = steward_audio_trim_finish (result, &error)))
    g_task_return_pointer (task, file, g_object_unref);
  else
    g_task_return_error (task, error);
}

/* The raw recording is complete: cut it to the sound and encode it. */
static void
finish_recording (StewardRecorder *self)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->stop_task);
  g_autofree char *raw_path = NULL;
  GstClockTime from;
  GstClockTime to;

  tear_down (self);
  raw_path = g_steal_pointer (&self->raw_path);

  if (!GST_CLOCK_TIME_IS_VALID (self->loud_start))
    {
      g_unlink (raw_path);
      g_task_return_new_error (task, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_SILENT,
                               _("Nothing was heard; check that the microphone is on and not muted."));
      return;
    }

  from = self->loud_start > PRE_ROLL ? self->loud_start - PRE_ROLL : 0;
  to = MIN (self->loud_end + POST_ROLL, self->total);
  g_debug ("Keeping %" GST_TIME_FORMAT " to %" GST_TIME_FORMAT " of %" GST_TIME_FORMAT,
           GST_TIME_ARGS (from), GST_TIME_ARGS (to), GST_TIME_ARGS (self->total));

  steward_audio_trim_async (raw_path, from, to, TRUE, g_task_get_cancellable (task),
                            trim_cb, g_object_ref (task));
}

static void
fail (StewardRecorder *self,
      GError          *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->stop_task);

  tear_down (self);
  remove_raw_file (self);

  if (task != NULL)
    g_task_return_error (task, error);
  else
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      g_error_free (error);
    }
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  StewardRecorder *self = user_data;

  g_assert (STEWARD_IS_RECORDER (self));

  switch (GST_MESSAGE_TYPE (message))
    {
    case GST_MESSAGE_ELEMENT:
      if (gst_message_has_name (message, "level"))
        handle_level (self, gst_message_get_structure (message));
      break;

    case GST_MESSAGE_EOS:
      self->eos_seen = TRUE;
      if (self->stop_task != NULL)
        finish_recording (self);
      else
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE_ENDED]);
      break;

    case GST_MESSAGE_ERROR:
      {
        g_autoptr(GError) gst_error = NULL;
        g_autofree char *debug = NULL;

        gst_message_parse_error (message, &gst_error, &debug);
        g_debug ("Recording failed: %s (%s)", gst_error->message, debug ? debug : "");
        fail (self, g_error_new (STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE,
                                 _("The recording stopped because the microphone could not be read.")));
        return G_SOURCE_REMOVE;
      }

    default:
      break;
    }

  return G_SOURCE_CONTINUE;
}

static gboolean
eos_timeout_cb (gpointer user_data)
{
  StewardRecorder *self = user_data;

  self->eos_timeout = 0;
  fail (self, g_error_new (STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_FAILED,
                           _("The recording could not be finished: the audio system stopped answering.")));

  return G_SOURCE_REMOVE;
}

/**
 * steward_recorder_start:
 *
 * Starts recording. A missing microphone is told at once, in one
 * sentence (%STEWARD_RECORDER_ERROR_NO_MICROPHONE); one that goes away
 * later ends the recording with #StewardRecorder::failed.
 */
gboolean
steward_recorder_start (StewardRecorder  *self,
                        GError          **error)
{
  g_autoptr(GstBus) bus = NULL;
  g_autoptr(GError) local_error = NULL;
  int fd;

  g_return_val_if_fail (STEWARD_IS_RECORDER (self), FALSE);

  if (self->recording || self->stop_task != NULL)
    {
      g_set_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_STATE,
                   _("A recording is already under way."));
      return FALSE;
    }

  if (!gst_init_check (NULL, NULL, &local_error))
    {
      g_set_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_FAILED,
                   _("Recording is not possible: GStreamer could not start (%s)."),
                   local_error->message);
      return FALSE;
    }

  remove_raw_file (self);
  if ((fd = g_file_open_tmp ("steward-recording-XXXXXX.wav", &self->raw_path, &local_error)) < 0)
    {
      g_set_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_FAILED,
                   _("Recording is not possible: no temporary file could be made (%s)."),
                   local_error->message);
      return FALSE;
    }
  close (fd);

  self->eos_seen = FALSE;
  self->first_time = GST_CLOCK_TIME_NONE;
  self->loud_start = GST_CLOCK_TIME_NONE;
  self->loud_end = GST_CLOCK_TIME_NONE;
  self->total = 0;

  if (!(self->pipeline = _steward_recording_pipeline_new (self->source, self->raw_path, error)))
    {
      remove_raw_file (self);
      return FALSE;
    }

  if (!_steward_recording_pipeline_play (self->pipeline, error))
    {
      tear_down (self);
      remove_raw_file (self);
      return FALSE;
    }

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);
  set_recording (self, TRUE);

  return TRUE;
}

/**
 * steward_recorder_stop_async:
 *
 * Ends the recording and writes it, trimmed, to a temporary file.
 */
void
steward_recorder_stop_async (StewardRecorder     *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_RECORDER (self));
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_recorder_stop_async);

  if (!self->recording || self->stop_task != NULL)
    {
      g_task_return_new_error (task, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_STATE,
                               _("There is no recording to stop."));
      return;
    }

  self->stop_task = g_steal_pointer (&task);
  set_level (self, 0.0);

  if (self->eos_seen)
    {
      finish_recording (self);
      return;
    }

  /* The end of the stream makes wavenc write its header's sizes. */
  gst_element_send_event (self->pipeline, gst_event_new_eos ());
  self->eos_timeout = g_timeout_add (EOS_TIMEOUT_MS, eos_timeout_cb, self);
}

/**
 * steward_recorder_stop_finish:
 *
 * Returns: (transfer full): the recording, Ogg Opus or WAV (see
 *   steward_recorder_get_content_type()), in a temporary file the caller
 *   deletes when done with it
 */
GFile *
steward_recorder_stop_finish (StewardRecorder  *self,
                              GAsyncResult     *result,
                              GError          **error)
{
  g_return_val_if_fail (STEWARD_IS_RECORDER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * steward_recorder_cancel:
 *
 * Drops the recording under way (Esc): nothing is kept. A stop already
 * asked for ends with %G_IO_ERROR_CANCELLED.
 */
void
steward_recorder_cancel (StewardRecorder *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (STEWARD_IS_RECORDER (self));

  task = g_steal_pointer (&self->stop_task);
  tear_down (self);
  remove_raw_file (self);

  if (task != NULL)
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("The recording was cancelled."));
}

gboolean
steward_recorder_get_source_ended (StewardRecorder *self)
{
  g_return_val_if_fail (STEWARD_IS_RECORDER (self), FALSE);

  return self->recording && self->eos_seen;
}

const char *
steward_recorder_get_source (StewardRecorder *self)
{
  g_return_val_if_fail (STEWARD_IS_RECORDER (self), NULL);

  return self->source;
}

/**
 * steward_recorder_get_level:
 *
 * Returns: the loudness of the last 50 ms for a meter, from 0 (-60 dBFS
 *   or quieter) to 1 (full scale); 0 when not recording
 */
double
steward_recorder_get_level (StewardRecorder *self)
{
  g_return_val_if_fail (STEWARD_IS_RECORDER (self), 0.0);

  return self->level;
}

gboolean
steward_recorder_get_recording (StewardRecorder *self)
{
  g_return_val_if_fail (STEWARD_IS_RECORDER (self), FALSE);

  return self->recording;
}

/**
 * steward_recorder_get_content_type:
 *
 * Returns: the MIME type of the files stop() gives: "audio/ogg" (Opus),
 *   or "audio/wav" where GStreamer has no Opus encoder
 */
const char *
steward_recorder_get_content_type (StewardRecorder *self)
{
  g_return_val_if_fail (STEWARD_IS_RECORDER (self), NULL);

  return steward_audio_trim_get_content_type ();
}

static void
steward_recorder_dispose (GObject *object)
{
  StewardRecorder *self = (StewardRecorder *)object;

  steward_recorder_cancel (self);

  G_OBJECT_CLASS (steward_recorder_parent_class)->dispose (object);
}

static void
steward_recorder_finalize (GObject *object)
{
  StewardRecorder *self = (StewardRecorder *)object;

  g_clear_pointer (&self->source, g_free);

  G_OBJECT_CLASS (steward_recorder_parent_class)->finalize (object);
}

static void
steward_recorder_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  StewardRecorder *self = STEWARD_RECORDER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_LEVEL:
      g_value_set_double (value, self->level);
      break;

    case PROP_RECORDING:
      g_value_set_boolean (value, self->recording);
      break;

    case PROP_SOURCE_ENDED:
      g_value_set_boolean (value, steward_recorder_get_source_ended (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_recorder_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  StewardRecorder *self = STEWARD_RECORDER (object);

  switch (prop_id)
    {
    case PROP_SOURCE:
      {
        const char *source = g_value_get_string (value);

        if (source == NULL || source[0] == '\0')
          source = g_getenv (SOURCE_ENV);
        if (source == NULL || source[0] == '\0')
          source = DEFAULT_SOURCE;
        self->source = g_strdup (source);
      }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_recorder_class_init (StewardRecorderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_recorder_dispose;
  object_class->finalize = steward_recorder_finalize;
  object_class->get_property = steward_recorder_get_property;
  object_class->set_property = steward_recorder_set_property;

  /**
   * StewardRecorder:source:
   *
   * A GStreamer bin description of the microphone; %NULL or empty:
   * $STEWARD_AUDIO_SOURCE, else "autoaudiosrc".
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_LEVEL] =
    g_param_spec_double ("level", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_RECORDING] =
    g_param_spec_boolean ("recording", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * StewardRecorder:source-ended:
   *
   * The source ran dry by itself (a test source, a file; a microphone
   * never does): everything is recorded, stop() keeps it all.
   */
  properties[PROP_SOURCE_ENDED] =
    g_param_spec_boolean ("source-ended", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * StewardRecorder::failed:
   * @error: why, in one sentence
   *
   * The recording ended by itself (the microphone went away); what was
   * recorded is dropped.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
steward_recorder_init (StewardRecorder *self)
{
  self->first_time = GST_CLOCK_TIME_NONE;
  self->loud_start = GST_CLOCK_TIME_NONE;
  self->loud_end = GST_CLOCK_TIME_NONE;
}

/**
 * steward_recorder_new:
 * @source: (nullable): a GStreamer bin description of the microphone
 *   (tests: "audiotestsrc is-live=true"); %NULL: $STEWARD_AUDIO_SOURCE,
 *   else "autoaudiosrc"
 */
StewardRecorder *
steward_recorder_new (const char *source)
{
  return g_object_new (STEWARD_TYPE_RECORDER,
                       "source", source,
                       NULL);
}
