/* replay-multipart.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

G_BEGIN_DECLS

JsonNode *replay_multipart_describe (SoupServerMessage *msg,
                                     GBytes            *body);

G_END_DECLS
