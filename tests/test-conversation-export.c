/* test-conversation-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "steward-core.h"
#include "store-fixture.h"

/* A stored conversation as JSON and as Markdown
 * (src/core/export/steward-conversation-export.c): what `steward-cli
 * conversations export` writes and the app saves. The JSON is checked by
 * parsing it, the Markdown line by line. */

typedef struct
{
  gint64 conversation;
  gint64 question;
  gint64 answer;
  gint64 follow_up;
  gint64 stopped;
  gint64 thanks;
  gint64 failed;
} Seeded;

static const char context_json[] =
  "{\"provider\": \"Work\", \"model\": \"gpt-4o\", \"system\": \"You are Steward.\","
  " \"messages\": [{\"role\": \"user\", \"content\": \"Where should we eat?\"}]}";
static const char tool_calls_json[] =
  "[{\"id\": \"call_1\", \"name\": \"web_search\", \"arguments\": \"{\\\"query\\\": \\\"Lisbon\\\"}\"}]";

static StewardStore *
open_store (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store = steward_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);

  return store;
}

static gint64
add (StewardStore         *store,
     gint64                conversation,
     StewardMessageRole    role,
     const char           *content,
     StewardMessageStatus  status)
{
  g_autoptr(GError) error = NULL;
  gboolean reply = role == STEWARD_MESSAGE_ROLE_ASSISTANT;
  gint64 id;

  id = steward_store_add_message (store, conversation, role, content, status,
                                  reply ? "Work" : NULL, reply ? "gpt-4o" : NULL,
                                  reply ? "medium" : NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

/* Three exchanges: answered (with usage, a tool call and the context it
 * was sent with), stopped by the user, failed. Times are fixed. */
static void
seed (StoreFixture *fixture,
      StewardStore *store,
      Seeded       *s)
{
  g_autoptr(GError) error = NULL;
  StewardReplyRecord record = { 120, 8, 900, "gpt-4o-2024-08-06", tool_calls_json };

  s->conversation = steward_store_create_conversation (store, "Trip to Lisbon", &error);
  g_assert_no_error (error);

  s->question = add (store, s->conversation, STEWARD_MESSAGE_ROLE_USER, "Where should we eat?",
                     STEWARD_MESSAGE_STATUS_COMPLETE);
  s->answer = add (store, s->conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                   STEWARD_MESSAGE_STATUS_STREAMING);
  g_assert_true (steward_store_update_reply (store, s->answer, "Try **Taberna**.\n",
                                             STEWARD_MESSAGE_STATUS_COMPLETE, NULL, &record, &error));
  g_assert_true (steward_store_set_message_context (store, s->answer, context_json, &error));
  g_assert_no_error (error);

  s->follow_up = add (store, s->conversation, STEWARD_MESSAGE_ROLE_USER, "And after?",
                      STEWARD_MESSAGE_STATUS_COMPLETE);
  s->stopped = add (store, s->conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "A walk along",
                    STEWARD_MESSAGE_STATUS_INTERRUPTED);
  s->thanks = add (store, s->conversation, STEWARD_MESSAGE_ROLE_USER, "Thanks",
                   STEWARD_MESSAGE_STATUS_COMPLETE);
  s->failed = add (store, s->conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                   STEWARD_MESSAGE_STATUS_STREAMING);
  g_assert_true (steward_store_update_reply (store, s->failed, "You are", STEWARD_MESSAGE_STATUS_ERROR,
                                             "The server went away.", NULL, &error));
  g_assert_true (steward_store_set_summary (store, s->conversation, "Food in Lisbon.", s->answer, &error));
  g_assert_no_error (error);

  store_fixture_exec (fixture->db_path,
                      "UPDATE conversations SET created_at = '2026-05-01T10:00:00.000Z',"
                      "                         updated_at = '2026-05-01T10:05:00.000Z';"
                      "UPDATE messages SET created_at = '2026-05-01T10:0' || (id % 10) || ':30.000Z';");
}

static char *
export (StewardStore *store,
        gint64        conversation,
        const char   *format)
{
  g_autoptr(GError) error = NULL;
  char *text = steward_conversation_export (store, conversation, format, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  g_assert_true (g_utf8_validate (text, -1, NULL));

  return text;
}

/* The JSON export, parsed: it must be valid JSON, and end with a newline. */
static JsonNode *
export_json (StewardStore *store,
             gint64        conversation)
{
  g_autofree char *text = export (store, conversation, "json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonNode *root;

  g_assert_true (g_str_has_suffix (text, "}\n"));
  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  root = json_parser_get_root (parser);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));

  return json_node_copy (root);
}

static JsonObject *
message_at (JsonObject *root,
            guint       index)
{
  JsonArray *messages = json_object_get_array_member (root, "messages");

  return json_array_get_object_element (messages, index);
}

static void
assert_null_member (JsonObject *object,
                    const char *name)
{
  g_assert_true (json_object_has_member (object, name));
  g_assert_true (JSON_NODE_HOLDS_NULL (json_object_get_member (object, name)));
}

static void
assert_lines (const char         *text,
              const char * const *expected)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n = g_strv_length (lines);

  if (!g_strv_equal ((const char * const *)lines, expected))
    g_test_message ("Exported:\n%s", text);

  for (guint i = 0; i < n || expected[i] != NULL; i++)
    {
      g_assert_cmpuint (i, <, n);
      g_assert_nonnull (expected[i]);
      g_assert_cmpstr (lines[i], ==, expected[i]);
    }
}

static void
test_json (StoreFixture  *fixture,
           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(JsonNode) node = NULL;
  JsonObject *root, *message, *usage, *context, *call;
  JsonArray *calls;
  Seeded s;

  seed (fixture, store, &s);
  node = export_json (store, s.conversation);
  root = json_node_get_object (node);

  g_assert_cmpint (json_object_get_int_member (root, "id"), ==, s.conversation);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Trip to Lisbon");
  g_assert_cmpstr (json_object_get_string_member (root, "created_at"), ==, "2026-05-01T10:00:00Z");
  g_assert_cmpstr (json_object_get_string_member (root, "updated_at"), ==, "2026-05-01T10:05:00Z");
  g_assert_cmpstr (json_object_get_string_member (root, "summary"), ==, "Food in Lisbon.");
  g_assert_cmpint (json_object_get_int_member (root, "summary_through"), ==, s.answer);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "messages")), ==, 6);

  /* The question: a user's words, nothing of a reply's. */
  message = message_at (root, 0);
  g_assert_cmpint (json_object_get_int_member (message, "id"), ==, s.question);
  g_assert_cmpstr (json_object_get_string_member (message, "role"), ==, "user");
  g_assert_cmpstr (json_object_get_string_member (message, "content"), ==, "Where should we eat?");
  g_assert_cmpstr (json_object_get_string_member (message, "status"), ==, "complete");
  assert_null_member (message, "error");
  assert_null_member (message, "provider");
  assert_null_member (message, "model");
  assert_null_member (message, "tier");
  usage = json_object_get_object_member (message, "usage");
  assert_null_member (usage, "input_tokens");
  assert_null_member (usage, "output_tokens");
  assert_null_member (message, "latency_ms");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (message, "tool_calls")), ==, 0);
  assert_null_member (message, "context");
  {
    g_autofree char *created = g_strdup_printf ("2026-05-01T10:0%d:30Z", (int)(s.question % 10));

    g_assert_cmpstr (json_object_get_string_member (message, "created_at"), ==, created);
  }

  /* The answer: who gave it, what it cost, what it called, what it was
   * sent — the context as JSON, not as a string of JSON. */
  message = message_at (root, 1);
  g_assert_cmpstr (json_object_get_string_member (message, "role"), ==, "assistant");
  g_assert_cmpstr (json_object_get_string_member (message, "content"), ==, "Try **Taberna**.\n");
  g_assert_cmpstr (json_object_get_string_member (message, "status"), ==, "complete");
  g_assert_cmpstr (json_object_get_string_member (message, "provider"), ==, "Work");
  g_assert_cmpstr (json_object_get_string_member (message, "model"), ==, "gpt-4o");
  g_assert_cmpstr (json_object_get_string_member (message, "tier"), ==, "medium");
  usage = json_object_get_object_member (message, "usage");
  g_assert_cmpint (json_object_get_int_member (usage, "input_tokens"), ==, 120);
  g_assert_cmpint (json_object_get_int_member (usage, "output_tokens"), ==, 8);
  g_assert_cmpint (json_object_get_int_member (message, "latency_ms"), ==, 900);
  calls = json_object_get_array_member (message, "tool_calls");
  g_assert_cmpuint (json_array_get_length (calls), ==, 1);
  call = json_array_get_object_element (calls, 0);
  g_assert_cmpstr (json_object_get_string_member (call, "id"), ==, "call_1");
  g_assert_cmpstr (json_object_get_string_member (call, "name"), ==, "web_search");
  g_assert_cmpstr (json_object_get_string_member (call, "arguments"), ==, "{\"query\": \"Lisbon\"}");
  context = json_object_get_object_member (message, "context");
  g_assert_nonnull (context);
  g_assert_cmpstr (json_object_get_string_member (context, "system"), ==, "You are Steward.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (context, "messages")), ==, 1);

  /* Stopped: what arrived is kept, and says it was stopped. */
  message = message_at (root, 3);
  g_assert_cmpint (json_object_get_int_member (message, "id"), ==, s.stopped);
  g_assert_cmpstr (json_object_get_string_member (message, "content"), ==, "A walk along");
  g_assert_cmpstr (json_object_get_string_member (message, "status"), ==, "interrupted");
  assert_null_member (message, "error");

  /* Failed: what arrived, and the sentence that says why. */
  message = message_at (root, 5);
  g_assert_cmpint (json_object_get_int_member (message, "id"), ==, s.failed);
  g_assert_cmpstr (json_object_get_string_member (message, "content"), ==, "You are");
  g_assert_cmpstr (json_object_get_string_member (message, "status"), ==, "error");
  g_assert_cmpstr (json_object_get_string_member (message, "error"), ==, "The server went away.");
  assert_null_member (message, "context");
}

static void
test_markdown (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  static const char * const expected[] = {
    "# Trip to Lisbon",
    "",
    "_Started 2026-05-01T10:00:00Z_",
    "",
    "## You",
    "",
    "Where should we eat?",
    "",
    "## Steward",
    "",
    "Try **Taberna**.",
    "",
    "## You",
    "",
    "And after?",
    "",
    "## Steward",
    "",
    "A walk along",
    "",
    "_Stopped before the reply was complete._",
    "",
    "## You",
    "",
    "Thanks",
    "",
    "## Steward",
    "",
    "You are",
    "",
    "_The server went away._",
    "",
    NULL
  };
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GListModel) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *direct = NULL;
  Seeded s;

  seed (fixture, store, &s);
  text = export (store, s.conversation, "md");
  assert_lines (text, expected);

  /* No secret, usage or context goes into the Markdown: only the words. */
  g_assert_null (strstr (text, "gpt-4o"));
  g_assert_null (strstr (text, "You are Steward."));
  g_assert_null (strstr (text, "web_search"));

  /* The same as the export of the parts a view already holds. */
  conversation = steward_store_find_conversation (store, s.conversation, &error);
  messages = steward_store_list_messages (store, s.conversation, &error);
  g_assert_no_error (error);
  direct = steward_conversation_to_markdown (conversation, messages);
  g_assert_cmpstr (direct, ==, text);
}

static void
test_role_labels (StoreFixture  *fixture,
                  gconstpointer  user_data)
{
  static const char * const expected[] = {
    "# Tools",
    "",
    "_Started 2026-05-01T10:00:00Z_",
    "",
    "## system",
    "",
    "Be brief.",
    "",
    "## You",
    "",
    "Search for cafés",
    "",
    "## tool",
    "",
    "{\"results\": []}",
    "",
    NULL
  };
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  gint64 conversation;

  g_assert_cmpstr (steward_conversation_role_label (STEWARD_MESSAGE_ROLE_USER), ==, "You");
  g_assert_cmpstr (steward_conversation_role_label (STEWARD_MESSAGE_ROLE_ASSISTANT), ==, "Steward");
  g_assert_cmpstr (steward_conversation_role_label (STEWARD_MESSAGE_ROLE_SYSTEM), ==, "system");
  g_assert_cmpstr (steward_conversation_role_label (STEWARD_MESSAGE_ROLE_TOOL), ==, "tool");

  conversation = steward_store_create_conversation (store, "Tools", &error);
  g_assert_no_error (error);
  add (store, conversation, STEWARD_MESSAGE_ROLE_SYSTEM, "Be brief.", STEWARD_MESSAGE_STATUS_COMPLETE);
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "Search for cafés", STEWARD_MESSAGE_STATUS_COMPLETE);
  add (store, conversation, STEWARD_MESSAGE_ROLE_TOOL, "{\"results\": []}", STEWARD_MESSAGE_STATUS_COMPLETE);
  store_fixture_exec (fixture->db_path, "UPDATE conversations SET created_at = '2026-05-01T10:00:00Z'");

  text = export (store, conversation, "md");
  assert_lines (text, expected);

  node = export_json (store, conversation);
  g_assert_cmpstr (json_object_get_string_member (message_at (json_node_get_object (node), 0), "role"), ==, "system");
  g_assert_cmpstr (json_object_get_string_member (message_at (json_node_get_object (node), 2), "role"), ==, "tool");
}

/* A conversation with nothing in it yet is exported too; a summary not
 * yet made is null, not an empty string. */
static void
test_empty_conversation (StoreFixture  *fixture,
                         gconstpointer  user_data)
{
  static const char * const expected[] = {
    "# Untitled", "", "_Started 2026-05-01T10:00:00Z_", "", NULL
  };
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  gint64 conversation;

  conversation = steward_store_create_conversation (store, "New", &error);
  g_assert_no_error (error);
  /* The store refuses an empty title; an older or another writer may not. */
  store_fixture_exec (fixture->db_path,
                      "UPDATE conversations SET title = '', created_at = '2026-05-01T10:00:00Z'");

  text = export (store, conversation, "md");
  assert_lines (text, expected);

  node = export_json (store, conversation);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "");
  assert_null_member (root, "summary");
  assert_null_member (root, "summary_through");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "messages")), ==, 0);
}

static void
test_errors (StoreFixture  *fixture,
             gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  gint64 conversation;

  conversation = steward_store_create_conversation (store, "Some", &error);
  g_assert_no_error (error);

  g_assert_null (steward_conversation_export (store, conversation, "pdf", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "pdf"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  g_assert_null (steward_conversation_export (store, conversation, "", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Formats are named exactly. */
  g_assert_null (steward_conversation_export (store, conversation, "JSON", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (steward_conversation_export (store, conversation + 1, "md", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (steward_conversation_export (store, conversation + 1, "json", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

/* Words that look like JSON, Markdown or terminal control, other scripts,
 * line ends of other systems: the JSON gives them back exactly, the
 * Markdown keeps them as they were written. Tool calls and context that
 * are not JSON (an older or another writer) become null, not bad JSON. */
static void
test_odd_text (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  static const char * const contents[] = {
    "\"quoted\" \\back\\slash\\ {\"not\": \"json\"} </script>",
    "## You\n\nnot a heading of ours",
    "bell\a escape\033[31mred\033[0m tab\there \x01\x1f",
    "Zoë 東京 🎉 مرحبا \u200f\u202e",
    "windows\r\nline\r\nends\r\n",
    "",
  };
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  JsonObject *root;
  gint64 conversation, odd_reply = 0;

  conversation = steward_store_create_conversation (store, "Odd “text” & <tags>", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    odd_reply = add (store, conversation, i % 2 ? STEWARD_MESSAGE_ROLE_ASSISTANT : STEWARD_MESSAGE_ROLE_USER,
                     contents[i], STEWARD_MESSAGE_STATUS_COMPLETE);

  sql = g_strdup_printf ("UPDATE messages SET tool_calls = '[{\"id\": unquoted', context = 'not json {'"
                         " WHERE id = %" G_GINT64_FORMAT, odd_reply);
  store_fixture_exec (fixture->db_path, sql);

  node = export_json (store, conversation);
  root = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member (root, "title"), ==, "Odd “text” & <tags>");
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    g_assert_cmpstr (json_object_get_string_member (message_at (root, i), "content"), ==, contents[i]);
  assert_null_member (message_at (root, G_N_ELEMENTS (contents) - 1), "tool_calls");
  assert_null_member (message_at (root, G_N_ELEMENTS (contents) - 1), "context");

  text = export (store, conversation, "md");
  g_assert_true (g_str_has_prefix (text, "# Odd “text” & <tags>\n\n_Started "));
  for (guint i = 0; i < G_N_ELEMENTS (contents); i++)
    g_assert_nonnull (strstr (text, contents[i]));
  /* Each message still begins under a heading of its own. */
  g_assert_nonnull (strstr (text, "\n## Steward\n\n## You\n\nnot a heading of ours\n"));
  g_assert_nonnull (strstr (text, "\n## You\n\nwindows\r\nline\r\nends\r\n\n## Steward\n\n"));
}

/* Bytes that are not UTF-8 reach the file only from outside (another
 * writer, a damaged disk), but an export must still be text: valid
 * UTF-8, and JSON a parser reads. */
static void
test_invalid_utf8 (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *md = NULL;
  gint64 conversation;

  conversation = steward_store_create_conversation (store, "Bytes", &error);
  g_assert_no_error (error);
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "placeholder", STEWARD_MESSAGE_STATUS_COMPLETE);
  store_fixture_exec (fixture->db_path,
                      "UPDATE messages SET content = CAST (X'6361666580FF20C3A9' AS TEXT);"
                      "UPDATE conversations SET title = CAST (X'4279C074' AS TEXT);");

  json = steward_conversation_export (store, conversation, "json", &error);
  g_assert_no_error (error);
  md = steward_conversation_export (store, conversation, "md", &error);
  g_assert_no_error (error);

  /* Text that is not UTF-8 in the store is exported as valid text. */
  g_assert_true (g_utf8_validate (json, -1, NULL));
  g_assert_true (g_utf8_validate (md, -1, NULL));

  {
    g_autoptr(JsonParser) parser = json_parser_new ();

    json_parser_load_from_data (parser, json, -1, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (md, "caf"));
  }
}

/* Export follows the branch shown: after Regenerate, the new reply and
 * not what followed the old one; after switching back, the old path. */
static void
test_follows_branch (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;
  JsonArray *messages;
  JsonObject *message;
  gint64 again;
  Seeded s;

  seed (fixture, store, &s);
  again = steward_store_add_alternative (store, s.answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "Try *Ramiro*.",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, "Work", "gpt-4o", "medium", &error);
  g_assert_no_error (error);

  node = export_json (store, s.conversation);
  messages = json_object_get_array_member (json_node_get_object (node), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 2);
  message = json_array_get_object_element (messages, 0);
  assert_null_member (message, "parent_id");
  g_assert_cmpint (json_object_get_int_member (message, "alternatives"), ==, 1);
  message = json_array_get_object_element (messages, 1);
  g_assert_cmpint (json_object_get_int_member (message, "id"), ==, again);
  g_assert_cmpint (json_object_get_int_member (message, "parent_id"), ==, s.question);
  g_assert_cmpint (json_object_get_int_member (message, "alternative"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (message, "alternatives"), ==, 2);

  markdown = export (store, s.conversation, "md");
  g_assert_nonnull (strstr (markdown, "Try *Ramiro*."));
  g_assert_null (strstr (markdown, "Taberna"));
  g_assert_null (strstr (markdown, "And after?"));
  g_clear_pointer (&markdown, g_free);
  g_clear_pointer (&node, json_node_unref);

  g_assert_true (steward_store_select_alternative (store, s.answer, &error));
  node = export_json (store, s.conversation);
  messages = json_object_get_array_member (json_node_get_object (node), "messages");
  g_assert_cmpuint (json_array_get_length (messages), ==, 6);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (messages, 1), "alternative"), ==, 1);
  markdown = export (store, s.conversation, "md");
  g_assert_nonnull (strstr (markdown, "Taberna"));
  g_assert_null (strstr (markdown, "Ramiro"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) STORE_TEST_ADD ("conversation-export", path, func)

  ADD ("json", test_json);
  ADD ("markdown", test_markdown);
  ADD ("role-labels", test_role_labels);
  ADD ("empty-conversation", test_empty_conversation);
  ADD ("errors", test_errors);
  ADD ("odd-text", test_odd_text);
  ADD ("invalid-utf8", test_invalid_utf8);
  ADD ("follows-branch", test_follows_branch);

#undef ADD

  return g_test_run ();
}
