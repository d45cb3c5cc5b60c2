/* steward-memory-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-memory.h"

G_BEGIN_DECLS

StewardMemory *_steward_memory_new (gint64               id,
                                    const char          *text,
                                    gboolean             pinned,
                                    StewardMemoryOrigin  origin,
                                    gint64      source_message_id,
                                    GDateTime  *created_at);

G_END_DECLS
