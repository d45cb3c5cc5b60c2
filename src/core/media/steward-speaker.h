/* steward-speaker.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* Reads text aloud ("Read Aloud" on a reply): through the desktop's
 * speech-dispatcher, or where that is missing (the Flatpak sandbox)
 * with espeak-ng's voices played through GStreamer, in the language of
 * the user's locale. One text at a time: speaking again stops what was
 * being said. Give it plain text (steward-speakable.h turns a reply's
 * Markdown into that). */

#define STEWARD_TYPE_SPEAKER (steward_speaker_get_type ())

G_DECLARE_FINAL_TYPE (StewardSpeaker, steward_speaker, STEWARD, SPEAKER, GObject)

/* @backend: AUTO (the first that works) or the one to use.
 * @audio_sink: (nullable): where espeak-ng's audio goes; NULL for the
 * default output (autoaudiosink), or the GStreamer bin that
 * $STEWARD_AUDIO_SINK describes (tests, a machine without sound). */
StewardSpeaker       *steward_speaker_new            (StewardSpeechBackend  backend,
                                                      GstElement           *audio_sink);
/* AUTO until the first text is spoken, then the one in use (NONE when
 * none works). */
StewardSpeechBackend  steward_speaker_get_backend    (StewardSpeaker       *self);
/* Whether a text is being read (the "speaking" property). */
gboolean              steward_speaker_get_speaking   (StewardSpeaker       *self);
/* Reads @text; done when it has all been said. Fails with
 * G_IO_ERROR_NOT_SUPPORTED (one sentence) when no speech is available,
 * CANCELLED when stopped, by steward_speaker_stop(), @cancellable or
 * another text. */
void                  steward_speaker_speak_async    (StewardSpeaker       *self,
                                                      const char           *text,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean              steward_speaker_speak_finish   (StewardSpeaker       *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);
/* Stops reading at once; nothing when nothing is read. */
void                  steward_speaker_stop           (StewardSpeaker       *self);

G_END_DECLS
