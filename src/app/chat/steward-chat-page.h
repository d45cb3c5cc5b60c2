/* steward-chat-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-chat-view.h"
#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CHAT_PAGE (steward_chat_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardChatPage, steward_chat_page, STEWARD, CHAT_PAGE, GtkWidget)

StewardChatView *steward_chat_page_get_chat_view (StewardChatPage *self);
void          steward_chat_page_new_conversation (StewardChatPage *self);
void          steward_chat_page_show_conversation (StewardChatPage *self,
                                                   gint64           conversation_id);

G_END_DECLS
