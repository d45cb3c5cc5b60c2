/* steward-background.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_BACKGROUND (steward_background_get_type ())

G_DECLARE_FINAL_TYPE (StewardBackground, steward_background, STEWARD, BACKGROUND, GObject)

StewardBackground *steward_background_new                (GApplication      *application,
                                                          StewardServices   *services);
gboolean           steward_background_get_enabled        (StewardBackground *self);
const char        *steward_background_get_status         (StewardBackground *self);
char              *steward_background_dup_autostart_path (void);
void               steward_background_quit               (StewardBackground *self);

G_END_DECLS
