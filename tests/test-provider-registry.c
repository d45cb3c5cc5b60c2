/* test-provider-registry.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "keyring-session.h"
#include "steward-core.h"
#include "store-fixture.h"

/* The providers the user set up (src/core/providers/steward-provider-registry.c):
 * StewardProviders made from the store's rows, and a provider's row and
 * its key changing together. A real SQLite file in a temporary folder,
 * the services as the app and the CLI build them, and a real keyring:
 * the throwaway one of build-aux/headless-session.sh (keyring-session.c).
 * Without a keyring at all, in a child whose session bus cannot be
 * reached. */

typedef struct
{
  StoreFixture             base;
  StewardServices         *services;
  StewardProviderRegistry *registry;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (&fixture->base, user_data);

  fixture->services = steward_services_new ();
  g_assert_true (steward_services_open (fixture->services, fixture->base.data_dir, &error));
  g_assert_no_error (error);
  fixture->registry = steward_services_get_providers (fixture->services);
  g_assert_true (STEWARD_IS_PROVIDER_REGISTRY (fixture->registry));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  fixture->registry = NULL;
  g_assert_finalize_object (g_steal_pointer (&fixture->services));
  store_fixture_tear_down (&fixture->base, user_data);
}

static StewardProvider *
provider_new (const char *kind,
              const char *name)
{
  g_autoptr(GError) error = NULL;
  StewardProvider *provider = steward_provider_new (kind, name, &error);

  g_assert_no_error (error);

  return provider;
}

static guint
count_providers (Fixture *fixture)
{
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;

  providers = steward_provider_registry_list (fixture->registry, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (providers);
}

static void
count_cb (StewardProviderRegistry *registry,
          guint                   *count)
{
  (*count)++;
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  GError   *key_error;
  GError   *error;
} Wait;

static void
added_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = steward_provider_registry_add_finish (STEWARD_PROVIDER_REGISTRY (object), result, &wait->error);
  wait->done = TRUE;
}

static void
updated_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = steward_provider_registry_update_finish (STEWARD_PROVIDER_REGISTRY (object), result, &wait->error);
  wait->done = TRUE;
}

static void
removed_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Wait *wait = user_data;

  wait->ok = steward_provider_registry_remove_finish (STEWARD_PROVIDER_REGISTRY (object), result,
                                                      &wait->key_error, &wait->error);
  wait->done = TRUE;
}

static void
wait_for (Wait *wait)
{
  while (!wait->done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
update (Fixture          *fixture,
        const char       *old_name,
        StewardProvider  *provider,
        const char       *api_key,
        GError          **error)
{
  Wait wait = { 0 };

  steward_provider_registry_update_async (fixture->registry, old_name, provider, api_key,
                                          NULL, updated_cb, &wait);
  wait_for (&wait);
  if (wait.error != NULL)
    g_propagate_error (error, wait.error);

  return wait.ok;
}

/* -- without the keyring ---------------------------------------------------------- */

/* What is stored comes back as a provider of its kind, set up as it was;
 * the official address is not stored, so it can move with Steward. */
static void
test_find_and_list (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(StewardProvider) groq = provider_new ("openai", "Groq");
  g_autoptr(StewardProvider) claude = provider_new ("anthropic", "Claude");
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(StewardProvider) newest = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stored = NULL;
  guint changed = 0;

  g_assert_true (steward_provider_registry_get_store (fixture->registry) ==
                 steward_services_get_store (fixture->services));
  g_signal_connect (fixture->registry, "changed", G_CALLBACK (count_cb), &changed);

  steward_provider_set_base_url (groq, "https://api.groq.com/openai/v1/");
  steward_provider_set_model (groq, "llama-3.3-70b");
  steward_provider_set_api_key_env (groq, "GROQ_API_KEY");
  g_assert_true (steward_provider_registry_add (fixture->registry, groq, NULL, &error));
  g_assert_no_error (error);

  steward_provider_set_base_url (claude, "https://api.anthropic.com");
  g_assert_true (steward_provider_registry_add (fixture->registry, claude, "", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);

  stored = store_fixture_query (fixture->base.db_path,
                                "SELECT coalesce (base_url, 'NULL') FROM providers WHERE name = 'Claude'");
  g_assert_cmpstr (stored, ==, "NULL");
  g_clear_pointer (&stored, g_free);
  stored = store_fixture_query (fixture->base.db_path,
                                "SELECT base_url FROM providers WHERE name = 'Groq'");
  g_assert_cmpstr (stored, ==, "https://api.groq.com/openai/v1");

  found = steward_provider_registry_find (fixture->registry, "Groq", &error);
  g_assert_no_error (error);
  g_assert_true (STEWARD_IS_PROVIDER (found));
  g_assert_cmpstr (steward_provider_get_name (found), ==, "Groq");
  g_assert_cmpstr (steward_provider_get_kind (found), ==, "openai");
  g_assert_cmpstr (steward_provider_get_base_url (found), ==, "https://api.groq.com/openai/v1");
  g_assert_cmpstr (steward_provider_get_model (found), ==, "llama-3.3-70b");
  g_assert_cmpstr (steward_provider_get_api_key_env (found), ==, "GROQ_API_KEY");
  g_clear_object (&found);

  found = steward_provider_registry_find (fixture->registry, "Claude", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_kind (found), ==, "anthropic");
  g_assert_cmpstr (steward_provider_get_base_url (found), ==, steward_provider_get_default_base_url (found));
  g_assert_null (steward_provider_get_model (found));
  g_assert_null (steward_provider_get_api_key_env (found));

  g_assert_null (steward_provider_registry_find (fixture->registry, "Nobody", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The most recently added first, as providers. */
  providers = steward_provider_registry_list (fixture->registry, &error);
  g_assert_no_error (error);
  g_assert_true (g_list_model_get_item_type (providers) == STEWARD_TYPE_PROVIDER);
  g_assert_cmpuint (g_list_model_get_n_items (providers), ==, 2);
  newest = g_list_model_get_item (providers, 0);
  g_assert_cmpstr (steward_provider_get_name (newest), ==, "Claude");
}

/* What the store refuses is neither stored nor has its key stored: the
 * keyring is not even asked. */
static void
test_add_refused (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(StewardProvider) first = provider_new ("ollama", "Local");
  g_autoptr(StewardProvider) again = provider_new ("gemini", "Local");
  g_autoptr(StewardProvider) bad_name = provider_new ("openai", "Bad\x1b[31mName");
  g_autoptr(StewardProvider) bad_address = provider_new ("openai", "Remote");
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  g_assert_true (steward_provider_registry_add (fixture->registry, first, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (steward_provider_registry_add (fixture->registry, again, "sk-never-stored", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (steward_provider_registry_add (fixture->registry, bad_name, "sk-never-stored", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  steward_provider_set_base_url (bad_address, "https://user:secret@example.com/v1");
  steward_provider_registry_add_async (fixture->registry, bad_address, "sk-never-stored", NULL, added_cb, &wait);
  wait_for (&wait);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_assert_null (strstr (wait.error->message, "secret"));
  g_clear_error (&wait.error);

  g_assert_cmpuint (count_providers (fixture), ==, 1);
}

/* Settings change without touching the keyring when the key stays and
 * the name does too (a rename asks the keyring: the cases below). */
static void
test_update_settings (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardProvider) provider = provider_new ("openai", "Work");
  g_autoptr(StewardProvider) changed = provider_new ("openai", "Work");
  g_autoptr(StewardProvider) other = provider_new ("ollama", "Home");
  g_autoptr(StewardProvider) taken = provider_new ("openai", "Home");
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  StewardStore *store = steward_services_get_store (fixture->services);

  steward_provider_set_api_key_env (provider, "WORK_KEY");
  g_assert_true (steward_provider_registry_add (fixture->registry, provider, NULL, &error));
  g_assert_true (steward_store_set_tier (store, "large", "Work", "gpt-4o", &error));
  g_assert_no_error (error);

  steward_provider_set_model (changed, "gpt-4o-mini");
  steward_provider_set_base_url (changed, "http://127.0.0.1:8080/v1/");
  steward_provider_set_api_key_env (changed, "WORK_KEY");
  g_assert_true (update (fixture, "Work", changed, NULL, &error));
  g_assert_no_error (error);

  found = steward_provider_registry_find (fixture->registry, "Work", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_model (found), ==, "gpt-4o-mini");
  g_assert_cmpstr (steward_provider_get_base_url (found), ==, "http://127.0.0.1:8080/v1");

  /* Nothing to update, or a name taken: refused, nothing changed. */
  g_assert_false (update (fixture, "Nobody", changed, NULL, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (steward_provider_registry_add (fixture->registry, other, NULL, &error));
  g_assert_false (update (fixture, "Work", taken, "sk-never-stored", &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_object (&found);
  found = steward_provider_registry_find (fixture->registry, "Work", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_kind (found), ==, "openai");
  g_assert_true (steward_store_get_tier (store, "large", &tier_provider, &tier_model, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tier_provider, ==, "Work");
  g_assert_cmpstr (tier_model, ==, "gpt-4o");
  g_assert_cmpuint (count_providers (fixture), ==, 2);
}

/* -- with the keyring ------------------------------------------------------------- */

/* Added with a key: the row and the key; removed: both go. */
static void
test_add_and_remove_with_key (Fixture       *fixture,
                              gconstpointer  user_data)
{
  g_autoptr(StewardProvider) provider = provider_new ("openai", "Keyed");
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;

  if (!keyring_session_require ())
    return;

  g_assert_true (steward_provider_registry_add (fixture->registry, provider, "sk-keyed-0123456789", &error));
  g_assert_no_error (error);

  key = keyring_session_lookup ("Keyed");
  g_assert_cmpstr (key, ==, "sk-keyed-0123456789");
  g_clear_pointer (&key, g_free);

  /* The key is in the keyring only: no column of the row holds it. */
  stored = store_fixture_query (fixture->base.db_path,
                                "SELECT count(*) FROM providers WHERE"
                                " instr (name || kind || coalesce (base_url, '') || coalesce (model, '') ||"
                                "        coalesce (api_key_env, ''), 'sk-keyed') > 0");
  g_assert_cmpstr (stored, ==, "0");

  found = steward_provider_registry_find (fixture->registry, "Keyed", &error);
  g_assert_no_error (error);
  g_assert_true (steward_secrets_has_api_key (steward_provider_get_name (found), steward_provider_get_api_key_env (found)));

  g_assert_true (steward_provider_registry_remove (fixture->registry, "Keyed", &key_error, &error));
  g_assert_no_error (error);
  g_assert_no_error (key_error);
  g_assert_null (keyring_session_lookup ("Keyed"));
  g_assert_cmpuint (count_providers (fixture), ==, 0);

  /* Twice is not found. */
  g_assert_false (steward_provider_registry_remove (fixture->registry, "Keyed", &key_error, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_assert_no_error (key_error);
}

/* The app's way: the keyring reached without blocking. */
static void
test_async_with_key (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(StewardProvider) provider = provider_new ("anthropic", "Async");
  g_autofree char *key = NULL;
  Wait wait = { 0 };

  if (!keyring_session_require ())
    return;

  steward_provider_registry_add_async (fixture->registry, provider, "sk-async", NULL, added_cb, &wait);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_assert_true (wait.ok);
  key = keyring_session_lookup ("Async");
  g_assert_cmpstr (key, ==, "sk-async");

  memset (&wait, 0, sizeof wait);
  steward_provider_registry_remove_async (fixture->registry, "Async", NULL, removed_cb, &wait);
  /* The row is gone before the keyring answers. */
  g_assert_cmpuint (count_providers (fixture), ==, 0);
  wait_for (&wait);
  g_assert_no_error (wait.error);
  g_assert_no_error (wait.key_error);
  g_assert_true (wait.ok);
  g_assert_null (keyring_session_lookup ("Async"));

  memset (&wait, 0, sizeof wait);
  steward_provider_registry_remove_async (fixture->registry, "Async", NULL, removed_cb, &wait);
  wait_for (&wait);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&wait.error);
}

/* A rename takes the key along; a new key replaces it; an empty one
 * takes it out of the keyring. */
static void
test_update_key (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StewardProvider) provider = provider_new ("openai", "Before");
  g_autoptr(StewardProvider) renamed = provider_new ("openai", "After");
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (!keyring_session_require ())
    return;

  g_assert_true (steward_provider_registry_add (fixture->registry, provider, "sk-first", &error));
  g_assert_no_error (error);

  /* Renamed, the key kept: it moves along. */
  g_assert_true (update (fixture, "Before", renamed, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (keyring_session_lookup ("Before"));
  key = keyring_session_lookup ("After");
  g_assert_cmpstr (key, ==, "sk-first");
  g_clear_pointer (&key, g_free);

  /* A new key replaces it. */
  g_assert_true (update (fixture, "After", renamed, "sk-second", &error));
  g_assert_no_error (error);
  key = keyring_session_lookup ("After");
  g_assert_cmpstr (key, ==, "sk-second");
  g_clear_pointer (&key, g_free);

  /* Renamed back with a new key: that one, under the new name only. */
  g_assert_true (update (fixture, "After", provider, "sk-third", &error));
  g_assert_no_error (error);
  g_assert_null (keyring_session_lookup ("After"));
  key = keyring_session_lookup ("Before");
  g_assert_cmpstr (key, ==, "sk-third");
  g_clear_pointer (&key, g_free);

  /* Empty: out of the keyring, the settings stay. */
  steward_provider_set_api_key_env (provider, "BEFORE_KEY");
  g_assert_true (update (fixture, "Before", provider, "", &error));
  g_assert_no_error (error);
  g_assert_null (keyring_session_lookup ("Before"));
  found = steward_provider_registry_find (fixture->registry, "Before", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_api_key_env (found), ==, "BEFORE_KEY");
}

/* -- without any keyring ---------------------------------------------------------- */

static void
without_keyring (Fixture *fixture)
{
  g_autoptr(StewardProvider) keyed = provider_new ("openai", "Keyed");
  g_autoptr(StewardProvider) plain = provider_new ("openai", "Plain");
  g_autoptr(StewardProvider) renamed = provider_new ("gemini", "Renamed");
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;
  Wait wait = { 0 };

  /* Before anything opens a connection to the bus. */
  keyring_session_cut_off ();

  /* The key cannot be stored: the provider is not kept either. */
  g_assert_false (steward_provider_registry_add (fixture->registry, keyed, "sk-lost", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_null (strstr (error->message, "sk-lost"));
  g_clear_error (&error);
  steward_provider_registry_add_async (fixture->registry, keyed, "sk-lost", NULL, added_cb, &wait);
  wait_for (&wait);
  g_assert_false (wait.ok);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&wait.error);
  g_assert_cmpuint (count_providers (fixture), ==, 0);

  /* Without a key nothing asks the keyring. */
  steward_provider_set_model (plain, "gpt-4o");
  g_assert_true (steward_provider_registry_add (fixture->registry, plain, NULL, &error));
  g_assert_no_error (error);

  /* A new key that cannot be stored: the row is put back as it was. */
  steward_provider_set_model (renamed, "gemini-2.5-flash");
  g_assert_false (update (fixture, "Plain", renamed, "sk-lost", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_clear_error (&error);
  found = steward_provider_registry_find (fixture->registry, "Plain", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_kind (found), ==, "openai");
  g_assert_cmpstr (steward_provider_get_model (found), ==, "gpt-4o");
  g_assert_null (steward_provider_registry_find (fixture->registry, "Renamed", NULL));

  /* No keyring is no key: a rename keeping it has none to move. Model
   * sizes follow the rename. */
  g_assert_true (steward_store_set_tier (steward_services_get_store (fixture->services),
                                         "small", "Plain", "gpt-4o", &error));
  g_assert_true (update (fixture, "Plain", renamed, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (steward_store_get_tier (steward_services_get_store (fixture->services),
                                         "small", &tier_provider, &tier_model, &error));
  g_assert_cmpstr (tier_provider, ==, "Renamed");
  g_assert_cmpstr (tier_model, ==, "gpt-4o");

  /* Removed all the same; the keyring's failure said aside. */
  g_assert_true (steward_provider_registry_remove (fixture->registry, "Renamed", &key_error, &error));
  g_assert_no_error (error);
  g_assert_error (key_error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (count_providers (fixture), ==, 0);
}

static void
test_no_keyring (Fixture       *fixture,
                 gconstpointer  user_data)
{
  if (g_test_subprocess ())
    {
      without_keyring (fixture);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  keyring_session_enter (argc, argv);

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/provider-registry/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("find-and-list", test_find_and_list);
  ADD ("add-refused", test_add_refused);
  ADD ("update-settings", test_update_settings);
  ADD ("add-and-remove-with-key", test_add_and_remove_with_key);
  ADD ("async-with-key", test_async_with_key);
  ADD ("update-key", test_update_key);
  ADD ("no-keyring", test_no_keyring);

#undef ADD

  return g_test_run ();
}
