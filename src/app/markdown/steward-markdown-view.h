/* steward-markdown-view.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_MARKDOWN_VIEW (steward_markdown_view_get_type ())

G_DECLARE_FINAL_TYPE (StewardMarkdownView, steward_markdown_view, STEWARD, MARKDOWN_VIEW, GtkWidget)

GtkWidget *steward_markdown_view_new      (void);
void       steward_markdown_view_set_text (StewardMarkdownView *self,
                                           const char          *text,
                                           gboolean             streaming);
void       steward_markdown_view_append   (StewardMarkdownView *self,
                                           const char          *text,
                                           gsize                len);
void       steward_markdown_view_finish   (StewardMarkdownView *self,
                                           const char          *text);
gboolean   steward_markdown_view_get_streaming (StewardMarkdownView *self);
void       steward_markdown_view_set_fill_width (StewardMarkdownView *self,
                                                 gboolean             fill_width);
char      *steward_markdown_view_dup_selected_text (StewardMarkdownView *self);
void       steward_markdown_view_set_extra_menu    (StewardMarkdownView *self,
                                                    GMenuModel          *extra_menu);

G_END_DECLS
