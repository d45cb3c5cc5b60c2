/* steward-store-providers.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-store-private.h"

/* Providers (a kind, a base URL, a default model; never a key, which lives
 * in the keyring) as rows, and the tiers that map a size to a provider's
 * model. */

static const char * const tiers[] = { "small", "medium", "large", NULL };

/**
 * steward_store_check_provider_name:
 *
 * A provider's name is shown in lists, menus and terminals: it must not be
 * empty and must hold no control characters (C0, DEL, C1), which could
 * rewrite a terminal.
 *
 * Returns: %TRUE if @name may be stored, else %FALSE with @error set
 *   (%STEWARD_STORE_ERROR_INVALID)
 */
gboolean
steward_store_check_provider_name (const char  *name,
                                   GError     **error)
{
  g_autofree char *stripped = NULL;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A provider’s name must be UTF-8 text."));
      return FALSE;
    }

  stripped = g_strstrip (g_strdup (name));
  if (stripped[0] == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A provider needs a name."));
      return FALSE;
    }

  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        {
          g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                       _("A provider’s name cannot contain control characters."));
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * steward_store_check_provider_address:
 *
 * A provider's base URL must be an http or https address with a host. It
 * must not carry a user name or password (`user:password@`): a secret
 * belongs in the keyring, never in the database, a list or a log, so such
 * an address is refused without being repeated.
 *
 * Returns: %TRUE if @base_url may be stored, else %FALSE with @error set
 *   (%STEWARD_STORE_ERROR_INVALID)
 */
gboolean
steward_store_check_provider_address (const char  *base_url,
                                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *authority;
  gsize authority_len;

  g_return_val_if_fail (base_url != NULL, FALSE);

  /* Looked for before parsing, so that an address GUri cannot read is
   * not repeated either when it carries a password. */
  authority = strstr (base_url, "://");
  authority = authority != NULL ? authority + 3 : base_url;
  authority_len = strcspn (authority, "/?#");
  if (memchr (authority, '@', authority_len) != NULL)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A provider’s address cannot contain a user name or password; "
                     "keep keys in the keyring or in an environment variable."));
      return FALSE;
    }

  uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL ||
      (g_strcmp0 (scheme, "http") != 0 && g_strcmp0 (scheme, "https") != 0) ||
      g_uri_get_host (uri) == NULL || g_uri_get_host (uri)[0] == '\0' ||
      g_uri_get_userinfo (uri) != NULL)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("“%s” is not an http or https address."), base_url);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_record (StewardProviderRecord  *record,
              GError                **error)
{
  const char *base_url = steward_provider_record_get_base_url (record);

  return steward_store_check_provider_name (steward_provider_record_get_name (record), error) &&
         (base_url == NULL || steward_store_check_provider_address (base_url, error));
}

/**
 * steward_store_add_provider:
 *
 * Stores a provider's row: its settings, never its key (that lives in
 * the keyring).
 */
gboolean
steward_store_add_provider (StewardStore           *self,
                            StewardProviderRecord  *record,
                            GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *name;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (record), FALSE);
  g_return_val_if_fail (steward_provider_record_get_kind (record) != NULL, FALSE);

  if (!check_record (record, error))
    return FALSE;

  name = steward_provider_record_get_name (record);

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO providers (name, kind, base_url, model, api_key_env,"
                                 "                       created_at, updated_at)"
                                 " VALUES (?, ?, ?, ?, ?, " STEWARD_STORE_NOW_SQL ", " STEWARD_STORE_NOW_SQL ")",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, steward_provider_record_get_kind (record), -1, SQLITE_TRANSIENT);
  _steward_store_bind_text_or_null (stmt, 3, steward_provider_record_get_base_url (record));
  _steward_store_bind_text_or_null (stmt, 4, steward_provider_record_get_model (record));
  _steward_store_bind_text_or_null (stmt, 5, steward_provider_record_get_api_key_env (record));

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_steward_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                     _("There is already a provider named “%s”."), name);
      else
        _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  _steward_store_emit_providers_changed (self);

  return TRUE;
}

static gpointer
record_from_row (sqlite3_stmt *stmt)
{
  return steward_provider_record_new ((const char *)sqlite3_column_text (stmt, 0),
                                      (const char *)sqlite3_column_text (stmt, 1),
                                      (const char *)sqlite3_column_text (stmt, 2),
                                      (const char *)sqlite3_column_text (stmt, 3),
                                      (const char *)sqlite3_column_text (stmt, 4));
}

#define PROVIDER_COLUMNS "name, kind, base_url, model, api_key_env"

/**
 * steward_store_find_provider:
 *
 * Returns: (transfer full): the row of the provider named @name, or %NULL
 *   with @error set (%STEWARD_STORE_ERROR_NOT_FOUND when there is none)
 */
StewardProviderRecord *
steward_store_find_provider (StewardStore  *self,
                             const char    *name,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  stmt = _steward_store_prepare (self, "SELECT " PROVIDER_COLUMNS " FROM providers WHERE name = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return record_from_row (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                 _("There is no provider named “%s”."), name);
  else
    _steward_store_set_sql_error (self, error);

  return NULL;
}

/**
 * steward_store_list_providers:
 *
 * Every row, whatever its kind: one this version does not know (a newer
 * Steward wrote it) is the registry's to skip.
 *
 * Returns: (transfer full): a #GListModel of #StewardProviderRecord, the
 *   most recently added first
 */
GListModel *
steward_store_list_providers (StewardStore  *self,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) list = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT " PROVIDER_COLUMNS " FROM providers"
                                 " ORDER BY created_at DESC, id DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  list = g_list_store_new (STEWARD_TYPE_PROVIDER_RECORD);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StewardProviderRecord) record = record_from_row (stmt);

      g_list_store_append (list, record);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * steward_store_update_provider:
 * @old_name: the name the provider is stored under
 *
 * Stores a new row for a provider, possibly under a new name; tiers
 * follow a rename (ON UPDATE CASCADE). The keyring entry is the caller's.
 */
gboolean
steward_store_update_provider (StewardStore           *self,
                               const char             *old_name,
                               StewardProviderRecord  *record,
                               GError                **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *name;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);
  g_return_val_if_fail (STEWARD_IS_PROVIDER_RECORD (record), FALSE);
  g_return_val_if_fail (steward_provider_record_get_kind (record) != NULL, FALSE);

  if (!check_record (record, error))
    return FALSE;

  name = steward_provider_record_get_name (record);

  stmt = _steward_store_prepare (self,
                                 "UPDATE providers SET name = ?, kind = ?, base_url = ?, model = ?,"
                                 "  api_key_env = ?, updated_at = " STEWARD_STORE_NOW_SQL
                                 " WHERE name = ?",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, steward_provider_record_get_kind (record), -1, SQLITE_TRANSIENT);
  _steward_store_bind_text_or_null (stmt, 3, steward_provider_record_get_base_url (record));
  _steward_store_bind_text_or_null (stmt, 4, steward_provider_record_get_model (record));
  _steward_store_bind_text_or_null (stmt, 5, steward_provider_record_get_api_key_env (record));
  sqlite3_bind_text (stmt, 6, old_name, -1, SQLITE_TRANSIENT);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (_steward_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                     _("There is already a provider named “%s”."), name);
      else
        _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _("There is no provider named “%s”."), old_name);
      return FALSE;
    }

  _steward_store_emit_providers_changed (self);

  return TRUE;
}

gboolean
steward_store_remove_provider (StewardStore  *self,
                               const char    *name,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  /* Tiers mapped to the provider go with it (ON DELETE CASCADE);
   * messages keep its name as text, so history is untouched. */
  if (!(stmt = _steward_store_prepare (self, "DELETE FROM providers WHERE name = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _("There is no provider named “%s”."), name);
      return FALSE;
    }

  _steward_store_emit_providers_changed (self);

  return TRUE;
}

static gboolean
check_tier (const char  *tier,
            GError     **error)
{
  if (tier != NULL && g_strv_contains (tiers, tier))
    return TRUE;

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
               _("“%s” is not a model size; use small, medium or large."),
               tier ? tier : "");
  return FALSE;
}

gboolean
steward_store_set_tier (StewardStore  *self,
                        const char    *tier,
                        const char    *provider,
                        const char    *model,
                        GError       **error)
{
  g_autoptr(StewardProviderRecord) found = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (!check_tier (tier, error))
    return FALSE;

  if (!(found = steward_store_find_provider (self, provider, error)))
    return FALSE;

  if (model[0] == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("The %s model size needs a model name."), tier);
      return FALSE;
    }

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO tiers (tier, provider, model, updated_at)"
                                 " VALUES (?1, ?2, ?3, " STEWARD_STORE_NOW_SQL ")"
                                 " ON CONFLICT (tier) DO UPDATE"
                                 " SET provider = ?2, model = ?3, updated_at = excluded.updated_at",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, tier, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, model, -1, SQLITE_TRANSIENT);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  _steward_store_emit_providers_changed (self);

  return TRUE;
}

gboolean
steward_store_clear_tier (StewardStore  *self,
                          const char    *tier,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!check_tier (tier, error))
    return FALSE;

  if (!(stmt = _steward_store_prepare (self, "DELETE FROM tiers WHERE tier = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, tier, -1, SQLITE_TRANSIENT);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  _steward_store_emit_providers_changed (self);

  return TRUE;
}

/**
 * steward_store_get_tier:
 * @provider: (out): the provider's name, or %NULL when the tier is unmapped
 * @model: (out): the model, or %NULL when the tier is unmapped
 */
gboolean
steward_store_get_tier (StewardStore  *self,
                        const char    *tier,
                        char         **provider,
                        char         **model,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL && model != NULL, FALSE);

  *provider = NULL;
  *model = NULL;

  if (!check_tier (tier, error))
    return FALSE;

  if (!(stmt = _steward_store_prepare (self, "SELECT provider, model FROM tiers WHERE tier = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, tier, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *provider = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      *model = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      return TRUE;
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}
