/* steward-provider-calls.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-provider.h"

G_BEGIN_DECLS

/* Calls to a provider with its own key: looked up in the keyring, or read
 * from the environment variable the provider names, just before the
 * request goes out and wiped after. */

void     steward_provider_calls_chat_async          (StewardProvider          *provider,
                                                     SoupSession              *session,
                                                     const StewardChatRequest *request,
                                                     StewardReply             *reply,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean steward_provider_calls_chat_finish         (GAsyncResult             *result,
                                                     GError                  **error);
void     steward_provider_calls_list_models_async   (StewardProvider          *provider,
                                                     SoupSession              *session,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
GStrv    steward_provider_calls_list_models_finish  (GAsyncResult             *result,
                                                     GError                  **error);

G_END_DECLS
