/* fuzz-error-body.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include "fuzz-harness.h"
#include "steward-provider.h"

/* The body of an HTTP error as each kind reads it, into the sentence the
 * user sees. The first byte picks the kind (modulo the number of kinds),
 * the second the HTTP status (modulo the number of statuses) and whether
 * there is a model (a model list request has none); the rest is the
 * body. */

static const guint statuses[] = {
  301, 400, 401, 403, 404, 408, 413, 422, 429, 500, 502, 503, 504, 529, 599, 600, 999,
};

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
  StewardProvider *provider;
  guint status;

  if (size < 2)
    return 0;

  provider = g_ptr_array_index (providers, data[0] % providers->len);
  status = statuses[data[1] % G_N_ELEMENTS (statuses)];
  body = g_bytes_new (data + 2, size - 2);

  error = steward_provider_error_for_status (provider, status,
                                             data[1] & 0x80 ? NULL : "fuzz-model", body);
  if (error == NULL)
    fuzz_fail ("no error for status %u", status);
  if (error->domain != STEWARD_PROVIDER_ERROR)
    fuzz_fail ("an error outside the provider domain for status %u", status);
  if (error->message == NULL)
    fuzz_fail ("no message for status %u", status);
  fuzz_check_utf8 ("error-message", error->message);

  return 0;
}
