/* steward-audio-probe.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Reads the audio file in @data with GStreamer's discoverer (blocking:
 * call it in a worker): @duration gets its length in seconds. FALSE with
 * @error, one sentence naming @name, when GStreamer finds no audio in it
 * (G_IO_ERROR_INVALID_DATA: "memo.ogg is not a complete audio file.") or
 * has no plugin for it (G_IO_ERROR_NOT_SUPPORTED). */
gboolean steward_audio_probe (GBytes        *data,
                              const char    *name,
                              double        *duration,
                              GCancellable  *cancellable,
                              GError       **error);

G_END_DECLS
