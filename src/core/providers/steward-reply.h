/* steward-reply.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

typedef struct
{
  /* The position the provider gave the call (OpenAI and Anthropic send
   * pieces of several calls by index). */
  gint     index;
  char    *id;
  char    *name;
  GString *arguments;
} StewardToolCall;

#define STEWARD_TYPE_REPLY (steward_reply_get_type ())

G_DECLARE_FINAL_TYPE (StewardReply, steward_reply, STEWARD, REPLY, GObject)

StewardReply    *steward_reply_new                  (void);

const char      *steward_reply_get_text             (StewardReply *self);
void             steward_reply_append_text          (StewardReply *self,
                                                     const char   *text);
gboolean         steward_reply_has_content          (StewardReply *self);
void             steward_reply_set_secret           (StewardReply *self,
                                                     const char   *secret);
void             steward_reply_flush                (StewardReply *self);
void             steward_reply_note_reasoning       (StewardReply *self,
                                                     gsize         len);
guint64          steward_reply_get_size             (StewardReply *self);

guint            steward_reply_get_n_tool_calls     (StewardReply *self);
StewardToolCall *steward_reply_get_tool_call        (StewardReply *self,
                                                     guint         position);
StewardToolCall *steward_reply_ensure_tool_call     (StewardReply *self,
                                                     gint          index);
JsonNode        *steward_reply_dup_tool_calls_json  (StewardReply *self);
void             steward_reply_ensure_tool_call_ids (StewardReply *self);

gint64           steward_reply_get_input_tokens     (StewardReply *self);
gint64           steward_reply_get_output_tokens    (StewardReply *self);
void             steward_reply_set_usage            (StewardReply *self,
                                                     gint64        input_tokens,
                                                     gint64        output_tokens);
const char      *steward_reply_get_finish_reason    (StewardReply *self);
void             steward_reply_set_finish_reason    (StewardReply *self,
                                                     const char   *finish_reason);
const char      *steward_reply_get_model            (StewardReply *self);
void             steward_reply_set_model            (StewardReply *self,
                                                     const char   *model);
gint64           steward_reply_get_latency_ms       (StewardReply *self);
void             steward_reply_set_latency_ms       (StewardReply *self,
                                                     gint64        latency_ms);
gboolean         steward_reply_get_done             (StewardReply *self);
void             steward_reply_set_done             (StewardReply *self);

G_END_DECLS
