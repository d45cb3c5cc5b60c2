/* steward-camera.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-camera"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <gst/app/gstappsink.h>
#include <gst/gst.h>
#include <gst/video/video.h>

#include "steward-camera-portal.h"
#include "steward-camera-private.h"

/* A live picture from the camera, for Take a Photo: a GStreamer
 * pipeline from the camera (v4l2src; $STEWARD_VIDEO_SOURCE, a pipeline
 * description such as "videotestsrc is-live=true", stands in for it in
 * tests) converted to RGBA frames in an appsink, the newest kept. Each
 * new frame is told on the main context ("frame"); the window makes it a
 * texture (no GTK here). In the Flatpak sandbox the camera comes from
 * the Camera portal instead (steward-camera-portal.c): pipewiresrc on
 * the PipeWire remote it opens, once the user allowed it. */

struct _StewardCamera
{
  GObject       parent_instance;

  GstElement   *pipeline;
  GstElement   *sink;
  guint         bus_watch;

  /* While the portal is asked; the PipeWire remote it gave */
  GCancellable *opening;
  int           portal_fd;

  GMutex        lock;
  GBytes       *frame;
  guint         width;
  guint         height;
  gsize         stride;
  guint         frame_idle;
};

G_DEFINE_FINAL_TYPE (StewardCamera, steward_camera, G_TYPE_OBJECT)

enum {
  FRAME,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The tests' stand-in for the camera, if any */
static const char *
get_test_source (void)
{
  const char *source = g_getenv ("STEWARD_VIDEO_SOURCE");

  return source != NULL && source[0] != '\0' ? source : NULL;
}

/* Through the portal, unless a test stands in for the camera */
static gboolean
uses_portal (void)
{
  return get_test_source () == NULL && steward_camera_portal_is_sandboxed ();
}

static gboolean
has_element (const char *name)
{
  g_autoptr(GstElementFactory) factory = gst_element_factory_find (name);

  return factory != NULL;
}

/* The whole pipeline from @source (a description of the camera's
 * element) to the appsink named "sink" */
char *
_steward_camera_dup_description (const char *source)
{
  return g_strdup_printf ("%s ! videoconvert ! videoscale ! "
                          "video/x-raw,format=RGBA,width=[1,1920],height=[1,1080] ! "
                          "appsink name=sink max-buffers=1 drop=true sync=false",
                          source);
}

/* The camera on the PipeWire remote the portal opened: only cameras
 * are on it, so the default video source is one */
char *
_steward_camera_dup_portal_source (int fd)
{
  return g_strdup_printf ("pipewiresrc fd=%d", fd);
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
  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  if (get_test_source () != NULL)
    return TRUE;

  if (uses_portal ())
    {
      if (!has_element ("pipewiresrc"))
        {
          if (why != NULL)
            *why = g_strdup (_("Photos cannot be taken: GStreamer’s PipeWire support (pipewiresrc) is missing."));
          return FALSE;
        }

      return steward_camera_portal_is_present (why);
    }

  if (!has_element ("v4l2src"))
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

static gboolean
launch (StewardCamera  *self,
        const char     *source,
        GError        **error)
{
  g_autofree char *description = _steward_camera_dup_description (source);
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GstBus) bus = NULL;
  GstAppSinkCallbacks callbacks = { 0 };

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

static void
portal_open_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(StewardCamera) self = user_data;
  GCancellable *cancellable = g_task_get_cancellable (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *source = NULL;
  int fd;

  g_assert (STEWARD_IS_CAMERA (self));

  fd = steward_camera_portal_open_finish (result, &error);

  /* Stopped meanwhile */
  if (g_cancellable_is_cancelled (cancellable))
    {
      if (fd >= 0)
        g_close (fd, NULL);
      return;
    }

  g_clear_object (&self->opening);

  if (fd < 0)
    {
      g_signal_emit (self, signals[FAILED], 0, error);
      return;
    }

  self->portal_fd = fd;
  source = _steward_camera_dup_portal_source (fd);
  if (!launch (self, source, &error))
    g_signal_emit (self, signals[FAILED], 0, error);
}

/**
 * steward_camera_start:
 *
 * Starts the live picture; #StewardCamera::frame is emitted for each new
 * one. In the sandbox the portal is asked first (the user may be asked
 * whether Steward may use the camera): a refusal or a failure then comes
 * as #StewardCamera::failed.
 *
 * Returns: whether the camera started (or is being asked for); %FALSE
 *   with @error set to one sentence
 */
gboolean
steward_camera_start (StewardCamera  *self,
                      GError        **error)
{
  g_return_val_if_fail (STEWARD_IS_CAMERA (self), FALSE);

  if (self->pipeline != NULL || self->opening != NULL)
    return TRUE;

  if (!gst_is_initialized ())
    gst_init (NULL, NULL);

  if (uses_portal ())
    {
      if (!has_element ("pipewiresrc"))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Photos cannot be taken: GStreamer’s PipeWire support (pipewiresrc) is missing."));
          return FALSE;
        }

      self->opening = g_cancellable_new ();
      steward_camera_portal_open_async (self->opening, portal_open_cb, g_object_ref (self));
      return TRUE;
    }

  return launch (self, get_test_source () ? get_test_source () : "v4l2src", error);
}

void
steward_camera_stop (StewardCamera *self)
{
  g_return_if_fail (STEWARD_IS_CAMERA (self));

  if (self->opening != NULL)
    {
      g_cancellable_cancel (self->opening);
      g_clear_object (&self->opening);
    }

  if (self->pipeline != NULL)
    {
      gst_element_set_state (self->pipeline, GST_STATE_NULL);
      g_clear_handle_id (&self->bus_watch, g_source_remove);
      g_clear_object (&self->sink);
      g_clear_object (&self->pipeline);
    }

  /* pipewiresrc took its own copy of the portal's descriptor */
  if (self->portal_fd >= 0)
    {
      g_close (self->portal_fd, NULL);
      self->portal_fd = -1;
    }
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
  self->portal_fd = -1;
}
