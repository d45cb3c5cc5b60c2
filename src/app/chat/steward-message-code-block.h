/* steward-message-code-block.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_MESSAGE_CODE_BLOCK (steward_message_code_block_get_type ())

G_DECLARE_FINAL_TYPE (StewardMessageCodeBlock, steward_message_code_block, STEWARD, MESSAGE_CODE_BLOCK, GtkWidget)

GtkWidget  *steward_message_code_block_new      (const char              *code,
                                                 const char              *language);
const char *steward_message_code_block_get_code (StewardMessageCodeBlock *self);

G_END_DECLS
