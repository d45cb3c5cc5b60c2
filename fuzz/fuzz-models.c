/* fuzz-models.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-harness.h"
#include "steward-provider.h"

/* A model list body as each kind reads it. The first byte picks the
 * kind (modulo the number of kinds); the rest is the body. The ids are
 * shown in menus and stored, so they must be valid UTF-8, and the list
 * comes sorted. */

static GPtrArray *providers;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  const char * const *kinds = steward_provider_get_kinds ();

  fuzz_log_guard_install ();

  providers = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; kinds[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      StewardProvider *provider = steward_provider_new (kinds[i], "Fuzz", &error);

      if (provider == NULL)
        fuzz_fail ("no provider of kind %s: %s", kinds[i], error->message);
      g_ptr_array_add (providers, provider);
    }

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) models = NULL;
  StewardProvider *provider;

  if (size == 0)
    return 0;

  provider = g_ptr_array_index (providers, data[0] % providers->len);
  body = g_bytes_new (data + 1, size - 1);

  models = steward_provider_parse_models (provider, body, &error);
  if (models == NULL)
    {
      if (error == NULL)
        fuzz_fail ("no model list and no error");
      fuzz_check_utf8 ("error-message", error->message);
      return 0;
    }

  for (guint i = 0; models[i] != NULL; i++)
    {
      fuzz_check_utf8 ("model-id", models[i]);
      if (i > 0 && g_strcmp0 (models[i - 1], models[i]) > 0)
        fuzz_fail ("models %u and %u are not sorted", i - 1, i);
    }

  return 0;
}
