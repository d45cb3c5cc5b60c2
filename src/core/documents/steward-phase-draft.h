/* steward-phase-draft.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-services.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PHASE_DRAFT (steward_phase_draft_get_type ())

G_DECLARE_FINAL_TYPE (StewardPhaseDraft, steward_phase_draft, STEWARD, PHASE_DRAFT, GObject)

StewardPhaseDraft *steward_phase_draft_new            (StewardServices     *services,
                                                       gint64               phase_id,
                                                       const char          *tier,
                                                       const char          *note);
gint64             steward_phase_draft_get_phase_id   (StewardPhaseDraft   *self);
/* What arrived so far */
const char        *steward_phase_draft_get_text       (StewardPhaseDraft   *self);
/* The version the draft is kept in: 0 until its first words arrive */
gint64             steward_phase_draft_get_version_id (StewardPhaseDraft   *self);
/* Whether the earlier phases went into the prompt as passages found by
 * search, rather than whole (they did not fit the model's context) */
gboolean           steward_phase_draft_get_used_passages (StewardPhaseDraft *self);

void               steward_phase_draft_run_async      (StewardPhaseDraft   *self,
                                                       GCancellable        *cancellable,
                                                       GAsyncReadyCallback  callback,
                                                       gpointer             user_data);
gboolean           steward_phase_draft_run_finish     (StewardPhaseDraft   *self,
                                                       GAsyncResult        *result,
                                                       GError             **error);

G_END_DECLS
