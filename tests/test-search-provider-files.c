/* test-search-provider-files.c: what GNOME Shell and the session bus read
 * to find Steward's search provider and start the app for it: the
 * search provider .ini, the D-Bus service file, the desktop entry's
 * DBusActivatable, and the interface the app exports.
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>

static const char *
env (const char *name)
{
  const char *value = g_getenv (name);

  g_assert_nonnull (value);

  return value;
}

static GKeyFile *
load (const char *variable)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_key_file_load_from_file (key_file, env (variable), G_KEY_FILE_NONE, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&key_file);
}

static char *
dup_string (GKeyFile   *key_file,
            const char *group,
            const char *key)
{
  g_autoptr(GError) error = NULL;
  char *value = g_key_file_get_string (key_file, group, key, &error);

  g_assert_no_error (error);

  return value;
}

/* The path GApplication registers the app's own objects under, for its
 * id: the provider is at its "/SearchProvider". */
static char *
dup_app_object_path (const char *app_id)
{
  g_autoptr(GString) path = g_string_new ("/");

  for (const char *p = app_id; *p != '\0'; p++)
    g_string_append_c (path, *p == '.' ? '/' : *p == '-' ? '_' : *p);
  g_string_append (path, "/SearchProvider");

  return g_string_free (g_steal_pointer (&path), FALSE);
}

static void
test_search_provider_ini (void)
{
  const char *app_id = env ("STEWARD_APP_ID");
  g_autoptr(GKeyFile) ini = load ("STEWARD_SEARCH_PROVIDER_INI");
  g_autofree char *desktop_id = g_strconcat (app_id, ".desktop", NULL);
  g_autofree char *object_path = dup_app_object_path (app_id);
  g_autofree char *value = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) groups = g_key_file_get_groups (ini, NULL);

  g_assert_cmpstrv (groups, ((const char * const[]) { "Shell Search Provider", NULL }));

  value = dup_string (ini, "Shell Search Provider", "DesktopId");
  g_assert_cmpstr (value, ==, desktop_id);
  g_clear_pointer (&value, g_free);

  value = dup_string (ini, "Shell Search Provider", "BusName");
  g_assert_cmpstr (value, ==, app_id);
  g_clear_pointer (&value, g_free);

  value = dup_string (ini, "Shell Search Provider", "ObjectPath");
  g_assert_cmpstr (value, ==, object_path);
  g_assert_true (g_variant_is_object_path (value));

  g_assert_cmpint (g_key_file_get_integer (ini, "Shell Search Provider", "Version", &error), ==, 2);
  g_assert_no_error (error);
}

static void
test_dbus_service (void)
{
  const char *app_id = env ("STEWARD_APP_ID");
  g_autoptr(GKeyFile) service = load ("STEWARD_DBUS_SERVICE");
  g_autofree char *name = dup_string (service, "D-BUS Service", "Name");
  g_autofree char *exec = dup_string (service, "D-BUS Service", "Exec");
  g_auto(GStrv) argv = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (name, ==, app_id);
  g_assert_true (g_dbus_is_name (name) && !g_dbus_is_unique_name (name));

  /* Started with no window, as a service the search provider answers in */
  g_shell_parse_argv (exec, NULL, &argv, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (argv), ==, 2);
  g_assert_true (g_path_is_absolute (argv[0]));
  g_assert_true (g_str_has_suffix (argv[0], "/steward"));
  g_assert_cmpstr (argv[1], ==, "--gapplication-service");
}

static void
test_desktop_entry (void)
{
  g_autoptr(GKeyFile) desktop = load ("STEWARD_DESKTOP_FILE");
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_get_boolean (desktop, G_KEY_FILE_DESKTOP_GROUP,
                                         G_KEY_FILE_DESKTOP_KEY_DBUS_ACTIVATABLE, &error));
  g_assert_no_error (error);
}

static void
test_interface (void)
{
  static const char * const methods[] = {
    "GetInitialResultSet", "GetSubsearchResultSet", "GetResultMetas", "ActivateResult", "LaunchSearch",
  };
  g_autofree char *xml = NULL;
  g_autoptr(GDBusNodeInfo) node = NULL;
  g_autoptr(GError) error = NULL;
  GDBusInterfaceInfo *info;

  g_file_get_contents (env ("STEWARD_SEARCH_PROVIDER_XML"), &xml, NULL, &error);
  g_assert_no_error (error);
  node = g_dbus_node_info_new_for_xml (xml, &error);
  g_assert_no_error (error);

  info = g_dbus_node_info_lookup_interface (node, "org.gnome.Shell.SearchProvider2");
  g_assert_nonnull (info);
  for (guint i = 0; i < G_N_ELEMENTS (methods); i++)
    g_assert_nonnull (g_dbus_interface_info_lookup_method (info, methods[i]));
  g_assert_cmpstr (g_dbus_interface_info_lookup_method (info, "GetResultMetas")->out_args[0]->signature,
                   ==, "aa{sv}");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/search-provider-files/ini", test_search_provider_ini);
  g_test_add_func ("/steward/search-provider-files/dbus-service", test_dbus_service);
  g_test_add_func ("/steward/search-provider-files/desktop-entry", test_desktop_entry);
  g_test_add_func ("/steward/search-provider-files/interface", test_interface);

  return g_test_run ();
}
