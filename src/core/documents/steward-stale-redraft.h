/* steward-stale-redraft.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-phase-draft.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_STALE_REDRAFT (steward_stale_redraft_get_type ())

G_DECLARE_FINAL_TYPE (StewardStaleRedraft, steward_stale_redraft, STEWARD, STALE_REDRAFT, GObject)

StewardStaleRedraft *steward_stale_redraft_new        (StewardServices      *services,
                                                       gint64                project_id,
                                                       const char           *tier);
/* The phase being drafted now, or NULL */
StewardPhaseDraft   *steward_stale_redraft_get_current (StewardStaleRedraft *self);
guint                steward_stale_redraft_get_done   (StewardStaleRedraft  *self);
guint                steward_stale_redraft_get_total  (StewardStaleRedraft  *self);
/* Lets the phase being drafted end, and starts no other */
void                 steward_stale_redraft_stop       (StewardStaleRedraft  *self);

void                 steward_stale_redraft_run_async  (StewardStaleRedraft  *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
gboolean             steward_stale_redraft_run_finish (StewardStaleRedraft  *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);

G_END_DECLS
