/* replay-log.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

void replay_log_request (FILE              *log_file,
                         SoupServerMessage *msg,
                         JsonNode          *body);

G_END_DECLS
