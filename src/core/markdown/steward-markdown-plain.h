/* steward-markdown-plain.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-markdown-tree.h"

G_BEGIN_DECLS

/* (transfer full) */
char *steward_markdown_plain_render (const StewardMarkdownTree *tree);

G_END_DECLS
