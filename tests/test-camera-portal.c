/* test-camera-portal.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Take a Photo in the Flatpak sandbox: the camera through the Camera
 * portal. A private session bus (GTestDBus) carries tests/camera-portal.py,
 * a stand-in speaking the portal's wire format, which logs every call;
 * $STEWARD_CAMERA_PORTAL=1 makes StewardCamera act as in the sandbox.
 * The real libportal and GStreamer's real pipewiresrc are used; only a
 * PipeWire daemon is missing, so the pipeline is built, not played. */

#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <gst/gst.h>
#include <json-glib/json-glib.h>
#include <sys/socket.h>

#include "steward-camera-portal.h"
#include "steward-camera-private.h"

#define REQUEST_PREFIX "/org/freedesktop/portal/desktop/request/"

typedef struct
{
  char        *tmp_dir;
  char        *log;
  GSubprocess *portal;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->tmp_dir = g_dir_make_tmp ("steward-camera-portal-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->log = g_build_filename (fixture->tmp_dir, "portal.log", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  if (fixture->portal != NULL)
    {
      g_subprocess_force_exit (fixture->portal);
      g_subprocess_wait (fixture->portal, NULL, NULL);
      g_clear_object (&fixture->portal);
    }

  g_remove (fixture->log);
  g_rmdir (fixture->tmp_dir);
  g_free (fixture->log);
  g_free (fixture->tmp_dir);
}

/* Starts the stand-in and waits until it owns the portal's name */
static void
start_portal (Fixture    *fixture,
              const char *present,
              const char *answer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  const char *script = g_getenv ("STEWARD_CAMERA_PORTAL_STANDIN");

  g_assert_nonnull (script);
  fixture->portal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      "/usr/bin/python3", script,
                                      "--present", present,
                                      "--answer", answer,
                                      "--log", fixture->log,
                                      NULL);
  g_assert_no_error (error);

  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->portal));
  line = g_data_input_stream_read_line (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");
}

/* The calls the stand-in saw, in order */
static GPtrArray *
read_log (Fixture *fixture)
{
  g_autoptr(GPtrArray) calls = g_ptr_array_new_with_free_func ((GDestroyNotify)json_node_unref);
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (!g_file_get_contents (fixture->log, &text, NULL, NULL))
    return g_steal_pointer (&calls);

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      JsonNode *node;

      if (lines[i][0] == '\0')
        continue;

      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_ptr_array_add (calls, node);
    }

  return g_steal_pointer (&calls);
}

static JsonObject *
find_call (GPtrArray  *calls,
           const char *method)
{
  for (guint i = 0; i < calls->len; i++)
    {
      JsonObject *call = json_node_get_object (g_ptr_array_index (calls, i));

      if (g_strcmp0 (json_object_get_string_member (call, "method"), method) == 0)
        return call;
    }

  return NULL;
}

static gboolean
log_has (Fixture    *fixture,
         const char *method)
{
  g_autoptr(GPtrArray) calls = read_log (fixture);

  return find_call (calls, method) != NULL;
}

static gboolean
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until *done, or fails after 10 s */
static void
wait_until (gboolean   (*predicate) (gpointer),
            gpointer    user_data,
            const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  guint wake = g_timeout_add (20, wake_cb, NULL);

  while (!predicate (user_data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Waited 10 s for %s", what);
      g_main_context_iteration (NULL, TRUE);
    }

  g_source_remove (wake);
}

static gboolean
is_set (gpointer user_data)
{
  return *(gpointer *)user_data != NULL;
}

static gboolean
is_unset (gpointer user_data)
{
  return *(gpointer *)user_data == NULL;
}

/* A caller's name on the bus as a request path has it: no ':', '.' → '_' */
static char *
dup_sender_path_part (const char *sender)
{
  g_autofree char *part = NULL;

  g_assert_true (sender[0] == ':');
  part = g_strdup (sender + 1);

  return g_strdelimit (g_steal_pointer (&part), ".", '_');
}

static void
test_present (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autofree char *why = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "yes", "0");

  g_assert_true (steward_camera_is_available (&why));
  g_assert_null (why);

  calls = read_log (fixture);
  g_assert_cmpuint (calls->len, ==, 1);
  g_assert_cmpstr (json_object_get_string_member (find_call (calls, "Get"), "property"), ==, "IsCameraPresent");
}

static void
test_absent (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autofree char *why = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "no", "0");

  g_assert_false (steward_camera_is_available (&why));
  g_assert_cmpstr (why, ==, "No camera was found; connect one to take a photo.");

  /* Whether there is a camera is asked without asking the user */
  calls = read_log (fixture);
  g_assert_nonnull (find_call (calls, "Get"));
  g_assert_null (find_call (calls, "AccessCamera"));
}

typedef struct
{
  int     fd;
  GError *error;
  gboolean done;
} Opened;

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Opened *opened = user_data;

  opened->fd = steward_camera_portal_open_finish (result, &opened->error);
  opened->done = TRUE;
}

static gboolean
is_done (gpointer user_data)
{
  return ((Opened *)user_data)->done;
}

static void
test_allowed (Fixture       *fixture,
              gconstpointer  user_data)
{
  Opened opened = { -1, NULL, FALSE };
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *sender = NULL;
  g_autofree char *expected_handle = NULL;
  g_autofree char *source = NULL;
  g_autofree char *description = NULL;
  g_autoptr(GstElement) pipeline = NULL;
  g_autoptr(GError) error = NULL;
  GstIterator *sources;
  GValue item = G_VALUE_INIT;
  const char *token;
  JsonObject *access;
  JsonObject *options;
  JsonObject *response;
  char marker[64] = { 0 };
  int fd_property = -1;

  start_portal (fixture, "yes", "0");

  steward_camera_portal_open_async (NULL, opened_cb, &opened);
  wait_until (is_done, &opened, "the portal to open the camera");
  g_assert_no_error (opened.error);
  g_assert_cmpint (opened.fd, >=, 0);

  /* The very socket the portal handed over */
  g_assert_cmpint (recv (opened.fd, marker, sizeof marker - 1, MSG_PEEK), ==, strlen ("steward-camera-portal\n"));
  g_assert_cmpstr (marker, ==, "steward-camera-portal\n");

  /* The requests' shape: AccessCamera with a handle_token, answered on
   * the request path made of our name and that token, then the remote */
  calls = read_log (fixture);
  access = find_call (calls, "AccessCamera");
  g_assert_nonnull (access);
  options = json_object_get_object_member (access, "options");
  g_assert_true (json_object_has_member (options, "handle_token"));
  token = json_object_get_string_member (options, "handle_token");
  sender = dup_sender_path_part (json_object_get_string_member (access, "sender"));
  g_assert_true (token[0] == '\'' && strlen (token) > 2);
  expected_handle = g_strdup_printf (REQUEST_PREFIX "%s/%.*s", sender, (int)strlen (token) - 2, token + 1);
  g_assert_cmpstr (json_object_get_string_member (access, "handle"), ==, expected_handle);
  response = find_call (calls, "Response");
  g_assert_nonnull (response);
  g_assert_cmpstr (json_object_get_string_member (response, "path"), ==, expected_handle);
  g_assert_cmpstr (json_object_get_string_member (response, "destination"), ==,
                   json_object_get_string_member (access, "sender"));
  g_assert_nonnull (find_call (calls, "OpenPipeWireRemote"));
  g_assert_cmpuint (json_object_get_size (json_object_get_object_member (find_call (calls, "OpenPipeWireRemote"),
                                                                         "options")), ==, 0);
  g_assert_null (find_call (calls, "Request.Close"));

  /* The camera's pipeline starts at pipewiresrc on that descriptor */
  source = _steward_camera_dup_portal_source (opened.fd);
  description = _steward_camera_dup_description (source);
  g_assert_true (g_str_has_prefix (description, "pipewiresrc "));
  pipeline = gst_parse_launch (description, &error);
  g_assert_no_error (error);
  sources = gst_bin_iterate_sources (GST_BIN (pipeline));
  g_assert_cmpint (gst_iterator_next (sources, &item), ==, GST_ITERATOR_OK);
  g_assert_cmpstr (GST_OBJECT_NAME (gst_element_get_factory (g_value_get_object (&item))), ==, "pipewiresrc");
  g_object_get (g_value_get_object (&item), "fd", &fd_property, NULL);
  g_assert_cmpint (fd_property, ==, opened.fd);
  g_value_unset (&item);
  gst_iterator_free (sources);

  g_close (opened.fd, NULL);
}

typedef struct
{
  GError *error;
} Failed;

static void
failed_cb (StewardCamera *camera,
           const GError  *error,
           Failed        *failed)
{
  g_assert_null (failed->error);
  failed->error = g_error_copy (error);
}

static StewardCamera *
start_camera (Failed *failed)
{
  StewardCamera *camera = steward_camera_new ();
  g_autoptr(GError) error = NULL;

  g_signal_connect (camera, "failed", G_CALLBACK (failed_cb), failed);

  /* The portal answers later: start only asks */
  g_assert_true (steward_camera_start (camera, &error));
  g_assert_no_error (error);

  return camera;
}

static void
finalize_camera (StewardCamera *camera)
{
  gpointer weak = camera;

  /* The portal's answer may still hold it: wait for that, then let go */
  g_object_add_weak_pointer (G_OBJECT (camera), &weak);
  g_object_unref (camera);
  wait_until (is_unset, &weak, "the camera to be finalized");
}

static void
test_denied (Fixture       *fixture,
             gconstpointer  user_data)
{
  Failed failed = { NULL };
  StewardCamera *camera;
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "yes", "1");

  camera = start_camera (&failed);
  wait_until (is_set, &failed.error, "the camera to fail");
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_cmpstr (failed.error->message, ==,
                   "Steward may not use the camera: allow it in Settings → Apps → Steward.");

  /* No remote is asked for once refused */
  calls = read_log (fixture);
  g_assert_nonnull (find_call (calls, "AccessCamera"));
  g_assert_null (find_call (calls, "OpenPipeWireRemote"));

  steward_camera_stop (camera);
  finalize_camera (camera);
  g_clear_error (&failed.error);
}

static void
test_portal_failed (Fixture       *fixture,
                    gconstpointer  user_data)
{
  Failed failed = { NULL };
  StewardCamera *camera;

  start_portal (fixture, "yes", "2");

  camera = start_camera (&failed);
  wait_until (is_set, &failed.error, "the camera to fail");
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (failed.error->message,
                                   "The camera could not be opened: the camera portal failed"));

  finalize_camera (camera);
  g_clear_error (&failed.error);
}

static void
test_absent_start (Fixture       *fixture,
                   gconstpointer  user_data)
{
  Failed failed = { NULL };
  StewardCamera *camera;

  start_portal (fixture, "no", "0");

  camera = start_camera (&failed);
  wait_until (is_set, &failed.error, "the camera to fail");
  g_assert_error (failed.error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (failed.error->message, ==, "No camera was found; connect one to take a photo.");
  g_assert_false (log_has (fixture, "AccessCamera"));

  finalize_camera (camera);
  g_clear_error (&failed.error);
}

typedef struct
{
  Fixture    *fixture;
  const char *method;
} LogWait;

static gboolean
log_has_cb (gpointer user_data)
{
  LogWait *wait = user_data;

  return log_has (wait->fixture, wait->method);
}

/* Closing the window while the portal asks the user closes the question,
 * and nothing fails */
static void
test_stopped_while_asking (Fixture       *fixture,
                           gconstpointer  user_data)
{
  Failed failed = { NULL };
  StewardCamera *camera;
  LogWait asked = { fixture, "AccessCamera" };
  LogWait closed = { fixture, "Request.Close" };

  start_portal (fixture, "yes", "none");

  camera = start_camera (&failed);
  wait_until (log_has_cb, &asked, "the portal to be asked");
  steward_camera_stop (camera);
  wait_until (log_has_cb, &closed, "the question to be closed");

  finalize_camera (camera);
  g_assert_no_error (failed.error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  GDBusConnection *connection;
  int ret;

  /* As in the sandbox, with no test stand-in for the camera itself */
  g_setenv ("STEWARD_CAMERA_PORTAL", "1", TRUE);
  g_unsetenv ("STEWARD_VIDEO_SOURCE");

  g_test_init (&argc, &argv, NULL);
  gst_init (&argc, &argv);

  if (!HAVE_LIBPORTAL)
    {
      g_test_skip ("built without libportal (the 'portal' feature)");
      return g_test_run ();
    }

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* Held for the whole run, as the application holds its session bus:
   * libportal drops its own the moment a request ends */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_test_add ("/steward/camera-portal/present", Fixture, NULL, fixture_set_up, test_present, fixture_tear_down);
  g_test_add ("/steward/camera-portal/absent", Fixture, NULL, fixture_set_up, test_absent, fixture_tear_down);
  g_test_add ("/steward/camera-portal/absent-start", Fixture, NULL, fixture_set_up, test_absent_start, fixture_tear_down);
  g_test_add ("/steward/camera-portal/allowed", Fixture, NULL, fixture_set_up, test_allowed, fixture_tear_down);
  g_test_add ("/steward/camera-portal/denied", Fixture, NULL, fixture_set_up, test_denied, fixture_tear_down);
  g_test_add ("/steward/camera-portal/portal-failed", Fixture, NULL, fixture_set_up, test_portal_failed, fixture_tear_down);
  g_test_add ("/steward/camera-portal/stopped-while-asking", Fixture, NULL, fixture_set_up, test_stopped_while_asking, fixture_tear_down);

  ret = g_test_run ();

  g_object_unref (connection);
  g_test_dbus_down (bus);

  return ret;
}
