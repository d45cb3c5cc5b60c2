/* steward-docx-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlwriter.h>

#include "steward-export-source.h"
#include "steward-markdown-tree.h"

G_BEGIN_DECLS

/* What the parts of a DOCX share while it is written: the body
 * (steward-docx-body.c) records the hyperlinks and the ordered lists it
 * met, which word/_rels/document.xml.rels and word/numbering.xml
 * (steward-docx-writer.c) then declare. */

#define DOCX_NS_W   "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
#define DOCX_NS_R   "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

/* numbering.xml: the bullet list's one instance, and the abstract
 * numberings every instance refers to */
#define DOCX_BULLET_NUM_ID       1
#define DOCX_BULLET_ABSTRACT_ID  0
#define DOCX_DECIMAL_ABSTRACT_ID 1
/* Word's list levels */
#define DOCX_MAX_LEVELS          9
/* An indent step, in twentieths of a point (half an inch) */
#define DOCX_INDENT_STEP         720

typedef struct
{
  /* The w:num an ordered list has, from 2 on */
  guint num_id;
  /* Its level (0-8) and the number it starts at */
  guint level;
  guint start;
} StewardDocxOrderedList;

typedef struct
{
  /* Borrowed */
  StewardExportSource       *source;
  GCancellable              *cancellable;
  StewardExportProgressFunc  progress;
  gpointer                   progress_data;

  /* Owned */
  /* Each distinct link target, in the order met; its relationship id is
   * "rIdLink" + index + 1 */
  GPtrArray                 *links;
  /* target → index + 1 */
  GHashTable                *link_index;
  /* StewardDocxOrderedList, in the order met */
  GArray                    *ordered_lists;
  /* Scratch space for text on its way into the writer */
  GString                   *scratch;
  /* The writer of word/document.xml while it is written */
  xmlTextWriterPtr           writer;
} StewardDocx;

typedef enum {
  STEWARD_DOCX_RUN_BOLD      = 1 << 0,
  STEWARD_DOCX_RUN_ITALIC    = 1 << 1,
  STEWARD_DOCX_RUN_STRIKE    = 1 << 2,
  STEWARD_DOCX_RUN_UNDERLINE = 1 << 3,
  STEWARD_DOCX_RUN_CODE      = 1 << 4,
  STEWARD_DOCX_RUN_LINK      = 1 << 5,
} StewardDocxRunFlags;

/* steward-docx-body.c: word/document.xml to @writer (the document
 * already started).
 * FALSE with @error set when cancelled; a failure of the writer itself is
 * the caller's to find. */
gboolean _steward_docx_write_body   (StewardDocx      *docx,
                                     xmlTextWriterPtr  writer,
                                     GError          **error);
/* steward-docx-styles.c: word/styles.xml */
void     _steward_docx_write_styles (xmlTextWriterPtr  writer);
/* Writes @text (@len bytes, -1 when NUL-terminated; invalid UTF-8
 * replaced) inside the current element of @writer, without the
 * characters XML forbids. */
void     _steward_docx_write_text     (StewardDocx                 *docx,
                                       xmlTextWriterPtr             writer,
                                       const char                  *text,
                                       gssize                       len);

/* steward-docx-runs.c: into docx->writer, inside an open w:p */
/* Text inside an open w:r: tabs become w:tab, line ends w:br */
void     _steward_docx_write_run_text (StewardDocx                 *docx,
                                       const char                  *text,
                                       gsize                        len);
/* A w:r with @flags; nothing when @text is empty */
void     _steward_docx_write_run      (StewardDocx                 *docx,
                                       const char                  *text,
                                       gssize                       len,
                                       StewardDocxRunFlags          flags);
/* The runs from @first on and everything inside them, each with @base
 * besides its own flags */
void     _steward_docx_write_inlines  (StewardDocx                 *docx,
                                       const StewardMarkdownInline *first,
                                       StewardDocxRunFlags          base);

G_END_DECLS
