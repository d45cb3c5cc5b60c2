/* steward-application-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-global-shortcut.h"
#include "steward-quick-chat-window.h"
#include "steward-search-provider.h"
#include "steward-task-reminders.h"

G_BEGIN_DECLS

struct _StewardApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GCancellable    *cancellable;
  StewardServices *services;
  StewardTaskReminders *reminders;
  StewardQuickChatWindow *quick_chat;
  /* The desktop-wide quick chat shortcut (its state for Preferences) */
  StewardGlobalShortcut *global_shortcut;
  StewardSearchProvider *search_provider;

  /* Run in Background (desktop/steward-background.c) */
  StewardBackground *background;

  guint            make_quick_chat_id;
  /* `steward --quick-chat` started this process */
  guint            start_in_quick_chat : 1;
};

void _steward_application_actions_init   (StewardApplication *self);
void _steward_application_reminders_init (StewardApplication *self);

void _steward_application_quick_chat_add_options    (StewardApplication *self);
void _steward_application_quick_chat_init           (StewardApplication *self);
void _steward_application_quick_chat_make           (StewardApplication *self);
void _steward_application_quick_chat_prepare        (StewardApplication *self);
int  _steward_application_quick_chat_handle_options (StewardApplication *self,
                                                     GVariantDict       *options);
void _steward_application_quick_chat_dispose        (StewardApplication *self);

G_END_DECLS
