/* steward-sideways-scroller-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-sideways-scroller.h"

G_BEGIN_DECLS

void _steward_sideways_scroller_glide (GtkScrolledWindow *outer,
                                       double             velocity);

G_END_DECLS
