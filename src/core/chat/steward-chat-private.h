/* steward-chat-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-settings.h"
#include "steward-provider-registry.h"
#include "steward-store.h"

G_BEGIN_DECLS

gboolean  _steward_resolve_model            (StewardStore        *store,
                                             StewardProviderRegistry *providers,
                                             const char          *tier,
                                             const char          *provider_name,
                                             const char          *model,
                                             StewardProvider    **out_provider,
                                             char               **out_model,
                                             GError             **error);

gint64    _steward_context_tokens           (StewardStore        *store,
                                             const char          *provider_name,
                                             const char          *model);

void      _steward_small_model              (StewardStore        *store,
                                             StewardProviderRegistry *providers,
                                             StewardProvider     *fallback_provider,
                                             const char          *fallback_model,
                                             StewardProvider    **provider,
                                             char               **model);

void      _steward_complete_async           (SoupSession         *session,
                                             StewardProvider     *provider,
                                             const char          *model,
                                             const char          *system,
                                             const char          *user_text,
                                             gint64               max_tokens,
                                             guint                timeout_seconds,
                                             guint                deadline_seconds,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char     *_steward_complete_finish          (GAsyncResult        *result,
                                             GError             **error);
gboolean  _steward_complete_small           (StewardStore        *store,
                                             StewardSettings     *settings,
                                             StewardProviderRegistry *providers,
                                             SoupSession         *session,
                                             StewardProvider     *fallback_provider,
                                             const char          *fallback_model,
                                             const char          *system,
                                             const char          *prefix,
                                             GString             *text,
                                             double               head_share,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data,
                                             GError             **error);

void      _steward_summarize_async          (StewardStore        *store,
                                             StewardSettings     *settings,
                                             StewardProviderRegistry *providers,
                                             SoupSession         *session,
                                             StewardProvider     *fallback_provider,
                                             const char          *fallback_model,
                                             gint64               conversation_id,
                                             const char          *old_summary,
                                             GPtrArray           *to_fold,
                                             gint64               fold_through,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
gboolean  _steward_summarize_finish         (GAsyncResult        *result,
                                             GError             **error);

void      _steward_extract_memories_async   (StewardStore        *store,
                                             StewardSettings     *settings,
                                             StewardProviderRegistry *providers,
                                             SoupSession         *session,
                                             StewardProvider     *fallback_provider,
                                             const char          *fallback_model,
                                             StewardMessage      *user_message,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
GPtrArray *_steward_extract_memories_finish (GAsyncResult        *result,
                                             GError             **error);

char      *_steward_parse_remember          (const char          *text);

G_END_DECLS
