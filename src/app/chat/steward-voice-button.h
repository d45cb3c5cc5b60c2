/* steward-voice-button.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_VOICE_BUTTON (steward_voice_button_get_type ())

G_DECLARE_FINAL_TYPE (StewardVoiceButton, steward_voice_button, STEWARD, VOICE_BUTTON, GtkWidget)

GtkTextView *steward_voice_button_get_composer   (StewardVoiceButton *self);
void         steward_voice_button_set_composer   (StewardVoiceButton *self,
                                                  GtkTextView        *composer);
gboolean     steward_voice_button_get_busy       (StewardVoiceButton *self);
void         steward_voice_button_add_shortcuts  (StewardVoiceButton *self,
                                                  GtkWidget          *widget);
void         steward_voice_button_cancel         (StewardVoiceButton *self);

G_END_DECLS
