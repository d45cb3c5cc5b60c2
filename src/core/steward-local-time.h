/* steward-local-time.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Local time without reading the zone again each time: GLib 2.74's
 * g_time_zone_new_local () reads /etc/localtime on every call when TZ is
 * not set (as on most desktops), which made every task read from the
 * store and every card drawn stat files. The zone is read again when TZ
 * changes, and once a minute, so a change of the system's zone shows
 * soon. Safe from any thread. */

GTimeZone *steward_local_time_zone (void);
GDateTime *steward_local_now       (void);
GDateTime *steward_local_time      (GDateTime *date_time);
GDateTime *steward_local_new       (int        year,
                                    int        month,
                                    int        day,
                                    int        hour,
                                    int        minute,
                                    double     seconds);

G_END_DECLS
