/* steward-message-list.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "steward-message.h"

G_BEGIN_DECLS

/* How a StewardMessageList reads its conversation from its source (the
 * store). Each returns #StewardMessage objects oldest first. */
typedef struct
{
  /* The messages after @after_id (0: from the start), at most @limit */
  GListModel *(*list_after)   (GObject      *source,
                               gint64        conversation_id,
                               gint64        after_id,
                               guint         limit,
                               GError      **error);
  /* The latest @limit messages before @before_id (0: up to the end) */
  GListModel *(*list_before)  (GObject      *source,
                               gint64        conversation_id,
                               gint64        before_id,
                               guint         limit,
                               GError      **error);
  /* One message; a "not found" error when it is gone */
  gpointer    (*find)         (GObject      *source,
                               gint64        id,
                               GError      **error);
  gboolean    (*is_not_found) (const GError *error);
  /* Deletes @message_id and what follows it */
  gboolean    (*delete_from)  (GObject      *source,
                               gint64        message_id,
                               GError      **error);
  /* (optional) list_before() in a worker thread: opening a conversation */
  void        (*list_before_async)  (GObject             *source,
                                     gint64               conversation_id,
                                     gint64               before_id,
                                     guint                limit,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
  GListModel *(*list_before_finish) (GObject             *source,
                                     GAsyncResult        *result,
                                     GError             **error);
} StewardMessageListSource;

/* A conversation opens with its last STEWARD_MESSAGE_LIST_STEP messages,
 * and each step of scrolling loads as many more; the list never holds
 * more than STEWARD_MESSAGE_LIST_MAX, letting go of the far end. */
#define STEWARD_MESSAGE_LIST_STEP 32
#define STEWARD_MESSAGE_LIST_MAX  (3 * STEWARD_MESSAGE_LIST_STEP)

#define STEWARD_TYPE_MESSAGE_LIST (steward_message_list_get_type ())

G_DECLARE_FINAL_TYPE (StewardMessageList, steward_message_list, STEWARD, MESSAGE_LIST, GObject)

StewardMessageList *steward_message_list_new           (GObject                        *source,
                                                        const StewardMessageListSource *functions,
                                                        gint64                          conversation_id);
gint64    steward_message_list_get_conversation_id     (StewardMessageList *self);
gboolean  steward_message_list_get_has_earlier         (StewardMessageList *self);
gboolean  steward_message_list_get_has_later           (StewardMessageList *self);
gboolean  steward_message_list_find                    (StewardMessageList *self,
                                                        gint64              message_id,
                                                        guint              *position);
gboolean  steward_message_list_load_end                (StewardMessageList *self,
                                                        GError            **error);
void      steward_message_list_load_end_async          (StewardMessageList  *self,
                                                        GCancellable        *cancellable,
                                                        GAsyncReadyCallback  callback,
                                                        gpointer             user_data);
gboolean  steward_message_list_load_end_finish         (StewardMessageList  *self,
                                                        GAsyncResult        *result,
                                                        GError             **error);
gboolean  steward_message_list_load_earlier            (StewardMessageList *self,
                                                        GError            **error);
gboolean  steward_message_list_load_later              (StewardMessageList *self,
                                                        GError            **error);
gboolean  steward_message_list_load_around             (StewardMessageList *self,
                                                        gint64              message_id,
                                                        guint              *position,
                                                        GError            **error);
void      steward_message_list_release_earlier         (StewardMessageList *self,
                                                        guint               keep);
StewardMessage *steward_message_list_find_prompt       (StewardMessageList *self,
                                                        gint64              reply_id,
                                                        GError            **error);
gboolean  steward_message_list_delete_from             (StewardMessageList *self,
                                                        gint64              message_id,
                                                        GError            **error);

G_END_DECLS
