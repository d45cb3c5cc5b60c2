/* steward-provider-registry.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-provider.h"
#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PROVIDER_REGISTRY (steward_provider_registry_get_type ())

G_DECLARE_FINAL_TYPE (StewardProviderRegistry, steward_provider_registry, STEWARD, PROVIDER_REGISTRY, GObject)

StewardProviderRegistry *steward_provider_registry_new           (StewardStore             *store);
StewardStore            *steward_provider_registry_get_store     (StewardProviderRegistry  *self);

StewardProvider         *steward_provider_registry_find          (StewardProviderRegistry  *self,
                                                                  const char               *name,
                                                                  GError                  **error);
GListModel              *steward_provider_registry_list          (StewardProviderRegistry  *self,
                                                                  GError                  **error);

gboolean                 steward_provider_registry_add           (StewardProviderRegistry  *self,
                                                                  StewardProvider          *provider,
                                                                  const char               *api_key,
                                                                  GError                  **error);
void                     steward_provider_registry_add_async     (StewardProviderRegistry  *self,
                                                                  StewardProvider          *provider,
                                                                  const char               *api_key,
                                                                  GCancellable             *cancellable,
                                                                  GAsyncReadyCallback       callback,
                                                                  gpointer                  user_data);
gboolean                 steward_provider_registry_add_finish    (StewardProviderRegistry  *self,
                                                                  GAsyncResult             *result,
                                                                  GError                  **error);

void                     steward_provider_registry_update_async  (StewardProviderRegistry  *self,
                                                                  const char               *old_name,
                                                                  StewardProvider          *provider,
                                                                  const char               *api_key,
                                                                  GCancellable             *cancellable,
                                                                  GAsyncReadyCallback       callback,
                                                                  gpointer                  user_data);
gboolean                 steward_provider_registry_update_finish (StewardProviderRegistry  *self,
                                                                  GAsyncResult             *result,
                                                                  GError                  **error);

gboolean                 steward_provider_registry_remove        (StewardProviderRegistry  *self,
                                                                  const char               *name,
                                                                  GError                  **key_error,
                                                                  GError                  **error);
void                     steward_provider_registry_remove_async  (StewardProviderRegistry  *self,
                                                                  const char               *name,
                                                                  GCancellable             *cancellable,
                                                                  GAsyncReadyCallback       callback,
                                                                  gpointer                  user_data);
gboolean                 steward_provider_registry_remove_finish (StewardProviderRegistry  *self,
                                                                  GAsyncResult             *result,
                                                                  GError                  **key_error,
                                                                  GError                  **error);

G_END_DECLS
