/* steward-phase-version.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PHASE_VERSION (steward_phase_version_get_type ())

G_DECLARE_FINAL_TYPE (StewardPhaseVersion, steward_phase_version, STEWARD, PHASE_VERSION, GObject)

gint64                steward_phase_version_get_id         (StewardPhaseVersion *self);
gint64                steward_phase_version_get_phase_id   (StewardPhaseVersion *self);
/* 1, 2, … in its phase */
guint                 steward_phase_version_get_number     (StewardPhaseVersion *self);
StewardVersionReason  steward_phase_version_get_reason     (StewardPhaseVersion *self);
GDateTime            *steward_phase_version_get_created_at (StewardPhaseVersion *self);
const char           *steward_phase_version_get_content    (StewardPhaseVersion *self);

G_END_DECLS
