/* steward-composer-attachments.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_COMPOSER_ATTACHMENTS (steward_composer_attachments_get_type ())

G_DECLARE_FINAL_TYPE (StewardComposerAttachments, steward_composer_attachments, STEWARD, COMPOSER_ATTACHMENTS, GtkWidget)

void        steward_composer_attachments_add_files (StewardComposerAttachments *self,
                                                    GList                      *files);
void        steward_composer_attachments_add_bytes (StewardComposerAttachments *self,
                                                    GBytes                     *data,
                                                    const char                 *name);
GListModel *steward_composer_attachments_get_model (StewardComposerAttachments *self);
gboolean    steward_composer_attachments_get_busy  (StewardComposerAttachments *self);
void        steward_composer_attachments_set_send_waiting (StewardComposerAttachments *self,
                                                           gboolean                    waiting);
gboolean    steward_composer_attachments_get_send_waiting (StewardComposerAttachments *self);
void        steward_composer_attachments_clear     (StewardComposerAttachments *self);
void        steward_composer_attachments_take_drops  (StewardComposerAttachments *self,
                                                      GtkWidget                  *target);
void        steward_composer_attachments_take_pastes (StewardComposerAttachments *self,
                                                      GtkTextView                *text_view);

G_END_DECLS
