/* steward-store-documents.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-phase-private.h"
#include "steward-phase-version-private.h"
#include "steward-project-private.h"
#include "steward-store-private.h"

/* Document projects: a project is a name, the template it was made
 * from, a brief and its phases (steward-store-phases.c). Making one
 * writes its phases in the same transaction, so no project is ever seen
 * without them. */

#define PROJECT_COLUMNS "id, name, template, brief, created_at, updated_at"

gpointer
_steward_store_project_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 4);
  g_autoptr(GDateTime) updated_at = _steward_store_column_time (stmt, 5);

  return _steward_project_new (sqlite3_column_int64 (stmt, 0),
                               (const char *)sqlite3_column_text (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2),
                               (const char *)sqlite3_column_text (stmt, 3),
                               created_at,
                               updated_at);
}

static void
set_project_not_found (GError **error,
                       gint64   id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  /* Translators: %s is a number */
  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
               _("There is no document project %s."), number);
}

static gboolean
check_name (const char  *name,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  if (*stripped == '\0')
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("A document project needs a name."));
      return FALSE;
    }

  return TRUE;
}

/**
 * steward_store_list_projects:
 *
 * Returns: (transfer full): a #GListModel of #StewardProject, the most
 *   recently updated first
 */
GListModel *
steward_store_list_projects (StewardStore  *self,
                             GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return _steward_store_list (self, STEWARD_TYPE_PROJECT,
                              "SELECT " PROJECT_COLUMNS
                              "  FROM projects"
                              " ORDER BY updated_at DESC, id DESC",
                              _steward_store_project_from_row,
                              error);
}

/**
 * steward_store_find_project:
 *
 * Returns: (transfer full): the project, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when there is none with @id)
 */
StewardProject *
steward_store_find_project (StewardStore  *self,
                            gint64         id,
                            GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GError *local_error = NULL;
  StewardProject *project;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT " PROJECT_COLUMNS " FROM projects WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  if ((project = _steward_store_read_one (self, stmt, _steward_store_project_from_row, &local_error)) != NULL)
    return project;

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else
    set_project_not_found (error, id);

  return NULL;
}

/**
 * steward_store_find_project_by_name:
 *
 * Returns: (transfer full): the one project named @name, or %NULL with
 *   @error set: %STEWARD_STORE_ERROR_NOT_FOUND when there is none,
 *   %STEWARD_STORE_ERROR_INVALID when several have that name
 */
StewardProject *
steward_store_find_project_by_name (StewardStore  *self,
                                    const char    *name,
                                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(StewardProject) project = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT " PROJECT_COLUMNS " FROM projects WHERE name = ?"
                                       " ORDER BY id LIMIT 2",
                                       error)))
    return NULL;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);

  if (!(project = _steward_store_read_one (self, stmt, _steward_store_project_from_row, &local_error)))
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                     _("There is no document project named “%s”."), name);
      return NULL;
    }

  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID,
                   _("Several document projects are named “%s”: name one by its id."), name);
      return NULL;
    }

  return g_steal_pointer (&project);
}

static gint64
insert_project_row (StewardStore  *self,
                    const char    *name,
                    const char    *template,
                    const char    *brief,
                    GDateTime     *created_at,
                    GDateTime     *updated_at,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self,
                                       "INSERT INTO projects (name, template, brief, created_at, updated_at)"
                                       " VALUES (?, ?, ?,"
                                       "         coalesce (?, " STEWARD_STORE_NOW_SQL "),"
                                       "         coalesce (?, " STEWARD_STORE_NOW_SQL "))",
                                       error)))
    return 0;

  sqlite3_bind_text (stmt, 1, name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, template, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, brief ? brief : "", -1, SQLITE_TRANSIENT);
  _steward_store_bind_time (stmt, 4, created_at);
  _steward_store_bind_time (stmt, 5, updated_at);

  if (!_steward_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_steward_store_get_db (self));
}

/**
 * steward_store_create_project:
 * @template: the phases to make, in order (its name is recorded)
 * @brief: (nullable): what the document is for
 *
 * Returns: the new project's id, or 0 with @error set
 */
gint64
steward_store_create_project (StewardStore     *self,
                              const char       *name,
                              StewardTemplate  *template,
                              const char       *brief,
                              GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *stripped = NULL;
  guint n_phases;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);
  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), 0);

  if (!check_name (name, error))
    return 0;

  stripped = g_strstrip (g_strdup (name));
  n_phases = steward_template_get_n_phases (template);

  if (!_steward_store_savepoint_begin (self, "project", error))
    return 0;

  if (!(id = insert_project_row (self, stripped, steward_template_get_name (template), brief, NULL, NULL, error)) ||
      !(stmt = _steward_store_prepare (self,
                                       "INSERT INTO phases (project_id, position, title, instructions,"
                                       "                    created_at, updated_at)"
                                       " SELECT id, ?, ?, ?, created_at, created_at FROM projects WHERE id = ?",
                                       error)))
    goto failed;

  for (guint i = 0; i < n_phases; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int (stmt, 1, i);
      sqlite3_bind_text (stmt, 2, steward_template_get_phase_title (template, i), -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 3, steward_template_get_phase_instructions (template, i), -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 4, id);

      if (!_steward_store_step_done (self, stmt, error))
        goto failed;
    }

  if (!_steward_store_savepoint_release (self, "project", error))
    goto failed;

  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_INSERTED, id, 0);

  return id;

failed:
  _steward_store_savepoint_roll_back (self, "project");
  return 0;
}

static gboolean
insert_phase_copy (StewardStore  *self,
                   gint64         project_id,
                   guint          position,
                   StewardPhase  *phase,
                   GPtrArray     *versions,
                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) version_stmt = NULL;
  gint64 phase_id;

  if (!(stmt = _steward_store_prepare (self,
                                       "INSERT INTO phases (project_id, position, title, instructions, content,"
                                       "                    status, created_at, updated_at, autosaved_at)"
                                       " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                       error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_text (stmt, 3, steward_phase_get_title (phase), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, steward_phase_get_instructions (phase), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, steward_phase_get_content (phase), -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (stmt, 6, STEWARD_TYPE_PHASE_STATUS, steward_phase_get_status (phase));
  _steward_store_bind_time (stmt, 7, steward_phase_get_created_at (phase));
  _steward_store_bind_time (stmt, 8, steward_phase_get_updated_at (phase));
  _steward_store_bind_time (stmt, 9, steward_phase_get_autosaved_at (phase));

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  phase_id = sqlite3_last_insert_rowid (_steward_store_get_db (self));

  if (!_steward_store_index_phase (self, phase_id, steward_phase_get_content (phase), error))
    return FALSE;

  if (versions == NULL || versions->len == 0)
    return TRUE;

  if (!(version_stmt = _steward_store_prepare (self,
                                               "INSERT INTO phase_versions (phase_id, number, content, reason, created_at)"
                                               " VALUES (?, ?, ?, ?, ?)",
                                               error)))
    return FALSE;

  for (guint i = 0; i < versions->len; i++)
    {
      StewardPhaseVersion *version = g_ptr_array_index (versions, i);

      sqlite3_reset (version_stmt);
      sqlite3_bind_int64 (version_stmt, 1, phase_id);
      sqlite3_bind_int (version_stmt, 2, steward_phase_version_get_number (version));
      sqlite3_bind_text (version_stmt, 3, steward_phase_version_get_content (version), -1, SQLITE_TRANSIENT);
      _steward_store_bind_enum (version_stmt, 4, STEWARD_TYPE_VERSION_REASON,
                                steward_phase_version_get_reason (version));
      _steward_store_bind_time (version_stmt, 5, steward_phase_version_get_created_at (version));

      if (!_steward_store_step_done (self, version_stmt, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * steward_store_insert_project:
 * @project: its name, template, brief and times are copied
 * @phases: (element-type StewardPhase): in order; their positions and
 *   ids are not read
 * @versions: (nullable) (element-type GPtrArray): for each phase, its
 *   #StewardPhaseVersion in any order, or %NULL
 *
 * Makes a project whole, as it was elsewhere (a duplicate, an import).
 *
 * Returns: the new project's id, or 0 with @error set
 */
gint64
steward_store_insert_project (StewardStore    *self,
                              StewardProject  *project,
                              GPtrArray       *phases,
                              GPtrArray       *versions,
                              GError         **error)
{
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);
  g_return_val_if_fail (STEWARD_IS_PROJECT (project), 0);
  g_return_val_if_fail (phases != NULL, 0);
  g_return_val_if_fail (versions == NULL || versions->len == phases->len, 0);

  if (!check_name (steward_project_get_name (project), error))
    return 0;

  if (!_steward_store_savepoint_begin (self, "project", error))
    return 0;

  if (!(id = insert_project_row (self,
                                 steward_project_get_name (project),
                                 steward_project_get_template (project),
                                 steward_project_get_brief (project),
                                 steward_project_get_created_at (project),
                                 steward_project_get_updated_at (project),
                                 error)))
    goto failed;

  for (guint i = 0; i < phases->len; i++)
    {
      if (!insert_phase_copy (self, id, i, g_ptr_array_index (phases, i),
                              versions ? g_ptr_array_index (versions, i) : NULL,
                              error))
        goto failed;
    }

  if (!_steward_store_savepoint_release (self, "project", error))
    goto failed;

  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_INSERTED, id, 0);

  return id;

failed:
  _steward_store_savepoint_roll_back (self, "project");
  return 0;
}

/* Runs @sql, which changes the project @id (bound last), and tells of
 * the change. */
static gboolean
change_project (StewardStore  *self,
                gint64         id,
                const char    *sql,
                const char    *text,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self, sql, error)))
    return FALSE;

  sqlite3_bind_text (stmt, 1, text, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    {
      set_project_not_found (error, id);
      return FALSE;
    }

  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_CHANGED, id, 0);

  return TRUE;
}

gboolean
steward_store_rename_project (StewardStore  *self,
                              gint64         id,
                              const char    *name,
                              GError       **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!check_name (name, error))
    return FALSE;

  stripped = g_strstrip (g_strdup (name));

  return change_project (self, id,
                         "UPDATE projects SET name = ?, updated_at = " STEWARD_STORE_NOW_SQL " WHERE id = ?",
                         stripped, error);
}

gboolean
steward_store_set_project_brief (StewardStore  *self,
                                 gint64         id,
                                 const char    *brief,
                                 GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  return change_project (self, id,
                         "UPDATE projects SET brief = ?, updated_at = " STEWARD_STORE_NOW_SQL " WHERE id = ?",
                         brief ? brief : "", error);
}

/**
 * steward_store_delete_project:
 *
 * Deletes the project with its phases, their versions and passages.
 */
gboolean
steward_store_delete_project (StewardStore  *self,
                              gint64         id,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(stmt = _steward_store_prepare (self, "DELETE FROM projects WHERE id = ?", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);

  if (!_steward_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (_steward_store_get_db (self)) == 0)
    {
      set_project_not_found (error, id);
      return FALSE;
    }

  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_REMOVED, id, 0);

  return TRUE;
}
