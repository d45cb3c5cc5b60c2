/* steward-phase-status.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-core.h"

G_BEGIN_DECLS

const char *steward_phase_status_get_label     (StewardPhaseStatus status);
const char *steward_phase_status_get_icon_name (StewardPhaseStatus status);
const char *steward_phase_status_get_css_class (StewardPhaseStatus status);

G_END_DECLS
