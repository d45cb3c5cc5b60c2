/* steward-memory-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_MEMORY_PAGE (steward_memory_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardMemoryPage, steward_memory_page, STEWARD, MEMORY_PAGE, AdwPreferencesGroup)

GtkWidget *steward_memory_page_new (void);

G_END_DECLS
