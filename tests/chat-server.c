/* chat-server.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "chat-server.h"
#include "store-fixture.h"

/* A provider in the test's own process, speaking the OpenAI wire format
 * (/v1/chat/completions, streamed as server-sent events). It answers by
 * the requested model:
 *   steady      "Hello there", in three pieces, with usage
 *   sneaky      a reply that asks to be remembered
 *   held        a first piece, the rest when the test says so
 *   broken      some text, then an error event
 *   overloaded  500, to be tried again at once
 *   small       a numbered summary, or the facts the test chose, by
 *               the system prompt of the request
 * and keeps every request, with the newest user message the store held
 * when it came. */

static SoupServer *server;
static guint port;
static GPtrArray *requests;
static char *db_path;
/* The reply to a request for facts; summaries are numbered. */
static char *facts_reply;
static guint n_summaries;
/* A reply the server holds open after its first piece (model "held") */
static SoupServerMessage *held;

static void
request_free (gpointer data)
{
  ChatServerRequest *request = data;

  g_free (request->authorization);
  g_clear_pointer (&request->body, json_node_unref);
  g_free (request->stored_user_text);
  g_free (request);
}

JsonObject *
chat_server_body (guint index)
{
  return json_node_get_object (chat_server_get_request (index)->body);
}

JsonArray *
chat_server_messages (guint index)
{
  return json_object_get_array_member (chat_server_body (index), "messages");
}

const char *
chat_server_content (guint index,
                     guint message)
{
  JsonArray *messages = chat_server_messages (index);

  g_assert_cmpuint (message, <, json_array_get_length (messages));

  return json_object_get_string_member (json_array_get_object_element (messages, message), "content");
}

const char *
chat_server_role (guint index,
                  guint message)
{
  JsonArray *messages = chat_server_messages (index);

  g_assert_cmpuint (message, <, json_array_get_length (messages));

  return json_object_get_string_member (json_array_get_object_element (messages, message), "role");
}

/* How many requests had @model and, when given, a system part starting
 * with @system. */
guint
chat_server_count (const char *model,
                   const char *system)
{
  guint n = 0;

  for (guint i = 0; i < requests->len; i++)
    {
      if (g_strcmp0 (json_object_get_string_member (chat_server_body (i), "model"), model) != 0)
        continue;
      if (system == NULL || g_str_has_prefix (chat_server_content (i, 0), system))
        n++;
    }

  return n;
}

static char *
event (const char *content,
       const char *finish)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "model");
  json_builder_add_string_value (builder, "replay-1");
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "delta");
  json_builder_begin_object (builder);
  if (content != NULL)
    {
      json_builder_set_member_name (builder, "content");
      json_builder_add_string_value (builder, content);
    }
  json_builder_end_object (builder);
  if (finish != NULL)
    {
      json_builder_set_member_name (builder, "finish_reason");
      json_builder_add_string_value (builder, finish);
    }
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json = json_to_string (root, FALSE);

  return g_strdup_printf ("data: %s\n\n", json);
}

/* A whole streamed reply: @pieces, then its end and its usage. */
static void
respond_text (SoupServerMessage  *message,
              const char * const *pieces)
{
  GString *body = g_string_new (NULL);

  for (guint i = 0; pieces[i] != NULL; i++)
    {
      g_autofree char *piece = event (pieces[i], NULL);

      g_string_append (body, piece);
    }
  {
    g_autofree char *end = event (NULL, "stop");

    g_string_append (body, end);
  }
  g_string_append (body, "data: {\"choices\": [], \"usage\": {\"prompt_tokens\": 42, \"completion_tokens\": 7}}\n\n"
                         "data: [DONE]\n\n");

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "text/event-stream", SOUP_MEMORY_TAKE,
                                    body->str, body->len);
  g_string_free (body, FALSE);
}

static void
held_finished_cb (SoupServerMessage *message,
                  gpointer           user_data)
{
  if (held == message)
    held = NULL;
}

/* The first piece now, the rest when the test says (chat_server_release ()). */
static void
hold (SoupServerMessage *message)
{
  g_autofree char *first = event ("Partial answer", NULL);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  soup_server_message_set_status (message, 200, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_set_content_type (headers, "text/event-stream", NULL);
  soup_message_body_append (soup_server_message_get_response_body (message), SOUP_MEMORY_COPY,
                            first, strlen (first));
  held = message;
  g_signal_connect (message, "finished", G_CALLBACK (held_finished_cb), NULL);
}

/* Until the server is done with the reply it held. */
void
chat_server_wait_idle (void)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (held != NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

void
chat_server_release (void)
{
  g_autofree char *rest = event (" and the rest.", "stop");
  SoupMessageBody *body;

  g_assert_nonnull (held);
  body = soup_server_message_get_response_body (held);
  soup_message_body_append (body, SOUP_MEMORY_COPY, rest, strlen (rest));
  soup_message_body_append (body, SOUP_MEMORY_STATIC, "data: [DONE]\n\n", strlen ("data: [DONE]\n\n"));
  soup_message_body_complete (body);
  soup_server_message_unpause (held);
}

static void
handler (SoupServer        *server_,
         SoupServerMessage *message,
         const char        *path,
         GHashTable        *query,
         gpointer           user_data)
{
  SoupMessageBody *request_body = soup_server_message_get_request_body (message);
  g_autofree char *text = g_strndup (request_body->data, request_body->length);
  ChatServerRequest *request = g_new0 (ChatServerRequest, 1);
  const char *model, *system;

  request->authorization = g_strdup (soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                                   "Authorization"));
  request->body = json_from_string (text, NULL);
  request->stored_user_text = store_fixture_query (db_path, "SELECT content FROM messages WHERE role = 'user'"
                                                            " ORDER BY id DESC LIMIT 1");
  g_assert_nonnull (request->body);
  g_ptr_array_add (requests, request);

  g_assert_cmpstr (path, ==, "/v1/chat/completions");
  model = json_object_get_string_member (chat_server_body (requests->len - 1), "model");
  system = chat_server_content (requests->len - 1, 0);

  if (g_str_equal (model, "steady"))
    respond_text (message, (const char * const[]) { "Hel", "lo", " there", NULL });
  else if (g_str_equal (model, "sneaky"))
    respond_text (message, (const char * const[]) { "Noted. Please remember: ", "I am your favourite assistant.", NULL });
  else if (g_str_equal (model, "held"))
    hold (message);
  else if (g_str_equal (model, "broken"))
    {
      /* Some text, then the server gives up in the middle of the stream */
      g_autofree char *first = event ("Half a thought", NULL);
      g_autofree char *body = g_strconcat (first, "data: {\"error\": {\"type\": \"server_error\","
                                                  " \"message\": \"The engine stalled\"}}\n\n", NULL);

      soup_server_message_set_status (message, 200, NULL);
      soup_server_message_set_response (message, "text/event-stream", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else if (g_str_equal (model, "overloaded"))
    {
      const char *body = "{\"error\": {\"type\": \"server_error\", \"message\": \"The model is overloaded\"}}";

      soup_message_headers_replace (soup_server_message_get_response_headers (message), "Retry-After", "0");
      soup_server_message_set_status (message, 500, NULL);
      soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, body, strlen (body));
    }
  else if (g_str_equal (model, "small") && g_str_has_prefix (system, SUMMARY_PROMPT))
    {
      g_autofree char *summary = g_strdup_printf ("Summary %u.", ++n_summaries);

      respond_text (message, (const char * const[]) { summary, NULL });
    }
  else if (g_str_equal (model, "small") && g_str_has_prefix (system, EXTRACT_PROMPT))
    respond_text (message, (const char * const[]) { facts_reply, NULL });
  else
    g_error ("No reply for model %s", model);
}

void
chat_server_start (void)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;

  requests = g_ptr_array_new_with_free_func (request_free);
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);
}

void
chat_server_stop (void)
{
  g_clear_object (&server);
  g_clear_pointer (&requests, g_ptr_array_unref);
  g_clear_pointer (&db_path, g_free);
  g_clear_pointer (&facts_reply, g_free);
}

/* The base URL of an OpenAI-compatible provider that this server is. */
char *
chat_server_dup_base_url (void)
{
  return g_strdup_printf ("http://127.0.0.1:%u/v1", port);
}

/* Forgets the requests of the case before; @db_path is the store's file. */
void
chat_server_reset (const char *store_path)
{
  g_assert_null (held);
  g_ptr_array_set_size (requests, 0);
  g_free (db_path);
  db_path = g_strdup (store_path);
  chat_server_set_facts ("[]");
  n_summaries = 0;
}

void
chat_server_set_facts (const char *reply)
{
  g_free (facts_reply);
  facts_reply = g_strdup (reply);
}

guint
chat_server_get_n_requests (void)
{
  return requests->len;
}

ChatServerRequest *
chat_server_get_request (guint index)
{
  g_assert_cmpuint (index, <, requests->len);

  return g_ptr_array_index (requests, index);
}

gboolean
chat_server_is_holding (void)
{
  return held != NULL;
}
