/* steward-system-prompt.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-settings.h"
#include "steward-store.h"

G_BEGIN_DECLS

char *steward_system_prompt_build (StewardStore     *store,
                                   StewardSettings  *settings,
                                   const char       *new_message,
                                   GError          **error);

G_END_DECLS
