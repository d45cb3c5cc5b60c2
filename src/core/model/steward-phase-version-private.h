/* steward-phase-version-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-phase-version.h"

G_BEGIN_DECLS

StewardPhaseVersion *_steward_phase_version_new (gint64                id,
                                                 gint64                phase_id,
                                                 guint                 number,
                                                 StewardVersionReason  reason,
                                                 const char           *content,
                                                 GDateTime            *created_at);

G_END_DECLS
