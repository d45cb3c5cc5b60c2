/* bench-markdown.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A Markdown text of about @words words (headings, paragraphs with
 * emphasis, code and links, nested lists, tables, code blocks), the
 * same for the same seed of @rand */
char *bench_markdown_make (GRand *rand,
                           guint  words);

G_END_DECLS
