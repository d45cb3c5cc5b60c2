/* steward-message-row.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_MESSAGE_ROW (steward_message_row_get_type ())

G_DECLARE_FINAL_TYPE (StewardMessageRow, steward_message_row, STEWARD, MESSAGE_ROW, GtkWidget)

GtkWidget      *steward_message_row_new                (void);
StewardMessage *steward_message_row_get_item           (StewardMessageRow *self);
void            steward_message_row_set_item           (StewardMessageRow *self,
                                                        StewardMessage    *item);
gint64          steward_message_row_get_last_reply_id  (StewardMessageRow *self);
void            steward_message_row_set_last_reply_id  (StewardMessageRow *self,
                                                        gint64             last_reply_id);
StewardMessage *steward_message_row_find_item          (GtkWidget         *focus);
gboolean        steward_message_row_focus_alternatives (StewardMessageRow *self);
char           *steward_message_row_dup_selected_text  (StewardMessageRow *self);

G_END_DECLS
