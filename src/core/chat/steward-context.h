/* steward-context.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-chat-request.h"

G_BEGIN_DECLS

/* What one turn may send. */
typedef struct
{
  /* Exchanges (a user message and its reply) sent word for word. */
  guint  window_exchanges;
  /* The model's context size, in tokens, and what to keep free of it
   * for the reply. */
  gint64 context_tokens;
  gint64 reply_tokens;
} StewardContextLimits;

typedef struct
{
  /* The request to send: system part, window, new message. */
  StewardChatRequest *request;
  /* The id of the last message that should be folded into the summary
   * before this request is sent (older exchanges that are neither in the
   * window nor covered by the summary), or 0 when nothing needs folding. */
  gint64              fold_through;
  /* The messages that fold_through covers, oldest first, as
   * StewardChatMessage: what a summarizer needs besides the old summary. */
  GPtrArray          *to_fold;
  /* Estimated tokens of the request. */
  gint64              estimated_tokens;
} StewardContext;

gint64          steward_estimate_tokens (const char                 *text);

/* How steward_estimate_tokens () counts: a character from U+2E80 on (CJK,
 * emoji) is a token of its own, four others make one. For counting as
 * text is walked. */
static inline gboolean
steward_token_char_is_wide (gunichar c)
{
  return c >= 0x2E80;
}

static inline gint64
steward_tokens_for_chars (gint64 narrow,
                          gint64 wide)
{
  return (narrow + 3) / 4 + wide;
}

StewardContext *steward_context_build   (GListModel                 *history,
                                         const char                 *summary,
                                         gint64                      summary_through,
                                         const char                 *system,
                                         const char                 *model,
                                         const char                 *new_message,
                                         const StewardContextLimits *limits);
void            steward_context_free    (StewardContext             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardContext, steward_context_free)

G_END_DECLS
