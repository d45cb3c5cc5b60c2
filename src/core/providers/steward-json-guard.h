/* steward-json-guard.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* How deep JSON from outside may nest: json-glib parses recursively, and
 * tens of thousands of levels overflow the stack. No provider nests
 * anywhere near this. */
#define STEWARD_JSON_MAX_DEPTH 512

gboolean steward_json_load_untrusted (JsonParser  *parser,
                                      const char  *data,
                                      gsize        len,
                                      GError     **error);

G_END_DECLS
