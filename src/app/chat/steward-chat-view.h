/* steward-chat-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CHAT_VIEW (steward_chat_view_get_type ())

G_DECLARE_FINAL_TYPE (StewardChatView, steward_chat_view, STEWARD, CHAT_VIEW, GtkWidget)

gint64   steward_chat_view_get_conversation_id (StewardChatView *self);
void     steward_chat_view_set_conversation_id (StewardChatView *self,
                                                gint64           conversation_id);
gint64   steward_chat_view_get_last_reply_id   (StewardChatView *self);
gboolean steward_chat_view_get_busy            (StewardChatView *self);
void     steward_chat_view_focus_composer      (StewardChatView *self);
void     steward_chat_view_scroll_to_end       (StewardChatView *self);
GListModel *steward_chat_view_get_messages     (StewardChatView *self);
void     steward_chat_view_send                (StewardChatView *self,
                                                const char      *text);

gboolean         steward_chat_view_scroll_to_message (StewardChatView *self,
                                                      gint64           message_id);

G_END_DECLS
