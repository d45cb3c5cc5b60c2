/* replay-log.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-replay"

#include "config.h"

#include <errno.h>

#include "replay-log.h"

/* Appends one JSON line for the request to @log_file and flushes it: tests
 * read the log while the server runs.
 */
void
replay_log_request (FILE              *log_file,
                    SoupServerMessage *msg,
                    JsonNode          *body)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autofree char *line = NULL;
  g_autofree char *path = NULL;
  SoupMessageHeadersIter iter;
  const char *name;
  const char *value;
  GUri *uri;

  g_return_if_fail (log_file != NULL);
  g_return_if_fail (SOUP_IS_SERVER_MESSAGE (msg));

  uri = soup_server_message_get_uri (msg);
  if (g_uri_get_query (uri) != NULL)
    path = g_strconcat (g_uri_get_path (uri), "?", g_uri_get_query (uri), NULL);
  else
    path = g_strdup (g_uri_get_path (uri));

  /* Repeated headers are folded into one, as HTTP allows. */
  seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  order = g_ptr_array_new ();
  soup_message_headers_iter_init (&iter, soup_server_message_get_request_headers (msg));
  while (soup_message_headers_iter_next (&iter, &name, &value))
    {
      g_autofree char *lower = g_ascii_strdown (name, -1);
      const char *previous = g_hash_table_lookup (seen, lower);

      if (previous == NULL)
        {
          g_ptr_array_add (order, lower);
          g_hash_table_insert (seen, g_steal_pointer (&lower), g_strdup (value));
        }
      else
        g_hash_table_insert (seen, g_steal_pointer (&lower),
                             g_strconcat (previous, ", ", value, NULL));
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "method");
  json_builder_add_string_value (builder, soup_server_message_get_method (msg));
  json_builder_set_member_name (builder, "path");
  json_builder_add_string_value (builder, path);
  json_builder_set_member_name (builder, "headers");
  json_builder_begin_object (builder);
  for (guint i = 0; i < order->len; i++)
    {
      const char *key = g_ptr_array_index (order, i);

      json_builder_set_member_name (builder, key);
      json_builder_add_string_value (builder, g_hash_table_lookup (seen, key));
    }
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "body");
  if (body != NULL)
    json_builder_add_value (builder, json_node_copy (body));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  line = json_generator_to_data (generator, NULL);

  if (fprintf (log_file, "%s\n", line) < 0 || fflush (log_file) != 0)
    g_warning ("Could not write the request log: %s", g_strerror (errno));
}
