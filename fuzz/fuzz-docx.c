/* fuzz-docx.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#include "fuzz-harness.h"
#include "steward-docx-reader.h"

/* A Word document read into Markdown by steward_docx_read(). Built with
 * FUZZ_WRAP=0 the input is the file itself, a zip; with FUZZ_WRAP=1 it is
 * the text of word/document.xml, put into a zip beside fixed styles,
 * numbering and relationship parts, so the fuzzer spends its time in the
 * XML and the conversion rather than in the zip's checksums. Either way
 * the answer is Markdown of valid UTF-8, or an error naming the file. */

#define NAME "fuzz.docx"

static const char root_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
  "</Relationships>";

static const char document_rels[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
  "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
  "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering\" Target=\"numbering.xml\"/>"
  "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://example.org/\" TargetMode=\"External\"/>"
  "</Relationships>";

static const char styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Sub\"><w:name w:val=\"Sub\"/><w:basedOn w:val=\"Heading1\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Loop\"><w:name w:val=\"Loop\"/><w:basedOn w:val=\"Loop2\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"Loop2\"><w:name w:val=\"Loop2\"/><w:basedOn w:val=\"Loop\"/></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet\"><w:name w:val=\"List Bullet\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"ListBullet2\"><w:name w:val=\"List Bullet 2\"/><w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
  "<w:style w:type=\"paragraph\" w:styleId=\"SourceCode\"><w:name w:val=\"Source Code\"/></w:style>"
  "<w:style w:type=\"character\" w:styleId=\"Strong\"><w:name w:val=\"Strong\"/><w:rPr><w:b/></w:rPr></w:style>"
  "<w:style w:type=\"character\" w:styleId=\"VerbatimChar\"><w:name w:val=\"Verbatim Char\"/></w:style>"
  "</w:styles>";

static const char numbering[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
  "<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
  "<w:abstractNum w:abstractNumId=\"0\">"
  "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/></w:lvl>"
  "<w:lvl w:ilvl=\"1\"><w:start w:val=\"3\"/><w:numFmt w:val=\"decimal\"/></w:lvl>"
  "</w:abstractNum>"
  "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
  "<w:num w:numId=\"2\"><w:abstractNumId w:val=\"0\"/></w:num>"
  "</w:numbering>";

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

static void
add_entry (struct archive *archive,
           const char     *path,
           const void     *data,
           gsize           size)
{
  struct archive_entry *entry = archive_entry_new ();

  archive_entry_set_pathname (entry, path);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, size);
  archive_write_header (archive, entry);
  archive_write_data (archive, data, size);
  archive_entry_free (entry);
}

/* The zip of a document whose text part is @xml */
static GBytes *
wrap (const uint8_t *xml,
      size_t         size)
{
  gsize capacity = size + 64 * 1024;
  guint8 *buffer = g_malloc (capacity);
  size_t used = 0;
  struct archive *archive = archive_write_new ();

  archive_write_set_format_zip (archive);
  archive_write_open_memory (archive, buffer, capacity, &used);
  add_entry (archive, "_rels/.rels", root_rels, strlen (root_rels));
  add_entry (archive, "word/_rels/document.xml.rels", document_rels, strlen (document_rels));
  add_entry (archive, "word/styles.xml", styles, strlen (styles));
  add_entry (archive, "word/numbering.xml", numbering, strlen (numbering));
  add_entry (archive, "word/document.xml", xml, size);
  archive_write_close (archive);
  archive_write_free (archive);

  return g_bytes_new_take (buffer, used);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *markdown = NULL;

#if FUZZ_WRAP
  bytes = wrap (data, size);
#else
  bytes = g_bytes_new (data, size);
#endif

  markdown = steward_docx_read (bytes, NAME, NULL, NULL, NULL, &error);

  if (markdown == NULL)
    {
      if (error == NULL)
        fuzz_fail ("no Markdown and no error");
      if (strstr (error->message, NAME) == NULL)
        fuzz_failed_check ("error-message", "the error does not name the file: %s", error->message);
      fuzz_check_utf8 ("error-message", error->message);
      return 0;
    }

  if (error != NULL)
    fuzz_fail ("Markdown and an error: %s", error->message);

  fuzz_check_utf8 ("markdown", markdown);

  return 0;
}
