/* fuzz-docx-export.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-fuzz"

#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <libxml/parser.h>

#include "fuzz-harness.h"
#include "steward-docx-writer.h"
#include "steward-markdown.h"
#include "steward-markdown-document-writer.h"

/* A section body (any bytes) exported: the Word document must be a zip
 * libarchive reads back, every part of it XML that libxml2 parses; the
 * one-file Markdown export must write, and moving the body's headings one
 * level down must keep as many headings as there were. */

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_log_guard_install ();
  return 0;
}

static guint
count_headings (const char *markdown)
{
  g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (markdown, -1);
  const StewardMarkdownNode *node = steward_markdown_tree_get_blocks (tree);
  guint count = 0;

  while (node != NULL)
    {
      if (node->kind == STEWARD_MARKDOWN_NODE_HEADING)
        count++;

      if (node->children != NULL)
        {
          node = node->children;
          continue;
        }
      while (node != NULL && node->next == NULL)
        node = node->parent;
      if (node != NULL)
        node = node->next;
    }

  return count;
}

static void
check_docx (const void *data,
            gsize       size)
{
  struct archive *archive = archive_read_new ();
  struct archive_entry *entry;
  guint n_parts = 0;
  int status;

  archive_read_support_format_zip (archive);
  if (archive_read_open_memory (archive, data, size) != ARCHIVE_OK)
    fuzz_fail ("the document is not a zip: %s", archive_error_string (archive));

  while ((status = archive_read_next_header (archive, &entry)) == ARCHIVE_OK)
    {
      g_autoptr(GByteArray) part = g_byte_array_new ();
      char buffer[16384];
      la_ssize_t n;
      xmlDocPtr doc;

      while ((n = archive_read_data (archive, buffer, sizeof buffer)) > 0)
        g_byte_array_append (part, (const guint8 *) buffer, n);
      if (n < 0)
        fuzz_fail ("%s does not unzip: %s", archive_entry_pathname (entry), archive_error_string (archive));

      doc = xmlReadMemory ((const char *) part->data, part->len, archive_entry_pathname (entry), NULL,
                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_HUGE);
      if (doc == NULL)
        fuzz_fail ("%s is not XML", archive_entry_pathname (entry));
      xmlFreeDoc (doc);
      n_parts++;
    }

  if (status != ARCHIVE_EOF)
    fuzz_fail ("the zip breaks off: %s", archive_error_string (archive));
  if (n_parts != 9)
    fuzz_fail ("the document has %u parts, not 9", n_parts);

  archive_read_free (archive);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(StewardExportSource) source = steward_export_source_new ("Fuzz");
  g_autoptr(GOutputStream) docx = g_memory_output_stream_new_resizable ();
  g_autoptr(GOutputStream) markdown = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_utf8_make_valid ((const char *) data, size);
  g_autofree char *shifted = NULL;

  /* Sections are NUL-terminated: a NUL ends the body here */
  steward_export_source_add_section (source, "Section", text);

  if (!steward_docx_write (source, docx, NULL, NULL, NULL, &error))
    fuzz_fail ("the Word writer failed: %s", error->message);
  check_docx (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (docx)),
              g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (docx)));

  if (!steward_markdown_document_write (source, markdown, NULL, NULL, NULL, &error))
    fuzz_fail ("the Markdown writer failed: %s", error->message);

  shifted = steward_markdown_shift_headings (text, -1);
  fuzz_check_utf8 ("utf8", shifted);
  if (count_headings (shifted) != count_headings (text))
    fuzz_failed_check ("heading-count", "%u headings became %u",
                       count_headings (text), count_headings (shifted));

  return 0;
}
