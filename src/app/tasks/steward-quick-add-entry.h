/* steward-quick-add-entry.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_QUICK_ADD_ENTRY (steward_quick_add_entry_get_type ())

G_DECLARE_FINAL_TYPE (StewardQuickAddEntry, steward_quick_add_entry, STEWARD, QUICK_ADD_ENTRY, GtkWidget)

GtkWidget *steward_quick_add_entry_new         (void);
void       steward_quick_add_entry_focus       (StewardQuickAddEntry *self);
void       steward_quick_add_entry_set_now     (StewardQuickAddEntry *self,
                                                GDateTime            *now);

G_END_DECLS
