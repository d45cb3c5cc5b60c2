/* replay-dribble.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

void replay_dribble_start (SoupServerMessage *msg,
                           GBytes            *body,
                           guint              piece,
                           guint              delay_ms);

G_END_DECLS
