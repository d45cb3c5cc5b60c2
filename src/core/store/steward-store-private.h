/* steward-store-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "steward-store.h"
#include "steward-store-reader-private.h"

G_BEGIN_DECLS

/* SQL that stamps a row with the current time: ISO 8601, UTC, milliseconds. */
#define STEWARD_STORE_NOW_SQL "strftime('%Y-%m-%dT%H:%M:%fZ','now')"

/* Migration N (1-based) brings the schema from version N-1 to N. */
const char *_steward_store_get_migration (guint version);

/* (nullable): what migration @version does besides its SQL, after it */
typedef gboolean (*StewardMigrationStep) (StewardStore  *self,
                                          GError       **error);
StewardMigrationStep _steward_store_get_migration_step (guint version);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

typedef struct _StewardLiveMessages StewardLiveMessages;

/* The store is one class in several files (steward-store.c, -connection.c
 * and one per table group), which share its fields. */
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

  /* Writes off the main thread (steward-store-writer.c): one worker of
   * their own, the store it writes through (opened there on first use),
   * what the write being done tells (Told, in the worker), and how many
   * writes are asked and not yet told */
  GThreadPool  *write_pool;
  StewardStore *writer;
  GArray       *writing;
  guint         pending_writes;

  /* PRAGMA data_version + 1 when each task column (by status) was last
   * seen numbered 0, 1, … n-1; 0: not known. The store's own writes
   * keep a column so; another connection's commit moves the version. */
  gint64        dense_version[3];

  StewardLiveMessages *live_messages;

  /* PRAGMA data_version when last looked at: it moves when another
   * connection (another process) commits */
  gint64   data_version;

  /* Set when the folder or the file cannot be written: what cannot be
   * written, and why. */
  char    *read_only_path;
  char    *read_only_reason;
};

/* A write done in the store's worker thread through @writer, inside a
 * transaction (steward-store-writer.c) */
typedef gboolean (*StewardStoreWriteFunc) (StewardStore  *writer,
                                           gpointer       data,
                                           GError       **error);

void        _steward_store_write_async   (StewardStore          *self,
                                          StewardStoreWriteFunc  func,
                                          gpointer               data,
                                          GDestroyNotify         destroy,
                                          GCancellable          *cancellable,
                                          GAsyncReadyCallback    callback,
                                          gpointer               user_data);
gboolean    _steward_store_write_finish  (StewardStore          *self,
                                          GAsyncResult          *result,
                                          GError               **error);
void        _steward_store_writer_close  (StewardStore          *self);
void        _steward_store_note_data_version (StewardStore     *self);
gint64      _steward_store_read_data_version (StewardStore     *self);
gboolean    _steward_store_complete_task_at  (StewardStore     *self,
                                              gint64            id,
                                              int               position,
                                              gint64           *next_id,
                                              GError          **error);

/* Makes the item of one row. */
typedef gpointer (*StewardStoreRowFunc) (sqlite3_stmt *stmt);

sqlite3    *_steward_store_get_db        (StewardStore  *self);
StewardStoreReader *_steward_store_get_reader (StewardStore *self);
sqlite3_stmt *_steward_store_prepare     (StewardStore  *self,
                                          const char    *sql,
                                          GError       **error);
gboolean    _steward_store_exec          (StewardStore  *self,
                                          const char    *sql,
                                          GError       **error);
void        _steward_store_set_sql_error (StewardStore  *self,
                                          GError       **error);
gboolean    _steward_store_savepoint_begin     (StewardStore  *self,
                                                const char    *name,
                                                GError       **error);
gboolean    _steward_store_savepoint_release   (StewardStore  *self,
                                                const char    *name,
                                                GError       **error);
void        _steward_store_savepoint_roll_back (StewardStore  *self,
                                                const char    *name);
gboolean    _steward_store_collect_ids   (StewardStore  *self,
                                          sqlite3_stmt  *stmt,
                                          GArray        *ids,
                                          GError       **error);
GDateTime  *_steward_store_column_time   (sqlite3_stmt  *stmt,
                                          int            column);
gboolean    _steward_store_step_done     (StewardStore  *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
void        _steward_store_bind_enum   (sqlite3_stmt  *stmt,
                                        int            column,
                                        GType          enum_type,
                                        int            value);
int         _steward_store_column_enum (sqlite3_stmt  *stmt,
                                        int            column,
                                        GType          enum_type,
                                        int            fallback);
void        _steward_store_bind_text_or_null (sqlite3_stmt *stmt,
                                          int            column,
                                          const char    *text);
GListModel *_steward_store_list          (StewardStore         *self,
                                          GType                 item_type,
                                          const char           *sql,
                                          StewardStoreRowFunc   row_func,
                                          GError              **error);
typedef enum
{
  STEWARD_STORE_READ_DEFAULT  = 0,
  /* The items are messages: hand out the live ones */
  STEWARD_STORE_READ_MESSAGES = 1 << 0,
  /* The rows come last first: hand them out first first */
  STEWARD_STORE_READ_REVERSED = 1 << 1,
} StewardStoreReadFlags;

void        _steward_store_list_async    (StewardStore         *self,
                                          GType                 item_type,
                                          const char           *sql,
                                          StewardStoreRowFunc   row_func,
                                          StewardStoreReadFlags flags,
                                          const gint64         *params,
                                          guint                 n_params,
                                          gpointer              source_tag,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
StewardStoreError _steward_store_read_error_kind (int rc);
GListModel *_steward_store_list_finish   (StewardStore         *self,
                                          GAsyncResult         *result,
                                          GError              **error);
void        _steward_store_emit_row_changed (StewardStore     *self,
                                             StewardTable      table,
                                             StewardRowChange  change,
                                             gint64            id,
                                             gint64            parent_id);
/* @positions: a GArray of StewardRowPosition; nothing told when empty */
void        _steward_store_emit_positions_changed (StewardStore *self,
                                                   StewardTable  table,
                                                   GArray       *positions);
void        _steward_store_emit_providers_changed     (StewardStore *self);
char       *_steward_store_dup_fts_query (const char *text,
                                          gboolean    prefix,
                                          gboolean    any);

/* steward-store-identity.c: one StewardMessage per message while any is alive */
StewardLiveMessages *_steward_live_messages_new    (void);
void                 _steward_live_messages_free   (StewardLiveMessages *self);
StewardMessage      *_steward_live_messages_adopt  (StewardLiveMessages *self,
                                                    StewardMessage      *message);
void                 _steward_live_messages_forget (StewardLiveMessages *self,
                                                    const gint64        *ids,
                                                    guint                n_ids);
void                 _steward_live_messages_forget_conversation (StewardLiveMessages *self,
                                                                 gint64               conversation_id);
StewardLiveMessages *_steward_store_get_live_messages (StewardStore *self);

/* steward-store-chat.c and steward-store-branches.c: messages in their
 * conversation's tree */
gint64      _steward_store_insert_message    (StewardStore         *self,
                                              gint64                conversation_id,
                                              gint64                parent_id,
                                              StewardMessageRole    role,
                                              const char           *content,
                                              StewardMessageStatus  status,
                                              const char           *provider,
                                              const char           *model,
                                              const char           *tier,
                                              GError              **error);
gint64      _steward_store_path_end          (StewardStore         *self,
                                              gint64                conversation_id,
                                              GError              **error);
gpointer    _steward_store_message_from_row  (sqlite3_stmt         *stmt);
GPtrArray  *_steward_store_attachments_from_json (sqlite3_stmt     *stmt,
                                              int               column);

/* Binds @time as the store writes times (ISO 8601, UTC, milliseconds);
 * NULL binds NULL */
void        _steward_store_bind_time         (sqlite3_stmt         *stmt,
                                              int                   column,
                                              GDateTime            *time);
gpointer    _steward_store_read_one          (StewardStore         *self,
                                              sqlite3_stmt         *stmt,
                                              StewardStoreRowFunc   from_row,
                                              GError              **error);

/* steward-store-documents.c, -phases.c, -passages.c, -templates.c */
gpointer    _steward_store_project_from_row  (sqlite3_stmt         *stmt);
GPtrArray  *_steward_store_split_passages    (const char           *content);
/* Cuts @content into the phase's passages again */
gboolean    _steward_store_index_phase       (StewardStore         *self,
                                              gint64                phase_id,
                                              const char           *content,
                                              GError              **error);
/* Marks the project changed (updated_at) */
gboolean    _steward_store_touch_project     (StewardStore         *self,
                                              gint64                project_id,
                                              GDateTime            *now,
                                              GError              **error);

/* id, title, created_at, updated_at, message count */
gpointer    _steward_store_conversation_from_row (sqlite3_stmt *stmt);

G_END_DECLS
