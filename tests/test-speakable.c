/* test-speakable.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "steward-speakable.h"

/* A reply's Markdown as the text read aloud (steward-speakable.c): what
 * each kind of block and run becomes. */

static void
assert_speaks (const char *markdown,
               const char *expected)
{
  g_autofree char *spoken = steward_speakable_from_markdown (markdown, -1);

  g_assert_cmpstr (spoken, ==, expected);
}

static void
test_blocks (void)
{
  assert_speaks ("", "");
  assert_speaks ("# Plan for Monday\n\nWe start early\nand finish late.\n",
                 "Plan for Monday.\nWe start early and finish late.");
  /* Their own punctuation kept, a stop added only where there is none */
  assert_speaks ("## Ready?\n\nYes!\n\nHe said \"fine.\"\n\nNotes:\n\nWait…\n",
                 "Ready?\nYes!\nHe said \"fine.\"\nNotes:\nWait…");
  assert_speaks ("> Quoted advice\n> on two lines\n", "Quoted advice on two lines.");
  assert_speaks ("Before\n\n---\n\nAfter\n", "Before.\nAfter.");
  /* A hard line break is a pause */
  assert_speaks ("221B Baker Street  \nLondon\n", "221B Baker Street.\nLondon.");
  assert_speaks ("Spaced     out\ttext\n", "Spaced out text.");
}

static void
test_lists (void)
{
  assert_speaks ("- milk\n- eggs\n- bread\n", "milk.\neggs.\nbread.");
  assert_speaks ("1. Open the lid\n2. Pour\n", "1. Open the lid.\n2. Pour.");
  assert_speaks ("3. third\n4. fourth\n", "3. third.\n4. fourth.");
  assert_speaks ("- [x] Done thing\n- [ ] Open thing\n", "Done thing.\nOpen thing.");
  assert_speaks ("1. Outer\n   - inner a\n   - inner b\n2. Next\n",
                 "1. Outer.\ninner a.\ninner b.\n2. Next.");
  /* An item holding only a listing says nothing, not its number */
  assert_speaks ("1. Run:\n\n   ```\n   make\n   ```\n2. Done\n", "1. Run:\n2. Done.");
  assert_speaks ("1. ```\n   make\n   ```\n2. Done\n", "2. Done.");
}

static void
test_inlines (void)
{
  assert_speaks ("This is *very* **important** and ~~gone~~ now.\n",
                 "This is very important and gone now.");
  assert_speaks ("Call `git status` first.\n", "Call git status first.");
  assert_speaks ("See [the manual](https://example.com/docs/manual.html) today.\n",
                 "See the manual today.");
  assert_speaks ("Go to https://www.gnome.org/about/ for more\n",
                 "Go to www.gnome.org for more.");
  assert_speaks ("Mail <mailto:ada@example.com> or <https://example.org/x?y=1>\n",
                 "Mail ada@example.com or example.org.");
  assert_speaks ("![A cat on a sofa](cat.png)\n", "A cat on a sofa.");
  assert_speaks ("Tom &amp; Jerry &lt;3\n", "Tom & Jerry <3.");
}

static void
test_code_skipped (void)
{
  assert_speaks ("Run this:\n\n```python\nprint('hello')\n```\n\nThen stop.\n",
                 "Run this:\nThen stop.");
  assert_speaks ("Indented:\n\n    rm -rf build\n\nDone\n", "Indented:\nDone.");
  assert_speaks ("```\nonly code\n```\n", "");
}

static void
test_tables (void)
{
  assert_speaks ("| Name | Born |\n|------|------|\n| Ada | 1815 |\n| Alan | 1912 |\n",
                 "Name: Ada, Born: 1815.\nName: Alan, Born: 1912.");
  /* Empty cells are skipped; emphasis inside cells dropped */
  assert_speaks ("Costs:\n\n| Item | Price |\n|---|---|\n| **Tea** | |\n| Cake | 3 € |\n",
                 "Costs:\nItem: Tea.\nItem: Cake, Price: 3 €.");
  /* A header row with nothing under it is read as it is */
  assert_speaks ("| Only | Headers |\n|---|---|\n", "Only, Headers.");
  assert_speaks ("- | A | B |\n  |---|---|\n  | 1 | 2 |\n", "A: 1, B: 2.");
}

static void
test_deep (void)
{
  g_autoptr(GString) markdown = g_string_new (NULL);
  g_autofree char *spoken = NULL;

  /* Nesting deeper than any stack would take by recursion */
  for (guint i = 0; i < 5000; i++)
    g_string_append (markdown, "> ");
  g_string_append (markdown, "deep *down*\n");

  spoken = steward_speakable_from_markdown (markdown->str, markdown->len);
  g_assert_cmpstr (spoken, ==, "deep down.");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/steward/speakable/blocks", test_blocks);
  g_test_add_func ("/steward/speakable/lists", test_lists);
  g_test_add_func ("/steward/speakable/inlines", test_inlines);
  g_test_add_func ("/steward/speakable/code-skipped", test_code_skipped);
  g_test_add_func ("/steward/speakable/tables", test_tables);
  g_test_add_func ("/steward/speakable/deep", test_deep);

  return g_test_run ();
}
