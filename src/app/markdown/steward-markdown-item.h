/* steward-markdown-item.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_MARKDOWN_ITEM (steward_markdown_item_get_type ())

G_DECLARE_FINAL_TYPE (StewardMarkdownItem, steward_markdown_item, STEWARD, MARKDOWN_ITEM, GtkWidget)

GtkWidget *steward_markdown_item_new         (GtkWidget           *mark,
                                              GtkWidget           *content);
GtkWidget *steward_markdown_item_get_content (StewardMarkdownItem *self);

G_END_DECLS
