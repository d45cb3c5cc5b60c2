/* test-secrets.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <unistd.h>

#include "keyring-session.h"
#include "steward-core.h"

/* API keys in the keyring (src/core/steward-secrets.c), against a real
 * gnome-keyring: the private one build-aux/headless-session.sh starts
 * (keyring-session.c). The user's own keyring is never written. */

#define KEY_ENV "STEWARD_TEST_SECRETS_KEY"

/* A provider name no other case (nor run) uses. */
static char *
unique_name (const char *what)
{
  return g_strdup_printf ("%s %d-%08x", what, (int)getpid (), g_test_rand_int ());
}

static StewardProvider *
provider_new (const char *name,
              const char *api_key_env)
{
  g_autoptr(GError) error = NULL;
  StewardProvider *provider = steward_provider_new ("openai", name, &error);

  g_assert_no_error (error);
  steward_provider_set_api_key_env (provider, api_key_env);

  return provider;
}

/* What the keyring itself holds for @name, read by another program
 * (secret-tool, as a person would check): the label of each item. */
static GPtrArray *
search_labels (const char *name)
{
  const char *argv[] = { "secret-tool", "search", "--all", "kind", "api-key", "name", name, NULL };
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "label = "))
        g_ptr_array_add (labels, g_strdup (lines[i] + strlen ("label = ")));
      else if (g_str_has_prefix (lines[i], "schema = "))
        g_assert_cmpstr (lines[i], ==, "schema = io.github.stewardapp.Steward.Secret");
    }

  return g_steal_pointer (&labels);
}

static void
test_store_replace_delete (void)
{
  g_autofree char *name = unique_name ("Work");
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GPtrArray) labels = NULL;
  g_autofree char *expected_label = NULL;

  if (!keyring_session_require ())
    return;

  provider = provider_new (name, NULL);

  /* None yet: no key, and no error. */
  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);
  g_assert_false (steward_secrets_has_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider)));

  g_assert_true (steward_secrets_store_api_key (name, "sk-first-0123456789", NULL, &error));
  g_assert_no_error (error);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "sk-first-0123456789");
  g_clear_pointer (&key, g_free);
  g_assert_true (steward_secrets_has_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider)));

  /* In the keyring as documented, under a label a person can read. */
  stored = keyring_session_lookup (name);
  g_assert_cmpstr (stored, ==, "sk-first-0123456789");
  labels = search_labels (name);
  expected_label = g_strdup_printf ("Steward API key for %s", name);
  g_assert_cmpuint (labels->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (labels, 0), ==, expected_label);
  g_clear_pointer (&labels, g_ptr_array_unref);

  /* Stored again: replaced, not added beside it. */
  g_assert_true (steward_secrets_store_api_key (name, "sk-second-ÿ-9876543210", NULL, &error));
  g_assert_no_error (error);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_cmpstr (key, ==, "sk-second-ÿ-9876543210");
  g_clear_pointer (&key, g_free);
  labels = search_labels (name);
  g_assert_cmpuint (labels->len, ==, 1);
  g_clear_pointer (&labels, g_ptr_array_unref);

  /* Deleted: gone from the keyring; deleting nothing is no error. */
  g_assert_true (steward_secrets_clear_api_key (name, NULL, &error));
  g_assert_no_error (error);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);
  g_assert_false (steward_secrets_has_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider)));
  labels = search_labels (name);
  g_assert_cmpuint (labels->len, ==, 0);
  g_assert_true (steward_secrets_clear_api_key (name, NULL, &error));
  g_assert_no_error (error);
}

/* Each provider has its own key, found by its exact name. */
static void
test_keys_per_provider (void)
{
  g_autofree char *first = unique_name ("Groq");
  g_autofree char *second = unique_name ("Groq ");
  g_autoptr(StewardProvider) first_provider = NULL;
  g_autoptr(StewardProvider) second_provider = NULL;
  g_autoptr(StewardProvider) cased = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  g_autofree char *upper = NULL;

  if (!keyring_session_require ())
    return;

  first_provider = provider_new (first, NULL);
  second_provider = provider_new (second, NULL);
  upper = g_ascii_strup (first, -1);
  cased = provider_new (upper, NULL);

  g_assert_true (steward_secrets_store_api_key (first, "sk-one", NULL, &error));
  g_assert_true (steward_secrets_store_api_key (second, "sk-two", NULL, &error));
  g_assert_no_error (error);

  key = steward_secrets_lookup_api_key (steward_provider_get_name (first_provider), steward_provider_get_api_key_env (first_provider), NULL, &error);
  g_assert_cmpstr (key, ==, "sk-one");
  g_clear_pointer (&key, g_free);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (second_provider), steward_provider_get_api_key_env (second_provider), NULL, &error);
  g_assert_cmpstr (key, ==, "sk-two");
  g_clear_pointer (&key, g_free);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (cased), steward_provider_get_api_key_env (cased), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);

  /* Deleting one leaves the other. */
  g_assert_true (steward_secrets_clear_api_key (first, NULL, &error));
  g_assert_false (steward_secrets_has_api_key (steward_provider_get_name (first_provider), steward_provider_get_api_key_env (first_provider)));
  g_assert_true (steward_secrets_has_api_key (steward_provider_get_name (second_provider), steward_provider_get_api_key_env (second_provider)));
  g_assert_true (steward_secrets_clear_api_key (second, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *key;
  GError   *error;
} AsyncResult;

static void
stored_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = steward_secrets_store_api_key_finish (result, &r->error);
  r->done = TRUE;
}

static void
cleared_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->ok = steward_secrets_clear_api_key_finish (result, &r->error);
  r->done = TRUE;
}

static void
looked_up_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  AsyncResult *r = user_data;

  r->key = steward_secrets_lookup_api_key_finish (result, &r->error);
  r->done = TRUE;
}

static void
wait_for (AsyncResult *r)
{
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (r->error);
}

/* What the main thread uses: the same, in a worker. */
static void
test_async (void)
{
  g_autofree char *name = unique_name ("Async");
  g_autoptr(StewardProvider) provider = NULL;
  AsyncResult r = { 0 };

  if (!keyring_session_require ())
    return;

  provider = provider_new (name, NULL);

  steward_secrets_store_api_key_async (name, "sk-async", NULL, stored_cb, &r);
  wait_for (&r);
  g_assert_true (r.ok);

  memset (&r, 0, sizeof r);
  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, looked_up_cb, &r);
  wait_for (&r);
  g_assert_cmpstr (r.key, ==, "sk-async");
  g_free (r.key);

  memset (&r, 0, sizeof r);
  steward_secrets_clear_api_key_async (name, NULL, cleared_cb, &r);
  wait_for (&r);
  g_assert_true (r.ok);

  memset (&r, 0, sizeof r);
  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, looked_up_cb, &r);
  wait_for (&r);
  g_assert_null (r.key);
}

/* A provider that names a variable takes its key from there, even with
 * a key of the same name in the keyring; an unset or empty variable is
 * the documented error, never a fall-back to the keyring. */
static void
test_api_key_env (void)
{
  g_autofree char *name = unique_name ("Scripted");
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  AsyncResult r = { 0 };

  if (!keyring_session_require ())
    return;

  provider = provider_new (name, KEY_ENV);
  g_assert_true (steward_secrets_store_api_key (name, "sk-from-keyring", NULL, &error));
  g_assert_no_error (error);

  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "sk-from-environment");
  g_clear_pointer (&key, g_free);
  g_assert_true (steward_secrets_has_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider)));

  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, looked_up_cb, &r);
  wait_for (&r);
  g_assert_cmpstr (r.key, ==, "sk-from-environment");
  g_free (r.key);

  /* The variable is named, but another one holds nothing. */
  steward_provider_set_api_key_env (provider, "STEWARD_TEST_SECRETS_UNSET");
  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_null (key);
  g_assert_error (error, STEWARD_SECRETS_ERROR, STEWARD_SECRETS_ERROR_NO_KEY);
  g_assert_nonnull (strstr (error->message, "STEWARD_TEST_SECRETS_UNSET"));
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (strstr (error->message, "sk-from"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);
  g_assert_false (steward_secrets_has_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider)));

  memset (&r, 0, sizeof r);
  steward_secrets_lookup_api_key_async (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, looked_up_cb, &r);
  while (!r.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (r.error, STEWARD_SECRETS_ERROR, STEWARD_SECRETS_ERROR_NO_KEY);
  g_assert_null (r.key);
  g_clear_error (&r.error);

  /* The keyring's key is still there, untouched, for when the variable
   * is no longer named. */
  steward_provider_set_api_key_env (provider, NULL);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  g_assert_cmpstr (key, ==, "sk-from-keyring");
  g_assert_true (steward_secrets_clear_api_key (name, NULL, &error));
  g_assert_no_error (error);
}

/* In a child whose session bus cannot be reached: no keyring at all. */
static void
without_keyring (void)
{
  g_autofree char *name = unique_name ("Nowhere");
  g_autoptr(StewardProvider) scripted = NULL;
  g_autoptr(StewardProvider) keyed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  /* Before anything opens a connection to the bus. */
  keyring_session_cut_off ();

  /* A variable's key needs no keyring: it is never asked. */
  scripted = provider_new (name, KEY_ENV);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (scripted), steward_provider_get_api_key_env (scripted), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "sk-from-environment");
  g_clear_pointer (&key, g_free);

  /* No keyring is no key, as documented; saving says why it failed. */
  keyed = provider_new (name, NULL);
  key = steward_secrets_lookup_api_key (steward_provider_get_name (keyed), steward_provider_get_api_key_env (keyed), NULL, &error);
  g_assert_no_error (error);
  g_assert_null (key);
  g_assert_false (steward_secrets_has_api_key (steward_provider_get_name (keyed), steward_provider_get_api_key_env (keyed)));

  g_assert_false (steward_secrets_store_api_key (name, "sk-lost", NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not save the key for "));
  g_assert_nonnull (strstr (error->message, name));
  g_assert_null (strstr (error->message, "sk-lost"));
  g_assert_true (g_str_has_suffix (error->message, "."));
  g_clear_error (&error);

  g_assert_false (steward_secrets_clear_api_key (name, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_true (g_str_has_prefix (error->message, "Could not remove the key for "));
}

static void
test_no_keyring (void)
{
  if (g_test_subprocess ())
    {
      without_keyring ();
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

  g_setenv (KEY_ENV, "sk-from-environment", TRUE);
  g_unsetenv ("STEWARD_TEST_SECRETS_UNSET");

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/secrets/store-replace-delete", test_store_replace_delete);
  g_test_add_func ("/steward/secrets/keys-per-provider", test_keys_per_provider);
  g_test_add_func ("/steward/secrets/async", test_async);
  g_test_add_func ("/steward/secrets/api-key-env", test_api_key_env);
  g_test_add_func ("/steward/secrets/no-keyring", test_no_keyring);

  return g_test_run ();
}
