/* test-custom-keybinding.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "steward-custom-keybinding.h"

/* Quick chat's shortcut added to GNOME's custom shortcuts, on GNOME's
 * real schemas (gnome-settings-daemon-common) in GSettings' memory
 * backend: listed once however often it is added, the user's own
 * shortcuts kept, its name, command and keys as given. */

#define MEDIA_KEYS "org.gnome.settings-daemon.plugins.media-keys"
#define OTHER_PATH "/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/custom0/"

static void
test_add (void)
{
  g_autoptr(GSettings) media_keys = NULL;
  g_autoptr(GSettings) custom = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *command = NULL;
  g_autofree char *binding = NULL;
  g_autofree char *name = NULL;
  const char * const mine[] = { OTHER_PATH, NULL };

  if (!steward_custom_keybinding_is_available ())
    {
      g_test_skip ("GNOME's settings daemon's schemas are not installed (gnome-settings-daemon-common)");
      return;
    }

  media_keys = g_settings_new (MEDIA_KEYS);
  g_assert_true (g_settings_set_strv (media_keys, "custom-keybindings", mine));
  g_assert_false (steward_custom_keybinding_is_added ("steward --quick-chat"));

  for (guint i = 0; i < 2; i++)
    {
      g_assert_true (steward_custom_keybinding_add ("Steward Quick Chat", "steward --quick-chat",
                                                    "<Control><Alt>space", &error));
      g_assert_no_error (error);
    }

  paths = g_settings_get_strv (media_keys, "custom-keybindings");
  g_assert_cmpuint (g_strv_length (paths), ==, 2);
  g_assert_cmpstr (paths[0], ==, OTHER_PATH);
  g_assert_cmpstr (paths[1], ==, STEWARD_CUSTOM_KEYBINDING_PATH);

  custom = g_settings_new_with_path (MEDIA_KEYS ".custom-keybinding", STEWARD_CUSTOM_KEYBINDING_PATH);
  name = g_settings_get_string (custom, "name");
  command = g_settings_get_string (custom, "command");
  binding = g_settings_get_string (custom, "binding");
  g_assert_cmpstr (name, ==, "Steward Quick Chat");
  g_assert_cmpstr (command, ==, "steward --quick-chat");
  g_assert_cmpstr (binding, ==, "<Control><Alt>space");

  g_assert_true (steward_custom_keybinding_is_added ("steward --quick-chat"));
  /* Another command (the Flatpak's) is not this one */
  g_assert_false (steward_custom_keybinding_is_added ("flatpak run io.github.stewardapp.Steward --quick-chat"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/custom-keybinding/add", test_add);

  return g_test_run ();
}
