/* test-context.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-enum-types.h"

#include "steward-core.h"
#include "steward-message-private.h"
#include "store-fixture.h"

static gint64 next_id;

static void
append (GListStore *history,
        const char *role_nick,
        const char *content,
        const char *status_nick)
{
  int role, status;
  StewardMessageFields f;

  g_assert_true (steward_enum_from_nick (STEWARD_TYPE_MESSAGE_ROLE, role_nick, &role));
  g_assert_true (steward_enum_from_nick (STEWARD_TYPE_MESSAGE_STATUS, status_nick, &status));
  f = (StewardMessageFields) {
    .id = ++next_id,
    .conversation_id = 1,
    .role = role,
    .content = content,
    .status = status,
    .input_tokens = -1,
    .output_tokens = -1,
    .latency_ms = -1,
  };
  {
    g_autoptr(StewardMessage) message = _steward_message_new (&f);

    g_list_store_append (history, message);
  }
}

/* Exchange n: "question n" and "answer n"; the reply's id is 2n. */
static GListStore *
history_of (guint n_exchanges)
{
  GListStore *history = g_list_store_new (STEWARD_TYPE_MESSAGE);

  next_id = 0;
  for (guint i = 1; i <= n_exchanges; i++)
    {
      g_autofree char *question = g_strdup_printf ("question %u", i);
      g_autofree char *answer = g_strdup_printf ("answer %u", i);

      append (history, "user", question, "complete");
      append (history, "assistant", answer, "complete");
    }

  return history;
}

static const StewardContextLimits roomy = { 5, 100000, 1000 };

static void
assert_messages (StewardChatRequest *request,
                 const char * const *expected)
{
  guint n = g_strv_length ((char **)expected);

  g_assert_cmpuint (request->messages->len, ==, n);
  for (guint i = 0; i < n; i++)
    {
      StewardChatMessage *message = g_ptr_array_index (request->messages, i);

      g_assert_cmpstr (message->content, ==, expected[i]);
      g_assert_cmpint (message->role, ==, i % 2 == 0 ? STEWARD_MESSAGE_ROLE_USER : STEWARD_MESSAGE_ROLE_ASSISTANT);
    }
}

static void
test_window_within_limit (void)
{
  g_autoptr(GListStore) history = history_of (3);
  g_autoptr(StewardContext) context = NULL;
  static const char * const expected[] = {
    "question 1", "answer 1", "question 2", "answer 2", "question 3", "answer 3", "question 4", NULL
  };

  context = steward_context_build (G_LIST_MODEL (history), NULL, 0, "You are Steward.", "m",
                                   "question 4", &roomy);
  assert_messages (context->request, expected);
  g_assert_cmpstr (context->request->system, ==, "You are Steward.");
  g_assert_cmpstr (context->request->model, ==, "m");
  g_assert_cmpint (context->request->max_tokens, ==, 1000);
  g_assert_cmpint (context->fold_through, ==, 0);
  g_assert_cmpuint (context->to_fold->len, ==, 0);
  g_assert_cmpint (context->estimated_tokens, >, 0);
}

static void
test_seventh_message_without_summary (void)
{
  g_autoptr(GListStore) history = history_of (6);
  g_autoptr(StewardContext) context = NULL;
  static const char * const expected[] = {
    "question 2", "answer 2", "question 3", "answer 3", "question 4", "answer 4",
    "question 5", "answer 5", "question 6", "answer 6", "question 7", NULL
  };
  StewardChatMessage *folded;

  context = steward_context_build (G_LIST_MODEL (history), NULL, 0, NULL, "m", "question 7", &roomy);

  /* Exchange 1 is not sent: it must be folded into the summary first. */
  assert_messages (context->request, expected);
  g_assert_cmpint (context->fold_through, ==, 2);
  g_assert_cmpuint (context->to_fold->len, ==, 2);
  folded = g_ptr_array_index (context->to_fold, 0);
  g_assert_cmpstr (folded->content, ==, "question 1");
  folded = g_ptr_array_index (context->to_fold, 1);
  g_assert_cmpint (folded->role, ==, STEWARD_MESSAGE_ROLE_ASSISTANT);
  g_assert_cmpstr (folded->content, ==, "answer 1");
}

static void
test_seventh_message_with_summary (void)
{
  g_autoptr(GListStore) history = history_of (6);
  g_autoptr(StewardContext) context = NULL;
  static const char * const expected[] = {
    "question 2", "answer 2", "question 3", "answer 3", "question 4", "answer 4",
    "question 5", "answer 5", "question 6", "answer 6", "question 7", NULL
  };

  context = steward_context_build (G_LIST_MODEL (history), "The user asked question 1.", 2,
                                   "You are Steward.", "m", "question 7", &roomy);

  assert_messages (context->request, expected);
  g_assert_cmpint (context->fold_through, ==, 0);
  g_assert_true (g_str_has_prefix (context->request->system, "You are Steward.\n\n"));
  g_assert_nonnull (strstr (context->request->system, "The user asked question 1."));
}

static void
test_summary_never_repeated_verbatim (void)
{
  g_autoptr(GListStore) history = history_of (3);
  g_autoptr(StewardContext) context = NULL;
  static const char * const expected[] = { "question 3", "answer 3", "question 4", NULL };

  /* The summary covers exchanges 1 and 2 although they would fit. */
  context = steward_context_build (G_LIST_MODEL (history), "Earlier.", 4, NULL, "m", "question 4", &roomy);
  assert_messages (context->request, expected);
  g_assert_cmpint (context->fold_through, ==, 0);
}

static void
test_window_over_budget (void)
{
  g_autoptr(GListStore) history = g_list_store_new (STEWARD_TYPE_MESSAGE);
  g_autoptr(StewardContext) context = NULL;
  g_autofree char *long_answer = g_strnfill (4000, 'a');   /* ~1000 tokens */
  const StewardContextLimits tight = { 5, 2600, 500 };
  StewardChatMessage *last;

  next_id = 0;
  for (guint i = 0; i < 4; i++)
    {
      append (history, "user", "short question", "complete");
      append (history, "assistant", long_answer, "complete");
    }

  context = steward_context_build (G_LIST_MODEL (history), NULL, 0, NULL, "m", "new", &tight);

  /* 2,100 tokens after the reply's share: two long exchanges fit. */
  g_assert_cmpuint (context->request->messages->len, ==, 5);
  g_assert_cmpint (context->fold_through, ==, 4);
  g_assert_cmpuint (context->to_fold->len, ==, 4);
  g_assert_cmpint (context->estimated_tokens, <=, 2100);
  last = g_ptr_array_index (context->request->messages, 4);
  g_assert_cmpstr (last->content, ==, "new");
}

static void
test_newest_exchange_always_kept (void)
{
  g_autoptr(GListStore) history = g_list_store_new (STEWARD_TYPE_MESSAGE);
  g_autoptr(StewardContext) context = NULL;
  g_autofree char *huge = g_strnfill (40000, 'z');
  const StewardContextLimits tiny = { 5, 1000, 200 };

  next_id = 0;
  append (history, "user", "q", "complete");
  append (history, "assistant", huge, "complete");

  context = steward_context_build (G_LIST_MODEL (history), NULL, 0, NULL, "m", "next", &tiny);
  g_assert_cmpuint (context->request->messages->len, ==, 3);
  g_assert_cmpint (context->fold_through, ==, 0);
}

static void
test_failed_replies_left_out (void)
{
  g_autoptr(GListStore) history = g_list_store_new (STEWARD_TYPE_MESSAGE);
  g_autoptr(StewardContext) context = NULL;
  static const char * const expected[] = {
    "first", "partial answ", "second", NULL
  };

  next_id = 0;
  append (history, "user", "first", "complete");
  append (history, "assistant", "partial answ", "interrupted");
  append (history, "user", "retry me", "complete");
  append (history, "assistant", "", "error");

  context = steward_context_build (G_LIST_MODEL (history), NULL, 0, NULL, "m", "second", &roomy);

  /* The failed exchange's question still goes, alone. */
  g_assert_cmpuint (context->request->messages->len, ==, 4);
  {
    StewardChatMessage *m0 = g_ptr_array_index (context->request->messages, 0);
    StewardChatMessage *m1 = g_ptr_array_index (context->request->messages, 1);
    StewardChatMessage *m2 = g_ptr_array_index (context->request->messages, 2);
    StewardChatMessage *m3 = g_ptr_array_index (context->request->messages, 3);

    g_assert_cmpstr (m0->content, ==, expected[0]);
    g_assert_cmpstr (m1->content, ==, expected[1]);
    g_assert_cmpstr (m2->content, ==, "retry me");
    g_assert_cmpstr (m3->content, ==, expected[2]);
  }
}

static void
test_estimate_tokens (void)
{
  g_assert_cmpint (steward_estimate_tokens (NULL), ==, 0);
  g_assert_cmpint (steward_estimate_tokens (""), ==, 0);
  g_assert_cmpint (steward_estimate_tokens ("abcd"), ==, 1);
  g_assert_cmpint (steward_estimate_tokens ("abcdefgh"), ==, 2);
  /* Wide scripts count closer to a token a character. */
  g_assert_cmpint (steward_estimate_tokens ("日本語"), ==, 3);
}

/* The context follows the branch shown: after Regenerate, the new reply
 * and what followed it; switched back, the first reply and its own
 * follow-up. A summary of the other branch is not sent. */
static void
assert_sent (StewardStore *store,
             gint64        conversation,
             const char   *summary_part,
             const char   *expected)
{
  g_autoptr(GListModel) history = NULL;
  g_autoptr(StewardContext) context = NULL;
  g_autoptr(GString) sent = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gint64 summary_through = 0;

  g_assert_true (steward_store_get_summary (store, conversation, &summary, &summary_through, &error));
  history = steward_store_list_messages (store, conversation, &error);
  g_assert_no_error (error);
  context = steward_context_build (history, summary, summary_through, "System.", "m", "next?", &roomy);

  for (guint i = 0; i < context->request->messages->len; i++)
    {
      StewardChatMessage *message = g_ptr_array_index (context->request->messages, i);

      g_string_append_printf (sent, "%s%s", i > 0 ? " " : "", message->content);
    }

  g_assert_cmpstr (sent->str, ==, expected);
  if (summary_part != NULL)
    g_assert_nonnull (strstr (context->request->system, summary_part));
  else
    g_assert_null (strstr (context->request->system, "Summary"));
}

static void
add_message (StewardStore       *store,
             gint64              conversation,
             StewardMessageRole  role,
             const char         *content,
             gint64             *id)
{
  g_autoptr(GError) error = NULL;

  *id = steward_store_add_message (store, conversation, role, content, STEWARD_MESSAGE_STATUS_COMPLETE,
                                   NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

static void
test_follows_branch (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardStore) store = steward_store_open (fixture->data_dir, &error);
  gint64 conversation, question, answer, follow_up, follow_up_answer, again, other;

  g_assert_no_error (error);
  conversation = steward_store_create_conversation (store, "Fruit", &error);
  add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "fruit?", &question);
  add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "apples", &answer);
  add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "why?", &follow_up);
  add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "crisp", &follow_up_answer);
  assert_sent (store, conversation, NULL, "fruit? apples why? crisp next?");

  again = steward_store_add_alternative (store, answer, STEWARD_MESSAGE_ROLE_ASSISTANT, "pears",
                                         STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  add_message (store, conversation, STEWARD_MESSAGE_ROLE_USER, "ripe?", &other);
  assert_sent (store, conversation, NULL, "fruit? pears ripe? next?");

  /* A summary of this branch, past the fork. */
  g_assert_true (steward_store_set_summary (store, conversation, "Pears, ripe.", other, &error));
  assert_sent (store, conversation, "Pears, ripe.", "next?");

  g_assert_true (steward_store_select_alternative (store, answer, &error));
  g_assert_no_error (error);
  assert_sent (store, conversation, NULL, "fruit? apples why? crisp next?");
  (void)question;
  (void)follow_up;
  (void)follow_up_answer;
  (void)again;
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/context/window-within-limit", test_window_within_limit);
  g_test_add_func ("/steward/context/seventh-message-without-summary", test_seventh_message_without_summary);
  g_test_add_func ("/steward/context/seventh-message-with-summary", test_seventh_message_with_summary);
  g_test_add_func ("/steward/context/summary-never-repeated-verbatim", test_summary_never_repeated_verbatim);
  g_test_add_func ("/steward/context/window-over-budget", test_window_over_budget);
  g_test_add_func ("/steward/context/newest-exchange-always-kept", test_newest_exchange_always_kept);
  g_test_add_func ("/steward/context/failed-replies-left-out", test_failed_replies_left_out);
  g_test_add_func ("/steward/context/estimate-tokens", test_estimate_tokens);
  STORE_TEST_ADD ("context", "follows-branch", test_follows_branch);

  return g_test_run ();
}
