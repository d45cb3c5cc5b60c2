/* test-first-run.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-core.h"
#include "store-fixture.h"

/* The first run (src/core/providers/steward-first-run.c): with no
 * provider set up, a local Ollama that answers is offered with its first
 * model, and taking the offer sets it up. Ollama is a SoupServer in this
 * process answering /api/tags with the project's own fixture (Ollama's
 * wire format); STEWARD_OLLAMA_URL points the first run at it. The store
 * is a real SQLite file in a temporary folder. */

typedef struct
{
  StoreFixture     base;
  StewardServices *services;
  SoupServer      *server;
  /* What /api/tags answers: a fixture's body, or NULL to never answer */
  GBytes          *tags;
  GPtrArray       *paths;
  GPtrArray       *held;
} Fixture;

static void
tags_handler (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *fixture = user_data;

  g_ptr_array_add (fixture->paths, g_strdup (path));

  if (fixture->tags == NULL)
    {
      /* An address that swallows the request. */
      soup_server_message_pause (message);
      g_ptr_array_add (fixture->held, g_object_ref (message));
      return;
    }

  if (g_strcmp0 (path, "/api/tags") != 0)
    {
      soup_server_message_set_status (message, 404, NULL);
      return;
    }

  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY,
                                    g_bytes_get_data (fixture->tags, NULL),
                                    g_bytes_get_size (fixture->tags));
}

static char *
server_url (SoupServer *server)
{
  GSList *uris = soup_server_get_uris (server);
  char *url = g_strdup_printf ("http://127.0.0.1:%u/", g_uri_get_port (uris->data));

  g_slist_free_full (uris, (GDestroyNotify)g_uri_unref);

  return url;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autofree char *tags_path = NULL;
  g_autofree char *url = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize len = 0;

  store_fixture_set_up (&fixture->base, user_data);

  fixture->services = steward_services_new ();
  g_assert_true (steward_services_open (fixture->services, fixture->base.data_dir, &error));
  g_assert_no_error (error);

  tags_path = g_build_filename (g_getenv ("STEWARD_FIXTURES_DIR"), "ollama", "tags.json", NULL);
  g_assert_true (g_file_get_contents (tags_path, &contents, &len, &error));
  g_assert_no_error (error);
  fixture->tags = g_bytes_new_take (contents, len);
  fixture->paths = g_ptr_array_new_with_free_func (g_free);
  fixture->held = g_ptr_array_new_with_free_func (g_object_unref);

  fixture->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fixture->server, NULL, tags_handler, fixture, NULL);
  soup_server_listen_local (fixture->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  url = server_url (fixture->server);
  g_setenv ("STEWARD_OLLAMA_URL", url, TRUE);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  for (guint i = 0; i < fixture->held->len; i++)
    soup_server_message_unpause (g_ptr_array_index (fixture->held, i));
  soup_server_disconnect (fixture->server);
  g_clear_object (&fixture->server);
  g_clear_pointer (&fixture->held, g_ptr_array_unref);
  g_clear_pointer (&fixture->paths, g_ptr_array_unref);
  g_clear_pointer (&fixture->tags, g_bytes_unref);
  g_unsetenv ("STEWARD_OLLAMA_URL");
  g_assert_finalize_object (g_steal_pointer (&fixture->services));
  store_fixture_tear_down (&fixture->base, user_data);
}

typedef struct
{
  gboolean  done;
  char     *model;
  GError   *error;
} Wait;

static void
found_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Wait *wait = user_data;

  wait->model = steward_first_run_find_ollama_finish (STEWARD_FIRST_RUN (object), result, &wait->error);
  wait->done = TRUE;
}

static char *
find_ollama (StewardFirstRun  *first_run,
             GCancellable     *cancellable,
             GError          **error)
{
  Wait wait = { 0 };

  steward_first_run_find_ollama_async (first_run, cancellable, found_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  if (wait.error != NULL)
    g_propagate_error (error, wait.error);

  return wait.model;
}

/* No provider yet: Ollama is found, its model offered; taking the offer
 * adds it and maps the medium size to that model, and the first run is
 * over. */
static void
test_ollama_found_and_used (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  g_autofree char *url = server_url (fixture->server);
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;

  g_assert_true (steward_first_run_is_needed (first_run, &error));
  g_assert_no_error (error);
  g_assert_null (steward_first_run_get_ollama_model (first_run));

  model = find_ollama (first_run, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (model, ==, "llama3.2:latest");
  g_assert_cmpstr (steward_first_run_get_ollama_model (first_run), ==, "llama3.2:latest");
  /* A trailing slash is no part of the address. */
  url[strlen (url) - 1] = '\0';
  g_assert_cmpstr (steward_first_run_get_ollama_url (first_run), ==, url);
  g_assert_cmpuint (fixture->paths->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (fixture->paths, 0), ==, "/api/tags");

  /* Looking adds nothing. */
  g_assert_true (steward_first_run_is_needed (first_run, &error));

  g_assert_true (steward_first_run_use_ollama (first_run, &error));
  g_assert_no_error (error);
  g_assert_false (steward_first_run_is_needed (first_run, &error));
  g_assert_no_error (error);

  provider = steward_provider_registry_find (steward_services_get_providers (fixture->services), "Ollama", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_provider_get_kind (provider), ==, "ollama");
  g_assert_cmpstr (steward_provider_get_base_url (provider), ==, url);
  g_assert_cmpstr (steward_provider_get_model (provider), ==, "llama3.2:latest");
  g_assert_null (steward_provider_get_api_key_env (provider));

  g_assert_true (steward_store_get_tier (steward_services_get_store (fixture->services), "medium",
                                         &tier_provider, &tier_model, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (tier_provider, ==, "Ollama");
  g_assert_cmpstr (tier_model, ==, "llama3.2:latest");

  /* Taking it twice: the name is taken, nothing changes. */
  g_assert_false (steward_first_run_use_ollama (first_run, &error));
  g_assert_error (error, STEWARD_STORE_ERROR, STEWARD_STORE_ERROR_INVALID);
}

/* The first of several models, as the list sorts them. */
static void
test_first_model (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const char tags[] = "{\"models\": [{\"name\": \"qwen3:8b\"}, {\"name\": \"gemma3:1b\"}]}";
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;

  g_bytes_unref (fixture->tags);
  fixture->tags = g_bytes_new_static (tags, strlen (tags));

  model = find_ollama (first_run, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (model, ==, "gemma3:1b");
}

/* An Ollama without a model has nothing to offer: no model, no error. */
static void
test_no_models (Fixture       *fixture,
                gconstpointer  user_data)
{
  static const char tags[] = "{\"models\": []}";
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;

  g_bytes_unref (fixture->tags);
  fixture->tags = g_bytes_new_static (tags, strlen (tags));

  model = find_ollama (first_run, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (model);
  g_assert_null (steward_first_run_get_ollama_model (first_run));
  g_assert_true (steward_first_run_is_needed (first_run, &error));
}

/* Nothing listens: an error says so, and nothing is offered. */
static void
test_nothing_answers (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;

  /* The server's port, closed. */
  soup_server_disconnect (fixture->server);

  model = find_ollama (first_run, NULL, &error);
  g_assert_null (model);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE);
  g_assert_null (steward_first_run_get_ollama_model (first_run));
}

/* An address that never answers is given up on after a moment. */
static void
test_timed_out (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(GError) error = NULL;
  g_autofree char *model = NULL;
  gint64 started = g_get_monotonic_time ();

  g_clear_pointer (&fixture->tags, g_bytes_unref);

  model = find_ollama (first_run, NULL, &error);
  g_assert_null (model);
  g_assert_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNREACHABLE);
  g_assert_cmpuint (fixture->held->len, ==, 1);
  /* Within a generous bound of its two seconds, on a busy machine. */
  g_assert_cmpint (g_get_monotonic_time () - started, <, 30 * G_USEC_PER_SEC);
}

/* The caller's cancellable stops the looking. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  Wait wait = { 0 };

  g_clear_pointer (&fixture->tags, g_bytes_unref);

  steward_first_run_find_ollama_async (first_run, cancellable, found_cb, &wait);
  while (fixture->held->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_cancellable_cancel (cancellable);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (wait.model);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);

  /* Cancelled before it starts: the same. */
  memset (&wait, 0, sizeof wait);
  steward_first_run_find_ollama_async (first_run, cancellable, found_cb, &wait);
  while (!wait.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_error (wait.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&wait.error);
}

/* With a provider set up, there is no first run to offer. */
static void
test_not_needed (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(StewardFirstRun) first_run = steward_services_new_first_run (fixture->services);
  g_autoptr(StewardProvider) provider = steward_provider_new ("anthropic", "Claude", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (steward_provider_registry_add (steward_services_get_providers (fixture->services),
                                                provider, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (steward_first_run_is_needed (first_run, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/steward/first-run/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("ollama-found-and-used", test_ollama_found_and_used);
  ADD ("first-model", test_first_model);
  ADD ("no-models", test_no_models);
  ADD ("nothing-answers", test_nothing_answers);
  ADD ("timed-out", test_timed_out);
  ADD ("cancelled", test_cancelled);
  ADD ("not-needed", test_not_needed);

#undef ADD

  return g_test_run ();
}
