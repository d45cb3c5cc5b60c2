/* steward-phase.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PHASE (steward_phase_get_type ())

G_DECLARE_FINAL_TYPE (StewardPhase, steward_phase, STEWARD, PHASE, GObject)

gint64              steward_phase_get_id           (StewardPhase *self);
gint64              steward_phase_get_project_id   (StewardPhase *self);
/* 0 to n-1 in its project */
guint               steward_phase_get_position     (StewardPhase *self);
/* What the user sees: position + 1 */
guint               steward_phase_get_number       (StewardPhase *self);
const char         *steward_phase_get_title        (StewardPhase *self);
const char         *steward_phase_get_instructions (StewardPhase *self);
/* Markdown */
const char         *steward_phase_get_content      (StewardPhase *self);
StewardPhaseStatus  steward_phase_get_status       (StewardPhase *self);
GDateTime          *steward_phase_get_created_at   (StewardPhase *self);
GDateTime          *steward_phase_get_updated_at   (StewardPhase *self);
/* (nullable): when it was last autosaved */
GDateTime          *steward_phase_get_autosaved_at (StewardPhase *self);

G_END_DECLS
