/* steward-docx-styles.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <libxml/tree.h>

G_BEGIN_DECLS

/* Word's list levels, 0–8 */
#define STEWARD_DOCX_MAX_LEVELS 9

/* A Word document's styles (styles.xml) and list numbering
 * (numbering.xml), as the reader of its text asks about them. */
typedef struct _StewardDocxStyles StewardDocxStyles;

StewardDocxStyles *steward_docx_styles_new            (void);
void               steward_docx_styles_free           (StewardDocxStyles  *self);

/* Reads the w:styles and w:numbering root elements */
void               steward_docx_styles_read_styles    (StewardDocxStyles  *self,
                                                       xmlNode            *root);
void               steward_docx_styles_read_numbering (StewardDocxStyles  *self,
                                                       xmlNode            *root);

/* The heading level (1–6) of a paragraph style: Title and "heading N"
 * by name, others by outline level; 0 for none */
int                steward_docx_styles_heading_level  (StewardDocxStyles  *self,
                                                       const char         *style_id);
/* The numbering a paragraph style puts its paragraphs in: sets @num_id
 * (borrowed) when it has one, and @ilvl when it is still -1 */
void               steward_docx_styles_numbering      (StewardDocxStyles  *self,
                                                       const char         *style_id,
                                                       const char        **num_id,
                                                       int                *ilvl);
/* Whether a paragraph or character style is for code (by name or font) */
gboolean           steward_docx_styles_is_code        (StewardDocxStyles  *self,
                                                       const char         *style_id);
/* A run's bold and italic from its w:rPr (NULL: none) and its
 * character style */
void               steward_docx_styles_run_format     (StewardDocxStyles  *self,
                                                       xmlNode            *rpr,
                                                       gboolean           *bold,
                                                       gboolean           *italic);
/* Whether a run's own font (w:rFonts w:ascii) is a monospaced one;
 * FALSE when it names none */
gboolean           steward_docx_styles_is_code_font   (const char         *font);
/* Whether level @ilvl of the list @num_id is numbered, and from what */
void               steward_docx_styles_list_level     (StewardDocxStyles  *self,
                                                       const char         *num_id,
                                                       int                 ilvl,
                                                       gboolean           *ordered,
                                                       int                *start);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDocxStyles, steward_docx_styles_free)

G_END_DECLS
