/* replay-fixture.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>

#include "replay-fixture.h"

void
replay_fixture_set_up (ReplayFixture *fixture,
                       const char    *data_dir,
                       const char    *kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(StewardProvider) provider = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("STEWARD_FIXTURES_DIR"), kind, NULL);
  g_autofree char *port = NULL;
  const char *server = g_getenv ("STEWARD_REPLAY_SERVER");

  g_assert_nonnull (server);
  g_setenv (REPLAY_KEY_ENV, "sk-replay-test-key", TRUE);

  fixture->log_path = g_build_filename (data_dir, "requests.jsonl", NULL);
  fixture->server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                      server, "--fixtures", dir, "--port", "0",
                                      "--log", fixture->log_path, NULL);
  g_assert_no_error (error);

  /* The port is the first line it prints. */
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (fixture->server));
  port = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (port);
  fixture->base_url = g_strdup_printf ("http://127.0.0.1:%s%s", port, g_str_equal (kind, "openai") ? "/v1" : "");

  fixture->services = steward_services_new ();
  g_assert_true (steward_services_open (fixture->services, data_dir, &error));
  g_assert_no_error (error);

  provider = steward_provider_new (kind, "Replay", &error);
  g_assert_no_error (error);
  steward_provider_set_base_url (provider, fixture->base_url);
  steward_provider_set_model (provider, "some-default");
  if (!g_str_equal (kind, "ollama"))
    steward_provider_set_api_key_env (provider, REPLAY_KEY_ENV);
  g_assert_true (steward_provider_registry_add (steward_services_get_providers (fixture->services),
                                               provider, NULL, &error));
  g_assert_no_error (error);
}

void
replay_fixture_tear_down (ReplayFixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (g_steal_pointer (&fixture->services));

  g_subprocess_send_signal (fixture->server, SIGTERM);
  g_assert_true (g_subprocess_wait (fixture->server, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (fixture->server));
  g_assert_cmpint (g_subprocess_get_exit_status (fixture->server), ==, 0);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->log_path, g_free);
  g_clear_pointer (&fixture->base_url, g_free);
}

void
replay_fixture_set_tier (ReplayFixture *fixture,
                         const char    *tier,
                         const char    *model)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_store_set_tier (steward_services_get_store (fixture->services),
                                         tier, "Replay", model, &error));
  g_assert_no_error (error);
}

static GStrv
read_log (ReplayFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *log = NULL;

  if (!g_file_get_contents (fixture->log_path, &log, NULL, &error))
    {
      g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
      return g_new0 (char *, 1);
    }

  return g_strsplit (g_strchomp (log), "\n", -1);
}

guint
replay_fixture_n_requests (ReplayFixture *fixture)
{
  g_auto(GStrv) lines = read_log (fixture);

  return lines[0] != NULL && lines[0][0] != '\0' ? g_strv_length (lines) : 0;
}

JsonNode *
replay_fixture_request (ReplayFixture *fixture,
                        int            index)
{
  g_auto(GStrv) lines = read_log (fixture);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  guint n = g_strv_length (lines);
  guint at = index < 0 ? n - 1 : (guint)index;

  g_assert_cmpuint (at, <, n);
  json_parser_load_from_data (parser, lines[at], -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

/* Every string in @node, depth first, a line each. */
static void
append_strings (GString  *out,
                JsonNode *node)
{
  if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_string_append (out, json_node_get_string (node));
      g_string_append_c (out, '\n');
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        append_strings (out, json_array_get_element (array, i));
    }
  else if (JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(GList) members = json_object_get_values (json_node_get_object (node));

      for (GList *l = members; l != NULL; l = l->next)
        append_strings (out, l->data);
    }
}

char *
replay_fixture_request_text (ReplayFixture *fixture,
                             int            index)
{
  g_autoptr(JsonNode) request = replay_fixture_request (fixture, index);
  JsonObject *object = json_node_get_object (request);
  GString *out = g_string_new (NULL);

  /* Gemini names the model in the path */
  g_string_append_printf (out, "%s\n", json_object_get_string_member_with_default (object, "path", ""));
  append_strings (out, json_object_get_member (object, "body"));

  return g_string_free (out, FALSE);
}
