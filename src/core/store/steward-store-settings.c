/* steward-store-settings.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-setting-keys.h"
#include "steward-store-private.h"

/* The settings table: one text value per key of the key table
 * (steward-setting-keys.c), checked against its type and range. */

static const StewardSettingKey *
lookup_key (const char  *key,
            GError     **error)
{
  const StewardSettingKey *info = steward_setting_key_lookup (key);

  if (info == NULL)
    g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                 _("There is no setting “%s”."), key);

  return info;
}

/**
 * steward_store_dup_setting:
 *
 * Returns: (transfer full): the stored value of @key, or its default when
 *   none is stored; %NULL with @error set for an unknown key.
 */
char *
steward_store_dup_setting (StewardStore  *self,
                           const char    *key,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const StewardSettingKey *info;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (!(info = lookup_key (key, error)))
    return NULL;

  if (!(stmt = _steward_store_prepare (self, "SELECT value FROM settings WHERE key = ?", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  if (rc == SQLITE_DONE)
    return g_strdup (info->default_value);

  _steward_store_set_sql_error (self, error);

  return NULL;
}

/**
 * steward_store_set_setting:
 *
 * Stores @value for @key after checking it against the key's type and
 * range (see steward_setting_key_normalize()).
 */
gboolean
steward_store_set_setting (StewardStore  *self,
                           const char    *key,
                           const char    *value,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *normalized = NULL;
  const StewardSettingKey *info;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!(info = lookup_key (key, error)))
    return FALSE;

  if (!(normalized = steward_setting_key_normalize (info, value, error)))
    return FALSE;

  stmt = _steward_store_prepare (self,
                                "INSERT INTO settings (key, value, updated_at)"
                                " VALUES (?1, ?2, " STEWARD_STORE_NOW_SQL ")"
                                " ON CONFLICT (key) DO UPDATE"
                                " SET value = ?2, updated_at = excluded.updated_at"
                                " WHERE value IS NOT ?2",
                                error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, normalized, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/**
 * steward_store_reset_setting:
 *
 * Forgets the stored value of @key, so its default applies again.
 */
gboolean
steward_store_reset_setting (StewardStore  *self,
                             const char    *key,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  if (!lookup_key (key, error))
    return FALSE;

  if (!(stmt = _steward_store_prepare (self, "DELETE FROM settings WHERE key = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}
