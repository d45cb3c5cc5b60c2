/* steward-store-model-vision.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-model-vision.h"
#include "steward-store-private.h"

/* Whether a model can see images: what the user said for it, else what
 * its name suggests (steward_model_guess_vision()). A chat turn with an
 * image asks before sending, so a model without sight gets a clear
 * sentence instead of an error from its API. */

static gboolean
check_provider (StewardStore  *self,
                const char    *provider,
                const char    *model,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (model[0] == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("Whether a model can see images needs a model name."));
      return FALSE;
    }

  if (!(stmt = _steward_store_prepare (self, "SELECT 1 FROM providers WHERE name = ?", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return TRUE;

  if (rc == SQLITE_DONE)
    g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                 _("There is no provider named “%s”."), provider);
  else
    _steward_store_set_sql_error (self, error);

  return FALSE;
}

/**
 * steward_store_set_model_vision:
 * @vision: whether @model of @provider can see images
 *
 * Says whether a model can see images, whatever its name suggests.
 * Emits "providers-changed" when it changed.
 */
gboolean
steward_store_set_model_vision (StewardStore  *self,
                                const char    *provider,
                                const char    *model,
                                gboolean       vision,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (!check_provider (self, provider, model, error))
    return FALSE;

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO model_vision (provider, model, vision, updated_at)"
                                 " VALUES (?1, ?2, ?3, " STEWARD_STORE_NOW_SQL ")"
                                 " ON CONFLICT (provider, model) DO UPDATE"
                                 " SET vision = ?3, updated_at = excluded.updated_at"
                                 " WHERE vision IS NOT ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, vision ? 1 : 0);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) > 0)
    _steward_store_emit_providers_changed (self);

  return TRUE;
}

/**
 * steward_store_reset_model_vision:
 *
 * Forgets what was said of @model of @provider: its name is the guide
 * again.
 */
gboolean
steward_store_reset_model_vision (StewardStore  *self,
                                  const char    *provider,
                                  const char    *model,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (!check_provider (self, provider, model, error))
    return FALSE;

  stmt = _steward_store_prepare (self, "DELETE FROM model_vision WHERE provider = ? AND model = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) > 0)
    _steward_store_emit_providers_changed (self);

  return TRUE;
}

/**
 * steward_store_get_model_vision:
 * @is_set: (out) (optional): whether the user said so, rather than the
 *   name
 *
 * Returns: 1 when @model of @provider can see images, 0 when it cannot,
 *   -1 with @error set when the store cannot be read
 */
int
steward_store_get_model_vision (StewardStore  *self,
                                const char    *provider,
                                const char    *model,
                                gboolean      *is_set,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), -1);
  g_return_val_if_fail (provider != NULL, -1);
  g_return_val_if_fail (model != NULL, -1);

  if (is_set != NULL)
    *is_set = FALSE;

  stmt = _steward_store_prepare (self, "SELECT vision FROM model_vision WHERE provider = ? AND model = ?", error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (is_set != NULL)
        *is_set = TRUE;
      return sqlite3_column_int (stmt, 0) != 0 ? 1 : 0;
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return -1;
    }

  return steward_model_guess_vision (model) ? 1 : 0;
}
