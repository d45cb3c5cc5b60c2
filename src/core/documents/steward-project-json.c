/* steward-project-json.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steward-document-json-private.h"
#include "steward-enum-types.h"
#include "steward-phase-private.h"
#include "steward-phase-version-private.h"
#include "steward-project-json.h"
#include "steward-project-private.h"

/* A whole project as JSON (the format is in steward-project-json.h):
 * written from the store, read back into a new project that is the same
 * in everything but its ids. */

static void
add_time (JsonBuilder *builder,
          const char  *member,
          GDateTime   *time)
{
  json_builder_set_member_name (builder, member);

  if (time == NULL)
    {
      json_builder_add_null_value (builder);
    }
  else
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (time);
      g_autofree char *seconds = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%S");
      g_autofree char *text = g_strdup_printf ("%s.%03dZ", seconds, g_date_time_get_microsecond (utc) / 1000);

      json_builder_add_string_value (builder, text);
    }
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

static gboolean
add_phase (JsonBuilder   *builder,
           StewardStore  *store,
           StewardPhase  *phase,
           GError       **error)
{
  g_autoptr(GListModel) versions = NULL;
  guint n_versions;

  if (!(versions = steward_store_list_phase_versions (store, steward_phase_get_id (phase), error)))
    return FALSE;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "number");
  json_builder_add_int_value (builder, steward_phase_get_number (phase));
  add_string (builder, "title", steward_phase_get_title (phase));
  add_string (builder, "instructions", steward_phase_get_instructions (phase));
  add_string (builder, "content", steward_phase_get_content (phase));
  add_string (builder, "status", steward_enum_to_nick (STEWARD_TYPE_PHASE_STATUS, steward_phase_get_status (phase)));
  add_time (builder, "created_at", steward_phase_get_created_at (phase));
  add_time (builder, "updated_at", steward_phase_get_updated_at (phase));
  add_time (builder, "autosaved_at", steward_phase_get_autosaved_at (phase));

  /* The store lists the latest first; the file has the oldest first */
  json_builder_set_member_name (builder, "versions");
  json_builder_begin_array (builder);
  n_versions = g_list_model_get_n_items (versions);
  for (guint i = n_versions; i > 0; i--)
    {
      g_autoptr(StewardPhaseVersion) version = g_list_model_get_item (versions, i - 1);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "number");
      json_builder_add_int_value (builder, steward_phase_version_get_number (version));
      add_string (builder, "reason",
                  steward_enum_to_nick (STEWARD_TYPE_VERSION_REASON, steward_phase_version_get_reason (version)));
      add_string (builder, "content", steward_phase_version_get_content (version));
      add_time (builder, "created_at", steward_phase_version_get_created_at (version));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_end_object (builder);

  return TRUE;
}

/**
 * steward_project_json_dup:
 *
 * Returns: (transfer full): the project with its phases and versions as
 *   JSON, or %NULL with @error set
 */
char *
steward_project_json_dup (StewardStore  *store,
                          gint64         project_id,
                          GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GListModel) phases = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  if (!(project = steward_store_find_project (store, project_id, error)) ||
      !(phases = steward_store_list_phases (store, project_id, error)))
    return NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", STEWARD_PROJECT_JSON_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STEWARD_PROJECT_JSON_VERSION);
  add_string (builder, "name", steward_project_get_name (project));
  add_string (builder, "template", steward_project_get_template (project));
  add_string (builder, "brief", steward_project_get_brief (project));
  add_time (builder, "created_at", steward_project_get_created_at (project));
  add_time (builder, "updated_at", steward_project_get_updated_at (project));

  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      if (!add_phase (builder, store, phase, error))
        return NULL;
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

gboolean
steward_project_json_save_file (StewardStore  *store,
                                gint64         project_id,
                                GFile         *file,
                                GError       **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!(json = steward_project_json_dup (store, project_id, error)))
    return FALSE;

  return _steward_document_json_save (file, json, error);
}

static gboolean
read_enum (JsonObject  *object,
           const char  *member,
           GType        enum_type,
           int         *value,
           GError     **error)
{
  const char *nick;

  if (!(nick = _steward_document_json_get_string (object, member, FALSE, error)))
    return FALSE;

  if (!steward_enum_from_nick (enum_type, nick, value))
    {
      /* Translators: the first %s is a value, the second the name of a JSON member */
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("“%s” is not a known %s"), nick, member);
      return FALSE;
    }

  return TRUE;
}

static GPtrArray *
read_versions (JsonObject  *object,
               GError     **error)
{
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);
  JsonArray *array;

  /* A project written by hand may leave the history out */
  if (!json_object_has_member (object, "versions"))
    return g_steal_pointer (&versions);

  if (!(array = _steward_document_json_get_array (object, "versions", error)))
    return NULL;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(GDateTime) created_at = NULL;
      JsonObject *version;
      const char *content;
      gint64 number;
      int reason;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a version is not an object"));
          return NULL;
        }

      version = json_node_get_object (node);

      if (!_steward_document_json_get_int (version, "number", &number, error) ||
          !read_enum (version, "reason", STEWARD_TYPE_VERSION_REASON, &reason, error) ||
          !(content = _steward_document_json_get_string (version, "content", TRUE, error)) ||
          !_steward_document_json_get_time (version, "created_at", FALSE, &created_at, error))
        return NULL;

      if (number < 1 || number > G_MAXINT)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a version's number is not 1 or more"));
          return NULL;
        }

      if (!g_hash_table_add (numbers, GINT_TO_POINTER ((int)number)))
        {
          /* Translators: %d is a version's number */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("a phase has two versions %d"), (int)number);
          return NULL;
        }

      g_ptr_array_add (versions, _steward_phase_version_new (0, 0, number, reason, content, created_at));
    }

  return g_steal_pointer (&versions);
}

static StewardPhase *
read_phase (JsonObject  *object,
            guint        position,
            GError     **error)
{
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autoptr(GDateTime) autosaved_at = NULL;
  const char *title;
  const char *instructions;
  const char *content;
  int status;

  if (!(title = _steward_document_json_get_string (object, "title", FALSE, error)) ||
      !(instructions = _steward_document_json_get_string (object, "instructions", TRUE, error)) ||
      !(content = _steward_document_json_get_string (object, "content", TRUE, error)) ||
      !read_enum (object, "status", STEWARD_TYPE_PHASE_STATUS, &status, error) ||
      !_steward_document_json_get_time (object, "created_at", FALSE, &created_at, error) ||
      !_steward_document_json_get_time (object, "updated_at", FALSE, &updated_at, error) ||
      !_steward_document_json_get_time (object, "autosaved_at", TRUE, &autosaved_at, error))
    return NULL;

  return _steward_phase_new (0, 0, position, title, instructions, content, status,
                             &(StewardPhaseTimes) { created_at, updated_at, autosaved_at });
}

/**
 * steward_project_json_import:
 *
 * Returns: the new project's id, or 0 with @error set: a clause saying
 *   why @data is refused (G_IO_ERROR_INVALID_DATA), or the store's error
 */
gint64
steward_project_json_import (StewardStore  *store,
                             const char    *data,
                             gssize         length,
                             GError       **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) phases = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  g_autoptr(GDateTime) created_at = NULL;
  g_autoptr(GDateTime) updated_at = NULL;
  g_autoptr(StewardProject) project = NULL;
  JsonObject *object;
  JsonArray *array;
  const char *name;
  const char *template;
  const char *brief;

  g_return_val_if_fail (STEWARD_IS_STORE (store), 0);
  g_return_val_if_fail (data != NULL, 0);

  if (!(object = _steward_document_json_open (parser, data, length, STEWARD_PROJECT_JSON_FORMAT,
                                               STEWARD_PROJECT_JSON_VERSION,
                                               _("it is not a Steward document project"), error)) ||
      !(name = _steward_document_json_get_string (object, "name", FALSE, error)) ||
      !(template = _steward_document_json_get_string (object, "template", TRUE, error)) ||
      !(brief = _steward_document_json_get_string (object, "brief", TRUE, error)) ||
      !_steward_document_json_get_time (object, "created_at", FALSE, &created_at, error) ||
      !_steward_document_json_get_time (object, "updated_at", FALSE, &updated_at, error) ||
      !(array = _steward_document_json_get_array (object, "phases", error)))
    return 0;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      StewardPhase *phase;
      GPtrArray *phase_versions;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          /* Translators: %u is a phase's number */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("phase %u is not an object"), i + 1);
          return 0;
        }

      if (!(phase = read_phase (json_node_get_object (node), i, error)))
        return 0;
      g_ptr_array_add (phases, phase);

      if (!(phase_versions = read_versions (json_node_get_object (node), error)))
        return 0;
      g_ptr_array_add (versions, phase_versions);
    }

  project = _steward_project_new (0, name, *template ? template : "default", brief, created_at, updated_at);

  return steward_store_insert_project (store, project, phases, versions, error);
}

/**
 * steward_project_json_import_file:
 *
 * Returns: the new project's id, or 0 with @error naming @file and
 *   saying why it is refused
 */
gint64
steward_project_json_import_file (StewardStore  *store,
                                  GFile         *file,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  gsize length;
  gint64 id;

  g_return_val_if_fail (STEWARD_IS_STORE (store), 0);
  g_return_val_if_fail (G_IS_FILE (file), 0);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error))
    {
      _steward_document_json_refuse (error, file, STEWARD_DOCUMENT_JSON_PROJECT, local_error);
      return 0;
    }

  if (!(id = steward_project_json_import (store, data, length, &local_error)))
    {
      if (local_error->domain == G_IO_ERROR)
        _steward_document_json_refuse (error, file, STEWARD_DOCUMENT_JSON_PROJECT, local_error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return 0;
    }

  return id;
}
