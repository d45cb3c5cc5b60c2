/* steward-chat-turn.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-services.h"
#include "steward-store.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CHAT_TURN (steward_chat_turn_get_type ())

G_DECLARE_FINAL_TYPE (StewardChatTurn, steward_chat_turn, STEWARD, CHAT_TURN, GObject)

StewardChatTurn *steward_chat_turn_new                  (StewardServices  *services,
                                                         const char       *text);
void             steward_chat_turn_add_attachment       (StewardChatTurn   *self,
                                                         StewardAttachment *attachment);
void             steward_chat_turn_set_conversation_id  (StewardChatTurn  *self,
                                                         gint64            conversation_id);
void             steward_chat_turn_set_regenerate       (StewardChatTurn  *self,
                                                         gint64            reply_id);
gint64           steward_chat_turn_get_regenerate       (StewardChatTurn  *self);
void             steward_chat_turn_set_tier             (StewardChatTurn  *self,
                                                         const char       *tier);
void             steward_chat_turn_set_provider         (StewardChatTurn  *self,
                                                         const char       *provider,
                                                         const char       *model);

gint64           steward_chat_turn_get_conversation_id  (StewardChatTurn  *self);
gint64           steward_chat_turn_get_user_message_id  (StewardChatTurn  *self);
gint64           steward_chat_turn_get_reply_message_id (StewardChatTurn  *self);
StewardReply    *steward_chat_turn_get_reply            (StewardChatTurn  *self);
StewardMessage  *steward_chat_turn_get_user_message     (StewardChatTurn  *self);
StewardMessage  *steward_chat_turn_get_reply_message    (StewardChatTurn  *self);
StewardMessageStatus steward_chat_turn_get_status      (StewardChatTurn  *self);

void             steward_chat_turn_run_async            (StewardChatTurn     *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean         steward_chat_turn_run_finish           (StewardChatTurn     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

void             steward_chat_turn_follow_up_async      (StewardChatTurn     *self,
                                                         GCancellable        *cancellable,
                                                         GAsyncReadyCallback  callback,
                                                         gpointer             user_data);
gboolean         steward_chat_turn_follow_up_finish     (StewardChatTurn     *self,
                                                         GAsyncResult        *result,
                                                         GError             **error);

G_END_DECLS
