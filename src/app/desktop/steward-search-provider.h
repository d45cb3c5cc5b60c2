/* steward-search-provider.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SEARCH_PROVIDER (steward_search_provider_get_type ())

G_DECLARE_FINAL_TYPE (StewardSearchProvider, steward_search_provider, STEWARD, SEARCH_PROVIDER, GObject)

StewardSearchProvider *steward_search_provider_new        (StewardApplication     *application);
gboolean               steward_search_provider_export     (StewardSearchProvider  *self,
                                                           GDBusConnection        *connection,
                                                           const char             *object_path,
                                                           GError                **error);
void                   steward_search_provider_unexport   (StewardSearchProvider  *self);

G_END_DECLS
