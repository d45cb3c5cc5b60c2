/* steward-conversation-row.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_CONVERSATION_ROW (steward_conversation_row_get_type ())

G_DECLARE_FINAL_TYPE (StewardConversationRow, steward_conversation_row, STEWARD, CONVERSATION_ROW, GtkWidget)

StewardConversation *steward_conversation_row_get_item           (StewardConversationRow *self);
void                 steward_conversation_row_set_item           (StewardConversationRow *self,
                                                                  StewardConversation    *item);
void                 steward_conversation_row_set_header         (StewardConversationRow *self,
                                                                  const char             *header);
gboolean             steward_conversation_row_get_selection_mode (StewardConversationRow *self);
void                 steward_conversation_row_set_selection_mode (StewardConversationRow *self,
                                                                  gboolean                selection_mode);
gboolean             steward_conversation_row_get_checked        (StewardConversationRow *self);
void                 steward_conversation_row_set_checked        (StewardConversationRow *self,
                                                                  gboolean                checked);
void                 steward_conversation_row_popup_menu         (StewardConversationRow *self);
void                 steward_conversation_row_update_date        (StewardConversationRow *self);

G_END_DECLS
