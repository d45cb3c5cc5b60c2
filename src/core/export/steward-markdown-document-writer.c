/* steward-markdown-document-writer.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-markdown-document"

#include "config.h"

#include <string.h>

#include "steward-markdown.h"
#include "steward-markdown-document-writer.h"

/* The sections joined into one Markdown file. A section's title becomes a
 * level-1 heading, so the headings of its body move one level down. Which
 * lines are headings is the parser's to say (a "#" line inside a code
 * block is not one): each HEADING node of the tree points at its text in
 * the source, and only the heading's own marks around it are rewritten. */

typedef struct
{
  gsize  offset;
  /* Bytes of the source replaced from @offset */
  gsize  remove;
  /* What replaces them; owned */
  char  *insert;
} Edit;

static void
edit_clear (gpointer data)
{
  Edit *edit = data;

  g_free (edit->insert);
}

static void
add_edit (GArray     *edits,
          gsize       offset,
          gsize       remove,
          const char *insert)
{
  Edit edit = { offset, remove, g_strdup (insert) };

  g_array_append_val (edits, edit);
}

static int
edit_compare (gconstpointer a,
              gconstpointer b)
{
  const Edit *edit_a = a;
  const Edit *edit_b = b;

  return edit_a->offset < edit_b->offset ? -1 : edit_a->offset > edit_b->offset;
}

/* Lines end with "\n", "\r" or "\r\n", as CommonMark has it */
static gsize
line_start (const char *text,
            gsize       offset)
{
  while (offset > 0 && text[offset - 1] != '\n' && text[offset - 1] != '\r')
    offset--;

  return offset;
}

static gsize
line_end (const char *text,
          gsize       len,
          gsize       offset)
{
  while (offset < len && text[offset] != '\n' && text[offset] != '\r')
    offset++;

  return offset;
}

/* Where the line after the one ending at @eol starts */
static gsize
next_line (const char *text,
           gsize       len,
           gsize       eol)
{
  if (eol < len && text[eol] == '\r' && eol + 1 < len && text[eol + 1] == '\n')
    return eol + 2;

  return MIN (eol + 1, len);
}

/* What may stand before an ATX heading's "#" on its line: the marks of
 * the quotes and list items holding it, and indentation. */
static gboolean
is_container_mark (char c)
{
  return strchr (" \t>-+*.)0123456789", c) != NULL && c != '\0';
}

/* The number of list items whose first line is @node's first line */
static guint
count_item_markers (const StewardMarkdownNode *node)
{
  guint count = 0;

  while (node->parent != NULL && node->parent->children == node)
    {
      if (node->parent->kind == STEWARD_MARKDOWN_NODE_ITEM)
        count++;
      node = node->parent;
    }

  return count;
}

/* Where the first line of a setext heading's text begins, after the
 * marks of the quotes and list items around it. */
static gsize
skip_container_marks (const char                *text,
                      gsize                      offset,
                      gsize                      stop,
                      const StewardMarkdownNode *node)
{
  guint markers = count_item_markers (node);

  for (;;)
    {
      gsize start = offset;

      while (offset < stop && (text[offset] == ' ' || text[offset] == '\t' || text[offset] == '>'))
        offset++;

      if (markers > 0 && offset < stop)
        {
          gsize mark = offset;

          if (text[mark] == '-' || text[mark] == '+' || text[mark] == '*')
            mark++;
          else
            {
              while (mark < stop && g_ascii_isdigit (text[mark]))
                mark++;
              if (mark > offset && mark < stop && (text[mark] == '.' || text[mark] == ')'))
                mark++;
              else
                mark = offset;
            }

          if (mark > offset && mark < stop && (text[mark] == ' ' || text[mark] == '\t'))
            {
              offset = mark;
              markers--;
            }
        }

      if (offset == start)
        return offset;
    }
}

static void
shift_setext (const char                *text,
              gsize                      len,
              const StewardMarkdownNode *node,
              GArray                    *edits)
{
  gsize first = node->source_first;
  gsize last = node->source_last;
  gsize eol = line_end (text, len, last);
  gsize underline;
  gsize underline_end;
  gsize start;

  if (eol >= len)
    return;
  underline = next_line (text, len, eol);
  underline_end = line_end (text, len, underline);

  if (node->heading.level == 1)
    {
      /* "===" becomes "---": level 2 */
      g_autofree char *line = g_strndup (text + underline, underline_end - underline);

      g_strdelimit (line, "=", '-');
      add_edit (edits, underline, underline_end - underline, line);
      return;
    }

  /* Setext stops at 2: level 3 is an ATX heading on one line. Its text
   * may be indented as far as it likes (after a link definition, say);
   * an ATX heading no more than 3 spaces: at the top, the indent goes. */
  start = line_start (text, first);
  if (node->parent == NULL)
    add_edit (edits, start, skip_container_marks (text, start, first, node) - start, "### ");
  else
    add_edit (edits, skip_container_marks (text, start, first, node), 0, "### ");
  for (gsize i = first; i < last; i++)
    if (text[i] == '\n' || text[i] == '\r')
      {
        gsize next = next_line (text, len, i);

        while (next < last && (text[next] == ' ' || text[next] == '\t' || text[next] == '>'))
          next++;
        add_edit (edits, i, next - i, " ");
        i = next - 1;
      }
  add_edit (edits, eol, underline_end - eol, "");
}

static void
shift_heading (const char                *text,
               gsize                      len,
               const StewardMarkdownNode *node,
               GArray                    *edits)
{
  gsize first;
  gsize start;

  /* An empty heading has no text to find it by */
  if (node->source_first < 0 || node->source_last < node->source_first)
    return;

  first = node->source_first;
  start = line_start (text, first);

  for (gsize i = start; i < first; i++)
    {
      if (text[i] == '#')
        {
          if (node->heading.level < 6)
            add_edit (edits, i, 0, "#");
          return;
        }
      if (!is_container_mark (text[i]))
        break;
    }

  shift_setext (text, len, node, edits);
}

char *
steward_markdown_shift_headings (const char *markdown,
                                 gssize      len)
{
  g_autofree char *valid = NULL;
  g_autoptr(StewardMarkdownTree) tree = NULL;
  g_autoptr(GArray) edits = NULL;
  const StewardMarkdownNode *node;
  GString *result;
  gsize done = 0;

  g_return_val_if_fail (markdown != NULL || len == 0, NULL);

  if (len < 0)
    len = strlen (markdown);
  /* The tree's offsets are in the text it parsed: valid UTF-8 */
  valid = g_utf8_make_valid (markdown, len);
  len = strlen (valid);

  tree = steward_markdown_parse_tree (valid, len);
  edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  g_array_set_clear_func (edits, edit_clear);

  node = steward_markdown_tree_get_blocks (tree);
  while (node != NULL)
    {
      if (node->kind == STEWARD_MARKDOWN_NODE_HEADING)
        shift_heading (valid, len, node, edits);

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

  g_array_sort (edits, edit_compare);

  result = g_string_sized_new (len + edits->len + 1);
  for (guint i = 0; i < edits->len; i++)
    {
      const Edit *edit = &g_array_index (edits, Edit, i);

      if (edit->offset < done)
        continue;
      g_string_append_len (result, valid + done, edit->offset - done);
      g_string_append (result, edit->insert);
      done = edit->offset + edit->remove;
    }
  g_string_append_len (result, valid + done, len - done);

  return g_string_free (result, FALSE);
}

/* @text as Markdown text on one line: its punctuation escaped so it reads
 * as written (quotes too, which pandoc would make typographic) */
static void
append_markdown_text (GString    *out,
                      const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text, -1);

  for (const char *p = valid; *p != '\0'; p++)
    {
      if (strchr ("\\`*_[]<>#!|~&\"'$^", *p) != NULL)
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, *p);
        }
      else if (*p == '\n' || *p == '\t' || *p == '\r')
        g_string_append_c (out, ' ');
      else if ((guchar) *p >= 0x20 && *p != 0x7f)
        g_string_append_c (out, *p);
    }
}

/* @text as a YAML double-quoted scalar. pandoc reads the front matter's
 * values as Markdown: the text is escaped for Markdown first. */
static void
append_yaml_string (GString    *out,
                    const char *text)
{
  g_autoptr(GString) markdown = g_string_new (NULL);

  append_markdown_text (markdown, text);

  g_string_append_c (out, '"');
  for (const char *p = markdown->str; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

static gboolean
write_string (GOutputStream  *out,
              GString        *text,
              GCancellable   *cancellable,
              GError        **error)
{
  return g_output_stream_write_all (out, text->str, text->len, NULL, cancellable, error);
}

gboolean
steward_markdown_document_write (StewardExportSource       *source,
                                 GOutputStream             *out,
                                 StewardExportProgressFunc  progress,
                                 gpointer                   progress_data,
                                 GCancellable              *cancellable,
                                 GError                   **error)
{
  g_autoptr(GString) text = g_string_new ("---\ntitle: ");
  const char *author;
  GDateTime *date;
  guint n_sections;
  gsize n_bytes;
  gsize done = 0;

  g_return_val_if_fail (source != NULL, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (out), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  author = steward_export_source_get_author (source);
  date = steward_export_source_get_modified (source);
  if (date == NULL)
    date = steward_export_source_get_created (source);
  n_sections = steward_export_source_get_n_sections (source);
  n_bytes = steward_export_source_get_n_bytes (source);

  append_yaml_string (text, steward_export_source_get_title (source));
  g_string_append_c (text, '\n');
  if (author != NULL)
    {
      g_string_append (text, "author: ");
      append_yaml_string (text, author);
      g_string_append_c (text, '\n');
    }
  if (date != NULL)
    {
      g_autofree char *day = g_date_time_format (date, "%Y-%m-%d");

      g_string_append_printf (text, "date: \"%s\"\n", day);
    }
  g_string_append (text, "---\n");

  if (!write_string (out, text, cancellable, error))
    return FALSE;

  for (guint i = 0; i < n_sections; i++)
    {
      const char *markdown = steward_export_source_get_section_markdown (source, i);
      g_autofree char *body = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_string_assign (text, "\n# ");
      append_markdown_text (text, steward_export_source_get_section_title (source, i));
      g_string_append (text, "\n\n");

      body = steward_markdown_shift_headings (markdown, -1);
      g_string_append (text, body);
      if (text->str[text->len - 1] != '\n')
        g_string_append_c (text, '\n');

      if (!write_string (out, text, cancellable, error))
        return FALSE;

      done += strlen (markdown);
      if (progress != NULL)
        progress (n_bytes > 0 ? (double) done / n_bytes : (double) (i + 1) / n_sections,
                  progress_data);
    }

  return TRUE;
}
