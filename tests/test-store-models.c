/* test-store-models.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-core.h"
#include "store-fixture.h"

/* Context sizes of models in the store (steward-store-models.c): a
 * model's own size, else the default setting; sizes follow a renamed
 * provider and go with a removed one. */

static void
count_signal (guint        *count,
              StewardStore *store)
{
  (*count)++;
}

static void
test_model_context_tokens (StoreFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(GPtrArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *updated_at = NULL;
  StewardModelLimit *limit;
  gboolean is_default = FALSE;
  guint changed = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_signal_connect_swapped (store, "providers-changed", G_CALLBACK (count_signal), &changed);

  provider = steward_provider_record_new ("Local", "ollama", NULL, NULL, NULL);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  changed = 0;

  /* Unset: 0 of its own, the default applies. */
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "llama3.2", &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", &is_default, &error), ==, 8192);
  g_assert_true (is_default);
  limits = steward_store_list_model_limits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 0);
  g_clear_pointer (&limits, g_ptr_array_unref);

  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "llama3.2", 131072, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "llama3.2", &error), ==, 131072);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", &is_default, &error), ==, 131072);
  g_assert_false (is_default);

  /* Another model of the same provider keeps the default, which follows
   * the setting. */
  g_assert_true (steward_store_set_setting (store, "chat.context-tokens", "16384", &error));
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "qwen3", &is_default, &error), ==, 16384);
  g_assert_true (is_default);
  g_assert_cmpint (steward_store_get_context_tokens (store, NULL, NULL, &is_default, &error), ==, 16384);
  g_assert_true (is_default);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Local", "llama3.2", NULL, &error), ==, 131072);

  /* Setting the same size again changes nothing. */
  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "llama3.2", 131072, &error));
  g_assert_cmpuint (changed, ==, 1);
  g_assert_true (steward_store_set_model_context_tokens (store, "Local", "qwen3", 1024, &error));
  g_assert_cmpuint (changed, ==, 2);

  limits = steward_store_list_model_limits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (limits->len, ==, 2);
  limit = g_ptr_array_index (limits, 0);
  g_assert_cmpstr (limit->provider, ==, "Local");
  g_assert_cmpstr (limit->model, ==, "qwen3");
  g_assert_cmpint (limit->context_tokens, ==, 1024);
  g_assert_nonnull (limit->updated_at);
  limit = g_ptr_array_index (limits, 1);
  g_assert_cmpstr (limit->model, ==, "llama3.2");
  g_assert_cmpint (limit->context_tokens, ==, 131072);
  g_clear_pointer (&limits, g_ptr_array_unref);

  updated_at = store_fixture_query (fixture->db_path, "SELECT updated_at FROM model_limits WHERE model = 'qwen3'");
  g_assert_true (g_str_has_suffix (updated_at, "Z"));

  /* The range of the setting, an existing provider, a model name. */
  g_assert_false (steward_store_set_model_context_tokens (store, "Local", "qwen3", 1023, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "1024"));
  g_clear_error (&error);
  g_assert_false (steward_store_set_model_context_tokens (store, "Local", "qwen3", 2000001, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (steward_store_set_model_context_tokens (store, "Nobody", "qwen3", 4096, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "Nobody"));
  g_clear_error (&error);
  g_assert_false (steward_store_set_model_context_tokens (store, "Local", "", 4096, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "qwen3", &error), ==, 1024);
  g_assert_cmpuint (changed, ==, 2);

  /* Reset: the default again; resetting twice is no error, an unknown
   * provider is. */
  g_assert_true (steward_store_reset_model_context_tokens (store, "Local", "qwen3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "qwen3", &error), ==, 0);
  g_assert_true (steward_store_reset_model_context_tokens (store, "Local", "qwen3", &error));
  g_assert_cmpuint (changed, ==, 3);
  g_assert_false (steward_store_reset_model_context_tokens (store, "Nobody", "qwen3", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The size survives reopening. */
  g_assert_finalize_object (g_steal_pointer (&store));
  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Local", "llama3.2", &error), ==, 131072);
}

static void
test_model_context_tokens_follow_provider (StoreFixture  *fixture,
                                           gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(StewardProviderRecord) renamed = NULL;
  g_autoptr(GPtrArray) limits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);

  provider = steward_provider_record_new ("Work", "openai", NULL, NULL, NULL);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  g_assert_true (steward_store_set_model_context_tokens (store, "Work", "gpt-4o", 128000, &error));
  g_assert_no_error (error);

  /* A renamed provider keeps its models' sizes. */
  renamed = steward_provider_record_new ("Office", "openai", NULL, NULL, NULL);
  g_assert_true (steward_store_update_provider (store, "Work", renamed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Office", "gpt-4o", &error), ==, 128000);
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Work", "gpt-4o", &error), ==, 0);

  /* A removed one takes them along; one added again under the name
   * starts from the default. */
  g_assert_true (steward_store_remove_provider (store, "Office", &error));
  g_assert_no_error (error);
  count = store_fixture_query (fixture->db_path, "SELECT count(*) FROM model_limits");
  g_assert_cmpstr (count, ==, "0");
  limits = steward_store_list_model_limits (store, &error);
  g_assert_cmpuint (limits->len, ==, 0);
  g_assert_true (steward_store_add_provider (store, renamed, &error));
  g_assert_cmpint (steward_store_get_model_context_tokens (store, "Office", "gpt-4o", &error), ==, 0);
  g_assert_no_error (error);
}


/* The default is the setting, read each time: changing it changes every
 * model without a size of its own, and only those. */
static void
test_default_follows_setting (StoreFixture  *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(StewardStore) store = NULL;
  g_autoptr(StewardProviderRecord) provider = NULL;
  g_autoptr(GError) error = NULL;
  gboolean is_default = FALSE;
  guint changed = 0;

  store = steward_store_open (fixture->data_dir, &error);
  g_assert_no_error (error);
  provider = steward_provider_record_new ("Work", "openai", NULL, NULL, NULL);
  g_assert_true (steward_store_add_provider (store, provider, &error));
  g_assert_true (steward_store_set_model_context_tokens (store, "Work", "gpt-4o", 128000, &error));
  g_assert_no_error (error);
  g_signal_connect_swapped (store, "providers-changed", G_CALLBACK (count_signal), &changed);

  /* An unknown provider or model has the default too: it is asked for
   * before anything is stored of it. */
  g_assert_cmpint (steward_store_get_context_tokens (store, "Nobody", "x", &is_default, &error), ==, 8192);
  g_assert_true (is_default);
  g_assert_no_error (error);

  g_assert_true (steward_store_set_setting (store, "chat.context-tokens", "32768", &error));
  g_assert_cmpint (steward_store_get_context_tokens (store, "Work", "gpt-4o-mini", &is_default, &error), ==, 32768);
  g_assert_true (is_default);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Work", "gpt-4o", &is_default, &error), ==, 128000);
  g_assert_false (is_default);

  g_assert_true (steward_store_reset_setting (store, "chat.context-tokens", &error));
  g_assert_cmpint (steward_store_get_context_tokens (store, "Work", "gpt-4o-mini", &is_default, &error), ==, 8192);
  g_assert_true (is_default);
  g_assert_no_error (error);

  /* Settings are not providers: nothing was announced as one. */
  g_assert_cmpuint (changed, ==, 0);

  /* The bounds of the setting are the bounds of a model's own size. */
  g_assert_true (steward_store_set_model_context_tokens (store, "Work", "tiny", 1024, &error));
  g_assert_true (steward_store_set_model_context_tokens (store, "Work", "vast", 2000000, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Work", "tiny", NULL, &error), ==, 1024);
  g_assert_cmpint (steward_store_get_context_tokens (store, "Work", "vast", NULL, &error), ==, 2000000);
  g_assert_cmpuint (changed, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) STORE_TEST_ADD ("store-models", path, func)

  ADD ("model-context-tokens", test_model_context_tokens);
  ADD ("model-context-tokens-follow-provider", test_model_context_tokens_follow_provider);
  ADD ("default-follows-setting", test_default_follows_setting);

#undef ADD

  return g_test_run ();
}
