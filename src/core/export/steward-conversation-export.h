/* steward-conversation-export.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-store.h"

G_BEGIN_DECLS

const char *steward_conversation_role_label   (StewardMessageRole   role);
JsonNode   *steward_conversation_to_json      (StewardStore        *store,
                                               StewardConversation *conversation,
                                               GListModel          *messages);
char       *steward_conversation_to_markdown  (StewardConversation *conversation,
                                               GListModel          *messages);
char       *steward_conversation_export       (StewardStore        *store,
                                               gint64               conversation_id,
                                               const char          *format,
                                               GError             **error);

G_END_DECLS
