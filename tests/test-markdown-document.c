/* test-markdown-document.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "steward-markdown.h"
#include "steward-markdown-document-writer.h"

/* The one-file Markdown export (steward-markdown-document-writer.c): the
 * headings of each body one level down, read back by the same parser;
 * the front matter read by pandoc. */

static const char body[] =
  "# One\n"
  "\n"
  "Text with a # in it.\n"
  "\n"
  "## Two ##\n"
  "\n"
  "###### Six\n"
  "\n"
  "```\n"
  "# not a heading\n"
  "## nor this\n"
  "```\n"
  "\n"
  "    # indented code\n"
  "\n"
  "Setext one\n"
  "==========\n"
  "\n"
  "Setext two\n"
  "----------\n"
  "\n"
  "> # Quoted\n"
  "\n"
  "- # In item\n"
  "\n"
  "1. Two *lines*\n"
  "   of setext\n"
  "   ---\n"
  "\n"
  "> Quoted setext\n"
  "> ---\n"
  "\n"
  "#\n"
  "\n"
  "# **Bold** start\n"
  "\n"
  "[a]: https://example.org\n"
  "    Indented after a link definition\n"
  "---\n"
  "\n"
  "After.\n";

typedef struct
{
  GPtrArray *headings;
  GPtrArray *code;
} Outline;

static void
append_inline_text (GString                     *out,
                    const StewardMarkdownInline *run)
{
  for (; run != NULL; run = run->next)
    {
      if (run->text != NULL)
        g_string_append (out, run->text);
      append_inline_text (out, run->children);
    }
}

/* Each heading as "LEVEL text", each code block's text */
static void
outline (const char *markdown,
         Outline    *out)
{
  g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (markdown, -1);
  const StewardMarkdownNode *node = steward_markdown_tree_get_blocks (tree);

  out->headings = g_ptr_array_new_with_free_func (g_free);
  out->code = g_ptr_array_new_with_free_func (g_free);

  while (node != NULL)
    {
      if (node->kind == STEWARD_MARKDOWN_NODE_HEADING)
        {
          GString *text = g_string_new (NULL);

          g_string_printf (text, "%u ", node->heading.level);
          append_inline_text (text, node->inlines);
          g_ptr_array_add (out->headings, g_string_free (text, FALSE));
        }
      else if (node->kind == STEWARD_MARKDOWN_NODE_CODE)
        g_ptr_array_add (out->code, g_strdup (node->code.text));

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
}

static void
outline_clear (Outline *outline)
{
  g_ptr_array_unref (outline->headings);
  g_ptr_array_unref (outline->code);
}

static void
test_shift_headings (void)
{
  g_autofree char *shifted = steward_markdown_shift_headings (body, -1);
  const char *expected[] = {
    "2 One", "3 Two", "6 Six", "2 Setext one", "3 Setext two", "2 Quoted",
    "2 In item", "3 Two lines of setext", "3 Quoted setext", "2 ", "2 Bold start",
    "3 Indented after a link definition",
  };
  Outline before;
  Outline after;

  g_test_message ("%s", shifted);
  outline (body, &before);
  outline (shifted, &after);

  g_assert_cmpuint (before.headings->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (after.headings->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      /* The empty heading keeps its level: nothing in it to find it by */
      if (g_str_equal (expected[i], "2 "))
        continue;
      g_assert_cmpstr (g_ptr_array_index (after.headings, i), ==, expected[i]);
    }

  /* Code blocks untouched, and the lines around them */
  g_assert_cmpuint (after.code->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (after.code, 0), ==, "# not a heading\n## nor this");
  g_assert_cmpstr (g_ptr_array_index (after.code, 1), ==, "# indented code");
  g_assert_nonnull (strstr (shifted, "Text with a # in it.\n"));
  g_assert_nonnull (strstr (shifted, "\n### Two ##\n"));
  g_assert_nonnull (strstr (shifted, "\n## **Bold** start\n"));
  /* An ATX heading is indented no more than 3 spaces */
  g_assert_true (g_str_has_suffix (shifted, "\n### Indented after a link definition\n\nAfter.\n"));

  outline_clear (&before);
  outline_clear (&after);

  /* Lines that end in "\r\n" or "\r" */
  {
    g_autofree char *crlf = steward_markdown_shift_headings ("Two\r\nlines\r\n---\r\n\r\nText\r\n", -1);
    g_autofree char *cr = steward_markdown_shift_headings ("One\r---\rOther\r===\rText", -1);

    g_assert_cmpstr (crlf, ==, "### Two lines\r\n\r\nText\r\n");
    g_assert_cmpstr (cr, ==, "### One\rOther\r---\rText");
  }

  /* Deep nesting and broken UTF-8 do not stop it */
  {
    GString *deep = g_string_new (NULL);
    g_autofree char *deep_shifted = NULL;

    for (guint i = 0; i < 5000; i++)
      g_string_append (deep, "> ");
    g_string_append (deep, "# Deep \xff\n");
    deep_shifted = steward_markdown_shift_headings (deep->str, deep->len);
    g_assert_true (g_str_has_suffix (deep_shifted, "> ## Deep \xef\xbf\xbd\n"));
    g_string_free (deep, TRUE);
  }
}

static StewardExportSource *
make_source (void)
{
  StewardExportSource *source = steward_export_source_new ("The \"Plan\": Été 東京");
  g_autoptr(GDateTime) created = g_date_time_new_utc (2026, 3, 14, 9, 0, 0);
  g_autoptr(GDateTime) modified = g_date_time_new_utc (2026, 4, 1, 12, 0, 0);

  steward_export_source_set_author (source, "Zoë \\ Ångström");
  steward_export_source_set_dates (source, created, modified);
  steward_export_source_add_section (source, "Brief *and* audience", body);
  steward_export_source_add_section (source, "Goals", "No newline at the end");

  return source;
}

static void
test_document (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  Outline read;

  g_assert_true (steward_markdown_document_write (source, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_write_all (out, "", 1, NULL, NULL, NULL);
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));

  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text,
                                   "---\n"
                                   "title: \"The \\\\\\\"Plan\\\\\\\": Été 東京\"\n"
                                   "author: \"Zoë \\\\\\\\ Ångström\"\n"
                                   "date: \"2026-04-01\"\n"
                                   "---\n"
                                   "\n"
                                   "# Brief \\*and\\* audience\n"
                                   "\n"
                                   "## One\n"));
  g_assert_true (g_str_has_suffix (text, "\n# Goals\n\nNo newline at the end\n"));

  /* md4c knows no front matter: the sections after it */
  outline (strstr (text, "\n---\n") + 5, &read);
  g_assert_cmpstr (g_ptr_array_index (read.headings, 0), ==, "1 Brief *and* audience");
  g_assert_cmpstr (g_ptr_array_index (read.headings, 1), ==, "2 One");
  g_assert_cmpstr (g_ptr_array_index (read.headings, read.headings->len - 1), ==, "1 Goals");
  outline_clear (&read);
}

/* pandoc takes the front matter for the document's metadata. */
static void
test_pandoc_metadata (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autofree char *dir = g_dir_make_tmp ("steward-md-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "doc.md", NULL);
  g_autofree char *template = g_build_filename (dir, "meta.txt", NULL);
  g_autofree char *template_arg = g_strconcat ("--template=", template, NULL);
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pandoc = g_find_program_in_path ("pandoc");
  g_autofree char *stdout_text = NULL;
  int status = 0;

  if (pandoc == NULL)
    {
      g_test_skip ("pandoc is not installed");
      return;
    }

  /* Through memory: a GFile would load GIO's modules, whose one-time
   * allocations LeakSanitizer reports */
  g_assert_true (steward_markdown_document_write (source, out, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path,
                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                       g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)),
                       &error);
  g_assert_no_error (error);
  g_file_set_contents (template, "$title$|$author$|$date$\n", -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { pandoc, "--from=markdown", "--to=plain", "--standalone", template_arg, path, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                  &stdout_text, NULL, &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  g_assert_cmpstr (stdout_text, ==, "The \"Plan\": Été 東京|Zoë \\ Ångström|2026-04-01\n");

  g_unlink (path);
  g_unlink (template);
  g_rmdir (dir);
}

static void
cancel_cb (double   fraction,
           gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

static void
test_cancel (void)
{
  g_autoptr(StewardExportSource) source = make_source ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_false (steward_markdown_document_write (source, out, cancel_cb, cancellable, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* The export job runs every writer through this type: a writer whose
 * signature drifts fails to build here. */
static const StewardExportWriteFunc writer G_GNUC_UNUSED = steward_markdown_document_write;

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/markdown-document/shift-headings", test_shift_headings);
  g_test_add_func ("/steward/markdown-document/document", test_document);
  g_test_add_func ("/steward/markdown-document/pandoc-metadata", test_pandoc_metadata);
  g_test_add_func ("/steward/markdown-document/cancel", test_cancel);

  return g_test_run ();
}
