/* keyring-session.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <gio/gio.h>
#include <libsecret/secret.h>
#include <unistd.h>

#include "keyring-session.h"

/* The contract, written out again rather than taken from the code under
 * test: schema io.github.stewardapp.Steward.Secret, attributes kind and
 * name. */
static const SecretSchema schema = {
  "io.github.stewardapp.Steward.Secret", SECRET_SCHEMA_NONE,
  {
    { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { "name", SECRET_SCHEMA_ATTRIBUTE_STRING },
    { NULL, 0 },
  },
  0, NULL, NULL, NULL, NULL, NULL, NULL, NULL
};

/* Inside the session headless-session.sh made: its HOME, its bus. */
static gboolean
in_private_session (void)
{
  const char *session = g_getenv ("STEWARD_SESSION_DIR");

  return g_strcmp0 (g_getenv ("STEWARD_HEADLESS_INNER"), "1") == 0 &&
         session != NULL && session[0] == '/' &&
         g_str_has_prefix (g_get_home_dir (), session) &&
         g_getenv ("DBUS_SESSION_BUS_ADDRESS") != NULL;
}

/* gnome-keyring-daemon --daemonize returns before it owns its name on
 * the bus: a call then would have D-Bus start another daemon, with a
 * locked keyring. Waits for the session's own (asking whether a name
 * has an owner starts nothing). */
static gboolean
wait_for_secret_service (GError **error)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, error);
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (bus == NULL)
    return FALSE;

  for (;;)
    {
      g_autoptr(GVariant) reply = NULL;
      gboolean owned = FALSE;

      reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                           "org.freedesktop.DBus", "NameHasOwner",
                                           g_variant_new ("(s)", "org.freedesktop.secrets"),
                                           G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1,
                                           NULL, error);
      if (reply == NULL)
        return FALSE;

      g_variant_get (reply, "(b)", &owned);
      if (owned)
        return TRUE;

      if (g_get_monotonic_time () > deadline)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                               "nothing owns org.freedesktop.secrets after 10 s");
          return FALSE;
        }
      g_usleep (20 * 1000);
    }
}

/**
 * keyring_session_require:
 *
 * Skips the case, saying why, unless a Secret Service of our own
 * answers.
 */
gboolean
keyring_session_require (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tool = NULL;

  if (!in_private_session ())
    {
      g_test_skip ("No private keyring: this case runs inside build-aux/headless-session.sh "
                   "(dbus-run-session, xvfb-run and gnome-keyring-daemon), never against the user's own");
      return FALSE;
    }

  if ((tool = g_find_program_in_path ("secret-tool")) == NULL)
    {
      g_test_skip ("secret-tool (package libsecret-tools) is not installed to check the keyring with");
      return FALSE;
    }

  if (!wait_for_secret_service (&error) ||
      !(service = secret_service_get_sync (SECRET_SERVICE_OPEN_SESSION, NULL, &error)))
    {
      g_autofree char *message = g_strdup_printf ("No Secret Service on the session bus: %s", error->message);

      g_test_skip (message);
      return FALSE;
    }

  return TRUE;
}

/**
 * keyring_session_lookup:
 *
 * Returns: (transfer full) (nullable): the API key the keyring itself
 *   holds for @name, read without the code under test
 */
char *
keyring_session_lookup (const char *name)
{
  g_autoptr(GError) error = NULL;
  char *secret;
  char *copy;

  secret = secret_password_lookup_sync (&schema, NULL, &error,
                                        "kind", "api-key",
                                        "name", name,
                                        NULL);
  g_assert_no_error (error);
  copy = g_strdup (secret);
  secret_password_free (secret);

  return copy;
}

/**
 * keyring_session_cut_off:
 *
 * Makes the session bus unreachable for this process, so there is no
 * keyring at all; before anything opens a connection to the bus (in a
 * g_test_trap_subprocess () child).
 */
void
keyring_session_cut_off (void)
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/steward-test-bus", TRUE);
}

/**
 * keyring_session_enter:
 *
 * Anywhere but a private session, runs the program again inside one, so
 * the cases that need a keyring use a throwaway one; returns only when
 * it cannot (or is already inside).
 */
void
keyring_session_enter (int    argc,
                       char **argv)
{
  const char *script = g_getenv ("STEWARD_HEADLESS_SESSION");
  g_autoptr(GPtrArray) args = NULL;
  g_auto(GStrv) envp = NULL;
  g_autofree char *debug = NULL;
  static const char * const tools[] = { "dbus-run-session", "xvfb-run", "gnome-keyring-daemon" };

  if (in_private_session () || script == NULL || !g_file_test (script, G_FILE_TEST_IS_EXECUTABLE))
    return;

  for (guint i = 0; i < G_N_ELEMENTS (tools); i++)
    {
      g_autofree char *path = g_find_program_in_path (tools[i]);

      if (path == NULL)
        return;
    }

  /* The daemons the session starts must not inherit the test's fatal
   * warnings (gnome-keyring-daemon warns, and would die of it): the test
   * alone gets them back. */
  debug = g_strconcat ("G_DEBUG=", g_getenv ("G_DEBUG") ? g_getenv ("G_DEBUG") : "", NULL);
  envp = g_environ_unsetenv (g_get_environ (), "G_DEBUG");

  args = g_ptr_array_new ();
  g_ptr_array_add (args, (char *)script);
  g_ptr_array_add (args, (char *)"env");
  g_ptr_array_add (args, debug);
  for (int i = 0; i < argc; i++)
    g_ptr_array_add (args, argv[i]);
  g_ptr_array_add (args, NULL);

  execve (script, (char **)args->pdata, envp);
  g_printerr ("%s: could not run %s: %s\n", argv[0], script, g_strerror (errno));
}
