/* steward-bench-probe-ready.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

typedef void (*StewardBenchReadyFunc) (GdkFrameClock *frame_clock,
                                       gpointer       user_data);

void steward_bench_probe_when_ready (StewardApplication    *app,
                                     GtkWindow             *window,
                                     guint                  settle_ms,
                                     StewardBenchReadyFunc  func,
                                     gpointer               user_data);

G_END_DECLS
