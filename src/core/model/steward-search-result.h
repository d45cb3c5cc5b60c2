/* steward-search-result.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "steward-enums.h"

G_BEGIN_DECLS

/* Around each match, a snippet holds these two private-use characters. */
#define STEWARD_SEARCH_MATCH_START "\xee\x80\x80" /* U+E000 */
#define STEWARD_SEARCH_MATCH_END   "\xee\x80\x81" /* U+E001 */

#define STEWARD_TYPE_SEARCH_RESULT (steward_search_result_get_type ())

G_DECLARE_FINAL_TYPE (StewardSearchResult, steward_search_result, STEWARD, SEARCH_RESULT, GObject)

gint64      steward_search_result_get_message_id         (StewardSearchResult *self);
gint64      steward_search_result_get_conversation_id    (StewardSearchResult *self);
const char *steward_search_result_get_conversation_title (StewardSearchResult *self);
StewardMessageRole steward_search_result_get_role        (StewardSearchResult *self);
/* Plain text (no Markdown), with STEWARD_SEARCH_MATCH_START/END around
 * the matched words */
const char *steward_search_result_get_snippet            (StewardSearchResult *self);
GDateTime  *steward_search_result_get_created_at         (StewardSearchResult *self);
guint       steward_search_result_get_n_more_matches     (StewardSearchResult *self);
char       *steward_search_result_dup_snippet_markup     (StewardSearchResult *self);
char       *steward_search_result_dup_snippet_marked     (StewardSearchResult *self,
                                                          const char          *start,
                                                          const char          *end);

G_END_DECLS
