/* replay-server.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Stands in for the LLM providers in tests: answers each request with a
 * recorded body from one provider kind's fixture folder, in that
 * provider's exact wire format, optionally dribbled out a few bytes at a
 * time so that clients meet events cut at every possible place.
 */

#define G_LOG_DOMAIN "steward-replay"

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include <glib.h>
#include <glib-unix.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "replay-dribble.h"
#include "replay-log.h"
#include "replay-multipart.h"

typedef struct
{
  /* Owned */
  char       *fixtures_dir;
  FILE       *log;
  GHashTable *sequence_counters;  /* model name → number of requests seen */
  GMainLoop  *loop;

  guint       dribble;
  guint       delay_ms;
} ReplayServer;

typedef enum
{
  ROUTE_NONE,
  ROUTE_MODEL,
  ROUTE_LIST,
} RouteKind;

typedef struct
{
  RouteKind  kind;
  char      *model;      /* ROUTE_MODEL */
  gboolean   stream;     /* ROUTE_MODEL */
  const char *list_name; /* ROUTE_LIST: fixture name */
} Route;

static void
route_clear (Route *route)
{
  g_clear_pointer (&route->model, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Route, route_clear)

static gboolean
parse_uint (const char *text,
            guint      *out)
{
  guint64 value;

  if (text == NULL
      || !g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *out = (guint) value;
  return TRUE;
}

static JsonNode *
parse_request_body (GBytes *bytes)
{
  g_autoptr(JsonParser) parser = NULL;
  const char *data;
  gsize len;

  data = g_bytes_get_data (bytes, &len);
  if (len == 0)
    return NULL;

  parser = json_parser_new ();
  if (json_parser_load_from_data (parser, data, len, NULL)
      && json_parser_get_root (parser) != NULL)
    return json_node_copy (json_parser_get_root (parser));

  /* Not JSON: keep it as text so the log still shows what came in. */
  {
    g_autofree char *text = g_utf8_make_valid (data, len);

    return json_node_init_string (json_node_alloc (), text);
  }
}

static const char *
get_string_member (JsonNode   *root,
                   const char *name)
{
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return NULL;

  node = json_object_get_member (json_node_get_object (root), name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
get_boolean_member (JsonNode   *root,
                    const char *name,
                    gboolean    default_value)
{
  JsonNode *node;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return default_value;

  node = json_object_get_member (json_node_get_object (root), name);
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node)
      || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return default_value;

  return json_node_get_boolean (node);
}

/* A multipart upload names its model in a text field (see
 * replay-multipart.c). */
static const char *
get_field (JsonNode   *body,
           const char *name)
{
  JsonNode *fields;

  if (body == NULL || !JSON_NODE_HOLDS_OBJECT (body))
    return NULL;

  fields = json_object_get_member (json_node_get_object (body), "fields");
  if (fields == NULL || !JSON_NODE_HOLDS_OBJECT (fields))
    return NULL;

  return get_string_member (fields, name);
}

/* Gemini names the model in the path: /v1beta/models/{model}:{verb}. */
static gboolean
route_gemini (const char *path,
              Route      *route)
{
  const char *colon = strrchr (path, ':');
  const char *models;
  const char *verb;
  const char *name;

  if (colon == NULL)
    return FALSE;

  verb = colon + 1;
  if (g_str_equal (verb, "streamGenerateContent"))
    route->stream = TRUE;
  else if (g_str_equal (verb, "generateContent"))
    route->stream = FALSE;
  else
    return FALSE;

  models = strstr (path, "/models/");
  if (models == NULL || models > colon)
    return FALSE;

  name = models + strlen ("/models/");
  while (g_str_has_prefix (name, "models/"))
    name += strlen ("models/");

  route->kind = ROUTE_MODEL;
  route->model = g_strndup (name, colon - name);
  return TRUE;
}

static void
route_request (const char *method,
               const char *path,
               JsonNode   *body,
               Route      *route)
{
  if (g_str_equal (method, "GET"))
    {
      if (g_str_has_suffix (path, "/api/tags"))
        {
          route->kind = ROUTE_LIST;
          route->list_name = "tags";
        }
      else if (g_str_has_suffix (path, "/models"))
        {
          route->kind = ROUTE_LIST;
          route->list_name = "models";
        }
      return;
    }

  if (!g_str_equal (method, "POST"))
    return;

  if (route_gemini (path, route))
    return;

  if (g_str_has_suffix (path, "/chat/completions")
      || g_str_has_suffix (path, "/messages"))
    {
      route->kind = ROUTE_MODEL;
      route->model = g_strdup (get_string_member (body, "model"));
      route->stream = get_boolean_member (body, "stream", FALSE);
    }
  else if (g_str_has_suffix (path, "/audio/transcriptions"))
    {
      /* Speech to text: a whole JSON transcript */
      route->kind = ROUTE_MODEL;
      route->model = g_strdup (get_field (body, "model"));
      route->stream = FALSE;
    }
  else if (g_str_has_suffix (path, "/api/chat")
           || g_str_has_suffix (path, "/api/generate"))
    {
      /* Ollama streams unless told not to. */
      route->kind = ROUTE_MODEL;
      route->model = g_strdup (get_string_member (body, "model"));
      route->stream = get_boolean_member (body, "stream", TRUE);
    }
}

/* A model name becomes a file name: keep it inside the fixture folder. */
static gboolean
is_safe_name (const char *name)
{
  return name != NULL
         && name[0] != '\0'
         && name[0] != '.'
         && strchr (name, '/') == NULL
         && strchr (name, '\\') == NULL;
}

static char *
dup_fixture_path (ReplayServer *self,
                  const char   *name,
                  const char   *extension)
{
  g_autofree char *basename = g_strconcat (name, extension, NULL);

  return g_build_filename (self->fixtures_dir, basename, NULL);
}

/* Returns the fixture name to answer @model with, or NULL for an empty
 * sequence. A `.sequence` file names one fixture per request, in turn;
 * the last one repeats.
 */
static char *
dup_fixture_name (ReplayServer *self,
                  const char   *model)
{
  g_autofree char *sequence_path = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) names = NULL;
  guint count;

  sequence_path = dup_fixture_path (self, model, ".sequence");
  if (!g_file_get_contents (sequence_path, &contents, NULL, NULL))
    return g_strdup (model);

  names = g_ptr_array_new ();
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);

      if (is_safe_name (line))
        g_ptr_array_add (names, line);
    }

  if (names->len == 0)
    return NULL;

  count = GPOINTER_TO_UINT (g_hash_table_lookup (self->sequence_counters, model));
  g_hash_table_insert (self->sequence_counters, g_strdup (model),
                       GUINT_TO_POINTER (count + 1));

  return g_strdup (g_ptr_array_index (names, MIN (count, names->len - 1)));
}

static const char *
content_type_for (const char *extension)
{
  if (g_str_equal (extension, ".sse"))
    return "text/event-stream";
  if (g_str_equal (extension, ".ndjson"))
    return "application/x-ndjson";
  return "application/json";
}

static GBytes *
load_body (ReplayServer  *self,
           const char    *name,
           gboolean       stream,
           const char   **content_type)
{
  static const char * const streaming[] = { ".sse", ".ndjson", ".json" };
  static const char * const whole[] = { ".json", ".sse", ".ndjson" };
  const char * const *order = stream ? streaming : whole;

  for (guint i = 0; i < G_N_ELEMENTS (streaming); i++)
    {
      g_autofree char *path = dup_fixture_path (self, name, order[i]);
      g_autoptr(GMappedFile) file = NULL;

      file = g_mapped_file_new (path, FALSE, NULL);
      if (file != NULL)
        {
          *content_type = content_type_for (order[i]);
          return g_mapped_file_get_bytes (file);
        }
    }

  return NULL;
}

/* `<name>.status`: the status code, then `Header: value` lines. */
static void
apply_status_file (ReplayServer      *self,
                   SoupServerMessage *msg,
                   const char        *name)
{
  g_autofree char *path = dup_fixture_path (self, name, ".status");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  SoupMessageHeaders *headers;
  const char *reason;
  char *end;
  guint status;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return;

  lines = g_strsplit (contents, "\n", -1);
  if (lines[0] == NULL)
    {
      g_warning ("%s is empty", path);
      return;
    }

  status = (guint) g_ascii_strtoull (lines[0], &end, 10);
  reason = g_strstrip (end);
  /* libsoup 3.2 has no phrase for 429 and would say "Unknown Error". */
  if (reason[0] == '\0')
    reason = status == 429 ? "Too Many Requests" : NULL;
  if (status >= 100 && status <= 599)
    soup_server_message_set_status (msg, status, reason);
  else
    g_warning ("%s: bad status line “%s”", path, lines[0]);

  headers = soup_server_message_get_response_headers (msg);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      char *colon = strchr (line, ':');

      if (line[0] == '\0')
        continue;
      if (colon == NULL)
        {
          g_warning ("%s: bad header line “%s”", path, line);
          continue;
        }

      *colon = '\0';
      soup_message_headers_replace (headers, g_strstrip (line),
                                    g_strstrip (colon + 1));
    }
}

static void
respond_not_found (SoupServerMessage *msg,
                   const char        *message)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *data;
  gsize len;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, message);
  json_builder_set_member_name (builder, "type");
  json_builder_add_string_value (builder, "not_found_error");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  data = json_generator_to_data (generator, &len);

  soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  soup_server_message_set_response (msg, "application/json",
                                    SOUP_MEMORY_TAKE, data, len);
}

/* Returns FALSE, having sent nothing, when there is no such fixture. */
static gboolean
respond_with_fixture (ReplayServer      *self,
                      SoupServerMessage *msg,
                      const char        *name,
                      gboolean           stream)
{
  SoupMessageHeaders *request_headers;
  g_autoptr(GBytes) bytes = NULL;
  const char *content_type = NULL;
  guint piece = self->dribble;
  guint delay_ms = self->delay_ms;

  bytes = load_body (self, name, stream, &content_type);
  if (bytes == NULL)
    return FALSE;

  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);

  request_headers = soup_server_message_get_request_headers (msg);
  parse_uint (soup_message_headers_get_one (request_headers, "X-Replay-Dribble"),
              &piece);
  parse_uint (soup_message_headers_get_one (request_headers, "X-Replay-Delay-Ms"),
              &delay_ms);

  if (piece > 0 && g_bytes_get_size (bytes) > 0)
    {
      soup_message_headers_set_content_type (soup_server_message_get_response_headers (msg),
                                             content_type, NULL);
      replay_dribble_start (msg, bytes, piece, delay_ms);
    }
  else
    soup_server_message_set_response (msg, content_type, SOUP_MEMORY_COPY,
                                      g_bytes_get_data (bytes, NULL),
                                      g_bytes_get_size (bytes));

  /* Last, so that a recorded header (say Content-Type) wins. */
  apply_status_file (self, msg, name);

  return TRUE;
}

static void
server_cb (SoupServer        *server,
           SoupServerMessage *msg,
           const char        *path,
           GHashTable        *query,
           gpointer           user_data)
{
  ReplayServer *self = user_data;
  g_autoptr(GBytes) request_bytes = NULL;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  g_auto(Route) route = { ROUTE_NONE, NULL, FALSE, NULL };
  const char *method = soup_server_message_get_method (msg);

  request_bytes = soup_message_body_flatten (soup_server_message_get_request_body (msg));
  if (!(body = replay_multipart_describe (msg, request_bytes)))
    body = parse_request_body (request_bytes);

  if (self->log != NULL)
    replay_log_request (self->log, msg, body);

  /* libsoup 3.2 never notices a client closing an idle keep-alive
   * connection and keeps its socket open for good (fixed in 3.3), so a
   * long test run would pile them up. One request per connection costs
   * the tests nothing.
   */
  soup_message_headers_replace (soup_server_message_get_response_headers (msg),
                                "Connection", "close");

  route_request (method, path, body, &route);

  switch (route.kind)
    {
    case ROUTE_LIST:
      if (respond_with_fixture (self, msg, route.list_name, FALSE))
        return;
      message = g_strdup_printf ("no %s.json for “%s”", route.list_name, path);
      break;

    case ROUTE_MODEL:
      if (is_safe_name (route.model))
        name = dup_fixture_name (self, route.model);
      if (name != NULL && respond_with_fixture (self, msg, name, route.stream))
        return;
      message = g_strdup_printf ("model “%s” not found",
                                 route.model ? route.model : "");
      break;

    case ROUTE_NONE:
      message = g_strdup_printf ("no route for “%s %s”", method, path);
      break;

    default:
      g_assert_not_reached ();
    }

  respond_not_found (msg, message);
}

static gboolean
quit_cb (gpointer user_data)
{
  ReplayServer *self = user_data;

  g_main_loop_quit (self->loop);

  return G_SOURCE_CONTINUE;
}

static void
replay_server_clear (ReplayServer *self)
{
  g_clear_pointer (&self->fixtures_dir, g_free);
  g_clear_pointer (&self->log, fclose);
  g_clear_pointer (&self->sequence_counters, g_hash_table_unref);
  g_clear_pointer (&self->loop, g_main_loop_unref);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autofree char *fixtures = NULL;
  g_autofree char *log_path = NULL;
  ReplayServer self = { 0 };
  GSList *uris;
  int port = 0;
  int dribble = 0;
  int delay_ms = 0;
  int bound_port;
  guint sigterm_id;
  guint sigint_id;
  const GOptionEntry entries[] = {
    { "fixtures", 0, 0, G_OPTION_ARG_FILENAME, &fixtures,
      "One provider kind's fixture folder", "DIR" },
    { "port", 0, 0, G_OPTION_ARG_INT, &port,
      "Port to listen on (0: any free port)", "PORT" },
    { "dribble", 0, 0, G_OPTION_ARG_INT, &dribble,
      "Send bodies N bytes at a time", "N" },
    { "delay-ms", 0, 0, G_OPTION_ARG_INT, &delay_ms,
      "Wait M milliseconds between pieces", "M" },
    { "log", 0, 0, G_OPTION_ARG_FILENAME, &log_path,
      "Append each request to FILE as one JSON line", "FILE" },
    { NULL }
  };

  /* A client hanging up mid-stream must not kill us. */
  signal (SIGPIPE, SIG_IGN);

  context = g_option_context_new ("- replay recorded LLM provider responses");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("replay-server: %s\n", error->message);
      return 2;
    }

  if (fixtures == NULL || !g_file_test (fixtures, G_FILE_TEST_IS_DIR))
    {
      g_printerr ("replay-server: --fixtures DIR must name a folder\n");
      return 2;
    }
  if (port < 0 || port > 65535 || dribble < 0 || delay_ms < 0)
    {
      g_printerr ("replay-server: --port, --dribble and --delay-ms take "
                  "non-negative numbers\n");
      return 2;
    }

  self.fixtures_dir = g_steal_pointer (&fixtures);
  self.dribble = (guint) dribble;
  self.delay_ms = (guint) delay_ms;
  self.sequence_counters = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                  g_free, NULL);
  self.loop = g_main_loop_new (NULL, FALSE);

  if (log_path != NULL)
    {
      self.log = fopen (log_path, "a");
      if (self.log == NULL)
        {
          g_printerr ("replay-server: cannot open %s: %s\n",
                      log_path, g_strerror (errno));
          replay_server_clear (&self);
          return 2;
        }
    }

  server = soup_server_new ("server-header", "steward-replay-server ", NULL);
  soup_server_add_handler (server, NULL, server_cb, &self, NULL);

  if (!soup_server_listen_local (server, (guint) port,
                                 SOUP_SERVER_LISTEN_IPV4_ONLY, &error))
    {
      g_printerr ("replay-server: %s\n", error->message);
      replay_server_clear (&self);
      return 1;
    }

  /* Before the port goes out: a test may stop us as soon as it reads it. */
  sigterm_id = g_unix_signal_add (SIGTERM, quit_cb, &self);
  sigint_id = g_unix_signal_add (SIGINT, quit_cb, &self);

  uris = soup_server_get_uris (server);
  bound_port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  /* Tests wait for this line, so it must not sit in a buffer. */
  printf ("%d\n", bound_port);
  fflush (stdout);

  g_main_loop_run (self.loop);

  g_source_remove (sigterm_id);
  g_source_remove (sigint_id);
  soup_server_disconnect (server);
  g_clear_object (&server);
  replay_server_clear (&self);

  return 0;
}
