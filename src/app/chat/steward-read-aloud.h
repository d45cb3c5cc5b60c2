/* steward-read-aloud.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

/* "Read Aloud" on the replies of a window: one speaker for all of them,
 * so that reading a reply stops the one read before. */

#define STEWARD_TYPE_READ_ALOUD (steward_read_aloud_get_type ())

G_DECLARE_FINAL_TYPE (StewardReadAloud, steward_read_aloud, STEWARD, READ_ALOUD, GObject)

StewardReadAloud *steward_read_aloud_get_for_widget (GtkWidget        *widget);
gint64            steward_read_aloud_get_message_id (StewardReadAloud *self);
void              steward_read_aloud_toggle         (StewardReadAloud *self,
                                                     StewardMessage   *message,
                                                     GtkWidget        *widget);
void              steward_read_aloud_stop           (StewardReadAloud *self);

G_END_DECLS
