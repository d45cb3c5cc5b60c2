/* steward-transcriber-sphinx.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The voice.provider value that means "transcribe on this computer with
 * PocketSphinx", whatever providers exist. */
#define STEWARD_TRANSCRIBER_OFFLINE "offline"

gboolean steward_transcriber_sphinx_is_built_in (void);

/* The English model's folder: $STEWARD_POCKETSPHINX_MODEL_DIR, else the
 * one PocketSphinx was built with. */
const char *steward_transcriber_sphinx_get_model_dir (void);

/* Returns on @task (whose source is the StewardTranscriber) a
 * StewardTranscript of @file, decoded in a worker thread. */
void     _steward_transcriber_sphinx_transcribe     (GTask      *task,
                                                     GFile      *file,
                                                     const char *language);

G_END_DECLS
