/* steward-recurrence.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean   steward_recurrence_check (const char  *rrule,
                                     GError     **error);
GDateTime *steward_recurrence_next  (const char  *rrule,
                                     GDateTime   *due,
                                     GError     **error);

G_END_DECLS
