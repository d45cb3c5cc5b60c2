/* steward-model-vision.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether the model @model (an id as its provider knows it: "gpt-4o",
 * "claude-sonnet-4-5", "llava:13b") can see images, guessed from its
 * name: the families known to take images do, any other does not. The
 * user can say otherwise for one model (steward_store_set_model_vision()). */
gboolean steward_model_guess_vision (const char *model);

G_END_DECLS
