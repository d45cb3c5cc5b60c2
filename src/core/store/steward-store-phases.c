/* steward-store-phases.c
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
#include "steward-store-private.h"

/* The phases of document projects and their versions, and the rules
 * between them, kept here so that the app, the CLI and an import all
 * follow them:
 *
 * - Every change of content but an autosave keeps a new version; an
 *   autosave keeps one only when the phase's last autosave version is
 *   more than AUTOSAVE_INTERVAL older, so typing is kept safe without
 *   flooding the history.
 * - A phase that is not completed is in progress when it has content,
 *   not started when it has none. Editing a completed phase keeps it
 *   completed; a new draft from the model makes it in progress again,
 *   to be read and completed by the user.
 * - When a completed phase's content changes, every LATER completed
 *   phase becomes stale: it was written from other text. Earlier
 *   phases, and later ones not completed, stay as they are.
 *
 * Each change is one transaction, and then told of: the phase (and any
 * made stale) in "row-changed::phases", a kept version in
 * "row-changed::phase-versions", the project (its updated_at) in
 * "row-changed::projects". */

#define AUTOSAVE_INTERVAL (5 * G_TIME_SPAN_MINUTE)

#define PHASE_COLUMNS "id, project_id, position, title, instructions, content, status," \
                      " created_at, updated_at, autosaved_at"

#define VERSION_COLUMNS "id, phase_id, number, reason, content, created_at"

static gpointer
phase_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 7);
  g_autoptr(GDateTime) updated_at = _steward_store_column_time (stmt, 8);
  g_autoptr(GDateTime) autosaved_at = _steward_store_column_time (stmt, 9);
  StewardPhaseTimes times = { created_at, updated_at, autosaved_at };

  return _steward_phase_new (sqlite3_column_int64 (stmt, 0),
                             sqlite3_column_int64 (stmt, 1),
                             sqlite3_column_int (stmt, 2),
                             (const char *)sqlite3_column_text (stmt, 3),
                             (const char *)sqlite3_column_text (stmt, 4),
                             (const char *)sqlite3_column_text (stmt, 5),
                             _steward_store_column_enum (stmt, 6, STEWARD_TYPE_PHASE_STATUS,
                                                         STEWARD_PHASE_STATUS_NOT_STARTED),
                             &times);
}

static gpointer
version_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 5);

  return _steward_phase_version_new (sqlite3_column_int64 (stmt, 0),
                                     sqlite3_column_int64 (stmt, 1),
                                     sqlite3_column_int (stmt, 2),
                                     _steward_store_column_enum (stmt, 3, STEWARD_TYPE_VERSION_REASON,
                                                                 STEWARD_VERSION_REASON_SAVED),
                                     (const char *)sqlite3_column_text (stmt, 4),
                                     created_at);
}

/* Every row @stmt (bound) selects, as a #GListModel of @item_type */
static GListModel *
collect (StewardStore        *self,
         sqlite3_stmt        *stmt,
         GType                item_type,
         StewardStoreRowFunc  from_row,
         GError             **error)
{
  g_autoptr(GListStore) items = g_list_store_new (item_type);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(GObject) item = from_row (stmt);

      g_list_store_append (items, item);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&items));
}

/* Reads the one row @stmt (bound) selects; NOT_FOUND with @what when
 * there is none. */
static gpointer
read_found (StewardStore        *self,
            sqlite3_stmt        *stmt,
            StewardStoreRowFunc  from_row,
            const char          *what,
            GError             **error)
{
  GError *local_error = NULL;
  gpointer item;

  if ((item = _steward_store_read_one (self, stmt, from_row, &local_error)) != NULL)
    return item;

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else
    g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND, what);

  return NULL;
}

/**
 * steward_store_list_phases:
 *
 * Returns: (transfer full): a #GListModel of the project's
 *   #StewardPhase by position (empty for a project that does not exist),
 *   or %NULL with @error set
 */
GListModel *
steward_store_list_phases (StewardStore  *self,
                           gint64         project_id,
                           GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT " PHASE_COLUMNS " FROM phases"
                                       " WHERE project_id = ? ORDER BY position",
                                       error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, project_id);

  return collect (self, stmt, STEWARD_TYPE_PHASE, phase_from_row, error);
}

/**
 * steward_store_list_earlier_phases:
 * @position: the phase being drafted (0-based)
 *
 * Returns: (transfer full): a #GListModel of the #StewardPhase before
 *   @position, by position, with their content
 */
GListModel *
steward_store_list_earlier_phases (StewardStore  *self,
                                   gint64         project_id,
                                   guint          position,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT " PHASE_COLUMNS " FROM phases"
                                       " WHERE project_id = ? AND position < ? ORDER BY position",
                                       error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, position);

  return collect (self, stmt, STEWARD_TYPE_PHASE, phase_from_row, error);
}

/**
 * steward_store_find_phase:
 *
 * Returns: (transfer full): the phase, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when there is none with @id)
 */
StewardPhase *
steward_store_find_phase (StewardStore  *self,
                          gint64         id,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT " PHASE_COLUMNS " FROM phases WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);

  return read_found (self, stmt, phase_from_row, _("There is no such phase."), error);
}

/**
 * steward_store_find_phase_at:
 * @position: 0-based
 *
 * Returns: (transfer full): the phase, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when the project has no phase there)
 */
StewardPhase *
steward_store_find_phase_at (StewardStore  *self,
                             gint64         project_id,
                             guint          position,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT " PHASE_COLUMNS " FROM phases"
                                       " WHERE project_id = ? AND position = ?",
                                       error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, project_id);
  sqlite3_bind_int64 (stmt, 2, position);

  /* Translators: %u is a phase's number, counted from 1 */
  what = g_strdup_printf (_("The project has no phase %u."), position + 1);

  return read_found (self, stmt, phase_from_row, what, error);
}

/**
 * steward_store_list_phase_versions:
 *
 * Returns: (transfer full): a #GListModel of the phase's
 *   #StewardPhaseVersion, the latest (highest number) first
 */
GListModel *
steward_store_list_phase_versions (StewardStore  *self,
                                   gint64         phase_id,
                                   GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT " VERSION_COLUMNS " FROM phase_versions"
                                       " WHERE phase_id = ? ORDER BY number DESC",
                                       error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, phase_id);

  return collect (self, stmt, STEWARD_TYPE_PHASE_VERSION, version_from_row, error);
}

/**
 * steward_store_find_phase_version:
 * @number: 1-based, in the phase
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when the phase has no such version)
 */
StewardPhaseVersion *
steward_store_find_phase_version (StewardStore  *self,
                                  gint64         phase_id,
                                  guint          number,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *what = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT " VERSION_COLUMNS " FROM phase_versions"
                                       " WHERE phase_id = ? AND number = ?",
                                       error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, phase_id);
  sqlite3_bind_int64 (stmt, 2, number);

  /* Translators: %u is a version's number */
  what = g_strdup_printf (_("The phase has no version %u."), number);

  return read_found (self, stmt, version_from_row, what, error);
}

/**
 * steward_store_find_phase_version_by_id:
 *
 * Returns: (transfer full): the version, or %NULL with @error set
 *   (%STEWARD_STORE_ERROR_NOT_FOUND when there is none with @version_id)
 */
StewardPhaseVersion *
steward_store_find_phase_version_by_id (StewardStore  *self,
                                        gint64         version_id,
                                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(stmt = _steward_store_prepare (self, "SELECT " VERSION_COLUMNS " FROM phase_versions WHERE id = ?", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, version_id);

  return read_found (self, stmt, version_from_row, _("The version of the phase is gone."), error);
}

gboolean
_steward_store_touch_project (StewardStore  *self,
                              gint64         project_id,
                              GDateTime     *now,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self, "UPDATE projects SET updated_at = ? WHERE id = ?", error)))
    return FALSE;

  _steward_store_bind_time (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, project_id);

  return _steward_store_step_done (self, stmt, error);
}

/* Whether the phase's last autosave version is more than
 * AUTOSAVE_INTERVAL older than @now (or there is none). */
static gboolean
autosave_is_due (StewardStore  *self,
                 gint64         phase_id,
                 GDateTime     *now,
                 gboolean      *due,
                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GDateTime) last = NULL;

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT max (created_at) FROM phase_versions"
                                       " WHERE phase_id = ? AND reason = 'autosave'",
                                       error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, phase_id);

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  last = _steward_store_column_time (stmt, 0);
  *due = last == NULL || g_date_time_difference (now, last) > AUTOSAVE_INTERVAL;

  return TRUE;
}

static gint64
insert_version (StewardStore          *self,
                gint64                 phase_id,
                const char            *content,
                StewardVersionReason   reason,
                GDateTime             *now,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self,
                                       "INSERT INTO phase_versions (phase_id, number, content, reason, created_at)"
                                       " SELECT ?1, coalesce (max (number), 0) + 1, ?2, ?3, ?4"
                                       "   FROM phase_versions WHERE phase_id = ?1",
                                       error)))
    return 0;

  sqlite3_bind_int64 (stmt, 1, phase_id);
  sqlite3_bind_text (stmt, 2, content, -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (stmt, 3, STEWARD_TYPE_VERSION_REASON, reason);
  _steward_store_bind_time (stmt, 4, now);

  if (!_steward_store_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (_steward_store_get_db (self));
}

/* Marks stale the completed phases after @position; their ids in @stale */
static gboolean
mark_later_stale (StewardStore  *self,
                  gint64         project_id,
                  guint          position,
                  GDateTime     *now,
                  GArray        *stale,
                  GError       **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;

  if (!(select = _steward_store_prepare (self,
                                         "SELECT id FROM phases"
                                         " WHERE project_id = ? AND position > ? AND status = 'completed'",
                                         error)) ||
      !(update = _steward_store_prepare (self,
                                         "UPDATE phases SET status = 'stale', updated_at = ?"
                                         " WHERE project_id = ? AND position > ? AND status = 'completed'",
                                         error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, project_id);
  sqlite3_bind_int64 (select, 2, position);

  if (!_steward_store_collect_ids (self, select, stale, error))
    return FALSE;

  _steward_store_bind_time (update, 1, now);
  sqlite3_bind_int64 (update, 2, project_id);
  sqlite3_bind_int64 (update, 3, position);

  return _steward_store_step_done (self, update, error);
}

static StewardPhaseStatus
next_status (StewardPhaseStatus    status,
             StewardVersionReason  reason,
             const char           *content)
{
  if (reason == STEWARD_VERSION_REASON_COMPLETED)
    return STEWARD_PHASE_STATUS_COMPLETED;

  if (status == STEWARD_PHASE_STATUS_COMPLETED && reason != STEWARD_VERSION_REASON_GENERATED)
    return STEWARD_PHASE_STATUS_COMPLETED;

  return content[0] != '\0' ? STEWARD_PHASE_STATUS_IN_PROGRESS : STEWARD_PHASE_STATUS_NOT_STARTED;
}

static gboolean
set_content (StewardStore          *self,
             gint64                 phase_id,
             const char            *content,
             StewardVersionReason   reason,
             GDateTime             *now,
             gint64                *version_id,
             GArray                *stale,
             gint64                *project_id,
             GError               **error)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  StewardPhaseStatus status;
  gboolean changed;
  gboolean keep = TRUE;

  if (!(phase = steward_store_find_phase (self, phase_id, error)))
    return FALSE;

  *project_id = steward_phase_get_project_id (phase);
  changed = g_strcmp0 (steward_phase_get_content (phase), content) != 0;
  status = next_status (steward_phase_get_status (phase), reason, content);

  /* An autosave of what is there already changes nothing */
  if (reason == STEWARD_VERSION_REASON_AUTOSAVE && !changed)
    return TRUE;

  if (reason == STEWARD_VERSION_REASON_AUTOSAVE &&
      !autosave_is_due (self, phase_id, now, &keep, error))
    return FALSE;

  if (changed && steward_phase_get_status (phase) == STEWARD_PHASE_STATUS_COMPLETED &&
      !mark_later_stale (self, *project_id, steward_phase_get_position (phase), now, stale, error))
    return FALSE;

  if (!(update = _steward_store_prepare (self,
                                         "UPDATE phases SET content = ?, status = ?, updated_at = ?,"
                                         "  autosaved_at = CASE WHEN ? THEN ? ELSE autosaved_at END"
                                         " WHERE id = ?",
                                         error)))
    return FALSE;

  sqlite3_bind_text (update, 1, content, -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (update, 2, STEWARD_TYPE_PHASE_STATUS, status);
  _steward_store_bind_time (update, 3, now);
  sqlite3_bind_int (update, 4, reason == STEWARD_VERSION_REASON_AUTOSAVE);
  _steward_store_bind_time (update, 5, now);
  sqlite3_bind_int64 (update, 6, phase_id);

  if (!_steward_store_step_done (self, update, error))
    return FALSE;

  if (changed && !_steward_store_index_phase (self, phase_id, content, error))
    return FALSE;

  if (keep && !(*version_id = insert_version (self, phase_id, content, reason, now, error)))
    return FALSE;

  return _steward_store_touch_project (self, *project_id, now, error);
}

static void
emit_phase_changes (StewardStore *self,
                    gint64        project_id,
                    gint64        phase_id,
                    gint64        version_id,
                    GArray       *stale)
{
  _steward_store_emit_row_changed (self, STEWARD_TABLE_PHASES, STEWARD_ROW_CHANGED, phase_id, project_id);
  for (guint i = 0; i < stale->len; i++)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_PHASES, STEWARD_ROW_CHANGED,
                                     g_array_index (stale, gint64, i), project_id);
  if (version_id != 0)
    _steward_store_emit_row_changed (self, STEWARD_TABLE_PHASE_VERSIONS, STEWARD_ROW_INSERTED,
                                     version_id, phase_id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_CHANGED, project_id, 0);
}

/**
 * steward_store_set_phase_content:
 * @content: Markdown
 * @now: (nullable): the time of the change; the present when %NULL
 * @version_id: (out) (optional): the version kept, or 0 when none was
 *
 * Sets the content of a phase for @reason, following the rules at the
 * top of this file.
 *
 * Returns: whether the change was written
 */
gboolean
steward_store_set_phase_content (StewardStore          *self,
                                 gint64                 phase_id,
                                 const char            *content,
                                 StewardVersionReason   reason,
                                 GDateTime             *now,
                                 gint64                *version_id,
                                 GError               **error)
{
  g_autoptr(GArray) stale = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) when = now ? g_date_time_ref (now) : g_date_time_new_now_utc ();
  gint64 kept = 0;
  gint64 project_id = 0;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (version_id != NULL)
    *version_id = 0;

  if (!_steward_store_savepoint_begin (self, "phase", error))
    return FALSE;

  if (!set_content (self, phase_id, content, reason, when, &kept, stale, &project_id, error) ||
      !_steward_store_savepoint_release (self, "phase", error))
    {
      _steward_store_savepoint_roll_back (self, "phase");
      return FALSE;
    }

  emit_phase_changes (self, project_id, phase_id, kept, stale);

  if (version_id != NULL)
    *version_id = kept;

  return TRUE;
}

/**
 * steward_store_complete_phase:
 * @content: (nullable): the content to complete it with; as it is when
 *   %NULL
 * @now: (nullable): the time; the present when %NULL
 *
 * Marks the phase completed, keeping a version (reason completed).
 */
gboolean
steward_store_complete_phase (StewardStore  *self,
                              gint64         phase_id,
                              const char    *content,
                              GDateTime     *now,
                              GError       **error)
{
  g_autoptr(StewardPhase) phase = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (content == NULL)
    {
      if (!(phase = steward_store_find_phase (self, phase_id, error)))
        return FALSE;
      content = steward_phase_get_content (phase);
    }

  return steward_store_set_phase_content (self, phase_id, content, STEWARD_VERSION_REASON_COMPLETED,
                                          now, NULL, error);
}

/**
 * steward_store_keep_phase_text:
 *
 * Keeps phase @phase_id's text as a version of its own (reason saved)
 * when it has text its latest version does not hold (typed since,
 * autosaved): what a draft, an import or a restore does before it
 * replaces the text. Asked of the database in one query, without
 * reading the versions.
 *
 * Returns: whether the text is held by a version now (or the phase is
 *   empty); %FALSE with @error set
 */
gboolean
steward_store_keep_phase_text (StewardStore  *self,
                               gint64         phase_id,
                               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(StewardPhase) phase = NULL;
  int rc;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(stmt = _steward_store_prepare (self,
                                       "SELECT p.content != '' AND NOT EXISTS ("
                                       "         SELECT 1 FROM phase_versions v"
                                       "          WHERE v.phase_id = p.id AND v.content = p.content"
                                       "            AND v.number = (SELECT max (number) FROM phase_versions"
                                       "                             WHERE phase_id = p.id))"
                                       "  FROM phases p WHERE p.id = ?",
                                       error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, phase_id);

  if ((rc = sqlite3_step (stmt)) != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        /* Not found: said as find does */
        return (phase = steward_store_find_phase (self, phase_id, error)) != NULL;
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  if (sqlite3_column_int (stmt, 0) == 0)
    return TRUE;

  if (!(phase = steward_store_find_phase (self, phase_id, error)))
    return FALSE;
  g_clear_pointer (&stmt, sqlite3_finalize);

  return steward_store_set_phase_content (self, phase_id, steward_phase_get_content (phase),
                                          STEWARD_VERSION_REASON_SAVED, NULL, NULL, error);
}

/**
 * steward_store_reopen_phase:
 *
 * A completed (or stale) phase back to work: in progress, or not started
 * when it has no text. Its text and versions stay as they are, and the
 * later phases too (they go stale when its text changes).
 *
 * Returns: whether it was reopened (or was not completed); %FALSE with
 *   @error set
 */
gboolean
steward_store_reopen_phase (StewardStore  *self,
                            gint64         phase_id,
                            GError       **error)
{
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  StewardPhaseStatus status;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(phase = steward_store_find_phase (self, phase_id, error)))
    return FALSE;

  status = steward_phase_get_status (phase);
  if (status != STEWARD_PHASE_STATUS_COMPLETED && status != STEWARD_PHASE_STATUS_STALE)
    return TRUE;

  if (!(update = _steward_store_prepare (self,
                                         "UPDATE phases SET status = CASE WHEN content = '' THEN 'not-started'"
                                         "                                ELSE 'in-progress' END,"
                                         "                  updated_at = " STEWARD_STORE_NOW_SQL
                                         " WHERE id = ?",
                                         error)))
    return FALSE;

  sqlite3_bind_int64 (update, 1, phase_id);
  if (!_steward_store_step_done (self, update, error))
    return FALSE;

  _steward_store_emit_row_changed (self, STEWARD_TABLE_PHASES, STEWARD_ROW_CHANGED, phase_id,
                                   steward_phase_get_project_id (phase));
  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_CHANGED,
                                   steward_phase_get_project_id (phase), 0);

  return TRUE;
}

/**
 * steward_store_restore_phase_version:
 * @number: the version to bring back
 * @version_id: (out) (optional): the new version
 *
 * Sets the phase's content to that of version @number, which keeps a
 * new version (reason restored): nothing is lost by restoring.
 */
gboolean
steward_store_restore_phase_version (StewardStore  *self,
                                     gint64         phase_id,
                                     guint          number,
                                     GDateTime     *now,
                                     gint64        *version_id,
                                     GError       **error)
{
  g_autoptr(StewardPhaseVersion) version = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (!(version = steward_store_find_phase_version (self, phase_id, number, error)))
    return FALSE;

  return steward_store_set_phase_content (self, phase_id, steward_phase_version_get_content (version),
                                          STEWARD_VERSION_REASON_RESTORED, now, version_id, error);
}

/**
 * steward_store_grow_phase_version:
 * @version_id: a version kept for a draft (reason generated)
 *
 * A draft streaming in: sets the content of the version and of its
 * phase, with no new version and no change of status (those came when
 * the version was kept).
 */
gboolean
steward_store_grow_phase_version (StewardStore  *self,
                                  gint64         version_id,
                                  const char    *content,
                                  GError       **error)
{
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autoptr(sqlite3_stmt) version = NULL;
  g_autoptr(sqlite3_stmt) phase = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  gint64 phase_id;
  gint64 project_id;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (content != NULL, FALSE);

  if (!(select = _steward_store_prepare (self,
                                         "SELECT v.phase_id, p.project_id FROM phase_versions v"
                                         "  JOIN phases p ON p.id = v.phase_id WHERE v.id = ?",
                                         error)))
    return FALSE;

  sqlite3_bind_int64 (select, 1, version_id);

  if (sqlite3_step (select) != SQLITE_ROW)
    {
      g_set_error_literal (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND,
                           _("The version of the phase is gone."));
      return FALSE;
    }

  phase_id = sqlite3_column_int64 (select, 0);
  project_id = sqlite3_column_int64 (select, 1);

  if (!_steward_store_savepoint_begin (self, "phase", error))
    return FALSE;

  if (!(version = _steward_store_prepare (self, "UPDATE phase_versions SET content = ? WHERE id = ?", error)) ||
      !(phase = _steward_store_prepare (self, "UPDATE phases SET content = ?, updated_at = ? WHERE id = ?", error)))
    goto failed;

  sqlite3_bind_text (version, 1, content, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (version, 2, version_id);
  sqlite3_bind_text (phase, 1, content, -1, SQLITE_TRANSIENT);
  _steward_store_bind_time (phase, 2, now);
  sqlite3_bind_int64 (phase, 3, phase_id);

  if (!_steward_store_step_done (self, version, error) ||
      !_steward_store_step_done (self, phase, error) ||
      !_steward_store_index_phase (self, phase_id, content, error) ||
      !_steward_store_touch_project (self, project_id, now, error) ||
      !_steward_store_savepoint_release (self, "phase", error))
    goto failed;

  _steward_store_emit_row_changed (self, STEWARD_TABLE_PHASES, STEWARD_ROW_CHANGED, phase_id, project_id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_PHASE_VERSIONS, STEWARD_ROW_CHANGED, version_id, phase_id);
  _steward_store_emit_row_changed (self, STEWARD_TABLE_PROJECTS, STEWARD_ROW_CHANGED, project_id, 0);

  return TRUE;

failed:
  _steward_store_savepoint_roll_back (self, "phase");
  return FALSE;
}
