/* steward-cli-providers.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "steward-cli-private.h"

/* The model sizes, in the order `tier list` prints them. */
static const char * const tiers[] = { "small", "medium", "large", NULL };

/* The object every provider listing prints: settings, never the key. */
static void
add_provider (JsonBuilder     *builder,
              StewardProvider *provider)
{
  json_builder_begin_object (builder);
  _steward_cli_add_string_member (builder, "name", steward_provider_get_name (provider));
  _steward_cli_add_string_member (builder, "kind", steward_provider_get_kind (provider));
  _steward_cli_add_string_member (builder, "base_url", steward_provider_get_base_url (provider));
  _steward_cli_add_string_member (builder, "model", steward_provider_get_model (provider));
  _steward_cli_add_string_member (builder, "api_key_env", steward_provider_get_api_key_env (provider));
  json_builder_set_member_name (builder, "has_key");
  json_builder_add_boolean_value (builder, steward_secrets_has_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider)));
  json_builder_end_object (builder);
}

static char *
read_key_from_stdin (void)
{
  g_autoptr(GString) key = g_string_new (NULL);
  char buffer[512];

  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      g_string_append (key, buffer);
      if (strchr (buffer, '\n') != NULL)
        break;
    }

  g_strstrip (key->str);
  memset (buffer, 0, sizeof buffer);

  return g_string_free (g_steal_pointer (&key), FALSE);
}

static int
provider_add (StewardCliContext *ctx)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  const char *kind = NULL;
  const char *base_url = NULL;
  const char *model = NULL;
  const char *key_env = NULL;
  gboolean key_stdin;
  gboolean added;
  int status;

  if (!_steward_cli_take_value (ctx, "--kind", &kind, &status) ||
      !_steward_cli_take_value (ctx, "--base-url", &base_url, &status) ||
      !_steward_cli_take_value (ctx, "--model", &model, &status) ||
      !_steward_cli_take_value (ctx, "--api-key-env", &key_env, &status))
    return status;
  key_stdin = _steward_cli_take_flag (ctx, "--api-key-stdin");

  if (!_steward_cli_check_args (ctx, "provider add", 2, 2, &status))
    return status;

  if (kind == NULL)
    return _steward_cli_usage (_("“provider add” needs --kind openai, anthropic, gemini or ollama."));
  if (key_stdin && key_env != NULL)
    return _steward_cli_usage (_("Give the key either with --api-key-env or with --api-key-stdin, not both."));

  if (!(provider = steward_provider_new (kind, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &error)))
    return _steward_cli_usage ("%s", error->message);

  /* The name and the address are checked where they are stored. */
  if (base_url != NULL)
    steward_provider_set_base_url (provider, _steward_cli_text (ctx, base_url));
  steward_provider_set_model (provider, _steward_cli_text (ctx, model));
  steward_provider_set_api_key_env (provider, _steward_cli_text (ctx, key_env));

  if (key_stdin)
    {
      key = read_key_from_stdin ();
      if (key[0] == '\0')
        return _steward_cli_fail (_("No key was given on standard input."));
    }

  if (!_steward_cli_open_store_for_writing (ctx))
    return STEWARD_CLI_EXIT_FAILURE;

  /* Without its key the provider would only fail later: both or neither. */
  added = steward_provider_registry_add (steward_services_get_providers (_steward_cli_get_services (ctx)),
                                         provider, key, &error);
  if (key != NULL)
    memset (key, 0, strlen (key));
  if (!added)
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_provider (builder, provider);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }

  return EXIT_SUCCESS;
}

static int
provider_list (StewardCliContext *ctx)
{
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items;
  int status;

  if (!_steward_cli_check_args (ctx, "provider list", 1, 1, &status))
    return status;

  if (!_steward_cli_open_store (ctx))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(providers = steward_provider_registry_list (steward_services_get_providers (_steward_cli_get_services (ctx)),
                                                    &error)))
    return _steward_cli_fail_error (error);

  n_items = g_list_model_get_n_items (providers);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardProvider) provider = g_list_model_get_item (providers, i);

          add_provider (builder, provider);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (providers, i);
      const char *model = steward_provider_get_model (provider);

      _steward_cli_print ("%-16s %-10s %-40s %s\n",
               steward_provider_get_name (provider),
               steward_provider_get_kind (provider),
               steward_provider_get_base_url (provider),
               model ? model : "");
    }

  return EXIT_SUCCESS;
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

  wait->models = steward_provider_list_models_finish (STEWARD_PROVIDER (object), result, &wait->error);
  g_main_loop_quit (wait->loop);
}

static int
provider_test (StewardCliContext *ctx)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;
  Wait wait = { 0 };
  int status;

  if (!_steward_cli_check_args (ctx, "provider test", 2, 2, &status))
    return status;

  if (!_steward_cli_open_store (ctx))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(provider = steward_provider_registry_find (steward_services_get_providers (_steward_cli_get_services (ctx)),
                                                   _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)), &error)))
    return _steward_cli_fail_error (error);

  key = steward_secrets_lookup_api_key (steward_provider_get_name (provider), steward_provider_get_api_key_env (provider), NULL, &error);
  if (error != NULL)
    return _steward_cli_fail_error (error);

  session = soup_session_new_with_options ("user-agent", "Steward/" PACKAGE_VERSION, NULL);
  loop = g_main_loop_new (NULL, FALSE);
  wait.loop = loop;
  steward_provider_list_models_async (provider, session, key, NULL, models_cb, &wait);
  g_main_loop_run (loop);

  if (wait.error != NULL)
    {
      status = _steward_cli_fail_error (wait.error);
      g_error_free (wait.error);
      return status;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, steward_provider_get_name (provider));
      json_builder_set_member_name (builder, "models");
      json_builder_begin_array (builder);
      for (guint i = 0; wait.models[i]; i++)
        json_builder_add_string_value (builder, wait.models[i]);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else
    {
      for (guint i = 0; wait.models[i]; i++)
        _steward_cli_print ("%s\n", wait.models[i]);
    }

  g_strfreev (wait.models);

  return EXIT_SUCCESS;
}

static int
provider_remove (StewardCliContext *ctx)
{
  g_autoptr(GError) key_error = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  int status;

  if (!_steward_cli_check_args (ctx, "provider remove", 2, 2, &status))
    return status;

  if (!_steward_cli_open_store_for_writing (ctx))
    return STEWARD_CLI_EXIT_FAILURE;

  name = _steward_cli_text (ctx, _steward_cli_arg (ctx, 1));

  if (!steward_provider_registry_remove (steward_services_get_providers (_steward_cli_get_services (ctx)),
                                         name, &key_error, &error))
    return _steward_cli_fail_error (error);

  /* The key goes with the provider; without a keyring there is none. */
  if (key_error != NULL)
    g_debug ("%s", key_error->message);

  return EXIT_SUCCESS;
}

int
_steward_cli_provider (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“provider” needs one of add, list, test or remove."));
  if (g_str_equal (sub, "add"))
    return provider_add (ctx);
  if (g_str_equal (sub, "list"))
    return provider_list (ctx);
  if (g_str_equal (sub, "test"))
    return provider_test (ctx);
  if (g_str_equal (sub, "remove"))
    return provider_remove (ctx);

  return _steward_cli_usage (_("Unknown command “provider %s”."), sub);
}

static int
tier_set (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  const char *tier;
  StewardStore *store;
  int status;

  if (!_steward_cli_check_args (ctx, "tier set", 4, 4, &status))
    return status;

  /* An unknown size is misuse, told before the store is opened. */
  tier = _steward_cli_text (ctx, _steward_cli_arg (ctx, 1));
  if (!g_strv_contains (tiers, tier))
    return _steward_cli_usage (_("“%s” is not a model size; use small, medium or large."), tier);

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_store_set_tier (store, tier,
                               _steward_cli_text (ctx, _steward_cli_arg (ctx, 2)),
                               _steward_cli_text (ctx, _steward_cli_arg (ctx, 3)), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
tier_list (StewardCliContext *ctx)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  StewardStore *store;
  int status;

  if (!_steward_cli_check_args (ctx, "tier list", 1, 1, &status))
    return status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  json_builder_begin_array (builder);
  for (guint i = 0; tiers[i] != NULL; i++)
    {
      g_autofree char *provider = NULL;
      g_autofree char *model = NULL;
      g_autoptr(GError) error = NULL;

      if (!steward_store_get_tier (store, tiers[i], &provider, &model, &error))
        return _steward_cli_fail_error (error);

      if (ctx->json)
        {
          json_builder_begin_object (builder);
          _steward_cli_add_string_member (builder, "tier", tiers[i]);
          _steward_cli_add_string_member (builder, "provider", provider);
          _steward_cli_add_string_member (builder, "model", model);
          json_builder_end_object (builder);
        }
      else if (provider != NULL)
        _steward_cli_print ("%-7s %-16s %s\n", tiers[i], provider, model);
      else
        _steward_cli_print ("%-7s %s\n", tiers[i], _("(not set)"));
    }
  json_builder_end_array (builder);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);

      _steward_cli_print_json (root);
    }

  return EXIT_SUCCESS;
}

int
_steward_cli_tier (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“tier” needs one of set or list."));
  if (g_str_equal (sub, "set"))
    return tier_set (ctx);
  if (g_str_equal (sub, "list"))
    return tier_list (ctx);

  return _steward_cli_usage (_("Unknown command “tier %s”."), sub);
}
