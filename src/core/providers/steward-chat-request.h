/* steward-chat-request.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

#include "steward-attachment.h"
#include "steward-enums.h"

G_BEGIN_DECLS

typedef struct
{
  StewardMessageRole  role;
  char               *content;
  /* (element-type StewardAttachment) (nullable): the files sent with a
   * user message, in order; each kind sends them in its own format */
  GPtrArray          *attachments;
  /* (element-type StewardAttachmentPart) (nullable): @attachments made
   * ready to send for a kind whose images are at most @parts_edge pixels
   * on their longest side, in the same order (steward-attachment-parts.h);
   * set by the chat turn's preparation in a worker. NULL: they are made
   * when the request is written. Shared, never changed once set. */
  GPtrArray          *parts;
  guint               parts_edge;
} StewardChatMessage;

/* A tool offered to the model: its name, what it does (for the model)
 * and its arguments as a JSON schema (an object schema; keep to what
 * every kind reads: type, properties, items, required, enum,
 * description). */
typedef struct
{
  char       *name;
  char       *description;
  JsonObject *parameters;
} StewardChatTool;

/* What one request to a model carries, whatever the provider: each kind
 * turns it into its own wire format. */
typedef struct
{
  char      *model;
  char      *system;
  GPtrArray *messages;
  gint64     max_tokens;
  /* Give up when the provider sends nothing for this long; 0: wait */
  guint      timeout_seconds;
  /* Give up when the whole reply takes longer than this; 0: no limit */
  guint      deadline_seconds;
  /* StewardChatTool: the tools offered, in order */
  GPtrArray *tools;
  /* The tool the model must call, where the API can say so (OpenAI,
   * Anthropic, Gemini; Ollama only offers); NULL: the model chooses */
  char      *forced_tool;
} StewardChatRequest;

#define STEWARD_CHAT_REQUEST_DEFAULT_MAX_TOKENS 4096

StewardChatRequest *steward_chat_request_new         (const char         *model);
void                steward_chat_request_free        (StewardChatRequest *self);
StewardChatRequest *steward_chat_request_copy        (const StewardChatRequest *request);
void                steward_chat_request_set_system  (StewardChatRequest *self,
                                                      const char         *system);
void                steward_chat_request_add_message (StewardChatRequest *self,
                                                      StewardMessageRole  role,
                                                      const char         *content);
/* Sends @attachment with the last message added */
void                steward_chat_request_attach      (StewardChatRequest *self,
                                                      StewardAttachment  *attachment);
/* Whether a message of the request carries an image */
gboolean            steward_chat_request_has_images  (const StewardChatRequest *self);
void                steward_chat_request_add_tool    (StewardChatRequest *self,
                                                      const char         *name,
                                                      const char         *description,
                                                      JsonObject         *parameters);
void                steward_chat_request_force_tool  (StewardChatRequest *self,
                                                      const char         *name);
/* The role as OpenAI, Anthropic and Ollama name it on the wire */
const char         *steward_chat_role_to_wire        (StewardMessageRole  role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardChatRequest, steward_chat_request_free)

G_END_DECLS
