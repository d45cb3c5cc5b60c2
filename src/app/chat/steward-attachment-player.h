/* steward-attachment-player.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-attachment.h"

G_BEGIN_DECLS

/* An attached recording in a message: play/pause, a seek bar, the time
 * played and the length, and a button that opens it in the desktop's
 * own application. One plays at a time in the app. */

#define STEWARD_TYPE_ATTACHMENT_PLAYER (steward_attachment_player_get_type ())

G_DECLARE_FINAL_TYPE (StewardAttachmentPlayer, steward_attachment_player, STEWARD, ATTACHMENT_PLAYER, GtkWidget)

GtkWidget *steward_attachment_player_new (StewardAttachment *attachment);

G_END_DECLS
