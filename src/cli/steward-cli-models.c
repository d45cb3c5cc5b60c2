/* steward-cli-models.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-cli-private.h"

/* What `model list` shows of one model: its context size, and whether
 * that is the default rather than a size of its own. */
typedef struct
{
  const char *provider;
  const char *model;
  gint64      context_tokens;
  gboolean    is_default;
} Row;

static void
add_row (JsonBuilder *builder,
         const Row   *row)
{
  json_builder_begin_object (builder);
  _steward_cli_add_string_member (builder, "provider", row->provider);
  _steward_cli_add_string_member (builder, "model", row->model);
  json_builder_set_member_name (builder, "context_tokens");
  json_builder_add_int_value (builder, row->context_tokens);
  json_builder_set_member_name (builder, "default");
  json_builder_add_boolean_value (builder, row->is_default);
  json_builder_end_object (builder);
}

static void
print_row (const Row *row)
{
  g_autofree char *tokens = g_strdup_printf ("%" G_GINT64_FORMAT, row->context_tokens);

  if (row->is_default)
    {
      /* Translators: %s is a context size in tokens that a model has
       * because it has no size of its own */
      g_autofree char *text = g_strdup_printf (_("%s (default)"), tokens);

      _steward_cli_print ("%-16s %-32s %s\n", row->provider, row->model, text);
    }
  else
    _steward_cli_print ("%-16s %-32s %s\n", row->provider, row->model, tokens);
}

static char *
row_key (const char *provider,
         const char *model)
{
  /* A unit separator cannot be part of a name typed on a command line. */
  return g_strconcat (provider, "\x1f", model, NULL);
}

/* The models with a size of their own, most recently set first, then the
 * models the sizes are mapped to and the providers' own models (what
 * `chat --provider` uses) that have none, with the default: what applies
 * to every model a chat may use. */
static int
model_list (StewardCliContext *ctx)
{
  static const char * const tiers[] = { "small", "medium", "large" };
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) tier_names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GPtrArray) limits = NULL;
  g_autoptr(GListModel) providers = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 default_tokens;
  int status;

  if (!_steward_cli_check_args (ctx, "model list", 1, 1, &status))
    return status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(limits = steward_store_list_model_limits (store, &error)) ||
      (default_tokens = steward_store_get_context_tokens (store, NULL, NULL, NULL, &error)) < 0)
    return _steward_cli_fail_error (error);

  for (guint i = 0; i < limits->len; i++)
    {
      const StewardModelLimit *limit = g_ptr_array_index (limits, i);
      Row row = { limit->provider, limit->model, limit->context_tokens, FALSE };

      g_hash_table_add (listed, row_key (limit->provider, limit->model));
      g_array_append_val (rows, row);
    }

  for (guint i = 0; i < G_N_ELEMENTS (tiers); i++)
    {
      g_autofree char *provider = NULL;
      g_autofree char *model = NULL;
      Row row;

      if (!steward_store_get_tier (store, tiers[i], &provider, &model, &error))
        return _steward_cli_fail_error (error);

      if (provider == NULL || !g_hash_table_add (listed, row_key (provider, model)))
        continue;

      row = (Row) { provider, model, default_tokens, TRUE };
      g_array_append_val (rows, row);

      /* The rows borrow the names until the listing is printed. */
      g_ptr_array_add (tier_names, g_steal_pointer (&provider));
      g_ptr_array_add (tier_names, g_steal_pointer (&model));
    }

  if (!(providers = steward_provider_registry_list (steward_services_get_providers (_steward_cli_get_services (ctx)),
                                                    &error)))
    return _steward_cli_fail_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (providers); i++)
    {
      g_autoptr(StewardProvider) provider = g_list_model_get_item (providers, i);
      const char *name = steward_provider_get_name (provider);
      const char *model = steward_provider_get_model (provider);
      Row row;

      if (model == NULL || model[0] == '\0' || !g_hash_table_add (listed, row_key (name, model)))
        continue;

      /* @providers keeps the names alive until the listing is printed. */
      row = (Row) { name, model, default_tokens, TRUE };
      g_array_append_val (rows, row);
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        add_row (builder, &g_array_index (rows, Row, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < rows->len; i++)
    print_row (&g_array_index (rows, Row, i));

  return EXIT_SUCCESS;
}

static int
model_set (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  const char *tokens = NULL;
  const char *vision = NULL;
  const char *provider;
  const char *model;
  gint64 context_tokens = 0;
  StewardStore *store;
  int status;

  if (!_steward_cli_take_value (ctx, "--context-tokens", &tokens, &status) ||
      !_steward_cli_take_value (ctx, "--vision", &vision, &status))
    return status;

  if (!_steward_cli_check_args (ctx, "model set", 3, 3, &status))
    return status;

  if (tokens == NULL && vision == NULL)
    return _steward_cli_usage (_("“model set” needs --context-tokens N or --vision yes|no."));

  if (tokens != NULL &&
      !g_ascii_string_to_signed (tokens, 10, G_MININT64, G_MAXINT64, &context_tokens, NULL))
    return _steward_cli_usage (_("“%s” is not a whole number of tokens."), tokens);

  /* Translators: "yes" and "no" are typed as they are */
  if (vision != NULL && !g_str_equal (vision, "yes") && !g_str_equal (vision, "no"))
    return _steward_cli_usage (_("--vision is yes or no, not “%s”."), vision);

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  provider = _steward_cli_text (ctx, _steward_cli_arg (ctx, 1));
  model = _steward_cli_text (ctx, _steward_cli_arg (ctx, 2));

  if (tokens != NULL &&
      !steward_store_set_model_context_tokens (store, provider, model, context_tokens, &error))
    return _steward_cli_fail_error (error);

  /* Whether the model can see images, whatever its name suggests */
  if (vision != NULL &&
      !steward_store_set_model_vision (store, provider, model, g_str_equal (vision, "yes"), &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
model_reset (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  int status;

  if (!_steward_cli_check_args (ctx, "model reset", 3, 3, &status))
    return status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_store_reset_model_context_tokens (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)),
                                                 _steward_cli_text (ctx, _steward_cli_arg (ctx, 2)),
                                                 &error) ||
      !steward_store_reset_model_vision (store, _steward_cli_text (ctx, _steward_cli_arg (ctx, 1)),
                                         _steward_cli_text (ctx, _steward_cli_arg (ctx, 2)),
                                         &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

int
_steward_cli_model (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“model” needs one of list, set or reset."));
  if (g_str_equal (sub, "list"))
    return model_list (ctx);
  if (g_str_equal (sub, "set"))
    return model_set (ctx);
  if (g_str_equal (sub, "reset"))
    return model_reset (ctx);

  return _steward_cli_usage (_("Unknown command “model %s”."), sub);
}
