/* steward-store-templates.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-store-private.h"

/* The user's own templates: a name (unique, also the title the user
 * reads), a description and phases to copy into a new project. The
 * built-in templates are not here: they come with the program
 * (steward-templates.c). */

/* Adds the phases of template @id to @template */
static gboolean
read_phases (StewardStore     *self,
             gint64            id,
             StewardTemplate  *template,
             GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT title, instructions FROM template_phases"
                                       " WHERE template_id = ? ORDER BY position",
                                       error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    steward_template_add_phase (template,
                                (const char *)sqlite3_column_text (stmt, 0),
                                (const char *)sqlite3_column_text (stmt, 1));

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* The templates @stmt (bound) selects as id, name, description */
static GListModel *
read_templates (StewardStore  *self,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GListStore) templates = g_list_store_new (STEWARD_TYPE_TEMPLATE);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(StewardTemplate) template = NULL;

      template = steward_template_new ((const char *)sqlite3_column_text (stmt, 1),
                                       NULL,
                                       (const char *)sqlite3_column_text (stmt, 2),
                                       FALSE);

      if (!read_phases (self, sqlite3_column_int64 (stmt, 0), template, error))
        return NULL;

      g_list_store_append (templates, template);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&templates));
}

/**
 * steward_store_list_templates:
 *
 * Returns: (transfer full): a #GListModel of the user's
 *   #StewardTemplate, by name
 */
GListModel *
steward_store_list_templates (StewardStore  *self,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT id, name, description FROM templates"
                                       " ORDER BY name COLLATE NOCASE, name",
                                       error)))
    return NULL;

  return read_templates (self, stmt, error);
}

/**
 * steward_store_find_template:
 *
 * Returns: (transfer full): the user's template named @name, or %NULL
 *   with @error set (%STEWARD_STORE_ERROR_NOT_FOUND when there is none)
 */
StewardTemplate *
steward_store_find_template (StewardStore  *self,
                             const char    *name,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListModel) found = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT id, name, description FROM templates WHERE name = ?", error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if (!(found = read_templates (self, stmt, error)))
    return NULL;

  if (g_list_model_get_n_items (found) == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                   _("There is no template named “%s”."), name);
      return NULL;
    }

  return g_list_model_get_item (found, 0);
}

static gboolean
write_template (StewardStore     *self,
                StewardTemplate  *template,
                gboolean          replace,
                gint64           *id,
                GError          **error)
{
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint n_phases = steward_template_get_n_phases (template);

  if (!(find = _steward_store_prepare (self, "SELECT id FROM templates WHERE name = ?", error)))
    return FALSE;

  sqlite3_bind_text (find, 1, steward_template_get_name (template), -1, SQLITE_TRANSIENT);

  if (sqlite3_step (find) == SQLITE_ROW)
    {
      if (!replace)
        {
          g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                       _("There is already a template named “%s”."),
                       steward_template_get_name (template));
          return FALSE;
        }

      *id = sqlite3_column_int64 (find, 0);

      if (!(stmt = _steward_store_prepare (self,
                                           "UPDATE templates SET description = ?,"
                                           "  updated_at = " STEWARD_STORE_NOW_SQL " WHERE id = ?;",
                                           error)))
        return FALSE;

      sqlite3_bind_text (stmt, 1, steward_template_get_description (template), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, *id);

      if (!_steward_store_step_done (self, stmt, error))
        return FALSE;

      g_clear_pointer (&stmt, sqlite3_finalize);
      if (!(stmt = _steward_store_prepare (self, "DELETE FROM template_phases WHERE template_id = ?", error)))
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, *id);
      if (!_steward_store_step_done (self, stmt, error))
        return FALSE;
    }
  else
    {
      if (!(stmt = _steward_store_prepare (self,
                                           "INSERT INTO templates (name, description, created_at, updated_at)"
                                           " VALUES (?, ?, " STEWARD_STORE_NOW_SQL ", " STEWARD_STORE_NOW_SQL ")",
                                           error)))
        return FALSE;

      sqlite3_bind_text (stmt, 1, steward_template_get_name (template), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, steward_template_get_description (template), -1, SQLITE_TRANSIENT);

      if (!_steward_store_step_done (self, stmt, error))
        return FALSE;

      *id = sqlite3_last_insert_rowid (_steward_store_get_db (self));
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  if (!(stmt = _steward_store_prepare (self,
                                       "INSERT INTO template_phases (template_id, position, title, instructions)"
                                       " VALUES (?, ?, ?, ?)",
                                       error)))
    return FALSE;

  for (guint i = 0; i < n_phases; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, *id);
      sqlite3_bind_int (stmt, 2, i);
      sqlite3_bind_text (stmt, 3, steward_template_get_phase_title (template, i), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, steward_template_get_phase_instructions (template, i), -1, SQLITE_TRANSIENT);

      if (!_steward_store_step_done (self, stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * steward_store_save_template:
 * @replace: whether a template of the same name is replaced; if not,
 *   saving it fails (%STEWARD_STORE_ERROR_INVALID)
 *
 * Keeps @template (its name, description and phases) as a user's
 * template. Built-in names are steward_templates_add()'s to refuse.
 */
gboolean
steward_store_save_template (StewardStore     *self,
                             StewardTemplate  *template,
                             gboolean          replace,
                             GError          **error)
{
  gint64 id = 0;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), FALSE);

  if (!_steward_store_savepoint_begin (self, "template", error))
    return FALSE;

  if (!write_template (self, template, replace, &id, error) ||
      !_steward_store_savepoint_release (self, "template", error))
    {
      _steward_store_savepoint_roll_back (self, "template");
      return FALSE;
    }

  _steward_store_emit_row_changed (self, STEWARD_TABLE_TEMPLATES,
                                   replace ? STEWARD_ROW_CHANGED : STEWARD_ROW_INSERTED, id, 0);

  return TRUE;
}

gboolean
steward_store_delete_template (StewardStore  *self,
                               const char    *name,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  if (!(stmt = _steward_store_prepare (self, "DELETE FROM templates WHERE name = ? RETURNING id", error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc != SQLITE_DONE)
        _steward_store_set_sql_error (self, error);
      else
        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                     _("There is no template named “%s”."), name);
      return FALSE;
    }

  id = sqlite3_column_int64 (stmt, 0);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  _steward_store_emit_row_changed (self, STEWARD_TABLE_TEMPLATES, STEWARD_ROW_REMOVED, id, 0);

  return TRUE;
}
