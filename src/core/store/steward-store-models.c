/* steward-store-models.c
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

/* The context size of a model where it differs from the default. The
 * default is the setting below, and a model's own size takes the same
 * range, so the two can never disagree on what is valid. */
#define KEY_CONTEXT_TOKENS "chat.context-tokens"

void
steward_model_limit_free (StewardModelLimit *limit)
{
  if (limit == NULL)
    return;

  g_free (limit->provider);
  g_free (limit->model);
  g_clear_pointer (&limit->updated_at, g_date_time_unref);
  g_free (limit);
}

static gboolean
check_model (StewardStore  *self,
             const char    *provider,
             const char    *model,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (model[0] == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A context size needs a model name."));
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
 * steward_store_set_model_context_tokens:
 * @provider: the name of a stored provider
 * @model: the model's id, as the provider knows it
 * @context_tokens: how many tokens the model reads at most
 *
 * Gives @model of @provider a context size of its own, in the range of
 * the setting "chat.context-tokens".
 */
gboolean
steward_store_set_model_context_tokens (StewardStore  *self,
                                        const char    *provider,
                                        const char    *model,
                                        gint64         context_tokens,
                                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const StewardSettingKey *info;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  info = steward_setting_key_lookup (KEY_CONTEXT_TOKENS);
  g_assert (info != NULL);

  if (context_tokens < info->min || context_tokens > info->max)
    {
      g_autofree char *min = g_strdup_printf ("%" G_GINT64_FORMAT, info->min);
      g_autofree char *max = g_strdup_printf ("%" G_GINT64_FORMAT, info->max);
      g_autofree char *given = g_strdup_printf ("%" G_GINT64_FORMAT, context_tokens);

      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   /* Translators: the smallest and largest sizes, and the size given */
                   _("A context size is a whole number of tokens from %s to %s, not %s."),
                   min, max, given);
      return FALSE;
    }

  if (!check_model (self, provider, model, error))
    return FALSE;

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO model_limits (provider, model, context_tokens, updated_at)"
                                 " VALUES (?1, ?2, ?3, " STEWARD_STORE_NOW_SQL ")"
                                 " ON CONFLICT (provider, model) DO UPDATE"
                                 " SET context_tokens = ?3, updated_at = excluded.updated_at"
                                 " WHERE context_tokens IS NOT ?3",
                                 error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, context_tokens);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) > 0)
    _steward_store_emit_providers_changed (self);

  return TRUE;
}

/**
 * steward_store_reset_model_context_tokens:
 *
 * Forgets the context size of @model of @provider, so the default applies
 * to it again. Resetting a model without a size of its own does nothing;
 * an unknown provider is an error.
 */
gboolean
steward_store_reset_model_context_tokens (StewardStore  *self,
                                          const char    *provider,
                                          const char    *model,
                                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (provider != NULL, FALSE);
  g_return_val_if_fail (model != NULL, FALSE);

  if (!check_model (self, provider, model, error))
    return FALSE;

  stmt = _steward_store_prepare (self,
                                 "DELETE FROM model_limits WHERE provider = ? AND model = ?",
                                 error);
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
 * steward_store_get_model_context_tokens:
 *
 * Returns: the context size @model of @provider has of its own; 0 when it
 *   has none (the default applies), -1 with @error set when the store
 *   cannot be read
 */
gint64
steward_store_get_model_context_tokens (StewardStore  *self,
                                        const char    *provider,
                                        const char    *model,
                                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), -1);
  g_return_val_if_fail (provider != NULL, -1);
  g_return_val_if_fail (model != NULL, -1);

  stmt = _steward_store_prepare (self,
                                 "SELECT context_tokens FROM model_limits"
                                 " WHERE provider = ? AND model = ?",
                                 error);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, provider, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, model, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return -1;
    }

  return 0;
}

/**
 * steward_store_get_context_tokens:
 * @provider: (nullable): the name of a provider
 * @model: (nullable): a model of @provider
 * @is_default: (out) (optional): set to %TRUE when the default applies
 *
 * The context size that applies to @model of @provider: its own, else the
 * default (the setting "chat.context-tokens"). Without a provider and a
 * model, the default.
 *
 * Returns: the size in tokens, or -1 with @error set
 */
gint64
steward_store_get_context_tokens (StewardStore  *self,
                                  const char    *provider,
                                  const char    *model,
                                  gboolean      *is_default,
                                  GError       **error)
{
  g_autofree char *value = NULL;
  gint64 tokens = 0;

  g_return_val_if_fail (STEWARD_IS_STORE (self), -1);

  if (is_default != NULL)
    *is_default = FALSE;

  if (provider != NULL && model != NULL)
    {
      tokens = steward_store_get_model_context_tokens (self, provider, model, error);
      if (tokens != 0)
        return tokens;
    }

  if (!(value = steward_store_dup_setting (self, KEY_CONTEXT_TOKENS, error)))
    return -1;

  if (is_default != NULL)
    *is_default = TRUE;

  /* The setting was checked when it was stored. */
  return g_ascii_strtoll (value, NULL, 10);
}

/**
 * steward_store_list_model_limits:
 *
 * Returns: (transfer container) (element-type StewardModelLimit): every
 *   model with a context size of its own, the most recently set first;
 *   the array frees its elements
 */
GPtrArray *
steward_store_list_model_limits (StewardStore  *self,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) limits = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  stmt = _steward_store_prepare (self,
                                 "SELECT provider, model, context_tokens, updated_at"
                                 "  FROM model_limits"
                                 " ORDER BY updated_at DESC, rowid DESC",
                                 error);
  if (stmt == NULL)
    return NULL;

  limits = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_model_limit_free);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      StewardModelLimit *limit = g_new0 (StewardModelLimit, 1);

      limit->provider = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      limit->model = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      limit->context_tokens = sqlite3_column_int64 (stmt, 2);
      limit->updated_at = _steward_store_column_time (stmt, 3);
      g_ptr_array_add (limits, limit);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return g_steal_pointer (&limits);
}
