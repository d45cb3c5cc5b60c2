/* steward-audio-player.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* Plays one audio file (an attached voice memo) through GStreamer's
 * playbin to the default output, or to the GStreamer bin that
 * $STEWARD_AUDIO_SINK describes (tests, a machine without sound).
 *
 * "state" says whether it plays, is paused or stopped (the end of the
 * file stops it, back at the start); "position" follows the playing
 * about four times a second, "duration" is known once GStreamer has read
 * the file. A file that cannot be played stops it and emits "error"
 * with one sentence naming the file. */

#define STEWARD_TYPE_AUDIO_PLAYER (steward_audio_player_get_type ())

G_DECLARE_FINAL_TYPE (StewardAudioPlayer, steward_audio_player, STEWARD, AUDIO_PLAYER, GObject)

/* @name: what the user calls @file ("memo.ogg"), for the errors; NULL
 * for @file's base name */
StewardAudioPlayer      *steward_audio_player_new          (GFile              *file,
                                                            const char         *name);
GFile                   *steward_audio_player_get_file     (StewardAudioPlayer *self);
const char              *steward_audio_player_get_name     (StewardAudioPlayer *self);
StewardAudioPlayerState  steward_audio_player_get_state    (StewardAudioPlayer *self);
/* In seconds from the start */
double                   steward_audio_player_get_position (StewardAudioPlayer *self);
/* In seconds; 0 until GStreamer has read the file */
double                   steward_audio_player_get_duration (StewardAudioPlayer *self);
void                     steward_audio_player_play         (StewardAudioPlayer *self);
void                     steward_audio_player_pause        (StewardAudioPlayer *self);
/* Stops and lets go of the audio output; the next play starts over */
void                     steward_audio_player_stop         (StewardAudioPlayer *self);
/* Moves to @position seconds; a stopped player is paused there */
void                     steward_audio_player_seek         (StewardAudioPlayer *self,
                                                            double              position);

G_END_DECLS
