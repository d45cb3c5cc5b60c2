/* steward-stack-accessible.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steward_stack_accessible_track (GtkStack *stack);

G_END_DECLS
