/* steward-store-search-everything.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-search-hit.h"
#include "steward-store.h"

G_BEGIN_DECLS

GListModel *steward_store_search_everything        (StewardStore        *self,
                                                    const char          *query,
                                                    guint                per_kind,
                                                    GCancellable        *cancellable,
                                                    GError             **error);
void        steward_store_search_everything_async  (StewardStore        *self,
                                                    const char          *query,
                                                    guint                per_kind,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GListModel *steward_store_search_everything_finish (StewardStore        *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
