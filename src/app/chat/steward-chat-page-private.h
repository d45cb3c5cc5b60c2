/* steward-chat-page-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-chat-page.h"
#include "steward-chat-view.h"
#include "steward-list-page.h"

G_BEGIN_DECLS

struct _StewardChatPage
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkButton          *add_provider_button;
  StewardChatView    *chat_view;
  GtkStack           *content_stack;
  GtkListView        *conversation_list;
  GtkButton          *delete_selected_button;
  AdwStatusPage      *error_page;
  AdwFlap            *flap;
  StewardListPage    *list_page;
  GtkButton          *new_button;
  GtkLabel           *ollama_label;
  GtkButton          *select_all_button;
  GtkToggleButton    *select_button;
  GtkLabel           *selected_label;
  GtkActionBar       *selection_bar;
  AdwStatusPage      *setup_page;
  GtkStack           *stack;
  AdwToastOverlay    *toast_overlay;
  GtkButton          *use_ollama_button;

  /* The services' conversations, once the store is open */
  StewardRowList     *conversations;

  /* Owned */
  StewardProviderRegistry *providers;
  StewardFirstRun    *first_run;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;
  GArray             *pending_deletes;
  GCancellable       *probe_cancellable;
  /* The list items bound to a conversation: their rows' headings follow
   * their neighbours (steward-chat-page-list.c). */
  GPtrArray          *bound_items;
  /* In selection mode, the ids of the conversations checked */
  GHashTable         *checked;
  guint               focus_selected_source;
  guint               new_day_source;

  guint               reloading : 1;
  guint               probing : 1;
  guint               selection_mode : 1;
};

void     _steward_chat_page_rename          (StewardChatPage *self,
                                             gint64           conversation_id);
void     _steward_chat_page_show_summary    (GtkWidget       *parent,
                                             gint64           conversation_id);
void     _steward_chat_page_export          (GtkWidget       *parent,
                                             gint64           conversation_id);

void     _steward_chat_page_select          (StewardChatPage *self,
                                             gint64           conversation_id);
void     _steward_chat_page_delete          (StewardChatPage *self,
                                             const gint64    *ids,
                                             guint            n_ids);

void     _steward_chat_page_init_list       (StewardChatPage *self);
void     _steward_chat_page_finalize_list   (StewardChatPage *self);
void     _steward_chat_page_class_init_list (GtkWidgetClass  *widget_class);
void     _steward_chat_page_set_selection_mode (StewardChatPage *self,
                                                gboolean         selection_mode);

G_END_DECLS
