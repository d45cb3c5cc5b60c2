/* steward-audio-file.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* What a transcription takes: OpenAI's limits, which the other servers
 * share or exceed. */
#define STEWARD_AUDIO_FILE_MAX_BYTES   (25 * 1024 * 1024)
#define STEWARD_AUDIO_FILE_MAX_SECONDS (30 * 60)

#define STEWARD_AUDIO_FILE_ERROR (steward_audio_file_error_quark ())

typedef enum
{
  STEWARD_AUDIO_FILE_ERROR_UNREADABLE,
  STEWARD_AUDIO_FILE_ERROR_NOT_AUDIO,
  STEWARD_AUDIO_FILE_ERROR_TOO_LARGE,
  STEWARD_AUDIO_FILE_ERROR_TOO_LONG,
} StewardAudioFileError;

typedef struct
{
  GBytes *bytes;
  /* The name to upload it under: the file's, with an extension that
   * says its format (servers go by it) */
  char   *upload_name;
  /* Sniffed from the bytes, not the name */
  char   *content_type;
  /* Seconds, or < 0 when GStreamer cannot decode the format */
  double  duration;
} StewardAudioFile;

GQuark            steward_audio_file_error_quark (void);

StewardAudioFile *steward_audio_file_load        (GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GError              **error);
void              steward_audio_file_load_async  (GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
StewardAudioFile *steward_audio_file_load_finish (GAsyncResult         *result,
                                                  GError              **error);
void              steward_audio_file_free        (StewardAudioFile     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardAudioFile, steward_audio_file_free)

G_END_DECLS
