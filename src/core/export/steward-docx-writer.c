/* steward-docx-writer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>

#include "steward-docx-private.h"
#include "steward-docx-writer.h"

/* The package: a zip (libarchive) of XML parts (libarchive's xmlTextWriter),
 * each part streamed into its zip entry as it is written, the zip
 * streamed into the caller's GOutputStream. word/document.xml comes before
 * the parts that declare what it used (its links, its ordered lists); a
 * package's parts may come in any order. */

#define REL_TYPE_BASE "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
#define CONTENT_TYPE_BASE "application/vnd.openxmlformats-officedocument."

typedef struct
{
  GOutputStream   *out;
  GCancellable    *cancellable;
  struct archive  *archive;
  /* The first failure writing to @out */
  GError          *error;
} Package;

static la_ssize_t
package_write_cb (struct archive *archive,
                  void           *user_data,
                  const void     *buffer,
                  size_t          length)
{
  Package *package = user_data;
  gsize written = 0;

  if (package->error != NULL)
    return -1;

  if (!g_output_stream_write_all (package->out, buffer, length, &written,
                                  package->cancellable, &package->error))
    return -1;

  return (la_ssize_t) written;
}

static int
part_write_cb (void       *user_data,
               const char *buffer,
               int         length)
{
  Package *package = user_data;

  if (length == 0)
    return 0;

  if (archive_write_data (package->archive, buffer, length) != length)
    return -1;

  return length;
}

static int
part_close_cb (void *user_data)
{
  return 0;
}

/* Starts the zip entry @name and an XML document in it. */
static xmlTextWriterPtr
part_begin (Package    *package,
            const char *name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  struct archive_entry *entry = archive_entry_new ();
  xmlOutputBufferPtr buffer;
  xmlTextWriterPtr writer;
  int status;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_mtime (entry, g_date_time_to_unix (now), 0);
  /* No size: the entry is deflated as it comes and its length follows it */
  status = archive_write_header (package->archive, entry);
  archive_entry_free (entry);
  if (status != ARCHIVE_OK)
    return NULL;

  buffer = xmlOutputBufferCreateIO (part_write_cb, part_close_cb, package, NULL);
  if (buffer == NULL)
    return NULL;

  writer = xmlNewTextWriter (buffer);
  if (writer == NULL)
    {
      xmlOutputBufferClose (buffer);
      return NULL;
    }

  xmlTextWriterStartDocument (writer, NULL, "UTF-8", "yes");

  return writer;
}

/* Ends the document and the zip entry; FALSE when anything on the way
 * failed. */
static gboolean
part_end (Package          *package,
          xmlTextWriterPtr  writer)
{
  gboolean ok = TRUE;

  if (xmlTextWriterEndDocument (writer) < 0)
    ok = FALSE;
  if (xmlTextWriterFlush (writer) < 0)
    ok = FALSE;
  xmlFreeTextWriter (writer);

  if (archive_write_finish_entry (package->archive) != ARCHIVE_OK)
    ok = FALSE;

  return ok && package->error == NULL;
}

static void
write_relationship (xmlTextWriterPtr  writer,
                    const char       *id,
                    const char       *type,
                    const char       *target,
                    gboolean          external)
{
  xmlTextWriterStartElement (writer, BAD_CAST "Relationship");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "Id", BAD_CAST id);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "Type", BAD_CAST type);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "Target", BAD_CAST target);
  if (external)
    xmlTextWriterWriteAttribute (writer, BAD_CAST "TargetMode", BAD_CAST "External");
  xmlTextWriterEndElement (writer);
}

static void
write_override (xmlTextWriterPtr  writer,
                const char       *part,
                const char       *content_type)
{
  xmlTextWriterStartElement (writer, BAD_CAST "Override");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "PartName", BAD_CAST part);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "ContentType", BAD_CAST content_type);
  xmlTextWriterEndElement (writer);
}

static void
write_content_types (xmlTextWriterPtr writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "Types");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns",
                               BAD_CAST "http://schemas.openxmlformats.org/package/2006/content-types");

  xmlTextWriterStartElement (writer, BAD_CAST "Default");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "Extension", BAD_CAST "rels");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "ContentType",
                               BAD_CAST "application/vnd.openxmlformats-package.relationships+xml");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "Default");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "Extension", BAD_CAST "xml");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "ContentType", BAD_CAST "application/xml");
  xmlTextWriterEndElement (writer);

  write_override (writer, "/word/document.xml",
                  CONTENT_TYPE_BASE "wordprocessingml.document.main+xml");
  write_override (writer, "/word/styles.xml",
                  CONTENT_TYPE_BASE "wordprocessingml.styles+xml");
  write_override (writer, "/word/numbering.xml",
                  CONTENT_TYPE_BASE "wordprocessingml.numbering+xml");
  write_override (writer, "/word/settings.xml",
                  CONTENT_TYPE_BASE "wordprocessingml.settings+xml");
  write_override (writer, "/docProps/core.xml",
                  "application/vnd.openxmlformats-package.core-properties+xml");
  write_override (writer, "/docProps/app.xml",
                  CONTENT_TYPE_BASE "extended-properties+xml");

  xmlTextWriterEndElement (writer);
}

static void
write_package_rels (xmlTextWriterPtr writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "Relationships");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns",
                               BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  write_relationship (writer, "rId1", REL_TYPE_BASE "officeDocument", "word/document.xml", FALSE);
  write_relationship (writer, "rId2",
                      "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
                      "docProps/core.xml", FALSE);
  write_relationship (writer, "rId3", REL_TYPE_BASE "extended-properties", "docProps/app.xml", FALSE);
  xmlTextWriterEndElement (writer);
}

static void
write_document_rels (StewardDocx      *docx,
                     xmlTextWriterPtr  writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "Relationships");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns",
                               BAD_CAST "http://schemas.openxmlformats.org/package/2006/relationships");
  write_relationship (writer, "rIdStyles", REL_TYPE_BASE "styles", "styles.xml", FALSE);
  write_relationship (writer, "rIdNumbering", REL_TYPE_BASE "numbering", "numbering.xml", FALSE);
  write_relationship (writer, "rIdSettings", REL_TYPE_BASE "settings", "settings.xml", FALSE);

  for (guint i = 0; i < docx->links->len; i++)
    {
      g_autofree char *id = g_strdup_printf ("rIdLink%u", i + 1);

      write_relationship (writer, id, REL_TYPE_BASE "hyperlink",
                          g_ptr_array_index (docx->links, i), TRUE);
    }

  xmlTextWriterEndElement (writer);
}

static void
write_date_property (xmlTextWriterPtr  writer,
                     const char       *name,
                     GDateTime        *date)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (date);
  g_autofree char *text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  xmlTextWriterStartElement (writer, BAD_CAST name);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xsi:type", BAD_CAST "dcterms:W3CDTF");
  xmlTextWriterWriteString (writer, BAD_CAST text);
  xmlTextWriterEndElement (writer);
}

static void
write_core_properties (StewardDocx      *docx,
                       xmlTextWriterPtr  writer)
{
  StewardExportSource *source = docx->source;
  const char *author = steward_export_source_get_author (source);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GDateTime *created = steward_export_source_get_created (source);
  GDateTime *modified = steward_export_source_get_modified (source);

  if (created == NULL)
    created = modified != NULL ? modified : now;
  if (modified == NULL)
    modified = created;

  xmlTextWriterStartElement (writer, BAD_CAST "cp:coreProperties");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:cp",
                               BAD_CAST "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:dc", BAD_CAST "http://purl.org/dc/elements/1.1/");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:dcterms", BAD_CAST "http://purl.org/dc/terms/");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:dcmitype", BAD_CAST "http://purl.org/dc/dcmitype/");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:xsi", BAD_CAST "http://www.w3.org/2001/XMLSchema-instance");

  xmlTextWriterStartElement (writer, BAD_CAST "dc:title");
  _steward_docx_write_text (docx, writer, steward_export_source_get_title (source), -1);
  xmlTextWriterEndElement (writer);
  if (author != NULL)
    {
      xmlTextWriterStartElement (writer, BAD_CAST "dc:creator");
      _steward_docx_write_text (docx, writer, author, -1);
      xmlTextWriterEndElement (writer);
    }
  write_date_property (writer, "dcterms:created", created);
  write_date_property (writer, "dcterms:modified", modified);

  xmlTextWriterEndElement (writer);
}

static void
write_app_properties (xmlTextWriterPtr writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "Properties");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns",
                               BAD_CAST "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
  xmlTextWriterWriteElement (writer, BAD_CAST "Application", BAD_CAST "Steward");
  xmlTextWriterEndElement (writer);
}

static void
write_settings (xmlTextWriterPtr writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:settings");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:w", BAD_CAST DOCX_NS_W);
  xmlTextWriterStartElement (writer, BAD_CAST "w:defaultTabStop");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST "720");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:characterSpacingControl");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST "doNotCompress");
  xmlTextWriterEndElement (writer);
  /* Word 2013 and later's layout, rather than compatibility mode */
  xmlTextWriterStartElement (writer, BAD_CAST "w:compat");
  xmlTextWriterStartElement (writer, BAD_CAST "w:compatSetting");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:name", BAD_CAST "compatibilityMode");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:uri", BAD_CAST "http://schemas.microsoft.com/office/word");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST "15");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

static void
write_val_element (xmlTextWriterPtr  writer,
                   const char       *name,
                   const char       *value)
{
  xmlTextWriterStartElement (writer, BAD_CAST name);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST value);
  xmlTextWriterEndElement (writer);
}

static void
write_abstract_numbering (xmlTextWriterPtr writer,
                          guint            id,
                          gboolean         bullet)
{
  static const char *bullets[] = { "\u2022", "\u25e6", "\u25aa" };

  xmlTextWriterStartElement (writer, BAD_CAST "w:abstractNum");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:abstractNumId", "%u", id);
  write_val_element (writer, "w:multiLevelType", "hybridMultilevel");

  for (guint level = 0; level < DOCX_MAX_LEVELS; level++)
    {
      g_autofree char *text = bullet ? g_strdup (bullets[level % G_N_ELEMENTS (bullets)])
                                     : g_strdup_printf ("%%%u.", level + 1);

      xmlTextWriterStartElement (writer, BAD_CAST "w:lvl");
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:ilvl", "%u", level);
      write_val_element (writer, "w:start", "1");
      write_val_element (writer, "w:numFmt", bullet ? "bullet" : "decimal");
      write_val_element (writer, "w:lvlText", text);
      write_val_element (writer, "w:lvlJc", "left");
      xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
      xmlTextWriterStartElement (writer, BAD_CAST "w:ind");
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:left", "%u",
                                         DOCX_INDENT_STEP * (level + 1));
      xmlTextWriterWriteAttribute (writer, BAD_CAST "w:hanging", BAD_CAST "360");
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }

  xmlTextWriterEndElement (writer);
}

static void
write_num (xmlTextWriterPtr writer,
           guint            num_id,
           guint            abstract_id)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:num");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:numId", "%u", num_id);
  xmlTextWriterStartElement (writer, BAD_CAST "w:abstractNumId");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:val", "%u", abstract_id);
  xmlTextWriterEndElement (writer);
}

/* Every ordered list restarts at its own first number: an instance of its
 * own, its level's start overridden. */
static void
write_numbering (StewardDocx      *docx,
                 xmlTextWriterPtr  writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:numbering");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:w", BAD_CAST DOCX_NS_W);

  write_abstract_numbering (writer, DOCX_BULLET_ABSTRACT_ID, TRUE);
  write_abstract_numbering (writer, DOCX_DECIMAL_ABSTRACT_ID, FALSE);

  write_num (writer, DOCX_BULLET_NUM_ID, DOCX_BULLET_ABSTRACT_ID);
  xmlTextWriterEndElement (writer);

  for (guint i = 0; i < docx->ordered_lists->len; i++)
    {
      const StewardDocxOrderedList *list = &g_array_index (docx->ordered_lists, StewardDocxOrderedList, i);

      write_num (writer, list->num_id, DOCX_DECIMAL_ABSTRACT_ID);
      xmlTextWriterStartElement (writer, BAD_CAST "w:lvlOverride");
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:ilvl", "%u", list->level);
      xmlTextWriterStartElement (writer, BAD_CAST "w:startOverride");
      xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:val", "%u", list->start);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }

  xmlTextWriterEndElement (writer);
}

typedef void (*PartFunc) (StewardDocx *docx, xmlTextWriterPtr writer);

static void content_types_part (StewardDocx *docx, xmlTextWriterPtr w) { write_content_types (w); }
static void package_rels_part (StewardDocx *docx, xmlTextWriterPtr w) { write_package_rels (w); }
static void app_part (StewardDocx *docx, xmlTextWriterPtr w) { write_app_properties (w); }
static void settings_part (StewardDocx *docx, xmlTextWriterPtr w) { write_settings (w); }
static void styles_part (StewardDocx *docx, xmlTextWriterPtr w) { _steward_docx_write_styles (w); }

static gboolean
write_part (StewardDocx *docx,
            Package     *package,
            const char  *name,
            PartFunc     func)
{
  xmlTextWriterPtr writer = part_begin (package, name);

  if (writer == NULL)
    return FALSE;

  func (docx, writer);

  return part_end (package, writer);
}

static void
set_write_error (Package     *package,
                 GError     **error)
{
  if (package->error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&package->error));
      return;
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
               /* Translators: %s says why, in libarchive's words */
               _("Could not write the Word document: %s"),
               archive_error_string (package->archive) != NULL
               ? archive_error_string (package->archive)
               : g_strerror (ENOMEM));
}

static gboolean
write_document_part (StewardDocx  *docx,
                     Package      *package,
                     GError      **error)
{
  xmlTextWriterPtr writer = part_begin (package, "word/document.xml");

  if (writer == NULL)
    {
      set_write_error (package, error);
      return FALSE;
    }

  if (!_steward_docx_write_body (docx, writer, error))
    {
      xmlFreeTextWriter (writer);
      return FALSE;
    }

  if (!part_end (package, writer))
    {
      set_write_error (package, error);
      return FALSE;
    }

  return TRUE;
}

gboolean
steward_docx_write (StewardExportSource       *source,
                    GOutputStream             *out,
                    StewardExportProgressFunc  progress,
                    gpointer                   progress_data,
                    GCancellable              *cancellable,
                    GError                   **error)
{
  StewardDocx docx = {
    .source = source,
    .cancellable = cancellable,
    .progress = progress,
    .progress_data = progress_data,
  };
  Package package = {
    .out = out,
    .cancellable = cancellable,
  };
  static const struct {
    const char *name;
    PartFunc    func;
  } head_parts[] = {
    { "[Content_Types].xml", content_types_part },
    { "_rels/.rels", package_rels_part },
    { "docProps/core.xml", write_core_properties },
    { "docProps/app.xml", app_part },
    { "word/styles.xml", styles_part },
    { "word/settings.xml", settings_part },
  }, tail_parts[] = {
    { "word/numbering.xml", write_numbering },
    { "word/_rels/document.xml.rels", write_document_rels },
  };
  gboolean ok = TRUE;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  /* Once a process, under libxml2's own lock: a worker may be the first
   * to use it */
  xmlInitParser ();

  docx.links = g_ptr_array_new_with_free_func (g_free);
  docx.link_index = g_hash_table_new (g_str_hash, g_str_equal);
  docx.ordered_lists = g_array_new (FALSE, FALSE, sizeof (StewardDocxOrderedList));
  docx.scratch = g_string_new (NULL);

  package.archive = archive_write_new ();
  archive_write_set_format_zip (package.archive);
  archive_write_zip_set_compression_deflate (package.archive);
  /* The zip's own sizes, not Zip64's, which older readers refuse: a
   * document is far from 4 GB */
  archive_write_set_options (package.archive, "zip:!zip64");
  /* No padding after the zip's end */
  archive_write_set_bytes_in_last_block (package.archive, 1);

  if (archive_write_open2 (package.archive, &package, NULL, package_write_cb, NULL, NULL) != ARCHIVE_OK)
    {
      set_write_error (&package, error);
      ok = FALSE;
      goto out;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (head_parts); i++)
    ok = write_part (&docx, &package, head_parts[i].name, head_parts[i].func);
  if (!ok)
    {
      set_write_error (&package, error);
      goto out;
    }

  if (!write_document_part (&docx, &package, error))
    {
      ok = FALSE;
      goto out;
    }

  for (guint i = 0; ok && i < G_N_ELEMENTS (tail_parts); i++)
    ok = write_part (&docx, &package, tail_parts[i].name, tail_parts[i].func);
  if (ok && archive_write_close (package.archive) != ARCHIVE_OK)
    ok = FALSE;
  if (!ok)
    set_write_error (&package, error);

out:
  archive_write_free (package.archive);
  g_clear_error (&package.error);
  g_ptr_array_unref (docx.links);
  g_hash_table_unref (docx.link_index);
  g_array_unref (docx.ordered_lists);
  g_string_free (docx.scratch, TRUE);

  if (ok && progress != NULL)
    progress (1.0, progress_data);

  return ok;
}
