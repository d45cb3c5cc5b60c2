/* steward-conversation.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_CONVERSATION (steward_conversation_get_type ())

G_DECLARE_FINAL_TYPE (StewardConversation, steward_conversation, STEWARD, CONVERSATION, GObject)

gint64      steward_conversation_get_id            (StewardConversation *self);
const char *steward_conversation_get_title         (StewardConversation *self);
GDateTime  *steward_conversation_get_created_at    (StewardConversation *self);
GDateTime  *steward_conversation_get_updated_at    (StewardConversation *self);
guint       steward_conversation_get_message_count (StewardConversation *self);
gboolean    steward_conversation_get_quick         (StewardConversation *self);

G_END_DECLS
