/* steward-store-migrations.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-builtin-templates.h"
#include "steward-store-private.h"

/* Each migration runs in one transaction together with the bump of
 * PRAGMA user_version. Never edit a migration that has shipped: add one.
 *
 * Times are ISO 8601 text in UTC. Provider and model are stored on a
 * message as text, so removing a provider never touches history. A
 * streaming reply records the pid and start time of the process writing
 * it, so that only a reply whose writer is gone is marked interrupted.
 */
static const char * const migrations[] = {
  /* 1: the first schema */
  "CREATE TABLE conversations ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL DEFAULT '',"
  "  summary TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX conversations_by_update ON conversations (updated_at);"

  "CREATE TABLE messages ("
  "  id INTEGER PRIMARY KEY,"
  "  conversation_id INTEGER NOT NULL"
  "    REFERENCES conversations (id) ON DELETE CASCADE,"
  "  role TEXT NOT NULL"
  "    CHECK (role IN ('user', 'assistant', 'system', 'tool')),"
  "  content TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'complete'"
  "    CHECK (status IN ('streaming', 'complete', 'interrupted', 'error')),"
  "  error TEXT,"
  "  provider TEXT,"
  "  model TEXT,"
  "  tier TEXT CHECK (tier IS NULL OR tier IN ('small', 'medium', 'large')),"
  "  input_tokens INTEGER CHECK (input_tokens IS NULL OR input_tokens >= 0),"
  "  output_tokens INTEGER CHECK (output_tokens IS NULL OR output_tokens >= 0),"
  "  latency_ms INTEGER,"
  "  writer_pid INTEGER,"
  "  writer_started_at INTEGER,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX messages_by_conversation ON messages (conversation_id, id);"
  "CREATE INDEX messages_streaming ON messages (status) WHERE status = 'streaming';"

  "CREATE TABLE providers ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (name) > 0),"
  "  kind TEXT NOT NULL"
  "    CHECK (kind IN ('openai', 'anthropic', 'gemini', 'ollama')),"
  "  base_url TEXT,"
  "  model TEXT,"
  "  api_key_env TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE tiers ("
  "  tier TEXT PRIMARY KEY CHECK (tier IN ('small', 'medium', 'large')),"
  "  provider TEXT NOT NULL"
  "    REFERENCES providers (name) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  model TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE settings ("
  "  key TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"

  "CREATE TABLE tasks ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'todo'"
  "    CHECK (status IN ('todo', 'doing', 'done')),"
  "  priority TEXT NOT NULL DEFAULT 'normal'"
  "    CHECK (priority IN ('low', 'normal', 'high')),"
  "  category TEXT NOT NULL DEFAULT '',"
  "  due TEXT,"
  "  position INTEGER NOT NULL DEFAULT 0,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE INDEX tasks_by_status ON tasks (status, position);"

  "CREATE TABLE projects ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  template TEXT NOT NULL DEFAULT 'default',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");",

  /* 2: tool calls a reply carries, as a JSON array of
   * {"id", "name", "arguments"} */
  "ALTER TABLE messages ADD COLUMN tool_calls TEXT;",

  /* 3: memory and search. Long-term facts about the user; full-text
   * indexes over messages and facts, kept in sync by triggers, folding
   * diacritics so "cafe" finds "café"; the rolling summary of a
   * conversation covers its messages up to summary_through; a reply
   * keeps the context it was sent with. */
  "CREATE TABLE memories ("
  "  id INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL CHECK (length (trim (text)) > 0),"
  "  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),"
  "  origin TEXT NOT NULL DEFAULT 'user' CHECK (origin IN ('user', 'chat', 'auto')),"
  "  source_message_id INTEGER REFERENCES messages (id) ON DELETE SET NULL,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE VIRTUAL TABLE memories_fts USING fts5 ("
  "  text, content = 'memories', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER memories_fts_insert AFTER INSERT ON memories BEGIN"
  "  INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER memories_fts_delete AFTER DELETE ON memories BEGIN"
  "  INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;"
  "CREATE TRIGGER memories_fts_update AFTER UPDATE OF text ON memories BEGIN"
  "  INSERT INTO memories_fts (memories_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "  INSERT INTO memories_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"

  "CREATE VIRTUAL TABLE messages_fts USING fts5 ("
  "  content, content = 'messages', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN"
  "  INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);"
  "END;"
  "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
  "END;"
  "CREATE TRIGGER messages_fts_update AFTER UPDATE OF content ON messages BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
  "  INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);"
  "END;"
  "INSERT INTO messages_fts (messages_fts) VALUES ('rebuild');"

  "ALTER TABLE conversations ADD COLUMN summary_through INTEGER;"
  "ALTER TABLE messages ADD COLUMN context TEXT;",

  /* 4: the context size of a model, where it differs from the default
   * (the setting chat.context-tokens). Keyed like a tier by the
   * provider's name, so the size goes with a removed provider and
   * follows a renamed one. */
  "CREATE TABLE model_limits ("
  "  provider TEXT NOT NULL"
  "    REFERENCES providers (name) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  model TEXT NOT NULL CHECK (length (model) > 0),"
  "  context_tokens INTEGER NOT NULL CHECK (context_tokens > 0),"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (provider, model)"
  ");",

  /* 5: a reply is indexed for search once it has stopped streaming, not
   * on every save while it grows (which cost time quadratic in its
   * length). An indexed row always holds the text it was indexed with,
   * so the 'delete' of an external-content FTS5 table stays exact. */
  "DROP TRIGGER messages_fts_insert;"
  "DROP TRIGGER messages_fts_delete;"
  "DROP TRIGGER messages_fts_update;"
  "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages"
  "  WHEN new.status != 'streaming' BEGIN"
  "  INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);"
  "END;"
  "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages"
  "  WHEN old.status != 'streaming' BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
  "END;"
  "CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status ON messages BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, content)"
  "    SELECT 'delete', old.id, old.content WHERE old.status != 'streaming';"
  "  INSERT INTO messages_fts (rowid, content)"
  "    SELECT new.id, new.content WHERE new.status != 'streaming';"
  "END;"
  "INSERT INTO messages_fts (messages_fts) VALUES ('delete-all');"
  "INSERT INTO messages_fts (rowid, content)"
  "  SELECT id, content FROM messages WHERE status != 'streaming';",

  /* 6: prefix indexes for search. Every word of a search matches as a
   * prefix, and FTS5 answers a prefix it has no index for by reading and
   * merging the match lists of every word that starts with it: "t" took
   * most of a second at a million messages, "which" a few milliseconds
   * each time. With prefixes of up to six characters indexed, only a
   * longer word is read that way, and few words share seven letters.
   * The index is about five times as large (at a million messages, 630
   * rather than 130 MB, beside 300 MB of text). The triggers of schema 5
   * name the table and stay as they are; the index is filled as they
   * fill it, without the replies still streaming. */
  "DROP TABLE messages_fts;"
  "CREATE VIRTUAL TABLE messages_fts USING fts5 ("
  "  content, content = 'messages', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2',"
  "  prefix = '1 2 3 4 5 6'"
  ");"
  "INSERT INTO messages_fts (rowid, content)"
  "  SELECT id, content FROM messages WHERE status != 'streaming';",

  /* 7: what the user asked to forget, by its words (see
   * steward-store-memory.c), so that neither automatic memory nor
   * "remember …" brings it back without asking. */
  "CREATE TABLE forgotten_memories ("
  "  key TEXT PRIMARY KEY,"
  "  forgotten_at TEXT NOT NULL"
  ") WITHOUT ROWID;",

  /* 8: branches. A message follows its parent_id (the message it
   * answers or comes after; NULL for a conversation's first), so the
   * messages of a conversation are a tree: Regenerate adds a reply
   * beside the one it replaces, which stays with what followed it.
   * Among the children of one parent, one is selected: the alternative
   * the user last chose, remembered while its branch is not shown.
   * active marks the path shown, the chain of selected children from
   * the first message: what the view, the context, export and search
   * read. A child is always written after its parent, so the path's
   * ids grow along it, and a window of the path is a range of ids on
   * (conversation_id, active, id).
   *
   * parent_id is not ON DELETE CASCADE: a long chain would cascade
   * past SQLite's trigger depth; a branch is deleted in one statement.
   * Existing messages follow the one before them. The search index
   * holds only the path. */
  "ALTER TABLE messages ADD COLUMN parent_id INTEGER REFERENCES messages (id);"
  "ALTER TABLE messages ADD COLUMN selected INTEGER NOT NULL DEFAULT 1 CHECK (selected IN (0, 1));"
  "ALTER TABLE messages ADD COLUMN active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1));"
  "UPDATE messages SET parent_id ="
  "  (SELECT max (p.id) FROM messages p"
  "    WHERE p.conversation_id = messages.conversation_id AND p.id < messages.id);"
  "CREATE INDEX messages_by_parent ON messages (parent_id, conversation_id);"
  /* A message written without a parent (by an older writer of the
   * file) follows the end of the path, as it always did. */
  "CREATE TRIGGER messages_follow_path AFTER INSERT ON messages"
  "  WHEN new.parent_id IS NULL AND new.active BEGIN"
  "  UPDATE messages SET parent_id ="
  "    (SELECT max (p.id) FROM messages p"
  "      WHERE p.conversation_id = new.conversation_id AND p.active = 1 AND p.id < new.id)"
  "   WHERE id = new.id;"
  "END;"
  "CREATE INDEX messages_on_path ON messages (conversation_id, active, id);"
  "DROP TRIGGER messages_fts_insert;"
  "DROP TRIGGER messages_fts_delete;"
  "DROP TRIGGER messages_fts_update;"
  "CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages"
  "  WHEN new.status != 'streaming' AND new.active BEGIN"
  "  INSERT INTO messages_fts (rowid, content) VALUES (new.id, new.content);"
  "END;"
  "CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages"
  "  WHEN old.status != 'streaming' AND old.active BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, content) VALUES ('delete', old.id, old.content);"
  "END;"
  "CREATE TRIGGER messages_fts_update AFTER UPDATE OF content, status, active ON messages BEGIN"
  "  INSERT INTO messages_fts (messages_fts, rowid, content)"
  "    SELECT 'delete', old.id, old.content WHERE old.status != 'streaming' AND old.active;"
  "  INSERT INTO messages_fts (rowid, content)"
  "    SELECT new.id, new.content WHERE new.status != 'streaming' AND new.active;"
  "END;",

  /* 9: the task board. SQLite cannot change a CHECK, so the table is
   * made again. Priorities are low, medium (what was 'normal'), high
   * and urgent. due is 'YYYY-MM-DD' for a day, which stays that day in
   * any time zone, or 'YYYY-MM-DDTHH:MM:SSZ' for a moment, in UTC.
   * position is dense, 0 to n-1 in each status, renumbered here by the
   * old position, then by age. A task remembers where it was found
   * (source: the nick of a StewardTaskSource; source_ref: a message id,
   * a file's URI or the text), its repeat rule (an RRULE value), when it
   * was done, and when its reminder was shown for its present due, so a
   * restart does not show it again. */
  "CREATE TABLE tasks_new ("
  "  id INTEGER PRIMARY KEY,"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  notes TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'todo'"
  "    CHECK (status IN ('todo', 'doing', 'done')),"
  "  priority TEXT NOT NULL DEFAULT 'medium'"
  "    CHECK (priority IN ('low', 'medium', 'high', 'urgent')),"
  "  category TEXT NOT NULL DEFAULT '',"
  "  due TEXT CHECK (due IS NULL"
  "    OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'"
  "    OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'),"
  "  rrule TEXT CHECK (rrule IS NULL OR length (rrule) > 0),"
  "  position INTEGER NOT NULL DEFAULT 0 CHECK (position >= 0),"
  "  source TEXT NOT NULL DEFAULT 'none'"
  "    CHECK (source IN ('none', 'message', 'file', 'text')),"
  "  source_ref TEXT,"
  "  reminded_at TEXT,"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  completed_at TEXT"
  ");"
  "INSERT INTO tasks_new (id, title, notes, status, priority, category, due, position,"
  "                       created_at, updated_at, completed_at)"
  "  SELECT id, title, notes, status,"
  "         CASE priority WHEN 'normal' THEN 'medium' ELSE priority END,"
  "         category,"
  "         CASE WHEN due IS NULL THEN NULL"
  "              WHEN due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]' THEN due"
  "              ELSE strftime ('%Y-%m-%dT%H:%M:%SZ', due) END,"
  "         row_number () OVER (PARTITION BY status ORDER BY position, created_at, id) - 1,"
  "         created_at, updated_at,"
  "         CASE status WHEN 'done' THEN updated_at END"
  "    FROM tasks;"
  "DROP TABLE tasks;"
  "ALTER TABLE tasks_new RENAME TO tasks;"
  "CREATE INDEX tasks_by_status ON tasks (status, position);"
  "CREATE INDEX tasks_by_due ON tasks (due) WHERE due IS NOT NULL AND status != 'done';",

  /* 10: a move on the board shifts thousands of positions; with the
   * position in the index each shift rewrote an index entry too, three
   * times the work. The column's order is sorted when asked for. */
  "DROP INDEX tasks_by_status;"
  "CREATE INDEX tasks_by_status ON tasks (status);",

  /* 11: documents. A project has a brief and phases, dense positions 0
   * to n-1, each with the instructions the model drafts it by, its
   * Markdown content and a status (see StewardPhaseStatus); a phase
   * keeps versions numbered from 1 (autosaved_at: its last autosave).
   * The user's templates are phases to copy. A phase's text is also cut
   * into passages of a paragraph or a few (about 120 to 200 words),
   * indexed for drafting a later phase from the most relevant of them;
   * they are cut again whenever the phase's content changes
   * (steward-store-passages.c). Projects made before have no phases:
   * they get those of their template (migration_11_phases ()). */
  "ALTER TABLE projects ADD COLUMN brief TEXT NOT NULL DEFAULT '';"

  "CREATE TABLE templates ("
  "  id INTEGER PRIMARY KEY,"
  "  name TEXT NOT NULL UNIQUE CHECK (length (trim (name)) > 0),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ");"
  "CREATE TABLE template_phases ("
  "  template_id INTEGER NOT NULL REFERENCES templates (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  instructions TEXT NOT NULL DEFAULT '',"
  "  PRIMARY KEY (template_id, position)"
  ") WITHOUT ROWID;"

  "CREATE TABLE phases ("
  "  id INTEGER PRIMARY KEY,"
  "  project_id INTEGER NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  title TEXT NOT NULL CHECK (length (title) > 0),"
  "  instructions TEXT NOT NULL DEFAULT '',"
  "  content TEXT NOT NULL DEFAULT '',"
  "  status TEXT NOT NULL DEFAULT 'not-started'"
  "    CHECK (status IN ('not-started', 'in-progress', 'completed', 'stale')),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  autosaved_at TEXT,"
  "  UNIQUE (project_id, position)"
  ");"

  "CREATE TABLE phase_versions ("
  "  id INTEGER PRIMARY KEY,"
  "  phase_id INTEGER NOT NULL REFERENCES phases (id) ON DELETE CASCADE,"
  "  number INTEGER NOT NULL CHECK (number >= 1),"
  "  content TEXT NOT NULL,"
  "  reason TEXT NOT NULL CHECK (reason IN ('generated', 'saved', 'completed',"
  "                                         'autosave', 'restored', 'imported')),"
  "  created_at TEXT NOT NULL,"
  "  UNIQUE (phase_id, number)"
  ");"
  "CREATE INDEX phase_versions_by_reason ON phase_versions (phase_id, reason, created_at);"

  "CREATE TABLE phase_passages ("
  "  id INTEGER PRIMARY KEY,"
  "  phase_id INTEGER NOT NULL REFERENCES phases (id) ON DELETE CASCADE,"
  "  ordinal INTEGER NOT NULL CHECK (ordinal >= 0),"
  "  text TEXT NOT NULL"
  ");"
  "CREATE INDEX phase_passages_by_phase ON phase_passages (phase_id, ordinal);"
  "CREATE VIRTUAL TABLE phase_passages_fts USING fts5 ("
  "  text, content = 'phase_passages', content_rowid = 'id',"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");"
  "CREATE TRIGGER phase_passages_fts_insert AFTER INSERT ON phase_passages BEGIN"
  "  INSERT INTO phase_passages_fts (rowid, text) VALUES (new.id, new.text);"
  "END;"
  "CREATE TRIGGER phase_passages_fts_delete AFTER DELETE ON phase_passages BEGIN"
  "  INSERT INTO phase_passages_fts (phase_passages_fts, rowid, text) VALUES ('delete', old.id, old.text);"
  "END;",

  /* 12: attachments. A file attached is copied into the data folder's
   * attachments/ under the SHA-256 of its bytes (hash), so the same bytes
   * are one row however often they are attached; what was learnt of
   * them when imported is kept beside (see StewardAttachmentKind): an
   * image's size in pixels, a PDF's pages, an audio file's seconds. A
   * message links to its attachments in order, each under the name the
   * file had when it was attached. Models that can see images, where the
   * user said so. */
  "CREATE TABLE attachments ("
  "  id INTEGER PRIMARY KEY,"
  "  hash TEXT NOT NULL UNIQUE CHECK (length (hash) = 64),"
  "  content_type TEXT NOT NULL,"
  "  kind TEXT NOT NULL CHECK (kind IN ('image', 'audio', 'pdf', 'text')),"
  "  size INTEGER NOT NULL CHECK (size >= 0),"
  "  width INTEGER CHECK (width IS NULL OR width > 0),"
  "  height INTEGER CHECK (height IS NULL OR height > 0),"
  "  pages INTEGER CHECK (pages IS NULL OR pages > 0),"
  "  duration REAL CHECK (duration IS NULL OR duration >= 0),"
  "  created_at TEXT NOT NULL"
  ");"
  "CREATE TABLE message_attachments ("
  "  message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  attachment_id INTEGER NOT NULL REFERENCES attachments (id),"
  "  name TEXT NOT NULL CHECK (length (name) > 0),"
  "  PRIMARY KEY (message_id, position)"
  ") WITHOUT ROWID;"
  "CREATE INDEX message_attachments_by_attachment ON message_attachments (attachment_id);"

  /* Whether a model can see images, where the user said so; any other
   * model is guessed from its name (steward-model-vision.c) */
  "CREATE TABLE model_vision ("
  "  provider TEXT NOT NULL"
  "    REFERENCES providers (name) ON DELETE CASCADE ON UPDATE CASCADE,"
  "  model TEXT NOT NULL CHECK (length (model) > 0),"
  "  vision INTEGER NOT NULL CHECK (vision IN (0, 1)),"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (provider, model)"
  ");",

  /* 13: conversations begun in quick chat. They are conversations like
   * any other, listed with the rest; the mark says where they began,
   * until the user continues one in the main window. */
  "ALTER TABLE conversations ADD COLUMN quick INTEGER NOT NULL DEFAULT 0 CHECK (quick IN (0, 1));",
};

/* 11: the projects made before phases existed get the phases of their
 * template (the general document's when it is not a built-in's name),
 * as a new project would. */
static gboolean
migration_11_phases (StewardStore  *self,
                     GError       **error)
{
  g_autoptr(sqlite3_stmt) projects = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  if (!(projects = _steward_store_prepare (self, "SELECT id, template, created_at FROM projects", error)) ||
      !(insert = _steward_store_prepare (self,
                                         "INSERT INTO phases (project_id, position, title, instructions,"
                                         "                    created_at, updated_at)"
                                         " VALUES (?, ?, ?, ?, ?, ?)",
                                         error)))
    return FALSE;

  while ((rc = sqlite3_step (projects)) == SQLITE_ROW)
    {
      const char *name = (const char *)sqlite3_column_text (projects, 1);
      const StewardBuiltinTemplate *template = _steward_builtin_template_find (name);

      if (template == NULL)
        template = _steward_builtin_template_find ("default");

      for (guint i = 0; i < template->n_phases; i++)
        {
          sqlite3_reset (insert);
          sqlite3_bind_int64 (insert, 1, sqlite3_column_int64 (projects, 0));
          sqlite3_bind_int (insert, 2, i);
          sqlite3_bind_text (insert, 3, _(template->phases[i].title), -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (insert, 4, _(template->phases[i].instructions), -1, SQLITE_TRANSIENT);
          sqlite3_bind_value (insert, 5, sqlite3_column_value (projects, 2));
          sqlite3_bind_value (insert, 6, sqlite3_column_value (projects, 2));

          if (!_steward_store_step_done (self, insert, error))
            return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return FALSE;
    }

  return TRUE;
}

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == STEWARD_STORE_SCHEMA_VERSION);

/* What a migration does besides its SQL, in the same transaction */
static const StewardMigrationStep migration_steps[] = {
  [11 - 1] = migration_11_phases,
};

const char *
_steward_store_get_migration (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}

StewardMigrationStep
_steward_store_get_migration_step (guint version)
{
  g_return_val_if_fail (version >= 1 && version <= G_N_ELEMENTS (migrations), NULL);

  if (version > G_N_ELEMENTS (migration_steps))
    return NULL;

  return migration_steps[version - 1];
}
