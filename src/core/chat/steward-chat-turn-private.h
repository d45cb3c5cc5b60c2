/* steward-chat-turn-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-chat-turn.h"
#include "steward-context.h"

G_BEGIN_DECLS

/* The turn is one class in four files: steward-chat-turn.c (the object,
 * committing the message, the follow-up), -request.c (what is sent),
 * -prepare.c (its files made ready, off the main loop) and -reply.c
 * (what arrives). */
struct _StewardChatTurn
{
  GObject          parent_instance;

  /* Owned */
  StewardServices *services;
  StewardStore    *store;
  StewardSettings *settings;
  StewardProviderRegistry *providers;
  SoupSession     *session;
  StewardProvider *provider;
  StewardReply    *reply;
  StewardMessage  *user_message;
  StewardMessage  *reply_message;
  char            *text;
  /* StewardAttachment: the files sent with the message, in order */
  GPtrArray       *attachments;
  char            *tier;
  char            *provider_name;
  char            *model;
  StewardMessageStatus status;
  gboolean         started;
  /* Whether the model resolved can see images */
  gboolean         sees_images;
  StewardContext  *context;
  char            *summary;

  gint64           conversation_id;
  gint64           user_message_id;
  gint64           reply_message_id;
  /* Regenerating: the reply a new one is written beside */
  gint64           replaced_id;
  /* …and whether it is dropped then: it failed, and nothing followed */
  gboolean         drop_replaced;
  guint            flush_source;
  guint            show_source;
  GString         *unshown;
  guint            dirty : 1;
};

gboolean  _steward_chat_turn_resolve_provider (StewardChatTurn       *self,
                                              GError               **error);
void      _steward_chat_turn_read_limits      (StewardChatTurn       *self,
                                              StewardContextLimits  *limits);
gboolean  _steward_chat_turn_build_context    (StewardChatTurn       *self,
                                              GError               **error);
char     *_steward_chat_turn_dup_context_json (StewardChatTurn       *self);
gboolean  _steward_chat_turn_check_vision     (StewardChatTurn       *self,
                                              GError               **error);
gboolean  _steward_chat_turn_check_attachments (StewardChatTurn      *self,
                                               GError              **error);
void      _steward_chat_turn_stream_reply     (StewardChatTurn       *self,
                                              GTask                 *task);
void      _steward_chat_turn_prepare_async    (StewardChatTurn       *self,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean  _steward_chat_turn_prepare_finish   (StewardChatTurn       *self,
                                              GAsyncResult          *result,
                                              GError               **error);

G_END_DECLS
