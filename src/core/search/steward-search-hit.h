/* steward-search-hit.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SEARCH_HIT (steward_search_hit_get_type ())

G_DECLARE_FINAL_TYPE (StewardSearchHit, steward_search_hit, STEWARD, SEARCH_HIT, GObject)

StewardSearchHit     *steward_search_hit_new           (StewardSearchHitKind  kind,
                                                        gint64                id,
                                                        gint64                target_id,
                                                        const char           *title,
                                                        const char           *snippet);
StewardSearchHitKind  steward_search_hit_get_kind      (StewardSearchHit     *self);
gint64                steward_search_hit_get_id        (StewardSearchHit     *self);
gint64                steward_search_hit_get_target_id (StewardSearchHit     *self);
const char           *steward_search_hit_get_title     (StewardSearchHit     *self);
const char           *steward_search_hit_get_snippet   (StewardSearchHit     *self);
char                 *steward_search_hit_dup_result_id (StewardSearchHit     *self);
gboolean              steward_search_hit_parse_result_id (const char         *result_id,
                                                          StewardSearchHitKind *kind,
                                                          gint64             *id);

G_END_DECLS
