/* replay-multipart.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-replay"

#include "config.h"

#include "replay-multipart.h"

/* A multipart/form-data request (an audio upload to
 * /audio/transcriptions) as the log shows it and the router reads it:
 *
 *   {"parts": ["file", "model", …],            the field names, in order
 *    "fields": {"model": "whisper-1", …},      the text fields
 *    "files": [{"name", "filename", "content_type", "size", "sha256"}]}
 *
 * Files are summed up rather than copied, so a test checks that the
 * bytes came through intact without a log of megabytes.
 */

static void
describe_file (JsonBuilder        *builder,
               const char         *name,
               const char         *filename,
               SoupMessageHeaders *headers,
               GBytes             *data)
{
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, data);
  const char *content_type = soup_message_headers_get_content_type (headers, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "filename");
  json_builder_add_string_value (builder, filename);
  json_builder_set_member_name (builder, "content_type");
  if (content_type != NULL)
    json_builder_add_string_value (builder, content_type);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, (gint64)g_bytes_get_size (data));
  json_builder_set_member_name (builder, "sha256");
  json_builder_add_string_value (builder, sha256);
  json_builder_end_object (builder);
}

/* Returns NULL when @msg is not multipart/form-data. */
JsonNode *
replay_multipart_describe (SoupServerMessage *msg,
                           GBytes            *body)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (msg);
  g_autoptr(SoupMultipart) multipart = NULL;
  g_autoptr(JsonBuilder) parts = json_builder_new ();
  g_autoptr(JsonBuilder) fields = json_builder_new ();
  g_autoptr(JsonBuilder) files = json_builder_new ();
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  const char *content_type;
  int n_parts;

  content_type = soup_message_headers_get_content_type (request_headers, NULL);
  if (content_type == NULL || g_ascii_strcasecmp (content_type, "multipart/form-data") != 0)
    return NULL;

  multipart = soup_multipart_new_from_message (request_headers, body);
  if (multipart == NULL)
    return json_node_init_string (json_node_alloc (), "(a multipart body that cannot be read)");

  json_builder_begin_array (parts);
  json_builder_begin_object (fields);
  json_builder_begin_array (files);

  n_parts = soup_multipart_get_length (multipart);
  for (int i = 0; i < n_parts; i++)
    {
      g_autoptr(GHashTable) params = NULL;
      SoupMessageHeaders *headers;
      GBytes *data;
      const char *name;
      const char *filename;

      if (!soup_multipart_get_part (multipart, i, &headers, &data) ||
          !soup_message_headers_get_content_disposition (headers, NULL, &params))
        continue;

      name = g_hash_table_lookup (params, "name");
      filename = g_hash_table_lookup (params, "filename");
      if (name == NULL)
        continue;

      json_builder_add_string_value (parts, name);
      if (filename != NULL)
        describe_file (files, name, filename, headers, data);
      else
        {
          gsize len;
          const char *text = g_bytes_get_data (data, &len);
          g_autofree char *value = g_utf8_make_valid (text ? text : "", len);

          json_builder_set_member_name (fields, name);
          json_builder_add_string_value (fields, value);
        }
    }

  json_builder_end_array (parts);
  json_builder_end_object (fields);
  json_builder_end_array (files);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "parts");
  json_builder_add_value (builder, json_builder_get_root (parts));
  json_builder_set_member_name (builder, "fields");
  json_builder_add_value (builder, json_builder_get_root (fields));
  json_builder_set_member_name (builder, "files");
  json_builder_add_value (builder, json_builder_get_root (files));
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}
