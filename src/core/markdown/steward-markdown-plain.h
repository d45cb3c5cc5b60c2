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
char *steward_markdown_plain_render  (const StewardMarkdownTree   *tree);
/* (transfer full): the text of @first and the runs after it, as
 * steward_markdown_plain_render() shows a paragraph's */
char *steward_markdown_plain_inlines (const StewardMarkdownInline *first);

G_END_DECLS
