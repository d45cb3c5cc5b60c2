/* steward-transcriber.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-services.h"

G_BEGIN_DECLS

#define STEWARD_TRANSCRIBER_ERROR (steward_transcriber_error_quark ())

typedef enum
{
  /* voice.provider is empty, or names no provider */
  STEWARD_TRANSCRIBER_ERROR_NO_PROVIDER,
  /* The server answered with something that is not a transcript */
  STEWARD_TRANSCRIBER_ERROR_BAD_RESPONSE,
  /* voice.provider is "offline" but PocketSphinx is not built in, its
   * English model is missing, or voice.language is not English */
  STEWARD_TRANSCRIBER_ERROR_OFFLINE_UNAVAILABLE,
} StewardTranscriberError;

typedef struct
{
  char   *text;
  /* As the server names it ("english", "de"), or NULL */
  char   *language;
  /* Seconds, or < 0 when the server did not say */
  double  duration;
} StewardTranscript;

void               steward_transcript_free                (StewardTranscript    *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardTranscript, steward_transcript_free)

#define STEWARD_TYPE_TRANSCRIBER (steward_transcriber_get_type ())

G_DECLARE_FINAL_TYPE (StewardTranscriber, steward_transcriber, STEWARD, TRANSCRIBER, GObject)

GQuark              steward_transcriber_error_quark       (void);

StewardTranscriber *steward_transcriber_new               (StewardServices      *services);
void                steward_transcriber_transcribe_async  (StewardTranscriber   *self,
                                                           GFile                *file,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
StewardTranscript  *steward_transcriber_transcribe_finish (StewardTranscriber   *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
