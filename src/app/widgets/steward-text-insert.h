/* steward-text-insert.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void steward_text_view_insert_words (GtkTextView *view,
                                     const char  *text);

G_END_DECLS
