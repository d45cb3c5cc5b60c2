/* steward-chat-page-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-chat-page.h"

G_BEGIN_DECLS

void _steward_chat_page_show_summary (GtkWidget    *parent,
                                      gint64        conversation_id);
void _steward_chat_page_export       (GtkWidget    *parent,
                                      gint64        conversation_id);

G_END_DECLS
