/* steward-list-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define STEWARD_TYPE_LIST_PAGE (steward_list_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardListPage, steward_list_page, STEWARD, LIST_PAGE, GtkWidget)

GtkWidget  *steward_list_page_new                   (void);
GListModel *steward_list_page_get_model             (StewardListPage *self);
void        steward_list_page_set_model             (StewardListPage *self,
                                                     GListModel      *model);
void        steward_list_page_set_error             (StewardListPage *self,
                                                     const GError    *error);
GtkWidget  *steward_list_page_get_empty_child       (StewardListPage *self);
void        steward_list_page_set_empty_child       (StewardListPage *self,
                                                     GtkWidget       *child);
GtkWidget  *steward_list_page_get_content           (StewardListPage *self);
void        steward_list_page_set_content           (StewardListPage *self,
                                                     GtkWidget       *content);
const char *steward_list_page_get_empty_icon_name   (StewardListPage *self);
void        steward_list_page_set_empty_icon_name   (StewardListPage *self,
                                                     const char      *icon_name);
const char *steward_list_page_get_empty_title       (StewardListPage *self);
void        steward_list_page_set_empty_title       (StewardListPage *self,
                                                     const char      *title);
const char *steward_list_page_get_empty_description (StewardListPage *self);
void        steward_list_page_set_empty_description (StewardListPage *self,
                                                     const char      *description);
const char *steward_list_page_get_error_title       (StewardListPage *self);
void        steward_list_page_set_error_title       (StewardListPage *self,
                                                     const char      *title);

G_END_DECLS
