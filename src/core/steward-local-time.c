/* steward-local-time.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-local-time.h"

/* How long the zone read is trusted */
#define ZONE_LIFETIME_USEC (60 * G_USEC_PER_SEC)

static GMutex     zone_lock;
static GTimeZone *zone;
static char      *zone_tz;
static gint64     zone_read_at;

/**
 * steward_local_time_zone:
 *
 * Returns: (transfer full): the local time zone
 */
GTimeZone *
steward_local_time_zone (void)
{
  const char *tz = g_getenv ("TZ");
  gint64 now = g_get_monotonic_time ();
  GTimeZone *local;

  g_mutex_lock (&zone_lock);

  if (zone == NULL || g_strcmp0 (tz, zone_tz) != 0 || now - zone_read_at > ZONE_LIFETIME_USEC)
    {
      g_clear_pointer (&zone, g_time_zone_unref);
      g_free (zone_tz);
      zone = g_time_zone_new_local ();
      zone_tz = g_strdup (tz);
      zone_read_at = now;
    }
  local = g_time_zone_ref (zone);

  g_mutex_unlock (&zone_lock);

  return local;
}

GDateTime *
steward_local_now (void)
{
  g_autoptr(GTimeZone) local = steward_local_time_zone ();

  return g_date_time_new_now (local);
}

GDateTime *
steward_local_time (GDateTime *date_time)
{
  g_autoptr(GTimeZone) local = steward_local_time_zone ();

  g_return_val_if_fail (date_time != NULL, NULL);

  return g_date_time_to_timezone (date_time, local);
}

GDateTime *
steward_local_new (int    year,
                   int    month,
                   int    day,
                   int    hour,
                   int    minute,
                   double seconds)
{
  g_autoptr(GTimeZone) local = steward_local_time_zone ();

  return g_date_time_new (local, year, month, day, hour, minute, seconds);
}
