/* test-store-providers.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-core.h"
#include "store-fixture.h"

/* Providers and model sizes in the store (steward-store-providers.c):
 * what is stored of a provider, as a row (never its key), the names and
 * addresses refused, tiers that follow a renamed or removed provider.
 * Providers made from the rows are test-provider-registry.c's. */

static void
count_cb (StewardStore *store,
          guint        *count)
{
  (*count)++;
}

static void
assert_provider_refused (StewardStore          *store,
                         StewardProviderRecord *provider,
                         const char            *old_name,
                         const char            *secret)
{
  g_autoptr(GError) error = NULL;
  gboolean saved;

  if (old_name != NULL)
    saved = steward_store_update_provider (store, old_name, provider, &error);
  else
    saved = steward_store_add_provider (store, provider, &error);

  g_assert_false (saved);
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_suffix (error->message, "."));
  if (secret != NULL)
    g_assert_null (strstr (error->message, secret));
}

static void
test_provider_checks (StoreFixture  *fixture,
                      gconstpointer  user_data)
{
  static const char * const bad_names[] = {
    "", "   ", "bad\033[31mname", "tab\tname", "new\nline", "c1\302\233name", "del\177",
  };
  static const char * const bad_urls[] = {
    "http://user:secret@example.com", "https://secret@example.com/v1", "http://:secret@example.com",
    "ftp://example.com", "file:///etc/passwd", "example.com", "http://", "https:///v1",
  };
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) good = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  good = steward_provider_record_new ("Local café", "ollama", "http://127.0.0.1:11434", NULL, NULL);
  g_assert_true (steward_store_add_provider (store, good, &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(StewardProviderRecord) provider = steward_provider_record_new (bad_names[i], "ollama",
                                                                                NULL, NULL, NULL);

      assert_provider_refused (store, provider, NULL, NULL);
      assert_provider_refused (store, provider, "Local café", NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad_urls); i++)
    {
      g_autoptr(StewardProviderRecord) provider = steward_provider_record_new ("Remote", "openai",
                                                                                bad_urls[i], NULL, NULL);

      assert_provider_refused (store, provider, NULL, "secret");
      assert_provider_refused (store, provider, "Local café", "secret");
      g_assert_false (steward_store_check_provider_address (bad_urls[i], NULL));
    }

  g_assert_true (steward_store_check_provider_address ("https://api.example.com/v1", NULL));

  providers = steward_store_list_providers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 1);
}

static void
test_providers_and_tiers (StoreFixture  *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(StewardProviderRecord) found = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  g_autofree char *stored_url = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  provider = steward_provider_record_new ("Work", "openai", NULL, "gpt-4o-mini", NULL);
  g_assert_true (steward_store_add_provider (store, provider, &error));

  /* No address is no address: the kind's official one is the registry's
   * to fill in, so it can move with Steward. */
  stored_url = store_fixture_query (fixture->db_path, "SELECT coalesce (base_url, 'NULL') FROM providers");
  g_assert_cmpstr (stored_url, ==, "NULL");

  g_assert_true (steward_store_set_tier (store, "large", "Work", "gpt-4o", &error));

  /* Renaming carries the tier along. */
  g_clear_object (&provider);
  provider = steward_provider_record_new ("Office", "openai", "http://127.0.0.1:8080/v1", "", NULL);
  g_assert_true (steward_store_update_provider (store, "Work", provider, &error));
  g_assert_no_error (error);

  found = steward_store_find_provider (store, "Office", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_record_get_base_url (found), ==, "http://127.0.0.1:8080/v1");
  g_assert_null (steward_provider_record_get_model (found));

  g_assert_true (steward_store_get_tier (store, "large", &tier_provider, &tier_model, &error));
  g_assert_cmpstr (tier_provider, ==, "Office");
  g_assert_cmpstr (tier_model, ==, "gpt-4o");
  g_clear_pointer (&tier_provider, g_free);
  g_clear_pointer (&tier_model, g_free);

  g_assert_false (steward_store_update_provider (store, "Nobody", provider, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (steward_store_clear_tier (store, "large", &error));
  g_assert_true (steward_store_get_tier (store, "large", &tier_provider, &tier_model, &error));
  g_assert_null (tier_provider);
  g_assert_null (tier_model);
  g_assert_false (steward_store_clear_tier (store, "huge", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  providers = steward_store_list_providers (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 1);
}


/* A removed provider takes its tiers along; messages keep its name as
 * text, so history is untouched. */
static void
test_provider_removed (StoreFixture  *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(StewardMessage) message = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  gint64 conversation, reply;
  guint changed = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_signal_connect (store, "providers-changed", G_CALLBACK (count_cb), &changed);

  provider = steward_provider_record_new ("Claude", "anthropic", NULL, NULL, NULL);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  g_assert_true (steward_store_set_tier (store, "small", "Claude", "claude-haiku", &error));
  g_assert_true (steward_store_set_tier (store, "large", "Claude", "claude-opus", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);

  conversation = steward_store_create_conversation (store, "Poems", &error);
  reply = steward_store_add_message (store, conversation, STEWARD_MESSAGE_ROLE_ASSISTANT, "A haiku",
                                     STEWARD_MESSAGE_STATUS_COMPLETE, "Claude", "claude-haiku", "small",
                                     &error);
  g_assert_no_error (error);

  g_assert_true (steward_store_remove_provider (store, "Claude", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 4);

  g_assert_true (steward_store_get_tier (store, "small", &tier_provider, &tier_model, &error));
  g_assert_null (tier_provider);
  g_assert_null (tier_model);
  g_assert_true (steward_store_get_tier (store, "large", &tier_provider, &tier_model, &error));
  g_assert_null (tier_provider);
  g_assert_no_error (error);

  message = steward_store_find_message (store, reply, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_message_get_provider (message), ==, "Claude");
  g_assert_cmpstr (steward_message_get_model (message), ==, "claude-haiku");

  providers = steward_store_list_providers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 0);

  /* Twice is not found, and nothing is announced. */
  g_assert_false (steward_store_remove_provider (store, "Claude", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Claude"));
  g_assert_cmpuint (changed, ==, 4);
}

static void
test_provider_names_unique (StoreFixture  *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) first = NULL;
  g_autoptr(StewardProviderRecord) second = NULL;
  g_autoptr(StewardProviderRecord) again = NULL;
  g_autoptr(StewardProviderRecord) found = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  first = steward_provider_record_new ("Groq", "openai", "https://api.groq.com/openai/v1",
                                      "llama-3.3-70b", "GROQ_API_KEY");
  g_assert_true (steward_store_add_provider (store, first, &error));
  second = steward_provider_record_new ("Local", "ollama", NULL, NULL, NULL);
  g_assert_true (steward_store_add_provider (store, second, &error));
  g_assert_no_error (error);

  /* What is stored comes back, the name of the key's variable with it
   * (never a key: there is no column for one). */
  found = steward_store_find_provider (store, "Groq", &error);
  g_assert_no_error (error);
  g_assert_true (STEWARD_IS_PROVIDER_RECORD (found));
  g_assert_cmpstr (steward_provider_record_get_name (found), ==, "Groq");
  g_assert_cmpstr (steward_provider_record_get_kind (found), ==, "openai");
  g_assert_cmpstr (steward_provider_record_get_base_url (found), ==, "https://api.groq.com/openai/v1");
  g_assert_cmpstr (steward_provider_record_get_model (found), ==, "llama-3.3-70b");
  g_assert_cmpstr (steward_provider_record_get_api_key_env (found), ==, "GROQ_API_KEY");
  stored = store_fixture_query (fixture->db_path,
                                "SELECT group_concat (name) FROM pragma_table_info ('providers')"
                                " WHERE name LIKE '%key%'");
  g_assert_cmpstr (stored, ==, "api_key_env");

  /* The most recently added first. */
  providers = steward_store_list_providers (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 2);
  {
    g_autoptr(StewardProviderRecord) newest = g_list_model_get_item (providers, 0);

    g_assert_true (g_list_model_get_item_type (providers) == STEWARD_TYPE_PROVIDER_RECORD);
    g_assert_cmpstr (steward_provider_record_get_name (newest), ==, "Local");
    g_assert_null (steward_provider_record_get_base_url (newest));
  }

  /* One name, one provider: adding or renaming onto it is refused. */
  again = steward_provider_record_new ("Groq", "gemini", NULL, NULL, NULL);
  g_assert_false (steward_store_add_provider (store, again, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Groq"));
  g_clear_error (&error);
  g_assert_false (steward_store_update_provider (store, "Local", again, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&found);
  found = steward_store_find_provider (store, "Local", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_record_get_kind (found), ==, "ollama");
  g_clear_object (&found);
  g_assert_null (steward_store_find_provider (store, "Nobody", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
}

static void
test_tier_checks (StoreFixture  *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  guint changed = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  provider = steward_provider_record_new ("Local", "ollama", NULL, NULL, NULL);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  g_assert_no_error (error);
  g_signal_connect (store, "providers-changed", G_CALLBACK (count_cb), &changed);

  g_assert_false (steward_store_set_tier (store, "huge", "Local", "llama3.2", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "huge"));
  g_clear_error (&error);
  g_assert_false (steward_store_set_tier (store, "small", "Nobody", "llama3.2", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (steward_store_set_tier (store, "small", "Local", "", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_store_get_tier (store, "huge", &tier_provider, &tier_model, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (changed, ==, 0);

  /* Setting a tier again replaces its mapping. */
  g_assert_true (steward_store_set_tier (store, "small", "Local", "llama3.2", &error));
  g_assert_true (steward_store_set_tier (store, "small", "Local", "qwen3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (steward_store_get_tier (store, "small", &tier_provider, &tier_model, &error));
  g_assert_cmpstr (tier_provider, ==, "Local");
  g_assert_cmpstr (tier_model, ==, "qwen3");
  g_clear_pointer (&tier_provider, g_free);
  g_clear_pointer (&tier_model, g_free);
  g_assert_true (steward_store_get_tier (store, "medium", &tier_provider, &tier_model, &error));
  g_assert_null (tier_provider);
  g_assert_null (tier_model);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) STORE_TEST_ADD ("store-providers", path, func)

  ADD ("providers-and-tiers", test_providers_and_tiers);
  ADD ("provider-checks", test_provider_checks);
  ADD ("provider-removed", test_provider_removed);
  ADD ("provider-names-unique", test_provider_names_unique);
  ADD ("tier-checks", test_tier_checks);

#undef ADD

  return g_test_run ();
}
