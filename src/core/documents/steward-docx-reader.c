/* steward-docx-reader.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-docx-reader"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "steward-docx-inline.h"
#include "steward-docx-package.h"
#include "steward-docx-reader.h"
#include "steward-docx-styles.h"

/* The main document part is read with a streaming reader, one block (a
 * paragraph or a table, each expanded into a small tree) at a time, so a
 * long document never becomes one big tree. The styles and numbering
 * parts, small, are read whole first: a paragraph's style says whether it
 * is a heading (by the style's name or outline level) or a list item (by
 * the numbering the style points to), and numbering.xml says whether a
 * list is bulleted or numbered. */

#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define R_STRICT_NS "http://purl.oclc.org/ooxml/officeDocument/relationships"

#define MAX_LEVELS STEWARD_DOCX_MAX_LEVELS

typedef struct
{
  int      ilvl;
  gboolean ordered;
  /* Where the item's text starts: the content of a nested item is
   * indented this far */
  guint    indent;
  guint    marker_width;
  /* The numbering it follows: another one at the top starts a new list */
  char     num_id[32];
} OpenList;

typedef struct
{
  StewardDocxPackage *package;
  const char         *name;
  StewardDocxStyles  *styles;
  /* numId → int[MAX_LEVELS], the counters of numbered lists */
  GHashTable         *counters;
  GString            *out;
  OpenList            lists[MAX_LEVELS];
  guint               n_lists;
  gboolean            last_was_item;
  /* The lines of code paragraphs in a row, written as one fenced block
   * when another block comes */
  GString            *code_block;
} Reader;

static gboolean
read_part (Reader      *self,
           const char  *path,
           void       (*func) (StewardDocxStyles *styles, xmlNode *root),
           GError     **error)
{
  GBytes *part = steward_docx_package_get_part (self->package, path);
  xmlTextReaderPtr reader;
  gboolean done = FALSE;
  gboolean ok = TRUE;

  if (part == NULL)
    return TRUE;

  reader = steward_docx_xml_reader_new (part, path, self->name, error);
  if (reader == NULL)
    return FALSE;

  while ((ok = steward_docx_xml_read (reader, self->name, &done, error)) && !done)
    {
      xmlNode *root;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        continue;

      root = xmlTextReaderExpand (reader);
      if (root == NULL)
        {
          ok = FALSE;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not a complete Word document."), self->name);
          break;
        }

      func (self->styles, root);
      break;
    }

  xmlFreeTextReader (reader);

  return ok;
}

static const char *
r_id (xmlNode *node)
{
  for (xmlAttr *attr = node->properties; attr != NULL; attr = attr->next)
    if (strcmp ((const char *) attr->name, "id") == 0 && attr->ns != NULL &&
        (strcmp ((const char *) attr->ns->href, R_NS) == 0 ||
         strcmp ((const char *) attr->ns->href, R_STRICT_NS) == 0) &&
        attr->children != NULL && attr->children->type == XML_TEXT_NODE)
      return (const char *) attr->children->content;

  return NULL;
}

static void
read_run (Reader            *self,
          xmlNode           *run,
          StewardDocxInline *inline_)
{
  xmlNode *rpr = steward_docx_child (run, "rPr");
  const char *font = steward_docx_attr (steward_docx_child (rpr, "rFonts"), "ascii");
  gboolean bold, italic, code;

  if (steward_docx_switch_on (steward_docx_child (rpr, "vanish")))
    return;

  steward_docx_styles_run_format (self->styles, rpr, &bold, &italic);
  code = font != NULL ? steward_docx_styles_is_code_font (font)
                      : steward_docx_styles_is_code (self->styles, steward_docx_attr (steward_docx_child (rpr, "rStyle"), "val"));

  for (xmlNode *node = run->children; node != NULL; node = node->next)
    {
      if (steward_docx_is (node, "t"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (node);

          if (text != NULL && code)
            steward_docx_inline_code (inline_, text, bold, italic);
          else if (text != NULL)
            steward_docx_inline_text (inline_, text, bold, italic);
        }
      else if (steward_docx_is (node, "tab") || steward_docx_is (node, "ptab"))
        steward_docx_inline_text (inline_, " ", bold, italic);
      else if (steward_docx_is (node, "noBreakHyphen"))
        steward_docx_inline_text (inline_, "-", bold, italic);
      else if (steward_docx_is (node, "cr"))
        steward_docx_inline_break (inline_);
      else if (steward_docx_is (node, "br"))
        {
          const char *type = steward_docx_attr (node, "type");

          /* Page and column breaks are layout, not text */
          if (type == NULL || strcmp (type, "textWrapping") == 0)
            steward_docx_inline_break (inline_);
        }
    }
}

/* The runs of a paragraph, inside links, fields, content controls and
 * tracked insertions, but not tracked deletions. */
static void
read_inlines (Reader            *self,
              xmlNode           *parent,
              StewardDocxInline *inline_)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE)
        continue;

      if (steward_docx_is (node, "r"))
        read_run (self, node, inline_);
      else if (steward_docx_is (node, "hyperlink"))
        {
          const char *url = steward_docx_package_get_link (self->package, r_id (node));

          if (url != NULL && !inline_->in_link)
            {
              steward_docx_inline_link_start (inline_);
              read_inlines (self, node, inline_);
              steward_docx_inline_link_end (inline_, url);
            }
          else
            read_inlines (self, node, inline_);
        }
      else if (steward_docx_is (node, "ins") || steward_docx_is (node, "smartTag") ||
               steward_docx_is (node, "customXml") || steward_docx_is (node, "fldSimple") ||
               steward_docx_is (node, "sdt") || steward_docx_is (node, "sdtContent") ||
               steward_docx_is (node, "moveTo") || steward_docx_is (node, "dir") ||
               steward_docx_is (node, "bdo"))
        read_inlines (self, node, inline_);
    }
}

static char *
paragraph_text (Reader   *self,
                xmlNode  *paragraph,
                gboolean  allow_breaks,
                gboolean  allow_bold)
{
  StewardDocxInline inline_;

  steward_docx_inline_init (&inline_, allow_breaks, allow_bold);
  read_inlines (self, paragraph, &inline_);

  return steward_docx_inline_finish (&inline_);
}

static void
flush_code_block (Reader *self)
{
  GString *code = self->code_block;
  guint longest = 0, run = 0;
  guint fence;

  if (code->len == 0)
    return;

  for (gsize i = 0; i < code->len; i++)
    {
      run = code->str[i] == '`' ? run + 1 : 0;
      longest = MAX (longest, run);
    }
  fence = MAX (3, longest + 1);

  if (self->out->len > 0)
    g_string_append (self->out, "\n\n");
  for (guint i = 0; i < fence; i++)
    g_string_append_c (self->out, '`');
  g_string_append_c (self->out, '\n');
  g_string_append_len (self->out, code->str, code->len);
  g_string_append_c (self->out, '\n');
  for (guint i = 0; i < fence; i++)
    g_string_append_c (self->out, '`');

  g_string_truncate (code, 0);
  self->last_was_item = FALSE;
  self->n_lists = 0;
}

/* A code paragraph's text as written: no escaping, breaks as newlines */
static void
code_text (Reader  *self,
           xmlNode *parent,
           GString *code)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (node->type != XML_ELEMENT_NODE || steward_docx_is (node, "del") ||
          steward_docx_is (node, "moveFrom") || steward_docx_is (node, "pPr") ||
          steward_docx_is (node, "rPr") || steward_docx_is (node, "instrText"))
        continue;

      if (steward_docx_is (node, "t"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (node);

          if (text != NULL)
            g_string_append (code, text);
        }
      else if (steward_docx_is (node, "tab"))
        g_string_append_c (code, '\t');
      else if (steward_docx_is (node, "br") || steward_docx_is (node, "cr"))
        g_string_append_c (code, '\n');
      else
        code_text (self, node, code);
    }
}

static void
begin_block (Reader   *self,
             gboolean  is_item)
{
  flush_code_block (self);

  if (self->out->len > 0)
    g_string_append (self->out, is_item && self->last_was_item ? "\n" : "\n\n");

  self->last_was_item = is_item;
  if (!is_item)
    self->n_lists = 0;
}

static void
append_item (Reader     *self,
             const char *num_id,
             int         ilvl,
             const char *text)
{
  gboolean ordered;
  int start;
  OpenList *list;
  int *counters;
  char marker[32];

  ilvl = CLAMP (ilvl, 0, MAX_LEVELS - 1);

  steward_docx_styles_list_level (self->styles, num_id, ilvl, &ordered, &start);

  counters = g_hash_table_lookup (self->counters, num_id);
  if (counters == NULL)
    {
      counters = g_new0 (int, MAX_LEVELS);
      g_hash_table_insert (self->counters, g_strdup (num_id), counters);
    }
  counters[ilvl]++;
  for (int i = ilvl + 1; i < MAX_LEVELS; i++)
    counters[i] = 0;

  if (!self->last_was_item)
    self->n_lists = 0;

  /* A list of another numbering right after one: a blank line between
   * them, so Markdown sees two lists */
  if (self->n_lists > 0 && ilvl <= self->lists[0].ilvl && strcmp (self->lists[0].num_id, num_id) != 0)
    {
      self->n_lists = 0;
      self->last_was_item = FALSE;
    }

  begin_block (self, TRUE);

  while (self->n_lists > 0 && self->lists[self->n_lists - 1].ilvl > ilvl)
    self->n_lists--;

  if (self->n_lists == 0 || self->lists[self->n_lists - 1].ilvl < ilvl)
    {
      OpenList *parent = self->n_lists > 0 ? &self->lists[self->n_lists - 1] : NULL;

      list = &self->lists[self->n_lists++];
      list->ilvl = ilvl;
      g_strlcpy (list->num_id, num_id, sizeof list->num_id);
      list->indent = parent != NULL ? parent->indent + parent->marker_width : 0;
    }
  else
    list = &self->lists[self->n_lists - 1];

  list->ordered = ordered;
  if (ordered)
    g_snprintf (marker, sizeof marker, "%d. ", start + counters[ilvl] - 1);
  else
    g_strlcpy (marker, "- ", sizeof marker);
  list->marker_width = strlen (marker);

  for (guint i = 0; i < list->indent; i++)
    g_string_append_c (self->out, ' ');
  g_string_append (self->out, marker);
  g_string_append (self->out, text);
}

static void
read_paragraph (Reader  *self,
                xmlNode *paragraph)
{
  xmlNode *ppr = steward_docx_child (paragraph, "pPr");
  xmlNode *numpr = steward_docx_child (ppr, "numPr");
  const char *style_id = steward_docx_attr (steward_docx_child (ppr, "pStyle"), "val");
  const char *num_id = steward_docx_attr (steward_docx_child (numpr, "numId"), "val");
  int ilvl = steward_docx_int_attr (steward_docx_child (numpr, "ilvl"), -1);
  int outline = steward_docx_int_attr (steward_docx_child (ppr, "outlineLvl"), -1);
  int level = outline >= 0 && outline < 9 ? MIN (outline + 1, 6) : steward_docx_styles_heading_level (self->styles, style_id);
  g_autofree char *text = NULL;

  if (level == 0 && steward_docx_styles_is_code (self->styles, style_id))
    {
      if (self->code_block->len > 0)
        g_string_append_c (self->code_block, '\n');
      code_text (self, paragraph, self->code_block);
      return;
    }

  if (level > 0)
    {
      text = paragraph_text (self, paragraph, FALSE, FALSE);
      if (text[0] == '\0')
        return;

      begin_block (self, FALSE);
      for (int i = 0; i < level; i++)
        g_string_append_c (self->out, '#');
      g_string_append_c (self->out, ' ');
      g_string_append (self->out, text);
      return;
    }

  if (num_id == NULL)
    steward_docx_styles_numbering (self->styles, style_id, &num_id, &ilvl);

  text = paragraph_text (self, paragraph, TRUE, TRUE);
  if (text[0] == '\0')
    return;

  /* numId 0 takes a paragraph out of the list its style puts it in */
  if (num_id != NULL && strcmp (num_id, "0") != 0)
    {
      append_item (self, num_id, MAX (ilvl, 0), text);
      return;
    }

  begin_block (self, FALSE);
  g_string_append (self->out, text);
}

/* A cell's paragraphs, nested tables' too, as one line */
static void
cell_text (Reader  *self,
           xmlNode *parent,
           GString *cell)
{
  for (xmlNode *node = parent->children; node != NULL; node = node->next)
    {
      if (steward_docx_is (node, "p"))
        {
          g_autofree char *text = paragraph_text (self, node, FALSE, TRUE);

          if (text[0] == '\0')
            continue;
          if (cell->len > 0)
            g_string_append_c (cell, ' ');
          g_string_append (cell, text);
        }
      else if (node->type == XML_ELEMENT_NODE && node->children != NULL)
        cell_text (self, node, cell);
    }
}

static void
read_table (Reader  *self,
            xmlNode *table)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint n_columns = 0;

  for (xmlNode *tr = table->children; tr != NULL; tr = tr->next)
    {
      GPtrArray *row;

      if (!steward_docx_is (tr, "tr"))
        continue;

      row = g_ptr_array_new_with_free_func (g_free);
      for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
        {
          GString *cell;
          int span;

          if (!steward_docx_is (tc, "tc"))
            continue;

          cell = g_string_new (NULL);
          cell_text (self, tc, cell);
          g_ptr_array_add (row, g_string_free (cell, FALSE));

          span = steward_docx_int_attr (steward_docx_child (steward_docx_child (tc, "tcPr"), "gridSpan"), 1);
          for (int i = 1; i < MIN (span, 64); i++)
            g_ptr_array_add (row, g_strdup (""));
        }

      n_columns = MAX (n_columns, row->len);
      g_ptr_array_add (rows, row);
    }

  if (rows->len == 0 || n_columns == 0)
    return;

  begin_block (self, FALSE);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *row = g_ptr_array_index (rows, r);

      if (r > 0)
        g_string_append_c (self->out, '\n');

      g_string_append_c (self->out, '|');
      for (guint c = 0; c < n_columns; c++)
        {
          const char *text = c < row->len ? g_ptr_array_index (row, c) : "";

          g_string_append_printf (self->out, " %s |", text);
        }

      if (r == 0)
        {
          g_string_append (self->out, "\n|");
          for (guint c = 0; c < n_columns; c++)
            g_string_append (self->out, " --- |");
        }
    }
}

static void
read_block (Reader  *self,
            xmlNode *node)
{
  if (steward_docx_is (node, "p"))
    read_paragraph (self, node);
  else if (steward_docx_is (node, "tbl"))
    read_table (self, node);
  else if (steward_docx_is (node, "sdt") || steward_docx_is (node, "sdtContent") ||
           steward_docx_is (node, "customXml") || steward_docx_is (node, "ins") ||
           steward_docx_is (node, "moveTo"))
    for (xmlNode *child = node->children; child != NULL; child = child->next)
      read_block (self, child);
}

static gboolean
read_body (Reader                         *self,
           GBytes                         *part,
           const char                     *path,
           StewardDocumentImportProgress   progress,
           gpointer                        progress_data,
           GCancellable                   *cancellable,
           GError                        **error)
{
  xmlTextReaderPtr reader = steward_docx_xml_reader_new (part, path, self->name, error);
  gsize size = g_bytes_get_size (part);
  gboolean seen_root = FALSE;
  gboolean done = FALSE;
  gboolean ok;
  guint n_blocks = 0;
  int last_percent = 0;

  if (reader == NULL)
    return FALSE;

  ok = steward_docx_xml_read (reader, self->name, &done, error);
  while (ok && !done)
    {
      int depth = xmlTextReaderDepth (reader);
      xmlNode *node;

      if (xmlTextReaderNodeType (reader) != XML_READER_TYPE_ELEMENT)
        {
          ok = steward_docx_xml_read (reader, self->name, &done, error);
          continue;
        }

      node = xmlTextReaderCurrentNode (reader);

      if (depth == 0)
        {
          if (!steward_docx_is (node, "document"))
            break;
          seen_root = TRUE;
        }

      if (depth != 2 || !steward_docx_is (node->parent, "body"))
        {
          ok = steward_docx_xml_read (reader, self->name, &done, error);
          continue;
        }

      node = xmlTextReaderExpand (reader);
      if (node == NULL)
        {
          ok = FALSE;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not a complete Word document."), self->name);
          break;
        }

      read_block (self, node);

      if (++n_blocks % 64 == 0)
        {
          long consumed = xmlTextReaderByteConsumed (reader);
          int percent = size > 0 && consumed > 0 ? (int) MIN (100, consumed * 100 / size) : 0;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              ok = FALSE;
              break;
            }

          if (progress != NULL && percent > last_percent)
            {
              last_percent = percent;
              progress (percent / 100.0, progress_data);
            }
        }

      /* Past the block's end tag, to its next sibling */
      switch (xmlTextReaderNext (reader))
        {
        case 1:
          break;
        case 0:
          done = TRUE;
          break;
        default:
          ok = FALSE;
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("%s is not a complete Word document."), self->name);
          break;
        }
    }

  xmlFreeTextReader (reader);

  if (ok && !seen_root)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s is a zip archive but not a Word document."), self->name);
      return FALSE;
    }

  return ok;
}

char *
steward_docx_read (GBytes                         *data,
                   const char                     *name,
                   StewardDocumentImportProgress   progress,
                   gpointer                        progress_data,
                   GCancellable                   *cancellable,
                   GError                        **error)
{
  g_autoptr(StewardDocxPackage) package = NULL;
  g_autoptr(StewardDocxStyles) styles = NULL;
  g_autoptr(GHashTable) counters = NULL;
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) code_block = NULL;
  const char *main_path;
  Reader self = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  package = steward_docx_package_new (data, name, cancellable, error);
  if (package == NULL)
    return NULL;

  styles = steward_docx_styles_new ();
  counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  out = g_string_new (NULL);
  code_block = g_string_new (NULL);

  self.code_block = code_block;
  self.package = package;
  self.name = name;
  self.styles = styles;
  self.counters = counters;
  self.out = out;

  main_path = steward_docx_package_get_main (package);

  if (!read_part (&self, steward_docx_package_get_related (package, "/styles"), steward_docx_styles_read_styles, error) ||
      !read_part (&self, steward_docx_package_get_related (package, "/numbering"), steward_docx_styles_read_numbering, error) ||
      !read_body (&self, steward_docx_package_get_part (package, main_path), main_path,
                  progress, progress_data, cancellable, error))
    return NULL;

  flush_code_block (&self);

  if (progress != NULL)
    progress (1.0, progress_data);

  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}
