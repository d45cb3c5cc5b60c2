/* steward-quick-chat-window.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_QUICK_CHAT_WINDOW (steward_quick_chat_window_get_type ())

G_DECLARE_FINAL_TYPE (StewardQuickChatWindow, steward_quick_chat_window, STEWARD, QUICK_CHAT_WINDOW, AdwWindow)

StewardQuickChatWindow *steward_quick_chat_window_new          (void);
void                    steward_quick_chat_window_open         (StewardQuickChatWindow *self,
                                                                GtkApplication         *application,
                                                                const char             *text);
gint64                  steward_quick_chat_window_get_conversation_id (StewardQuickChatWindow *self);

G_END_DECLS
