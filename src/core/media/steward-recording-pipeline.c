/* steward-recording-pipeline.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-recorder"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-recorder.h"
#include "steward-recording-pipeline.h"

/* The recorder's pipeline: the microphone → audioconvert → audioresample
 * → mono 48 kHz → level (the meter's readings, every 50 ms) → wavenc →
 * the file; and telling a missing microphone from a working one. */

#define LEVEL_INTERVAL (50 * GST_MSECOND)

static GError *
no_microphone (void)
{
  return g_error_new (STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE,
                      _("No microphone was found; connect one or check the sound settings."));
}

/* autoaudiosrc that finds no device stands in a silent fake source
 * rather than failing: its child is named "fake-auto-…". */
static gboolean
has_fake_source (GstElement *pipeline)
{
  g_autoptr(GstIterator) iter = gst_bin_iterate_recurse (GST_BIN (pipeline));
  GValue item = G_VALUE_INIT;
  gboolean fake = FALSE;

  while (!fake && gst_iterator_next (iter, &item) == GST_ITERATOR_OK)
    {
      g_autofree char *name = gst_object_get_name (g_value_get_object (&item));

      fake = g_str_has_prefix (name, "fake-auto-");
      g_value_reset (&item);
    }
  g_value_unset (&item);

  return fake;
}

/* Logs why the pipeline would not start; the user gets one sentence. */
static void
log_bus_errors (GstElement *pipeline)
{
  g_autoptr(GstBus) bus = gst_element_get_bus (pipeline);
  GstMessage *message;

  while ((message = gst_bus_pop_filtered (bus, GST_MESSAGE_ERROR)))
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *debug = NULL;

      gst_message_parse_error (message, &error, &debug);
      g_debug ("Could not start the microphone: %s (%s)", error->message, debug ? debug : "");
      gst_message_unref (message);
    }
}

static GstElement *
make_element (const char  *factory,
              GError     **error)
{
  GstElement *element = gst_element_factory_make (factory, NULL);

  if (element == NULL)
    g_set_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_FAILED,
                 /* Translators: %s is a GStreamer element's name, such as "level" */
                 _("Recording needs GStreamer’s “%s” element; install the GStreamer base and good plugins."),
                 factory);

  return element;
}

/**
 * _steward_recording_pipeline_new:
 * @source_description: a GStreamer bin description of the microphone
 * @wav_path: the file to record into
 *
 * Returns: (transfer full): the pipeline, not started
 */
GstElement *
_steward_recording_pipeline_new (const char  *source_description,
                                 const char  *wav_path,
                                 GError     **error)
{
  g_autoptr(GstElement) pipeline = gst_pipeline_new ("steward-recorder");
  g_autoptr(GstCaps) caps = NULL;
  g_autoptr(GError) parse_error = NULL;
  static const char * const factories[] = {
    "audioconvert", "audioresample", "capsfilter", "level", "wavenc", "filesink",
  };
  GstElement *elements[G_N_ELEMENTS (factories) + 1];
  GstElement *source;

  source = gst_parse_bin_from_description (source_description, TRUE, &parse_error);
  if (source == NULL)
    {
      g_set_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE,
                   _("The audio source “%s” could not be used (%s)."),
                   source_description, parse_error->message);
      return NULL;
    }
  gst_bin_add (GST_BIN (pipeline), source);
  elements[0] = source;

  for (guint i = 0; i < G_N_ELEMENTS (factories); i++)
    {
      if (!(elements[i + 1] = make_element (factories[i], error)))
        return NULL;
      gst_bin_add (GST_BIN (pipeline), elements[i + 1]);
    }

  /* Mono 48 kHz, what Opus encodes natively and speech needs */
  caps = gst_caps_new_simple ("audio/x-raw",
                              "format", G_TYPE_STRING, "S16LE",
                              "rate", G_TYPE_INT, 48000,
                              "channels", G_TYPE_INT, 1,
                              NULL);
  g_object_set (elements[3], "caps", caps, NULL);
  g_object_set (elements[4], "interval", (guint64)LEVEL_INTERVAL, "post-messages", TRUE, NULL);
  g_object_set (elements[6], "location", wav_path, NULL);

  for (guint i = 0; i + 1 < G_N_ELEMENTS (elements); i++)
    {
      if (!gst_element_link (elements[i], elements[i + 1]))
        {
          g_set_error (error, STEWARD_RECORDER_ERROR, STEWARD_RECORDER_ERROR_NO_MICROPHONE,
                       _("The audio source “%s” gives no sound that can be recorded."),
                       source_description);
          return NULL;
        }
    }

  return gst_object_ref_sink (g_steal_pointer (&pipeline));
}

/**
 * _steward_recording_pipeline_play:
 *
 * Starts @pipeline; a microphone that is missing or cannot be opened is
 * told in one sentence (the details go to the debug log).
 */
gboolean
_steward_recording_pipeline_play (GstElement  *pipeline,
                                  GError     **error)
{
  if (gst_element_set_state (pipeline, GST_STATE_READY) == GST_STATE_CHANGE_FAILURE ||
      has_fake_source (pipeline) ||
      gst_element_set_state (pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      log_bus_errors (pipeline);
      gst_element_set_state (pipeline, GST_STATE_NULL);
      g_propagate_error (error, no_microphone ());
      return FALSE;
    }

  return TRUE;
}
