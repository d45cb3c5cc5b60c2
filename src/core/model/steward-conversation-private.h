/* steward-conversation-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-conversation.h"

G_BEGIN_DECLS

StewardConversation *_steward_conversation_new (gint64      id,
                                                const char *title,
                                                GDateTime  *created_at,
                                                GDateTime  *updated_at,
                                                guint       message_count,
                                                gboolean    quick);

void                 _steward_conversation_update (StewardConversation *self,
                                                   StewardConversation *from);

G_END_DECLS
