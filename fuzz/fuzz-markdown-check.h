/* fuzz-markdown-check.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fuzz-harness.h"
#include "steward-markdown.h"

G_BEGIN_DECLS

/* Aborts unless every block keeps what steward-markdown-pango.h promises. */
void fuzz_markdown_check_blocks (GPtrArray                 *blocks);
/* Aborts unless the tree keeps what steward-markdown-tree.h promises. */
void fuzz_markdown_check_tree   (const StewardMarkdownTree *tree);

G_END_DECLS
