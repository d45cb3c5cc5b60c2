/* steward-bench-quick-chat-probe.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steward_bench_quick_chat_probe_attach (GtkWindow *window);

G_END_DECLS
