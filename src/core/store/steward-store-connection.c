/* steward-store-connection.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <string.h>

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "steward-store-private.h"

/* Opening the store: the data folder, a new database made whole, the
 * connection (read-only when the folder or the file cannot be written),
 * the schema version and its migrations. */

#define STORE_FILE_NAME "steward.db"
#define BUSY_TIMEOUT_MS 5000

/**
 * steward_store_dup_default_data_dir:
 * @override: (nullable): a directory the user named (`--data-dir`)
 *
 * The data directory: @override if given, else `$STEWARD_DATA_DIR`, else
 * `$XDG_DATA_HOME/steward` (`steward-devel` for a development build, so it
 * never migrates the installed application's data).
 *
 * Returns: (transfer full): an absolute path
 */
char *
steward_store_dup_default_data_dir (const char *override)
{
  const char *env;

  if (override != NULL && override[0] != '\0')
    return g_canonicalize_filename (override, NULL);

  env = g_getenv ("STEWARD_DATA_DIR");
  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);

  return g_build_filename (g_get_user_data_dir (), DATA_DIR_NAME, NULL);
}

static gboolean
steward_store_read_int (StewardStore  *self,
                        const char    *sql,
                        int           *value,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!(stmt = _steward_store_prepare (self, sql, error)))
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  *value = sqlite3_column_int (stmt, 0);

  return TRUE;
}

static gboolean
steward_store_migrate (StewardStore  *self,
                       GError       **error)
{
  for (guint version = self->schema_version + 1;
       version <= STEWARD_STORE_SCHEMA_VERSION;
       version++)
    {
      g_autofree char *bump = NULL;
      StewardMigrationStep step;
      int current = 0;

      /* IMMEDIATE takes the write lock first, so two processes opening a
       * new database at once never run the same migration twice. */
      if (!_steward_store_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      if (!steward_store_read_int (self, "PRAGMA user_version", &current, error))
        goto rollback;

      if (current >= (int)version)
        {
          if (!_steward_store_exec (self, "COMMIT", error))
            goto rollback;
          self->schema_version = current;
          continue;
        }

      g_debug ("Migrating %s to schema %u", self->path, version);

      bump = g_strdup_printf ("PRAGMA user_version = %u", version);

      step = _steward_store_get_migration_step (version);

      if (!_steward_store_exec (self, _steward_store_get_migration (version), error) ||
          (step != NULL && !step (self, error)) ||
          !_steward_store_exec (self, bump, error) ||
          !_steward_store_exec (self, "COMMIT", error))
        goto rollback;

      self->schema_version = version;
      continue;

    rollback:
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      g_prefix_error (error, _("Could not update the database to version %u: "), version);
      return FALSE;
    }

  return TRUE;
}

static void
steward_store_set_read_only (StewardStore *self,
                             const char   *what,
                             const char   *reason)
{
  g_assert (STEWARD_IS_STORE (self));

  g_debug ("%s cannot be written (%s): opening %s read-only", what, reason, self->path);

  g_free (self->read_only_path);
  self->read_only_path = g_strdup (what);
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
}

/* Whether a failure of SQLite means the file cannot be written (rather
 * than that it is damaged): then it may still be read. */
static gboolean
is_write_failure (int code)
{
  switch (code & 0xff)
    {
    case SQLITE_READONLY:
    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_PERM:
      return TRUE;

    default:
      return FALSE;
    }
}

/* Why the last call on @db failed, in words: the system's reason (such
 * as "No space left on device") when there is one. */
static char *
describe_failure (sqlite3 *db,
                  int      code)
{
  int errsv = sqlite3_system_errno (db);

  if (errsv != 0)
    return g_strdup (g_strerror (errsv));

  return g_strdup (sqlite3_errstr (code));
}

/* Opens @filename on self->db and reads the schema, which reads the file's
 * header and first page: a file that is not a database fails here, before
 * anything could be written. Returns an SQLite result code; on failure
 * self->db stays open, to describe the error, until the next call. */
static int
steward_store_connect (StewardStore *self,
                       const char   *filename,
                       int           flags)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  int rc;

  g_assert (STEWARD_IS_STORE (self));

  g_clear_pointer (&self->db, sqlite3_close);

  rc = sqlite3_open_v2 (filename, &self->db, flags, NULL);
  if (self->db == NULL)
    return rc;

  sqlite3_extended_result_codes (self->db, TRUE);
  if (rc != SQLITE_OK)
    return rc;

  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  if ((rc = sqlite3_prepare_v2 (self->db, "SELECT count(*) FROM sqlite_schema", -1, &check, NULL)) != SQLITE_OK)
    return rc;

  if ((rc = sqlite3_step (check)) != SQLITE_ROW)
    return rc;

  return SQLITE_OK;
}

static void
steward_store_set_connect_error (StewardStore  *self,
                                 int            rc,
                                 GError       **error)
{
  g_assert (STEWARD_IS_STORE (self));

  if (self->db != NULL)
    _steward_store_set_sql_error (self, error);
  else
    g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_IO,
                 _("Could not open the database “%s”: %s."),
                 self->path, sqlite3_errstr (rc));
}

/* A new store is made under a temporary name and appears under its own
 * name whole, with its schema: a first start that is interrupted never
 * leaves an empty steward.db behind (one that is there is refused). */
static gboolean
steward_store_create (StewardStore  *self,
                      GError       **error)
{
  g_autoptr(StewardStore) building = NULL;
  g_autofree char *tmp = g_strconcat (self->path, ".new-XXXXXX", NULL);
  g_autofree char *journal = NULL;
  int errsv;
  int rc;
  int fd;

  g_assert (STEWARD_IS_STORE (self));

  if ((fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600)) < 0)
    {
      errsv = errno;
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_IO,
                   _("Could not create the database “%s”: %s."),
                   self->path, g_strerror (errsv));
      return FALSE;
    }
  close (fd);

  building = g_object_new (STEWARD_TYPE_STORE, NULL);
  building->data_dir = g_strdup (self->data_dir);
  building->path = g_strdup (self->path);

  /* A rollback journal while it is built, so that closing leaves one file;
   * steward_store_open() turns on write-ahead logging under the real name. */
  if ((rc = steward_store_connect (building, tmp, SQLITE_OPEN_READWRITE)) != SQLITE_OK)
    {
      steward_store_set_connect_error (building, rc, error);
      goto failed;
    }

  if (!_steward_store_exec (building, "PRAGMA foreign_keys = ON", error) ||
      !steward_store_migrate (building, error))
    goto failed;

  g_clear_object (&building);

  if (link (tmp, self->path) != 0)
    {
      errsv = errno;

      /* Another process made it first: use theirs. A file system without
       * hard links gets a rename, which may only lose that race. */
      if (errsv != EEXIST &&
          !((errsv == EPERM || errsv == ENOTSUP || errsv == ENOSYS) &&
            !g_file_test (self->path, G_FILE_TEST_EXISTS) &&
            g_rename (tmp, self->path) == 0))
        {
          g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_IO,
                       _("Could not create the database “%s”: %s."),
                       self->path, g_strerror (errsv));
          goto failed;
        }
    }

  g_unlink (tmp);

  return TRUE;

failed:
  g_clear_object (&building);
  journal = g_strconcat (tmp, "-journal", NULL);
  g_unlink (journal);
  g_unlink (tmp);

  return FALSE;
}

static gboolean
has_unmerged_changes (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Opens the file for reading only. In write-ahead-log mode even reading
 * needs the -shm file, which a read-only folder or a full disk cannot give
 * when it is not there yet; then the file is read as immutable, which is
 * only right when no changes wait in a -wal file beside it. */
static gboolean
steward_store_connect_read_only (StewardStore  *self,
                                 GError       **error)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *escaped = g_uri_escape_string (absolute, "/", FALSE);
  g_autofree char *uri = g_strconcat ("file:", escaped, "?mode=ro", NULL);
  g_autofree char *immutable = g_strconcat ("file:", escaped, "?immutable=1", NULL);
  int rc;

  g_assert (STEWARD_IS_STORE (self));

  rc = steward_store_connect (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  if (rc == SQLITE_OK)
    return TRUE;

  if (!is_write_failure (rc))
    {
      steward_store_set_connect_error (self, rc, error);
      return FALSE;
    }

  if (has_unmerged_changes (self->path))
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_READ_ONLY,
                   _("The database “%s” cannot be read while “%s” cannot be written (%s): "
                     "its latest changes are still in a separate file."),
                   self->path, self->read_only_path, self->read_only_reason);
      return FALSE;
    }

  rc = steward_store_connect (self, immutable, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
  if (rc != SQLITE_OK)
    {
      steward_store_set_connect_error (self, rc, error);
      return FALSE;
    }

  self->immutable = TRUE;

  return TRUE;
}

/* What a store that can be written gets on every open: write-ahead
 * logging, the schema brought up to date, replies left "streaming" by a
 * process that is gone marked interrupted. */
static gboolean
steward_store_prepare_writing (StewardStore  *self,
                               GError       **error)
{
  g_assert (STEWARD_IS_STORE (self));

  return _steward_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         _steward_store_exec (self, "PRAGMA synchronous = NORMAL", error) &&
         _steward_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         steward_store_migrate (self, error) &&
         steward_store_recover_interrupted (self, error) != G_MAXUINT;
}

static gboolean
steward_store_check_version (StewardStore  *self,
                             GError       **error)
{
  g_assert (STEWARD_IS_STORE (self));

  if (!steward_store_read_int (self, "PRAGMA user_version", &self->schema_version, error))
    return FALSE;

  if (self->schema_version > STEWARD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_TOO_NEW,
                   _("The database “%s” was written by a newer version of Steward "
                     "(schema %d; this version reads up to %d). Update Steward to open it."),
                   self->path, self->schema_version, STEWARD_STORE_SCHEMA_VERSION);
      return FALSE;
    }

  return TRUE;
}

/* Whether @path can be written; when not, why, in @reason. */
static gboolean
can_write (const char  *path,
           char       **reason)
{
  if (g_access (path, W_OK) == 0)
    return TRUE;

  *reason = g_strdup (g_strerror (errno));

  return FALSE;
}

/**
 * steward_store_open:
 * @data_dir: the data directory, from steward_store_dup_default_data_dir()
 * @error: a location for a #GError
 *
 * Opens (creating it if needed) `steward.db` in @data_dir and brings its
 * schema up to date. A database written by a newer Steward is refused
 * without being written to; a damaged or empty file is reported, never
 * replaced. When the folder or the file cannot be written (a read-only
 * mount, permissions, a full disk) the store is opened read-only:
 * steward_store_is_read_only() says so and every change fails with
 * %STEWARD_STORE_ERROR_READ_ONLY; a store that would need a schema update
 * is then refused. Blocks on disk I/O: from the main thread use
 * steward_store_open_async().
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
StewardStore *
steward_store_open (const char  *data_dir,
                    GError     **error)
{
  g_autoptr(StewardStore) self = NULL;
  g_autofree char *reason = NULL;
  GStatBuf st;
  int rc;

  g_return_val_if_fail (data_dir != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (STEWARD_TYPE_STORE, NULL);
  self->data_dir = g_strdup (data_dir);
  self->path = g_build_filename (data_dir, STORE_FILE_NAME, NULL);

  if (g_mkdir_with_parents (data_dir, 0700) != 0)
    {
      int errsv = errno;

      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_IO,
                   _("Could not create the data folder “%s”: %s."),
                   data_dir, g_strerror (errsv));
      return NULL;
    }

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS) && !steward_store_create (self, error))
    return NULL;

  if (g_stat (self->path, &st) == 0 && st.st_size == 0)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_CORRUPT,
                   _("The database “%s” is damaged or is not a Steward database (%s)."),
                   self->path, _("the file is empty"));
      return NULL;
    }

  if (!can_write (self->data_dir, &reason))
    steward_store_set_read_only (self, self->data_dir, reason);
  else if (!can_write (self->path, &reason))
    steward_store_set_read_only (self, self->path, reason);

  if (self->read_only_path == NULL)
    {
      g_autoptr(GError) local_error = NULL;

      rc = steward_store_connect (self, self->path, SQLITE_OPEN_READWRITE);
      if (rc == SQLITE_OK && sqlite3_db_readonly (self->db, "main") == 1)
        {
          steward_store_set_read_only (self, self->path, sqlite3_errstr (SQLITE_READONLY));
        }
      else if (rc != SQLITE_OK)
        {
          if (!is_write_failure (rc))
            {
              steward_store_set_connect_error (self, rc, error);
              return NULL;
            }

          /* A full disk, typically: the -shm file cannot be made. */
          g_clear_pointer (&reason, g_free);
          reason = describe_failure (self->db, rc);
          steward_store_set_read_only (self, self->data_dir, reason);
        }
      else if (!steward_store_check_version (self, error))
        {
          return NULL;
        }
      else if (!steward_store_prepare_writing (self, &local_error))
        {
          int code = sqlite3_extended_errcode (self->db);

          /* No update is half done: it is one transaction, rolled back.
           * A store that needs none may still be read. */
          if (self->schema_version != STEWARD_STORE_SCHEMA_VERSION ||
              !g_error_matches (local_error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_IO) ||
              !is_write_failure (code))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }

          g_clear_pointer (&reason, g_free);
          reason = describe_failure (self->db, code);
          steward_store_set_read_only (self, self->data_dir, reason);
        }
      else
        {
          return g_steal_pointer (&self);
        }
    }

  if (!steward_store_connect_read_only (self, error) ||
      !steward_store_check_version (self, error))
    return NULL;

  if (self->schema_version != STEWARD_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_READ_ONLY,
                   _("The database “%s” needs an update for this version of Steward, "
                     "but “%s” cannot be written (%s)."),
                   self->path, self->read_only_path, self->read_only_reason);
      return NULL;
    }

  if (!_steward_store_exec (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
steward_store_open_worker (GTask        *task,
                           gpointer      source_object,
                           gpointer      task_data,
                           GCancellable *cancellable)
{
  const char *data_dir = task_data;
  GError *error = NULL;
  StewardStore *store;

  if (g_task_return_error_if_cancelled (task))
    return;

  /* bench/bench-startup slows the open on purpose to show that the first
   * frame does not wait for it. */
  {
    const char *delay = g_getenv ("STEWARD_BENCH_STORE_DELAY_MS");

    if (delay != NULL)
      g_usleep (MIN (g_ascii_strtoull (delay, NULL, 10), 10000) * 1000);
  }

  if ((store = steward_store_open (data_dir, &error)))
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

/**
 * steward_store_open_async:
 *
 * Opens the store in a worker thread, so the first frame of a window never
 * waits on the disk or on a migration.
 */
void
steward_store_open_async (const char          *data_dir,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (data_dir != NULL);
  g_return_if_fail (!cancellable || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, steward_store_open_async);
  g_task_set_task_data (task, g_strdup (data_dir), g_free);
  g_task_run_in_thread (task, steward_store_open_worker);
}

StewardStore *
steward_store_open_finish (GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == steward_store_open_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A change of several statements, all or nothing: SAVEPOINT @name, which
 * nests in a transaction already open. */
gboolean
_steward_store_savepoint_begin (StewardStore  *self,
                                const char    *name,
                                GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("SAVEPOINT %s", name);

  return _steward_store_exec (self, sql, error);
}

gboolean
_steward_store_savepoint_release (StewardStore  *self,
                                  const char    *name,
                                  GError       **error)
{
  g_autofree char *sql = g_strdup_printf ("RELEASE %s", name);

  return _steward_store_exec (self, sql, error);
}

/* Undoes everything since _steward_store_savepoint_begin(). */
void
_steward_store_savepoint_roll_back (StewardStore *self,
                                    const char   *name)
{
  g_autofree char *sql = g_strdup_printf ("ROLLBACK TO %s; RELEASE %s", name, name);
  g_autoptr(GError) error = NULL;

  /* What was seen inside it may be undone */
  memset (self->dense_version, 0, sizeof self->dense_version);

  if (!_steward_store_exec (self, sql, &error))
    g_warning ("Could not roll back a change (%s): %s", name, error->message);
}

/* Runs @stmt to its end, adding the id each row returns (its first
 * column) to @ids, which may be %NULL. */
gboolean
_steward_store_collect_ids (StewardStore  *self,
                            sqlite3_stmt  *stmt,
                            GArray        *ids,
                            GError       **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (ids != NULL)
        g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}
