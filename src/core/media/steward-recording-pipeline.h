/* steward-recording-pipeline.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gst/gst.h>

G_BEGIN_DECLS

GstElement *_steward_recording_pipeline_new  (const char  *source_description,
                                              const char  *wav_path,
                                              GError     **error);
gboolean    _steward_recording_pipeline_play (GstElement  *pipeline,
                                              GError     **error);

G_END_DECLS
