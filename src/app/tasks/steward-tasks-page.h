/* steward-tasks-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_TASKS_PAGE (steward_tasks_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardTasksPage, steward_tasks_page, STEWARD, TASKS_PAGE, GtkWidget)

void steward_tasks_page_focus_quick_add (StewardTasksPage *self);
void steward_tasks_page_flush_deletes   (StewardTasksPage *self);
gboolean steward_tasks_page_show_task    (StewardTasksPage *self,
                                          gint64            id);

G_END_DECLS
