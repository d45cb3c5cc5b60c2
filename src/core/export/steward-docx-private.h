/* steward-docx-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlwriter.h>

#include "steward-export-source.h"

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
} StewardDocx;

/* Writes word/document.xml to @writer (the document already started).
 * FALSE with @error set when cancelled; a failure of the writer itself is
 * the caller's to find. */
gboolean _steward_docx_write_body   (StewardDocx      *docx,
                                     xmlTextWriterPtr  writer,
                                     GError          **error);
/* word/styles.xml */
void     _steward_docx_write_styles (xmlTextWriterPtr  writer);
/* Writes @text (@len bytes, valid UTF-8, -1 when NUL-terminated) inside
 * the current element, without the characters XML forbids. */
void     _steward_docx_write_text   (StewardDocx      *docx,
                                     xmlTextWriterPtr  writer,
                                     const char       *text,
                                     gssize            len);

G_END_DECLS
