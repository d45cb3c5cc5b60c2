/* test-document-import.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "steward-document-import.h"
#include "steward-markdown.h"
#include "steward-markdown-tree.h"

/* Importing a file into a phase (steward-document-import.c): Word
 * documents written by python-docx, PDFs drawn by cairo and pango, and
 * the broken and hostile files that must be refused whole, with their
 * name. */

static char *tmp_dir;

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

/* Runs @script with Debian's Python, the output path as sys.argv[1] */
static void
run_python (const char *script,
            const char *path)
{
  const char *python = g_getenv ("STEWARD_PYTHON");
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python failed: %s", err);
}

static StewardDocumentImport *
import_path (const char  *path,
             GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return steward_document_import_file (file, NULL, NULL, NULL, error);
}

/* Headings, emphasis, two lists with nesting (one by Word's "List Bullet
 * 2" styles, one by levels of a multi-level numbering), a link, a table,
 * a line break, and a heading known only by its outline level */
static const char docx_script[] =
  "import sys, docx\n"
  "from docx.enum.style import WD_STYLE_TYPE\n"
  "from docx.opc.constants import RELATIONSHIP_TYPE as RT\n"
  "from docx.oxml import OxmlElement, parse_xml\n"
  "from docx.oxml.ns import qn, nsdecls\n"
  "d = docx.Document()\n"
  "d.add_heading('Project Brief', 0)\n"
  "d.add_heading('Goals', 1)\n"
  "p = d.add_paragraph('Plain text with ')\n"
  "p.add_run('bold').bold = True\n"
  "p.add_run(' and ')\n"
  "p.add_run('italic').italic = True\n"
  "p.add_run(', ')\n"
  "r = p.add_run('both'); r.bold = True; r.italic = True\n"
  "p.add_run(', stars * and under_scores.')\n"
  "p = d.add_paragraph()\n"
  "p.add_run('Split ').bold = True\n"
  "p.add_run('runs').bold = True\n"
  "p.add_run(' merge; un')\n"
  "p.add_run('believ').italic = True\n"
  "p.add_run('able. Call ')\n"
  "p.add_run('make_docs()').font.name = 'Courier New'\n"
  "p.add_run(' first.')\n"
  "d.add_heading('Details', 2)\n"
  "d.add_paragraph('First bullet', style='List Bullet')\n"
  "d.add_paragraph('Nested bullet', style='List Bullet 2')\n"
  "d.add_paragraph('Second bullet', style='List Bullet')\n"
  "d.add_paragraph('Between the lists.')\n"
  "numbering = d.part.numbering_part.element\n"
  "abstract = parse_xml('<w:abstractNum %s w:abstractNumId=\"90\">'\n"
  "  '<w:multiLevelType w:val=\"multilevel\"/>'\n"
  "  '<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%%1.\"/></w:lvl>'\n"
  "  '<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%%2)\"/></w:lvl>'\n"
  "  '<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"o\"/></w:lvl>'\n"
  "  '</w:abstractNum>' % nsdecls('w'))\n"
  "numbering.find(qn('w:num')).addprevious(abstract)\n"
  "numbering.append(parse_xml('<w:num %s w:numId=\"90\"><w:abstractNumId w:val=\"90\"/></w:num>' % nsdecls('w')))\n"
  "def numbered(text, ilvl):\n"
  "    p = d.add_paragraph(text)\n"
  "    numpr = p._p.get_or_add_pPr().get_or_add_numPr()\n"
  "    numpr.get_or_add_ilvl().val = ilvl\n"
  "    numpr.get_or_add_numId().val = 90\n"
  "numbered('Step one', 0)\n"
  "numbered('Step one a', 1)\n"
  "numbered('Step one b', 1)\n"
  "numbered('A point under b', 2)\n"
  "numbered('Step two', 0)\n"
  "p = d.add_paragraph('See ')\n"
  "rid = p.part.relate_to('https://example.org/docs?a=1', RT.HYPERLINK, is_external=True)\n"
  "h = OxmlElement('w:hyperlink'); h.set(qn('r:id'), rid)\n"
  "r = OxmlElement('w:r'); t = OxmlElement('w:t'); t.text = 'the documentation'; r.append(t); h.append(r)\n"
  "p._p.append(h)\n"
  "p.add_run(' for more.')\n"
  "t = d.add_table(rows=3, cols=2)\n"
  "for (row, col, text) in [(0, 0, 'Name'), (0, 1, 'Value'), (1, 0, 'Alpha'), (1, 1, '1 | 2'), (2, 0, 'Beta'), (2, 1, '3')]:\n"
  "    t.cell(row, col).text = text\n"
  "p = d.add_paragraph('Line one')\n"
  "p.add_run().add_break()\n"
  "p.add_run('Line two')\n"
  "s = d.styles.add_style('Chapter Title', WD_STYLE_TYPE.PARAGRAPH)\n"
  "o = OxmlElement('w:outlineLvl'); o.set(qn('w:val'), '1'); s.element.get_or_add_pPr().append(o)\n"
  "d.add_paragraph('A chapter by outline level', style='Chapter Title')\n"
  "d.add_paragraph('# Not a heading')\n"
  "d.save(sys.argv[1])\n";

static const char docx_markdown[] =
  "# Project Brief\n"
  "\n"
  "# Goals\n"
  "\n"
  "Plain text with **bold** and _italic_, **_both_**, stars \\* and under\\_scores.\n"
  "\n"
  "**Split runs** merge; un*believ*able. Call `make_docs()` first.\n"
  "\n"
  "## Details\n"
  "\n"
  "- First bullet\n"
  "  - Nested bullet\n"
  "- Second bullet\n"
  "\n"
  "Between the lists.\n"
  "\n"
  "1. Step one\n"
  "   1. Step one a\n"
  "   2. Step one b\n"
  "      - A point under b\n"
  "2. Step two\n"
  "\n"
  "See [the documentation](https://example.org/docs?a=1) for more.\n"
  "\n"
  "| Name | Value |\n"
  "| --- | --- |\n"
  "| Alpha | 1 \\| 2 |\n"
  "| Beta | 3 |\n"
  "\n"
  "Line one\\\n"
  "Line two\n"
  "\n"
  "## A chapter by outline level\n"
  "\n"
  "\\# Not a heading\n";

static char *docx_path;

static const char *
get_docx (void)
{
  if (docx_path == NULL)
    {
      docx_path = tmp_path ("notes.docx");
      run_python (docx_script, docx_path);
    }

  return docx_path;
}

static void
test_docx (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDocumentImport) import = import_path (get_docx (), &error);
  g_autoptr(StewardMarkdownTree) tree = NULL;
  const char *markdown;
  guint n_headings = 0, n_lists = 0, n_tables = 0, n_links = 0;

  g_assert_no_error (error);
  g_assert_cmpint (steward_document_import_get_format (import), ==, STEWARD_DOCUMENT_FORMAT_DOCX);
  g_assert_cmpstr (steward_document_import_get_name (import), ==, "notes.docx");
  g_assert_cmpuint (steward_document_import_get_n_pages (import), ==, 0);

  markdown = steward_document_import_get_markdown (import);
  g_assert_cmpstr (markdown, ==, docx_markdown);

  /* The Markdown reads back as the same structure */
  tree = steward_markdown_parse_tree (markdown, -1);
  for (const StewardMarkdownNode *node = steward_markdown_tree_get_blocks (tree); node != NULL; node = node->next)
    {
      if (node->kind == STEWARD_MARKDOWN_NODE_HEADING)
        n_headings++;
      else if (node->kind == STEWARD_MARKDOWN_NODE_LIST)
        n_lists++;
      else if (node->kind == STEWARD_MARKDOWN_NODE_TABLE)
        {
          n_tables++;
          g_assert_cmpuint (node->table.n_columns, ==, 2);
          g_assert_cmpuint (node->table.n_rows, ==, 3);
        }
      else if (node->kind == STEWARD_MARKDOWN_NODE_PARAGRAPH)
        for (const StewardMarkdownInline *run = node->inlines; run != NULL; run = run->next)
          if (run->kind == STEWARD_MARKDOWN_INLINE_LINK)
            {
              g_assert_cmpstr (run->href, ==, "https://example.org/docs?a=1");
              n_links++;
            }
    }
  g_assert_cmpuint (n_headings, ==, 4);
  g_assert_cmpuint (n_lists, ==, 2);
  g_assert_cmpuint (n_tables, ==, 1);
  g_assert_cmpuint (n_links, ==, 1);
}

/* Draws one page per entry of @pages (NULL: a blank page), Pango markup
 * in 12 point Sans, paragraphs separated by blank lines, wrapped at 300
 * points */
static void
make_pdf (const char  *path,
          const char **pages,
          guint        n_pages)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Sans 12");

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, 300 * PANGO_SCALE);

  for (guint i = 0; i < n_pages; i++)
    {
      if (pages[i] != NULL)
        {
          cairo_move_to (cr, 72, 72);
          pango_layout_set_markup (layout, pages[i], -1);
          pango_cairo_show_layout (cr, layout);
        }
      cairo_show_page (cr);
    }

  pango_font_description_free (font);
  g_object_unref (layout);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static void
test_pdf (void)
{
  const char *pages[] = {
    "<span size='xx-large'>Annual Report</span>\n"
    "<span size='large'>Introduction</span>\n"
    "The first paragraph is long enough to wrap over several lines of the page, "
    "so the import has to join its lines again into one paragraph.\n"
    "\n"
    "A second paragraph, short.",
    NULL,
    "Page three has * stars and _underscores_ in it.",
    "This sentence is cut by the end of the page and goes",
    "on at the top of the next one.\n"
    "\n"
    "\u2022 first item\n"
    "\u2022 second item\n"
    "\n"
    "After the list.",
  };
  g_autofree char *path = tmp_path ("report.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDocumentImport) import = NULL;

  make_pdf (path, pages, G_N_ELEMENTS (pages));
  import = import_path (path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (steward_document_import_get_format (import), ==, STEWARD_DOCUMENT_FORMAT_PDF);
  g_assert_cmpuint (steward_document_import_get_n_pages (import), ==, 5);
  g_assert_cmpstr (steward_document_import_get_markdown (import), ==,
                   "# Annual Report\n"
                   "\n"
                   "## Introduction\n"
                   "\n"
                   "The first paragraph is long enough to wrap over several lines of the page, "
                   "so the import has to join its lines again into one paragraph.\n"
                   "\n"
                   "A second paragraph, short.\n"
                   "\n"
                   "_(Page 2 has no text: it may be a scanned image.)_\n"
                   "\n"
                   "Page three has \\* stars and \\_underscores\\_ in it.\n"
                   "\n"
                   "This sentence is cut by the end of the page and goes on at the top of the next one.\n"
                   "\n"
                   "- first item\n"
                   "- second item\n"
                   "\n"
                   "After the list.\n");
}

/* Markdown written as the import writes it: through pandoc into a Word
 * document and back, it comes out the same */
static const char round_trip_markdown[] =
  "# Heading One\n"
  "\n"
  "Some _italic_ and **bold** text with a [link](https://example.com/x), and a\\_b.\n"
  "\n"
  "## Heading Two\n"
  "\n"
  "- bullet one\n"
  "  - nested bullet\n"
  "- bullet two\n"
  "\n"
  "1. first\n"
  "2. second\n"
  "   1. nested number\n"
  "\n"
  "| A | B |\n"
  "| --- | --- |\n"
  "| 1 | 2 |\n"
  "\n"
  "A paragraph with `code` in it.\n"
  "\n"
  "```\n"
  "int main (void)\n"
  "{\n"
  "  return 0; /* `tick` */\n"
  "}\n"
  "```\n"
  "\n"
  "Text after the code with ``a`b`` in it.\n";

static void
test_pandoc (void)
{
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *md = tmp_path ("round-trip.md");
  g_autofree char *docx = tmp_path ("round-trip.docx");
  const char *argv[] = { pandoc, md, "-o", docx, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDocumentImport) import = NULL;
  int status;

  if (pandoc == NULL)
    {
      g_test_skip ("pandoc is not installed");
      return;
    }

  g_assert_true (g_file_set_contents (md, round_trip_markdown, -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  import = import_path (docx, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_document_import_get_markdown (import), ==, round_trip_markdown);
}

static void
assert_refused (const char *path,
                GQuark      domain,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDocumentImport) import = import_path (path, &error);
  g_autofree char *name = g_path_get_basename (path);

  g_assert_null (import);
  g_assert_error (error, domain, code);
  g_assert_nonnull (strstr (error->message, name));
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
write_truncated (const char *from,
                 const char *to,
                 double      fraction)
{
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, (gssize) (length * fraction), NULL));
}

static void
test_refused_docx (void)
{
  g_autofree char *truncated = tmp_path ("cut.docx");
  g_autofree char *not_word = tmp_path ("photos.docx");
  g_autofree char *bomb = tmp_path ("bomb.docx");
  g_autofree char *xxe = tmp_path ("xxe.docx");
  g_autofree char *laughs = tmp_path ("laughs.docx");
  g_autofree char *xxe16 = tmp_path ("xxe16.docx");
  g_autofree char *broken_xml = tmp_path ("broken.docx");

  write_truncated (get_docx (), truncated, 0.6);
  assert_refused (truncated, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                  "cut.docx is not a complete Word document.");

  run_python ("import sys, zipfile\n"
              "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
              "    z.writestr('hello.txt', 'hello')\n"
              "    z.writestr('data.xml', '<a/>')\n",
              not_word);
  assert_refused (not_word, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                  "photos.docx is a zip archive but not a Word document.");

  /* 100 MB of XML in a few hundred kilobytes */
  run_python ("import sys, zipfile\n"
              "with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED) as z:\n"
              "    z.writestr('word/document.xml', b'<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>'"
              " + b'a' * (100 * 1024 * 1024) + b'</w:t></w:r></w:p></w:body></w:document>')\n",
              bomb);
  assert_refused (bomb, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                  "bomb.docx unpacks to more than 64 MB of text, more than Steward imports.");

  /* The real document with its text part swapped for a hostile one */
  run_python ("import sys, zipfile, shutil\n"
              "src = sys.argv[1].replace('xxe.docx', 'notes.docx')\n"
              "with zipfile.ZipFile(src) as a, zipfile.ZipFile(sys.argv[1], 'w') as b:\n"
              "    for item in a.infolist():\n"
              "        data = a.read(item.filename)\n"
              "        if item.filename == 'word/document.xml':\n"
              "            data = data.replace(b'<w:document', b'<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]><w:document', 1)\n"
              "            data = data.replace(b'Project Brief', b'&xxe;')\n"
              "        b.writestr(item, data)\n",
              xxe);
  assert_refused (xxe, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                  "xxe.docx is not a Word document Steward can read safely: it declares XML entities.");

  /* The same in UTF-16, which a search for the declaration's bytes does
   * not see: the XML reader refuses it */
  run_python ("import sys, zipfile\n"
              "doc = '<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>'\n"
              "doc += '<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>'\n"
              "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
              "    z.writestr('word/document.xml', doc.encode('utf-16'))\n",
              xxe16);
  assert_refused (xxe16, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                  "xxe16.docx is not a Word document Steward can read safely: it declares XML entities.");

  run_python ("import sys, zipfile\n"
              "lol = '<!DOCTYPE w:document [<!ENTITY a \"aaaaaaaaaa\">' + ''.join('<!ENTITY %s \"%s\">' % (chr(98 + i), ('&%s;' % chr(97 + i)) * 10) for i in range(9)) + ']>'\n"
              "doc = lol + '<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&j;</w:t></w:r></w:p></w:body></w:document>'\n"
              "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
              "    z.writestr('word/document.xml', doc)\n",
              laughs);
  assert_refused (laughs, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                  "laughs.docx is not a Word document Steward can read safely: it declares XML entities.");

  run_python ("import sys, zipfile\n"
              "with zipfile.ZipFile(sys.argv[1], 'w') as z:\n"
              "    z.writestr('word/document.xml', '<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>cut')\n",
              broken_xml);
  assert_refused (broken_xml, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                  "broken.docx is not a complete Word document.");
}

static void
test_refused_other (void)
{
  const char *pages[] = { "Some text." };
  g_autofree char *pdf = tmp_path ("whole.pdf");
  g_autofree char *cut_pdf = tmp_path ("cut.pdf");
  g_autofree char *latin1 = tmp_path ("latin1.txt");
  g_autofree char *empty = tmp_path ("empty.md");
  g_autofree char *binary = tmp_path ("picture.md");

  make_pdf (pdf, pages, 1);
  write_truncated (pdf, cut_pdf, 0.5);
  assert_refused (cut_pdf, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "cut.pdf is not a complete PDF document.");

  g_assert_true (g_file_set_contents (latin1, "first line\ncaf\xe9 au lait\n", -1, NULL));
  assert_refused (latin1, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                  "latin1.txt is not UTF-8 text (line 2); save it as UTF-8 and import it again.");

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  assert_refused (empty, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "empty.md is empty.");

  g_assert_true (g_file_set_contents (binary, "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\1\0\0\0\1\x08\x06\0\0\0", 24, NULL));
  assert_refused (binary, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, NULL);
}

static void
test_text (void)
{
  g_autofree char *md = tmp_path ("notes.md");
  g_autofree char *txt = tmp_path ("notes.txt");
  g_autofree char *utf16 = tmp_path ("windows.txt");
  g_autofree char *disguised = tmp_path ("disguised.txt");
  const char *pages[] = { "Really a PDF." };
  g_autoptr(GError) error = NULL;
  StewardDocumentImport *import;

  /* Markdown kept as written; the byte order mark and CR LF dropped */
  g_assert_true (g_file_set_contents (md, "\xef\xbb\xbf# Title\r\n\r\nSome *text* | here", -1, NULL));
  import = import_path (md, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_document_import_get_format (import), ==, STEWARD_DOCUMENT_FORMAT_MARKDOWN);
  g_assert_cmpstr (steward_document_import_get_markdown (import), ==, "# Title\n\nSome *text* | here\n");
  steward_document_import_unref (import);

  g_assert_true (g_file_set_contents (txt, "Plain *text* stays as it is.\n", -1, NULL));
  import = import_path (txt, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_document_import_get_format (import), ==, STEWARD_DOCUMENT_FORMAT_TEXT);
  g_assert_cmpstr (steward_document_import_get_markdown (import), ==, "Plain *text* stays as it is.\n");
  steward_document_import_unref (import);

  g_assert_true (g_file_set_contents (utf16, "\xff\xfe" "c\0a\0f\0\xe9\0\n\0", 12, NULL));
  import = import_path (utf16, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (steward_document_import_get_markdown (import), ==, "caf\xc3\xa9\n");
  steward_document_import_unref (import);

  /* The bytes say what a file is, not its name */
  make_pdf (disguised, pages, 1);
  import = import_path (disguised, &error);
  g_assert_no_error (error);
  g_assert_cmpint (steward_document_import_get_format (import), ==, STEWARD_DOCUMENT_FORMAT_PDF);
  g_assert_cmpstr (steward_document_import_get_markdown (import), ==, "Really a PDF.\n");
  steward_document_import_unref (import);
}

/* A PDF that needs a password to open, made by LibreOffice (cairo
 * cannot encrypt) */
static void
test_pdf_password (void)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *text = tmp_path ("secret.txt");
  g_autofree char *profile = tmp_path ("libreoffice-profile");
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *profile_arg = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *pdf = tmp_path ("secret.pdf");
  const char *argv[] = {
    soffice, profile_arg, "--headless", "--convert-to",
    "pdf:writer_pdf_Export:{\"EncryptFile\":{\"type\":\"boolean\",\"value\":\"true\"},"
    "\"DocumentOpenPassword\":{\"type\":\"string\",\"value\":\"secret\"}}",
    "--outdir", tmp_dir, text, NULL
  };
  g_autoptr(GError) error = NULL;
  int status;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice is not installed");
      return;
    }

  g_assert_true (g_file_set_contents (text, "Secret text.\n", -1, NULL));
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  assert_refused (pdf, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED, "secret.pdf is protected by a password.");
}

static char *
make_long_pdf (guint n_pages)
{
  g_autofree const char **pages = g_new0 (const char *, n_pages);
  char *path = tmp_path ("long.pdf");

  for (guint i = 0; i < n_pages; i++)
    pages[i] = "A page of a long report, with a sentence or two on it.";
  make_pdf (path, pages, n_pages);

  return path;
}

static void
cancel_on_first_page (double   fraction,
                      gpointer user_data)
{
  GCancellable *cancellable = user_data;
  guint *calls = g_object_get_data (G_OBJECT (cancellable), "calls");

  (*calls)++;
  g_cancellable_cancel (cancellable);
}

/* Between pages: the progress after page one cancels, page two is never
 * read */
static void
test_pdf_cancel (void)
{
  g_autofree char *path = make_long_pdf (40);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(StewardDocumentImport) import = NULL;
  guint calls = 0;

  g_object_set_data (G_OBJECT (cancellable), "calls", &calls);
  import = steward_document_import_file (file, cancel_on_first_page, cancellable, cancellable, &error);

  g_assert_null (import);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 1);
}

typedef struct
{
  GThread               *main_thread;
  GArray                *fractions;
  StewardDocumentImport *import;
  GError                *error;
  gboolean               done;
  guint                  destroyed;
  guint                  progress_after_done;
} AsyncRun;

static void
async_progress (double   fraction,
                gpointer user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  if (run->done)
    run->progress_after_done++;
  g_array_append_val (run->fractions, fraction);
}

static void
async_destroy (gpointer user_data)
{
  AsyncRun *run = user_data;

  run->destroyed++;
}

static void
async_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  AsyncRun *run = user_data;

  g_assert_true (g_thread_self () == run->main_thread);
  run->import = steward_document_import_finish (result, &run->error);
  run->done = TRUE;
}

static void
test_pdf_async (void)
{
  g_autofree char *path = make_long_pdf (12);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  AsyncRun run = { g_thread_self (), g_array_new (FALSE, FALSE, sizeof (double)), NULL, NULL, FALSE, 0, 0 };

  /* Page by page, on this thread's main context, all before the end */
  steward_document_import_async (file, async_progress, &run, async_destroy, NULL, async_done, &run);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (run.error);
  g_assert_cmpuint (steward_document_import_get_n_pages (run.import), ==, 12);
  g_assert_cmpuint (run.fractions->len, ==, 12);
  for (guint i = 0; i < run.fractions->len; i++)
    g_assert_cmpfloat_with_epsilon (g_array_index (run.fractions, double, i), (i + 1) / 12.0, 1e-9);
  g_assert_cmpuint (run.progress_after_done, ==, 0);
  g_assert_cmpuint (run.destroyed, ==, 1);
  g_clear_pointer (&run.import, steward_document_import_unref);

  /* Cancelled at once: cancelled, whatever the worker had done */
  g_array_set_size (run.fractions, 0);
  run.done = FALSE;
  run.destroyed = 0;
  steward_document_import_async (file, async_progress, &run, async_destroy, cancellable, async_done, &run);
  g_cancellable_cancel (cancellable);
  while (!run.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_null (run.import);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (run.destroyed, ==, 1);
  g_clear_error (&run.error);
  g_array_unref (run.fractions);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  tmp_dir = g_dir_make_tmp ("steward-import-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);

  g_test_add_func ("/steward/document-import/docx", test_docx);
  g_test_add_func ("/steward/document-import/pandoc", test_pandoc);
  g_test_add_func ("/steward/document-import/pdf", test_pdf);
  g_test_add_func ("/steward/document-import/text", test_text);
  g_test_add_func ("/steward/document-import/refused-docx", test_refused_docx);
  g_test_add_func ("/steward/document-import/refused-other", test_refused_other);
  g_test_add_func ("/steward/document-import/pdf-password", test_pdf_password);
  g_test_add_func ("/steward/document-import/pdf-cancel", test_pdf_cancel);
  g_test_add_func ("/steward/document-import/pdf-async", test_pdf_async);

  status = g_test_run ();

  remove_tree (tmp_dir);
  g_free (tmp_dir);
  g_free (docx_path);

  return status;
}
