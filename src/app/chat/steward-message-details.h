/* steward-message-details.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "steward-core.h"

G_BEGIN_DECLS

GtkWidget *steward_message_details_new          (StewardMessage *message);
char      *steward_message_details_format_context (const char   *context_json,
                                                   gint64       *estimated_tokens,
                                                   GError      **error);

G_END_DECLS
