/* steward-attachment-strip.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_ATTACHMENT_STRIP (steward_attachment_strip_get_type ())

G_DECLARE_FINAL_TYPE (StewardAttachmentStrip, steward_attachment_strip, STEWARD, ATTACHMENT_STRIP, GtkWidget)

GtkWidget *steward_attachment_strip_new       (void);
void       steward_attachment_strip_set_model (StewardAttachmentStrip *self,
                                               GListModel             *attachments);

G_END_DECLS
