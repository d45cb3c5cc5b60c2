/* test-store-chat.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>

#include <json-glib/json-glib.h>
#include <sys/wait.h>

#include "steward-core.h"
#include "steward-store-private.h"
#include "store-fixture.h"

/* Conversations and messages in the store (steward-store-chat.c): lists,
 * editing, pages of a long conversation, replies saved as they grow and
 * recovered when their writer died, summaries and the context kept with
 * a reply. */

static StewardStore *
open_store (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store = steward_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);

  return store;
}

static void
test_list_conversations (StoreFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) conversations = NULL;
  g_autoptr(GError) error = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  conversations = steward_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 0);
  g_clear_object (&conversations);

  store_fixture_exec (fixture->db_path,
                      "INSERT INTO conversations (title, created_at, updated_at) VALUES"
                      " ('old', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z'),"
                      " ('new', '2026-01-01T00:00:00Z', '2026-03-01T00:00:00Z');");

  conversations = steward_store_list_conversations (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (conversations), ==, 2);
  {
    g_autoptr(StewardConversation) first = g_list_model_get_item (conversations, 0);
    g_assert_cmpstr (steward_conversation_get_title (first), ==, "new");
  }
}

static void
test_recover_interrupted (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *live_status = NULL;
  g_autofree char *dead_status = NULL;
  g_autofree char *dead_content = NULL;
  g_autofree char *sql = NULL;
  gint64 conversation, live, dead;
  GPid child = 0;
  int wait_status;
  char *argv[] = { (char *)"/bin/true", NULL };

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  conversation = steward_store_create_conversation (store, "Crash", &error);
  g_assert_no_error (error);

  /* A reply this (live) process is writing... */
  live = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "", STEWARD_MESSAGE_STATUS_STREAMING,
                                    "p", "m", "medium", &error);
  g_assert_no_error (error);
  g_assert_true (steward_store_update_reply (store, live, "so far", STEWARD_MESSAGE_STATUS_STREAMING, NULL, NULL, &error));

  /* ...and one whose writer has exited. */
  dead = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "", STEWARD_MESSAGE_STATUS_STREAMING,
                                    "p", "m", "medium", &error);
  g_assert_no_error (error);
  g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &child, &error);
  g_assert_no_error (error);
  waitpid (child, &wait_status, 0);
  sql = g_strdup_printf ("UPDATE messages SET writer_pid = %d, content = 'half a sent'"
                         " WHERE id = %" G_GINT64_FORMAT, (int)child, dead);
  store_fixture_exec (fixture->db_path, sql);
  g_assert_finalize_object (g_steal_pointer (&store));

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  {
    g_autofree char *q1 = g_strdup_printf ("SELECT status FROM messages WHERE id = %" G_GINT64_FORMAT, live);
    g_autofree char *q2 = g_strdup_printf ("SELECT status FROM messages WHERE id = %" G_GINT64_FORMAT, dead);
    g_autofree char *q3 = g_strdup_printf ("SELECT content FROM messages WHERE id = %" G_GINT64_FORMAT, dead);

    live_status = store_fixture_query (fixture->db_path, q1);
    dead_status = store_fixture_query (fixture->db_path, q2);
    dead_content = store_fixture_query (fixture->db_path, q3);
  }

  g_assert_cmpstr (live_status, ==, "streaming");
  g_assert_cmpstr (dead_status, ==, "interrupted");
  g_assert_cmpstr (dead_content, ==, "half a sent");
}

/* One a row the store told of */
static void
row_count_cb (StewardStore     *store,
              StewardRowChange  change,
              gint64            id,
              gint64            parent_id,
              guint            *count)
{
  (*count)++;
}

static void
test_conversation_editing (StoreFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GListModel) messages = NULL;
  gint64 id, first, second, third;
  guint changes = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "row-changed::conversations", G_CALLBACK (row_count_cb), &changes);

  id = steward_store_create_conversation (store, "Draft", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 1);

  first = steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_USER, "one", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  second = steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_ASSISTANT, "two", STEWARD_MESSAGE_STATUS_COMPLETE, "p", "m", "small", &error);
  third = steward_store_add_message (store, id, STEWARD_MESSAGE_ROLE_USER, "three", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (changes, ==, 4);

  message = steward_store_find_message (store, second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_message_get_content (message), ==, "two");
  g_assert_cmpstr (steward_message_get_tier (message), ==, "small");
  g_assert_cmpint (steward_message_get_conversation_id (message), ==, id);
  g_assert_null (steward_store_find_message (store, third + 100, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steward_store_rename_conversation (store, id, "  Holiday plans ", &error));
  conversation = steward_store_find_conversation (store, id, &error);
  g_assert_cmpstr (steward_conversation_get_title (conversation), ==, "Holiday plans");
  g_assert_cmpuint (steward_conversation_get_message_count (conversation), ==, 3);
  g_assert_false (steward_store_rename_conversation (store, id, "   ", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting from a message takes it and everything after it (what
   * Edit and Resend replaces). */
  g_assert_true (steward_store_delete_messages_from (store, second, &error));
  messages = steward_store_list_messages (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (messages), ==, 1);
  g_clear_object (&messages);
  (void)first;

  g_assert_true (steward_store_delete_conversation (store, id, &error));
  g_assert_null (steward_store_find_conversation (store, id, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_delete_conversation (store, id, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  {
    g_autofree char *left = store_fixture_query (fixture->db_path, "SELECT count(*) FROM messages");
    g_assert_cmpstr (left, ==, "0");
  }
}

static void
assert_contents (GListModel *messages,
                 const char *expected)
{
  g_autoptr(GString) got = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (messages); i++)
    {
      g_autoptr(StewardMessage) message = g_list_model_get_item (messages, i);

      if (i > 0)
        g_string_append_c (got, ' ');
      g_string_append (got, steward_message_get_content (message));
    }

  g_assert_cmpstr (got->str, ==, expected);
}

/* A view of a long conversation loads its end, then earlier pages. */
static void
test_message_range (StoreFixture  *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, other, ids[6];

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  id = steward_store_create_conversation (store, "Long", &error);
  other = steward_store_create_conversation (store, "Other", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autofree char *text = g_strdup_printf ("m%u", i);

      ids[i] = steward_store_add_message (store, id, i % 2 ? STEWARD_MESSAGE_ROLE_ASSISTANT : STEWARD_MESSAGE_ROLE_USER, text, STEWARD_MESSAGE_STATUS_COMPLETE,
                                          NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      /* Interleaved: another conversation's messages never show up. */
      steward_store_add_message (store, other, STEWARD_MESSAGE_ROLE_USER, "elsewhere", STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
    }

  {
    g_autoptr(GListModel) all = steward_store_list_messages_range (store, id, 0, 0, 0, &error);
    g_autoptr(GListModel) last = steward_store_list_messages_range (store, id, 0, 0, 2, &error);
    g_autoptr(GListModel) before = steward_store_list_messages_range (store, id, 0, ids[4], 3, &error);
    g_autoptr(GListModel) start = steward_store_list_messages_range (store, id, 0, ids[1], 10, &error);
    g_autoptr(GListModel) between = steward_store_list_messages_range (store, id, ids[2], ids[4], 0, &error);
    g_autoptr(GListModel) none = steward_store_list_messages_range (store, id, 0, ids[0], 10, &error);

    g_assert_no_error (error);
    assert_contents (all, "m0 m1 m2 m3 m4 m5");
    assert_contents (last, "m4 m5");
    assert_contents (before, "m1 m2 m3");
    assert_contents (start, "m0");
    assert_contents (between, "m2 m3");
    assert_contents (none, "");
  }

  g_assert_null (steward_store_list_messages_range (store, other + 100, 0, 0, 0, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}


/* A reply is written as it grows, then once more when it ends: what is
 * known of it (usage, latency) is kept unless a later write knows more. */
static void
test_update_reply (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GError) error = NULL;
  StewardReplyRecord record = { 12, 3, 450, "gpt-4o-2024-08-06", NULL };
  StewardReplyRecord unknown = { -1, -1, -1, "another-model", NULL };
  gint64 conversation, reply;

  conversation = steward_store_create_conversation (store, "Reply", &error);
  g_assert_no_error (error);
  reply = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "",
                                     STEWARD_MESSAGE_STATUS_STREAMING, "Work", NULL, "large", &error);
  g_assert_no_error (error);

  message = steward_store_find_message (store, reply, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_message_get_status (message), ==, STEWARD_MESSAGE_STATUS_STREAMING);
  g_assert_cmpstr (steward_message_get_content (message), ==, "");
  g_assert_cmpstr (steward_message_get_provider (message), ==, "Work");
  g_assert_null (steward_message_get_model (message));
  g_assert_cmpint (steward_message_get_input_tokens (message), ==, -1);
  g_assert_null (steward_message_get_tool_calls (message));
  g_clear_object (&message);

  /* Growing, with nothing known besides the text. */
  g_assert_true (steward_store_update_reply (store, reply, "Hel", STEWARD_MESSAGE_STATUS_STREAMING,
                                             NULL, NULL, &error));
  g_assert_no_error (error);
  message = steward_store_find_message (store, reply, &error);
  g_assert_cmpstr (steward_message_get_content (message), ==, "Hel");
  g_assert_cmpint (steward_message_get_status (message), ==, STEWARD_MESSAGE_STATUS_STREAMING);
  g_clear_object (&message);

  /* Ended: the model that answered is kept, as no other was stored. */
  record.tool_calls = "[{\"id\": \"call_1\", \"name\": \"web_search\", \"arguments\": \"{}\"}]";
  g_assert_true (steward_store_update_reply (store, reply, "Hello", STEWARD_MESSAGE_STATUS_COMPLETE,
                                             NULL, &record, &error));
  message = steward_store_find_message (store, reply, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_message_get_content (message), ==, "Hello");
  g_assert_cmpint (steward_message_get_status (message), ==, STEWARD_MESSAGE_STATUS_COMPLETE);
  g_assert_null (steward_message_get_error (message));
  g_assert_cmpint (steward_message_get_input_tokens (message), ==, 12);
  g_assert_cmpint (steward_message_get_output_tokens (message), ==, 3);
  g_assert_cmpint (steward_message_get_latency_ms (message), ==, 450);
  g_assert_cmpstr (steward_message_get_model (message), ==, "gpt-4o-2024-08-06");
  g_assert_nonnull (strstr (steward_message_get_tool_calls (message), "web_search"));
  g_clear_object (&message);

  /* A write that knows less forgets nothing; the stored model stays. */
  g_assert_true (steward_store_update_reply (store, reply, "Hello", STEWARD_MESSAGE_STATUS_ERROR,
                                             "The server went away.", &unknown, &error));
  message = steward_store_find_message (store, reply, &error);
  g_assert_cmpint (steward_message_get_status (message), ==, STEWARD_MESSAGE_STATUS_ERROR);
  g_assert_cmpstr (steward_message_get_error (message), ==, "The server went away.");
  g_assert_cmpint (steward_message_get_input_tokens (message), ==, 12);
  g_assert_cmpint (steward_message_get_output_tokens (message), ==, 3);
  g_assert_cmpint (steward_message_get_latency_ms (message), ==, 450);
  g_assert_cmpstr (steward_message_get_model (message), ==, "gpt-4o-2024-08-06");
  g_assert_nonnull (steward_message_get_tool_calls (message));
  g_assert_cmpstr (steward_message_get_tier (message), ==, "large");
}

static void
test_message_needs_conversation (StoreFixture  *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  guint changes = 0;

  g_signal_connect (store, "row-changed::conversations", G_CALLBACK (row_count_cb), &changes);

  /* Foreign keys are on: no message without its conversation. */
  g_assert_cmpint (steward_store_add_message (store, 42, STEWARD_MESSAGE_ROLE_USER, "lost?",
                                              STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL,
                                              &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changes, ==, 0);

  count = store_fixture_query (fixture->db_path, "SELECT count(*) FROM messages");
  g_assert_cmpstr (count, ==, "0");

  g_assert_null (steward_store_list_messages (store, 42, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_rename_conversation (store, 42, "Found", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

static void
test_summary_and_context (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *context = NULL;
  gint64 conversation, user, reply, through = -1;
  const char *sent = "{\"provider\": \"Work\", \"model\": \"m\", \"system\": \"Be brief.\","
                     " \"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}";

  conversation = steward_store_create_conversation (store, "Soup", &error);
  user = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "Hi",
                                    STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  reply = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "Hello",
                                     STEWARD_MESSAGE_STATUS_COMPLETE, "Work", "m", NULL, &error);
  g_assert_no_error (error);

  /* None yet. */
  g_assert_true (steward_store_get_summary (store, conversation, &summary, &through, &error));
  g_assert_no_error (error);
  g_assert_null (summary);
  g_assert_cmpint (through, ==, 0);

  g_assert_true (steward_store_set_summary (store, conversation, "Greetings.", reply, &error));
  g_assert_true (steward_store_get_summary (store, conversation, &summary, &through, &error));
  g_assert_cmpstr (summary, ==, "Greetings.");
  g_assert_cmpint (through, ==, reply);
  g_clear_pointer (&summary, g_free);

  g_assert_false (steward_store_set_summary (store, conversation + 1, "x", 1, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_get_summary (store, conversation + 1, &summary, &through, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (summary);
  g_assert_cmpint (through, ==, 0);

  /* What was sent for a reply comes back as it was kept. */
  g_assert_null (steward_store_dup_message_context (store, reply, &error));
  g_assert_no_error (error);
  g_assert_true (steward_store_set_message_context (store, reply, sent, &error));
  g_assert_no_error (error);
  context = steward_store_dup_message_context (store, reply, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (context, ==, sent);
  node = json_from_string (context, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  g_assert_null (steward_store_dup_message_context (store, user, &error));
  g_assert_no_error (error);
}

/* -- branches ------------------------------------------------------------- */

static gint64
add (StewardStore       *store,
     gint64              conversation,
     StewardMessageRole  role,
     const char         *content)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_store_add_message (store, conversation, role, content, STEWARD_MESSAGE_STATUS_COMPLETE,
                                         NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static void
assert_path (StewardStore *store,
             gint64        conversation,
             const char   *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) messages = steward_store_list_messages (store, conversation, &error);

  g_assert_no_error (error);
  assert_contents (messages, expected);
}

static void
assert_alternative (StewardStore *store,
                    gint64        id,
                    gint64        parent_id,
                    gboolean      active,
                    guint         alternative,
                    guint         n_alternatives)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardMessage) message = steward_store_find_message (store, id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (steward_message_get_parent_id (message), ==, parent_id);
  g_assert_cmpint (steward_message_get_active (message), ==, active);
  g_assert_cmpuint (steward_message_get_alternative (message), ==, alternative);
  g_assert_cmpuint (steward_message_get_n_alternatives (message), ==, n_alternatives);
}

static void
count_path_change_cb (StewardStore     *store,
                      StewardRowChange  change,
                      gint64            id,
                      gint64            conversation_id,
                      GString          *log)
{
  g_string_append_printf (log, "%c%" G_GINT64_FORMAT " ",
                          change == STEWARD_ROW_INSERTED ? '+' : change == STEWARD_ROW_REMOVED ? '-' : '~', id);
}

static void
test_regenerate_keeps_reply (StoreFixture  *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  StewardReplyRecord usage = { 10, 20, 300, "first-model", NULL };
  StewardReplyRecord other_usage = { 11, 40, 500, "second-model", NULL };
  gint64 conversation, question, answer, follow_up, follow_up_answer, again, later;

  conversation = steward_store_create_conversation (store, "Fruit", &error);
  g_assert_no_error (error);
  question = add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "fruit?");
  answer = add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "apples");
  g_assert_true (steward_store_update_reply (store, answer, "apples", STEWARD_MESSAGE_STATUS_COMPLETE,
                                             NULL, &usage, &error));
  follow_up = add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "why?");
  follow_up_answer = add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "crisp");

  /* Each message follows the one before it; none has alternatives. */
  assert_alternative (store, question, 0, TRUE, 1, 1);
  assert_alternative (store, answer, question, TRUE, 1, 1);
  assert_alternative (store, follow_up_answer, follow_up, TRUE, 1, 1);

  /* Regenerate: a reply beside the first, shown in its place; the first
   * and what followed it stay stored, off the path. */
  g_signal_connect (store, "row-changed::messages", G_CALLBACK (count_path_change_cb), log);
  again = steward_store_add_alternative (store, answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "pears",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, "p", "second-model", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (again, >, follow_up_answer);
  {
    g_autofree char *expected = g_strdup_printf ("~%" G_GINT64_FORMAT " ~%" G_GINT64_FORMAT " ~%" G_GINT64_FORMAT
                                                 " +%" G_GINT64_FORMAT " ~%" G_GINT64_FORMAT " ",
                                                 follow_up_answer, follow_up, answer, again, answer);
    g_assert_cmpstr (log->str, ==, expected);
  }
  g_signal_handlers_disconnect_by_data (store, log);
  assert_path (store, conversation, "fruit? pears");
  assert_alternative (store, answer, question, FALSE, 1, 2);
  assert_alternative (store, again, question, TRUE, 2, 2);
  assert_alternative (store, follow_up, answer, FALSE, 1, 1);
  {
    g_autoptr(StewardConversation) found = steward_store_find_conversation (store, conversation, &error);

    g_assert_cmpuint (steward_conversation_get_message_count (found), ==, 2);
  }

  /* Each alternative has its own usage. */
  g_assert_true (steward_store_update_reply (store, again, "pears", STEWARD_MESSAGE_STATUS_COMPLETE,
                                             NULL, &other_usage, &error));
  {
    g_autoptr(StewardMessage) first = steward_store_find_message (store, answer, &error);
    g_autoptr(StewardMessage) second = steward_store_find_message (store, again, &error);

    g_assert_cmpint (steward_message_get_output_tokens (first), ==, 20);
    g_assert_cmpstr (steward_message_get_model (first), ==, "first-model");
    g_assert_cmpint (steward_message_get_output_tokens (second), ==, 40);
    g_assert_cmpstr (steward_message_get_model (second), ==, "second-model");
  }

  /* The conversation goes on from the reply shown. */
  later = add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "and then?");
  assert_alternative (store, later, again, TRUE, 1, 1);
  assert_path (store, conversation, "fruit? pears and then?");

  /* Back to the first reply: the branch it had comes back whole. */
  g_assert_true (steward_store_select_alternative (store, answer, &error));
  g_assert_no_error (error);
  assert_path (store, conversation, "fruit? apples why? crisp");
  assert_alternative (store, later, again, FALSE, 1, 1);

  /* ‹ and ›: one step at a time, nothing past either end. */
  {
    gint64 shown = -1;

    g_assert_true (steward_store_step_alternative (store, answer, -1, &shown, &error));
    g_assert_cmpint (shown, ==, 0);
    assert_path (store, conversation, "fruit? apples why? crisp");
    g_assert_true (steward_store_step_alternative (store, answer, 1, &shown, &error));
    g_assert_cmpint (shown, ==, again);
    assert_path (store, conversation, "fruit? pears and then?");
    g_assert_true (steward_store_step_alternative (store, again, 1, &shown, &error));
    g_assert_cmpint (shown, ==, 0);
  }

  /* A window of the path skips what is off it. */
  {
    g_autoptr(GListModel) before = steward_store_list_messages_range (store, conversation, 0, later, 0, &error);
    g_autoptr(GListModel) after = steward_store_list_messages_after (store, conversation, question, 0, &error);

    assert_contents (before, "fruit? pears");
    assert_contents (after, "pears and then?");
  }

  /* A third, beside the others. */
  {
    gint64 third = steward_store_add_alternative (store, again, STEWARD_MESSAGE_ROLE_ASSISTANT, "plums",
                                                  STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);

    g_assert_no_error (error);
    assert_alternative (store, third, question, TRUE, 3, 3);
    assert_alternative (store, answer, question, FALSE, 1, 3);
    assert_path (store, conversation, "fruit? plums");
  }

  /* Only what is shown can have another version. */
  g_assert_cmpint (steward_store_add_alternative (store, answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "x",
                                                  STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Deleting the conversation deletes every branch. */
  g_assert_true (steward_store_delete_conversation (store, conversation, &error));
  {
    g_autofree char *left = store_fixture_query (fixture->db_path, "SELECT count(*) FROM messages");

    g_assert_cmpstr (left, ==, "0");
  }
}

static void
test_delete_from_keeps_branches (StoreFixture  *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  gint64 conversation, question, answer, follow_up, again, other;

  conversation = steward_store_create_conversation (store, "Fruit", &error);
  question = add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "fruit?");
  answer = add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "apples");
  follow_up = add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "why?");
  add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "crisp");
  again = steward_store_add_alternative (store, answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "pears",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Edit and resend of a message on the first branch takes it and what
   * follows it, not the later reply on the other branch, though its id
   * is higher. */
  g_assert_true (steward_store_select_alternative (store, answer, &error));
  g_assert_true (steward_store_delete_messages_from (store, follow_up, &error));
  g_assert_no_error (error);
  assert_path (store, conversation, "fruit? apples");
  assert_alternative (store, again, question, FALSE, 2, 2);
  other = add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "why not?");
  assert_alternative (store, other, answer, TRUE, 1, 1);

  /* Deleting the reply shown shows the one left beside it. */
  g_assert_true (steward_store_delete_messages_from (store, answer, &error));
  g_assert_no_error (error);
  assert_path (store, conversation, "fruit? pears");
  assert_alternative (store, again, question, TRUE, 1, 1);

  g_assert_true (steward_store_delete_messages_from (store, question, &error));
  assert_path (store, conversation, "");
  {
    g_autofree char *left = store_fixture_query (fixture->db_path, "SELECT count(*) FROM messages");

    g_assert_cmpstr (left, ==, "0");
  }
}

static void
test_branches_search_and_summary (StoreFixture  *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 summary_through = 0;
  gint64 conversation, answer, again;

  conversation = steward_store_create_conversation (store, "Fruit", &error);
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "fruit?");
  answer = add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "apples");
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "why?");
  add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "crisp");
  g_assert_true (steward_store_set_summary (store, conversation, "About apples.", answer + 1, &error));

  /* Search finds what is on the path only. */
  again = steward_store_add_alternative (store, answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "pears",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  {
    g_autofree char *apples = store_fixture_query (fixture->db_path,
                                                   "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'apples OR crisp'");
    g_autofree char *pears = store_fixture_query (fixture->db_path,
                                                  "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'pears'");

    g_assert_cmpstr (apples, ==, "0");
    g_assert_cmpstr (pears, ==, "1");
  }

  /* The summary was of the other branch, past the fork: it goes. */
  g_assert_true (steward_store_get_summary (store, conversation, &summary, &summary_through, &error));
  g_assert_null (summary);
  g_assert_cmpint (summary_through, ==, 0);

  g_assert_true (steward_store_select_alternative (store, answer, &error));
  {
    g_autofree char *apples = store_fixture_query (fixture->db_path,
                                                   "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'apples OR crisp'");
    g_autofree char *pears = store_fixture_query (fixture->db_path,
                                                  "SELECT count(*) FROM messages_fts WHERE messages_fts MATCH 'pears'");

    g_assert_cmpstr (apples, ==, "2");
    g_assert_cmpstr (pears, ==, "0");
  }
  (void)again;
}

static void
test_branches_in_a_list (StoreFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardMessageList) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 conversation, answer, again;

  conversation = steward_store_create_conversation (store, "Fruit", &error);
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "fruit?");
  answer = add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "apples");
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "why?");
  add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "crisp");

  list = steward_store_watch_messages (store, conversation);
  g_assert_true (steward_message_list_load_end (list, &error));
  assert_contents (G_LIST_MODEL (list), "fruit? apples why? crisp");

  /* The window follows the path as it changes. */
  again = steward_store_add_alternative (store, answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "pears",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  assert_contents (G_LIST_MODEL (list), "fruit? pears");
  {
    g_autoptr(StewardMessage) shown = g_list_model_get_item (G_LIST_MODEL (list), 1);

    g_assert_cmpuint (steward_message_get_alternative (shown), ==, 2);
    g_assert_cmpuint (steward_message_get_n_alternatives (shown), ==, 2);
  }
  g_assert_true (steward_store_select_alternative (store, answer, &error));
  assert_contents (G_LIST_MODEL (list), "fruit? apples why? crisp");
  {
    g_autoptr(StewardMessage) shown = g_list_model_get_item (G_LIST_MODEL (list), 1);

    /* The object shown before, told it has an alternative now. */
    g_assert_cmpuint (steward_message_get_alternative (shown), ==, 1);
    g_assert_cmpuint (steward_message_get_n_alternatives (shown), ==, 2);
    g_assert_true (steward_message_get_active (shown));
  }
  g_assert_true (steward_store_select_alternative (store, again, &error));
  assert_contents (G_LIST_MODEL (list), "fruit? pears");
  g_assert_no_error (error);
}

/* A long conversation's window follows a switch at its first message:
 * emptied, it takes the branch that comes in, and reads what is before
 * it when scrolled up. */
static void
test_branches_in_a_window (StoreFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardMessageList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardMessage) first = NULL;
  gint64 conversation, fork = 0, again;
  guint n_items;

  conversation = steward_store_create_conversation (store, "Long", &error);
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *question = g_strdup_printf ("q%u", i);
      g_autofree char *answer = g_strdup_printf ("a%u", i);

      add (store, conversation, STEWARD_MESSAGE_ROLE_USER, question);
      if (i == 24)
        fork = add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, answer);
      else
        add (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, answer);
    }
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "tail");

  list = steward_store_watch_messages (store, conversation);
  g_assert_true (steward_message_list_load_end (list, &error));
  g_assert_true (steward_message_list_get_has_earlier (list));
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  /* The window starts at a24, the reply written again. */
  g_assert_cmpint (steward_message_get_id (first), ==, fork);

  again = steward_store_add_alternative (store, fork, STEWARD_MESSAGE_ROLE_ASSISTANT, "b24",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  assert_contents (G_LIST_MODEL (list), "b24");
  add (store, conversation, STEWARD_MESSAGE_ROLE_USER, "q40");
  assert_contents (G_LIST_MODEL (list), "b24 q40");

  g_assert_true (steward_store_select_alternative (store, fork, &error));
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (n_items, ==, 32);
  g_assert_true (steward_store_select_alternative (store, again, &error));
  assert_contents (G_LIST_MODEL (list), "b24 q40");

  /* Scrolled up: what comes before it, on the path. */
  g_assert_true (steward_message_list_load_earlier (list, &error));
  g_assert_no_error (error);
  n_items = g_list_model_get_n_items (G_LIST_MODEL (list));
  {
    g_autoptr(StewardMessage) before = g_list_model_get_item (G_LIST_MODEL (list), n_items - 3);

    g_assert_cmpstr (steward_message_get_content (before), ==, "q24");
  }
}

/* Quick chat's conversations: marked, listed with the rest, the mark
 * cleared when one is continued in the main window; a file from before
 * the mark has none. */
static void
test_quick_conversations (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardConversation) conversation = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;
  gint64 quick;

  for (guint i = 1; i <= 12; i++)
    store_fixture_exec (fixture->db_path, _steward_store_get_migration (i));
  store_fixture_exec (fixture->db_path,
                      "PRAGMA user_version = 12;"
                      "INSERT INTO conversations (id, title, created_at, updated_at) VALUES"
                      " (1, 'Soup', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');");

  store = open_store (fixture);
  version = store_fixture_query (fixture->db_path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);
  conversation = steward_store_find_conversation (store, 1, &error);
  g_assert_no_error (error);
  g_assert_false (steward_conversation_get_quick (conversation));
  g_clear_object (&conversation);

  quick = steward_store_create_conversation (store, "", &error);
  g_assert_true (steward_store_set_conversation_quick (store, quick, TRUE, &error));
  g_assert_no_error (error);

  list = steward_store_list_conversations (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  conversation = g_list_model_get_item (list, 0);
  g_assert_cmpint (steward_conversation_get_id (conversation), ==, quick);
  g_assert_true (steward_conversation_get_quick (conversation));
  g_clear_object (&conversation);

  g_assert_true (steward_store_set_conversation_quick (store, quick, FALSE, &error));
  conversation = steward_store_find_conversation (store, quick, &error);
  g_assert_false (steward_conversation_get_quick (conversation));

  g_assert_false (steward_store_set_conversation_quick (store, 42, TRUE, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);


#define ADD(path, func) STORE_TEST_ADD ("store-chat", path, func)

  ADD ("list-conversations", test_list_conversations);
  ADD ("quick-conversations", test_quick_conversations);
  ADD ("recover-interrupted", test_recover_interrupted);
  ADD ("conversation-editing", test_conversation_editing);
  ADD ("message-range", test_message_range);
  ADD ("update-reply", test_update_reply);
  ADD ("message-needs-conversation", test_message_needs_conversation);
  ADD ("summary-and-context", test_summary_and_context);
  ADD ("regenerate-keeps-reply", test_regenerate_keeps_reply);
  ADD ("delete-from-keeps-branches", test_delete_from_keeps_branches);
  ADD ("branches-search-and-summary", test_branches_search_and_summary);
  ADD ("branches-in-a-list", test_branches_in_a_list);
  ADD ("branches-in-a-window", test_branches_in_a_window);

#undef ADD

  return g_test_run ();
}
