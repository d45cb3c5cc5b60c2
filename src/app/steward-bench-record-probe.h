/* steward-bench-record-probe.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

void steward_bench_record_probe_attach (StewardApplication *app,
                                        GtkWindow          *window);

G_END_DECLS
