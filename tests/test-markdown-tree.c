/* test-markdown-tree.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-markdown.h"

/* The tree's shape, written out as S-expressions so that a test states the
 * whole of it at once:
 *
 *   blocks  (p RUNS) (h2 RUNS) (ul tight ITEMS) (ol 3 loose ITEMS)
 *           (li BLOCKS) (li [ ] BLOCKS) (li [x] BLOCKS) (quote BLOCKS)
 *           (code LANGUAGE "text") (code "text") (hr)
 *           (table ALIGNMENTS (tr (th RUNS) …) (tr (td RUNS) …))
 *   runs    "text" (em RUNS) (strong RUNS) (del RUNS) (u RUNS) (tt "code")
 *           (a "href" RUNS) (img "src" "description") (br)
 */

static void write_blocks (GString *out, const StewardMarkdownNode *first);

static void
write_string (GString    *out,
              const char *text)
{
  g_autofree char *escaped = g_strescape (text, NULL);

  g_string_append_printf (out, "\"%s\"", escaped);
}

static void
write_runs (GString                     *out,
            const StewardMarkdownInline *first)
{
  static const char *names[] = {
    [STEWARD_MARKDOWN_INLINE_EMPHASIS] = "em",
    [STEWARD_MARKDOWN_INLINE_STRONG] = "strong",
    [STEWARD_MARKDOWN_INLINE_STRIKETHROUGH] = "del",
    [STEWARD_MARKDOWN_INLINE_UNDERLINE] = "u",
    [STEWARD_MARKDOWN_INLINE_CODE] = "tt",
    [STEWARD_MARKDOWN_INLINE_LINK] = "a",
    [STEWARD_MARKDOWN_INLINE_IMAGE] = "img",
    [STEWARD_MARKDOWN_INLINE_LINE_BREAK] = "br",
  };

  for (const StewardMarkdownInline *run = first; run != NULL; run = run->next)
    {
      if (run != first)
        g_string_append_c (out, ' ');

      if (run->kind == STEWARD_MARKDOWN_INLINE_TEXT)
        {
          g_assert_null (run->children);
          write_string (out, run->text);
          continue;
        }

      g_string_append_printf (out, "(%s", names[run->kind]);
      if (run->href != NULL)
        {
          g_string_append_c (out, ' ');
          write_string (out, run->href);
        }
      if (run->text != NULL)
        {
          g_string_append_c (out, ' ');
          write_string (out, run->text);
        }
      if (run->children != NULL)
        {
          g_string_append_c (out, ' ');
          write_runs (out, run->children);
        }
      g_string_append_c (out, ')');
    }
}

static void
write_table (GString                   *out,
             const StewardMarkdownNode *table)
{
  static const char aligns[] = { 'd', 'l', 'c', 'r' };

  g_string_append (out, "(table ");
  for (guint column = 0; column < table->table.n_columns; column++)
    g_string_append_c (out, aligns[table->table.alignments[column]]);

  for (guint row = 0; row < table->table.n_rows; row++)
    {
      g_string_append (out, " (tr");
      for (guint column = 0; column < table->table.n_columns; column++)
        {
          const StewardMarkdownInline *cell = table->table.cells[row * table->table.n_columns + column];

          g_string_append_printf (out, " (%s", row < table->table.header_rows ? "th" : "td");
          if (cell != NULL)
            {
              g_string_append_c (out, ' ');
              write_runs (out, cell);
            }
          g_string_append_c (out, ')');
        }
      g_string_append_c (out, ')');
    }
  g_string_append_c (out, ')');
}

static void
write_block (GString                   *out,
             const StewardMarkdownNode *node)
{
  switch (node->kind)
    {
    case STEWARD_MARKDOWN_NODE_PARAGRAPH:
    case STEWARD_MARKDOWN_NODE_HEADING:
      if (node->kind == STEWARD_MARKDOWN_NODE_PARAGRAPH)
        g_string_append (out, "(p");
      else
        g_string_append_printf (out, "(h%u", node->heading.level);
      if (node->inlines != NULL)
        {
          g_string_append_c (out, ' ');
          write_runs (out, node->inlines);
        }
      g_string_append_c (out, ')');
      break;

    case STEWARD_MARKDOWN_NODE_LIST:
      if (node->list.ordered)
        g_string_append_printf (out, "(ol %u", node->list.start);
      else
        g_string_append (out, "(ul");
      g_string_append (out, node->list.tight ? " tight " : " loose ");
      write_blocks (out, node->children);
      g_string_append_c (out, ')');
      break;

    case STEWARD_MARKDOWN_NODE_ITEM:
      g_string_append (out, "(li");
      if (node->item.task != STEWARD_MARKDOWN_TASK_NONE)
        g_string_append (out, node->item.task == STEWARD_MARKDOWN_TASK_CHECKED ? " [x]" : " [ ]");
      if (node->children != NULL)
        {
          g_string_append_c (out, ' ');
          write_blocks (out, node->children);
        }
      g_string_append_c (out, ')');
      break;

    case STEWARD_MARKDOWN_NODE_QUOTE:
      g_string_append (out, "(quote ");
      write_blocks (out, node->children);
      g_string_append_c (out, ')');
      break;

    case STEWARD_MARKDOWN_NODE_CODE:
      g_string_append (out, "(code ");
      if (node->code.language != NULL)
        g_string_append_printf (out, "%s ", node->code.language);
      write_string (out, node->code.text);
      g_string_append_c (out, ')');
      break;

    case STEWARD_MARKDOWN_NODE_TABLE:
      write_table (out, node);
      break;

    case STEWARD_MARKDOWN_NODE_RULE:
      g_string_append (out, "(hr)");
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
write_blocks (GString                   *out,
              const StewardMarkdownNode *first)
{
  for (const StewardMarkdownNode *node = first; node != NULL; node = node->next)
    {
      if (node != first)
        g_string_append_c (out, ' ');
      write_block (out, node);
    }
}

/* Every node is its children's parent, and only containers have any. */
static void
assert_runs_linked (const StewardMarkdownInline *first,
                    const StewardMarkdownInline *parent)
{
  for (const StewardMarkdownInline *run = first; run != NULL; run = run->next)
    {
      g_assert_true (run->parent == parent);
      g_assert_true (g_utf8_validate (run->text ? run->text : "", -1, NULL));
      if (run->kind == STEWARD_MARKDOWN_INLINE_LINK)
        g_assert_true (g_ascii_strncasecmp (run->href, "http://", 7) == 0 ||
                       g_ascii_strncasecmp (run->href, "https://", 8) == 0 ||
                       g_ascii_strncasecmp (run->href, "mailto:", 7) == 0);
      assert_runs_linked (run->children, run);
    }
}

static void
assert_blocks_linked (const StewardMarkdownNode *first,
                      const StewardMarkdownNode *parent)
{
  for (const StewardMarkdownNode *node = first; node != NULL; node = node->next)
    {
      g_assert_true (node->parent == parent);
      if (node->kind == STEWARD_MARKDOWN_NODE_ITEM)
        g_assert_true (parent != NULL && parent->kind == STEWARD_MARKDOWN_NODE_LIST);
      if (node->kind == STEWARD_MARKDOWN_NODE_LIST)
        for (const StewardMarkdownNode *item = node->children; item != NULL; item = item->next)
          g_assert_cmpint (item->kind, ==, STEWARD_MARKDOWN_NODE_ITEM);
      if (node->kind != STEWARD_MARKDOWN_NODE_LIST &&
          node->kind != STEWARD_MARKDOWN_NODE_ITEM &&
          node->kind != STEWARD_MARKDOWN_NODE_QUOTE)
        g_assert_null (node->children);

      assert_runs_linked (node->inlines, NULL);
      if (node->kind == STEWARD_MARKDOWN_NODE_TABLE)
        for (guint i = 0; i < node->table.n_rows * node->table.n_columns; i++)
          assert_runs_linked (node->table.cells[i], NULL);

      assert_blocks_linked (node->children, node);
    }
}

static char *
tree_string (const char *markdown)
{
  g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (markdown, -1);
  GString *out = g_string_new (NULL);

  assert_blocks_linked (steward_markdown_tree_get_blocks (tree), NULL);
  write_blocks (out, steward_markdown_tree_get_blocks (tree));

  return g_string_free (out, FALSE);
}

#define assert_tree(markdown, expected) \
  G_STMT_START { \
    g_autofree char *actual__ = tree_string (markdown); \
    g_assert_cmpstr (actual__, ==, expected); \
  } G_STMT_END

static void
test_inlines (void)
{
  assert_tree ("# Title *x*\n\nHello **you** and `a < b`, ~~gone~~  \nnext &amp; soft\nbreak\n",
               "(h1 \"Title \" (em \"x\")) "
               "(p \"Hello \" (strong \"you\") \" and \" (tt \"a < b\") \", \" (del \"gone\") (br) "
               "\"next & soft break\")");
  assert_tree ("***both*** and **bold *nested* here**\n\n#\n",
               "(p (em (strong \"both\")) \" and \" (strong \"bold \" (em \"nested\") \" here\")) (h1)");
}

static void
test_list_with_code (void)
{
  assert_tree ("- a\n"
               "  1. b\n"
               "\n"
               "     ```sh\n"
               "     echo hi\n"
               "     ```\n"
               "  2. c\n"
               "- [x] done\n"
               "- [ ] open\n",
               "(ul tight "
               "(li (p \"a\") (ol 1 loose (li (p \"b\") (code sh \"echo hi\")) (li (p \"c\")))) "
               "(li [x] (p \"done\")) "
               "(li [ ] (p \"open\")))");
  assert_tree ("3. three\n\n   tail\n4. four\n",
               "(ol 3 loose (li (p \"three\") (p \"tail\")) (li (p \"four\")))");
  assert_tree ("-\n-     indented\n",
               "(ul tight (li) (li (code \"indented\")))");
}

static void
test_quote_with_list (void)
{
  assert_tree ("> intro *x*\n"
               ">\n"
               "> - one\n"
               "> - two\n"
               ">\n"
               "> > deeper\n"
               "\n"
               "- > in a list\n",
               "(quote (p \"intro \" (em \"x\")) (ul tight (li (p \"one\")) (li (p \"two\"))) "
               "(quote (p \"deeper\"))) "
               "(ul tight (li (quote (p \"in a list\"))))");
}

static void
test_table (void)
{
  g_autoptr(StewardMarkdownTree) tree = NULL;
  const StewardMarkdownNode *table;

  assert_tree ("| a | `b` | x |\n"
               "|:--|--:|:-:|\n"
               "| [l *e*](https://x.org) | a \\| b |\n"
               "| one |\n",
               "(table lrc "
               "(tr (th \"a\") (th (tt \"b\")) (th \"x\")) "
               "(tr (td (a \"https://x.org\" \"l \" (em \"e\"))) (td \"a | b\") (td)) "
               "(tr (td \"one\") (td) (td)))");

  tree = steward_markdown_parse_tree ("x | y\n---|---\n1 | 2\n", -1);
  table = steward_markdown_tree_get_blocks (tree);
  g_assert_cmpint (table->kind, ==, STEWARD_MARKDOWN_NODE_TABLE);
  g_assert_cmpuint (table->table.n_columns, ==, 2);
  g_assert_cmpuint (table->table.n_rows, ==, 2);
  g_assert_cmpuint (table->table.header_rows, ==, 1);
  g_assert_cmpint (table->table.alignments[0], ==, STEWARD_MARKDOWN_ALIGN_DEFAULT);
}

static void
test_links (void)
{
  assert_tree ("[**bold** and *em*](https://e.org/?a=1&amp;b) <https://auto.example> "
               "<mailto:me@x.org> www.example.com\n",
               "(p (a \"https://e.org/?a=1&b\" (strong \"bold\") \" and \" (em \"em\")) \" \" "
               "(a \"https://auto.example\" \"https://auto.example\") \" \" "
               "(a \"mailto:me@x.org\" \"mailto:me@x.org\") \" \" "
               "(a \"http://www.example.com\" \"www.example.com\"))");
  assert_tree ("![alt *e* `c`](https://i.example/x.png) [![in link](a.png)](https://l.org)\n",
               "(p (img \"https://i.example/x.png\" \"alt e c\") \" \" "
               "(a \"https://l.org\" (img \"a.png\" \"in link\")))");
}

/* A link anywhere else than http, https or mailto is left out: its
 * content stays, as text. */
static void
test_unsafe_links (void)
{
  assert_tree ("[a](javascript:alert(1)) [*b*](JavaScript:x) [c](jav&#x61;script:x) "
               "[d](data:text/html,x) [e](/relative) [f](file:///etc/passwd) [](https://empty.org)\n",
               "(p \"a \" (em \"b\") \" c d e f \" (a \"https://empty.org\"))");
  /* Nor is there a link inside a link */
  assert_tree ("[see www.inner.org here](https://outer.org)\n",
               "(p (a \"https://outer.org\" \"see www.inner.org here\"))");
}

static void
test_code_blocks (void)
{
  const char *text = "Para\n\n```python extra\nif a:\n\n    pass\n```\n\n    indented\n";
  g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (text, -1);
  const StewardMarkdownNode *para = steward_markdown_tree_get_blocks (tree);
  const StewardMarkdownNode *fenced = para->next;
  const StewardMarkdownNode *indented = fenced->next;

  g_assert_cmpstr (fenced->code.language, ==, "python");
  g_assert_cmpstr (fenced->code.text, ==, "if a:\n\n    pass");
  g_assert_true (fenced->code.fenced);
  g_assert_null (indented->code.language);
  g_assert_cmpstr (indented->code.text, ==, "indented");
  g_assert_false (indented->code.fenced);
  g_assert_null (indented->next);

  /* Where each block's text is in the source */
  g_assert_cmpint (para->source_first, ==, 0);
  g_assert_cmpint (para->source_last, ==, 4);
  g_assert_cmpint (fenced->source_first, ==, strstr (text, "if a:") - text);
  g_assert_cmpint (fenced->source_last, ==, strstr (text, "pass") + 4 - text);

  assert_tree ("```\n```\n", "(code \"\")");
}

static void
test_rules_and_empty (void)
{
  assert_tree ("", "");
  assert_tree ("\n\n\n", "");
  assert_tree ("a\n\n---\n\n* * *\n", "(p \"a\") (hr) (hr)");
}

/* md4c 0.4.8 scans an autolink inside a link's text past the end of
 * the document it was given, and hands over a size to match (found by
 * fuzzing: fuzz/regressions/markdown/autolink-in-link-text-size, a
 * 4 GiB size). Here the document is followed by more text that is not
 * part of it: nothing past its end shows. */
static void
test_autolink_in_link_text (void)
{
  const char *texts[] = { "[jz ](www`", "[a ](www.", "x [b ](http://", "[c](www" };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gsize len = strlen (texts[i]);

      /* Whatever byte comes after the end */
      for (guint after = 1; after < 256; after++)
        {
          g_autofree char *buffer = g_strdup_printf ("%s%cexample.org/after-the-end", texts[i], after);
          g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (buffer, len);
          const StewardMarkdownNode *para = steward_markdown_tree_get_blocks (tree);

          g_assert_nonnull (para);
          for (const StewardMarkdownInline *run = para->inlines; run != NULL; run = run->next)
            {
              g_assert_cmpuint (run->text ? strlen (run->text) : 0, <=, len);
              g_assert_null (run->text ? strstr (run->text, "after") : NULL);
            }
          g_assert_cmpint (para->source_last, <=, (gssize) len);
        }
    }
}

static void
test_invalid_utf8 (void)
{
  const char text[] = "ok \xC3 end\0x\n";
  g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (text, sizeof text - 1);
  const StewardMarkdownNode *para = steward_markdown_tree_get_blocks (tree);

  g_assert_cmpstr (para->inlines->text, ==, "ok \xEF\xBF\xBD end\xEF\xBF\xBDx");
}

/* A hostile reply nests far deeper than a renderer could recurse. */
static void
test_deep (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(StewardMarkdownTree) tree = NULL;
  g_autoptr(GPtrArray) blocks = NULL;
  const StewardMarkdownNode *node;
  guint depth = 0;

  for (guint i = 0; i < 50000; i++)
    g_string_append_c (text, '>');
  g_string_append (text, " deep\n");

  tree = steward_markdown_parse_tree (text->str, text->len);
  for (node = steward_markdown_tree_get_blocks (tree); node->children != NULL; node = node->children)
    depth++;
  g_assert_cmpuint (depth, ==, 50000);
  g_assert_cmpint (node->kind, ==, STEWARD_MARKDOWN_NODE_PARAGRAPH);

  blocks = steward_markdown_pango_render (tree);
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpuint (((StewardMarkdownBlock *) g_ptr_array_index (blocks, 0))->level, ==, 50000);
}

/* The Pango blocks are a rendering of the tree: the same for
 * steward_markdown_parse(). */
static void
test_pango_render (void)
{
  static const char *texts[] = {
    "# T\n\n- a\n  - b\n\n    ```c\n    x;\n    ```\n  after\n\n> q\n>\n> 1. x\n\n| a |\n|---|\n| `b` |\n",
    "[a](javascript:x) [**b**](https://b.org) ![i](x.png)\n\n---\n\n- [ ] t\n",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (texts[i], -1);
      g_autoptr(GPtrArray) rendered = steward_markdown_pango_render (tree);
      g_autoptr(GPtrArray) parsed = steward_markdown_parse (texts[i], -1);

      g_assert_cmpuint (rendered->len, ==, parsed->len);
      for (guint j = 0; j < parsed->len; j++)
        g_assert_true (steward_markdown_block_equal (g_ptr_array_index (rendered, j),
                                                     g_ptr_array_index (parsed, j)));
    }
}

static void
test_boxed (void)
{
  StewardMarkdownTree *tree = steward_markdown_parse_tree ("*x*", -1);
  StewardMarkdownTree *copy = g_boxed_copy (STEWARD_TYPE_MARKDOWN_TREE, tree);

  g_assert_true (copy == tree);
  g_boxed_free (STEWARD_TYPE_MARKDOWN_TREE, copy);
  g_assert_cmpint (steward_markdown_tree_get_blocks (tree)->inlines->kind, ==,
                   STEWARD_MARKDOWN_INLINE_EMPHASIS);
  steward_markdown_tree_unref (tree);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/markdown-tree/inlines", test_inlines);
  g_test_add_func ("/steward/markdown-tree/list-with-code", test_list_with_code);
  g_test_add_func ("/steward/markdown-tree/quote-with-list", test_quote_with_list);
  g_test_add_func ("/steward/markdown-tree/table", test_table);
  g_test_add_func ("/steward/markdown-tree/links", test_links);
  g_test_add_func ("/steward/markdown-tree/unsafe-links", test_unsafe_links);
  g_test_add_func ("/steward/markdown-tree/code-blocks", test_code_blocks);
  g_test_add_func ("/steward/markdown-tree/rules-and-empty", test_rules_and_empty);
  g_test_add_func ("/steward/markdown-tree/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/steward/markdown-tree/autolink-in-link-text", test_autolink_in_link_text);
  g_test_add_func ("/steward/markdown-tree/deep", test_deep);
  g_test_add_func ("/steward/markdown-tree/pango-render", test_pango_render);
  g_test_add_func ("/steward/markdown-tree/boxed", test_boxed);

  return g_test_run ();
}
