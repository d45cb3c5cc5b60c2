/* bench-markdown.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bench-markdown.h"

/* Markdown as a long document has it: headings, paragraphs with
 * emphasis, code and links, lists (nested), tables and code blocks,
 * words from a vocabulary with accents in it. */

static const char *const vocabulary[] = {
  "the", "of", "and", "to", "in", "is", "that", "for", "with", "as", "on", "by", "this", "from",
  "project", "budget", "schedule", "audience", "review", "research", "evidence", "message",
  "outline", "section", "reader", "argument", "result", "method", "design", "system", "team",
  "partner", "goal", "risk", "measure", "report", "draft", "version", "summary", "detail",
  "context", "source", "change", "impact", "quality", "process", "support", "decision", "plan",
  "market", "customer", "value", "growth", "cost", "benefit", "timeline", "milestone", "delivery",
  "requirement", "constraint", "assumption", "question", "answer", "example", "figure", "table",
  "chapter", "appendix", "reference", "study", "survey", "interview", "finding", "conclusion",
  "recommendation", "strategy", "approach", "framework", "model", "analysis", "data", "sample",
  "clearly", "carefully", "quickly", "often", "rarely", "early", "later", "together", "again",
  "important", "useful", "simple", "complex", "new", "old", "large", "small", "first", "final",
  "café", "naïve", "résumé", "Zürich", "São", "Paulo",
};

typedef struct
{
  GRand   *rand;
  GString *out;
  guint    words;
} Generator;

static void
add_words (Generator *gen,
           guint      n)
{
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (gen->out, ' ');
      g_string_append (gen->out, vocabulary[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (vocabulary))]);
    }
  gen->words += n;
}

static void
add_paragraph (Generator *gen)
{
  guint n_sentences = g_rand_int_range (gen->rand, 3, 7);

  for (guint s = 0; s < n_sentences; s++)
    {
      switch (g_rand_int_range (gen->rand, 0, 6))
        {
        case 0:
          add_words (gen, 4);
          g_string_append (gen->out, " **");
          add_words (gen, 2);
          g_string_append (gen->out, "** ");
          break;

        case 1:
          add_words (gen, 3);
          g_string_append (gen->out, " *");
          add_words (gen, 3);
          g_string_append (gen->out, "* ");
          break;

        case 2:
          add_words (gen, 5);
          g_string_append_printf (gen->out, " [");
          add_words (gen, 2);
          g_string_append_printf (gen->out, "](https://example.org/doc/%u) ", g_rand_int (gen->rand) % 1000);
          break;

        case 3:
          add_words (gen, 4);
          g_string_append (gen->out, " `config_value` ");
          gen->words++;
          break;

        default:
          break;
        }
      add_words (gen, g_rand_int_range (gen->rand, 8, 18));
      g_string_append (gen->out, ". ");
    }
  g_string_append (gen->out, "\n\n");
}

static void
add_list (Generator *gen)
{
  gboolean ordered = g_rand_boolean (gen->rand);

  for (guint i = 0; i < 6; i++)
    {
      g_string_append (gen->out, ordered ? "1. " : "- ");
      add_words (gen, g_rand_int_range (gen->rand, 5, 15));
      g_string_append_c (gen->out, '\n');
      if (i % 3 == 2)
        {
          g_string_append (gen->out, "   - ");
          add_words (gen, 6);
          g_string_append_c (gen->out, '\n');
        }
    }
  g_string_append_c (gen->out, '\n');
}

static void
add_table (Generator *gen)
{
  g_string_append (gen->out, "| Item | Owner | Status | Notes |\n|---|---|---|---|\n");
  gen->words += 4;
  for (guint r = 0; r < 8; r++)
    {
      for (guint c = 0; c < 4; c++)
        {
          g_string_append (gen->out, "| ");
          add_words (gen, c == 3 ? 6 : 1);
          g_string_append_c (gen->out, ' ');
        }
      g_string_append (gen->out, "|\n");
    }
  g_string_append_c (gen->out, '\n');
}

static void
add_code (Generator *gen)
{
  g_string_append (gen->out, "```c\n");
  for (guint i = 0; i < 10; i++)
    g_string_append_printf (gen->out, "  result = compute_value (input_%u, %u); /* step */\n", i, i * 3);
  g_string_append (gen->out, "```\n\n");
  gen->words += 60;
}

/* A text @words long give or take a paragraph, from @rand */
char *
bench_markdown_make (GRand *rand,
                     guint  words)
{
  Generator gen = { rand, g_string_new (NULL), 0 };
  guint block = 0;

  while (gen.words < words)
    {
      if (block % 12 == 0)
        {
          g_string_append (gen.out, block % 36 == 0 ? "# " : "## ");
          add_words (&gen, 4);
          g_string_append (gen.out, "\n\n");
        }
      else if (block % 12 == 5)
        add_list (&gen);
      else if (block % 24 == 9)
        add_table (&gen);
      else if (block % 24 == 21)
        add_code (&gen);
      else
        add_paragraph (&gen);
      block++;
    }

  return g_string_free (gen.out, FALSE);
}
