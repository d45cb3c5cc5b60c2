/* steward-global-shortcut.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* The one shortcut Steward asks the desktop for */
#define STEWARD_GLOBAL_SHORTCUT_QUICK_CHAT "quick-chat"

#define STEWARD_TYPE_GLOBAL_SHORTCUT (steward_global_shortcut_get_type ())

G_DECLARE_FINAL_TYPE (StewardGlobalShortcut, steward_global_shortcut, STEWARD, GLOBAL_SHORTCUT, GObject)

StewardGlobalShortcut      *steward_global_shortcut_new                     (void);
void                        steward_global_shortcut_bind                    (StewardGlobalShortcut *self);
StewardGlobalShortcutState  steward_global_shortcut_get_state               (StewardGlobalShortcut *self);
const char                 *steward_global_shortcut_get_trigger_description (StewardGlobalShortcut *self);
const char                 *steward_global_shortcut_get_message             (StewardGlobalShortcut *self);

G_END_DECLS
