/* steward-custom-keybinding.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-custom-keybinding"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-custom-keybinding.h"

/* Quick chat's shortcut as a custom shortcut of GNOME's, for desktops
 * with no GlobalShortcuts portal (GNOME 43 and older): GNOME's settings
 * daemon runs the commands listed in its media-keys custom-keybindings,
 * each a relocatable custom-keybinding with a name, a command and a
 * binding; Settings → Keyboard shows and edits them. Reachable only
 * outside the sandbox, where GNOME's own settings are. */

#define MEDIA_KEYS_SCHEMA "org.gnome.settings-daemon.plugins.media-keys"
#define CUSTOM_SCHEMA     MEDIA_KEYS_SCHEMA ".custom-keybinding"
#define LIST_KEY          "custom-keybindings"

static GSettingsSchema *
lookup_schema (const char *id)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();

  return source != NULL ? g_settings_schema_source_lookup (source, id, TRUE) : NULL;
}

/**
 * steward_custom_keybinding_is_available:
 *
 * Returns: whether GNOME's custom shortcuts can be written here: outside
 *   the Flatpak sandbox, with GNOME's settings daemon's schemas installed
 */
gboolean
steward_custom_keybinding_is_available (void)
{
  g_autoptr(GSettingsSchema) media_keys = NULL;
  g_autoptr(GSettingsSchema) custom = NULL;

  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    return FALSE;

  if (!(media_keys = lookup_schema (MEDIA_KEYS_SCHEMA)) ||
      !g_settings_schema_has_key (media_keys, LIST_KEY) ||
      !(custom = lookup_schema (CUSTOM_SCHEMA)))
    return FALSE;

  return g_settings_schema_has_key (custom, "command") &&
         g_settings_schema_has_key (custom, "binding") &&
         g_settings_schema_has_key (custom, "name");
}

/**
 * steward_custom_keybinding_is_added:
 * @command: what the shortcut runs
 *
 * Returns: whether Steward's custom shortcut is listed and runs @command
 */
gboolean
steward_custom_keybinding_is_added (const char *command)
{
  g_autoptr(GSettings) media_keys = NULL;
  g_autoptr(GSettings) custom = NULL;
  g_auto(GStrv) paths = NULL;
  g_autofree char *current = NULL;

  g_return_val_if_fail (command != NULL, FALSE);

  if (!steward_custom_keybinding_is_available ())
    return FALSE;

  media_keys = g_settings_new (MEDIA_KEYS_SCHEMA);
  paths = g_settings_get_strv (media_keys, LIST_KEY);
  if (!g_strv_contains ((const char * const *)paths, STEWARD_CUSTOM_KEYBINDING_PATH))
    return FALSE;

  custom = g_settings_new_with_path (CUSTOM_SCHEMA, STEWARD_CUSTOM_KEYBINDING_PATH);
  current = g_settings_get_string (custom, "command");

  return g_strcmp0 (current, command) == 0;
}

/**
 * steward_custom_keybinding_add:
 * @name: what Settings → Keyboard lists it as
 * @command: what it runs
 * @binding: its keys, as GTK names them ("<Control><Alt>space")
 *
 * Adds Steward's custom shortcut to GNOME's, or sets it again when it is
 * there; the others are left as they are.
 */
gboolean
steward_custom_keybinding_add (const char  *name,
                               const char  *command,
                               const char  *binding,
                               GError     **error)
{
  g_autoptr(GSettings) media_keys = NULL;
  g_autoptr(GSettings) custom = NULL;
  g_auto(GStrv) paths = NULL;

  g_return_val_if_fail (name != NULL && command != NULL && binding != NULL, FALSE);

  if (!steward_custom_keybinding_is_available ())
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("GNOME’s keyboard shortcuts cannot be reached from here; add the shortcut in the "
                     "desktop’s keyboard settings."));
      return FALSE;
    }

  custom = g_settings_new_with_path (CUSTOM_SCHEMA, STEWARD_CUSTOM_KEYBINDING_PATH);
  g_settings_delay (custom);
  g_settings_set_string (custom, "name", name);
  g_settings_set_string (custom, "command", command);
  g_settings_set_string (custom, "binding", binding);
  g_settings_apply (custom);

  media_keys = g_settings_new (MEDIA_KEYS_SCHEMA);
  paths = g_settings_get_strv (media_keys, LIST_KEY);
  if (!g_strv_contains ((const char * const *)paths, STEWARD_CUSTOM_KEYBINDING_PATH))
    {
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) added = NULL;

      g_strv_builder_addv (builder, (const char **)paths);
      g_strv_builder_add (builder, STEWARD_CUSTOM_KEYBINDING_PATH);
      added = g_strv_builder_end (builder);

      if (!g_settings_set_strv (media_keys, LIST_KEY, (const char * const *)added))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       _("GNOME’s keyboard shortcuts could not be changed."));
          return FALSE;
        }
    }

  g_settings_sync ();

  return TRUE;
}
