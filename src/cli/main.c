/* main.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "steward-cli-private.h"

typedef struct
{
  const char            *name;
  StewardCliCommandFunc  func;
} Command;

static const Command commands[] = {
  { "chat", _steward_cli_chat },
  { "conversations", _steward_cli_conversations },
  { "export", _steward_cli_export },
  { "memory", _steward_cli_memory },
  { "model", _steward_cli_model },
  { "ocr", _steward_cli_ocr },
  { "phase", _steward_cli_phase },
  { "projects", _steward_cli_projects },
  { "provider", _steward_cli_provider },
  { "settings", _steward_cli_settings },
  { "tasks", _steward_cli_tasks },
  { "templates", _steward_cli_templates },
  { "tier", _steward_cli_tier },
  { "transcribe", _steward_cli_transcribe },
};

static void
print_help (gboolean to_stdout)
{
  /* Translators: the command-line help; keep the command and option names
   * untranslated. */
  const char *help = _(
"Usage: steward-cli [--data-dir DIR] COMMAND [ARGUMENTS…]\n"
"\n"
"Steward’s store driven from the shell.\n"
"\n"
"Commands:\n"
"  provider add NAME --kind openai|anthropic|gemini|ollama [--base-url URL]\n"
"               [--model M] [--api-key-env VAR | --api-key-stdin]\n"
"                                   Add a provider; the key goes to the keyring\n"
"  provider list [--json]           List providers (never their keys)\n"
"  provider test NAME               Connect and list the provider’s models\n"
"  provider remove NAME             Remove a provider and its key\n"
"  tier set small|medium|large PROVIDER MODEL\n"
"                                   Choose the model for a size\n"
"  tier list [--json]               Show the model of each size\n"
"  model list [--json]              Show the context size of each model in use\n"
"  model set PROVIDER MODEL [--context-tokens N] [--vision yes|no]\n"
"                                   Give a model a context size of its own\n"
"  model reset PROVIDER MODEL       Let a model use the default context size\n"
"  chat [--conversation ID] [--tier T | --provider P [--model M]]\n"
"       [--attach FILE]... [--json] MESSAGE\n"
"                                   Send MESSAGE (- reads standard input) with\n"
"                                   the files attached (images, PDFs, text) and\n"
"                                   print the reply as it streams; each fact\n"
"                                   remembered is told on standard error\n"
"  conversations list [--json]      List conversations, most recent first\n"
"  conversations show ID [--json]   Show a conversation’s messages\n"
"  conversations search QUERY [--json]\n"
"                                   Find messages; words match as prefixes\n"
"  conversations export ID --format md|json [--output FILE]\n"
"                                   Export a conversation, as stored; FILE is\n"
"                                   replaced whole, a pipe or device written\n"
"                                   into, a link followed; - is standard output\n"
"  conversations delete ID…         Delete conversations and their messages\n"
"  memory list [--json]             List what Steward remembers about you\n"
"  memory add TEXT [--pin]          Remember a fact or preference\n"
"  memory pin ID | unpin ID         Always send a memory, or stop doing so\n"
"  memory forget ID                 Forget a memory\n"
"  tasks add TITLE [--due WHEN] [--priority low|medium|high|urgent]\n"
"            [--category C] [--notes N]\n"
"                                   Add a task to To do; TITLE and WHEN are read\n"
"                                   like “call Sam tomorrow 5pm !high #work”\n"
"  tasks list [--status todo|doing|done] [--json]\n"
"                                   List tasks as on the board, column by column\n"
"  tasks show ID [--json]           Show a task\n"
"  tasks edit ID [--title T] [--due WHEN | --no-due] [--priority P]\n"
"            [--category C] [--notes N]\n"
"                                   Change a task\n"
"  tasks move ID todo|doing|done [--position N]\n"
"                                   Move a task to a column, at N (from 0) or\n"
"                                   at the end\n"
"  tasks done ID                    Mark a task done; a repeating task comes\n"
"                                   back in To do, due the next time\n"
"  tasks delete ID                  Delete a task\n"
"  tasks clear-done                 Delete every task that is done\n"
"  tasks extract (TEXT | --file FILE) [--json]\n"
"                                   Ask the model of the medium tier for the\n"
"                                   tasks in TEXT or FILE, add them all to To do\n"
"  projects create NAME [--template T] [--brief TEXT] [--json]\n"
"                                   Make a document project from a template\n"
"                                   (default: the general document) and print\n"
"                                   it with its phases\n"
"  projects list [--json]           List document projects, most recent first\n"
"  projects phases PROJECT [--json] List a project’s phases: number, status,\n"
"                                   title\n"
"  projects rename PROJECT NAME     Rename a project\n"
"  projects duplicate PROJECT [--name NAME] [--versions]\n"
"                                   Copy a project with its phases’ content\n"
"                                   (and their versions with --versions)\n"
"  projects delete PROJECT          Delete a project, its phases and versions\n"
"  projects import FILE.json        Make a project from a JSON export\n"
"  phase set PROJECT N (TEXT | --file FILE)\n"
"                                   Set phase N’s Markdown, saving a version\n"
"  phase show PROJECT N [--json]    Print phase N’s Markdown\n"
"  phase complete PROJECT N         Mark phase N completed; a later completed\n"
"                                   phase becomes stale when it changes again\n"
"  phase reopen PROJECT N           Set a completed phase back to in progress\n"
"  phase versions PROJECT N [--json]\n"
"                                   List phase N’s versions, latest first\n"
"  phase restore PROJECT N VERSION  Bring back a version (as a new version)\n"
"  phase generate PROJECT N [--tier medium|large] [--note NOTE]\n"
"                                   Draft phase N with the model from the brief\n"
"                                   and the earlier phases, printing it as it\n"
"                                   comes; kept as a new version\n"
"  phase import PROJECT N FILE      Read a Markdown, text, Word or PDF file\n"
"                                   into phase N (as a new version)\n"
"  templates list [--json]          List the built-in and your own templates\n"
"  templates export NAME --output FILE\n"
"                                   Write a template as JSON (- for standard\n"
"                                   output)\n"
"  templates import FILE [--replace]\n"
"                                   Add a template from a JSON file\n"
"  templates delete NAME            Delete one of your templates\n"
"  export PROJECT --format pdf|docx|md|json --output FILE\n"
"                                   Export a project as PDF, Word, Markdown or\n"
"                                   JSON (- for JSON on standard output); JSON\n"
"                                   has its phases and versions and imports\n"
"                                   back whole\n"
"  transcribe FILE [--json]         Turn the speech in an audio file (Ogg, WAV,\n"
"                                   MP3, FLAC, M4A or WebM; at most 25 MB and\n"
"                                   30 minutes) into text with the provider and\n"
"                                   model of the voice.* settings; with\n"
"                                   voice.provider offline, on this computer\n"
"                                   with PocketSphinx (English only)\n"
"  ocr IMAGE [--json]               Print the text in an image, read offline\n"
"                                   in your language and English\n"
"  settings list [--json]           List every setting with its value\n"
"  settings get KEY                 Print the value of a setting\n"
"  settings set KEY VALUE           Change a setting\n"
"\n"
"Options:\n"
"  --data-dir DIR    Use the store in DIR (default: $STEWARD_DATA_DIR,\n"
"                    else $XDG_DATA_HOME/steward)\n"
"  --json            Print the result as JSON\n"
"  -h, --help        Show this help\n"
"  --version         Show the version\n"
"\n"
"PROJECT is a project’s id or its name; phases are numbered from 1.\n"
"\n"
"Errors are written to standard error as one sentence; the exit status is\n"
"1 when a command fails (output that cannot be written too) and 2 when it\n"
"is called wrongly. Plain output has control characters removed. When the\n"
"data folder cannot be written, commands that read still work (a notice\n"
"says so) and commands that change something fail.\n");

  if (to_stdout)
    _steward_cli_print_text (help);
  else
    fputs (help, stderr);
}

static const Command *
find_command (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (commands[i].name, name))
        return &commands[i];
    }

  return NULL;
}

static int
run (StewardCliContext *ctx,
     int                argc,
     char              *argv[])
{
  const Command *command;
  gboolean options_done = FALSE;
  int i;

  for (i = 1; i < argc && argv[i][0] == '-'; i++)
    {
      const char *arg = argv[i];

      if (g_str_equal (arg, "-h") || g_str_equal (arg, "--help"))
        {
          print_help (TRUE);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (arg, "--version"))
        {
          _steward_cli_print ("steward-cli %s\n", PACKAGE_VERSION);
          return EXIT_SUCCESS;
        }
      else if (g_str_equal (arg, "--data-dir"))
        {
          if (i + 1 >= argc)
            return _steward_cli_usage (_("The option “--data-dir” needs a folder."));
          ctx->data_dir = argv[++i];
        }
      else if (g_str_has_prefix (arg, "--data-dir="))
        {
          ctx->data_dir = arg + strlen ("--data-dir=");
        }
      else
        {
          return _steward_cli_usage (_("Unknown option “%s”."), arg);
        }
    }

  if (i >= argc)
    {
      print_help (FALSE);
      return STEWARD_CLI_EXIT_USAGE;
    }

  if (!(command = find_command (argv[i])))
    return _steward_cli_usage (_("Unknown command “%s”."), argv[i]);

  /* --json and --help may stand anywhere after the command; its own
   * options are taken by the command, and "--" ends them, so a value may
   * itself start with a dash. */
  ctx->args = g_ptr_array_new ();
  for (i = i + 1; i < argc; i++)
    {
      const char *arg = argv[i];

      if (options_done)
        g_ptr_array_add (ctx->args, (char *)arg);
      else if (g_str_equal (arg, "--"))
        {
          options_done = TRUE;
          g_ptr_array_add (ctx->args, (char *)arg);
        }
      else if (g_str_equal (arg, "--json"))
        ctx->json = TRUE;
      else if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_help (TRUE);
          return EXIT_SUCCESS;
        }
      else
        g_ptr_array_add (ctx->args, (char *)arg);
    }

  return command->func (ctx);
}

int
main (int   argc,
      char *argv[])
{
  StewardCliContext ctx = { 0 };
  int status;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("steward-cli");

  status = run (&ctx, argc, argv);

  g_clear_object (&ctx.services);
  g_clear_pointer (&ctx.args, g_ptr_array_unref);
  g_clear_pointer (&ctx.texts, g_ptr_array_unref);

  /* Whatever the command, output that could not be written fails it. */
  return _steward_cli_finish (status);
}
