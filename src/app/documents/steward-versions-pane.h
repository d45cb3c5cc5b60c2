/* steward-versions-pane.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_VERSIONS_PANE (steward_versions_pane_get_type ())

G_DECLARE_FINAL_TYPE (StewardVersionsPane, steward_versions_pane, STEWARD, VERSIONS_PANE, GtkWidget)

GtkWidget *steward_versions_pane_new       (void);
/* The phase whose versions it shows; 0 for none */
void       steward_versions_pane_set_phase (StewardVersionsPane *self,
                                            gint64               phase_id);
gint64     steward_versions_pane_get_phase (StewardVersionsPane *self);

G_END_DECLS
