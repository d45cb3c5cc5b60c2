/* test-providers.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-provider.h"
#include "steward-redact.h"

/* Conformance: every recorded response of every provider kind decodes to
 * exactly the expected reply, whole and dribbled one byte at a time, and
 * every request carries what the provider requires. */

static const char *fixtures_dir;

typedef struct
{
  const char *kind;
  char       *name;
  char       *body_path;
  gboolean    stream;
} Fixture;

static void
fixture_free (gpointer data)
{
  Fixture *f = data;

  g_free (f->name);
  g_free (f->body_path);
  g_free (f);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static char *
sibling (const Fixture *f,
         const char    *suffix)
{
  g_autofree char *file = g_strconcat (f->name, suffix, NULL);

  return g_build_filename (fixtures_dir, f->kind, file, NULL);
}

/* Decodes the body, cut into pieces of @piece bytes (0: whole), and
 * returns the reply; @error gets what the decoder said. */
static StewardReply *
decode (const Fixture  *f,
        gsize           piece,
        GError        **error)
{
  g_autoptr(StewardProvider) provider = steward_provider_new (f->kind, "Test", NULL);
  g_autoptr(StewardReplyDecoder) decoder = NULL;
  g_autoptr(GMappedFile) mapped = NULL;
  StewardReply *reply = steward_reply_new ();
  const char *data;
  gsize len;

  mapped = g_mapped_file_new (f->body_path, FALSE, NULL);
  g_assert_nonnull (mapped);
  data = g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);

  decoder = steward_reply_decoder_new (provider, reply, f->stream);

  if (piece == 0)
    piece = MAX (len, 1);

  for (gsize offset = 0; offset < len; offset += piece)
    {
      if (!steward_reply_decoder_feed (decoder, data + offset, MIN (piece, len - offset), error))
        return reply;
    }

  steward_reply_decoder_finish (decoder, error);

  return reply;
}

static void
assert_tool_calls (StewardReply *reply,
                   JsonArray    *expected)
{
  g_assert_cmpuint (steward_reply_get_n_tool_calls (reply), ==, json_array_get_length (expected));

  for (guint i = 0; i < json_array_get_length (expected); i++)
    {
      JsonObject *want = json_array_get_object_element (expected, i);
      StewardToolCall *call = steward_reply_get_tool_call (reply, i);
      const char *want_id = json_object_get_string_member (want, "id");
      g_autoptr(JsonNode) want_args = parse_json (json_object_get_string_member (want, "arguments"));
      g_autoptr(JsonNode) got_args = parse_json (call->arguments->str);

      g_assert_cmpstr (call->name, ==, json_object_get_string_member (want, "name"));
      /* Gemini and Ollama send no ids: Steward makes its own. */
      if (want_id[0] != '\0')
        g_assert_cmpstr (call->id, ==, want_id);
      else
        g_assert_true (call->id != NULL && g_str_has_prefix (call->id, "call_"));
      g_assert_true (json_node_equal (want_args, got_args));
    }
}

static void
check_fixture (const Fixture *f,
               gsize          piece)
{
  g_autofree char *txt_path = sibling (f, ".expected.txt");
  g_autofree char *json_path = sibling (f, ".expected.json");
  g_autoptr(StewardReply) reply = NULL;
  g_autoptr(GError) error = NULL;

  reply = decode (f, piece, &error);

  if (g_file_test (txt_path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *expected = read_text (txt_path);

      g_assert_no_error (error);
      g_assert_cmpstr (steward_reply_get_text (reply), ==, expected);
      g_assert_cmpuint (steward_reply_get_n_tool_calls (reply), ==, 0);
      g_assert_true (steward_reply_get_done (reply));
    }
  else
    {
      g_autofree char *text = read_text (json_path);
      g_autoptr(JsonNode) root = parse_json (text);
      JsonObject *expected = json_node_get_object (root);

      if (json_object_has_member (expected, "partial_text"))
        {
          const char *type = json_object_get_string_member (expected, "error_type");

          g_assert_nonnull (error);
          g_assert_true (error->domain == STEWARD_PROVIDER_ERROR);
          g_assert_cmpstr (steward_reply_get_text (reply), ==,
                           json_object_get_string_member (expected, "partial_text"));
          if (g_str_equal (type, "overloaded_error"))
            g_assert_cmpint (error->code, ==, STEWARD_PROVIDER_ERROR_OVERLOADED);
          else if (g_str_equal (type, "rate_limit_error"))
            g_assert_cmpint (error->code, ==, STEWARD_PROVIDER_ERROR_RATE_LIMITED);
          g_assert_cmpuint (strlen (error->message), >, 10);
        }
      else
        {
          g_assert_no_error (error);
          g_assert_cmpstr (steward_reply_get_text (reply), ==,
                           json_object_get_string_member (expected, "text"));
          assert_tool_calls (reply, json_object_get_array_member (expected, "tool_calls"));
        }
    }
}

static void
test_fixture_whole (gconstpointer data)
{
  check_fixture (data, 0);
}

static void
test_fixture_dribbled (gconstpointer data)
{
  check_fixture (data, 1);
}

static void
test_fixture_odd_pieces (gconstpointer data)
{
  /* Pieces of 7 bytes cut CRLFs, UTF-8 sequences and "data:" prefixes at
   * every possible offset across a fixture. */
  check_fixture (data, 7);
}

static void
test_usage_recorded (void)
{
  static const struct { const char *kind, *name; gint64 in, out; } cases[] = {
    { "openai", "text_stream.sse", -2, -2 },
    { "anthropic", "text_stream.sse", -2, -2 },
    { "gemini", "text_stream.sse", -2, -2 },
    { "ollama", "text_stream.ndjson", -2, -2 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      Fixture f = { cases[i].kind, NULL, NULL, TRUE };
      g_autoptr(StewardReply) reply = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *name = g_strndup (cases[i].name, strchr (cases[i].name, '.') - cases[i].name);

      f.name = name;
      f.body_path = g_build_filename (fixtures_dir, cases[i].kind, cases[i].name, NULL);
      reply = decode (&f, 3, &error);
      g_free (f.body_path);

      g_assert_no_error (error);
      /* Every recorded stream reports how many tokens the reply took. */
      g_assert_cmpint (steward_reply_get_output_tokens (reply), >, 0);
    }
}

static void
test_error_statuses (void)
{
  static const struct { const char *kind, *name; StewardProviderError code; } cases[] = {
    { "openai", "error_401", STEWARD_PROVIDER_ERROR_AUTH },
    { "openai", "error_429", STEWARD_PROVIDER_ERROR_RATE_LIMITED },
    { "anthropic", "error_401", STEWARD_PROVIDER_ERROR_AUTH },
    { "gemini", "error_400", STEWARD_PROVIDER_ERROR_AUTH },
    { "ollama", "error_404", STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StewardProvider) provider = steward_provider_new (cases[i].kind, "Work", NULL);
      g_autofree char *file = g_strconcat (cases[i].name, ".json", NULL);
      g_autofree char *status_file = g_strconcat (cases[i].name, ".status", NULL);
      g_autofree char *path = g_build_filename (fixtures_dir, cases[i].kind, file, NULL);
      g_autofree char *status_path = g_build_filename (fixtures_dir, cases[i].kind, status_file, NULL);
      g_autofree char *body = read_text (path);
      g_autofree char *status = read_text (status_path);
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));
      g_autoptr(GError) error = NULL;

      error = steward_provider_error_for_status (provider, atoi (status), "some-model", bytes);
      g_assert_error (error, STEWARD_PROVIDER_ERROR, (gint)cases[i].code);
      /* One sentence that names the provider. */
      g_assert_true (g_str_has_prefix (error->message, "Work "));
      g_assert_true (g_str_has_suffix (error->message, "."));
      g_assert_null (strchr (error->message, '\n'));
    }
}

static JsonObject *
request_body (SoupMessage *message,
              JsonNode   **root_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  GBytes *body;

  body = g_object_get_data (G_OBJECT (message), "steward-test-body");
  g_assert_nonnull (body);
  json_parser_load_from_data (parser, g_bytes_get_data (body, NULL), g_bytes_get_size (body), &error);
  g_assert_no_error (error);
  *root_out = json_node_copy (json_parser_get_root (parser));

  return json_node_get_object (*root_out);
}

static SoupMessage *
build (const char *kind,
       const char *base_url,
       const char *key,
       gboolean    stream)
{
  g_autoptr(StewardProvider) provider = steward_provider_new (kind, "Test", NULL);
  g_autoptr(StewardChatRequest) request = steward_chat_request_new ("some-model");
  SoupMessage *message;

  if (base_url)
    steward_provider_set_base_url (provider, base_url);
  steward_chat_request_set_system (request, "You are Steward.");
  steward_chat_request_add_message (request, STEWARD_MESSAGE_ROLE_USER, "Hello");
  steward_chat_request_add_message (request, STEWARD_MESSAGE_ROLE_ASSISTANT, "Hi! How can I help?");
  steward_chat_request_add_message (request, STEWARD_MESSAGE_ROLE_USER, "Plan my day");

  message = steward_provider_build_chat_message (provider, request, stream, key);
  g_assert_nonnull (message);

  /* Keep the body where the checks can read it back. */
  {
    g_autoptr(JsonNode) node = STEWARD_PROVIDER_GET_CLASS (provider)->build_chat_body (provider, request, stream);
    g_autofree char *text = json_to_string (node, FALSE);

    g_object_set_data_full (G_OBJECT (message), "steward-test-body",
                            g_bytes_new (text, strlen (text)), (GDestroyNotify)g_bytes_unref);
  }

  return message;
}

static char *
uri_of (SoupMessage *message)
{
  return g_uri_to_string (soup_message_get_uri (message));
}

static void
test_request_openai (void)
{
  g_autoptr(SoupMessage) message = build ("openai", NULL, "sk-test", TRUE);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = request_body (message, &root);
  JsonArray *messages = json_object_get_array_member (body, "messages");
  g_autofree char *uri = uri_of (message);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  g_assert_cmpstr (uri, ==, "https://api.openai.com/v1/chat/completions");
  g_assert_cmpstr (soup_message_get_method (message), ==, "POST");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "Authorization"), ==, "Bearer sk-test");
  g_assert_cmpstr (json_object_get_string_member (body, "model"), ==, "some-model");
  g_assert_true (json_object_get_boolean_member (body, "stream"));
  g_assert_true (json_object_get_boolean_member (json_object_get_object_member (body, "stream_options"),
                                                 "include_usage"));
  g_assert_cmpuint (json_array_get_length (messages), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0), "role"), ==, "system");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0), "content"), ==, "You are Steward.");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 2), "role"), ==, "assistant");
}

static void
test_request_openai_base_url (void)
{
  /* A trailing slash is ignored; no key means no Authorization header. */
  g_autoptr(SoupMessage) message = build ("openai", "http://127.0.0.1:8080/v1/", NULL, FALSE);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = request_body (message, &root);
  g_autofree char *uri = uri_of (message);

  g_assert_cmpstr (uri, ==, "http://127.0.0.1:8080/v1/chat/completions");
  g_assert_null (soup_message_headers_get_one (soup_message_get_request_headers (message), "Authorization"));
  g_assert_false (json_object_get_boolean_member (body, "stream"));
  g_assert_false (json_object_has_member (body, "stream_options"));
}

static void
test_request_anthropic (void)
{
  g_autoptr(SoupMessage) message = build ("anthropic", NULL, "sk-ant", TRUE);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = request_body (message, &root);
  JsonArray *messages = json_object_get_array_member (body, "messages");
  g_autofree char *uri = uri_of (message);
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  g_assert_cmpstr (uri, ==, "https://api.anthropic.com/v1/messages");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "x-api-key"), ==, "sk-ant");
  g_assert_cmpstr (soup_message_headers_get_one (headers, "anthropic-version"), ==, "2023-06-01");
  g_assert_null (soup_message_headers_get_one (headers, "Authorization"));
  g_assert_cmpint (json_object_get_int_member (body, "max_tokens"), >, 0);
  g_assert_cmpstr (json_object_get_string_member (body, "system"), ==, "You are Steward.");
  g_assert_true (json_object_get_boolean_member (body, "stream"));
  g_assert_cmpuint (json_array_get_length (messages), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, i), "role"),
                     !=, "system");
}

static void
test_request_gemini (void)
{
  g_autoptr(SoupMessage) message = build ("gemini", NULL, "AIza", TRUE);
  g_autoptr(SoupMessage) whole = build ("gemini", NULL, "AIza", FALSE);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = request_body (message, &root);
  JsonArray *contents = json_object_get_array_member (body, "contents");
  JsonObject *system = json_object_get_object_member (body, "systemInstruction");
  g_autofree char *uri = uri_of (message);
  g_autofree char *whole_uri = uri_of (whole);

  g_assert_cmpstr (uri, ==,
                   "https://generativelanguage.googleapis.com/v1beta/models/some-model:streamGenerateContent?alt=sse");
  g_assert_cmpstr (whole_uri, ==,
                   "https://generativelanguage.googleapis.com/v1beta/models/some-model:generateContent");
  g_assert_cmpstr (soup_message_headers_get_one (soup_message_get_request_headers (message), "x-goog-api-key"),
                   ==, "AIza");
  g_assert_cmpuint (json_array_get_length (contents), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contents, 0), "role"), ==, "user");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (contents, 1), "role"), ==, "model");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_object_get_array_member (system, "parts"), 0),
                                                  "text"), ==, "You are Steward.");
}

static void
test_request_ollama (void)
{
  g_autoptr(SoupMessage) message = build ("ollama", NULL, NULL, TRUE);
  g_autoptr(JsonNode) root = NULL;
  JsonObject *body = request_body (message, &root);
  JsonArray *messages = json_object_get_array_member (body, "messages");
  g_autofree char *uri = uri_of (message);

  g_assert_cmpstr (uri, ==, "http://localhost:11434/api/chat");
  g_assert_true (json_object_get_boolean_member (body, "stream"));
  g_assert_cmpuint (json_array_get_length (messages), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (messages, 0), "role"), ==, "system");
}

/* A tool offered, and forced, in each kind's own format; the copy a
 * retry sends carries the same; a request without tools names none. */
static void
test_request_tools (void)
{
  static const struct
  {
    const char *kind;
    const char *tools;
    const char *choice_member;
    const char *choice;
  } cases[] = {
    { "openai",
      "[{\"type\":\"function\",\"function\":{\"name\":\"add_tasks\",\"description\":\"Adds tasks.\","
      "\"parameters\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}}}]",
      "tool_choice", "{\"type\":\"function\",\"function\":{\"name\":\"add_tasks\"}}" },
    { "anthropic",
      "[{\"name\":\"add_tasks\",\"description\":\"Adds tasks.\","
      "\"input_schema\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}}]",
      "tool_choice", "{\"type\":\"tool\",\"name\":\"add_tasks\"}" },
    { "gemini",
      "[{\"functionDeclarations\":[{\"name\":\"add_tasks\",\"description\":\"Adds tasks.\","
      "\"parameters\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}}]}]",
      "toolConfig", "{\"functionCallingConfig\":{\"mode\":\"ANY\",\"allowedFunctionNames\":[\"add_tasks\"]}}" },
    { "ollama",
      "[{\"type\":\"function\",\"function\":{\"name\":\"add_tasks\",\"description\":\"Adds tasks.\","
      "\"parameters\":{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}}}]",
      NULL, NULL },
  };
  g_autoptr(JsonNode) schema = parse_json ("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StewardProvider) provider = steward_provider_new (cases[i].kind, "Test", NULL);
      g_autoptr(StewardChatRequest) request = steward_chat_request_new ("some-model");
      g_autoptr(StewardChatRequest) copy = NULL;
      g_autoptr(StewardChatRequest) plain = steward_chat_request_new ("some-model");
      g_autoptr(JsonNode) want_tools = parse_json (cases[i].tools);
      StewardProviderClass *klass = STEWARD_PROVIDER_GET_CLASS (provider);

      steward_chat_request_add_message (request, STEWARD_MESSAGE_ROLE_USER, "Plan my day");
      steward_chat_request_add_tool (request, "add_tasks", "Adds tasks.", json_node_get_object (schema));
      steward_chat_request_force_tool (request, "add_tasks");
      copy = steward_chat_request_copy (request);
      steward_chat_request_add_message (plain, STEWARD_MESSAGE_ROLE_USER, "Plan my day");

      for (guint j = 0; j < 2; j++)
        {
          g_autoptr(JsonNode) root = klass->build_chat_body (provider, j == 0 ? request : copy, TRUE);
          JsonObject *body = json_node_get_object (root);

          g_assert_true (json_node_equal (json_object_get_member (body, "tools"), want_tools));
          if (cases[i].choice != NULL)
            {
              g_autoptr(JsonNode) want_choice = parse_json (cases[i].choice);

              g_assert_true (json_node_equal (json_object_get_member (body, cases[i].choice_member), want_choice));
            }
          else
            {
              g_assert_false (json_object_has_member (body, "tool_choice"));
            }
        }

      {
        g_autoptr(JsonNode) root = klass->build_chat_body (provider, plain, TRUE);
        JsonObject *body = json_node_get_object (root);

        g_assert_false (json_object_has_member (body, "tools"));
        g_assert_false (json_object_has_member (body, "tool_choice"));
        g_assert_false (json_object_has_member (body, "toolConfig"));
      }
    }
}

static void
test_models (void)
{
  static const struct { const char *kind, *file, *first; } cases[] = {
    { "openai", "models.json", NULL },
    { "anthropic", "models.json", NULL },
    { "gemini", "models.json", "gemini-2.5-flash" },
    { "ollama", "tags.json", "llama3.2:latest" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(StewardProvider) provider = steward_provider_new (cases[i].kind, "Test", NULL);
      g_autofree char *path = g_build_filename (fixtures_dir, cases[i].kind, cases[i].file, NULL);
      g_autofree char *text = read_text (path);
      g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) models = steward_provider_parse_models (provider, bytes, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (g_strv_length (models), >, 0);
      for (guint j = 0; models[j]; j++)
        g_assert_false (g_str_has_prefix (models[j], "models/"));
      if (cases[i].first)
        g_assert_cmpstr (models[0], ==, cases[i].first);
    }
}

static void
test_unknown_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardProvider) provider = steward_provider_new ("mistral", "x", &error);

  g_assert_null (provider);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED);
}

/* Feeds @body to a decoder of @kind in one piece. */
static StewardReply *
decode_text (const char  *kind,
             gboolean     stream,
             const char  *body,
             GError     **error)
{
  g_autoptr(StewardProvider) provider = steward_provider_new (kind, "Odd", NULL);
  g_autoptr(StewardReplyDecoder) decoder = NULL;
  StewardReply *reply = steward_reply_new ();

  decoder = steward_reply_decoder_new (provider, reply, stream);
  if (steward_reply_decoder_feed (decoder, body, strlen (body), error))
    steward_reply_decoder_finish (decoder, error);

  return reply;
}

static void
test_odd_shapes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardReply) reply = NULL;

  /* Gemini parts that are null are skipped, not a critical. */
  reply = decode_text ("gemini", TRUE,
                       "data: {\"candidates\": [{\"content\": {\"parts\": [null, {\"text\": \"Hi\"}]}, "
                       "\"finishReason\": \"STOP\"}]}\r\n\r\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Hi");
  g_clear_object (&reply);

  /* An Ollama line that is not an object is a clean error; what came
   * before stays. */
  reply = decode_text ("ollama", TRUE,
                       "{\"message\": {\"content\": \"Hi\"}, \"done\": false}\n[1, 2]\n", &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Hi");
  g_clear_error (&error);
  g_clear_object (&reply);

  reply = decode_text ("ollama", TRUE, "\"done\"\n", &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_clear_error (&error);
  g_clear_object (&reply);

  /* A tool call without a name is dropped; one with a name stays. */
  reply = decode_text ("openai", TRUE,
                       "data: {\"choices\": [{\"delta\": {\"tool_calls\": ["
                       "{\"index\": 0, \"id\": \"a\", \"function\": {\"arguments\": \"{}\"}},"
                       "{\"index\": 1, \"id\": \"b\", \"function\": {\"name\": \"search\", \"arguments\": \"{}\"}}"
                       "]}, \"finish_reason\": \"tool_calls\"}]}\n\ndata: [DONE]\n\n", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_reply_get_n_tool_calls (reply), ==, 1);
  g_assert_cmpstr (steward_reply_get_tool_call (reply, 0)->name, ==, "search");
  g_clear_object (&reply);

  /* Escapes JSON does not have, which json-glib would turn into bytes
   * that are not UTF-8: refused (found by fuzz/fuzz-decoder.c). */
  reply = decode_text ("anthropic", FALSE,
                       "{\"type\": \"message\", \"content\": [{\"type\": \"text\", \"text\": \"caf\\351\"}]}",
                       &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_assert_true (g_utf8_validate (steward_reply_get_text (reply), -1, NULL));
  g_clear_error (&error);
  g_clear_object (&reply);

  reply = decode_text ("openai", TRUE,
                       "data: {\"choices\": [{\"delta\": {\"content\": \"a\\ud8sd\"}}]}\n\n", &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "");
  g_clear_error (&error);
  g_clear_object (&reply);

  /* json-glib quotes the text around a fault cut at a byte count: the
   * sentence stays UTF-8 (found by fuzz/fuzz-decoder.c). */
  {
    GString *body = g_string_new ("{\"");

    for (guint i = 0; i < 30; i++)
      g_string_append (body, "\xc3\xa9");
    g_string_append (body, "\"}");
    reply = decode_text ("openai", FALSE, body->str, &error);
    g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
    g_assert_true (g_utf8_validate (error->message, -1, NULL));
    g_clear_error (&error);
    g_clear_object (&reply);
    g_string_free (body, TRUE);
  }

  /* Numbers too large for a count, and members of the wrong type, are
   * no count and no flag (found by the fuzzers: 1e999 was converted to an
   * integer, a non-boolean "done" was a critical). */
  reply = decode_text ("anthropic", FALSE,
                       "{\"type\": \"message\", \"content\": [{\"type\": \"text\", \"text\": \"Hi\"}], "
                       "\"stop_reason\": \"end_turn\", \"usage\": {\"input_tokens\": 1e999, \"output_tokens\": -1e999}}",
                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_reply_get_input_tokens (reply), ==, -1);
  g_assert_cmpint (steward_reply_get_output_tokens (reply), ==, -1);
  g_clear_object (&reply);

  reply = decode_text ("ollama", TRUE,
                       "{\"message\": {\"content\": \"Hi\"}, \"done\": {\"yes\": 1}}\n"
                       "{\"message\": {\"content\": \"!\"}, \"done\": true}\n", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_reply_get_text (reply), ==, "Hi!");
  g_clear_object (&reply);

  {
    g_autoptr(StewardProvider) provider = steward_provider_new ("gemini", "Odd", NULL);
    g_autoptr(GBytes) body = g_bytes_new_static ("{\"error\": {\"status\": [{\"a\": 1}], \"message\": {}}}", 48);
    g_autoptr(GError) status_error = steward_provider_error_for_status (provider, 400, "m", body);

    g_assert_error (status_error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_REQUEST);
  }

  /* A whole body nested past the limit */
  {
    GString *deep = g_string_new (NULL);

    for (guint i = 0; i < 600; i++)
      g_string_append_c (deep, '{');
    reply = decode_text ("anthropic", FALSE, deep->str, &error);
    g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_BAD_RESPONSE);
    g_string_free (deep, TRUE);
  }
}

static void
test_redact (void)
{
  struct {
    const char *in;
    const char *out;
  } cases[] = {
    { "Incorrect API key provided: sk-my-own-key-1234.", "Incorrect API key provided: [redacted]." },
    { "Authorization: Bearer abc.def-ghi_jkl", "Authorization: Bearer [redacted]" },
    { "key AIzaSyA1234567890abcdefghijklmnopqrstuv is bad", "key [redacted] is bad" },
    { "anthropic sk-ant-api03-abcdefghijklmnop", "anthropic [redacted]" },
    { "{\"api_key\": \"0123456789abcdef\"}", "{\"api_key\": \"[redacted]\"}" },
    { "?token=abcdefgh12345678&x=1", "?token=[redacted]&x=1" },
    { "jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "jwt [redacted]" },
    { "a short sk-1 and a word token", "a short sk-1 and a word token" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *out = steward_redact_secrets (cases[i].in, "sk-my-own-key-1234");

      g_assert_cmpstr (out, ==, cases[i].out);
    }

  /* The provider's own key, whatever its shape */
  {
    g_autofree char *out = steward_redact_secrets ("echo: plainkey42 done", "plainkey42");

    g_assert_cmpstr (out, ==, "echo: [redacted] done");
  }
}

static GPtrArray *
collect_fixtures (void)
{
  const char * const *kinds = steward_provider_get_kinds ();
  GPtrArray *fixtures = g_ptr_array_new_with_free_func (fixture_free);

  for (guint k = 0; kinds[k]; k++)
    {
      g_autofree char *dir_path = g_build_filename (fixtures_dir, kinds[k], NULL);
      g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *file;

      g_assert_nonnull (dir);
      while ((file = g_dir_read_name (dir)))
        g_ptr_array_add (names, g_strdup (file));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);

      for (guint i = 0; i < names->len; i++)
        {
          const char *name = g_ptr_array_index (names, i);
          g_autofree char *status = NULL;
          g_autofree char *base = NULL;
          Fixture *f;

          if (!g_str_has_suffix (name, ".sse") && !g_str_has_suffix (name, ".ndjson") &&
              !(g_str_has_suffix (name, ".json") && !g_str_has_suffix (name, ".expected.json")))
            continue;

          base = g_strndup (name, strrchr (name, '.') - name);
          f = g_new0 (Fixture, 1);
          f->kind = kinds[k];
          f->name = g_strdup (base);
          f->body_path = g_build_filename (dir_path, name, NULL);
          f->stream = !g_str_has_suffix (name, ".json");

          /* Only bodies with an expected reply are conformance cases;
           * model lists and HTTP error bodies have tests of their own. */
          {
            g_autofree char *txt = sibling (f, ".expected.txt");
            g_autofree char *json = sibling (f, ".expected.json");

            status = sibling (f, ".status");
            if (g_file_test (status, G_FILE_TEST_EXISTS) ||
                (!g_file_test (txt, G_FILE_TEST_EXISTS) && !g_file_test (json, G_FILE_TEST_EXISTS)))
              {
                fixture_free (f);
                continue;
              }
          }

          g_ptr_array_add (fixtures, f);
        }
    }

  return fixtures;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) fixtures = NULL;

  g_test_init (&argc, &argv, NULL);

  fixtures_dir = g_getenv ("STEWARD_FIXTURES_DIR");
  g_assert_nonnull (fixtures_dir);

  fixtures = collect_fixtures ();
  g_assert_cmpuint (fixtures->len, >=, 12);

  for (guint i = 0; i < fixtures->len; i++)
    {
      Fixture *f = g_ptr_array_index (fixtures, i);
      g_autofree char *whole = g_strdup_printf ("/steward/providers/%s/%s/whole", f->kind, f->name);
      g_autofree char *dribbled = g_strdup_printf ("/steward/providers/%s/%s/dribbled", f->kind, f->name);
      g_autofree char *odd = g_strdup_printf ("/steward/providers/%s/%s/odd-pieces", f->kind, f->name);

      g_test_add_data_func (whole, f, test_fixture_whole);
      g_test_add_data_func (dribbled, f, test_fixture_dribbled);
      g_test_add_data_func (odd, f, test_fixture_odd_pieces);
    }

  g_test_add_func ("/steward/providers/usage-recorded", test_usage_recorded);
  g_test_add_func ("/steward/providers/error-statuses", test_error_statuses);
  g_test_add_func ("/steward/providers/request/openai", test_request_openai);
  g_test_add_func ("/steward/providers/request/openai-base-url", test_request_openai_base_url);
  g_test_add_func ("/steward/providers/request/anthropic", test_request_anthropic);
  g_test_add_func ("/steward/providers/request/gemini", test_request_gemini);
  g_test_add_func ("/steward/providers/request/ollama", test_request_ollama);
  g_test_add_func ("/steward/providers/request/tools", test_request_tools);
  g_test_add_func ("/steward/providers/models", test_models);
  g_test_add_func ("/steward/providers/unknown-kind", test_unknown_kind);
  g_test_add_func ("/steward/providers/odd-shapes", test_odd_shapes);
  g_test_add_func ("/steward/providers/redact", test_redact);

  return g_test_run ();
}
