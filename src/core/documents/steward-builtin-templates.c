/* steward-builtin-templates.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-templates"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-builtin-templates.h"

/* The instructions are what the model is told when it drafts a phase,
 * beside the project's brief and what the earlier phases say: they say
 * what the phase is for, what to put in it and how long it should be. */

static const StewardBuiltinPhase default_phases[] = {
  { N_("Brief and Audience"),
    N_("State in a few short paragraphs what this document is, why it is being written now, "
       "and who will read it. Describe the readers: what they already know, what they need "
       "from the document, and what they will do after reading it. Note the tone and length "
       "the document should have. Do not write the document itself yet.") },
  { N_("Goals"),
    N_("List the three to six goals the document must reach, each as one sentence a reader "
       "could check (\"the board approves the budget\", not \"inform the board\"). For each, "
       "add one line on how we will know it was reached. Name anything that is explicitly out "
       "of scope.") },
  { N_("Research Notes"),
    N_("Gather the facts, figures, sources and quotations the document will rest on, as "
       "short bullet points grouped by topic. Keep the source of every fact beside it. Mark "
       "what is uncertain or still to be checked. These notes are material for the later "
       "phases, not prose for the reader.") },
  { N_("Key Messages"),
    N_("Write the three to five messages a reader must remember, each as one plain sentence, "
       "most important first. Under each, list the evidence from the research notes that "
       "supports it. Every later section should serve at least one of these messages.") },
  { N_("Outline"),
    N_("Lay out the document as a numbered outline: the sections of the body in order, each "
       "with a working title and two or three bullet points on what it covers and which key "
       "message it serves. Keep the outline to the four body sections that follow, and say "
       "where each research note will be used.") },
  { N_("Introduction"),
    N_("Write the introduction: set out the situation, the problem or question the document "
       "answers, and why it matters to these readers now. End by telling the reader what the "
       "following sections cover. Keep it to about 300 to 500 words, in the tone the brief "
       "asks for.") },
  { N_("Background"),
    N_("Write the background the reader needs to follow the rest: the context, history and "
       "terms, drawn from the research notes, with sources cited where they are used. Leave "
       "out whatever the audience already knows. About 400 to 700 words.") },
  { N_("Main Discussion"),
    N_("Write the main body following the outline: develop the key messages one by one, each "
       "in its own subsection with a heading, supporting every claim with evidence from the "
       "research notes. Use lists or a table where they make comparisons clearer. About 800 "
       "to 1,500 words.") },
  { N_("Analysis and Recommendations"),
    N_("Weigh the options or findings discussed so far: their benefits, costs and risks, "
       "fairly and with evidence. Then state clear recommendations, each one something a "
       "reader can act on, with who should do it and by when where that is known.") },
  { N_("Implications and Next Steps"),
    N_("Explain what follows for the readers if the recommendations are taken up: the "
       "changes, the resources needed, the risks to watch. Give the next steps as a short "
       "numbered list with owners and dates where they are known.") },
  { N_("Conclusion"),
    N_("Close the document: restate the key messages in fresh words and in a few short "
       "paragraphs, tie them back to the goals, and end with the one thing the reader should "
       "do or remember. Introduce nothing new here.") },
  { N_("Executive Summary"),
    N_("Write a summary of the whole document for a reader who reads nothing else: the "
       "purpose, the main findings and the recommendations, in at most one page (about 250 "
       "to 400 words), in plain language. It will be placed at the front of the document.") },
  { N_("References"),
    N_("List every source cited in the document, drawn from the research notes and the "
       "sections, in one consistent citation style, sorted by author. Add any further "
       "reading that would help the audience, marked as such.") },
  { N_("Final Review"),
    N_("Review the whole document as its audience would: check that it reaches each goal, "
       "that the key messages come through, that facts and figures agree between sections, "
       "and that tone and terms are consistent. List concrete corrections section by "
       "section, most important first.") },
};

static const StewardBuiltinPhase proposal_phases[] = {
  { N_("Brief and Audience"),
    N_("Describe in a few paragraphs what is being proposed, to whom (the funder, client or "
       "committee), what they care about and how they will judge the proposal. Note any "
       "required format, length or deadline.") },
  { N_("Problem Statement"),
    N_("Describe the problem or opportunity the project addresses: who is affected, how "
       "much, and what happens if nothing is done. Support it with evidence and figures. "
       "About 300 to 500 words.") },
  { N_("Objectives"),
    N_("State the project's objectives as a short numbered list, each specific, measurable "
       "and time-bound, and each tied to the problem statement.") },
  { N_("Approach"),
    N_("Explain how the objectives will be reached: the method, the main activities and why "
       "this approach is the right one compared with the alternatives. About 500 to 900 "
       "words, with subsections where it helps.") },
  { N_("Work Plan and Timeline"),
    N_("Break the work into phases or work packages with their deliverables and milestones, "
       "and give a timeline as a table (task, start, end, deliverable).") },
  { N_("Team"),
    N_("Present the people and organisations who will do the work, their roles and the "
       "experience that makes them suited to it. Keep each entry to a few lines.") },
  { N_("Budget"),
    N_("Give the budget as a table by category (staff, equipment, travel, other) with a "
       "total, and justify each major item in a sentence or two.") },
  { N_("Risks and Mitigation"),
    N_("List the main risks to the project as a table: the risk, its likelihood, its impact "
       "and how it will be reduced or handled.") },
  { N_("Expected Outcomes and Evaluation"),
    N_("Describe the results the project will deliver, their impact, and how success will "
       "be measured and reported, with indicators for each objective.") },
  { N_("Executive Summary"),
    N_("Summarise the whole proposal in at most one page: the problem, the objectives, the "
       "approach, the cost and the expected outcomes, written to persuade the reader.") },
};

static const StewardBuiltinPhase design_phases[] = {
  { N_("Context and Scope"),
    N_("Describe the system or feature being designed, the situation it lives in, who it is "
       "for and what is in and out of scope. Keep it short and factual.") },
  { N_("Goals and Non-Goals"),
    N_("List the goals the design must meet (functional, performance, reliability, "
       "security) as checkable bullet points, then the non-goals: things a reader might "
       "expect that this design deliberately does not do.") },
  { N_("Requirements"),
    N_("Write the requirements the design answers: user-facing behaviour, interfaces, "
       "constraints, expected load and limits, each numbered so later sections can refer to "
       "it.") },
  { N_("Architecture Overview"),
    N_("Describe the overall design: the main components, their responsibilities and how "
       "they talk to each other, and how data flows through them. A list or table of "
       "components is welcome; describe any diagram in words.") },
  { N_("Detailed Design"),
    N_("Go through each component in its own subsection: data structures, storage, "
       "algorithms, interfaces and APIs (with signatures or examples in code blocks), and "
       "error handling. Tie each choice to the requirements it meets.") },
  { N_("Alternatives Considered"),
    N_("Describe the main alternative designs, with their trade-offs, and why each was not "
       "chosen.") },
  { N_("Security, Privacy and Reliability"),
    N_("Explain the threats and failure modes the design faces and how it handles them: "
       "data protection, permissions, validation of input, recovery from crashes and "
       "partial failures.") },
  { N_("Testing and Rollout"),
    N_("Describe how the design will be tested (unit, integration, performance), how it "
       "will be rolled out and monitored, and how it can be rolled back.") },
  { N_("Open Questions"),
    N_("List the questions that are still open, each with the options being weighed and who "
       "can decide.") },
  { N_("Summary"),
    N_("Summarise the design for a reader in a hurry: the problem, the chosen approach, the "
       "main trade-offs and what happens next, in a few short paragraphs.") },
};

static const StewardBuiltinTemplate templates[] = {
  { "default",
    N_("General Document"),
    N_("A document of any kind, from the brief and research to the final review"),
    default_phases, G_N_ELEMENTS (default_phases) },
  { "proposal",
    N_("Project Proposal"),
    N_("A proposal for funding or approval: problem, objectives, approach, plan, budget and risks"),
    proposal_phases, G_N_ELEMENTS (proposal_phases) },
  { "design",
    N_("Technical Design Document"),
    N_("The design of a system or feature: goals, requirements, architecture, details and trade-offs"),
    design_phases, G_N_ELEMENTS (design_phases) },
};

G_STATIC_ASSERT (G_N_ELEMENTS (default_phases) == 14);

const StewardBuiltinTemplate *
_steward_builtin_templates (guint *n_templates)
{
  g_return_val_if_fail (n_templates != NULL, NULL);

  *n_templates = G_N_ELEMENTS (templates);

  return templates;
}

const StewardBuiltinTemplate *
_steward_builtin_template_find (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      if (g_str_equal (templates[i].name, name))
        return &templates[i];
    }

  return NULL;
}
