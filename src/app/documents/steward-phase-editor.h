/* steward-phase-editor.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PHASE_EDITOR (steward_phase_editor_get_type ())

G_DECLARE_FINAL_TYPE (StewardPhaseEditor, steward_phase_editor, STEWARD, PHASE_EDITOR, GtkWidget)

StewardPhase *steward_phase_editor_get_phase         (StewardPhaseEditor *self);
void          steward_phase_editor_set_phase         (StewardPhaseEditor *self,
                                                      StewardPhase       *phase);
void          steward_phase_editor_save              (StewardPhaseEditor *self);
gboolean      steward_phase_editor_get_busy          (StewardPhaseEditor *self);
void          steward_phase_editor_set_following     (StewardPhaseEditor *self,
                                                      gint64              phase_id);
void          steward_phase_editor_set_versions_pane (StewardPhaseEditor *self,
                                                      GtkWidget          *pane);
void          steward_phase_editor_focus_text        (StewardPhaseEditor *self);

G_END_DECLS
