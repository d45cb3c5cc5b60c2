/* steward-task-proposal.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "steward-message.h"

G_BEGIN_DECLS

GPtrArray *steward_task_proposal_read (StewardMessage *message);

G_END_DECLS
