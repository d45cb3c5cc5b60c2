/* steward-docx-styles.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx"

#include "config.h"

#include "steward-docx-private.h"

/* word/styles.xml: the styles the body names. Built-in styles carry
 * Word's own names ("heading 1", "Title"), so Word shows them as its own,
 * translated, and the headings carry outline levels, so the navigation
 * pane and a table of contents find them. Elements inside w:pPr and w:rPr
 * keep the schema's order: Word refuses a document that does not. */

#define BODY_FONT "Calibri"
#define MONO_FONT "Courier New"
#define HEADING_COLOR "2F5496"
#define CODE_SHADING "F2F2F2"

static void
val (xmlTextWriterPtr  writer,
     const char       *name,
     const char       *value)
{
  xmlTextWriterStartElement (writer, BAD_CAST name);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST value);
  xmlTextWriterEndElement (writer);
}

static void
empty (xmlTextWriterPtr  writer,
       const char       *name)
{
  xmlTextWriterStartElement (writer, BAD_CAST name);
  xmlTextWriterEndElement (writer);
}

static void
fonts (xmlTextWriterPtr  writer,
       const char       *font)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:rFonts");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:ascii", BAD_CAST font);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:hAnsi", BAD_CAST font);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:cs", BAD_CAST font);
  xmlTextWriterEndElement (writer);
}

static void
size (xmlTextWriterPtr writer,
      guint            half_points)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:sz");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:val", "%u", half_points);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:szCs");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:val", "%u", half_points);
  xmlTextWriterEndElement (writer);
}

static void
spacing (xmlTextWriterPtr writer,
         guint            before,
         guint            after)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:spacing");
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:before", "%u", before);
  xmlTextWriterWriteFormatAttribute (writer, BAD_CAST "w:after", "%u", after);
  xmlTextWriterEndElement (writer);
}

static void
shading (xmlTextWriterPtr  writer,
         const char       *fill)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:shd");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST "clear");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:color", BAD_CAST "auto");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:fill", BAD_CAST fill);
  xmlTextWriterEndElement (writer);
}

static void
border (xmlTextWriterPtr  writer,
        const char       *side)
{
  xmlTextWriterStartElement (writer, BAD_CAST side);
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:val", BAD_CAST "single");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:sz", BAD_CAST "4");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:space", BAD_CAST "0");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:color", BAD_CAST "auto");
  xmlTextWriterEndElement (writer);
}

/* Opens a w:style; the caller writes its properties and closes it. */
static void
style_begin (xmlTextWriterPtr  writer,
             const char       *type,
             const char       *id,
             const char       *name,
             const char       *based_on,
             const char       *next,
             gboolean          is_default)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:style");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:type", BAD_CAST type);
  if (is_default)
    xmlTextWriterWriteAttribute (writer, BAD_CAST "w:default", BAD_CAST "1");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:styleId", BAD_CAST id);
  val (writer, "w:name", name);
  if (based_on != NULL)
    val (writer, "w:basedOn", based_on);
  if (next != NULL)
    val (writer, "w:next", next);
  empty (writer, "w:qFormat");
}

static void
write_defaults (xmlTextWriterPtr writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:docDefaults");
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPrDefault");
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  fonts (writer, BODY_FONT);
  size (writer, 22);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPrDefault");
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
  xmlTextWriterStartElement (writer, BAD_CAST "w:spacing");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:after", BAD_CAST "160");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:line", BAD_CAST "259");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:lineRule", BAD_CAST "auto");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

static void
write_headings (xmlTextWriterPtr writer)
{
  static const guint sizes[] = { 32, 28, 26, 24, 22, 22 };

  for (guint level = 1; level <= 6; level++)
    {
      g_autofree char *id = g_strdup_printf ("Heading%u", level);
      g_autofree char *name = g_strdup_printf ("heading %u", level);
      g_autofree char *outline = g_strdup_printf ("%u", level - 1);

      style_begin (writer, "paragraph", id, name, "Normal", "Normal", FALSE);
      xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
      empty (writer, "w:keepNext");
      empty (writer, "w:keepLines");
      spacing (writer, level == 1 ? 360 : 240, 80);
      val (writer, "w:outlineLvl", outline);
      xmlTextWriterEndElement (writer);
      xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
      empty (writer, "w:b");
      empty (writer, "w:bCs");
      if (level >= 5)
        empty (writer, "w:i");
      val (writer, "w:color", HEADING_COLOR);
      size (writer, sizes[level - 1]);
      xmlTextWriterEndElement (writer);
      xmlTextWriterEndElement (writer);
    }
}

static void
write_table_style (xmlTextWriterPtr writer)
{
  style_begin (writer, "table", "TableGrid", "Table Grid", NULL, NULL, FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
  spacing (writer, 0, 0);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:tblPr");
  xmlTextWriterStartElement (writer, BAD_CAST "w:tblBorders");
  border (writer, "w:top");
  border (writer, "w:left");
  border (writer, "w:bottom");
  border (writer, "w:right");
  border (writer, "w:insideH");
  border (writer, "w:insideV");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:tblCellMar");
  xmlTextWriterStartElement (writer, BAD_CAST "w:left");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:w", BAD_CAST "108");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:type", BAD_CAST "dxa");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:right");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:w", BAD_CAST "108");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:type", BAD_CAST "dxa");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
}

void
_steward_docx_write_styles (xmlTextWriterPtr writer)
{
  xmlTextWriterStartElement (writer, BAD_CAST "w:styles");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns:w", BAD_CAST DOCX_NS_W);

  write_defaults (writer);

  style_begin (writer, "paragraph", "Normal", "Normal", NULL, NULL, TRUE);
  xmlTextWriterEndElement (writer);

  style_begin (writer, "character", "DefaultParagraphFont", "Default Paragraph Font", NULL, NULL, TRUE);
  xmlTextWriterEndElement (writer);

  style_begin (writer, "paragraph", "Title", "Title", "Normal", "Normal", FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
  spacing (writer, 0, 120);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  size (writer, 56);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  style_begin (writer, "paragraph", "Subtitle", "Subtitle", "Normal", "Normal", FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  val (writer, "w:color", "5A5A5A");
  size (writer, 26);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  write_headings (writer);

  style_begin (writer, "paragraph", "ListParagraph", "List Paragraph", "Normal", NULL, FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
  xmlTextWriterStartElement (writer, BAD_CAST "w:ind");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:left", BAD_CAST "720");
  xmlTextWriterEndElement (writer);
  empty (writer, "w:contextualSpacing");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  /* Code blocks: one paragraph a line, no space between them
   * (contextual spacing), the usual space after the block */
  style_begin (writer, "paragraph", "SourceCode", "Source Code", "Normal", NULL, FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
  shading (writer, CODE_SHADING);
  xmlTextWriterStartElement (writer, BAD_CAST "w:spacing");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:after", BAD_CAST "160");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:line", BAD_CAST "240");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:lineRule", BAD_CAST "auto");
  xmlTextWriterEndElement (writer);
  empty (writer, "w:contextualSpacing");
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  fonts (writer, MONO_FONT);
  size (writer, 20);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  style_begin (writer, "character", "VerbatimChar", "Verbatim Char", "DefaultParagraphFont", NULL, FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  fonts (writer, MONO_FONT);
  size (writer, 20);
  shading (writer, CODE_SHADING);
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  style_begin (writer, "paragraph", "Quote", "Quote", "Normal", "Normal", FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:pPr");
  xmlTextWriterStartElement (writer, BAD_CAST "w:ind");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:left", BAD_CAST "720");
  xmlTextWriterWriteAttribute (writer, BAD_CAST "w:right", BAD_CAST "720");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  empty (writer, "w:i");
  empty (writer, "w:iCs");
  val (writer, "w:color", "404040");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  style_begin (writer, "character", "Hyperlink", "Hyperlink", "DefaultParagraphFont", NULL, FALSE);
  xmlTextWriterStartElement (writer, BAD_CAST "w:rPr");
  val (writer, "w:color", "0563C1");
  val (writer, "w:u", "single");
  xmlTextWriterEndElement (writer);
  xmlTextWriterEndElement (writer);

  write_table_style (writer);

  xmlTextWriterEndElement (writer);
}
