/* steward-attachment-pdf-scan.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* The resolution a scanned page is drawn at for text recognition: what
 * tesseract reads best. A page larger than A3 is drawn at less, so that
 * its image stays under STEWARD_PDF_SCAN_MAX_PIXELS (64 MB). */
#define STEWARD_PDF_SCAN_DPI        300.0
#define STEWARD_PDF_SCAN_MAX_PIXELS (16.0 * 1000 * 1000)

/* The text in the image of a PDF page that has no text of its own (a
 * scan), read with steward-ocr. Blocking: for workers; @cancellable is
 * checked as the recognition goes.
 *
 * A page on which nothing is drawn is not read: @blank is set and ""
 * returned. With @recognise FALSE (no text recognition to be had) the
 * page is only drawn small, to tell a blank page from a scan, and a scan
 * gives the NOT_SUPPORTED error. Otherwise the text tesseract read ("" for
 * none), or NULL with @error from steward_ocr_read_pixbuf(), in which
 * @name names the page ("page 3 of scan.pdf"). */
char *steward_attachment_pdf_scan_read (PopplerPage   *page,
                                        const char    *name,
                                        gboolean       recognise,
                                        gboolean      *blank,
                                        GCancellable  *cancellable,
                                        GError       **error);

G_END_DECLS
