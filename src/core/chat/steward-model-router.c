/* steward-model-router.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-chat"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "steward-chat-private.h"
#include "steward-setting-keys.h"

/* Which provider and model answer a request: the one the user named, the
 * model mapped to a size, the one provider there is; and how large a
 * context that model has. */

/**
 * _steward_resolve_model:
 *
 * Which provider and model answer: an explicit provider (with its own
 * default model unless one is named), else the tier's mapping, else —
 * for an unmapped tier — the only provider there is, with its default
 * model.
 */
gboolean
_steward_resolve_model (StewardStore             *store,
                        StewardProviderRegistry  *providers,
                        const char        *tier,
                        const char        *provider_name,
                        const char        *model,
                        StewardProvider  **out_provider,
                        char             **out_model,
                        GError           **error)
{
  g_autoptr(StewardProvider) provider = NULL;
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;

  if (provider_name != NULL)
    {
      if (!(provider = steward_provider_registry_find (providers, provider_name, error)))
        return FALSE;

      if (model == NULL && (model = steward_provider_get_model (provider)) == NULL)
        {
          g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_UNKNOWN_MODEL,
                       _("%s has no default model; name one or set it on the provider."),
                       provider_name);
          return FALSE;
        }

      *out_model = g_strdup (model);
      *out_provider = g_steal_pointer (&provider);
      return TRUE;
    }

  if (!steward_store_get_tier (store, tier, &tier_provider, &tier_model, error))
    return FALSE;

  if (tier_provider == NULL)
    {
      g_autoptr(GListModel) listed = steward_provider_registry_list (providers, error);

      if (listed == NULL)
        return FALSE;

      if (g_list_model_get_n_items (listed) == 1)
        provider = g_list_model_get_item (listed, 0);

      if (provider == NULL || steward_provider_get_model (provider) == NULL)
        {
          if (g_list_model_get_n_items (listed) == 0)
            g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED,
                         _("No provider is set up yet; add one in Preferences or with “steward-cli provider add”."));
          else
            g_set_error (error, STEWARD_PROVIDER_ERROR, STEWARD_PROVIDER_ERROR_FAILED,
                         _("No model is chosen for the %s size; choose one in Preferences or with “steward-cli tier set”."),
                         tier);
          return FALSE;
        }

      *out_model = g_strdup (steward_provider_get_model (provider));
      *out_provider = g_steal_pointer (&provider);
      return TRUE;
    }

  if (!(provider = steward_provider_registry_find (providers, tier_provider, error)))
    return FALSE;

  *out_model = g_steal_pointer (&tier_model);
  *out_provider = g_steal_pointer (&provider);

  return TRUE;
}

/* The context size of @model of @provider_name: its own, else the
 * default; the built-in default if the store cannot say. */
gint64
_steward_context_tokens (StewardStore *store,
                         const char   *provider_name,
                         const char   *model)
{
  g_autoptr(GError) error = NULL;
  gint64 tokens;

  tokens = steward_store_get_context_tokens (store, provider_name, model, NULL, &error);
  if (tokens > 0)
    return tokens;

  /* The store failing here fails the request soon enough; until then the
   * built-in default stands in. */
  g_debug ("Cannot read the context size of %s: %s", model, error ? error->message : "none");
  return g_ascii_strtoll (steward_setting_key_lookup ("chat.context-tokens")->default_value, NULL, 10);
}

/* The small tier does background work; without one mapped, the model
 * of the conversation does it. */
void
_steward_small_model (StewardStore             *store,
             StewardProviderRegistry  *providers,
             StewardProvider  *fallback_provider,
             const char       *fallback_model,
             StewardProvider **provider,
             char            **model)
{
  g_autofree char *tier_provider = NULL;
  g_autofree char *tier_model = NULL;

  if (steward_store_get_tier (store, "small", &tier_provider, &tier_model, NULL) &&
      tier_provider != NULL &&
      (*provider = steward_provider_registry_find (providers, tier_provider, NULL)))
    {
      *model = g_steal_pointer (&tier_model);
      return;
    }

  *provider = g_object_ref (fallback_provider);
  *model = g_strdup (fallback_model);
}
