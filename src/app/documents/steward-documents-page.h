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

StewardStore *steward_documents_page_get_store (StewardDocumentsPage *self);
void          steward_documents_page_set_store (StewardDocumentsPage *self,
                                           StewardStore    *store);

G_END_DECLS
