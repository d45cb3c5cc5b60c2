/* steward-desktop-actions.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

void steward_desktop_actions_init (StewardApplication *application);

G_END_DECLS
