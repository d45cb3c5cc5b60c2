/* steward-memory.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_MEMORY (steward_memory_get_type ())

G_DECLARE_FINAL_TYPE (StewardMemory, steward_memory, STEWARD, MEMORY, GObject)

gint64      steward_memory_get_id                (StewardMemory *self);
const char *steward_memory_get_text              (StewardMemory *self);
gboolean    steward_memory_get_pinned            (StewardMemory *self);
/* "user" (written in Preferences or the CLI), "chat" ("remember …") or
 * "auto" (proposed after an exchange) */
StewardMemoryOrigin steward_memory_get_origin   (StewardMemory *self);
/* 0 when the fact came from no message */
gint64      steward_memory_get_source_message_id (StewardMemory *self);
GDateTime  *steward_memory_get_created_at        (StewardMemory *self);

G_END_DECLS
