/* steward-document-json.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-document-json-private.h"

/* Reading the JSON files of projects and templates: each problem is
 * told as a clause ("“phases” is missing"), which the caller puts in a
 * sentence that names the file. */

JsonObject *
_steward_document_json_open (JsonParser  *parser,
                             const char  *data,
                             gssize       length,
                             const char  *format,
                             gint64       max_version,
                             const char  *not_this_format,
                             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  JsonNode *root;
  JsonNode *node;
  gint64 version;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      /* json-glib quotes what it could not read, which may not be
       * UTF-8 */
      g_autofree char *valid = g_utf8_make_valid (local_error->message, -1);
      const char *fault = valid;

      /* json-glib names the text it read "<data>": the file is named
       * already */
      if (g_str_has_prefix (fault, "<data>:"))
        fault += strlen ("<data>:");

      /* Translators: %s is the JSON parser's own description of the
       * fault, starting with its line and column ("1:3: Parse error: …") */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("it is not valid JSON (%s)"), fault);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, not_this_format);
      return NULL;
    }

  object = json_node_get_object (root);
  node = json_object_get_member (object, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      g_strcmp0 (json_node_get_string (node), format) != 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, not_this_format);
      return NULL;
    }

  if (!_steward_document_json_get_int (object, "version", &version, error))
    return NULL;

  if (version > max_version || version < 1)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                           _("it was written by a newer version of Steward"));
      return NULL;
    }

  return object;
}

const char *
_steward_document_json_get_string (JsonObject  *object,
                                   const char  *member,
                                   gboolean     optional,
                                   GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (optional)
        return "";

      /* Translators: %s is the name of a JSON member, such as “title” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is missing"), member);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      /* Translators: %s is the name of a JSON member, such as “title” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not text"), member);
      return NULL;
    }

  /* json-glib lets an escaped lone surrogate ("\ud800") through as
   * bytes that are not UTF-8 */
  if (!g_utf8_validate (json_node_get_string (node), -1, NULL))
    {
      /* Translators: %s is the name of a JSON member, such as “title” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not valid text"), member);
      return NULL;
    }

  if (!optional && *json_node_get_string (node) == '\0')
    {
      /* Translators: %s is the name of a JSON member, such as “title” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is empty"), member);
      return NULL;
    }

  return json_node_get_string (node);
}

JsonArray *
_steward_document_json_get_array (JsonObject  *object,
                                  const char  *member,
                                  GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      /* Translators: %s is the name of a JSON member, such as “phases” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a list"), member);
      return NULL;
    }

  return json_node_get_array (node);
}

gboolean
_steward_document_json_get_int (JsonObject  *object,
                                const char  *member,
                                gint64      *value,
                                GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      /* Translators: %s is the name of a JSON member, such as “version” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a whole number"), member);
      return FALSE;
    }

  *value = json_node_get_int (node);

  return TRUE;
}

gboolean
_steward_document_json_get_time (JsonObject  *object,
                                 const char  *member,
                                 gboolean     optional,
                                 GDateTime  **time,
                                 GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *time = NULL;

  if (optional && (node == NULL || JSON_NODE_HOLDS_NULL (node)))
    return TRUE;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !(*time = g_date_time_new_from_iso8601 (json_node_get_string (node), NULL)))
    {
      /* Translators: %s is the name of a JSON member, such as “created_at” */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a time"), member);
      return FALSE;
    }

  return TRUE;
}

gboolean
_steward_document_json_save (GFile       *file,
                             const char  *json,
                             GError     **error)
{
  /* g_file_replace_contents() writes a temporary file and renames it
   * over @file, so a failure never leaves half a file. */
  return g_file_replace_contents (file, json, strlen (json), NULL, FALSE,
                                  G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, error);
}

void
_steward_document_json_refuse (GError                  **error,
                               GFile                    *file,
                               StewardDocumentJsonKind   kind,
                               const GError             *reason)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *clause = NULL;
  const char *message = reason->message;
  GIOErrorEnum code = G_IO_ERROR_INVALID_DATA;

  /* A reason from GIO is a sentence of its own ("Error opening file
   * …: No such file or directory"): keep only its end, as a clause. */
  if (reason->domain == G_IO_ERROR)
    code = reason->code;
  if (reason->domain == G_IO_ERROR && reason->code != G_IO_ERROR_INVALID_DATA)
    {
      const char *colon = strrchr (message, ':');
      const char *rest = colon ? colon + 1 : message;

      while (*rest == ' ')
        rest++;
      if (*rest == '\0')
        rest = message;

      /* GIO's own words, as the other commands show them ("Could not
       * read “notes.txt”: No such file or directory.") */
      clause = g_strdup (rest);
      g_strchomp (clause);
      if (g_str_has_suffix (clause, "."))
        clause[strlen (clause) - 1] = '\0';
      message = clause;
    }

  if (kind == STEWARD_DOCUMENT_JSON_TEMPLATE)
    /* Translators: the first %s is a file's name, the second why it is refused */
    g_set_error (error, G_IO_ERROR, code, _("The template file “%s” cannot be imported: %s."), name, message);
  else
    /* Translators: the first %s is a file's name, the second why it is refused */
    g_set_error (error, G_IO_ERROR, code, _("The project file “%s” cannot be imported: %s."), name, message);
}
