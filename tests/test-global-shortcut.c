/* test-global-shortcut.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Quick chat from anywhere: the desktop-wide shortcut through the
 * GlobalShortcuts portal. A private session bus (GTestDBus) carries
 * tests/global-shortcuts-portal.py, a stand-in speaking the portal's wire
 * format, which logs every call and sends Activated when the test asks. */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "steward-global-shortcut.h"

#define PORTAL_PATH "/org/freedesktop/portal/desktop"

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

  fixture->tmp_dir = g_dir_make_tmp ("steward-global-shortcut-XXXXXX", &error);
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
              const char *interface,
              const char *session_answer,
              const char *bind_answer)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *line = NULL;
  const char *script = g_getenv ("STEWARD_GLOBAL_SHORTCUTS_STANDIN");

  g_assert_nonnull (script);
  fixture->portal = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      "/usr/bin/python3", script,
                                      "--log", fixture->log,
                                      "--interface", interface,
                                      "--session-answer", session_answer,
                                      "--bind-answer", bind_answer,
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
wake_cb (gpointer user_data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main context until the predicate holds, or fails after 10 s */
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
is_settled (gpointer user_data)
{
  return steward_global_shortcut_get_state (user_data) != STEWARD_GLOBAL_SHORTCUT_BINDING;
}

/* A new shortcut, bound as far as the portal lets it */
static StewardGlobalShortcut *
bind_shortcut (void)
{
  StewardGlobalShortcut *shortcut = steward_global_shortcut_new ();

  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_BINDING);
  steward_global_shortcut_bind (shortcut);
  wait_until (is_settled, shortcut, "the portal to answer");

  return shortcut;
}

/* Our name on the bus as the portal's paths have it: no ':', '.' → '_' */
static char *
dup_sender_path_part (const char *sender)
{
  g_autofree char *part = NULL;

  g_assert_true (sender[0] == ':');
  part = g_strdup (sender + 1);

  return g_strdelimit (g_steal_pointer (&part), ".", '_');
}

/* The request's handle_token made the path it was answered on */
static void
assert_request_path (JsonObject *call,
                     const char *expected_kind)
{
  JsonObject *options = json_object_get_object_member (call, "options");
  g_autofree char *sender = dup_sender_path_part (json_object_get_string_member (call, "sender"));
  g_autofree char *expected = NULL;
  const char *token;

  g_assert_true (json_object_has_member (options, "handle_token"));
  token = json_object_get_string_member (options, "handle_token");
  g_assert_true (g_variant_is_object_path (json_object_get_string_member (call, "handle")));
  expected = g_strdup_printf (PORTAL_PATH "/%s/%s/%s", expected_kind, sender, token);
  g_assert_cmpstr (json_object_get_string_member (call, "handle"), ==, expected);
}

static void
test_bound (Fixture       *fixture,
            gconstpointer  user_data)
{
  g_autoptr(StewardGlobalShortcut) shortcut = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *expected_session = NULL;
  g_autofree char *sender = NULL;
  JsonObject *create;
  JsonObject *bind;
  JsonArray *shortcuts;
  JsonArray *quick_chat;
  JsonObject *info;
  const char *session_token;

  start_portal (fixture, "yes", "0", "0");

  shortcut = bind_shortcut ();
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_BOUND);
  g_assert_null (steward_global_shortcut_get_message (shortcut));
  g_assert_cmpstr (steward_global_shortcut_get_trigger_description (shortcut), ==, "Ctrl+Alt+Space");

  /* The portal's version first, then the session, then the shortcut */
  calls = read_log (fixture);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (g_ptr_array_index (calls, 0)), "method"), ==, "Get");
  g_assert_cmpstr (json_object_get_string_member (find_call (calls, "Get"), "interface"), ==,
                   "org.freedesktop.portal.GlobalShortcuts");
  g_assert_cmpstr (json_object_get_string_member (find_call (calls, "Get"), "property"), ==, "version");

  create = find_call (calls, "CreateSession");
  g_assert_nonnull (create);
  assert_request_path (create, "request");
  session_token = json_object_get_string_member (json_object_get_object_member (create, "options"),
                                                 "session_handle_token");
  g_assert_nonnull (session_token);
  sender = dup_sender_path_part (json_object_get_string_member (create, "sender"));
  expected_session = g_strdup_printf (PORTAL_PATH "/session/%s/%s", sender, session_token);
  g_assert_cmpstr (json_object_get_string_member (create, "session_handle"), ==, expected_session);

  bind = find_call (calls, "BindShortcuts");
  g_assert_nonnull (bind);
  assert_request_path (bind, "request");
  g_assert_cmpstr (json_object_get_string_member (bind, "handle"), !=,
                   json_object_get_string_member (create, "handle"));
  g_assert_cmpstr (json_object_get_string_member (bind, "session_handle"), ==, expected_session);
  g_assert_cmpstr (json_object_get_string_member (bind, "parent_window"), ==, "");
  shortcuts = json_object_get_array_member (bind, "shortcuts");
  g_assert_cmpuint (json_array_get_length (shortcuts), ==, 1);
  quick_chat = json_array_get_array_element (shortcuts, 0);
  g_assert_cmpstr (json_array_get_string_element (quick_chat, 0), ==, "quick-chat");
  info = json_array_get_object_element (quick_chat, 1);
  g_assert_cmpstr (json_object_get_string_member (info, "description"), ==, "Open quick chat");
  g_assert_cmpstr (json_object_get_string_member (info, "preferred_trigger"), ==, "CTRL+ALT+space");

  g_assert_null (find_call (calls, "Request.Close"));
  g_assert_null (find_call (calls, "Session.Close"));
}

typedef struct
{
  GPtrArray *ids;
} Activations;

static void
activated_cb (StewardGlobalShortcut *shortcut,
              const char            *shortcut_id,
              Activations           *activations)
{
  g_ptr_array_add (activations->ids, g_strdup (shortcut_id));
}

static gboolean
has_activation (gpointer user_data)
{
  return ((Activations *)user_data)->ids->len > 0;
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
  g_autoptr(GPtrArray) calls = read_log (wait->fixture);

  return find_call (calls, wait->method) != NULL;
}

/* The stand-in's test-only methods: what the desktop does on its own */
static void
call_stand_in (const char *method,
               GVariant   *parameters)
{
  g_autoptr(GDBusConnection) connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = g_dbus_connection_call_sync (connection, "org.freedesktop.portal.Desktop",
                                       "/io/github/stewardapp/PortalTest", "io.github.stewardapp.PortalTest",
                                       method, parameters, NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

static void
test_activated (Fixture       *fixture,
                gconstpointer  user_data)
{
  StewardGlobalShortcut *shortcut;
  Activations activations = { g_ptr_array_new_with_free_func (g_free) };
  LogWait closed = { fixture, "Session.Close" };

  start_portal (fixture, "yes", "0", "0");

  shortcut = bind_shortcut ();
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_BOUND);
  g_signal_connect (shortcut, "activated", G_CALLBACK (activated_cb), &activations);

  /* The user presses the keys: the stand-in sends Activated for another
   * session first, then for ours */
  call_stand_in ("Activate", g_variant_new ("(s)", "quick-chat"));

  wait_until (has_activation, &activations, "the shortcut to be activated");
  /* Both signals were sent before the call's reply: none is still on its way */
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_cmpuint (activations.ids->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (activations.ids, 0), ==, "quick-chat");

  /* Gone, it closes its session */
  g_object_unref (shortcut);
  wait_until (log_has_cb, &closed, "the session to be closed");

  g_ptr_array_unref (activations.ids);
}

static gboolean
has_trigger (gpointer user_data)
{
  return g_strcmp0 (steward_global_shortcut_get_trigger_description (user_data), "Super+Q") == 0;
}

/* The user chose another trigger in the desktop's settings */
static void
test_shortcuts_changed (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardGlobalShortcut) shortcut = NULL;

  start_portal (fixture, "yes", "0", "0");

  shortcut = bind_shortcut ();
  g_assert_cmpstr (steward_global_shortcut_get_trigger_description (shortcut), ==, "Ctrl+Alt+Space");

  call_stand_in ("ChangeTrigger", g_variant_new ("(s)", "Super+Q"));
  wait_until (has_trigger, shortcut, "the new trigger");
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_BOUND);
}

static gboolean
is_failed (gpointer user_data)
{
  return steward_global_shortcut_get_state (user_data) == STEWARD_GLOBAL_SHORTCUT_FAILED;
}

/* The desktop ended the session: nothing is bound, nor closed again */
static void
test_session_closed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  StewardGlobalShortcut *shortcut;
  Activations activations = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "yes", "0", "0");

  shortcut = bind_shortcut ();
  g_signal_connect (shortcut, "activated", G_CALLBACK (activated_cb), &activations);
  call_stand_in ("CloseSessions", NULL);
  wait_until (is_failed, shortcut, "the session to be closed");
  g_assert_cmpstr (steward_global_shortcut_get_message (shortcut), ==,
                   "The quick chat shortcut was removed: the desktop closed its session.");
  g_assert_null (steward_global_shortcut_get_trigger_description (shortcut));

  g_object_unref (shortcut);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  calls = read_log (fixture);
  g_assert_nonnull (find_call (calls, "Session.Closed"));
  g_assert_null (find_call (calls, "Session.Close"));
  g_assert_cmpuint (activations.ids->len, ==, 0);
  g_ptr_array_unref (activations.ids);
}

static void
test_no_portal (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardGlobalShortcut) shortcut = NULL;

  shortcut = bind_shortcut ();
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE);
  g_assert_cmpstr (steward_global_shortcut_get_message (shortcut), ==,
                   "Global shortcuts are unavailable: no desktop portal is running.");
  g_assert_null (steward_global_shortcut_get_trigger_description (shortcut));
}

static void
test_no_interface (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardGlobalShortcut) shortcut = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "no", "0", "0");

  shortcut = bind_shortcut ();
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_UNAVAILABLE);
  g_assert_cmpstr (steward_global_shortcut_get_message (shortcut), ==,
                   "Global shortcuts are unavailable: this desktop does not offer them to apps.");

  calls = read_log (fixture);
  g_assert_null (find_call (calls, "CreateSession"));
}

static void
test_denied (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(StewardGlobalShortcut) shortcut = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "yes", "0", "1");

  shortcut = bind_shortcut ();
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_DENIED);
  g_assert_cmpstr (steward_global_shortcut_get_message (shortcut), ==,
                   "The quick chat shortcut was not allowed: the request was refused or cancelled.");
  g_assert_null (steward_global_shortcut_get_trigger_description (shortcut));

  calls = read_log (fixture);
  g_assert_nonnull (find_call (calls, "BindShortcuts"));
  g_assert_cmpint (json_object_get_int_member (find_call (calls, "Response"), "response"), ==, 0);
}

static void
test_session_failed (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardGlobalShortcut) shortcut = NULL;
  g_autoptr(GPtrArray) calls = NULL;

  start_portal (fixture, "yes", "2", "0");

  shortcut = bind_shortcut ();
  g_assert_cmpint (steward_global_shortcut_get_state (shortcut), ==, STEWARD_GLOBAL_SHORTCUT_FAILED);
  g_assert_cmpstr (steward_global_shortcut_get_message (shortcut), ==,
                   "The quick chat shortcut could not be set: the desktop portal failed.");

  /* Without a session, no shortcut is asked for */
  calls = read_log (fixture);
  g_assert_nonnull (find_call (calls, "CreateSession"));
  g_assert_null (find_call (calls, "BindShortcuts"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GTestDBus) bus = NULL;
  GDBusConnection *connection;
  int ret;

  g_test_init (&argc, &argv, NULL);

  bus = g_test_dbus_new (G_TEST_DBUS_NONE);
  g_test_dbus_up (bus);
  /* Held for the whole run, as the application holds its session bus */
  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);

  g_test_add ("/steward/global-shortcut/bound", Fixture, NULL, fixture_set_up, test_bound, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/activated", Fixture, NULL, fixture_set_up, test_activated, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/shortcuts-changed", Fixture, NULL, fixture_set_up, test_shortcuts_changed, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/session-closed", Fixture, NULL, fixture_set_up, test_session_closed, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/no-portal", Fixture, NULL, fixture_set_up, test_no_portal, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/no-interface", Fixture, NULL, fixture_set_up, test_no_interface, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/denied", Fixture, NULL, fixture_set_up, test_denied, fixture_tear_down);
  g_test_add ("/steward/global-shortcut/session-failed", Fixture, NULL, fixture_set_up, test_session_failed, fixture_tear_down);

  ret = g_test_run ();

  g_object_unref (connection);
  g_test_dbus_down (bus);

  return ret;
}
