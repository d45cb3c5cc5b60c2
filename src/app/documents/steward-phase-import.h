/* steward-phase-import.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

/* Import…: a Markdown, text, Word or PDF file chosen by the user read
 * into phase @phase_id as a new version (the text it had kept as a
 * version first). A long PDF shows its progress with Cancel; the result
 * is told in a toast on @toast_overlay. */
void steward_phase_import_choose (GtkWidget       *parent,
                                  AdwToastOverlay *toast_overlay,
                                  gint64           phase_id);

G_END_DECLS
