/* steward-search-result-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-search-result.h"

G_BEGIN_DECLS

StewardSearchResult *_steward_search_result_new (gint64      message_id,
                                                 gint64      conversation_id,
                                                 const char *conversation_title,
                                                 StewardMessageRole role,
                                                 const char *snippet,
                                                 GDateTime  *created_at);
void                 _steward_search_result_set_snippet (StewardSearchResult *self,
                                                         const char          *snippet);
void                 _steward_search_result_set_n_more_matches (StewardSearchResult *self,
                                                                guint                n_more);
char                *_steward_search_dup_snippet (const char *marked_markdown);

G_END_DECLS
