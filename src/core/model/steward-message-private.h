/* steward-message-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-message.h"

G_BEGIN_DECLS

typedef struct
{
  gint64      id;
  gint64      conversation_id;
  StewardMessageRole   role;
  const char *content;
  StewardMessageStatus status;
  const char *error;
  const char *provider;
  const char *model;
  const char *tier;
  gint64      input_tokens;
  gint64      output_tokens;
  gint64      latency_ms;
  const char *tool_calls;
  GDateTime  *created_at;
  /* Where the message is in its conversation's tree (see
   * steward_message_get_parent_id()) */
  gint64      parent_id;
  gboolean    active;
  guint       alternative;
  guint       n_alternatives;
  /* (element-type StewardAttachment) (nullable): borrowed */
  GPtrArray  *attachments;
} StewardMessageFields;

StewardMessage *_steward_message_new            (const StewardMessageFields *fields);
void            _steward_message_append_content (StewardMessage             *self,
                                                 const char                 *text);
void            _steward_message_finish         (StewardMessage             *self,
                                                 StewardMessageStatus        status,
                                                 const char                 *error,
                                                 gint64                      input_tokens,
                                                 gint64                      output_tokens,
                                                 gint64                      latency_ms,
                                                 const char                 *model,
                                                 const char                 *tool_calls);

void            _steward_message_set_attachments (StewardMessage            *self,
                                                  GPtrArray                 *attachments);
void            _steward_message_update_branch  (StewardMessage             *self,
                                                 StewardMessage             *read);

G_END_DECLS
