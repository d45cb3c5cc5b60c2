/* steward-markdown-escape.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Appends @text (@len bytes, or up to its nul when -1) to @out so that
 * Markdown shows it as written: the characters that would start emphasis,
 * code, links, tables, strikethrough or HTML are escaped with a backslash.
 * With @at_line_start, the text begins a line: its leading blanks are
 * dropped (four would make a code block) and a marker that would make it a
 * heading, list item, quote or rule is escaped too. Used for the text read
 * from DOCX and PDF files, which is literal, not Markdown. */
void steward_markdown_escape_append (GString    *out,
                                     const char *text,
                                     gssize      len,
                                     gboolean    at_line_start);

G_END_DECLS
