/* steward-template-json.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-templates"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steward-document-json-private.h"
#include "steward-template-json.h"
#include "steward-templates.h"

/**
 * steward_template_to_json:
 *
 * Returns: (transfer full): @template in the format described in
 *   steward-template-json.h, pretty-printed
 */
char *
steward_template_to_json (StewardTemplate *template)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, STEWARD_TEMPLATE_JSON_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, STEWARD_TEMPLATE_JSON_VERSION);
  json_builder_set_member_name (builder, "name");
  /* A built-in is shared under the title its user reads: imported, it
   * becomes the user's own under that name. */
  json_builder_add_string_value (builder, steward_template_get_builtin (template)
                                          ? steward_template_get_title (template)
                                          : steward_template_get_name (template));
  json_builder_set_member_name (builder, "description");
  json_builder_add_string_value (builder, steward_template_get_description (template));
  json_builder_set_member_name (builder, "phases");
  json_builder_begin_array (builder);
  for (guint i = 0; i < steward_template_get_n_phases (template); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, steward_template_get_phase_title (template, i));
      json_builder_set_member_name (builder, "instructions");
      json_builder_add_string_value (builder, steward_template_get_phase_instructions (template, i));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);

  return json_generator_to_data (generator, NULL);
}

/**
 * steward_template_new_from_json:
 *
 * Returns: (transfer full): the template @data describes, or %NULL with
 *   @error (G_IO_ERROR_INVALID_DATA) saying why it is refused, as a
 *   clause ("it is not a Steward template")
 */
StewardTemplate *
steward_template_new_from_json (const char  *data,
                                gssize       length,
                                GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(StewardTemplate) template = NULL;
  JsonObject *object;
  JsonArray *phases;
  const char *name;
  const char *description;

  g_return_val_if_fail (data != NULL, NULL);

  if (!(object = _steward_document_json_open (parser, data, length, STEWARD_TEMPLATE_JSON_FORMAT,
                                               STEWARD_TEMPLATE_JSON_VERSION,
                                               _("it is not a Steward template"), error)))
    return NULL;

  if (!(name = _steward_document_json_get_string (object, "name", FALSE, error)) ||
      !(description = _steward_document_json_get_string (object, "description", TRUE, error)) ||
      !(phases = _steward_document_json_get_array (object, "phases", error)))
    return NULL;

  if (json_array_get_length (phases) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("it has no phases"));
      return NULL;
    }

  template = steward_template_new (name, NULL, description, FALSE);

  for (guint i = 0; i < json_array_get_length (phases); i++)
    {
      JsonNode *node = json_array_get_element (phases, i);
      const char *title;
      const char *instructions;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          /* Translators: %u is a phase's number */
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("phase %u is not an object"), i + 1);
          return NULL;
        }

      if (!(title = _steward_document_json_get_string (json_node_get_object (node), "title", FALSE, error)) ||
          !(instructions = _steward_document_json_get_string (json_node_get_object (node), "instructions",
                                                              TRUE, error)))
        return NULL;

      steward_template_add_phase (template, title, instructions);
    }

  return g_steal_pointer (&template);
}

/**
 * steward_template_save_file:
 *
 * Writes @template to @file, whole or not at all (through a temporary
 * file renamed over it).
 */
gboolean
steward_template_save_file (StewardTemplate  *template,
                            GFile            *file,
                            GError          **error)
{
  g_autofree char *json = NULL;

  g_return_val_if_fail (STEWARD_IS_TEMPLATE (template), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  json = steward_template_to_json (template);

  return _steward_document_json_save (file, json, error);
}

/**
 * steward_template_load_file:
 *
 * Returns: (transfer full): the template in @file, or %NULL with @error
 *   naming the file and saying why it is refused
 */
StewardTemplate *
steward_template_load_file (GFile   *file,
                            GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  StewardTemplate *template;
  gsize length;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local_error) ||
      !(template = steward_template_new_from_json (data, length, &local_error)))
    {
      _steward_document_json_refuse (error, file, STEWARD_DOCUMENT_JSON_TEMPLATE, local_error);
      return NULL;
    }

  return template;
}

/**
 * steward_templates_import_file:
 *
 * Returns: (transfer full): the template read from @file and kept as
 *   one of the user's, or %NULL with @error set
 */
StewardTemplate *
steward_templates_import_file (StewardStore  *store,
                               GFile         *file,
                               gboolean       replace,
                               GError       **error)
{
  g_autoptr(StewardTemplate) template = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);

  if (!(template = steward_template_load_file (file, error)) ||
      !steward_templates_add (store, template, replace, error))
    return NULL;

  return g_steal_pointer (&template);
}
