/* test-documents.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steward-core.h"
#include "steward-store-private.h"
#include "store-fixture.h"

/* Document projects on a real store: templates, the statuses of phases
 * and the stale cascade, the rules of versions, duplicates, JSON files,
 * the passage search and the migration from schema 9. */

static StewardStore *
open_store (StoreFixture *fixture)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store = steward_store_open (fixture->data_dir, &error);

  g_assert_no_error (error);

  return store;
}

static gint64
create_project (StewardStore *store,
                const char   *name,
                const char   *template)
{
  g_autoptr(GError) error = NULL;
  gint64 id = steward_projects_create (store, name, template, "For the board", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  return id;
}

static StewardPhase *
phase_at (StewardStore *store,
          gint64        project_id,
          guint         number)
{
  g_autoptr(GError) error = NULL;
  StewardPhase *phase = steward_projects_lookup_phase (store, project_id, number, &error);

  g_assert_no_error (error);

  return phase;
}

static gint64
phase_id_at (StewardStore *store,
             gint64        project_id,
             guint         number)
{
  g_autoptr(StewardPhase) phase = phase_at (store, project_id, number);

  return steward_phase_get_id (phase);
}

static StewardPhaseStatus
status_at (StewardStore *store,
           gint64        project_id,
           guint         number)
{
  g_autoptr(StewardPhase) phase = phase_at (store, project_id, number);

  return steward_phase_get_status (phase);
}

static void
set_content (StewardStore         *store,
             gint64                project_id,
             guint                 number,
             const char           *content,
             StewardVersionReason  reason)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_store_set_phase_content (store, phase_id_at (store, project_id, number), content,
                                                  reason, NULL, NULL, &error));
  g_assert_no_error (error);
}

static guint
n_versions (StewardStore *store,
            gint64        phase_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) versions = steward_store_list_phase_versions (store, phase_id, &error);

  g_assert_no_error (error);

  return g_list_model_get_n_items (versions);
}

static void
test_builtin_templates (StoreFixture  *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GListModel) builtins = steward_templates_list_builtin ();
  g_autoptr(StewardTemplate) general = NULL;
  g_autoptr(StewardTemplate) missing = NULL;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "default", "proposal", "design" };

  g_assert_cmpuint (g_list_model_get_n_items (builtins), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(StewardTemplate) template = g_list_model_get_item (builtins, i);

      g_assert_cmpstr (steward_template_get_name (template), ==, names[i]);
      g_assert_true (steward_template_get_builtin (template));
      g_assert_cmpuint (steward_template_get_n_phases (template), >=, 8);
      for (guint j = 0; j < steward_template_get_n_phases (template); j++)
        /* Real instructions for the model, not a title again */
        g_assert_cmpuint (strlen (steward_template_get_phase_instructions (template, j)), >, 80);
    }

  general = steward_templates_find (store, STEWARD_TEMPLATE_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_template_get_title (general), ==, "General Document");
  g_assert_cmpuint (steward_template_get_n_phases (general), ==, 14);
  g_assert_cmpstr (steward_template_get_phase_title (general, 0), ==, "Brief and Audience");
  g_assert_cmpstr (steward_template_get_phase_title (general, 1), ==, "Goals");
  g_assert_cmpstr (steward_template_get_phase_title (general, 4), ==, "Outline");
  g_assert_cmpstr (steward_template_get_phase_title (general, 10), ==, "Conclusion");
  g_assert_cmpstr (steward_template_get_phase_title (general, 11), ==, "Executive Summary");
  g_assert_cmpstr (steward_template_get_phase_title (general, 12), ==, "References");
  g_assert_cmpstr (steward_template_get_phase_title (general, 13), ==, "Final Review");

  missing = steward_templates_find (store, "no-such-template", &error);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_assert_null (missing);
}

static void
test_user_templates (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardTemplate) grant = steward_template_new ("Grant", NULL, "For funders", FALSE);
  g_autoptr(StewardTemplate) clash = steward_template_new ("default", NULL, NULL, FALSE);
  g_autoptr(StewardTemplate) empty = steward_template_new ("Empty", NULL, NULL, FALSE);
  g_autoptr(StewardTemplate) found = NULL;
  g_autoptr(StewardTemplate) saved = NULL;
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 project_id;
  gint64 from_grant;

  steward_template_add_phase (grant, "Aims", "State the aims.");
  steward_template_add_phase (grant, "Budget", "Give the budget as a table.");
  steward_template_add_phase (clash, "One", "");

  g_assert_true (steward_templates_add (store, grant, FALSE, &error));
  g_assert_no_error (error);

  /* A built-in's name, no phases, a name taken: refused */
  g_assert_false (steward_templates_add (store, clash, FALSE, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_templates_add (store, empty, FALSE, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_templates_add (store, grant, FALSE, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  all = steward_templates_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 4);

  found = steward_templates_find (store, "Grant", &error);
  g_assert_no_error (error);
  g_assert_false (steward_template_get_builtin (found));
  g_assert_cmpstr (steward_template_get_description (found), ==, "For funders");
  g_assert_cmpuint (steward_template_get_n_phases (found), ==, 2);
  g_assert_cmpstr (steward_template_get_phase_title (found, 1), ==, "Budget");
  g_assert_cmpstr (steward_template_get_phase_instructions (found, 1), ==, "Give the budget as a table.");

  /* A project made from it, and a template saved from a project */
  from_grant = create_project (store, "Lab grant", "Grant");
  phases = steward_store_list_phases (store, from_grant, &error);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 2);

  project_id = create_project (store, "Report", "design");
  g_assert_true (steward_templates_save_project (store, project_id, "My design", "Ours", &error));
  g_assert_no_error (error);
  saved = steward_templates_find (store, "My design", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (steward_template_get_n_phases (saved), ==, 10);
  g_assert_cmpstr (steward_template_get_phase_title (saved, 0), ==, "Context and Scope");

  g_assert_true (steward_templates_remove (store, "Grant", &error));
  g_assert_no_error (error);
  g_assert_false (steward_templates_remove (store, "Grant", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_templates_remove (store, "default", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
}

static void
test_update_templates (StoreFixture  *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardTemplate) grant = steward_template_new ("Grant", NULL, "For funders", FALSE);
  g_autoptr(StewardTemplate) memo = steward_template_new ("Memo", NULL, NULL, FALSE);
  g_autoptr(StewardTemplate) edited = steward_template_new ("Grant", NULL, "For the council", FALSE);
  g_autoptr(StewardTemplate) renamed = steward_template_new ("Council grant", NULL, NULL, FALSE);
  g_autoptr(StewardTemplate) taken = steward_template_new ("Memo", NULL, NULL, FALSE);
  g_autoptr(StewardTemplate) found = NULL;
  g_autoptr(StewardTemplate) missing = NULL;
  g_autoptr(GListModel) user = NULL;
  g_autoptr(GError) error = NULL;

  steward_template_add_phase (grant, "Aims", "State the aims.");
  steward_template_add_phase (memo, "Body", "");
  steward_template_add_phase (edited, "Aims", "State the aims.");
  steward_template_add_phase (edited, "Budget", "A table.");
  steward_template_add_phase (renamed, "Aims", "");
  steward_template_add_phase (taken, "Aims", "");
  g_assert_true (steward_templates_add (store, grant, FALSE, &error));
  g_assert_true (steward_templates_add (store, memo, FALSE, &error));
  g_assert_no_error (error);

  /* The same name: replaced */
  g_assert_true (steward_templates_update (store, "Grant", edited, &error));
  g_assert_no_error (error);
  found = steward_templates_lookup_user (store, "Grant", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_template_get_description (found), ==, "For the council");
  g_assert_cmpuint (steward_template_get_n_phases (found), ==, 2);
  g_clear_object (&found);

  /* A name another has: refused, nothing changed */
  g_assert_false (steward_templates_update (store, "Grant", taken, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  found = steward_templates_lookup_user (store, "Memo", &error);
  g_assert_cmpstr (steward_template_get_phase_title (found, 0), ==, "Body");
  g_clear_object (&found);

  /* A new name: the old one goes */
  g_assert_true (steward_templates_update (store, "Grant", renamed, &error));
  g_assert_no_error (error);
  missing = steward_templates_lookup_user (store, "Grant", &error);
  g_assert_no_error (error);
  g_assert_null (missing);
  user = steward_templates_list_user (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (user), ==, 2);
  found = g_list_model_get_item (user, 0);
  g_assert_cmpstr (steward_template_get_name (found), ==, "Council grant");
}

static void
test_projects (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(StewardProject) by_name = NULL;
  g_autoptr(StewardProject) by_id = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *count = NULL;
  gint64 id;

  id = create_project (store, "  Annual report ", NULL);
  project = steward_store_find_project (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_project_get_name (project), ==, "Annual report");
  g_assert_cmpstr (steward_project_get_template (project), ==, "default");
  g_assert_cmpstr (steward_project_get_brief (project), ==, "For the board");

  phases = steward_store_list_phases (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 14);
  for (guint i = 0; i < 14; i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      g_assert_cmpuint (steward_phase_get_position (phase), ==, i);
      g_assert_cmpuint (steward_phase_get_number (phase), ==, i + 1);
      g_assert_cmpint (steward_phase_get_status (phase), ==, STEWARD_PHASE_STATUS_NOT_STARTED);
      g_assert_cmpstr (steward_phase_get_content (phase), ==, "");
      g_assert_cmpint (steward_phase_get_project_id (phase), ==, id);
    }

  by_name = steward_projects_lookup (store, "Annual report", &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_project_get_id (by_name), ==, id);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  by_id = steward_projects_lookup (store, id_text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_project_get_id (by_id), ==, id);

  g_assert_null (steward_projects_lookup (store, "Nothing", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_null (steward_projects_lookup_phase (store, id, 15, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (steward_projects_create (store, "X", "nope", NULL, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (steward_projects_create (store, "   ", NULL, NULL, &error), ==, 0);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Two of one name: a name no longer says which */
  create_project (store, "Annual report", "proposal");
  g_assert_null (steward_projects_lookup (store, "Annual report", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (steward_store_rename_project (store, id, "Report 2026", &error));
  g_assert_no_error (error);
  g_clear_object (&by_name);
  by_name = steward_projects_lookup (store, "Report 2026", &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_project_get_id (by_name), ==, id);

  set_content (store, id, 1, "Some words", STEWARD_VERSION_REASON_SAVED);
  g_assert_true (steward_store_delete_project (store, id, &error));
  g_assert_no_error (error);
  g_assert_false (steward_store_delete_project (store, id, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);

  /* Its phases, versions and passages went with it */
  count = store_fixture_query (fixture->db_path,
                               "SELECT (SELECT count (*) FROM phases) || ' ' ||"
                               " (SELECT count (*) FROM phase_versions) || ' ' ||"
                               " (SELECT count (*) FROM phase_passages)");
  g_assert_cmpstr (count, ==, "10 0 0");
}

static void
test_statuses (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GError) error = NULL;
  gint64 id = create_project (store, "Report", NULL);
  gint64 other = create_project (store, "Other", NULL);

  /* Text in a phase not started: in progress; emptied: not started */
  set_content (store, id, 1, "Who reads it", STEWARD_VERSION_REASON_AUTOSAVE);
  g_assert_cmpint (status_at (store, id, 1), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
  set_content (store, id, 1, "", STEWARD_VERSION_REASON_SAVED);
  g_assert_cmpint (status_at (store, id, 1), ==, STEWARD_PHASE_STATUS_NOT_STARTED);

  /* Phases 1, 2, 3 and 6 completed, 5 in progress, 4 not started */
  for (guint number = 1; number <= 6; number++)
    {
      g_autofree char *text = g_strdup_printf ("Phase %u text", number);

      if (number == 4)
        continue;
      set_content (store, id, number, text, STEWARD_VERSION_REASON_SAVED);
      if (number != 5)
        {
          g_assert_true (steward_store_complete_phase (store, phase_id_at (store, id, number), NULL, NULL, &error));
          g_assert_no_error (error);
        }
    }
  set_content (store, other, 3, "Other text", STEWARD_VERSION_REASON_SAVED);
  g_assert_true (steward_store_complete_phase (store, phase_id_at (store, other, 3), NULL, NULL, &error));
  g_assert_cmpint (status_at (store, id, 2), ==, STEWARD_PHASE_STATUS_COMPLETED);

  /* Completing again without a change: nothing goes stale */
  g_assert_true (steward_store_complete_phase (store, phase_id_at (store, id, 2), NULL, NULL, &error));
  g_assert_cmpint (status_at (store, id, 3), ==, STEWARD_PHASE_STATUS_COMPLETED);

  /* Phase 2 changes: the later completed phases go stale, nothing else */
  set_content (store, id, 2, "Phase 2, rewritten", STEWARD_VERSION_REASON_AUTOSAVE);
  g_assert_cmpint (status_at (store, id, 1), ==, STEWARD_PHASE_STATUS_COMPLETED);
  g_assert_cmpint (status_at (store, id, 2), ==, STEWARD_PHASE_STATUS_COMPLETED);
  g_assert_cmpint (status_at (store, id, 3), ==, STEWARD_PHASE_STATUS_STALE);
  g_assert_cmpint (status_at (store, id, 4), ==, STEWARD_PHASE_STATUS_NOT_STARTED);
  g_assert_cmpint (status_at (store, id, 5), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
  g_assert_cmpint (status_at (store, id, 6), ==, STEWARD_PHASE_STATUS_STALE);
  g_assert_cmpint (status_at (store, other, 3), ==, STEWARD_PHASE_STATUS_COMPLETED);

  /* A stale phase redrafted is in progress, then completed again; a
   * draft into a completed phase makes it in progress too */
  set_content (store, id, 3, "Phase 3, redrafted", STEWARD_VERSION_REASON_GENERATED);
  g_assert_cmpint (status_at (store, id, 3), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
  g_assert_true (steward_store_complete_phase (store, phase_id_at (store, id, 3), "Phase 3, final", NULL, &error));
  g_assert_cmpint (status_at (store, id, 3), ==, STEWARD_PHASE_STATUS_COMPLETED);
  g_assert_cmpint (status_at (store, id, 6), ==, STEWARD_PHASE_STATUS_STALE);
  set_content (store, id, 1, "Phase 1, new", STEWARD_VERSION_REASON_GENERATED);
  g_assert_cmpint (status_at (store, id, 1), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
  g_assert_cmpint (status_at (store, id, 2), ==, STEWARD_PHASE_STATUS_STALE);
  g_assert_cmpint (status_at (store, id, 3), ==, STEWARD_PHASE_STATUS_STALE);

  /* Reopened: a completed or stale phase is in progress again, its text
   * kept and no version made; the phases after it stay as they are */
  {
    g_autoptr(GListModel) before = steward_store_list_phase_versions (store, phase_id_at (store, other, 3), &error);
    g_autoptr(GListModel) after = NULL;

    g_assert_true (steward_store_reopen_phase (store, phase_id_at (store, other, 3), &error));
    g_assert_no_error (error);
    g_assert_cmpint (status_at (store, other, 3), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
    after = steward_store_list_phase_versions (store, phase_id_at (store, other, 3), &error);
    g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before));
  }
  g_assert_true (steward_store_reopen_phase (store, phase_id_at (store, id, 6), &error));
  g_assert_cmpint (status_at (store, id, 6), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
  g_assert_true (steward_store_reopen_phase (store, phase_id_at (store, id, 4), &error));
  g_assert_cmpint (status_at (store, id, 4), ==, STEWARD_PHASE_STATUS_NOT_STARTED);
}

static void
test_versions (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 3, 1, 10, 0, 0);
  g_autoptr(GDateTime) t1 = g_date_time_add_minutes (t0, 1);
  g_autoptr(GDateTime) t4 = g_date_time_add_minutes (t0, 4);
  g_autoptr(GDateTime) t6 = g_date_time_add_minutes (t0, 6);
  g_autoptr(GDateTime) t7 = g_date_time_add_minutes (t0, 7);
  g_autoptr(GDateTime) t12 = g_date_time_add_minutes (t0, 12);
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(StewardPhaseVersion) latest = NULL;
  g_autoptr(StewardPhase) phase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_project (store, "Report", NULL);
  gint64 phase_id = phase_id_at (store, id, 2);
  gint64 version_id = -1;
  StewardVersionReason reasons[] = {
    STEWARD_VERSION_REASON_AUTOSAVE, STEWARD_VERSION_REASON_AUTOSAVE, STEWARD_VERSION_REASON_SAVED,
    STEWARD_VERSION_REASON_AUTOSAVE, STEWARD_VERSION_REASON_COMPLETED, STEWARD_VERSION_REASON_RESTORED,
    STEWARD_VERSION_REASON_GENERATED, STEWARD_VERSION_REASON_IMPORTED,
  };

  /* Autosaves: a version at most every five minutes of the last one */
  g_assert_true (steward_store_set_phase_content (store, phase_id, "a", STEWARD_VERSION_REASON_AUTOSAVE, t0, &version_id, &error));
  g_assert_cmpint (version_id, >, 0);
  g_assert_true (steward_store_set_phase_content (store, phase_id, "ab", STEWARD_VERSION_REASON_AUTOSAVE, t1, &version_id, &error));
  g_assert_cmpint (version_id, ==, 0);
  g_assert_true (steward_store_set_phase_content (store, phase_id, "abc", STEWARD_VERSION_REASON_AUTOSAVE, t4, &version_id, &error));
  g_assert_cmpint (version_id, ==, 0);
  g_assert_cmpuint (n_versions (store, phase_id), ==, 1);
  phase = phase_at (store, id, 2);
  g_assert_cmpstr (steward_phase_get_content (phase), ==, "abc");
  g_assert_true (g_date_time_equal (steward_phase_get_autosaved_at (phase), t4));
  g_clear_object (&phase);

  g_assert_true (steward_store_set_phase_content (store, phase_id, "abcd", STEWARD_VERSION_REASON_AUTOSAVE, t6, &version_id, &error));
  g_assert_cmpint (version_id, >, 0);
  g_assert_cmpuint (n_versions (store, phase_id), ==, 2);

  /* An explicit save always keeps one, and does not count as an autosave */
  g_assert_true (steward_store_set_phase_content (store, phase_id, "abcd!", STEWARD_VERSION_REASON_SAVED, t7, NULL, &error));
  g_assert_true (steward_store_set_phase_content (store, phase_id, "abcde", STEWARD_VERSION_REASON_AUTOSAVE, t7, &version_id, &error));
  g_assert_cmpint (version_id, ==, 0);
  g_assert_true (steward_store_set_phase_content (store, phase_id, "abcdef", STEWARD_VERSION_REASON_AUTOSAVE, t12, &version_id, &error));
  g_assert_cmpint (version_id, >, 0);
  /* An autosave of the same text keeps nothing */
  g_assert_true (steward_store_set_phase_content (store, phase_id, "abcdef", STEWARD_VERSION_REASON_AUTOSAVE, t12, &version_id, &error));
  g_assert_cmpint (version_id, ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (n_versions (store, phase_id), ==, 4);

  g_assert_true (steward_store_complete_phase (store, phase_id, NULL, t12, &error));

  /* Restoring is itself a version, with the restored text */
  g_assert_true (steward_store_restore_phase_version (store, phase_id, 1, t12, &version_id, &error));
  g_assert_no_error (error);
  phase = phase_at (store, id, 2);
  g_assert_cmpstr (steward_phase_get_content (phase), ==, "a");
  g_assert_cmpint (steward_phase_get_status (phase), ==, STEWARD_PHASE_STATUS_COMPLETED);
  g_assert_false (steward_store_restore_phase_version (store, phase_id, 99, t12, NULL, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* A draft keeps a version and grows in it */
  g_assert_true (steward_store_set_phase_content (store, phase_id, "Dra", STEWARD_VERSION_REASON_GENERATED, NULL, &version_id, &error));
  g_assert_true (steward_store_grow_phase_version (store, version_id, "Draft, whole", &error));
  g_assert_no_error (error);
  set_content (store, id, 2, "From a file", STEWARD_VERSION_REASON_IMPORTED);

  versions = steward_store_list_phase_versions (store, phase_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, G_N_ELEMENTS (reasons));
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      /* Latest first */
      g_autoptr(StewardPhaseVersion) version = g_list_model_get_item (versions, G_N_ELEMENTS (reasons) - 1 - i);

      g_assert_cmpuint (steward_phase_version_get_number (version), ==, i + 1);
      g_assert_cmpint (steward_phase_version_get_reason (version), ==, reasons[i]);
      g_assert_cmpint (steward_phase_version_get_phase_id (version), ==, phase_id);
    }

  latest = steward_store_find_phase_version (store, phase_id, 7, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_phase_version_get_content (latest), ==, "Draft, whole");
  g_clear_object (&latest);
  latest = steward_store_find_phase_version (store, phase_id, 6, &error);
  g_assert_cmpstr (steward_phase_version_get_content (latest), ==, "a");
  g_clear_object (&latest);
  latest = steward_store_find_phase_version (store, phase_id, 1, &error);
  g_assert_true (g_date_time_equal (steward_phase_version_get_created_at (latest), t0));
}

static void
test_duplicate (StoreFixture  *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardProject) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_project (store, "Report", "proposal");
  gint64 plain, whole;

  set_content (store, id, 1, "Brief", STEWARD_VERSION_REASON_SAVED);
  set_content (store, id, 1, "Brief, longer", STEWARD_VERSION_REASON_SAVED);
  g_assert_true (steward_store_complete_phase (store, phase_id_at (store, id, 1), NULL, NULL, &error));
  set_content (store, id, 2, "Problem", STEWARD_VERSION_REASON_SAVED);

  plain = steward_projects_duplicate (store, id, NULL, FALSE, &error);
  g_assert_no_error (error);
  whole = steward_projects_duplicate (store, id, "Report, again", TRUE, &error);
  g_assert_no_error (error);

  copy = steward_store_find_project (store, plain, &error);
  g_assert_cmpstr (steward_project_get_name (copy), ==, "Report (copy)");
  g_assert_cmpstr (steward_project_get_template (copy), ==, "proposal");
  g_assert_cmpstr (steward_project_get_brief (copy), ==, "For the board");

  for (guint number = 1; number <= 10; number++)
    {
      g_autoptr(StewardPhase) original = phase_at (store, id, number);
      gint64 copies[] = { plain, whole };

      for (guint i = 0; i < G_N_ELEMENTS (copies); i++)
        {
          g_autoptr(StewardPhase) phase = phase_at (store, copies[i], number);

          g_assert_cmpstr (steward_phase_get_title (phase), ==, steward_phase_get_title (original));
          g_assert_cmpstr (steward_phase_get_content (phase), ==, steward_phase_get_content (original));
          g_assert_cmpint (steward_phase_get_status (phase), ==, steward_phase_get_status (original));
          g_assert_cmpuint (n_versions (store, steward_phase_get_id (phase)), ==,
                            i == 0 ? 0 : n_versions (store, steward_phase_get_id (original)));
        }
    }
  g_assert_cmpuint (n_versions (store, phase_id_at (store, whole, 1)), ==, 3);
}

static void
test_project_json (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GFile) file = g_file_new_build_filename (fixture->data_dir, "report.json", NULL);
  g_autoptr(GFile) bad = g_file_new_build_filename (fixture->data_dir, "bad.json", NULL);
  g_autoptr(StewardProject) original = NULL;
  g_autoptr(StewardProject) imported = NULL;
  g_autoptr(GDateTime) t0 = g_date_time_new_utc (2026, 3, 1, 10, 0, 0.25);
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *again = NULL;
  gint64 id = create_project (store, "Rapport « été »", NULL);
  gint64 copy;

  g_assert_true (steward_store_set_project_brief (store, id, "Für alle, 日本語 too", &error));
  g_assert_true (steward_store_set_phase_content (store, phase_id_at (store, id, 1), "# Readers\n\n*Everyone*",
                                                  STEWARD_VERSION_REASON_AUTOSAVE, t0, NULL, &error));
  g_assert_true (steward_store_complete_phase (store, phase_id_at (store, id, 1), NULL, NULL, &error));
  set_content (store, id, 2, "Goals\n\n- one\n- two", STEWARD_VERSION_REASON_GENERATED);
  g_assert_true (steward_store_complete_phase (store, phase_id_at (store, id, 2), NULL, NULL, &error));
  set_content (store, id, 1, "# Readers\n\nEveryone, again", STEWARD_VERSION_REASON_SAVED);
  g_assert_no_error (error);
  g_assert_cmpint (status_at (store, id, 2), ==, STEWARD_PHASE_STATUS_STALE);

  g_assert_true (steward_project_json_save_file (store, id, file, &error));
  g_assert_no_error (error);
  copy = steward_project_json_import_file (store, file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (copy, !=, id);

  /* The same in everything but ids: written out again, the same file */
  json = steward_project_json_dup (store, id, &error);
  again = steward_project_json_dup (store, copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (json, ==, again);

  original = steward_store_find_project (store, id, &error);
  imported = steward_store_find_project (store, copy, &error);
  g_assert_cmpstr (steward_project_get_name (imported), ==, steward_project_get_name (original));
  g_assert_cmpstr (steward_project_get_brief (imported), ==, "Für alle, 日本語 too");
  g_assert_true (g_date_time_equal (steward_project_get_created_at (imported),
                                    steward_project_get_created_at (original)));
  g_assert_true (g_date_time_equal (steward_project_get_updated_at (imported),
                                    steward_project_get_updated_at (original)));
  for (guint number = 1; number <= 14; number++)
    {
      g_autoptr(StewardPhase) a = phase_at (store, id, number);
      g_autoptr(StewardPhase) b = phase_at (store, copy, number);
      g_autoptr(GListModel) va = steward_store_list_phase_versions (store, steward_phase_get_id (a), NULL);
      g_autoptr(GListModel) vb = steward_store_list_phase_versions (store, steward_phase_get_id (b), NULL);

      g_assert_cmpstr (steward_phase_get_title (a), ==, steward_phase_get_title (b));
      g_assert_cmpstr (steward_phase_get_instructions (a), ==, steward_phase_get_instructions (b));
      g_assert_cmpstr (steward_phase_get_content (a), ==, steward_phase_get_content (b));
      g_assert_cmpint (steward_phase_get_status (a), ==, steward_phase_get_status (b));
      g_assert_true (g_date_time_equal (steward_phase_get_updated_at (a), steward_phase_get_updated_at (b)));
      g_assert_true ((steward_phase_get_autosaved_at (a) == NULL) == (steward_phase_get_autosaved_at (b) == NULL));
      g_assert_cmpuint (g_list_model_get_n_items (va), ==, g_list_model_get_n_items (vb));
      for (guint i = 0; i < g_list_model_get_n_items (va); i++)
        {
          g_autoptr(StewardPhaseVersion) x = g_list_model_get_item (va, i);
          g_autoptr(StewardPhaseVersion) y = g_list_model_get_item (vb, i);

          g_assert_cmpuint (steward_phase_version_get_number (x), ==, steward_phase_version_get_number (y));
          g_assert_cmpint (steward_phase_version_get_reason (x), ==, steward_phase_version_get_reason (y));
          g_assert_cmpstr (steward_phase_version_get_content (x), ==, steward_phase_version_get_content (y));
          g_assert_true (g_date_time_equal (steward_phase_version_get_created_at (x),
                                            steward_phase_version_get_created_at (y)));
        }
    }
  {
    g_autoptr(StewardPhase) first = phase_at (store, copy, 1);
    g_autoptr(StewardPhaseVersion) v1 = steward_store_find_phase_version (store, steward_phase_get_id (first), 1, NULL);

    g_assert_true (g_date_time_equal (steward_phase_get_autosaved_at (first), t0));
    g_assert_true (g_date_time_equal (steward_phase_version_get_created_at (v1), t0));
  }

  /* A file that is not a project is refused, named, with the reason */
  g_assert_true (g_file_set_contents (g_file_peek_path (bad), "{\"format\": \"steward-template\", \"version\": 1}", -1, NULL));
  g_assert_cmpint (steward_project_json_import_file (store, bad, &error), ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_assert_cmpstr (error->message, ==, "The project file “bad.json” cannot be imported: it is not a Steward document project.");
  g_clear_error (&error);
  g_assert_true (g_file_set_contents (g_file_peek_path (bad),
                                      "{\"format\": \"steward-project\", \"version\": 1, \"name\": \"X\","
                                      " \"created_at\": \"2026-01-01T00:00:00Z\", \"updated_at\": \"2026-01-01T00:00:00Z\","
                                      " \"phases\": [{\"title\": \"A\", \"status\": \"finished\","
                                      "  \"created_at\": \"2026-01-01T00:00:00Z\", \"updated_at\": \"2026-01-01T00:00:00Z\"}]}",
                                      -1, NULL));
  g_assert_cmpint (steward_project_json_import_file (store, bad, &error), ==, 0);
  g_assert_cmpstr (error->message, ==, "The project file “bad.json” cannot be imported: “finished” is not a known status.");
}

static void
test_template_json (StoreFixture  *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardTemplate) design = steward_templates_dup_builtin ("design");
  g_autoptr(StewardTemplate) imported = NULL;
  g_autoptr(GFile) file = g_file_new_build_filename (fixture->data_dir, "design.json", NULL);
  g_autoptr(GFile) bad = g_file_new_build_filename (fixture->data_dir, "broken.json", NULL);
  g_autoptr(GFile) missing = g_file_new_build_filename (fixture->data_dir, "missing.json", NULL);
  g_autoptr(GError) error = NULL;
  struct {
    const char *contents;
    const char *reason;
  } bad_files[] = {
    { "{ not json", "it is not valid JSON" },
    { "[1, 2]", "it is not a Steward template" },
    { "{\"format\": \"steward-project\", \"version\": 1}", "it is not a Steward template" },
    { "{\"format\": \"steward-template\", \"version\": 7, \"name\": \"N\", \"phases\": []}",
      "it was written by a newer version of Steward" },
    { "{\"format\": \"steward-template\", \"version\": 1, \"phases\": [{\"title\": \"A\"}]}", "“name” is missing" },
    { "{\"format\": \"steward-template\", \"version\": 1, \"name\": \"N\", \"phases\": []}", "it has no phases" },
    { "{\"format\": \"steward-template\", \"version\": 1, \"name\": \"N\", \"phases\": [{\"title\": 3}]}",
      "“title” is not text" },
    /* Found by fuzz/fuzz-template-json.c: json-glib lets a lone
     * surrogate through, and quotes bytes that are not UTF-8 */
    { "{\"format\": \"steward-template\", \"version\": 1, \"name\": \"\\ud800x\", \"phases\": [{\"title\": \"A\"}]}",
      "“name” is not valid text" },
    { "{\"format\": \"steward-template\", \"version\": 1, \"name\": \"\\ud800as\":[]}",
      "it is not valid JSON" },
  };

  g_assert_true (steward_template_save_file (design, file, &error));
  g_assert_no_error (error);

  /* A built-in comes back as the user's own, under its title */
  imported = steward_templates_import_file (store, file, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_template_get_name (imported), ==, "Technical Design Document");
  g_clear_object (&imported);
  imported = steward_templates_find (store, "Technical Design Document", &error);
  g_assert_no_error (error);
  g_assert_false (steward_template_get_builtin (imported));
  g_assert_cmpstr (steward_template_get_description (imported), ==, steward_template_get_description (design));
  g_assert_cmpuint (steward_template_get_n_phases (imported), ==, steward_template_get_n_phases (design));
  for (guint i = 0; i < steward_template_get_n_phases (design); i++)
    {
      g_assert_cmpstr (steward_template_get_phase_title (imported, i), ==, steward_template_get_phase_title (design, i));
      g_assert_cmpstr (steward_template_get_phase_instructions (imported, i), ==,
                       steward_template_get_phase_instructions (design, i));
    }

  /* Imported twice: refused unless replacing */
  g_assert_null (steward_templates_import_file (store, file, FALSE, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&imported);
  imported = steward_templates_import_file (store, file, TRUE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autoptr(StewardTemplate) refused = NULL;

      g_assert_true (g_file_set_contents (g_file_peek_path (bad), bad_files[i].contents, -1, NULL));
      refused = steward_templates_import_file (store, bad, FALSE, &error);
      g_assert_null (refused);
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "The template file “broken.json” cannot be imported: "));
      g_assert_nonnull (strstr (error->message, bad_files[i].reason));
      g_assert_true (g_str_has_suffix (error->message, "."));
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_clear_error (&error);
    }

  g_assert_null (steward_template_load_file (missing, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "The template file “missing.json” cannot be imported: No such file or directory.");
}

/* Words that are found in no other phase */
static char *
make_text (const char *word,
           guint       n_paragraphs,
           guint       words_each)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < n_paragraphs; p++)
    {
      if (p > 0)
        g_string_append (text, "\n\n");
      for (guint w = 0; w < words_each; w++)
        g_string_append_printf (text, "%s%s", w ? " " : "", w == 3 ? word : "filler");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
test_passages (StoreFixture  *fixture,
               gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) split = NULL;
  g_autoptr(GListModel) earlier = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *long_text = make_text ("zebra", 12, 50);
  g_autofree char *huge = make_text ("giraffe", 1, 900);
  g_autofree char *count = NULL;
  gint64 id = create_project (store, "Report", NULL);
  gint64 other = create_project (store, "Other", NULL);

  /* Paragraphs grouped to 120-200 words; a long one cut between words */
  split = _steward_store_split_passages (long_text);
  g_assert_cmpuint (split->len, ==, 4);
  g_clear_pointer (&split, g_ptr_array_unref);
  split = _steward_store_split_passages (huge);
  g_assert_cmpuint (split->len, ==, 6);
  g_clear_pointer (&split, g_ptr_array_unref);

  set_content (store, id, 1, long_text, STEWARD_VERSION_REASON_SAVED);
  set_content (store, id, 2, "The café budget is small.\n\nA *zebra* crossing.", STEWARD_VERSION_REASON_SAVED);
  set_content (store, id, 4, "Only later: the zebra and the cafe.", STEWARD_VERSION_REASON_SAVED);
  set_content (store, other, 1, "Another project's zebra and cafe.", STEWARD_VERSION_REASON_SAVED);

  /* Drafting phase 3: only phases 1 and 2 of this project are searched */
  found = steward_store_search_phase_passages (store, id, 2, "zebra cafe", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 5);
  for (guint i = 0; i < found->len; i++)
    {
      StewardPhasePassage *passage = g_ptr_array_index (found, i);

      g_assert_cmpuint (passage->phase_number, <=, 2);
      g_assert_cmpstr (passage->phase_title, ==, passage->phase_number == 1 ? "Brief and Audience" : "Goals");
      g_assert_null (strstr (passage->text, "Only later"));
    }
  /* The best first: the short passage holding both words ("café" found
   * as "cafe") */
  g_assert_cmpuint (((StewardPhasePassage *)g_ptr_array_index (found, 0))->phase_number, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);

  found = steward_store_search_phase_passages (store, id, 2, "zebra", 2, &error);
  g_assert_cmpuint (found->len, ==, 2);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = steward_store_search_phase_passages (store, id, 0, "zebra", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = steward_store_search_phase_passages (store, id, 2, "\"*", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);

  /* A change of content cuts the phase again */
  set_content (store, id, 1, "Now about lions.", STEWARD_VERSION_REASON_AUTOSAVE);
  found = steward_store_search_phase_passages (store, id, 2, "zebra", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  count = store_fixture_query (fixture->db_path,
                               "SELECT count (*) FROM phase_passages_fts WHERE phase_passages_fts MATCH 'filler'");
  g_assert_cmpstr (count, ==, "0");

  earlier = steward_store_list_earlier_phases (store, id, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (earlier), ==, 3);
  {
    g_autoptr(StewardPhase) first = g_list_model_get_item (earlier, 0);

    g_assert_cmpstr (steward_phase_get_content (first), ==, "Now about lions.");
  }
}

/* Twelve paragraphs of 50 words, each named by its first word */
static char *
make_named_text (void)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint p = 0; p < 12; p++)
    {
      g_string_append_printf (text, "%sp%u", text->len ? "\n\n" : "", p);
      for (guint w = 1; w < 50; w++)
        g_string_append (text, " filler");
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* An edit cuts the phase again, writing only the passages it changed:
 * the others keep their rows, renumbered when they moved, and the index
 * says what the text says. */
static void
test_passages_edit (StoreFixture  *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autofree char *text = make_named_text ();
  g_autofree char *edited = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *ids = NULL;
  g_autofree char *value = NULL;
  g_autoptr(GString) lion = g_string_new ("lion");
  gint64 id = create_project (store, "Report", NULL);
  const char *sql_ids = "SELECT group_concat (id, ',') FROM (SELECT id FROM phase_passages ORDER BY ordinal)";
  const char *sql_firsts = "SELECT group_concat (substr (text, 1, instr (text, ' ') - 1), ',') "
                           "FROM (SELECT text FROM phase_passages ORDER BY ordinal)";
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  set_content (store, id, 1, text, STEWARD_VERSION_REASON_SAVED);
  ids = store_fixture_query (fixture->db_path, sql_ids);
  before = g_strsplit (ids, ",", -1);
  g_assert_cmpuint (g_strv_length (before), ==, 4);

  /* One word of the second passage (paragraphs 3 to 5) changed */
  edited = g_strdup (text);
  memcpy (strstr (edited, "p4 filler") + 3, "okapi ", 6);
  set_content (store, id, 1, edited, STEWARD_VERSION_REASON_AUTOSAVE);
  g_clear_pointer (&ids, g_free);
  ids = store_fixture_query (fixture->db_path, sql_ids);
  after = g_strsplit (ids, ",", -1);
  g_assert_cmpuint (g_strv_length (after), ==, 4);
  g_assert_cmpstr (after[0], ==, before[0]);
  g_assert_cmpstr (after[1], !=, before[1]);
  g_assert_cmpstr (after[2], ==, before[2]);
  g_assert_cmpstr (after[3], ==, before[3]);
  value = store_fixture_query (fixture->db_path,
                               "SELECT count (*) FROM phase_passages_fts WHERE phase_passages_fts MATCH 'okapi'");
  g_assert_cmpstr (value, ==, "1");
  g_clear_pointer (&value, g_free);

  /* A passage of its own put first: the others move down, kept */
  for (guint w = 1; w < 150; w++)
    g_string_append (lion, " filler");
  moved = g_strconcat (lion->str, "\n\n", edited, NULL);
  set_content (store, id, 1, moved, STEWARD_VERSION_REASON_AUTOSAVE);
  g_clear_pointer (&ids, g_free);
  ids = store_fixture_query (fixture->db_path, sql_ids);
  g_clear_pointer (&before, g_strfreev);
  before = g_steal_pointer (&after);
  after = g_strsplit (ids, ",", -1);
  g_assert_cmpuint (g_strv_length (after), ==, 5);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpstr (after[i + 1], ==, before[i]);
  value = store_fixture_query (fixture->db_path, sql_firsts);
  g_assert_cmpstr (value, ==, "lion,p0,p3,p6,p9");
  g_clear_pointer (&value, g_free);

  /* The full-text index holds each passage once, and not the text
   * replaced */
  value = store_fixture_query (fixture->db_path,
                               "SELECT count (*) FROM phase_passages_fts WHERE phase_passages_fts MATCH 'filler'");
  g_assert_cmpstr (value, ==, "5");
  g_clear_pointer (&value, g_free);
  value = store_fixture_query (fixture->db_path,
                               "SELECT count (*) FROM phase_passages_fts WHERE phase_passages_fts MATCH '\"p4 filler\"'");
  g_assert_cmpstr (value, ==, "0");
  g_clear_pointer (&value, g_free);

  /* Emptied, the phase has no passage left */
  set_content (store, id, 1, "", STEWARD_VERSION_REASON_AUTOSAVE);
  value = store_fixture_query (fixture->db_path,
                               "SELECT count (*) FROM phase_passages_fts WHERE phase_passages_fts MATCH 'filler'");
  g_assert_cmpstr (value, ==, "0");
  g_clear_pointer (&value, g_free);
  value = store_fixture_query (fixture->db_path, "SELECT count (*) FROM phase_passages");
  g_assert_cmpstr (value, ==, "0");
}

static void
changed_cb (StewardPhase *phase,
            GParamSpec   *pspec,
            guint        *n_changed)
{
  (*n_changed)++;
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  guint      *n_changed)
{
  (*n_changed)++;
}

static void
test_watch_phases (StoreFixture  *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = open_store (fixture);
  g_autoptr(StewardRowList) phases = NULL;
  g_autoptr(StewardPhase) second = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = create_project (store, "Report", NULL);
  gint64 other = create_project (store, "Other", NULL);
  guint n_status = 0;
  guint n_items = 0;

  phases = steward_store_watch_phases (store, id);
  g_assert_true (steward_row_list_reload (phases, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (phases)), ==, 14);
  second = g_list_model_get_item (G_LIST_MODEL (phases), 1);
  g_assert_cmpuint (steward_phase_get_number (second), ==, 2);
  g_signal_connect (second, "notify::status", G_CALLBACK (changed_cb), &n_status);
  g_signal_connect (phases, "items-changed", G_CALLBACK (items_changed_cb), &n_items);

  /* Another project's phases: not this list's business */
  set_content (store, other, 2, "Elsewhere", STEWARD_VERSION_REASON_SAVED);
  g_assert_cmpuint (n_status, ==, 0);

  /* This one's: the same object, updated in place */
  set_content (store, id, 2, "Here", STEWARD_VERSION_REASON_SAVED);
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_cmpstr (steward_phase_get_content (second), ==, "Here");
  g_assert_cmpint (steward_phase_get_status (second), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
  g_assert_cmpuint (n_items, ==, 0);
  {
    g_autoptr(StewardPhase) still = g_list_model_get_item (G_LIST_MODEL (phases), 1);
    g_assert_true (still == second);
  }

  /* The versions pane's list follows new versions and a draft growing */
  {
    g_autoptr(StewardRowList) versions = steward_store_watch_phase_versions (store, steward_phase_get_id (second));
    g_autoptr(StewardPhaseVersion) top = NULL;
    gint64 version_id = 0;

    g_assert_true (steward_row_list_reload (versions, &error));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (versions)), ==, 1);
    g_assert_true (steward_store_set_phase_content (store, steward_phase_get_id (second), "Dr",
                                                    STEWARD_VERSION_REASON_GENERATED, NULL, &version_id, &error));
    set_content (store, other, 2, "Elsewhere, again", STEWARD_VERSION_REASON_SAVED);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (versions)), ==, 2);
    g_assert_true (steward_store_grow_phase_version (store, version_id, "Draft", &error));
    top = g_list_model_get_item (G_LIST_MODEL (versions), 0);
    g_assert_cmpuint (steward_phase_version_get_number (top), ==, 2);
    g_assert_cmpstr (steward_phase_version_get_content (top), ==, "Draft");
    g_assert_cmpstr (steward_phase_get_content (second), ==, "Draft");
  }

  /* The project goes: so do its phases */
  g_assert_true (steward_store_delete_project (store, id, &error));
  g_assert_true (steward_row_list_reload (phases, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (phases)), ==, 0);
}

static void
test_migrate_from_9 (StoreFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(GListModel) phases = NULL;
  g_autoptr(GListModel) proposal = NULL;
  g_autoptr(StewardProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *version = NULL;

  for (guint i = 1; i <= 9; i++)
    store_fixture_exec (fixture->db_path, _steward_store_get_migration (i));
  store_fixture_exec (fixture->db_path,
                      "PRAGMA user_version = 9;"
                      "INSERT INTO projects (id, name, template, created_at, updated_at) VALUES"
                      " (1, 'Grant proposal', 'default', '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z'),"
                      " (2, 'Pitch', 'proposal', '2026-01-02T00:00:00Z', '2026-01-02T00:00:00Z'),"
                      " (3, 'Odd', 'gone-template', '2026-01-03T00:00:00Z', '2026-01-03T00:00:00Z');");

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_schema_version (store), ==, STEWARD_STORE_SCHEMA_VERSION);
  version = store_fixture_query (fixture->db_path, "PRAGMA user_version");
  g_assert_cmpint (atoi (version), ==, STEWARD_STORE_SCHEMA_VERSION);

  project = steward_store_find_project (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_project_get_brief (project), ==, "");
  phases = steward_store_list_phases (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 14);
  {
    g_autoptr(StewardPhase) first = g_list_model_get_item (phases, 0);
    g_autoptr(GDateTime) made = g_date_time_new_utc (2026, 1, 1, 0, 0, 0);

    g_assert_cmpstr (steward_phase_get_title (first), ==, "Brief and Audience");
    g_assert_cmpint (steward_phase_get_status (first), ==, STEWARD_PHASE_STATUS_NOT_STARTED);
    g_assert_true (g_date_time_equal (steward_phase_get_created_at (first), made));
  }
  proposal = steward_store_list_phases (store, 2, &error);
  g_assert_cmpuint (g_list_model_get_n_items (proposal), ==, 10);
  g_clear_object (&phases);
  phases = steward_store_list_phases (store, 3, &error);
  g_assert_cmpuint (g_list_model_get_n_items (phases), ==, 14);

  /* The migrated phases work as any */
  set_content (store, 1, 1, "Readers", STEWARD_VERSION_REASON_SAVED);
  g_assert_cmpint (status_at (store, 1, 1), ==, STEWARD_PHASE_STATUS_IN_PROGRESS);
}

int
main (int   argc,
      char *argv[])
{
  /* The files here are local: no GIO module (gvfs) is needed, and one
   * loaded stays for the process's life, which LeakSanitizer reports. */
  g_setenv ("GIO_MODULE_DIR", "/nonexistent", TRUE);
  g_test_init (&argc, &argv, NULL);

  STORE_TEST_ADD ("documents", "builtin-templates", test_builtin_templates);
  STORE_TEST_ADD ("documents", "user-templates", test_user_templates);
  STORE_TEST_ADD ("documents", "update-templates", test_update_templates);
  STORE_TEST_ADD ("documents", "projects", test_projects);
  STORE_TEST_ADD ("documents", "statuses", test_statuses);
  STORE_TEST_ADD ("documents", "versions", test_versions);
  STORE_TEST_ADD ("documents", "duplicate", test_duplicate);
  STORE_TEST_ADD ("documents", "project-json", test_project_json);
  STORE_TEST_ADD ("documents", "template-json", test_template_json);
  STORE_TEST_ADD ("documents", "passages", test_passages);
  STORE_TEST_ADD ("documents", "passages-edit", test_passages_edit);
  STORE_TEST_ADD ("documents", "watch-phases", test_watch_phases);
  STORE_TEST_ADD ("documents", "migrate-from-9", test_migrate_from_9);

  return g_test_run ();
}
