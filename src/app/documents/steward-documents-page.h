/* steward-documents-page.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_DOCUMENTS_PAGE (steward_documents_page_get_type ())

G_DECLARE_FINAL_TYPE (StewardDocumentsPage, steward_documents_page, STEWARD, DOCUMENTS_PAGE, GtkWidget)

StewardProject *steward_documents_page_get_project        (StewardDocumentsPage *self);
StewardPhase   *steward_documents_page_get_phase          (StewardDocumentsPage *self);
void            steward_documents_page_set_versions_pane  (StewardDocumentsPage *self,
                                                           GtkWidget            *pane);
void            steward_documents_page_save               (StewardDocumentsPage *self);
void            steward_documents_page_show_phase         (StewardDocumentsPage *self,
                                                           gint64                project_id,
                                                           gint64                phase_id);

G_END_DECLS
