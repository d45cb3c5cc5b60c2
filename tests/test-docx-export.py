#!/usr/bin/python3
# test-docx-export.py
#
# Copyright 2026 The Steward authors
#
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Reads what test-docx-export.c wrote with real readers: Debian's
# python3-docx, LibreOffice and pdftotext. Modes:
#   content FILE      styles, numbering, table, link, properties, Unicode
#   empty FILE        a document with no sections, author or dates
#   deep FILE         a document nested thousands deep opens and reads
#   libreoffice FILE  LibreOffice converts it, pdftotext finds the headings
# Exit status 77: a reader is missing (the test is skipped).

import datetime
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

try:
    import docx
    from docx.oxml.ns import qn
except ImportError:
    print("python3-docx is not installed", file=sys.stderr)
    sys.exit(77)


def paragraph(document, text):
    for p in document.paragraphs:
        if p.text == text:
            return p
    raise AssertionError("no paragraph %r in %r" % (text, [p.text[:80] for p in document.paragraphs][:50]))


def full_text(p):
    """A paragraph's text with its links' (python-docx 0.8 leaves them out)"""
    parts = []
    for element in p._p.iter(qn("w:t"), qn("w:br"), qn("w:tab")):
        parts.append({qn("w:br"): "\n", qn("w:tab"): "\t"}.get(element.tag, element.text or ""))
    return "".join(parts)


def style_of(document, text):
    return paragraph(document, text).style.name


class Numbering:
    def __init__(self, document):
        root = document.part.numbering_part.element
        self.abstracts = {}
        for abstract in root.findall(qn("w:abstractNum")):
            levels = {}
            for lvl in abstract.findall(qn("w:lvl")):
                levels[int(lvl.get(qn("w:ilvl")))] = lvl.find(qn("w:numFmt")).get(qn("w:val"))
            self.abstracts[abstract.get(qn("w:abstractNumId"))] = levels
        assert all(len(levels) == 9 for levels in self.abstracts.values()), self.abstracts
        self.nums = {}
        for num in root.findall(qn("w:num")):
            overrides = {}
            for override in num.findall(qn("w:lvlOverride")):
                start = override.find(qn("w:startOverride"))
                overrides[int(override.get(qn("w:ilvl")))] = int(start.get(qn("w:val")))
            self.nums[num.get(qn("w:numId"))] = (num.find(qn("w:abstractNumId")).get(qn("w:val")), overrides)

    def of(self, p):
        """(numId, level, format, start override or None) of a list paragraph"""
        num_pr = p._p.pPr.find(qn("w:numPr")) if p._p.pPr is not None else None
        assert num_pr is not None, "%r has no numbering" % p.text
        num_id = num_pr.find(qn("w:numId")).get(qn("w:val"))
        level = int(num_pr.find(qn("w:ilvl")).get(qn("w:val")))
        abstract, overrides = self.nums[num_id]
        return num_id, level, self.abstracts[abstract][level], overrides.get(level)


def check_content(path):
    with zipfile.ZipFile(path) as z:
        assert z.testzip() is None
        names = set(z.namelist())
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
                     "word/numbering.xml", "word/settings.xml", "word/_rels/document.xml.rels",
                     "docProps/core.xml", "docProps/app.xml"]:
            assert part in names, (part, names)

    document = docx.Document(path)
    paragraphs = document.paragraphs

    assert paragraphs[0].style.name == "Title", paragraphs[0].style.name
    assert paragraphs[0].text == "Plan – Été 東京 مرحبا", paragraphs[0].text
    assert paragraphs[1].text == "Zoë Ångström" and paragraphs[1].style.name == "Subtitle"

    assert style_of(document, "Introduction") == "Heading 1"
    assert style_of(document, "Background") == "Heading 2"
    assert style_of(document, "Details") == "Heading 3"
    assert style_of(document, "Conclusion") == "Heading 1"
    assert style_of(document, "Deep heading") == "Heading 4"
    # The headings' outline levels, which the navigation pane reads
    heading2 = document.styles["Heading 2"].element
    assert heading2.find(qn("w:pPr")).find(qn("w:outlineLvl")).get(qn("w:val")) == "1"

    # Inline formatting
    first = paragraphs[[p.text for p in paragraphs].index("Introduction") + 1]
    runs = {r.text: r for r in first.runs}
    assert runs["bold"].bold and runs["italic"].italic and runs["strike"].font.strike, runs.keys()
    assert runs["code"].style.name == "Verbatim Char"
    assert full_text(first) == ("Plain paragraph with bold, italic, strike, code and a link. "
                                "Line one\nline two"), repr(full_text(first))

    # The link: a w:hyperlink to an external relationship
    links = first._p.findall(qn("w:hyperlink"))
    assert len(links) == 1
    rel = document.part.rels[links[0].get(qn("r:id"))]
    assert rel.is_external and rel.target_ref == "https://example.org/a?b=1&c=2", rel.target_ref

    # Lists
    numbering = Numbering(document)
    first_bullet = numbering.of(paragraph(document, "first bullet"))
    assert first_bullet[1:] == (0, "bullet", None), first_bullet
    assert numbering.of(paragraph(document, "second bullet"))[0] == first_bullet[0]
    assert numbering.of(paragraph(document, "nested bullet"))[1:3] == (1, "bullet")
    assert numbering.of(paragraph(document, "deep one"))[1:] == (2, "decimal", 1)
    three = numbering.of(paragraph(document, "three"))
    assert three[1:] == (0, "decimal", 3), three
    assert numbering.of(paragraph(document, "four"))[0] == three[0]
    one_again = numbering.of(paragraph(document, "one again"))
    assert one_again[1:] == (0, "decimal", 1) and one_again[0] != three[0], one_again
    for text in ["first bullet", "three", "one again"]:
        assert style_of(document, text) == "List Paragraph"
    assert style_of(document, "\u2610 open task") == "List Paragraph"
    assert style_of(document, "\u2612 done task") == "List Paragraph"

    # The table: a header row repeated on every page, Unicode cells
    assert len(document.tables) == 1
    table = document.tables[0]
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells == [["Name", "Count"], ["Été", "3"], ["東京", "4"]], cells
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert table.rows[1]._tr.trPr is None
    assert table.style.name == "Table Grid"
    assert table.rows[0].cells[0].paragraphs[0].runs[0].bold
    count = table.rows[1].cells[1].paragraphs[0]
    assert count._p.pPr.find(qn("w:jc")).get(qn("w:val")) == "right"

    # The code block: a paragraph a line, its "#" left alone
    assert style_of(document, "# not a heading") == "Source Code"
    assert style_of(document, "code\tline") == "Source Code"

    assert style_of(document, "A quote") == "Quote"
    nested = paragraph(document, "nested quote")
    assert nested.style.name == "Quote"
    assert nested.paragraph_format.left_indent == docx.shared.Twips(1440)

    rule = [p for p in paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]
    assert len(rule) == 1
    paragraph(document, "A diagram of the plan")
    # The control character is gone, the Arabic kept
    paragraph(document, "Controlchar and Arabic مرحبا بالعالم.")

    properties = document.core_properties
    assert properties.title == "Plan – Été 東京 مرحبا", properties.title
    assert properties.author == "Zoë Ångström", properties.author
    assert properties.created == datetime.datetime(2026, 3, 14, 9, 26, 53), properties.created
    assert properties.modified == datetime.datetime(2026, 4, 1, 12, 0, 0), properties.modified


def check_empty(path):
    document = docx.Document(path)
    assert [(p.style.name, p.text) for p in document.paragraphs] == [("Title", "")]
    properties = document.core_properties
    assert properties.title == "" and properties.author == ""
    now = datetime.datetime.utcnow()
    assert abs((now - properties.created).total_seconds()) < 600, properties.created


def check_deep(path):
    document = docx.Document(path)
    texts = [p.text for p in document.paragraphs]
    assert "level 0" in texts and "level 2999" in texts, texts[:20]
    numbering = Numbering(document)
    assert numbering.of(paragraph(document, "level 2999"))[1] == 8
    assert "deep quote" in texts
    deep = [r for p in document.paragraphs for r in p.runs if r.text.endswith("deep")]
    assert len(deep) == 1 and deep[0].bold and deep[0].italic, deep


def check_libreoffice(path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftotext") is None:
        print("LibreOffice (soffice) or pdftotext is not installed", file=sys.stderr)
        sys.exit(77)
    with tempfile.TemporaryDirectory(prefix="steward-lo-") as tmp:
        profile = "file://" + os.path.join(tmp, "profile")
        subprocess.run([soffice, "-env:UserInstallation=" + profile, "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, path],
                       check=True, timeout=240, stdout=subprocess.DEVNULL)
        pdf = os.path.join(tmp, os.path.splitext(os.path.basename(path))[0] + ".pdf")
        assert os.path.exists(pdf), "LibreOffice wrote no PDF"
        text = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], check=True,
                              capture_output=True, text=True).stdout
    for heading in ["Introduction", "Background", "Details", "Conclusion", "Deep heading",
                    "first bullet", "Été", "東京", "# not a heading"]:
        assert heading in text, (heading, text)


if __name__ == "__main__":
    mode, path = sys.argv[1], sys.argv[2]
    {"content": check_content, "empty": check_empty, "deep": check_deep, "libreoffice": check_libreoffice}[mode](path)
    print("ok", mode)
