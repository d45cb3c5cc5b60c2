/* steward-recorder.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define STEWARD_RECORDER_ERROR (steward_recorder_error_quark ())

typedef enum
{
  /* No microphone, or it could not be opened */
  STEWARD_RECORDER_ERROR_NO_MICROPHONE,
  /* Nothing but silence was heard */
  STEWARD_RECORDER_ERROR_SILENT,
  /* start() while recording, stop() while not */
  STEWARD_RECORDER_ERROR_STATE,
  /* The audio could not be recorded or encoded */
  STEWARD_RECORDER_ERROR_FAILED,
} StewardRecorderError;

#define STEWARD_TYPE_RECORDER (steward_recorder_get_type ())

G_DECLARE_FINAL_TYPE (StewardRecorder, steward_recorder, STEWARD, RECORDER, GObject)

GQuark           steward_recorder_error_quark       (void);

StewardRecorder *steward_recorder_new               (const char           *source);
const char      *steward_recorder_get_source        (StewardRecorder      *self);
double           steward_recorder_get_level         (StewardRecorder      *self);
gboolean         steward_recorder_get_recording     (StewardRecorder      *self);
gboolean         steward_recorder_get_source_ended  (StewardRecorder      *self);
const char      *steward_recorder_get_content_type  (StewardRecorder      *self);

gboolean         steward_recorder_start             (StewardRecorder      *self,
                                                     GError              **error);
void             steward_recorder_stop_async        (StewardRecorder      *self,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
GFile           *steward_recorder_stop_finish       (StewardRecorder      *self,
                                                     GAsyncResult         *result,
                                                     GError              **error);
void             steward_recorder_cancel            (StewardRecorder      *self);

G_END_DECLS
