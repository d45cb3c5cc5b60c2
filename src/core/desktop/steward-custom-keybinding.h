/* steward-custom-keybinding.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Where GNOME keeps the custom shortcut Steward adds */
#define STEWARD_CUSTOM_KEYBINDING_PATH \
  "/org/gnome/settings-daemon/plugins/media-keys/custom-keybindings/steward-quick-chat/"

gboolean steward_custom_keybinding_is_available (void);
gboolean steward_custom_keybinding_is_added     (const char  *command);
gboolean steward_custom_keybinding_add          (const char  *name,
                                                 const char  *command,
                                                 const char  *binding,
                                                 GError     **error);

G_END_DECLS
