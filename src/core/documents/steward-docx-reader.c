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

/* The main document part is read with a streaming reader, one block (a
 * paragraph or a table, each expanded into a small tree) at a time, so a
 * long document never becomes one big tree. The styles and numbering
 * parts, small, are read whole first: a paragraph's style says whether it
 * is a heading (by the style's name or outline level) or a list item (by
 * the numbering the style points to), and numbering.xml says whether a
 * list is bulleted or numbered. */

#define R_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
#define R_STRICT_NS "http://purl.oclc.org/ooxml/officeDocument/relationships"

/* Word's levels 0–8 */
#define MAX_LEVELS 9
/* basedOn chains are short; a loop in a hostile file must end */
#define MAX_STYLE_DEPTH 16

typedef struct
{
  char *name;
  char *based_on;
  /* -1 when not set */
  int   outline;
  char *num_id;
  int   ilvl;
  int   bold;
  int   italic;
} Style;

typedef struct
{
  gboolean defined;
  gboolean ordered;
  int      start;
} Level;

typedef struct
{
  Level levels[MAX_LEVELS];
} Numbering;

typedef struct
{
  int      ilvl;
  gboolean ordered;
  /* Where the item's text starts: the content of a nested item is
   * indented this far */
  guint    indent;
  guint    marker_width;
} OpenList;

typedef struct
{
  StewardDocxPackage *package;
  const char         *name;
  /* id → Style */
  GHashTable         *styles;
  /* abstractNumId → Numbering */
  GHashTable         *abstracts;
  /* numId → Numbering (borrowed from @abstracts) */
  GHashTable         *nums;
  /* numId → int[MAX_LEVELS], the counters of numbered lists */
  GHashTable         *counters;
  GString            *out;
  OpenList            lists[MAX_LEVELS];
  guint               n_lists;
  gboolean            last_was_item;
} Reader;

static void
style_free (gpointer data)
{
  Style *style = data;

  g_free (style->name);
  g_free (style->based_on);
  g_free (style->num_id);
  g_free (style);
}

static int
int_attr (xmlNode *node,
          int      fallback)
{
  const char *val = steward_docx_attr (node, "val");
  char *end = NULL;
  long n;

  if (val == NULL)
    return fallback;

  n = strtol (val, &end, 10);
  if (end == val || n < -1000000 || n > 1000000)
    return fallback;

  return (int) n;
}

static int
switch_attr (xmlNode *node)
{
  return node != NULL ? steward_docx_switch_on (node) : -1;
}

/* Reads the whole of a small part as a tree and hands its root to @func. */
static gboolean
read_part (Reader      *self,
           const char  *path,
           void       (*func) (Reader *self, xmlNode *root),
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

      func (self, root);
      break;
    }

  xmlFreeTextReader (reader);

  return ok;
}

static void
read_styles (Reader  *self,
             xmlNode *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      const char *id;
      xmlNode *ppr, *rpr, *numpr;
      Style *style;

      if (!steward_docx_is (node, "style"))
        continue;

      id = steward_docx_attr (node, "styleId");
      if (id == NULL || g_hash_table_contains (self->styles, id))
        continue;

      ppr = steward_docx_child (node, "pPr");
      rpr = steward_docx_child (node, "rPr");
      numpr = steward_docx_child (ppr, "numPr");

      style = g_new0 (Style, 1);
      style->name = g_strdup (steward_docx_attr (steward_docx_child (node, "name"), "val"));
      style->based_on = g_strdup (steward_docx_attr (steward_docx_child (node, "basedOn"), "val"));
      style->outline = int_attr (steward_docx_child (ppr, "outlineLvl"), -1);
      style->num_id = g_strdup (steward_docx_attr (steward_docx_child (numpr, "numId"), "val"));
      style->ilvl = int_attr (steward_docx_child (numpr, "ilvl"), -1);
      style->bold = switch_attr (steward_docx_child (rpr, "b"));
      style->italic = switch_attr (steward_docx_child (rpr, "i"));

      g_hash_table_insert (self->styles, g_strdup (id), style);
    }
}

static void
read_numbering (Reader  *self,
                xmlNode *root)
{
  for (xmlNode *node = root->children; node != NULL; node = node->next)
    {
      if (steward_docx_is (node, "abstractNum"))
        {
          const char *id = steward_docx_attr (node, "abstractNumId");
          Numbering *numbering;

          if (id == NULL || g_hash_table_contains (self->abstracts, id))
            continue;

          numbering = g_new0 (Numbering, 1);
          for (xmlNode *lvl = node->children; lvl != NULL; lvl = lvl->next)
            {
              const char *ilvl = steward_docx_attr (lvl, "ilvl");
              const char *format;
              int i;

              if (!steward_docx_is (lvl, "lvl") || ilvl == NULL)
                continue;

              i = atoi (ilvl);
              if (i < 0 || i >= MAX_LEVELS)
                continue;

              format = steward_docx_attr (steward_docx_child (lvl, "numFmt"), "val");
              numbering->levels[i].defined = TRUE;
              numbering->levels[i].ordered = format != NULL &&
                                             strcmp (format, "bullet") != 0 &&
                                             strcmp (format, "none") != 0;
              numbering->levels[i].start = CLAMP (int_attr (steward_docx_child (lvl, "start"), 1), 0, 999999);
            }

          g_hash_table_insert (self->abstracts, g_strdup (id), numbering);
        }
      else if (steward_docx_is (node, "num"))
        {
          const char *id = steward_docx_attr (node, "numId");
          const char *abstract = steward_docx_attr (steward_docx_child (node, "abstractNumId"), "val");
          Numbering *numbering;

          /* abstractNum elements come first in numbering.xml, as the
           * schema says */
          if (id == NULL || abstract == NULL ||
              (numbering = g_hash_table_lookup (self->abstracts, abstract)) == NULL)
            continue;

          g_hash_table_insert (self->nums, g_strdup (id), numbering);
        }
    }
}

static Style *
lookup_style (Reader     *self,
              const char *id)
{
  return id != NULL ? g_hash_table_lookup (self->styles, id) : NULL;
}

/* The heading level (1–6) a paragraph style gives, 0 for none */
static int
style_heading_level (Reader     *self,
                     const char *style_id)
{
  Style *style = lookup_style (self, style_id);

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      const char *name = style->name;

      /* Word keeps the English names of its built-in styles whatever the
       * language ("heading 1" has the id "berschrift1" in German Word) */
      if (name != NULL && g_ascii_strcasecmp (name, "Title") == 0)
        return 1;
      if (name != NULL && g_ascii_strncasecmp (name, "heading ", 8) == 0 &&
          g_ascii_isdigit (name[8]) && name[9] == '\0')
        return CLAMP (name[8] - '0', 1, 6);
      if (style->outline >= 0 && style->outline < 9)
        return MIN (style->outline + 1, 6);

      style = lookup_style (self, style->based_on);
    }

  if (style_id != NULL)
    {
      if (strcmp (style_id, "Title") == 0)
        return 1;
      if (g_str_has_prefix (style_id, "Heading") && g_ascii_isdigit (style_id[7]) && style_id[8] == '\0')
        return CLAMP (style_id[7] - '0', 1, 6);
    }

  return 0;
}

static void
style_numbering (Reader      *self,
                 const char  *style_id,
                 const char **num_id,
                 int         *ilvl)
{
  Style *style = lookup_style (self, style_id);
  Style *first = style;

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH; depth++)
    {
      if (style->num_id != NULL)
        {
          *num_id = style->num_id;
          if (*ilvl < 0)
            *ilvl = style->ilvl;
          break;
        }
      style = lookup_style (self, style->based_on);
    }

  /* Word's own "List Bullet 2", "List Number 3" … are one-level lists
   * each, indented further: their number is the nesting */
  if (*ilvl < 0 && first != NULL && first->name != NULL && g_str_has_prefix (first->name, "List"))
    {
      gsize len = strlen (first->name);

      if (len > 2 && first->name[len - 2] == ' ' && g_ascii_isdigit (first->name[len - 1]))
        *ilvl = CLAMP (first->name[len - 1] - '1', 0, MAX_LEVELS - 1);
    }
}

static void
run_format (Reader   *self,
            xmlNode  *rpr,
            gboolean *bold,
            gboolean *italic)
{
  Style *style = lookup_style (self, steward_docx_attr (steward_docx_child (rpr, "rStyle"), "val"));
  int b = switch_attr (steward_docx_child (rpr, "b"));
  int i = switch_attr (steward_docx_child (rpr, "i"));

  for (guint depth = 0; style != NULL && depth < MAX_STYLE_DEPTH && (b < 0 || i < 0); depth++)
    {
      if (b < 0)
        b = style->bold;
      if (i < 0)
        i = style->italic;
      style = lookup_style (self, style->based_on);
    }

  *bold = b > 0;
  *italic = i > 0;
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
  gboolean bold, italic;

  if (steward_docx_switch_on (steward_docx_child (rpr, "vanish")))
    return;

  run_format (self, rpr, &bold, &italic);

  for (xmlNode *node = run->children; node != NULL; node = node->next)
    {
      if (steward_docx_is (node, "t"))
        {
          g_autofree char *text = (char *) xmlNodeGetContent (node);

          if (text != NULL)
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
begin_block (Reader   *self,
             gboolean  is_item)
{
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
  Numbering *numbering = g_hash_table_lookup (self->nums, num_id);
  gboolean ordered = FALSE;
  int start = 1;
  OpenList *list;
  int *counters;
  char marker[32];

  ilvl = CLAMP (ilvl, 0, MAX_LEVELS - 1);

  /* A level the numbering does not define is drawn like the nearest one
   * above it */
  for (int i = ilvl; numbering != NULL && i >= 0; i--)
    if (numbering->levels[i].defined)
      {
        ordered = numbering->levels[i].ordered;
        start = numbering->levels[i].start;
        break;
      }

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

  begin_block (self, TRUE);

  while (self->n_lists > 0 && self->lists[self->n_lists - 1].ilvl > ilvl)
    self->n_lists--;

  if (self->n_lists == 0 || self->lists[self->n_lists - 1].ilvl < ilvl)
    {
      OpenList *parent = self->n_lists > 0 ? &self->lists[self->n_lists - 1] : NULL;

      list = &self->lists[self->n_lists++];
      list->ilvl = ilvl;
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
  int ilvl = int_attr (steward_docx_child (numpr, "ilvl"), -1);
  int outline = int_attr (steward_docx_child (ppr, "outlineLvl"), -1);
  int level = outline >= 0 && outline < 9 ? MIN (outline + 1, 6) : style_heading_level (self, style_id);
  g_autofree char *text = NULL;

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
    style_numbering (self, style_id, &num_id, &ilvl);

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

          span = int_attr (steward_docx_child (steward_docx_child (tc, "tcPr"), "gridSpan"), 1);
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
  g_autoptr(GHashTable) styles = NULL;
  g_autoptr(GHashTable) abstracts = NULL;
  g_autoptr(GHashTable) nums = NULL;
  g_autoptr(GHashTable) counters = NULL;
  g_autoptr(GString) out = NULL;
  const char *main_path;
  Reader self = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);

  package = steward_docx_package_new (data, name, cancellable, error);
  if (package == NULL)
    return NULL;

  styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, style_free);
  abstracts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  nums = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  out = g_string_new (NULL);

  self.package = package;
  self.name = name;
  self.styles = styles;
  self.abstracts = abstracts;
  self.nums = nums;
  self.counters = counters;
  self.out = out;

  main_path = steward_docx_package_get_main (package);

  if (!read_part (&self, steward_docx_package_get_related (package, "/styles"), read_styles, error) ||
      !read_part (&self, steward_docx_package_get_related (package, "/numbering"), read_numbering, error) ||
      !read_body (&self, steward_docx_package_get_part (package, main_path), main_path,
                  progress, progress_data, cancellable, error))
    return NULL;

  if (progress != NULL)
    progress (1.0, progress_data);

  if (out->len > 0)
    g_string_append_c (out, '\n');

  return g_string_free (g_steal_pointer (&out), FALSE);
}
