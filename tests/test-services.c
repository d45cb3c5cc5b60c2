/* test-services.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "steward-core.h"

/* The services object the app, the CLI and the tests share: opening the
 * store (here and in a worker), the settings and the providers over it. Provider calls with the provider's
 * own key (steward-provider-calls.c) are checked against a SoupServer in
 * this process. */

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("steward-test-services-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *db = g_build_filename (fixture->dir, "steward.db", NULL);
  g_autofree char *wal = g_strconcat (db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (db, "-shm", NULL);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (db);
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_open (Fixture       *fixture,
           gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(GError) error = NULL;
  guint ready_notified = 0;

  g_assert_false (steward_services_get_ready (services));
  g_assert_null (steward_services_get_store (services));
  g_assert_null (steward_services_get_settings (services));
  g_assert_true (SOUP_IS_SESSION (steward_services_get_session (services)));

  g_signal_connect (services, "notify::ready", G_CALLBACK (count_notify_cb), &ready_notified);
  g_assert_true (steward_services_open (services, fixture->dir, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (ready_notified, ==, 1);
  g_assert_true (steward_services_get_ready (services));
  g_assert_null (steward_services_get_open_error (services));
  g_assert_true (STEWARD_IS_STORE (steward_services_get_store (services)));
  g_assert_true (steward_settings_get_store (steward_services_get_settings (services)) ==
                 steward_services_get_store (services));
  g_assert_cmpint (steward_settings_get_int (steward_services_get_settings (services), "chat.context-tokens"),
                   ==, 8192);
}

static void
opened_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GError **error = user_data;

  steward_services_open_finish (STEWARD_SERVICES (object), result, error);
}

static void
test_open_async_refused (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autofree char *db = g_build_filename (fixture->dir, "steward.db", NULL);
  GError *error = NULL;

  /* An empty steward.db is damaged: refused, with the reason kept. */
  g_assert_true (g_file_set_contents (db, "", 0, NULL));

  steward_services_open_async (services, fixture->dir, NULL, opened_cb, &error);
  while (!steward_services_get_ready (services))
    g_main_context_iteration (NULL, TRUE);

  g_assert_nonnull (error);
  g_assert_null (steward_services_get_store (services));
  g_assert_null (steward_services_get_settings (services));
  g_assert_nonnull (steward_services_get_open_error (services));
  g_assert_cmpstr (steward_services_get_open_error (services)->message, ==, error->message);
  g_error_free (error);
}

/* The providers come with the open store, over it; adding one with its
 * key is test-provider-registry.c's. */
static void
test_providers (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardServices) services = steward_services_new ();
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(StewardProvider) found = NULL;
  g_autoptr(GError) error = NULL;
  StewardProviderRegistry *registry;
  guint notified = 0;

  /* Before the store is open there is nowhere to add one. */
  g_assert_null (steward_services_get_providers (services));

  g_signal_connect (services, "notify::providers", G_CALLBACK (count_notify_cb), &notified);
  g_assert_true (steward_services_open (services, fixture->dir, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (notified, ==, 1);

  registry = steward_services_get_providers (services);
  g_assert_true (STEWARD_IS_PROVIDER_REGISTRY (registry));
  g_assert_true (steward_provider_registry_get_store (registry) == steward_services_get_store (services));

  /* No key: nothing asks the keyring. */
  provider = steward_provider_new ("openai", "Local", NULL);
  steward_provider_set_api_key_env (provider, "STEWARD_TEST_NO_SUCH_VARIABLE");
  g_assert_true (steward_provider_registry_add (registry, provider, NULL, &error));
  g_assert_no_error (error);
  found = steward_provider_registry_find (registry, "Local", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_api_key_env (found), ==, "STEWARD_TEST_NO_SUCH_VARIABLE");
}

/* -- calls with the provider's own key ----------------------------------- */

static void
models_handler (SoupServer        *server,
                SoupServerMessage *message,
                const char        *path,
                GHashTable        *query,
                gpointer           user_data)
{
  const char *auth = soup_message_headers_get_one (soup_server_message_get_request_headers (message),
                                                   "Authorization");
  const char *body;

  if (g_strcmp0 (auth, "Bearer sk-from-the-environment") != 0)
    {
      body = "{\"error\": {\"type\": \"invalid_api_key\", \"message\": \"Wrong key\"}}";
      soup_server_message_set_status (message, 401, NULL);
    }
  else
    {
      body = "{\"data\": [{\"id\": \"b-model\"}, {\"id\": \"a-model\"}]}";
      soup_server_message_set_status (message, 200, NULL);
    }

  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_STATIC, body, strlen (body));
}

typedef struct
{
  GMainLoop *loop;
  GStrv      models;
  GError    *error;
} Wait;

static void
models_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  Wait *wait = user_data;

  wait->models = steward_provider_calls_list_models_finish (result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static void
test_calls_use_the_providers_key (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(StewardProvider) provider = steward_provider_new ("openai", "Env", NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  Wait wait = { loop, NULL, NULL };
  GSList *uris;

  soup_server_add_handler (server, NULL, models_handler, NULL, NULL);
  soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%u", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  steward_provider_set_base_url (provider, url);
  steward_provider_set_api_key_env (provider, "STEWARD_TEST_KEY");

  g_setenv ("STEWARD_TEST_KEY", "sk-from-the-environment", TRUE);
  steward_provider_calls_list_models_async (provider, session, NULL, models_cb, &wait);
  g_main_loop_run (loop);
  g_assert_no_error (wait.error);
  g_assert_cmpstr (wait.models[0], ==, "a-model");
  g_assert_cmpstr (wait.models[1], ==, "b-model");
  g_clear_pointer (&wait.models, g_strfreev);

  /* The variable unset: the sentence names it, and nothing is sent. */
  g_unsetenv ("STEWARD_TEST_KEY");
  steward_provider_calls_list_models_async (provider, session, NULL, models_cb, &wait);
  g_main_loop_run (loop);
  g_assert_null (wait.models);
  g_assert_nonnull (wait.error);
  g_assert_nonnull (strstr (wait.error->message, "STEWARD_TEST_KEY"));
  g_clear_error (&wait.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/steward/services/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/steward/services/open-async-refused", Fixture, NULL,
              fixture_set_up, test_open_async_refused, fixture_tear_down);
  g_test_add ("/steward/services/providers", Fixture, NULL,
              fixture_set_up, test_providers, fixture_tear_down);
  g_test_add_func ("/steward/services/calls-use-the-providers-key", test_calls_use_the_providers_key);

  return g_test_run ();
}
