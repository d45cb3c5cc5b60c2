/* steward-speaker-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-speaker.h"

G_BEGIN_DECLS

/* The two ways of speaking (steward-speaker-speechd.c,
 * steward-speaker-espeak.c), driven by steward-speaker.c. Each start
 * function returns FALSE with @error when its way cannot be used here;
 * once started, the way calls _steward_speaker_done() in the main
 * context exactly once for that text, unless stopped first. */

typedef struct _StewardSpeechd StewardSpeechd;
typedef struct _StewardEspeak  StewardEspeak;

/* The language to speak in, from the locale ("de"; "en" for C) */
char           *_steward_speaker_dup_language (void);
void            _steward_speaker_done         (StewardSpeaker  *self,
                                               guint            serial,
                                               GError          *error);

StewardSpeechd *_steward_speechd_new          (GError         **error);
gboolean        _steward_speechd_start        (StewardSpeechd  *speechd,
                                               StewardSpeaker  *speaker,
                                               guint            serial,
                                               const char      *text,
                                               GError         **error);
void            _steward_speechd_stop         (StewardSpeechd  *speechd);
void            _steward_speechd_free         (StewardSpeechd  *speechd);

StewardEspeak  *_steward_espeak_new           (GstElement      *audio_sink,
                                               GError         **error);
gboolean        _steward_espeak_start         (StewardEspeak   *espeak,
                                               StewardSpeaker  *speaker,
                                               guint            serial,
                                               const char      *text,
                                               GError         **error);
void            _steward_espeak_stop          (StewardEspeak   *espeak);
void            _steward_espeak_free          (StewardEspeak   *espeak);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardSpeechd, _steward_speechd_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardEspeak, _steward_espeak_free)

G_END_DECLS
