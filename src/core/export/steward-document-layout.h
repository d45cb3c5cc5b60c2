/* steward-document-layout.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "steward-export-source.h"

G_BEGIN_DECLS

/* An export source laid out into pages with Pango, apart from any output:
 * the PDF writer draws its pages onto a PDF surface, the app's Print…
 * onto the printer's. All lengths are in points (1/72 inch); draw on a
 * cairo context whose unit is the point (GTK_UNIT_POINTS when printing).
 *
 * Page 0 is the title page (title, author, date); each section starts on
 * a new page with its title as a level-1 heading. Not thread-safe, but
 * bound to no thread: it has a font map of its own, so it may be built
 * and paginated in a worker and then drawn in the main thread, as long as
 * one thread at a time uses it.
 *
 * Printing with GtkPrintOperation: use_full_page TRUE and the unit
 * GTK_UNIT_POINTS; a layout of the page setup's paper size in points,
 * paginated before (in a worker) or in begin-print; n-pages from
 * steward_document_layout_get_n_pages(); draw-page calls
 * steward_document_layout_draw_page() on the print context's cairo
 * context. */

#define STEWARD_TYPE_DOCUMENT_LAYOUT (steward_document_layout_get_type ())

G_DECLARE_FINAL_TYPE (StewardDocumentLayout, steward_document_layout, STEWARD, DOCUMENT_LAYOUT, GObject)

StewardDocumentLayout *steward_document_layout_new         (StewardExportSource        *source,
                                                            double                      page_width,
                                                            double                      page_height,
                                                            double                      margin);
/* Lays every section out and breaks it into pages, reporting progress
 * from 0 to 1. Call once, before the other functions; FALSE with
 * G_IO_ERROR_CANCELLED when @cancellable is cancelled. */
gboolean               steward_document_layout_paginate    (StewardDocumentLayout      *self,
                                                            StewardExportProgressFunc   progress,
                                                            gpointer                    progress_data,
                                                            GCancellable               *cancellable,
                                                            GError                    **error);
guint                  steward_document_layout_get_n_pages (StewardDocumentLayout      *self);
double                 steward_document_layout_get_page_width  (StewardDocumentLayout  *self);
double                 steward_document_layout_get_page_height (StewardDocumentLayout  *self);
/* Draws page @page (from 0) with its top left corner at the origin. Each
 * heading is marked with a CAIRO_TAG_DEST named as
 * steward_document_layout_get_heading() says, and each link with a
 * CAIRO_TAG_LINK: a PDF surface turns them into targets and clickable
 * links, other surfaces ignore them. */
void                   steward_document_layout_draw_page   (StewardDocumentLayout      *self,
                                                            cairo_t                    *cr,
                                                            guint                       page);

/* The headings in reading order, for an outline: @level from 1 (a section
 * title) to 6, @text plain, @dest the name of its CAIRO_TAG_DEST and @page
 * the page it is on. Valid after paginate. */
guint                  steward_document_layout_get_n_headings (StewardDocumentLayout   *self);
void                   steward_document_layout_get_heading    (StewardDocumentLayout   *self,
                                                               guint                    index,
                                                               guint                   *level,
                                                               const char             **text,
                                                               const char             **dest,
                                                               guint                   *page);

G_END_DECLS
