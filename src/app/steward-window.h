/* steward-window.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-application.h"
#include "steward-chat-page.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_WINDOW (steward_window_get_type ())

G_DECLARE_FINAL_TYPE (StewardWindow, steward_window, STEWARD, WINDOW, AdwApplicationWindow)

StewardWindow *steward_window_new      (StewardApplication *application);
const char    *steward_window_get_page (StewardWindow      *self);
gboolean       steward_window_set_page (StewardWindow      *self,
                                        const char         *page);
StewardChatPage *steward_window_get_chat_page (StewardWindow *self);

G_END_DECLS
