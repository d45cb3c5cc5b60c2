/* steward-documents-page-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-documents-page.h"
#include "steward-list-page.h"
#include "steward-phase-editor.h"

G_BEGIN_DECLS

struct _StewardDocumentsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *content_stack;
  StewardPhaseEditor  *editor;
  AdwFlap             *flap;
  StewardListPage     *list_page;
  GtkListView         *phase_list;
  GtkLevelBar         *progress_bar;
  GtkLabel            *progress_label;
  GtkListView         *project_list;
  GtkMenuButton       *project_menu_button;
  GtkLabel            *project_title;
  GtkButton           *redraft_button;
  GtkBox              *redraft_box;
  GtkLabel            *redraft_label;
  GtkSpinner          *redraft_spinner;
  GtkStack            *side_stack;
  AdwToastOverlay     *toast_overlay;

  /* Owned */
  GtkCustomFilter     *project_filter;
  GArray              *pending_deletes;
  StewardProject      *project;
  GBindingGroup       *project_bindings;
  StewardRowList      *phases;
  GtkSingleSelection  *phase_selection;
  StewardStaleRedraft *redraft;
  GCancellable        *redraft_cancellable;
};

static inline StewardStore *
_steward_documents_page_get_store (void)
{
  return steward_services_get_store (STEWARD_SERVICES_DEFAULT);
}

void     _steward_documents_page_show_error        (StewardDocumentsPage *self,
                                                    const GError         *error);
void     _steward_documents_page_open_project      (StewardDocumentsPage *self,
                                                    gint64                project_id,
                                                    gboolean              start_writing);
void     _steward_documents_page_close_project     (StewardDocumentsPage *self);
gboolean _steward_documents_page_is_pending_delete (StewardDocumentsPage *self,
                                                    gint64                project_id);
void     _steward_documents_page_update_actions    (StewardDocumentsPage *self);
void     _steward_documents_page_class_init_projects (GtkWidgetClass     *widget_class);
void     _steward_documents_page_class_init_redraft  (GtkWidgetClass     *widget_class);
void     _steward_documents_page_dispose_redraft   (StewardDocumentsPage *self);

/* documents.export and documents.print: the Project Menu has their
 * items; steward-documents-page-export.c installs the two actions (call
 * it from class_init), which work on self->project. */
void     _steward_documents_page_class_init_export (GtkWidgetClass       *widget_class);

G_END_DECLS
