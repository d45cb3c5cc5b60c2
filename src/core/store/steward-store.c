/* steward-store.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "steward-conversation-private.h"
#include "steward-enum-types.h"
#include "steward-project-private.h"
#include "steward-setting-keys.h"
#include "steward-store-private.h"
#include "steward-task-private.h"

#define STORE_FILE_NAME "steward.db"
#define BUSY_TIMEOUT_MS 5000

struct _StewardStore
{
  GObject  parent_instance;

  char    *data_dir;
  char    *path;
  sqlite3 *db;
  int      schema_version;
  gboolean immutable;

  /* The worker threads' connection, made on first use */
  StewardStoreReader *reader;

  StewardLiveMessages *live_messages;

  /* Set when the folder or the file cannot be written: what cannot be
   * written, and why. */
  char    *read_only_path;
  char    *read_only_reason;
};

G_DEFINE_FINAL_TYPE (StewardStore, steward_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (steward-store-error-quark, steward_store_error)


static void
steward_store_finalize (GObject *object)
{
  StewardStore *self = (StewardStore *)object;

  /* The reader first: the last connection to close merges the log. */
  g_clear_pointer (&self->reader, _steward_store_reader_free);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->live_messages, _steward_live_messages_free);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->read_only_path, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (steward_store_parent_class)->finalize (object);
}

enum {
  CONVERSATIONS_CHANGED,
  MEMORIES_CHANGED,
  PROVIDERS_CHANGED,
  ROW_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
steward_store_class_init (StewardStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_store_finalize;

  /**
   * StewardStore::conversations-changed:
   *
   * A conversation was created, renamed, deleted or written to through
   * this store, so lists of conversations are out of date. Emitted in
   * the thread that made the change.
   */
  signals[CONVERSATIONS_CHANGED] =
    g_signal_new ("conversations-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StewardStore::memories-changed:
   *
   * A memory was added, edited, pinned or forgotten through this store.
   */
  signals[MEMORIES_CHANGED] =
    g_signal_new ("memories-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StewardStore::providers-changed:
   *
   * A provider was added, changed or removed, or a model size mapped,
   * through this store.
   */
  signals[PROVIDERS_CHANGED] =
    g_signal_new ("providers-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  /**
   * StewardStore::row-changed:
   * @change: a #StewardRowChange
   * @id: the row's id
   * @parent_id: for a message, its conversation's id; otherwise 0
   *
   * A row was inserted, changed or removed through this store; the
   * detail is the table (the nick of its #StewardTable: "conversations",
   * "messages", "memories", "tasks", "projects"), so a list connects to
   * "row-changed::messages" and hears of nothing else. Lists keep
   * themselves up to date from this one row instead of reading a whole
   * table again. Emitted in the thread that made the change, after the
   * change is written.
   *
   * Deleting a conversation tells of the conversation only: its messages
   * go with it.
   */
  signals[ROW_CHANGED] =
    g_signal_new ("row-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3,
                  STEWARD_TYPE_ROW_CHANGE,
                  G_TYPE_INT64,
                  G_TYPE_INT64);
}

void
_steward_store_emit_row_changed (StewardStore     *self,
                                 StewardTable      table,
                                 StewardRowChange  change,
                                 gint64            id,
                                 gint64            parent_id)
{
  GQuark detail = g_quark_from_static_string (steward_enum_to_nick (STEWARD_TYPE_TABLE, table));

  g_signal_emit (self, signals[ROW_CHANGED], detail, change, id, parent_id);
}

void
_steward_store_emit_conversations_changed (StewardStore *self)
{
  g_signal_emit (self, signals[CONVERSATIONS_CHANGED], 0);
}

void
_steward_store_emit_providers_changed (StewardStore *self)
{
  g_signal_emit (self, signals[PROVIDERS_CHANGED], 0);
}

void
_steward_store_emit_memories_changed (StewardStore *self)
{
  g_signal_emit (self, signals[MEMORIES_CHANGED], 0);
}

StewardLiveMessages *
_steward_store_get_live_messages (StewardStore *self)
{
  return self->live_messages;
}

static void
steward_store_init (StewardStore *self)
{
  self->live_messages = _steward_live_messages_new ();
}

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

void
_steward_store_set_sql_error (StewardStore  *self,
                              GError       **error)
{
  int code = sqlite3_errcode (self->db);
  int primary = code & 0xff;
  StewardStoreError kind;

  /* A write to a store opened read-only: say why, once, the same way
   * everywhere (steward_store_check_writable()). */
  if (primary == SQLITE_READONLY && self->read_only_path != NULL)
    {
      steward_store_check_writable (self, error);
      return;
    }

  switch (primary)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      kind = STEWARD_STORE_ERROR_CORRUPT;
      g_set_error (error, STEWARD_STORE_ERROR, kind,
                   _("The database “%s” is damaged or is not a Steward database (%s)."),
                   self->path, sqlite3_errmsg (self->db));
      return;

    case SQLITE_CANTOPEN:
    case SQLITE_IOERR:
    case SQLITE_PERM:
    case SQLITE_READONLY:
    case SQLITE_FULL:
      kind = STEWARD_STORE_ERROR_IO;
      break;

    case SQLITE_CONSTRAINT:
      kind = STEWARD_STORE_ERROR_INVALID;
      break;

    default:
      kind = STEWARD_STORE_ERROR_FAILED;
      break;
    }

  g_set_error (error, STEWARD_STORE_ERROR, kind,
               _("Could not use the database “%s”: %s."),
               self->path, sqlite3_errmsg (self->db));
}

/* The connection for reads in worker threads (steward-store-reader.c). */
StewardStoreReader *
_steward_store_get_reader (StewardStore *self)
{
  if (g_once_init_enter (&self->reader))
    g_once_init_leave (&self->reader, _steward_store_reader_new (self->path, self->immutable));

  return self->reader;
}

sqlite3 *
_steward_store_get_db (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return self->db;
}

gboolean
_steward_store_exec (StewardStore  *self,
                     const char    *sql,
                     GError       **error)
{
  g_assert (STEWARD_IS_STORE (self));

  if (sqlite3_exec (self->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3_stmt *
_steward_store_prepare (StewardStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) != SQLITE_OK)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  return stmt;
}

GDateTime *
_steward_store_column_time (sqlite3_stmt *stmt,
                            int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);
  GDateTime *ret = NULL;

  if (text != NULL)
    ret = g_date_time_new_from_iso8601 (text, NULL);

  /* A row edited by hand may hold a time we cannot read; show it as the
   * epoch rather than dropping the row. */
  if (ret == NULL && text != NULL)
    ret = g_date_time_new_from_unix_utc (0);

  return ret;
}

/* Runs a statement that returns no rows. */
gboolean
_steward_store_step_done (StewardStore  *self,
                          sqlite3_stmt  *stmt,
                          GError       **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

/* The closed sets are text in the database (their nicks: "streaming",
 * "assistant"), enums everywhere else: here is where one becomes the
 * other. */
void
_steward_store_bind_enum (sqlite3_stmt *stmt,
                          int           column,
                          GType         enum_type,
                          int           value)
{
  const char *nick = steward_enum_to_nick (enum_type, value);

  g_return_if_fail (nick != NULL);

  sqlite3_bind_text (stmt, column, nick, -1, SQLITE_STATIC);
}

/* A value the schema's CHECK constraints let through is always known;
 * @fallback stands in for NULL. */
int
_steward_store_column_enum (sqlite3_stmt *stmt,
                            int           column,
                            GType         enum_type,
                            int           fallback)
{
  int value;

  if (!steward_enum_from_nick (enum_type, (const char *)sqlite3_column_text (stmt, column), &value))
    return fallback;

  return value;
}

void
_steward_store_bind_text_or_null (sqlite3_stmt *stmt,
                                  int           column,
                                  const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, column);
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

      if (!_steward_store_exec (self, _steward_store_get_migration (version), error) ||
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

const char *
steward_store_get_data_dir (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return self->data_dir;
}

const char *
steward_store_get_path (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return self->path;
}

int
steward_store_get_schema_version (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), 0);

  return self->schema_version;
}

/**
 * steward_store_is_read_only:
 *
 * Returns: %TRUE when the store was opened read-only, because its folder
 *   or its file cannot be written: it can be read, but nothing is saved
 */
gboolean
steward_store_is_read_only (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  return self->read_only_path != NULL;
}

/**
 * steward_store_check_writable:
 *
 * Returns: %TRUE when changes can be saved; else %FALSE with @error set
 *   (%STEWARD_STORE_ERROR_READ_ONLY) to one sentence naming what cannot
 *   be written and why, which also serves to tell the user so up front
 */
gboolean
steward_store_check_writable (StewardStore  *self,
                              GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);

  if (self->read_only_path == NULL)
    return TRUE;

  g_set_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_READ_ONLY,
               _("Changes cannot be saved, because “%s” cannot be written (%s)."),
               self->read_only_path, self->read_only_reason);

  return FALSE;
}

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

typedef gpointer (*RowFunc) (sqlite3_stmt *stmt);

static GListModel *
steward_store_list (StewardStore  *self,
                    GType          item_type,
                    const char    *sql,
                    RowFunc        row_func,
                    GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GListStore) list = NULL;
  int rc;

  if (!(stmt = _steward_store_prepare (self, sql, error)))
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, row_func (stmt));

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return NULL;
    }

  list = g_list_store_new (item_type);
  /* One splice, so a view sees a single items-changed. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);

  return G_LIST_MODEL (g_steal_pointer (&list));
}

gpointer
_steward_store_conversation_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 2);
  g_autoptr(GDateTime) updated_at = _steward_store_column_time (stmt, 3);

  return _steward_conversation_new (sqlite3_column_int64 (stmt, 0),
                                    (const char *)sqlite3_column_text (stmt, 1),
                                    created_at,
                                    updated_at,
                                    sqlite3_column_int (stmt, 4));
}

/**
 * steward_store_list_conversations:
 *
 * Returns: (transfer full): a #GListModel of #StewardConversation, the most
 *   recently updated first
 */
GListModel *
steward_store_list_conversations (StewardStore  *self,
                                  GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_store_list (self, STEWARD_TYPE_CONVERSATION,
                             "SELECT c.id, c.title, c.created_at, c.updated_at,"
                             "       (SELECT count(*) FROM messages m"
                             "         WHERE m.conversation_id = c.id)"
                             "  FROM conversations c"
                             " ORDER BY c.updated_at DESC, c.id DESC",
                             _steward_store_conversation_from_row,
                             error);
}

gpointer
_steward_store_task_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) due = _steward_store_column_time (stmt, 5);
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 7);

  return _steward_task_new (sqlite3_column_int64 (stmt, 0),
                            (const char *)sqlite3_column_text (stmt, 1),
                            _steward_store_column_enum (stmt, 2, STEWARD_TYPE_TASK_STATUS,
                                                        STEWARD_TASK_STATUS_TODO),
                            _steward_store_column_enum (stmt, 3, STEWARD_TYPE_TASK_PRIORITY,
                                                        STEWARD_TASK_PRIORITY_NORMAL),
                            (const char *)sqlite3_column_text (stmt, 4),
                            due,
                            sqlite3_column_int64 (stmt, 6),
                            created_at);
}

/**
 * steward_store_list_tasks:
 *
 * Returns: (transfer full): a #GListModel of #StewardTask, the most recently
 *   created first
 */
GListModel *
steward_store_list_tasks (StewardStore  *self,
                          GError       **error)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_store_list (self, STEWARD_TYPE_TASK,
                             "SELECT id, title, status, priority, category,"
                             "       due, position, created_at"
                             "  FROM tasks"
                             " ORDER BY created_at DESC, id DESC",
                             _steward_store_task_from_row,
                             error);
}

gpointer
_steward_store_project_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GDateTime) created_at = _steward_store_column_time (stmt, 3);
  g_autoptr(GDateTime) updated_at = _steward_store_column_time (stmt, 4);

  return _steward_project_new (sqlite3_column_int64 (stmt, 0),
                               (const char *)sqlite3_column_text (stmt, 1),
                               (const char *)sqlite3_column_text (stmt, 2),
                               created_at,
                               updated_at);
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

  return steward_store_list (self, STEWARD_TYPE_PROJECT,
                             "SELECT id, name, template, created_at, updated_at"
                             "  FROM projects"
                             " ORDER BY updated_at DESC, id DESC",
                             _steward_store_project_from_row,
                             error);
}
