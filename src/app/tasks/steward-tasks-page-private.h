/* steward-tasks-page-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-board-column.h"
#include "steward-list-page.h"
#include "steward-quick-add-entry.h"
#include "steward-tasks-page.h"

G_BEGIN_DECLS

struct _StewardTasksPage
{
  GtkWidget             parent_instance;

  /* Template widgets */
  GtkDropDown          *category_dropdown;
  StewardBoardColumn   *doing_column;
  StewardBoardColumn   *done_column;
  StewardQuickAddEntry *empty_quick_add;
  StewardListPage      *list_page;
  GtkDropDown          *priority_dropdown;
  StewardQuickAddEntry *quick_add;
  GtkSearchEntry       *search_entry;
  AdwToastOverlay      *toast_overlay;
  StewardBoardColumn   *todo_column;

  /* Owned */
  GtkCustomFilter      *filter;
  GtkStringList        *categories;
  GArray               *pending_deletes;
  StewardRowList       *tasks;
  guint                 minute_source;
  /* The category menu is made again once after a burst of changes */
  guint                 categories_source;
};

static inline StewardStore *
_steward_tasks_page_get_store (void)
{
  return steward_services_get_store (STEWARD_SERVICES_DEFAULT);
}

StewardBoardColumn *_steward_tasks_page_get_column         (StewardTasksPage  *self,
                                                            StewardTaskStatus  status);
void                _steward_tasks_page_show_error         (StewardTasksPage  *self,
                                                            const GError      *error);
gboolean            _steward_tasks_page_is_pending_delete  (StewardTasksPage  *self,
                                                            gint64             id);
void                _steward_tasks_page_update_clear_done  (StewardTasksPage  *self);
void                _steward_tasks_page_class_init_delete  (GtkWidgetClass    *widget_class);
void                _steward_tasks_page_init_extract       (StewardTasksPage  *self);
void                _steward_tasks_page_class_init_extract (GtkWidgetClass    *widget_class);

G_END_DECLS
