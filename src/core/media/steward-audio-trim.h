/* steward-audio-trim.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <gst/gst.h>

G_BEGIN_DECLS

const char *steward_audio_trim_get_content_type (void);
void        steward_audio_trim_async            (const char           *wav_path,
                                                 GstClockTime          from,
                                                 GstClockTime          to,
                                                 gboolean              delete_wav,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GFile      *steward_audio_trim_finish           (GAsyncResult         *result,
                                                 GError              **error);

G_END_DECLS
