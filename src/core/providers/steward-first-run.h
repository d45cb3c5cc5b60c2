/* steward-first-run.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include <libsoup/soup.h>

#include "steward-provider-registry.h"
#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_FIRST_RUN (steward_first_run_get_type ())

G_DECLARE_FINAL_TYPE (StewardFirstRun, steward_first_run, STEWARD, FIRST_RUN, GObject)

StewardFirstRun *steward_first_run_new                (StewardStore            *store,
                                                      StewardProviderRegistry *providers,
                                                      SoupSession             *session);

gboolean         steward_first_run_is_needed          (StewardFirstRun      *self,
                                                       GError              **error);

void             steward_first_run_find_ollama_async  (StewardFirstRun      *self,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
char            *steward_first_run_find_ollama_finish (StewardFirstRun      *self,
                                                       GAsyncResult         *result,
                                                       GError              **error);
const char      *steward_first_run_get_ollama_url     (StewardFirstRun      *self);
const char      *steward_first_run_get_ollama_model   (StewardFirstRun      *self);

gboolean         steward_first_run_use_ollama         (StewardFirstRun      *self,
                                                       GError              **error);

G_END_DECLS
