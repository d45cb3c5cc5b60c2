/* steward-app-settings.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-app-settings"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-app-settings.h"

/* GSettings holds only UI state (window geometry, last page); everything the
 * core reads lives in the store. This typed wrapper keeps key names in one
 * file so a typo cannot turn into a runtime abort elsewhere.
 */

#define KEY_WINDOW_WIDTH     "window-width"
#define KEY_WINDOW_HEIGHT    "window-height"
#define KEY_WINDOW_MAXIMIZED "window-maximized"
#define KEY_LAST_PAGE        "last-page"

struct _StewardAppSettings
{
  GObject    parent_instance;

  /* Owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (StewardAppSettings, steward_app_settings, G_TYPE_OBJECT)

static void
steward_app_settings_dispose (GObject *object)
{
  StewardAppSettings *self = (StewardAppSettings *)object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (steward_app_settings_parent_class)->dispose (object);
}

static void
steward_app_settings_class_init (StewardAppSettingsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = steward_app_settings_dispose;
}

static void
steward_app_settings_init (StewardAppSettings *self)
{
  /* The schema id is the same for the .Devel build: only UI state lives here. */
  self->settings = g_settings_new (BASE_APP_ID);
}

StewardAppSettings *
steward_app_settings_new (void)
{
  return g_object_new (STEWARD_TYPE_APP_SETTINGS, NULL);
}

/**
 * steward_app_settings_get_settings:
 *
 * Returns: (transfer none): the underlying #GSettings, for g_settings_bind()
 */
GSettings *
steward_app_settings_get_settings (StewardAppSettings *self)
{
  g_return_val_if_fail (STEWARD_IS_APP_SETTINGS (self), NULL);

  return self->settings;
}

void
steward_app_settings_get_window_size (StewardAppSettings *self,
                                      int                *width,
                                      int                *height)
{
  g_return_if_fail (STEWARD_IS_APP_SETTINGS (self));

  if (width != NULL)
    *width = g_settings_get_int (self->settings, KEY_WINDOW_WIDTH);
  if (height != NULL)
    *height = g_settings_get_int (self->settings, KEY_WINDOW_HEIGHT);
}

void
steward_app_settings_set_window_size (StewardAppSettings *self,
                                      int                 width,
                                      int                 height)
{
  g_return_if_fail (STEWARD_IS_APP_SETTINGS (self));

  g_settings_set_int (self->settings, KEY_WINDOW_WIDTH, width);
  g_settings_set_int (self->settings, KEY_WINDOW_HEIGHT, height);
}

gboolean
steward_app_settings_get_window_maximized (StewardAppSettings *self)
{
  g_return_val_if_fail (STEWARD_IS_APP_SETTINGS (self), FALSE);

  return g_settings_get_boolean (self->settings, KEY_WINDOW_MAXIMIZED);
}

void
steward_app_settings_set_window_maximized (StewardAppSettings *self,
                                           gboolean            maximized)
{
  g_return_if_fail (STEWARD_IS_APP_SETTINGS (self));

  g_settings_set_boolean (self->settings, KEY_WINDOW_MAXIMIZED, !!maximized);
}

char *
steward_app_settings_dup_last_page (StewardAppSettings *self)
{
  g_return_val_if_fail (STEWARD_IS_APP_SETTINGS (self), NULL);

  return g_settings_get_string (self->settings, KEY_LAST_PAGE);
}

void
steward_app_settings_set_last_page (StewardAppSettings *self,
                                    const char         *last_page)
{
  g_return_if_fail (STEWARD_IS_APP_SETTINGS (self));
  g_return_if_fail (last_page != NULL);

  g_settings_set_string (self->settings, KEY_LAST_PAGE, last_page);
}
