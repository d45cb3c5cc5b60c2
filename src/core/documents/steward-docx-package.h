/* steward-docx-package.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

G_BEGIN_DECLS

/* The most a Word document may unpack to, all the XML parts Steward reads
 * together: a zip bomb stops here, a long book does not. */
#define STEWARD_DOCX_MAX_UNPACKED (64 * 1024 * 1024)

/* The parts of a Word document (the zip container) that hold its text:
 * read into memory once, so a broken or hostile zip is refused before any
 * text is made. */
typedef struct _StewardDocxPackage StewardDocxPackage;

/* Reads the XML and relationship parts of the zip in @data. @name is the
 * file's name for the error: "notes.docx is not a complete Word document."
 * (G_IO_ERROR_INVALID_DATA), "… is a zip archive but not a Word document."
 * (G_IO_ERROR_NOT_SUPPORTED), "… unpacks to more than 64 MB …"
 * (G_IO_ERROR_MESSAGE_TOO_LARGE). */
StewardDocxPackage *steward_docx_package_new         (GBytes              *data,
                                                      const char          *name,
                                                      GCancellable        *cancellable,
                                                      GError             **error);
void                steward_docx_package_free        (StewardDocxPackage  *self);

/* The path of the main document part ("word/document.xml") */
const char         *steward_docx_package_get_main    (StewardDocxPackage  *self);
/* A part's bytes by its path in the zip, or NULL */
GBytes             *steward_docx_package_get_part    (StewardDocxPackage  *self,
                                                      const char          *path);
/* The path of the part the main document's relationship of type
 * @type_suffix ("/styles", "/numbering") points to, or NULL */
const char         *steward_docx_package_get_related (StewardDocxPackage  *self,
                                                      const char          *type_suffix);
/* The target of the main document's relationship @id when it is an
 * external link (a hyperlink's address), or NULL */
const char         *steward_docx_package_get_link    (StewardDocxPackage  *self,
                                                      const char          *id);

/* An XML reader on @part that loads nothing from outside (no network, no
 * external entities, no DTD) and refuses any document type declaration,
 * which Word never writes: entities, internal or external, are how XXE
 * and "billion laughs" files attack. Advance it with
 * steward_docx_xml_read(), which fails with "@name is not a complete
 * Word document." on malformed XML and a declaration alike. */
xmlTextReaderPtr    steward_docx_xml_reader_new      (GBytes              *part,
                                                      const char          *path,
                                                      const char          *name,
                                                      GError             **error);
gboolean            steward_docx_xml_read            (xmlTextReaderPtr     reader,
                                                      const char          *name,
                                                      gboolean            *done,
                                                      GError             **error);

/* Whether @node is the WordprocessingML element @local (transitional or
 * strict namespace), and its w: attribute @local, or NULL */
gboolean            steward_docx_is                  (xmlNode             *node,
                                                      const char          *local);
xmlNode            *steward_docx_child               (xmlNode             *node,
                                                      const char          *local);
const char         *steward_docx_attr                (xmlNode             *node,
                                                      const char          *local);
/* A w:val attribute as a number, @fallback when absent or not one */
int                 steward_docx_int_attr            (xmlNode             *node,
                                                      int                  fallback);
/* A w:b / w:i style switch: on unless w:val says 0, false or off */
gboolean            steward_docx_switch_on           (xmlNode             *node);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (StewardDocxPackage, steward_docx_package_free)

G_END_DECLS
