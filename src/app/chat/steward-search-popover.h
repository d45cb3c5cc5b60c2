/* steward-search-popover.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_SEARCH_POPOVER (steward_search_popover_get_type ())

G_DECLARE_FINAL_TYPE (StewardSearchPopover, steward_search_popover, STEWARD, SEARCH_POPOVER, GtkPopover)

GtkWidget    *steward_search_popover_new               (void);
void          steward_search_popover_search            (StewardSearchPopover *self,
                                                        const char           *query);
void          steward_search_popover_move_selection    (StewardSearchPopover *self,
                                                        int                   delta);
gboolean      steward_search_popover_activate_selected (StewardSearchPopover *self);

G_END_DECLS
