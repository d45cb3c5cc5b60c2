/* steward-attachment-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-attachment.h"

G_BEGIN_DECLS

typedef struct
{
  gint64                 id;
  const char            *hash;
  const char            *name;
  const char            *content_type;
  StewardAttachmentKind  kind;
  guint64                size;
  guint                  width;
  guint                  height;
  guint                  n_pages;
  double                 duration;
  /* The text when it is at hand (just imported), else NULL: see
   * steward_attachment_dup_text() */
  const char            *text;
  GFile                 *file;
} StewardAttachmentFields;

StewardAttachment *_steward_attachment_new    (const StewardAttachmentFields *fields);
/* The same attachment, linked as row @id */
StewardAttachment *_steward_attachment_with_id (StewardAttachment             *self,
                                                gint64                         id);

/* Where the text of the PDF @copy is kept: beside it, as HASH.txt */
GFile             *_steward_attachment_dup_text_file (GFile *copy);

G_END_DECLS
