/* steward-word-count.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_WORD_COUNT (steward_word_count_get_type ())

G_DECLARE_FINAL_TYPE (StewardWordCount, steward_word_count, STEWARD, WORD_COUNT, GObject)

StewardWordCount *steward_word_count_new       (GtkTextBuffer    *buffer);
guint             steward_word_count_get_words (StewardWordCount *self);
guint             steward_word_count_text      (const char       *text);

G_END_DECLS
