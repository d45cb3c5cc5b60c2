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

/* Aborts unless every block keeps what steward-markdown.h promises. */
void fuzz_markdown_check_blocks (GPtrArray *blocks);

G_END_DECLS
