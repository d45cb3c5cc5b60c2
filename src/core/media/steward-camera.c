/* steward-camera.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-camera"

#include "config.h"

#include <glib/gi18n.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include "steward-camera.h"

/* A live picture from the camera, for Take a Photo: a GStreamer
 * pipeline from the camera (v4l2src; $STEWARD_VIDEO_SOURCE, a pipeline
 * description such as "videotestsrc is-live=true", stands in for it in
 * tests) converted to RGBA frames in an appsink, the newest kept. Each
 * new frame is told on the main context ("frame"); the window makes it a
 * texture (no GTK here). */

struct _StewardCamera
{
  GObject     parent_instance;

  GstElement *pipeline;
  GstElement *sink;
  guint       bus_watch;

  GMutex      lock;
  GBytes     *frame;
  guint       width;
  guint       height;
  gsize       stride;
  guint       frame_idle;
};

G_DEFINE_FINAL_TYPE (StewardCamera, steward_camera, G_TYPE_OBJECT)

enum {
  FRAME,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The source's description: the tests' stand-in, else the first V4L2
 * device */
static char *
dup_source (void)
{
  const char *source = g_getenv ("STEWARD_VIDEO_SOURCE");

  if (source != NULL && source[0] != '\0')
    return g_strdup (source);

  return g_strdup ("v4l2src");
}

/**
 * steward_camera_is_available:
 * @why: (out) (optional): when there is none, a sentence saying why
 *
 * Returns: whether there is a camera to take a photo with
 */
gboolean
steward_camera_is_available (char **why)
{
  const char *source = g_getenv ("STEWARD_VIDEO_SOURCE");
  g_autoptr(GstElementFactory) v4l2 = NULL;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  if (source != NULL && source[0] != '\0')
    return TRUE;

  if (!(v4l2 = gst_element_factory_find ("v4l2src")))
    {
      if (why != NULL)
        *why = g_strdup (_("Photos cannot be taken: GStreamer’s camera support (v4l2src) is missing."));
      return FALSE;
    }

  for (guint i = 0; i < 64; i++)
    {
      g_autofree char *device = g_strdup_printf ("/dev/video%u", i);

      if (g_file_test (device, G_FILE_TEST_EXISTS))
        return TRUE;
    }

  if (why != NULL)
    *why = g_strdup (_("No camera was found; connect one to take a photo."));

  return FALSE;
}

static gboolean
frame_idle_cb (gpointer user_data)
{
  StewardCamera *self = STEWARD_CAMERA (user_data);

  g_mutex_lock (&self->lock);
  self->frame_idle = 0;
  g_mutex_unlock (&self->lock);

  g_signal_emit (self, signals[FRAME], 0);

  return G_SOURCE_REMOVE;
}

/* In GStreamer's streaming thread: the newest frame replaces the last,
 * and the main context hears of it once */
static GstFlowReturn
new_sample_cb (GstAppSink *sink,
               gpointer    user_data)
{
  StewardCamera *self = STEWARD_CAMERA (user_data);
  g_autoptr(GstSample) sample = gst_app_sink_pull_sample (sink);
  GstVideoInfo info;
  GstMapInfo map;
  GstBuffer *buffer;

  if (sample == NULL || !gst_video_info_from_caps (&info, gst_sample_get_caps (sample)))
    return GST_FLOW_OK;

  buffer = gst_sample_get_buffer (sample);
  if (!gst_buffer_map (buffer, &map, GST_MAP_READ))
    return GST_FLOW_OK;

  g_mutex_lock (&self->lock);
  g_clear_pointer (&self->frame, g_bytes_unref);
  self->frame = g_bytes_new (map.data, MIN (map.size, (gsize)GST_VIDEO_INFO_PLANE_STRIDE (&info, 0) *
                                                      GST_VIDEO_INFO_HEIGHT (&info)));
  self->width = GST_VIDEO_INFO_WIDTH (&info);
  self->height = GST_VIDEO_INFO_HEIGHT (&info);
  self->stride = GST_VIDEO_INFO_PLANE_STRIDE (&info, 0);
  if (self->frame_idle == 0)
    self->frame_idle = g_idle_add_full (G_PRIORITY_DEFAULT, frame_idle_cb, g_object_ref (self), g_object_unref);
  g_mutex_unlock (&self->lock);

  gst_buffer_unmap (buffer, &map);

  return GST_FLOW_OK;
}

static gboolean
bus_cb (GstBus     *bus,
        GstMessage *message,
        gpointer    user_data)
{
  StewardCamera *self = STEWARD_CAMERA (user_data);

  if (GST_MESSAGE_TYPE (message) == GST_MESSAGE_ERROR)
    {
      g_autoptr(GError) gst_error = NULL;
      g_autoptr(GError) error = NULL;

      gst_message_parse_error (message, &gst_error, NULL);
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The camera stopped: %s."), gst_error->message);
      steward_camera_stop (self);
      g_signal_emit (self, signals[FAILED], 0, error);
    }

  return G_SOURCE_CONTINUE;
}

/**
 * steward_camera_start:
 *
 * Starts the live picture; #StewardCamera::frame is emitted for each new
 * one.
 *
 * Returns: whether the camera started; %FALSE with @error set to one
 *   sentence
 */
gboolean
steward_camera_start (StewardCamera  *self,
                      GError        **error)
{
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstAppSinkCallbacks callbacks = { 0 };

  g_return_val_if_fail (STEWARD_IS_CAMERA (self), FALSE);

  if (self->pipeline != NULL)
    return TRUE;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  source = dup_source ();
  description = g_strdup_printf ("%s ! videoconvert ! videoscale ! "
                                 "video/x-raw,format=RGBA,width=[1,1920],height=[1,1080] ! "
                                 "appsink name=sink max-buffers=1 drop=true sync=false",
                                 source);
  if (!(self->pipeline = gst_parse_launch (description, &parse_error)))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("The camera could not be opened: %s."), parse_error->message);
      return FALSE;
    }

  self->sink = gst_bin_get_by_name (GST_BIN (self->pipeline), "sink");
  callbacks.new_sample = new_sample_cb;
  gst_app_sink_set_callbacks (GST_APP_SINK (self->sink), &callbacks, self, NULL);

  bus = gst_element_get_bus (self->pipeline);
  self->bus_watch = gst_bus_add_watch (bus, bus_cb, self);

  if (gst_element_set_state (self->pipeline, GST_STATE_PLAYING) == GST_STATE_CHANGE_FAILURE)
    {
      steward_camera_stop (self);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The camera could not be started; another application may be using it."));
      return FALSE;
    }

  return TRUE;
}

void
steward_camera_stop (StewardCamera *self)
{
  g_return_if_fail (STEWARD_IS_CAMERA (self));

  if (self->pipeline == NULL)
    return;

  gst_element_set_state (self->pipeline, GST_STATE_NULL);
  g_clear_handle_id (&self->bus_watch, g_source_remove);
  g_clear_object (&self->sink);
  g_clear_object (&self->pipeline);
}

/**
 * steward_camera_dup_frame:
 * @width: (out): in pixels
 * @height: (out): in pixels
 * @stride: (out): bytes from one row to the next
 *
 * Returns: (transfer full) (nullable): the newest frame, RGBA, or %NULL
 *   before the first
 */
GBytes *
steward_camera_dup_frame (StewardCamera *self,
                          guint         *width,
                          guint         *height,
                          gsize         *stride)
{
  GBytes *frame;

  g_return_val_if_fail (STEWARD_IS_CAMERA (self), NULL);

  g_mutex_lock (&self->lock);
  frame = self->frame != NULL ? g_bytes_ref (self->frame) : NULL;
  *width = self->width;
  *height = self->height;
  *stride = self->stride;
  g_mutex_unlock (&self->lock);

  return frame;
}

StewardCamera *
steward_camera_new (void)
{
  return g_object_new (STEWARD_TYPE_CAMERA, NULL);
}

static void
steward_camera_dispose (GObject *object)
{
  StewardCamera *self = (StewardCamera *)object;

  steward_camera_stop (self);

  G_OBJECT_CLASS (steward_camera_parent_class)->dispose (object);
}

static void
steward_camera_finalize (GObject *object)
{
  StewardCamera *self = (StewardCamera *)object;

  g_clear_pointer (&self->frame, g_bytes_unref);
  g_mutex_clear (&self->lock);

  G_OBJECT_CLASS (steward_camera_parent_class)->finalize (object);
}

static void
steward_camera_class_init (StewardCameraClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_camera_dispose;
  object_class->finalize = steward_camera_finalize;

  /**
   * StewardCamera::frame:
   *
   * A new frame is there (steward_camera_dup_frame()).
   */
  signals[FRAME] =
    g_signal_new ("frame",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StewardCamera::failed:
   * @error: why, in one sentence
   *
   * The camera stopped.
   */
  signals[FAILED] =
    g_signal_new ("failed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
steward_camera_init (StewardCamera *self)
{
  g_mutex_init (&self->lock);
}
