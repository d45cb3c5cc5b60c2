/* steward-store-attachments.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steward-attachment-import.h"
#include "steward-attachment-private.h"
#include "steward-enum-types.h"
#include "steward-message-private.h"
#include "steward-store-private.h"

/* The files attached to messages: one row per content (its hash), linked
 * to each message that carries it under the name it had then. The files
 * themselves are in the data folder's attachments/, named by hash (see
 * steward-attachment-import.h). A message read from the store has its
 * attachments with it: MESSAGE_COLUMNS in steward-store-chat.c selects
 * them as one JSON array, in order, which _steward_store_attachments_from_json ()
 * turns into objects. */

GFile *
steward_store_dup_attachments_dir (StewardStore *self)
{
  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  return steward_attachment_dup_directory (steward_store_get_data_dir (self));
}

static void
bind_count_or_null (sqlite3_stmt *stmt,
                    int           column,
                    guint         value)
{
  if (value > 0)
    sqlite3_bind_int64 (stmt, column, value);
  else
    sqlite3_bind_null (stmt, column);
}

/* The row of @attachment's content, added when new */
static gint64
upsert_attachment (StewardStore       *self,
                   StewardAttachment  *attachment,
                   GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  double duration = steward_attachment_get_duration (attachment);
  gint64 id = 0;

  stmt = _steward_store_prepare (self,
                                 "INSERT INTO attachments (hash, content_type, kind, size, width, height,"
                                 "                         pages, duration, created_at)"
                                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, " STEWARD_STORE_NOW_SQL ")"
                                 " ON CONFLICT (hash) DO UPDATE SET"
                                 "   duration = coalesce (attachments.duration, excluded.duration)"
                                 " RETURNING id",
                                 error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, steward_attachment_get_hash (attachment), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, steward_attachment_get_content_type (attachment), -1, SQLITE_TRANSIENT);
  _steward_store_bind_enum (stmt, 3, STEWARD_TYPE_ATTACHMENT_KIND, steward_attachment_get_kind (attachment));
  sqlite3_bind_int64 (stmt, 4, (sqlite3_int64) steward_attachment_get_size (attachment));
  bind_count_or_null (stmt, 5, steward_attachment_get_width (attachment));
  bind_count_or_null (stmt, 6, steward_attachment_get_height (attachment));
  bind_count_or_null (stmt, 7, steward_attachment_get_n_pages (attachment));
  if (duration > 0)
    sqlite3_bind_double (stmt, 8, duration);

  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  if (id == 0 || sqlite3_step (stmt) != SQLITE_DONE)
    {
      _steward_store_set_sql_error (self, error);
      return 0;
    }

  return id;
}

/**
 * steward_store_add_attachments:
 * @attachments: (element-type StewardAttachment): imported attachments
 *   (steward_attachment_import_file())
 *
 * Links @attachments to the message @message_id, after those it has,
 * all or none. The message's live object takes them, and the message is
 * told changed.
 *
 * Returns: %FALSE with @error set when it failed
 */
gboolean
steward_store_add_attachments (StewardStore  *self,
                               gint64         message_id,
                               GPtrArray     *attachments,
                               GError       **error)
{
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(sqlite3_stmt) link = NULL;
  g_autoptr(GPtrArray) linked = NULL;
  GListModel *had;

  g_return_val_if_fail (STEWARD_IS_STORE (self), FALSE);
  g_return_val_if_fail (attachments != NULL, FALSE);

  for (guint i = 0; i < attachments->len; i++)
    g_return_val_if_fail (STEWARD_IS_ATTACHMENT (g_ptr_array_index (attachments, i)), FALSE);

  if (attachments->len == 0)
    return TRUE;

  if (!(message = steward_store_find_message (self, message_id, error)))
    return FALSE;

  link = _steward_store_prepare (self,
                                 "INSERT INTO message_attachments (message_id, position, attachment_id, name)"
                                 " VALUES (?1, (SELECT count (*) FROM message_attachments WHERE message_id = ?1),"
                                 "         ?2, ?3)",
                                 error);
  if (link == NULL || !_steward_store_savepoint_begin (self, "attachments", error))
    return FALSE;

  /* What the live message will carry: what it had, then these */
  linked = g_ptr_array_new_with_free_func (g_object_unref);
  had = steward_message_get_attachments (message);
  for (guint i = 0; i < g_list_model_get_n_items (had); i++)
    g_ptr_array_add (linked, g_list_model_get_item (had, i));

  for (guint i = 0; i < attachments->len; i++)
    {
      StewardAttachment *attachment = g_ptr_array_index (attachments, i);
      gint64 id;

      if (!(id = upsert_attachment (self, attachment, error)))
        {
          _steward_store_savepoint_roll_back (self, "attachments");
          return FALSE;
        }

      sqlite3_reset (link);
      sqlite3_bind_int64 (link, 1, message_id);
      sqlite3_bind_int64 (link, 2, id);
      sqlite3_bind_text (link, 3, steward_attachment_get_name (attachment), -1, SQLITE_TRANSIENT);
      if (!_steward_store_step_done (self, link, error))
        {
          _steward_store_savepoint_roll_back (self, "attachments");
          return FALSE;
        }

      g_ptr_array_add (linked, _steward_attachment_with_id (attachment, id));
    }

  if (!_steward_store_savepoint_release (self, "attachments", error))
    {
      _steward_store_savepoint_roll_back (self, "attachments");
      return FALSE;
    }

  /* @message is the live object, if there is one */
  _steward_message_set_attachments (message, linked);

  _steward_store_emit_row_changed (self, STEWARD_TABLE_MESSAGES, STEWARD_ROW_CHANGED,
                                   message_id, steward_message_get_conversation_id (message));

  return TRUE;
}

/**
 * steward_store_list_attachments:
 *
 * Returns: (transfer full) (element-type StewardAttachment): the
 *   attachments of the message @message_id in order, or %NULL with
 *   @error set
 */
GPtrArray *
steward_store_list_attachments (StewardStore  *self,
                                gint64         message_id,
                                GError       **error)
{
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;

  g_return_val_if_fail (STEWARD_IS_STORE (self), NULL);

  if (!(message = steward_store_find_message (self, message_id, error)))
    return NULL;

  list = steward_message_get_attachments (message);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    g_ptr_array_add (attachments, g_list_model_get_item (list, i));

  return g_steal_pointer (&attachments);
}

/* The folder of the attachments of the database @stmt reads */
static GFile *
attachments_dir_of (sqlite3_stmt *stmt)
{
  const char *db_path = sqlite3_db_filename (sqlite3_db_handle (stmt), "main");
  g_autofree char *data_dir = NULL;

  data_dir = g_path_get_dirname (db_path != NULL && *db_path != '\0' ? db_path : ".");

  return steward_attachment_dup_directory (data_dir);
}

static guint
element_count (JsonArray *row,
               guint      index)
{
  JsonNode *node = json_array_get_element (row, index);

  if (JSON_NODE_HOLDS_NULL (node))
    return 0;

  return (guint) CLAMP (json_node_get_int (node), 0, G_MAXUINT);
}

static StewardAttachment *
attachment_from_row (JsonArray *row,
                     GFile     *directory)
{
  g_autoptr(GFile) copy = NULL;
  StewardAttachmentFields fields = { 0 };
  int kind = STEWARD_ATTACHMENT_KIND_TEXT;
  JsonNode *duration;

  if (json_array_get_length (row) < 10)
    return NULL;

  fields.id = json_array_get_int_element (row, 0);
  fields.hash = json_array_get_string_element (row, 1);
  fields.name = json_array_get_string_element (row, 2);
  fields.content_type = json_array_get_string_element (row, 3);
  steward_enum_from_nick (STEWARD_TYPE_ATTACHMENT_KIND, json_array_get_string_element (row, 4), &kind);
  fields.kind = kind;
  fields.size = (guint64) MAX (json_array_get_int_element (row, 5), 0);
  fields.width = element_count (row, 6);
  fields.height = element_count (row, 7);
  fields.n_pages = element_count (row, 8);
  duration = json_array_get_element (row, 9);
  fields.duration = JSON_NODE_HOLDS_NULL (duration) ? 0 : json_node_get_double (duration);

  if (fields.hash == NULL)
    return NULL;

  copy = g_file_get_child (directory, fields.hash);
  fields.file = copy;

  return _steward_attachment_new (&fields);
}

/* (transfer full) (nullable): the attachments in @column, a JSON array
 * of [id, hash, name, content_type, kind, size, width, height, pages,
 * duration] arrays; NULL when there are none */
GPtrArray *
_steward_store_attachments_from_json (sqlite3_stmt *stmt,
                                      int           column)
{
  const char *json = (const char *) sqlite3_column_text (stmt, column);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GFile) directory = NULL;
  JsonNode *root;
  JsonArray *rows;

  /* Most messages have none: "[]" */
  if (json == NULL || sqlite3_column_bytes (stmt, column) <= 2)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return NULL;

  rows = json_node_get_array (root);
  directory = attachments_dir_of (stmt);
  attachments = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      StewardAttachment *attachment;

      if (JSON_NODE_HOLDS_ARRAY (node) &&
          (attachment = attachment_from_row (json_node_get_array (node), directory)) != NULL)
        g_ptr_array_add (attachments, attachment);
    }

  return g_steal_pointer (&attachments);
}
