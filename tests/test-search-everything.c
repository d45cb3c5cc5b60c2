/* test-search-everything.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-core.h"
#include "steward-store-search-everything.h"
#include "store-fixture.h"

/* The desktop's search over a real store (steward-store-search-everything.c):
 * conversations by their messages, at the best matching message; tasks by
 * title, notes and category; projects by name, brief and their phases'
 * text, at the phase that matched; at most so many of each kind; what
 * has every word in its name first; result ids "KIND:ID". */

typedef struct
{
  gint64 lisbon;
  gint64 lisbon_reply;
  gint64 berlin;
  gint64 hotel;
  gint64 groceries;
  gint64 guide;
  gint64 guide_phase;
  gint64 report;
} Ids;

static StewardStore *
fill (StoreFixture *fixture,
      Ids          *ids)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardTemplate) template = steward_templates_dup_builtin ("default");
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GError) error = NULL;
  StewardTaskDraft hotel = { .title = (char *)"Book the hotel", .notes = (char *)"Near the river in Lisbon" };
  StewardTaskDraft groceries = { .title = (char *)"Groceries", .notes = (char *)"Bread, café au lait" };

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  ids->lisbon = steward_store_create_conversation (store, "Lisbon", &error);
  g_assert_no_error (error);
  steward_store_add_message (store, ids->lisbon, STEWARD_MESSAGE_ROLE_USER, "Where should I stay?",
                             STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  ids->lisbon_reply = steward_store_add_message (store, ids->lisbon, STEWARD_MESSAGE_ROLE_ASSISTANT,
                                                 "In **Lisbon**, Alfama is close to the river.",
                                                 STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  ids->berlin = steward_store_create_conversation (store, "Berlin", &error);
  g_assert_no_error (error);
  steward_store_add_message (store, ids->berlin, STEWARD_MESSAGE_ROLE_USER, "A river cruise or a museum?",
                             STEWARD_MESSAGE_STATUS_COMPLETE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);

  ids->hotel = steward_store_add_task (store, &hotel, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);
  ids->groceries = steward_store_add_task (store, &groceries, STEWARD_TASK_STATUS_TODO, &error);
  g_assert_no_error (error);

  ids->guide = steward_store_create_project (store, "Travel guide", template, "", &error);
  g_assert_no_error (error);
  phase = steward_store_find_phase_at (store, ids->guide, 1, &error);
  g_assert_no_error (error);
  ids->guide_phase = steward_phase_get_id (phase);
  steward_store_set_phase_content (store, ids->guide_phase,
                                   "## Trams\n\nThe trams of *Lisbon* climb the hills by the river.",
                                   STEWARD_VERSION_REASON_SAVED, NULL, NULL, &error);
  g_assert_no_error (error);

  ids->report = steward_store_create_project (store, "River report", template,
                                              "What the river carried in 2025", &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static StewardSearchHit *
hit_at (GListModel *hits,
        guint       position)
{
  g_autoptr(StewardSearchHit) hit = g_list_model_get_item (hits, position);

  g_assert_nonnull (hit);

  /* Owned by the list */
  return hit;
}

static char *
dup_ids (GListModel *hits)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (hits); i++)
    {
      g_autofree char *id = steward_search_hit_dup_result_id (hit_at (hits, i));

      g_string_append_printf (out, "%s%s", i > 0 ? " " : "", id);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
test_kinds (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  Ids ids;
  g_autoptr(StewardStore) store = fill (fixture, &ids);
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;
  StewardSearchHit *hit;

  hits = steward_store_search_everything (store, "lisbon", 5, NULL, &error);
  g_assert_no_error (error);

  /* The conversation named Lisbon first, then the task and the project
   * found by their text */
  expected = g_strdup_printf ("conversation:%" G_GINT64_FORMAT " task:%" G_GINT64_FORMAT " project:%" G_GINT64_FORMAT,
                              ids.lisbon, ids.hotel, ids.guide);
  found = dup_ids (hits);
  g_assert_cmpstr (found, ==, expected);

  hit = hit_at (hits, 0);
  g_assert_cmpint (steward_search_hit_get_kind (hit), ==, STEWARD_SEARCH_HIT_CONVERSATION);
  g_assert_cmpstr (steward_search_hit_get_title (hit), ==, "Lisbon");
  g_assert_cmpint (steward_search_hit_get_target_id (hit), ==, ids.lisbon_reply);
  /* Plain text, no Markdown, no match markers */
  g_assert_cmpstr (steward_search_hit_get_snippet (hit), ==, "In Lisbon, Alfama is close to the river.");

  hit = hit_at (hits, 1);
  g_assert_cmpstr (steward_search_hit_get_title (hit), ==, "Book the hotel");
  g_assert_cmpstr (steward_search_hit_get_snippet (hit), ==, "Near the river in Lisbon");
  g_assert_cmpint (steward_search_hit_get_target_id (hit), ==, 0);

  hit = hit_at (hits, 2);
  g_assert_cmpstr (steward_search_hit_get_title (hit), ==, "Travel guide");
  g_assert_cmpint (steward_search_hit_get_target_id (hit), ==, ids.guide_phase);
  g_assert_true (g_str_has_suffix (steward_search_hit_get_snippet (hit),
                                   ": Trams The trams of Lisbon climb the hills by the river."));
}

static void
test_title_first (StoreFixture  *fixture,
                  gconstpointer  user_data)
{
  Ids ids;
  g_autoptr(StewardStore) store = fill (fixture, &ids);
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  /* "river" is in every kind; only the project "River report" has it in
   * its name. The others keep their kind's order: conversations (best
   * match first), tasks, then projects. */
  hits = steward_store_search_everything (store, "river", 5, NULL, &error);
  g_assert_no_error (error);

  found = dup_ids (hits);
  g_assert_true (g_str_has_prefix (found, "project:"));
  g_assert_cmpint (steward_search_hit_get_id (hit_at (hits, 0)), ==, ids.report);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 5);
  g_assert_cmpint (steward_search_hit_get_kind (hit_at (hits, 1)), ==, STEWARD_SEARCH_HIT_CONVERSATION);
  g_assert_cmpint (steward_search_hit_get_kind (hit_at (hits, 2)), ==, STEWARD_SEARCH_HIT_CONVERSATION);
  g_assert_cmpint (steward_search_hit_get_kind (hit_at (hits, 3)), ==, STEWARD_SEARCH_HIT_TASK);
  g_assert_cmpint (steward_search_hit_get_kind (hit_at (hits, 4)), ==, STEWARD_SEARCH_HIT_PROJECT);
  g_assert_cmpint (steward_search_hit_get_id (hit_at (hits, 4)), ==, ids.guide);

  /* The brief, for a project found by it */
  g_assert_cmpstr (steward_search_hit_get_snippet (hit_at (hits, 0)), ==, "What the river carried in 2025");

  /* At most one of each kind */
  g_clear_object (&hits);
  hits = steward_store_search_everything (store, "river", 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);
}

static void
test_words (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  Ids ids;
  g_autoptr(StewardStore) store = fill (fixture, &ids);
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *found = NULL;

  /* Every word must match; each is a prefix */
  hits = steward_store_search_everything (store, "riv lisb", 5, NULL, &error);
  g_assert_no_error (error);
  expected = g_strdup_printf ("conversation:%" G_GINT64_FORMAT " task:%" G_GINT64_FORMAT " project:%" G_GINT64_FORMAT,
                              ids.lisbon, ids.hotel, ids.guide);
  found = dup_ids (hits);
  g_assert_cmpstr (found, ==, expected);
  g_clear_object (&hits);

  /* LIKE's wildcards and FTS5's syntax are only text */
  hits = steward_store_search_everything (store, "100% \"NEAR\" _ *", 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);

  /* Nothing to look for */
  hits = steward_store_search_everything (store, "  … ", 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);

  hits = steward_store_search_everything (store, "zeppelin", 5, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
}

static void
search_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GListModel **hits = user_data;
  g_autoptr(GError) error = NULL;

  *hits = steward_store_search_everything_finish (STEWARD_STORE (object), result, &error);
  g_assert_no_error (error);
}

static void
test_async (StoreFixture  *fixture,
            gconstpointer  user_data)
{
  Ids ids;
  g_autoptr(StewardStore) store = fill (fixture, &ids);
  g_autoptr(GListModel) hits = NULL;

  steward_store_search_everything_async (store, "groceries", 5, NULL, search_cb, &hits);
  while (hits == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_assert_cmpint (steward_search_hit_get_id (hit_at (hits, 0)), ==, ids.groceries);
}

static void
test_result_ids (void)
{
  g_autoptr(StewardSearchHit) hit = steward_search_hit_new (STEWARD_SEARCH_HIT_PROJECT, 42, 7, "Guide", NULL);
  g_autofree char *id = steward_search_hit_dup_result_id (hit);
  StewardSearchHitKind kind;
  gint64 number;

  g_assert_cmpstr (id, ==, "project:42");
  g_assert_cmpstr (steward_search_hit_get_snippet (hit), ==, "");

  g_assert_true (steward_search_hit_parse_result_id ("conversation:12", &kind, &number));
  g_assert_cmpint (kind, ==, STEWARD_SEARCH_HIT_CONVERSATION);
  g_assert_cmpint (number, ==, 12);
  g_assert_true (steward_search_hit_parse_result_id ("task:3", &kind, &number));
  g_assert_cmpint (kind, ==, STEWARD_SEARCH_HIT_TASK);

  g_assert_false (steward_search_hit_parse_result_id ("ask:lisbon", &kind, &number));
  g_assert_false (steward_search_hit_parse_result_id ("task:", &kind, &number));
  g_assert_false (steward_search_hit_parse_result_id ("task:0", &kind, &number));
  g_assert_false (steward_search_hit_parse_result_id ("task:-1", &kind, &number));
  g_assert_false (steward_search_hit_parse_result_id ("task:1x", &kind, &number));
  g_assert_false (steward_search_hit_parse_result_id ("task", &kind, &number));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("search-everything", "kinds", test_kinds);
  STORE_TEST_ADD ("search-everything", "title-first", test_title_first);
  STORE_TEST_ADD ("search-everything", "words", test_words);
  STORE_TEST_ADD ("search-everything", "async", test_async);
  g_test_add_func ("/steward/search-everything/result-ids", test_result_ids);

  return g_test_run ();
}
