/* test-markdown.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "steward-markdown.h"

#define BLOCK(blocks, i) ((StewardMarkdownBlock *) g_ptr_array_index ((blocks), (i)))

static const char *samples[] = {
  /* Headings and paragraphs */
  "# Title\n\nA paragraph with *emphasis*, **strong**, `code` and ~~gone~~.\n"
  "It goes on here.\n\n## Second\n\nSetext\n======\n\nOther\n---\n\n###### Six\n",
  /* Tight and loose lists, nesting */
  "Intro:\n\n- one\n- two\n  - two.a\n  - two.b\n    - deep\n- three\n\nAfter.\n\n"
  "- loose one\n\n- loose two\n\n  with a second paragraph\n\n- loose three\n",
  /* Ordered lists */
  "3. three\n4. four\n5. five\n\nText\n\n1. a\n1. b\n1. c\n\n1. again\n\n1. lazy\n\n1. numbering\n",
  "1) paren\n2) list\n\n10. ten\n11. eleven\n    1. nested\n    2. nested two\n12. twelve\n",
  /* Task lists */
  "- [ ] open task\n- [x] done task\n- [X] also done\n- plain\n",
  /* Fenced code with blank lines */
  "Code:\n\n```python\ndef f():\n\n    return 1\n\n\n# end\n```\n\nAfter code.\n\n"
  "~~~\ntilde ``` inside\n\n~~~\n\n````md\n```\nnested fence\n```\n````\n",
  /* Code in lists */
  "- item\n\n  ```sh\n  echo hi\n\n  echo bye\n  ```\n\n  tail paragraph\n- next item\n",
  /* Unclosed fence */
  "Before\n\n```js\nlet a = 1;\n\nlet b = 2;\n",
  /* Indented code */
  "Para\n\n    indented code\n\n    more code\n\nBack to text.\n",
  /* Tables */
  "| Name | Qty | Price |\n|:-----|:---:|------:|\n| *apple* | 3 | $1 |\n| `pear` | 10 |\n"
  "| a \\| b | **x** | [l](https://e.org) |\n\nAfter table.\n\n"
  "x | y\n--|--\n1 | 2\ncontinued row\n\nend\n",
  /* Quotes */
  "> quote one\n> still one\n>\n> second para\n>> nested\n\n> another quote\n\nplain\n\n"
  "> - list in quote\n> - two\n\n> ```\n> code in quote\n> ```\n",
  /* Rules */
  "Text\n\n---\n\n***\n\n___\n\n- - -\n\nEnd\n",
  /* Emoji and CJK */
  "# 你好，世界 🌍\n\n日本語のテキスト、**強調**と*斜体*。😀👍🏽👨‍👩‍👧‍👦\n\n"
  "- 一\n- 二 🎉\n\n| 列 | 値 |\n|---|---|\n| 🍎 | 林檎 |\n\n```\n코드 ✓\n```\n",
  /* Escaping */
  "Less < than & greater > \"quoted\" 'single' <b>html</b> <script>x</script>\n\n"
  "`<tt>&amp;</tt>` and [a&b](https://x.org/?a=1&b=\"2\"<>) and [js](javascript:alert(1))\n\n"
  "```html\n<div class=\"a\">&amp;</div>\n```\n\n&lt;not a tag&gt; &copy; &#169; &#x1F600; &bogus;\n",
  /* Breaks and images */
  "hard  \nbreak and soft\nbreak\\\nbackslash break\n\n![alt *text*](https://img/x.png) and "
  "[![img in link](a.png)](https://l.org)\n",
  /* No blank lines between blocks */
  "# Heading\nParagraph right after.\n## Another\n- list\n- items\n```\ncode\n```\n> quote\n---\nend\n",
  /* Things that look different half-way */
  "text\n***bold italic*** line\n\n**bold\ncontinues**\n\n- a\n-\n- c\n\npara\n1. one can interrupt\n\n"
  "para\n2. two cannot\n\n1.\n\n-\n  empty first line item\n",
  /* CRLF */
  "# CRLF\r\n\r\nline one\r\nline two\r\n\r\n- a\r\n- b\r\n\r\n```\r\ncode\r\n\r\nmore\r\n```\r\n",
  /* Fence in a list item left open, then a top-level fence */
  "- a\n\n   ```\n   x\n\nfoo\n\n```\ny\n\nbar\n```\n\nend\n",
  /* Deep nesting and mixed containers */
  "> 1. quoted list\n>    - nested\n>\n>      > inner quote\n\n- > quote in list\n- # heading in list\n"
  "-     indented code in list\n",
  /* Autolinks */
  "Visit https://example.org/path?q=1 or www.example.com or mail me@example.org.\n\n"
  "<https://angle.example> and <mailto:x@y.z> and ftp://nope.example\n",
  /* Tabs and trailing spaces */
  "-\tTabbed item\n\t-\tnested tab\n\n\tcode with tab\n\nend   \n",
  "",
  "\n\n\n",
  "single line no newline",
};

typedef struct
{
  gboolean failed;
} MarkupCheck;

static void
check_start_element (GMarkupParseContext  *context,
                     const char           *element_name,
                     const char          **attribute_names,
                     const char          **attribute_values,
                     gpointer              user_data,
                     GError              **error)
{
  static const char *allowed[] = { "markup", "b", "i", "s", "u", "tt", "a" };
  gboolean known = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (allowed); i++)
    known |= g_str_equal (element_name, allowed[i]);

  if (!known)
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ELEMENT,
                 "Unexpected element <%s>", element_name);
  else if (g_str_equal (element_name, "a"))
    {
      if (attribute_names[0] == NULL || !g_str_equal (attribute_names[0], "href") ||
          attribute_names[1] != NULL ||
          !(g_ascii_strncasecmp (attribute_values[0], "http://", 7) == 0 ||
            g_ascii_strncasecmp (attribute_values[0], "https://", 8) == 0 ||
            g_ascii_strncasecmp (attribute_values[0], "mailto:", 7) == 0))
        g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_INVALID_CONTENT, "Bad <a>");
    }
  else if (attribute_names[0] != NULL)
    g_set_error (error, G_MARKUP_ERROR, G_MARKUP_ERROR_UNKNOWN_ATTRIBUTE,
                 "Unexpected attribute on <%s>", element_name);
}

static void
assert_valid_markup (const char *markup)
{
  static const GMarkupParser parser = { check_start_element, NULL, NULL, NULL, NULL };
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wrapped = NULL;

  g_assert_nonnull (markup);
  g_assert_true (g_utf8_validate (markup, -1, NULL));

  wrapped = g_strconcat ("<markup>", markup, "</markup>", NULL);
  context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  if (!g_markup_parse_context_parse (context, wrapped, -1, &error) ||
      !g_markup_parse_context_end_parse (context, &error))
    g_error ("Invalid markup %s: %s", wrapped, error->message);
}

static void
assert_valid_block (const StewardMarkdownBlock *block)
{
  switch (block->kind)
    {
    case STEWARD_MARKDOWN_PARAGRAPH:
    case STEWARD_MARKDOWN_HEADING:
    case STEWARD_MARKDOWN_QUOTE:
    case STEWARD_MARKDOWN_LIST_ITEM:
      assert_valid_markup (block->markup);
      g_assert_null (block->text);
      g_assert_null (block->cells);
      g_assert_true ((block->kind == STEWARD_MARKDOWN_LIST_ITEM) == (block->bullet != NULL));
      if (block->kind == STEWARD_MARKDOWN_HEADING)
        g_assert_true (block->level >= 1 && block->level <= 6);
      if (block->kind == STEWARD_MARKDOWN_QUOTE)
        g_assert_cmpuint (block->level, >=, 1);
      break;

    case STEWARD_MARKDOWN_CODE:
      g_assert_nonnull (block->text);
      g_assert_true (g_utf8_validate (block->text, -1, NULL));
      g_assert_null (block->markup);
      g_assert_null (block->bullet);
      break;

    case STEWARD_MARKDOWN_TABLE:
      g_assert_null (block->markup);
      g_assert_cmpuint (block->n_columns, >, 0);
      g_assert_cmpuint (block->header_rows, ==, 1);
      g_assert_nonnull (block->cells);
      g_assert_cmpuint (block->cells->len % block->n_columns, ==, 0);
      g_assert_cmpuint (block->cells->len, >=, block->n_columns);
      g_assert_cmpuint (strlen (block->alignments), ==, block->n_columns);
      for (guint i = 0; i < block->cells->len; i++)
        assert_valid_markup (g_ptr_array_index (block->cells, i));
      break;

    case STEWARD_MARKDOWN_RULE:
      g_assert_null (block->markup);
      g_assert_null (block->text);
      break;

    default:
      g_assert_not_reached ();
    }
}

static GPtrArray *
parse (const char *text)
{
  GPtrArray *blocks = steward_markdown_parse (text, -1);

  for (guint i = 0; i < blocks->len; i++)
    assert_valid_block (BLOCK (blocks, i));

  return blocks;
}

static void
test_paragraph (void)
{
  g_autoptr(GPtrArray) blocks = parse ("Hello *you* and **me**, `x` ~~y~~\nsoft  \nhard\n\nSecond");

  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpint (BLOCK (blocks, 0)->kind, ==, STEWARD_MARKDOWN_PARAGRAPH);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==,
                   "Hello <i>you</i> and <b>me</b>, <tt>x</tt> <s>y</s> soft\nhard");
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "Second");
  g_assert_null (BLOCK (blocks, 1)->bullet);
}

static void
test_heading (void)
{
  g_autoptr(GPtrArray) blocks = parse ("# One\n### Three *x*\n\nSetext\n---\n");

  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (BLOCK (blocks, 0)->kind, ==, STEWARD_MARKDOWN_HEADING);
  g_assert_cmpuint (BLOCK (blocks, 0)->level, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "One");
  g_assert_cmpuint (BLOCK (blocks, 1)->level, ==, 3);
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "Three <i>x</i>");
  g_assert_cmpint (BLOCK (blocks, 2)->kind, ==, STEWARD_MARKDOWN_HEADING);
  g_assert_cmpuint (BLOCK (blocks, 2)->level, ==, 2);
}

static void
test_code (void)
{
  g_autoptr(GPtrArray) blocks = parse ("```python extra words\nif a < b && c:\n\n    pass\n```\n\n"
                                       "~~~\nplain\n~~~\n\n    indented\n");

  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (BLOCK (blocks, 0)->kind, ==, STEWARD_MARKDOWN_CODE);
  g_assert_cmpstr (BLOCK (blocks, 0)->language, ==, "python");
  g_assert_cmpstr (BLOCK (blocks, 0)->text, ==, "if a < b && c:\n\n    pass");
  g_assert_null (BLOCK (blocks, 0)->markup);
  g_assert_null (BLOCK (blocks, 1)->language);
  g_assert_cmpstr (BLOCK (blocks, 1)->text, ==, "plain");
  g_assert_cmpstr (BLOCK (blocks, 2)->text, ==, "indented");
}

static void
test_quote (void)
{
  g_autoptr(GPtrArray) blocks = parse ("> one *a*\n> still\n>\n> two\n>> deep\n");

  g_assert_cmpuint (blocks->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (BLOCK (blocks, i)->kind, ==, STEWARD_MARKDOWN_QUOTE);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "one <i>a</i> still");
  g_assert_cmpuint (BLOCK (blocks, 0)->level, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "two");
  g_assert_cmpuint (BLOCK (blocks, 2)->level, ==, 2);
  g_assert_cmpstr (BLOCK (blocks, 2)->markup, ==, "deep");
}

static void
test_rule (void)
{
  g_autoptr(GPtrArray) blocks = parse ("a\n\n---\n\n* * *\n");

  g_assert_cmpuint (blocks->len, ==, 3);
  g_assert_cmpint (BLOCK (blocks, 1)->kind, ==, STEWARD_MARKDOWN_RULE);
  g_assert_cmpint (BLOCK (blocks, 2)->kind, ==, STEWARD_MARKDOWN_RULE);
}

static void
test_table (void)
{
  g_autoptr(GPtrArray) blocks = parse ("| Name | Qty | Price | x |\n"
                                       "|:-----|:---:|------:|---|\n"
                                       "| *apple* & co | `3` | [$1](https://p.example/?a&b) | |\n"
                                       "| pear | a \\| b |\n");
  StewardMarkdownBlock *table;
  const char *expected[] = {
    "Name", "Qty", "Price", "x",
    "<i>apple</i> &amp; co", "<tt>3</tt>", "<a href=\"https://p.example/?a&amp;b\">$1</a>", "",
    "pear", "a | b", "", "",
  };

  g_assert_cmpuint (blocks->len, ==, 1);
  table = BLOCK (blocks, 0);
  g_assert_cmpint (table->kind, ==, STEWARD_MARKDOWN_TABLE);
  g_assert_cmpuint (table->n_columns, ==, 4);
  g_assert_cmpuint (table->header_rows, ==, 1);
  g_assert_cmpstr (table->alignments, ==, "lcrl");
  g_assert_cmpuint (table->cells->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (g_ptr_array_index (table->cells, i), ==, expected[i]);
}

static void
test_list_nested (void)
{
  g_autoptr(GPtrArray) blocks = parse ("- a\n  - b\n    - c\n      - d\n- e\n\n  e2\n\n"
                                       "  ```c\n  x;\n  ```\n  after\n");
  struct { guint level; const char *bullet; const char *markup; } expected[] = {
    { 0, "•", "a" }, { 1, "◦", "b" }, { 2, "▪", "c" }, { 3, "▪", "d" },
    { 0, "•", "e" }, { 0, "", "e2" },
  };

  g_assert_cmpuint (blocks->len, ==, 8);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpint (BLOCK (blocks, i)->kind, ==, STEWARD_MARKDOWN_LIST_ITEM);
      g_assert_cmpuint (BLOCK (blocks, i)->level, ==, expected[i].level);
      g_assert_cmpstr (BLOCK (blocks, i)->bullet, ==, expected[i].bullet);
      g_assert_cmpstr (BLOCK (blocks, i)->markup, ==, expected[i].markup);
    }
  g_assert_cmpint (BLOCK (blocks, 6)->kind, ==, STEWARD_MARKDOWN_CODE);
  g_assert_cmpstr (BLOCK (blocks, 6)->text, ==, "x;");
  g_assert_cmpstr (BLOCK (blocks, 6)->language, ==, "c");
  g_assert_cmpuint (BLOCK (blocks, 6)->level, ==, 0);
  g_assert_cmpstr (BLOCK (blocks, 7)->bullet, ==, "");
  g_assert_cmpstr (BLOCK (blocks, 7)->markup, ==, "after");
}

static void
test_list_loose (void)
{
  g_autoptr(GPtrArray) tight = parse ("- a\n- b\n  - c\n");
  g_autoptr(GPtrArray) loose = parse ("- a\n\n- b\n\n  - c\n");

  g_assert_cmpuint (tight->len, ==, 3);
  g_assert_cmpuint (loose->len, ==, 3);
  for (guint i = 0; i < tight->len; i++)
    g_assert_true (steward_markdown_block_equal (BLOCK (tight, i), BLOCK (loose, i)));
}

static void
test_list_ordered (void)
{
  g_autoptr(GPtrArray) blocks = parse ("3. three\n4. four\n   1. inner\n   1. inner two\n1. five\n\n"
                                       "text\n\n7) seven\n");
  const char *bullets[] = { "3.", "4.", "1.", "2.", "5." };

  g_assert_cmpuint (blocks->len, ==, 7);
  for (guint i = 0; i < G_N_ELEMENTS (bullets); i++)
    g_assert_cmpstr (BLOCK (blocks, i)->bullet, ==, bullets[i]);
  g_assert_cmpuint (BLOCK (blocks, 2)->level, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 6)->bullet, ==, "7.");
}

static void
test_list_task (void)
{
  g_autoptr(GPtrArray) blocks = parse ("- [ ] todo\n- [x] done *now*\n- [X] Done\n- [] not a task\n");

  g_assert_cmpuint (blocks->len, ==, 4);
  g_assert_cmpstr (BLOCK (blocks, 0)->bullet, ==, "☐");
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "todo");
  g_assert_cmpstr (BLOCK (blocks, 1)->bullet, ==, "☑");
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "done <i>now</i>");
  g_assert_cmpstr (BLOCK (blocks, 2)->bullet, ==, "☑");
  g_assert_cmpstr (BLOCK (blocks, 3)->bullet, ==, "•");
  g_assert_cmpstr (BLOCK (blocks, 3)->markup, ==, "[] not a task");
}

static void
test_escaping (void)
{
  g_autoptr(GPtrArray) blocks = parse ("a < b > c & \"d\" 'e' <b>raw</b> &lt;x&gt; &amp;amp;\n\n"
                                       "`<i>&</i>`\n\n"
                                       "```\n<b>&amp;</b>\n```\n\n"
                                       "## <h> & co\n\n"
                                       "[t](https://x.org/?a=1&b=\"2\"&c='3')\n");

  g_assert_cmpuint (blocks->len, ==, 5);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==,
                   "a &lt; b &gt; c &amp; &quot;d&quot; &apos;e&apos; &lt;b&gt;raw&lt;/b&gt; "
                   "&lt;x&gt; &amp;amp;");
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "<tt>&lt;i&gt;&amp;&lt;/i&gt;</tt>");
  /* Code blocks are text, not markup: verbatim */
  g_assert_cmpstr (BLOCK (blocks, 2)->text, ==, "<b>&amp;</b>");
  g_assert_cmpstr (BLOCK (blocks, 3)->markup, ==, "&lt;h&gt; &amp; co");
  g_assert_cmpstr (BLOCK (blocks, 4)->markup, ==,
                   "<a href=\"https://x.org/?a=1&amp;b=&quot;2&quot;&amp;c=&apos;3&apos;\">t</a>");
}

static void
test_links (void)
{
  g_autoptr(GPtrArray) blocks = parse ("[a](javascript:alert(1)) [b](JavaScript:x) "
                                       "[c](jav&#x61;script:x) [d](data:text/html,x) [e](/relative) "
                                       "[f](HTTPS://ok.example) [g](mailto:me@x.org) <http://auto.example> "
                                       "www.example.com ![img *alt*](https://i.example/x.png) "
                                       "[**bold** link](http://b.example)\n");

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==,
                   "a b c d e <a href=\"HTTPS://ok.example\">f</a> "
                   "<a href=\"mailto:me@x.org\">g</a> "
                   "<a href=\"http://auto.example\">http://auto.example</a> "
                   "<a href=\"http://www.example.com\">www.example.com</a> img alt "
                   "<a href=\"http://b.example\"><b>bold</b> link</a>");
}

/* md4c 0.4.8 sometimes leaves a span it never entered: the markup stays
 * well-formed all the same. */
static void
test_unmatched_spans (void)
{
  g_autoptr(GPtrArray) blocks = parse ("[**b** *i*](https://e.org)~~a **b**~~ x\n\n"
                                       "![alt](***https://)<mailto:******`x`\n");

  g_assert_cmpuint (blocks->len, ==, 2);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==,
                   "<a href=\"https://e.org\"><b>b</b> <i>i</i></a>~~a <b>b</b> x");
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "alt&lt;mailto:***<tt>x</tt>");
}

static void
test_invalid_utf8 (void)
{
  const char text[] = "ok \xC3 \xFF\xFE \xE2\x82 end\n\n```\n\xF0\x9F\n```\n";
  g_autoptr(GPtrArray) blocks = steward_markdown_parse (text, sizeof text - 1);

  g_assert_cmpuint (blocks->len, ==, 2);
  for (guint i = 0; i < blocks->len; i++)
    assert_valid_block (BLOCK (blocks, i));
  g_assert_true (g_str_has_prefix (BLOCK (blocks, 0)->markup, "ok \xEF\xBF\xBD"));
}

static void
test_nul (void)
{
  const char text[] = "a\0b\n";
  g_autoptr(GPtrArray) blocks = steward_markdown_parse (text, sizeof text - 1);

  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "a\xEF\xBF\xBD" "b");
}

static void
test_samples_valid (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_autoptr(GPtrArray) blocks = parse (samples[i]);

      if (samples[i][0] != '\0' && !g_str_equal (samples[i], "\n\n\n"))
        g_assert_cmpuint (blocks->len, >, 0);
    }
}

static void
assert_blocks_equal (GPtrArray  *expected,
                     GPtrArray  *actual,
                     guint       from,
                     guint       n,
                     const char *text,
                     gsize       chunk)
{
  for (guint i = from; i < n; i++)
    {
      StewardMarkdownBlock *a = BLOCK (expected, i);
      StewardMarkdownBlock *b = BLOCK (actual, i);

      if (!steward_markdown_block_equal (a, b))
        g_error ("Block %u differs (chunk %" G_GSIZE_FORMAT ") in:\n%s\n"
                 "expected kind %d level %u bullet %s markup %s text %s\n"
                 "got      kind %d level %u bullet %s markup %s text %s",
                 i, chunk, text,
                 a->kind, a->level, a->bullet, a->markup, a->text,
                 b->kind, b->level, b->bullet, b->markup, b->text);
    }
}

/* Streams @text in @chunk byte pieces, checking after every append that
 * the committed blocks are a prefix of the whole parse. */
static void
assert_stream_equivalent (const char *text,
                          gsize       len,
                          gsize       chunk)
{
  g_autoptr(GPtrArray) expected = steward_markdown_parse (text, len);
  g_autoptr(StewardMarkdownStream) stream = steward_markdown_stream_new ();
  GPtrArray *blocks = steward_markdown_stream_get_blocks (stream);
  guint total = 0;

  for (gsize offset = 0; offset < len; offset += chunk)
    {
      gsize size = MIN (chunk, len - offset);
      guint before = blocks->len;
      guint added = steward_markdown_stream_append (stream, text + offset, size);
      const char *pending = steward_markdown_stream_get_pending (stream);

      g_assert_cmpuint (blocks->len, ==, before + added);
      total += added;
      if (blocks->len > expected->len)
        assert_blocks_equal (expected, blocks, before, expected->len, text, chunk);
      g_assert_cmpuint (blocks->len, <=, expected->len);
      assert_blocks_equal (expected, blocks, before, blocks->len, text, chunk);
      g_assert_true (g_utf8_validate (pending, -1, NULL));
    }

  /* Every block but the last is committed once its line is complete */
  if (len > 0 && text[len - 1] == '\n')
    g_assert_cmpuint (blocks->len + 1, >=, expected->len);

  total += steward_markdown_stream_finish (stream);
  g_assert_cmpuint (total, ==, blocks->len);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "");
  g_assert_cmpuint (blocks->len, ==, expected->len);
  assert_blocks_equal (expected, blocks, 0, blocks->len, text, chunk);
}

static const gsize chunk_sizes[] = { 1, 2, 3, 7, 64 };

static void
test_stream_samples (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    for (guint j = 0; j < G_N_ELEMENTS (chunk_sizes); j++)
      assert_stream_equivalent (samples[i], strlen (samples[i]), chunk_sizes[j]);
}

static void
test_stream_all_samples (void)
{
  g_autoptr(GString) all = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (samples); i++)
    {
      g_string_append (all, samples[i]);
      g_string_append (all, "\n\n");
    }

  for (guint j = 0; j < G_N_ELEMENTS (chunk_sizes); j++)
    assert_stream_equivalent (all->str, all->len, chunk_sizes[j]);
}

static void
test_stream_invalid_utf8 (void)
{
  const char text[] = "é\xC3 \xFF \xE2\x82\n\nnext 😀 \xF0\x9F\x98\n\n\xE2\x82\xAC € end \xF0\x9F";

  for (guint j = 0; j < G_N_ELEMENTS (chunk_sizes); j++)
    assert_stream_equivalent (text, sizeof text - 1, chunk_sizes[j]);
}

/* Random documents from pieces that interact across lines, in random
 * chunks: catches a commit made too early. */
static void
test_stream_random (void)
{
  static const char *pieces[] = {
    "# Heading\n", "Some *text* here\n", "\n", "\n\n", "- item\n", "  - nested\n",
    "    - deeper\n", "1. one\n", "2. two\n", "1. again\n", "10. ten\n", "- [ ] task\n",
    "* [x] star task\n", "```\n", "```py\n", "  ```js\n", "````\n", "~~~\n", "  ~~~\n",
    "   ```\n", "    ```\n", "- ```\n", "> ```\n", "    indented\n", "      deep indent\n",
    "     five spaces\n", "> quote\n", ">\n", "> > deep\n", "> - q item\n", ">     q code\n",
    "  > quote in item\n", "| a | b |\n", "|---|:-:|\n", "|a|\n", "|-|\n", "| x |\n",
    "text | with pipe\n", "---\n", "***\n", "___\n", "- - -\n", "===\n", "#\n",
    "#nohead\n", "## h ##\n", "  continuation\n", "lazy line\n", "**bold\n", "still bold**\n",
    "***bold***\n", "*em\n", "text_\n", "~~del~~\n", "`code\n", "span`\n",
    "emoji 😀 and 漢字\n", "\t- tab item\n", "-\n", "1.\n", "-   wide item\n", "plain",
    "<b>html</b>\n", "<div>\n", "<!-- c -->\n", "https://x.org\n", "[link](http://x\n", "y)\n",
    "![i](x)\n", "&amp;\n", "3) three\n", "+ plus\n", "* star\n", "  1. nested ordered\n",
    "para  \n", "end\\\n", "  \n", "    \n", "\t\n", "\r\n", "x\r\n",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20260101);

  for (guint n = 0; n < 1000; n++)
    {
      g_autoptr(GString) doc = g_string_new (NULL);
      guint n_pieces = g_rand_int_range (rand, 1, n % 10 == 0 ? 300 : 50);

      for (guint i = 0; i < n_pieces; i++)
        g_string_append (doc, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

      assert_stream_equivalent (doc->str, doc->len, 1);
      assert_stream_equivalent (doc->str, doc->len, g_rand_int_range (rand, 2, 20));
    }
}

/* md4c's reading of a list item after blank lines depends on offsets
 * modulo 256 (see steward-markdown.c): the same text at every offset. */
static void
test_stream_offsets (void)
{
  for (guint shift = 0; shift < 300; shift++)
    {
      g_autoptr(GString) doc = g_string_new (NULL);

      g_string_append_printf (doc, "%*s\n\n", shift + 1, "x");
      g_string_append (doc, "10. ten\n\n\n    more ten\n\n"
                            "- a\n\n  ```\n  code\n  ```\n\n  after code\n\n\n  after blanks\n");
      assert_stream_equivalent (doc->str, doc->len, 1);
      assert_stream_equivalent (doc->str, doc->len, 5);
    }
}

static void
test_stream_pending (void)
{
  g_autoptr(StewardMarkdownStream) stream = steward_markdown_stream_new ();
  GPtrArray *blocks = steward_markdown_stream_get_blocks (stream);

  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "");

  g_assert_cmpuint (steward_markdown_stream_append (stream, "# Ti", -1), ==, 0);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "# Ti");

  g_assert_cmpuint (steward_markdown_stream_append (stream, "tle\n\nSome <text>", -1), ==, 0);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "# Title\n\nSome <text>");

  /* The paragraph starting closes the heading */
  g_assert_cmpuint (steward_markdown_stream_append (stream, " & more\n", -1), ==, 1);
  g_assert_cmpuint (blocks->len, ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 0)->markup, ==, "Title");
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "Some <text> & more");

  g_assert_cmpuint (steward_markdown_stream_append (stream, "\n```python\nprint (1)\n\n", -1), ==, 1);
  g_assert_cmpstr (BLOCK (blocks, 1)->markup, ==, "Some &lt;text&gt; &amp; more");
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "```python\nprint (1)");

  /* Blank lines inside the fence commit nothing */
  g_assert_cmpuint (steward_markdown_stream_append (stream, "x = 2\n\n\ny = 3\n", -1), ==, 0);
  g_assert_cmpuint (steward_markdown_stream_append (stream, "```\n", -1), ==, 0);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==,
                   "```python\nprint (1)\n\nx = 2\n\n\ny = 3\n```");

  g_assert_cmpuint (steward_markdown_stream_append (stream, "\n- a\n- b\n", -1), ==, 2);
  g_assert_cmpint (BLOCK (blocks, 2)->kind, ==, STEWARD_MARKDOWN_CODE);
  g_assert_cmpstr (BLOCK (blocks, 2)->text, ==, "print (1)\n\nx = 2\n\n\ny = 3");
  g_assert_cmpstr (BLOCK (blocks, 3)->markup, ==, "a");
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "- b");

  g_assert_cmpuint (steward_markdown_stream_append (stream, "\n---\n", -1), ==, 1);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "---");

  g_assert_cmpuint (steward_markdown_stream_finish (stream), ==, 1);
  g_assert_cmpuint (blocks->len, ==, 6);
  g_assert_cmpstr (BLOCK (blocks, 4)->markup, ==, "b");
  g_assert_cmpint (BLOCK (blocks, 5)->kind, ==, STEWARD_MARKDOWN_RULE);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "");
}

static void
test_link_definitions (void)
{
  g_assert_true (steward_markdown_has_link_definitions ("See [the docs][1].\n\n[1]: https://example.org\n"));
  g_assert_true (steward_markdown_has_link_definitions ("   [GNOME]: https://gnome.org"));
  g_assert_true (steward_markdown_has_link_definitions ("[a \\] b]: /path"));
  /* Inside containers too (found by fuzz/fuzz-markdown-stream.c) */
  g_assert_true (steward_markdown_has_link_definitions ("See [d].\n\nE\n- [d]: https://x.org"));
  g_assert_true (steward_markdown_has_link_definitions ("> 1. > [d]: https://x.org"));
  g_assert_true (steward_markdown_has_link_definitions ("- item\n\n    [d]: https://x.org"));
  /* A label over several lines (fuzz/regressions/markdown-stream/label-over-lines) */
  g_assert_true (steward_markdown_has_link_definitions ("See [the handbook][hb].\n\n[\nhb]: https://x.org"));
  g_assert_true (steward_markdown_has_link_definitions ("[the\nGNOME handbook]: https://x.org"));
  g_assert_false (steward_markdown_has_link_definitions ("[the\n\nhandbook]: not a label over a blank line"));
  /* A yes too many costs one parse of the whole text; a no too many
   * leaves a reference unlinked: code that looks like one counts. */
  g_assert_true (steward_markdown_has_link_definitions ("    [1]: indented is code"));
  g_assert_false (steward_markdown_has_link_definitions ("- [d] no colon\n> [x]"));
  g_assert_false (steward_markdown_has_link_definitions ("An [inline](https://example.org) link"));
  g_assert_false (steward_markdown_has_link_definitions ("[]: empty label"));
  g_assert_false (steward_markdown_has_link_definitions ("[1] no colon\n"));
  g_assert_false (steward_markdown_has_link_definitions (""));
}

/* A reference defined after the paragraph using it was committed: the
 * stream cannot link it, a parse of the whole text does, and the text says
 * it needs that parse. */
static void
test_stream_late_definition (void)
{
  const char *text = "See [the docs][1] first.\n\nMore text.\n\n[1]: https://example.org/docs\n";
  g_autoptr(StewardMarkdownStream) stream = steward_markdown_stream_new ();
  g_autoptr(GPtrArray) whole = steward_markdown_parse (text, -1);
  GPtrArray *streamed;

  for (const char *p = text; *p != '\0'; p++)
    steward_markdown_stream_append (stream, p, 1);
  steward_markdown_stream_finish (stream);
  streamed = steward_markdown_stream_get_blocks (stream);

  g_assert_nonnull (strstr (BLOCK (whole, 0)->markup, "href=\"https://example.org/docs\""));
  g_assert_null (strstr (BLOCK (streamed, 0)->markup, "href="));
  g_assert_true (steward_markdown_has_link_definitions (text));
}

static void
test_stream_split_utf8 (void)
{
  g_autoptr(StewardMarkdownStream) stream = steward_markdown_stream_new ();
  const char *euro = "\xE2\x82\xAC";

  steward_markdown_stream_append (stream, euro, 1);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "");
  steward_markdown_stream_append (stream, euro + 1, 1);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, "");
  steward_markdown_stream_append (stream, euro + 2, 1);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, euro);

  /* An incomplete sequence at the end is replaced when the stream ends */
  steward_markdown_stream_append (stream, "\xF0\x9F", 2);
  g_assert_cmpstr (steward_markdown_stream_get_pending (stream), ==, euro);
  g_assert_cmpuint (steward_markdown_stream_finish (stream), ==, 1);
  g_assert_cmpstr (BLOCK (steward_markdown_stream_get_blocks (stream), 0)->markup, ==,
                   "\xE2\x82\xAC\xEF\xBF\xBD\xEF\xBF\xBD");
}

/* A long reply one byte at a time: quadratic work on the whole text would
 * take minutes here. */
static void
test_stream_large (void)
{
  g_autoptr(GString) doc = g_string_new (NULL);
  guint i = 0;

  while (doc->len < 200 * 1024)
    {
      g_string_append_printf (doc, "## Section %u\n\nSome text with **bold** and `code`, "
                              "continuing on a second line with a [link](https://x.org/%u).\n\n"
                              "- first point\n- second point\n  - nested point\n\n"
                              "```c\nint x = %u;\n\nreturn x;\n```\n\n"
                              "| a | b |\n|---|---|\n| %u | 2 |\n\n> quoted %u\n\n",
                              i, i, i, i, i);
      i++;
    }

  assert_stream_equivalent (doc->str, doc->len, 1);
}

/* A single block that never closes is the worst case: each line re-parses
 * the block, but only it. */
static void
test_stream_large_code (void)
{
  g_autoptr(GString) doc = g_string_new ("Intro.\n\n```\n");

  for (guint i = 0; i < 2000; i++)
    g_string_append_printf (doc, "line %u of code\n\n", i);
  g_string_append (doc, "```\n\nOutro.\n");

  assert_stream_equivalent (doc->str, doc->len, 3);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/markdown/paragraph", test_paragraph);
  g_test_add_func ("/steward/markdown/heading", test_heading);
  g_test_add_func ("/steward/markdown/code", test_code);
  g_test_add_func ("/steward/markdown/quote", test_quote);
  g_test_add_func ("/steward/markdown/rule", test_rule);
  g_test_add_func ("/steward/markdown/table", test_table);
  g_test_add_func ("/steward/markdown/list/nested", test_list_nested);
  g_test_add_func ("/steward/markdown/list/loose", test_list_loose);
  g_test_add_func ("/steward/markdown/list/ordered", test_list_ordered);
  g_test_add_func ("/steward/markdown/list/task", test_list_task);
  g_test_add_func ("/steward/markdown/escaping", test_escaping);
  g_test_add_func ("/steward/markdown/links", test_links);
  g_test_add_func ("/steward/markdown/unmatched-spans", test_unmatched_spans);
  g_test_add_func ("/steward/markdown/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/steward/markdown/nul", test_nul);
  g_test_add_func ("/steward/markdown/samples-valid", test_samples_valid);
  g_test_add_func ("/steward/markdown/stream/samples", test_stream_samples);
  g_test_add_func ("/steward/markdown/stream/all-samples", test_stream_all_samples);
  g_test_add_func ("/steward/markdown/stream/invalid-utf8", test_stream_invalid_utf8);
  g_test_add_func ("/steward/markdown/stream/random", test_stream_random);
  g_test_add_func ("/steward/markdown/stream/offsets", test_stream_offsets);
  g_test_add_func ("/steward/markdown/stream/pending", test_stream_pending);
  g_test_add_func ("/steward/markdown/stream/split-utf8", test_stream_split_utf8);
  g_test_add_func ("/steward/markdown/link-definitions", test_link_definitions);
  g_test_add_func ("/steward/markdown/stream/late-definition", test_stream_late_definition);
  g_test_add_func ("/steward/markdown/stream/large", test_stream_large);
  g_test_add_func ("/steward/markdown/stream/large-code", test_stream_large_code);

  return g_test_run ();
}
