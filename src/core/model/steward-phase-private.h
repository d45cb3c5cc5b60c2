/* steward-phase-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-phase.h"

G_BEGIN_DECLS

/* The times a phase has; created_at and updated_at are never NULL. */
typedef struct
{
  GDateTime *created_at;
  GDateTime *updated_at;
  GDateTime *autosaved_at;
} StewardPhaseTimes;

StewardPhase *_steward_phase_new    (gint64                   id,
                                     gint64                   project_id,
                                     guint                    position,
                                     const char              *title,
                                     const char              *instructions,
                                     const char              *content,
                                     StewardPhaseStatus       status,
                                     const StewardPhaseTimes *times);
void          _steward_phase_update (StewardPhase            *self,
                                     StewardPhase            *fresh);

G_END_DECLS
