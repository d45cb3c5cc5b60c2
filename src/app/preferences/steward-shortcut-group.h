/* steward-shortcut-group.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-global-shortcut.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SHORTCUT_GROUP (steward_shortcut_group_get_type ())

G_DECLARE_FINAL_TYPE (StewardShortcutGroup, steward_shortcut_group, STEWARD, SHORTCUT_GROUP, AdwPreferencesGroup)

void  steward_shortcut_group_set_shortcut (StewardShortcutGroup  *self,
                                           StewardGlobalShortcut *shortcut);
char *steward_shortcut_group_dup_command  (void);

G_END_DECLS
