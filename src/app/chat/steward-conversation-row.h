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

StewardConversation *steward_conversation_row_get_item (StewardConversationRow *self);
void                 steward_conversation_row_set_item (StewardConversationRow *self,
                                                        StewardConversation    *item);

G_END_DECLS
