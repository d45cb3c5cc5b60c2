/* steward-speakable.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-markdown-tree.h"

G_BEGIN_DECLS

/* A reply written in Markdown as text to read aloud: a sentence a line,
 * each ended by a full stop unless it has its own punctuation. Headings,
 * paragraphs, quotes and list items become sentences (an ordered list's
 * items keep their numbers); emphasis is dropped, a link reads as its
 * text (a bare address as its host), an image as its description,
 * inline code as its text; code blocks are skipped, and a table is read
 * row by row, each cell after its column's header. "" when nothing is
 * left to say. (transfer full) */
char *steward_speakable_from_tree     (const StewardMarkdownTree *tree);
/* The same of @markdown, @len bytes or -1 up to a NUL. */
char *steward_speakable_from_markdown (const char                *markdown,
                                       gssize                     len);

G_END_DECLS
