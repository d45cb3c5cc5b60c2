/* steward-date-format.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *steward_date_format_relative (GDateTime *date_time,
                                    GDateTime *now);
char *steward_date_format_group    (GDateTime *date_time,
                                    GDateTime *now);
char *steward_date_format_in_group (GDateTime *date_time,
                                    GDateTime *now);

G_END_DECLS
