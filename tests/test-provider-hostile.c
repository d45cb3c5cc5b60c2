/* test-provider-hostile.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/socket.h>

#include "steward-provider.h"

/* A provider server that misbehaves on purpose — or anyone answering in
 * its place: it nests JSON without end, redirects the key elsewhere,
 * echoes the key, streams forever, keeps the connection alive with
 * nothing in it. Each case talks real HTTP to a SoupServer in this
 * process, through the same code the app and the CLI use. */

#define KEY "sk-test-Secret0123456789abcdefXYZ"

static SoupServer *server;
static guint port;
/* Requests the server saw on the path a redirect must not reach */
static GPtrArray *stolen;

/* -- the server ---------------------------------------------------------- */

typedef struct
{
  SoupServerMessage *message;
  const char        *piece;
  guint              left;
  guint              source;
} Drip;

static void
drip_free (gpointer data)
{
  Drip *drip = data;

  g_clear_handle_id (&drip->source, g_source_remove);
  g_free (drip);
}

static void
drip_finished_cb (SoupServerMessage *message,
                  Drip              *drip)
{
  /* The client went away: stop writing. */
  g_clear_handle_id (&drip->source, g_source_remove);
}

static gboolean
drip_cb (gpointer user_data)
{
  Drip *drip = user_data;
  SoupMessageBody *body = soup_server_message_get_response_body (drip->message);

  if (drip->left == 0)
    {
      drip->source = 0;
      soup_message_body_complete (body);
      soup_server_message_unpause (drip->message);
      return G_SOURCE_REMOVE;
    }

  drip->left--;
  soup_message_body_append (body, SOUP_MEMORY_STATIC, drip->piece, strlen (drip->piece));
  soup_server_message_unpause (drip->message);

  return G_SOURCE_CONTINUE;
}

/* Sends @first, then @piece every @interval_ms, @count times at most
 * (bounded, so a broken client never leaves the test running). */
static void
start_drip (SoupServerMessage *message,
            const char        *content_type,
            const char        *first,
            const char        *piece,
            guint              interval_ms,
            guint              count)
{
  Drip *drip = g_new0 (Drip, 1);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  drip->message = message;
  drip->piece = piece;
  drip->left = count;

  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, content_type, NULL);
  if (first != NULL)
    soup_message_body_append (soup_server_message_get_response_body (message),
                              SOUP_MEMORY_COPY, first, strlen (first));

  drip->source = g_timeout_add (interval_ms, drip_cb, drip);
  g_object_set_data_full (G_OBJECT (message), "drip", drip, drip_free);
  g_signal_connect (message, "finished", G_CALLBACK (drip_finished_cb), drip);
}

static char *
nested (guint depth)
{
  GString *text = g_string_sized_new (depth * 2 + 8);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free (text, FALSE);
}

static void
respond (SoupServerMessage *message,
         guint              status,
         const char        *content_type,
         const char        *body)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, body, strlen (body));
}

static void
handler (SoupServer        *server_,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (message);

  if (g_str_has_prefix (path, "/stolen"))
    {
      g_autoptr(GString) seen = g_string_new (path);

      g_string_append_printf (seen, " authorization=%s x-api-key=%s x-goog-api-key=%s",
                              soup_message_headers_get_one (request_headers, "Authorization"),
                              soup_message_headers_get_one (request_headers, "x-api-key"),
                              soup_message_headers_get_one (request_headers, "x-goog-api-key"));
      g_ptr_array_add (stolen, g_string_free (g_steal_pointer (&seen), FALSE));
      respond (message, 200, "application/json", "{\"data\": [{\"id\": \"stolen\"}]}");
      return;
    }

  if (g_str_has_prefix (path, "/deep-stream/"))
    {
      g_autofree char *deep = nested (100000);
      g_autofree char *body = g_strdup_printf ("data: {\"choices\": [{\"delta\": {\"content\": \"Hello\"}}]}\n\n"
                                               "data: %s\n\n", deep);

      respond (message, 200, "text/event-stream", body);
    }
  else if (g_str_has_prefix (path, "/deep-ndjson/"))
    {
      g_autofree char *deep = nested (100000);
      g_autofree char *body = g_strdup_printf ("{\"message\": {\"role\": \"assistant\", \"content\": \"Hello\"}, \"done\": false}\n"
                                               "%s\n", deep);

      respond (message, 200, "application/x-ndjson", body);
    }
  else if (g_str_has_prefix (path, "/deep-error/"))
    {
      g_autofree char *deep = nested (100000);

      respond (message, 400, "application/json", deep);
    }
  else if (g_str_has_prefix (path, "/deep-models/"))
    {
      g_autofree char *deep = nested (100000);
      g_autofree char *body = g_strdup_printf ("{\"data\": %s}", deep);

      respond (message, 200, "application/json", body);
    }
  else if (g_str_has_prefix (path, "/redirect-away/"))
    {
      /* Another origin: the same server under another name */
      g_autofree char *location = g_strdup_printf ("http://localhost:%u/stolen%s", port,
                                                   path + strlen ("/redirect-away"));

      soup_server_message_set_redirect (message, 307, location);
    }
  else if (g_str_has_prefix (path, "/redirect-here/") && !g_str_has_prefix (path, "/redirect-here/moved/"))
    {
      g_autofree char *location = g_strdup_printf ("/redirect-here/moved%s", path + strlen ("/redirect-here"));

      soup_server_message_set_redirect (message, 308, location);
    }
  else if (g_str_has_prefix (path, "/redirect-here/moved/"))
    {
      const char *key = soup_message_headers_get_one (request_headers, "x-api-key");

      if (g_strcmp0 (key, KEY) != 0)
        respond (message, 401, "application/json", "{\"error\": {\"type\": \"authentication_error\", \"message\": \"no key\"}}");
      else
        respond (message, 200, "application/json", "{\"data\": [{\"id\": \"moved-model\"}]}");
    }
  else if (g_str_has_prefix (path, "/redirect-loop/"))
    {
      soup_server_message_set_redirect (message, 302, path);
    }
  else if (g_str_has_prefix (path, "/echo-key/"))
    {
      const char *auth = soup_message_headers_get_one (request_headers, "Authorization");
      g_autofree char *body = g_strdup_printf ("{\"error\": {\"type\": \"invalid_request_error\", "
                                               "\"message\": \"Incorrect API key provided: %s. Header was %s; "
                                               "also tried Bearer eyJhbGciOiJIUzI1NiJ9.e30.abcdefghijklmnop\"}}",
                                               KEY, auth ? auth : "");

      respond (message, 400, "application/json", body);
    }
  else if (g_str_has_prefix (path, "/echo-key-reply/"))
    {
      /* The key split across two events, and the start of it at the end */
      respond (message, 200, "text/event-stream",
               "data: {\"choices\": [{\"delta\": {\"content\": \"Your key is sk-test-Sec\"}}]}\n\n"
               "data: {\"choices\": [{\"delta\": {\"content\": \"ret0123456789abcdefXYZ, and sk-te\"}, "
               "\"finish_reason\": \"stop\"}]}\n\n"
               "data: [DONE]\n\n");
    }
  else if (g_str_has_prefix (path, "/endless/"))
    {
      start_drip (message, "text/event-stream", NULL,
                  "data: {\"choices\": [{\"delta\": {\"content\": \"all work and no play \"}}]}\n\n",
                  1, 100000);
      return;
    }
  else if (g_str_has_prefix (path, "/long-line/"))
    {
      /* 17 MB without a line ending */
      gsize len = 17 * 1024 * 1024;
      char *body = g_malloc (len);

      memset (body, 'x', len);
      memcpy (body, "data: ", 6);
      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "text/event-stream", SOUP_MEMORY_TAKE, body, len);
    }
  else if (g_str_has_prefix (path, "/keep-alive/"))
    {
      start_drip (message, "text/event-stream",
                  "data: {\"choices\": [{\"delta\": {\"content\": \"Hel\"}}]}\n\n",
                  ": keep-alive\n\n", 100, 600);
      return;
    }
  else if (g_str_has_prefix (path, "/slow-drip/"))
    {
      start_drip (message, "text/event-stream", NULL,
                  "data: {\"choices\": [{\"delta\": {\"content\": \"a\"}}]}\n\n", 100, 600);
      return;
    }
  else if (g_str_has_prefix (path, "/surrogates/"))
    {
      respond (message, 200, "text/event-stream",
               "data: {\"choices\": [{\"delta\": {\"content\": \"a\\ud800b\\u0000c\\udc00d\\ud83d\\ude00e\"}}]}\n\n"
               "data: {\"choices\": [{\"delta\": {\"content\": \"\xff" "f\"}, \"finish_reason\": \"stop\"}]}\n\n"
               "data: [DONE]\n\n");
    }
  else if (g_str_has_prefix (path, "/retry-later/"))
    {
      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "3600");
      respond (message, 429, "application/json",
               "{\"error\": {\"type\": \"rate_limit_error\", \"message\": \"Slow down\"}}");
    }
  else if (g_str_has_prefix (path, "/reset/"))
    {
      /* Some text, then the connection is cut: a chunked body that never ends */
      start_drip (message, "text/event-stream",
                  "data: {\"choices\": [{\"delta\": {\"content\": \"Partial\"}}]}\n\n",
                  "", 50, 0);
      g_object_set_data (G_OBJECT (message), "reset", GINT_TO_POINTER (1));
      return;
    }
  else
    {
      respond (message, 404, "application/json", "{\"error\": {\"message\": \"no such path\"}}");
    }
}

/* A connection cut in the middle of a body: close the socket under the
 * server once the first piece went out. */
static void
wrote_chunk_cb (SoupServerMessage *message,
                gpointer           user_data)
{
  if (g_object_get_data (G_OBJECT (message), "reset"))
    {
      GSocket *socket = soup_server_message_get_socket (message);
      struct linger linger = { 1, 0 };
      GIOStream *stream;

      /* A reset (RST), not an orderly end: linger 0, then close */
      setsockopt (g_socket_get_fd (socket), SOL_SOCKET, SO_LINGER, &linger, sizeof linger);
      stream = soup_server_message_steal_connection (message);
      g_io_stream_close (stream, NULL, NULL);
      g_object_unref (stream);
    }
}

static void
request_started_cb (SoupServer        *server_,
                    SoupServerMessage *message,
                    gpointer           user_data)
{
  g_signal_connect (message, "wrote-chunk", G_CALLBACK (wrote_chunk_cb), NULL);
}

/* -- the client ------------------------------------------------------------ */

typedef struct
{
  GMainLoop *loop;
  gboolean   ok;
  GError    *error;
  GStrv      models;
} Result;

static void
chat_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  Result *r = user_data;

  r->ok = steward_provider_chat_finish (STEWARD_PROVIDER (object), result, &r->error);
  g_main_loop_quit (r->loop);
}

static void
models_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Result *r = user_data;

  r->models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &r->error);
  g_main_loop_quit (r->loop);
}

static StewardProvider *
provider_for (const char *kind,
              const char *scenario)
{
  StewardProvider *provider = steward_provider_new (kind, "Hostile", NULL);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/%s", port, scenario);

  steward_provider_set_base_url (provider, url);

  return provider;
}

static gboolean
give_up_cb (gpointer user_data)
{
  g_error ("The client never finished");
  return G_SOURCE_REMOVE;
}

static StewardReply *
chat (const char  *kind,
      const char  *scenario,
      gint64       max_tokens,
      guint        timeout_seconds,
      guint        deadline_seconds,
      GError     **error)
{
  g_autoptr(StewardProvider) provider = provider_for (kind, scenario);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(StewardChatRequest) request = steward_chat_request_new ("model");
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  StewardReply *reply = steward_reply_new ();
  Result r = { loop, FALSE, NULL, NULL };
  guint give_up;

  request->max_tokens = max_tokens;
  request->timeout_seconds = timeout_seconds;
  request->deadline_seconds = deadline_seconds;
  steward_chat_request_add_message (request, STEWARD_MESSAGE_ROLE_USER, "Hi");

  steward_provider_chat_async (provider, session, request, KEY, reply, NULL, chat_cb, &r);
  give_up = g_timeout_add_seconds (60, give_up_cb, NULL);
  g_main_loop_run (loop);
  g_source_remove (give_up);

  if (r.error != NULL)
    g_propagate_error (error, r.error);
  else
    g_assert_true (r.ok);

  return reply;
}

static GStrv
list_models (const char  *kind,
             const char  *scenario,
             GError     **error)
{
  g_autoptr(StewardProvider) provider = provider_for (kind, scenario);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  Result r = { loop, FALSE, NULL, NULL };

  steward_provider_list_models_async (provider, session, KEY, NULL, models_cb, &r);
  g_main_loop_run (loop);

  if (r.error != NULL)
    g_propagate_error (error, r.error);

  return r.models;
}

/* -- the cases -------------------------------------------------------------- */

static void
test_deep_json (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;
  g_auto(GStrv) models = NULL;

  /* What had arrived is kept; the rest is one sentence. */
  reply = chat ("openai", "deep-stream", 0, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_assert_nonnull (strstr (error->message, "512"));
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Hello");
  g_clear_error (&error);
  g_clear_object (&reply);

  reply = chat ("ollama", "deep-ndjson", 0, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Hello");
  g_clear_error (&error);
  g_clear_object (&reply);

  reply = chat ("anthropic", "deep-error", 0, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_REQUEST);
  g_clear_error (&error);

  models = list_models ("openai", "deep-models", &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_assert_null (models);
}

static void
test_redirect_other_origin (void)
{
  const char *kinds[] = { "openai", "anthropic", "gemini", "ollama" };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(StewardReply) reply = NULL;
      g_auto(GStrv) models = NULL;

      g_ptr_array_set_size (stolen, 0);

      reply = chat (kinds[i], "redirect-away", 0, 0, 0, &error);
      g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED);
      /* The sentence says where it pointed. */
      g_assert_nonnull (strstr (error->message, "http://localhost:"));
      g_clear_error (&error);

      models = list_models (kinds[i], "redirect-away", &error);
      g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED);
      g_assert_null (models);

      /* Nothing, with a key or without, went to the other origin. */
      for (guint j = 0; j < stolen->len; j++)
        g_test_message ("%s: went to %s", kinds[i], (char *)g_ptr_array_index (stolen, j));
      g_assert_cmpuint (stolen->len, ==, 0);
    }
}

static void
test_redirect_same_origin (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;

  /* A server that moved a path on the same origin is followed, with the key. */
  models = list_models ("anthropic", "redirect-here", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (models[0], ==, "moved-model");
}

static void
test_redirect_loop (void)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;
  g_autoptr(StewardReply) reply = NULL;

  models = list_models ("openai", "redirect-loop", &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED);
  g_assert_nonnull (strstr (error->message, "redirect"));
  g_clear_error (&error);

  reply = chat ("openai", "redirect-loop", 0, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_REDIRECTED);
}

static void
test_key_redacted (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;

  reply = chat ("openai", "echo-key", 0, 0, 0, &error);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_null (strstr (error->message, KEY));
  g_assert_null (strstr (error->message, "Secret0123"));
  g_assert_null (strstr (error->message, "eyJhbGciOiJIUzI1NiJ9"));
  g_assert_nonnull (strstr (error->message, "Incorrect API key provided"));
}

static void
test_key_redacted_from_reply (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;

  reply = chat ("openai", "echo-key-reply", 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Your key is [redacted], and sk-te");
}

static void
test_endless_reply (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;
  gsize len;

  /* A budget of 1,000 tokens: stopped well before the server's 2 MB, kept. */
  reply = chat ("openai", "endless", 1000, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TOO_LONG);
  len = strlen (steward_reply_get_text (reply));
  g_test_message ("stopped after %zu bytes: %s", len, error->message);
  g_assert_cmpuint (len, >=, 4 * 1000);
  g_assert_cmpuint (len, <, 200 * 1000);
  g_assert_true (g_str_has_prefix (steward_reply_get_text (reply), "all work and no play"));
}

static void
test_long_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;

  reply = chat ("openai", "long-line", 0, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TOO_LONG);
  g_assert_nonnull (strstr (error->message, "MB"));
}

static void
test_keep_alive_times_out (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;
  gint64 start = g_get_monotonic_time ();

  /* Comments every 100 ms are no progress: silence for 1 s ends it. */
  reply = chat ("openai", "keep-alive", 0, 1, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TIMED_OUT);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Hel");
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_USEC_PER_SEC);
}

static void
test_deadline (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;

  /* Real progress every 100 ms, but the whole reply may take 2 s. */
  reply = chat ("openai", "slow-drip", 0, 1, 2, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_TIMED_OUT);
  g_assert_nonnull (strstr (error->message, "chat.reply-deadline"));
  g_assert_cmpuint (strlen (steward_reply_get_text (reply)), >, 3);
}

static void
test_surrogates_and_nul (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;
  const char *text;

  reply = chat ("openai", "surrogates", 0, 0, 0, &error);
  g_assert_no_error (error);
  text = steward_reply_get_text (reply);
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpstr (text, ==, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xF0\x9F\x98\x80" "e\xEF\xBF\xBD" "f");
}

static void
test_retry_after_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;
  gint64 start = g_get_monotonic_time ();

  /* An hour's wait is not waited, nor ignored: the sentence says so. */
  reply = chat ("anthropic", "retry-later", 0, 0, 0, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_RATE_LIMITED);
  g_assert_nonnull (strstr (error->message, "60 minutes"));
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
}

static void
test_reset_after_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;

  reply = chat ("openai", "reset", 0, 0, 0, &error);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Partial");
  g_assert_nonnull (strstr (error->message, "in the middle of the reply"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  int ret;

  g_test_init (&argc, &argv, NULL);

  stolen = g_ptr_array_new_with_free_func (g_free);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  g_signal_connect (server, "request-started", G_CALLBACK (request_started_cb), NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  g_test_add_func ("/steward/provider-hostile/deep-json", test_deep_json);
  g_test_add_func ("/steward/provider-hostile/redirect-other-origin", test_redirect_other_origin);
  g_test_add_func ("/steward/provider-hostile/redirect-same-origin", test_redirect_same_origin);
  g_test_add_func ("/steward/provider-hostile/redirect-loop", test_redirect_loop);
  g_test_add_func ("/steward/provider-hostile/key-redacted", test_key_redacted);
  g_test_add_func ("/steward/provider-hostile/key-redacted-from-reply", test_key_redacted_from_reply);
  g_test_add_func ("/steward/provider-hostile/endless-reply", test_endless_reply);
  g_test_add_func ("/steward/provider-hostile/long-line", test_long_line);
  g_test_add_func ("/steward/provider-hostile/keep-alive-times-out", test_keep_alive_times_out);
  g_test_add_func ("/steward/provider-hostile/deadline", test_deadline);
  g_test_add_func ("/steward/provider-hostile/surrogates-and-nul", test_surrogates_and_nul);
  g_test_add_func ("/steward/provider-hostile/retry-after-too-long", test_retry_after_too_long);
  g_test_add_func ("/steward/provider-hostile/reset-after-text", test_reset_after_text);

  ret = g_test_run ();

  g_clear_object (&server);
  g_ptr_array_unref (stolen);

  return ret;
}
