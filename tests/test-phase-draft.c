/* test-phase-draft.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Drafting a phase with the model (steward-phase-draft.c) and drafting
 * the stale phases again (steward-stale-redraft.c), against
 * tests/replay-server: what the request tells the model (the brief, the
 * phase's instructions, the earlier phases whole or as passages when
 * they do not fit), where the draft goes (a version of its own, the
 * user's text kept before it), and what a failure leaves. */

#include "config.h"

#include "replay-fixture.h"
#include "steward-core.h"
#include "store-fixture.h"

/* The model whose answer is tests/fixtures/KIND/text_stream.sse */
#define DRAFT_MODEL "text_stream"

typedef struct
{
  StoreFixture  base;
  ReplayFixture replay;
  gint64        project_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  const char *kind = user_data;
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (&fixture->base, NULL);
  replay_fixture_set_up (&fixture->replay, fixture->base.data_dir, kind);
  replay_fixture_set_tier (&fixture->replay, "medium", DRAFT_MODEL);

  fixture->project_id = steward_projects_create (steward_services_get_store (fixture->replay.services),
                                                 "Field guide", NULL,
                                                 "A pocket guide to the birds of the Algarve, for walkers.",
                                                 &error);
  g_assert_no_error (error);
  g_assert_cmpint (fixture->project_id, >, 0);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  replay_fixture_tear_down (&fixture->replay);
  store_fixture_tear_down (&fixture->base, NULL);
}

static StewardStore *
store_of (Fixture *fixture)
{
  return steward_services_get_store (fixture->replay.services);
}

static StewardPhase *
phase_at (Fixture *fixture,
          guint    number)
{
  g_autoptr(GError) error = NULL;
  StewardPhase *phase = steward_projects_lookup_phase (store_of (fixture), fixture->project_id, number, &error);

  g_assert_no_error (error);

  return phase;
}

static void
set_phase (Fixture              *fixture,
           guint                 number,
           const char           *text,
           StewardVersionReason  reason)
{
  g_autoptr(StewardPhase) phase = phase_at (fixture, number);
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_store_set_phase_content (store_of (fixture), steward_phase_get_id (phase), text,
                                                  reason, NULL, NULL, &error));
  g_assert_no_error (error);
}

static char *
expected_text (const char *kind)
{
  g_autofree char *path = g_build_filename (g_getenv ("STEWARD_FIXTURES_DIR"), kind, "text_stream.expected.txt", NULL);
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);

  return text;
}

typedef struct
{
  gboolean done;
  gboolean ok;
  GError  *error;
} Done;

static void
draft_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Done *done = user_data;

  done->ok = steward_phase_draft_run_finish (STEWARD_PHASE_DRAFT (object), result, &done->error);
  done->done = TRUE;
}

static void
redraft_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Done *done = user_data;

  done->ok = steward_stale_redraft_run_finish (STEWARD_STALE_REDRAFT (object), result, &done->error);
  done->done = TRUE;
}

static void
wait_done (Done *done)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (!done->done)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
}

static StewardPhaseDraft *
draft (Fixture     *fixture,
       guint        number,
       const char  *note,
       GError     **error)
{
  g_autoptr(StewardPhase) phase = phase_at (fixture, number);
  g_autoptr(StewardPhaseDraft) phase_draft = NULL;
  Done done = { 0 };

  phase_draft = steward_phase_draft_new (fixture->replay.services, steward_phase_get_id (phase), "medium", note);
  steward_phase_draft_run_async (phase_draft, NULL, draft_cb, &done);
  wait_done (&done);

  g_assert_true (done.ok == (done.error == NULL));
  if (done.error != NULL)
    g_propagate_error (error, done.error);

  return g_steal_pointer (&phase_draft);
}

/* The draft streams into a version of its own; the user's typed text is
 * kept as a version before it; the request carries the brief, the
 * phase's instructions, the note and the earlier phases whole. */
static void
test_draft (Fixture       *fixture,
            gconstpointer  user_data)
{
  const char *kind = user_data;
  g_autofree char *expected = expected_text (kind);
  g_autoptr(StewardPhaseDraft) phase_draft = NULL;
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(StewardPhaseVersion) latest = NULL;
  g_autoptr(StewardPhaseVersion) before = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *told = NULL;

  set_phase (fixture, 1, "Walkers want the **twenty** commonest birds, by habitat.", STEWARD_VERSION_REASON_SAVED);
  /* Typed into phase 2, autosaved but not yet a version of its own */
  set_phase (fixture, 2, "Goal: identify a bird in a minute.", STEWARD_VERSION_REASON_SAVED);
  set_phase (fixture, 2, "Goal: identify a bird in under a minute.", STEWARD_VERSION_REASON_AUTOSAVE);

  phase_draft = draft (fixture, 2, "shorter, more formal", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_phase_draft_get_text (phase_draft), ==, expected);
  g_assert_false (steward_phase_draft_get_used_passages (phase_draft));

  phase = phase_at (fixture, 2);
  g_assert_cmpstr (steward_phase_get_content (phase), ==, expected);
  g_assert_cmpint (steward_phase_get_status (phase), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);

  versions = steward_store_list_phase_versions (store_of (fixture), steward_phase_get_id (phase), &error);
  g_assert_no_error (error);
  latest = g_list_model_get_item (versions, 0);
  g_assert_cmpint (steward_phase_version_get_id (latest), ==, steward_phase_draft_get_version_id (phase_draft));
  g_assert_cmpint (steward_phase_version_get_reason (latest), ==, STEWARD_VERSION_REASON_GENERATED);
  g_assert_cmpstr (steward_phase_version_get_content (latest), ==, expected);
  before = g_list_model_get_item (versions, 1);
  g_assert_cmpstr (steward_phase_version_get_content (before), ==, "Goal: identify a bird in under a minute.");

  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 1);
  told = replay_fixture_request_text (&fixture->replay, -1);
  g_assert_nonnull (strstr (told, DRAFT_MODEL));
  g_assert_nonnull (strstr (told, "A pocket guide to the birds of the Algarve"));
  g_assert_nonnull (strstr (told, "Walkers want the **twenty** commonest birds, by habitat."));
  g_assert_nonnull (strstr (told, "Write phase 2 of 14"));
  g_assert_nonnull (strstr (told, steward_phase_get_instructions (phase)));
  g_assert_nonnull (strstr (told, "Goal: identify a bird in under a minute."));
  g_assert_nonnull (strstr (told, "shorter, more formal"));
  /* Later phases are not its business */
  g_assert_null (strstr (told, "Phase 3"));
}

/* Earlier phases too long for the model's context go in as the passages
 * that best match the phase, each labelled with its phase. */
static void
test_passages (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StewardPhaseDraft) phase_draft = NULL;
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *told = NULL;

  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "Paragraph %u is about coastal wetlands and their waders.\n\n", i);
  g_string_append (long_text, "The hoopoe nests in old walls near the cork oaks.\n\n");
  for (guint i = 0; i < 400; i++)
    g_string_append_printf (long_text, "Paragraph %u is about inland farmland.\n\n", i + 400);
  set_phase (fixture, 3, long_text->str, STEWARD_VERSION_REASON_SAVED);

  g_assert_true (steward_store_set_model_context_tokens (store_of (fixture), "Replay", DRAFT_MODEL, 3000, &error));
  g_assert_no_error (error);

  phase_draft = draft (fixture, 4, "the hoopoe and the cork oaks", &error);
  g_assert_no_error (error);
  g_assert_true (steward_phase_draft_get_used_passages (phase_draft));

  told = replay_fixture_request_text (&fixture->replay, -1);
  g_assert_nonnull (strstr (told, "The hoopoe nests in old walls near the cork oaks."));
  g_assert_nonnull (strstr (told, "<passage phase=\"3\""));
  g_assert_null (strstr (told, "Paragraph 799 is about inland farmland."));
  g_assert_cmpint (steward_estimate_tokens (told), <, 3000);
}

/* A request that fails changes nothing and keeps no version. */
static void
test_failed (Fixture       *fixture,
             gconstpointer  user_data)
{
  g_autoptr(StewardPhaseDraft) phase_draft = NULL;
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;

  set_phase (fixture, 2, "My own words.", STEWARD_VERSION_REASON_SAVED);
  replay_fixture_set_tier (&fixture->replay, "medium", "error_401");

  phase_draft = draft (fixture, 2, NULL, &error);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_AUTH);
  g_assert_cmpint (steward_phase_draft_get_version_id (phase_draft), ==, 0);

  phase = phase_at (fixture, 2);
  g_assert_cmpstr (steward_phase_get_content (phase), ==, "My own words.");
  versions = steward_store_list_phase_versions (store_of (fixture), steward_phase_get_id (phase), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
}

/* Editing a completed phase makes the later completed ones stale; they
 * are drafted again in order, the second reading the first's new text. */
static void
test_redraft_stale (Fixture       *fixture,
                    gconstpointer  user_data)
{
  const char *kind = user_data;
  g_autofree char *expected = expected_text (kind);
  g_autoptr(StewardStaleRedraft) redraft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  Done done = { 0 };

  for (guint n = 1; n <= 3; n++)
    {
      g_autofree char *text = g_strdup_printf ("Phase %u as it was first written.", n);

      set_phase (fixture, n, text, STEWARD_VERSION_REASON_COMPLETED);
    }
  set_phase (fixture, 1, "Phase 1, rewritten.", STEWARD_VERSION_REASON_SAVED);
  {
    g_autoptr(StewardPhase) two = phase_at (fixture, 2);
    g_autoptr(StewardPhase) three = phase_at (fixture, 3);

    g_assert_cmpint (steward_phase_get_status (two), ==, STEWARD_PHASE_STATUS_STALE);
    g_assert_cmpint (steward_phase_get_status (three), ==, STEWARD_PHASE_STATUS_STALE);
  }

  redraft = steward_stale_redraft_new (fixture->replay.services, fixture->project_id, "medium");
  steward_stale_redraft_run_async (redraft, NULL, redraft_cb, &done);
  wait_done (&done);
  g_assert_no_error (done.error);
  g_assert_true (done.ok);
  g_assert_cmpuint (steward_stale_redraft_get_done (redraft), ==, 2);
  g_assert_cmpuint (steward_stale_redraft_get_total (redraft), ==, 2);
  g_assert_null (steward_stale_redraft_get_current (redraft));

  for (guint n = 2; n <= 3; n++)
    {
      g_autoptr(StewardPhase) phase = phase_at (fixture, n);

      g_assert_cmpstr (steward_phase_get_content (phase), ==, expected);
      g_assert_cmpint (steward_phase_get_status (phase), !=, STEWARD_PHASE_STATUS_STALE);
    }

  /* Phase 2 first, then phase 3 from phase 2's new text */
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 2);
  second = replay_fixture_request_text (&fixture->replay, 1);
  g_assert_nonnull (strstr (second, "Write phase 3 of 14"));
  g_assert_nonnull (strstr (second, "Phase 1, rewritten."));
  g_assert_nonnull (strstr (second, expected));
}

/* Stop lets the phase being drafted end and starts no other. */
static void
test_redraft_stop (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStaleRedraft) redraft = NULL;
  Done done = { 0 };

  for (guint n = 1; n <= 3; n++)
    set_phase (fixture, n, "Written.", STEWARD_VERSION_REASON_COMPLETED);
  set_phase (fixture, 1, "Changed.", STEWARD_VERSION_REASON_SAVED);

  redraft = steward_stale_redraft_new (fixture->replay.services, fixture->project_id, "medium");
  steward_stale_redraft_run_async (redraft, NULL, redraft_cb, &done);
  g_assert_nonnull (steward_stale_redraft_get_current (redraft));
  steward_stale_redraft_stop (redraft);
  wait_done (&done);
  g_assert_no_error (done.error);
  g_assert_cmpuint (steward_stale_redraft_get_done (redraft), ==, 1);
  g_assert_cmpuint (replay_fixture_n_requests (&fixture->replay), ==, 1);
  {
    g_autoptr(StewardPhase) three = phase_at (fixture, 3);

    g_assert_cmpint (steward_phase_get_status (three), ==, STEWARD_PHASE_STATUS_STALE);
  }
}

static const char * const kinds[] = { "openai", "anthropic", "gemini", "ollama" };

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autofree char *path = g_strdup_printf ("/steward/phase-draft/%s/draft", kinds[k]);

      g_test_add (path, Fixture, kinds[k], fixture_set_up, test_draft, fixture_tear_down);
    }
  g_test_add ("/steward/phase-draft/passages", Fixture, "openai", fixture_set_up, test_passages, fixture_tear_down);
  g_test_add ("/steward/phase-draft/failed", Fixture, "openai", fixture_set_up, test_failed, fixture_tear_down);
  g_test_add ("/steward/phase-draft/redraft-stale", Fixture, "anthropic",
              fixture_set_up, test_redraft_stale, fixture_tear_down);
  g_test_add ("/steward/phase-draft/redraft-stop", Fixture, "openai",
              fixture_set_up, test_redraft_stop, fixture_tear_down);

  return g_test_run ();
}
