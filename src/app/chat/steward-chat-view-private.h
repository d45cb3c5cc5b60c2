/* steward-chat-view-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-chat-view.h"
#include "steward-composer-attachments.h"
#include "steward-voice-button.h"

G_BEGIN_DECLS

/* A row with Markdown costs about a millisecond to build, and memory
 * while it lives: the view shows a window on the conversation
 * (StewardMessageList), which opens on its end and grows a step at a
 * time as the view scrolls near its top or bottom, letting go of the far
 * end. While the view follows the end of a live conversation, it keeps
 * FOLLOW_KEEP messages: a row costs 150–170 kB (bench-chat --session),
 * and the list view keeps one for every item of its model. */
#define LOAD_MORE_PX      400
#define FOLLOW_KEEP       (STEWARD_MESSAGE_LIST_STEP / 2)

struct _StewardChatView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkTextView     *composer;
  GtkBox          *composer_box;
  GtkRevealer     *editing_revealer;
  GtkRevealer     *jump_revealer;
  GtkListView     *message_list;
  GtkLabel        *placeholder;
  GtkScrolledWindow *scroller;
  GtkButton       *send_button;
  GtkLabel        *send_error_label;
  GtkRevealer     *send_error_revealer;
  GtkDropDown     *tier_dropdown;
  AdwToastOverlay *toast_overlay;
  GtkStack        *view_stack;
  StewardVoiceButton *voice_button;
  StewardComposerAttachments *composer_attachments;
  GtkWidget          *photo_button;

  /* Owned */
  /* The window on the conversation shown, or %NULL before the store is
   * open; the list view shows it through @selection */
  StewardMessageList *messages;
  GtkNoSelection  *selection;
  /* The conversation being opened: its end is read in a worker, and the
   * view shows the one before until it is */
  StewardMessageList *opening;
  GCancellable    *opening_cancellable;
  /* A message to bring into view once @opening is shown, or 0 */
  gint64           opening_message_id;
  StewardChatTurn *turn;
  GCancellable    *turn_cancellable;
  /* Follow-ups (memory, summary) of finished turns; cancelled on close. */
  GCancellable    *follow_up_cancellable;

  gint64           conversation_id;
  gint64           last_reply_id;
  /* The user message being edited, or 0. */
  gint64           editing_id;

  guint            load_more_id;
  /* A message to bring into view once the list is laid out, or 0 */
  gint64           pending_message_id;
  /* A message brought into view to be centred and highlighted, or 0;
   * its row while highlighted (steward-chat-view-scroll.c) */
  gint64           found_message_id;
  guint            found_tick_id;
  guint            found_frames;
  GtkWidget       *found_row;
  guint            found_timeout_id;
  /* Work done after the list's allocation, in the frame clock's layout
   * phase, and the end of the frame */
  GdkFrameClock   *frame_clock;
  gulong           layout_handler_id;
  gulong           after_paint_handler_id;
  guint            follow : 1;
  guint            scrolling : 1;
  /* Whether the list gave the adjustment new bounds in this frame */
  guint            bounds_changed : 1;
};

/* steward-chat-view.c */
void     _steward_chat_view_update_actions          (StewardChatView *self);
void     _steward_chat_view_notify_busy             (StewardChatView *self);
void     _steward_chat_view_notify_conversation_id  (StewardChatView *self);
void     _steward_chat_view_show_send_error         (StewardChatView *self,
                                                     const char      *message);
void     _steward_chat_view_hide_send_error         (StewardChatView *self);
void     _steward_chat_view_show_conversation       (StewardChatView *self,
                                                     gint64           conversation_id);
gboolean _steward_chat_view_find_message            (StewardChatView *self,
                                                     gint64           message_id,
                                                     guint           *position);
char    *_steward_chat_view_dup_composer_text       (StewardChatView *self);
void     _steward_chat_view_set_composer_text       (StewardChatView *self,
                                                     const char      *text);
void     _steward_chat_view_set_editing             (StewardChatView *self,
                                                     gint64           message_id);

/* steward-chat-view-scroll.c */
void     _steward_chat_view_init_scrolling          (StewardChatView *self);
void     _steward_chat_view_cancel_frame_work       (StewardChatView *self);

/* steward-chat-view-jump.c */
void     _steward_chat_view_init_jump               (StewardChatView *self);
void     _steward_chat_view_update_jump             (StewardChatView *self);
void     _steward_chat_view_jump_clicked_cb         (StewardChatView *self,
                                                     GtkButton       *button);

/* steward-chat-view-keyboard.c */
void     _steward_chat_view_init_keyboard           (StewardChatView *self);
void     _steward_chat_view_init_attach             (StewardChatView *self);
void     _steward_chat_view_class_init_attach       (GtkWidgetClass  *widget_class);
gboolean _steward_chat_view_focus                   (GtkWidget        *widget,
                                                     GtkDirectionType  direction);
gboolean _steward_chat_view_focus_messages          (StewardChatView *self);

/* steward-chat-view-turn.c */
void     _steward_chat_view_class_actions_init      (StewardChatViewClass *klass);
void     _steward_chat_view_cancel_edit_action      (GtkWidget       *widget,
                                                     const char      *action_name,
                                                     GVariant        *param);
GtkWidget *_steward_chat_view_find_row_item         (StewardChatView *self,
                                                     gint64           message_id);

/* steward-chat-view-tasks.c */
void     _steward_chat_view_class_tasks_init        (StewardChatViewClass *klass);

G_END_DECLS
