/* steward-cli-tasks.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-cli"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "steward-cli-private.h"
#include "steward-enum-types.h"

/* tasks add, list, show, edit, move, done, delete and clear-done: the
 * board from the shell. A title and --due are read as quick add reads
 * them ("call Sam tomorrow 5pm !high"), against the present moment.
 * tasks extract asks the model for the tasks in a text or a file and
 * adds them all to To do. */

/* A due as JSON writes it: a day as 'YYYY-MM-DD', a moment in UTC. */
static char *
dup_due_json (StewardTask *task)
{
  GDateTime *due = steward_task_get_due (task);

  if (due == NULL)
    return NULL;

  if (!steward_task_get_due_has_time (task))
    return g_date_time_format (due, "%Y-%m-%d");

  return _steward_cli_format_time (due);
}

/* A due as a person reads it: in local time. */
static char *
dup_due_text (StewardTask *task)
{
  GDateTime *due = steward_task_get_due (task);
  g_autoptr(GDateTime) local = NULL;

  if (due == NULL)
    return NULL;

  local = steward_local_time (due);
  if (!steward_task_get_due_has_time (task))
    return g_date_time_format (local, "%Y-%m-%d");

  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static void
add_task (JsonBuilder *builder,
          StewardTask *task)
{
  g_autofree char *due = dup_due_json (task);
  const char *category = steward_task_get_category (task);
  StewardTaskSource source = steward_task_get_source (task);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, steward_task_get_id (task));
  _steward_cli_add_string_member (builder, "title", steward_task_get_title (task));
  _steward_cli_add_string_member (builder, "notes", steward_task_get_notes (task));
  _steward_cli_add_string_member (builder, "status",
                                  steward_enum_to_nick (STEWARD_TYPE_TASK_STATUS, steward_task_get_status (task)));
  _steward_cli_add_string_member (builder, "priority",
                                  steward_enum_to_nick (STEWARD_TYPE_TASK_PRIORITY, steward_task_get_priority (task)));
  _steward_cli_add_string_member (builder, "category", category[0] != '\0' ? category : NULL);
  _steward_cli_add_string_member (builder, "due", due);
  json_builder_set_member_name (builder, "due_has_time");
  json_builder_add_boolean_value (builder, steward_task_get_due_has_time (task));
  _steward_cli_add_string_member (builder, "rrule", steward_task_get_rrule (task));
  json_builder_set_member_name (builder, "position");
  json_builder_add_int_value (builder, steward_task_get_position (task));
  _steward_cli_add_time_member (builder, "created_at", steward_task_get_created_at (task));
  _steward_cli_add_time_member (builder, "updated_at", steward_task_get_updated_at (task));
  _steward_cli_add_time_member (builder, "completed_at", steward_task_get_completed_at (task));
  _steward_cli_add_string_member (builder, "source",
                                  source != STEWARD_TASK_SOURCE_NONE
                                  ? steward_enum_to_nick (STEWARD_TYPE_TASK_SOURCE, source) : NULL);
  _steward_cli_add_string_member (builder, "source_ref", steward_task_get_source_ref (task));
  json_builder_end_object (builder);
}

/* One line: id, status, priority, title, #category, due. */
static void
print_task_line (StewardTask *task)
{
  g_autofree char *due = dup_due_text (task);
  const char *category = steward_task_get_category (task);
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "%6" G_GINT64_FORMAT "  %-5s  %-6s  %s",
                          steward_task_get_id (task),
                          steward_enum_to_nick (STEWARD_TYPE_TASK_STATUS, steward_task_get_status (task)),
                          steward_enum_to_nick (STEWARD_TYPE_TASK_PRIORITY, steward_task_get_priority (task)),
                          steward_task_get_title (task));
  if (category[0] != '\0')
    g_string_append_printf (line, "  #%s", category);
  if (due != NULL)
    /* Translators: after a task's title in a listing; %s is a date, or a date and a time */
    g_string_append_printf (line, _("  due %s"), due);
  if (steward_task_get_rrule (task) != NULL)
    g_string_append (line, "  ↻");
  g_string_append_c (line, '\n');

  _steward_cli_print_text (line->str);
}

static void
print_one (StewardCliContext *ctx,
           StewardTask       *task)
{
  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      add_task (builder, task);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
    }
  else
    {
      print_task_line (task);
    }
}

static gboolean
parse_id (const char *text,
          gint64     *id,
          int        *exit_status)
{
  if (text != NULL && g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, id, NULL))
    return TRUE;

  *exit_status = _steward_cli_usage (_("“%s” is not a task id."), text);
  return FALSE;
}

static gboolean
parse_status (const char        *text,
              StewardTaskStatus *status,
              int               *exit_status)
{
  int value;

  if (steward_enum_from_nick (STEWARD_TYPE_TASK_STATUS, text, &value))
    {
      *status = value;
      return TRUE;
    }

  *exit_status = _steward_cli_usage (_("“%s” is not a task status: use todo, doing or done."), text);
  return FALSE;
}

static gboolean
parse_priority (const char          *text,
                StewardTaskPriority *priority,
                int                 *exit_status)
{
  int value;

  if (steward_enum_from_nick (STEWARD_TYPE_TASK_PRIORITY, text, &value))
    {
      *priority = value;
      return TRUE;
    }

  *exit_status = _steward_cli_usage (_("“%s” is not a priority: use low, medium, high or urgent."), text);
  return FALSE;
}

/* Reads @text as a date, or a date and a time, in natural language. */
static gboolean
parse_when (const char  *text,
            GDateTime  **due,
            gboolean    *has_time,
            int         *exit_status)
{
  g_autoptr(GDateTime) now = steward_local_now ();

  if ((*due = steward_quick_add_parse_when (text, now, has_time)) != NULL)
    return TRUE;

  *exit_status = _steward_cli_usage (_("Could not read “%s” as a date."), text);
  return FALSE;
}

/* A category as given: "#work" and "work" are the same, "" is none. */
static char *
dup_category (const char *text)
{
  g_autofree char *category = g_strstrip (g_strdup (text[0] == '#' ? text + 1 : text));

  return category[0] != '\0' ? g_steal_pointer (&category) : NULL;
}

/* The task, or %NULL with the failure said. */
static StewardTask *
find_task (StewardStore *store,
           gint64        id,
           int          *exit_status)
{
  g_autoptr(GError) error = NULL;
  StewardTask *task;

  if (!(task = steward_store_find_task (store, id, &error)))
    *exit_status = _steward_cli_fail_error (error);

  return task;
}

static int
compare_board (gconstpointer a,
               gconstpointer b)
{
  StewardTask *task_a = *(StewardTask **)a;
  StewardTask *task_b = *(StewardTask **)b;
  int status_a = steward_task_get_status (task_a);
  int status_b = steward_task_get_status (task_b);
  gint64 position_a = steward_task_get_position (task_a);
  gint64 position_b = steward_task_get_position (task_b);

  if (status_a != status_b)
    return status_a - status_b;

  return (position_a > position_b) - (position_a < position_b);
}

static int
tasks_list (StewardCliContext *ctx)
{
  g_autoptr(GListModel) tasks = NULL;
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  const char *status_text = NULL;
  StewardTaskStatus status = STEWARD_TASK_STATUS_TODO;
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--status", &status_text, &exit_status) ||
      !_steward_cli_check_args (ctx, "tasks list", 1, 1, &exit_status))
    return exit_status;

  if (status_text != NULL && !parse_status (status_text, &status, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(tasks = steward_store_list_tasks (store, &error)))
    return _steward_cli_fail_error (error);

  /* As on the board: To do, In progress, Done, each in its order */
  for (guint i = 0; i < g_list_model_get_n_items (tasks); i++)
    {
      StewardTask *task = g_list_model_get_item (tasks, i);

      if (status_text == NULL || steward_task_get_status (task) == status)
        g_ptr_array_add (shown, task);
      else
        g_object_unref (task);
    }
  g_ptr_array_sort (shown, compare_board);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < shown->len; i++)
        add_task (builder, g_ptr_array_index (shown, i));
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  for (guint i = 0; i < shown->len; i++)
    print_task_line (g_ptr_array_index (shown, i));

  return EXIT_SUCCESS;
}

static void
print_field (const char *label,
             const char *value)
{
  if (value != NULL && value[0] != '\0')
    _steward_cli_print ("%s %s\n", label, value);
}

static int
tasks_show (StewardCliContext *ctx)
{
  g_autoptr(StewardTask) task = NULL;
  g_autofree char *due = NULL;
  g_autofree char *created = NULL;
  g_autofree char *completed = NULL;
  g_autofree char *place = NULL;
  g_autofree char *source = NULL;
  g_autofree char *number = NULL;
  g_autofree char *position = NULL;
  StewardStore *store;
  gint64 id = 0;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "tasks show", 2, 2, &exit_status) ||
      !parse_id (_steward_cli_arg (ctx, 1), &id, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(task = find_task (store, id, &exit_status)))
    return exit_status;

  if (ctx->json)
    {
      print_one (ctx, task);
      return EXIT_SUCCESS;
    }

  number = g_strdup_printf ("%" G_GINT64_FORMAT, steward_task_get_id (task));
  position = g_strdup_printf ("%" G_GINT64_FORMAT, steward_task_get_position (task));
  due = dup_due_text (task);
  created = _steward_cli_format_time (steward_task_get_created_at (task));
  completed = _steward_cli_format_time (steward_task_get_completed_at (task));
  /* Translators: a task's status (todo, doing or done, untranslated) and
   * its place in that column, from 0 */
  place = g_strdup_printf (_("%s, position %s"),
                           steward_enum_to_nick (STEWARD_TYPE_TASK_STATUS, steward_task_get_status (task)),
                           position);
  if (steward_task_get_source (task) != STEWARD_TASK_SOURCE_NONE)
    source = g_strdup_printf ("%s %s",
                              steward_enum_to_nick (STEWARD_TYPE_TASK_SOURCE, steward_task_get_source (task)),
                              steward_task_get_source_ref (task) ? steward_task_get_source_ref (task) : "");

  _steward_cli_print ("%s\n", steward_task_get_title (task));
  /* Translators: the labels of "tasks show"; keep them short and aligned */
  print_field (_("Id:       "), number);
  print_field (_("Status:   "), place);
  print_field (_("Priority: "), steward_enum_to_nick (STEWARD_TYPE_TASK_PRIORITY, steward_task_get_priority (task)));
  print_field (_("Category: "), steward_task_get_category (task));
  print_field (_("Due:      "), due);
  print_field (_("Repeats:  "), steward_task_get_rrule (task));
  print_field (_("Source:   "), source);
  print_field (_("Created:  "), created);
  print_field (_("Done:     "), completed);
  if (steward_task_get_notes (task)[0] != '\0')
    _steward_cli_print ("\n%s\n", steward_task_get_notes (task));

  return EXIT_SUCCESS;
}

static int
tasks_add (StewardCliContext *ctx)
{
  g_autoptr(StewardQuickAdd) parsed = NULL;
  g_autoptr(StewardTaskDraft) draft = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *due_text = NULL;
  const char *priority_text = NULL;
  const char *category_text = NULL;
  const char *notes_text = NULL;
  StewardStore *store;
  gint64 id;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--due", &due_text, &exit_status) ||
      !_steward_cli_take_value (ctx, "--priority", &priority_text, &exit_status) ||
      !_steward_cli_take_value (ctx, "--category", &category_text, &exit_status) ||
      !_steward_cli_take_value (ctx, "--notes", &notes_text, &exit_status) ||
      !_steward_cli_check_args (ctx, "tasks add", 2, G_MAXUINT, &exit_status))
    return exit_status;

  text = _steward_cli_join_text (ctx, 1);
  now = steward_local_now ();
  parsed = steward_quick_add_parse (text, now);

  draft = steward_task_draft_new (parsed->title);
  if (parsed->has_priority)
    draft->priority = parsed->priority;
  draft->category = g_strdup (parsed->category);
  draft->due = parsed->due != NULL ? g_date_time_ref (parsed->due) : NULL;
  draft->due_has_time = parsed->due_has_time;
  draft->rrule = g_strdup (parsed->rrule);

  if (due_text != NULL)
    {
      g_clear_pointer (&draft->due, g_date_time_unref);
      if (!parse_when (_steward_cli_text (ctx, due_text), &draft->due, &draft->due_has_time, &exit_status))
        return exit_status;
    }
  if (priority_text != NULL && !parse_priority (priority_text, &draft->priority, &exit_status))
    return exit_status;
  if (category_text != NULL)
    {
      g_free (draft->category);
      draft->category = dup_category (_steward_cli_text (ctx, category_text));
    }
  if (notes_text != NULL)
    draft->notes = g_strdup (_steward_cli_text (ctx, notes_text));

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(id = steward_store_add_task (store, draft, STEWARD_TASK_STATUS_TODO, &error)))
    return _steward_cli_fail_error (error);

  if (!(task = find_task (store, id, &exit_status)))
    return exit_status;

  print_one (ctx, task);

  return EXIT_SUCCESS;
}

static int
tasks_edit (StewardCliContext *ctx)
{
  g_autoptr(StewardTaskDraft) draft = NULL;
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(StewardTask) edited = NULL;
  g_autoptr(GError) error = NULL;
  const char *title = NULL;
  const char *due_text = NULL;
  const char *priority_text = NULL;
  const char *category_text = NULL;
  const char *notes_text = NULL;
  gboolean no_due;
  StewardStore *store;
  gint64 id = 0;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--title", &title, &exit_status) ||
      !_steward_cli_take_value (ctx, "--due", &due_text, &exit_status) ||
      !_steward_cli_take_value (ctx, "--priority", &priority_text, &exit_status) ||
      !_steward_cli_take_value (ctx, "--category", &category_text, &exit_status) ||
      !_steward_cli_take_value (ctx, "--notes", &notes_text, &exit_status))
    return exit_status;
  no_due = _steward_cli_take_flag (ctx, "--no-due");

  if (!_steward_cli_check_args (ctx, "tasks edit", 2, 2, &exit_status) ||
      !parse_id (_steward_cli_arg (ctx, 1), &id, &exit_status))
    return exit_status;

  if (due_text != NULL && no_due)
    return _steward_cli_usage (_("“--due” and “--no-due” cannot be given together."));
  if (title == NULL && due_text == NULL && !no_due && priority_text == NULL &&
      category_text == NULL && notes_text == NULL)
    return _steward_cli_usage (_("“tasks edit” needs something to change: --title, --due, --no-due, --priority, --category or --notes."));

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!(task = find_task (store, id, &exit_status)))
    return exit_status;

  draft = steward_task_dup_draft (task);

  if (title != NULL)
    {
      g_free (draft->title);
      draft->title = g_strdup (_steward_cli_text (ctx, title));
    }
  if (due_text != NULL || no_due)
    g_clear_pointer (&draft->due, g_date_time_unref);
  if (due_text != NULL &&
      !parse_when (_steward_cli_text (ctx, due_text), &draft->due, &draft->due_has_time, &exit_status))
    return exit_status;
  if (priority_text != NULL && !parse_priority (priority_text, &draft->priority, &exit_status))
    return exit_status;
  if (category_text != NULL)
    {
      g_free (draft->category);
      draft->category = dup_category (_steward_cli_text (ctx, category_text));
    }
  if (notes_text != NULL)
    {
      g_free (draft->notes);
      draft->notes = g_strdup (_steward_cli_text (ctx, notes_text));
    }

  if (!steward_store_update_task (store, id, draft, &error))
    return _steward_cli_fail_error (error);

  if (!(edited = find_task (store, id, &exit_status)))
    return exit_status;

  print_one (ctx, edited);

  return EXIT_SUCCESS;
}

static int
tasks_move (StewardCliContext *ctx)
{
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(GError) error = NULL;
  const char *position_text = NULL;
  StewardTaskStatus status;
  StewardStore *store;
  gint64 position = -1;
  gint64 id = 0;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--position", &position_text, &exit_status) ||
      !_steward_cli_check_args (ctx, "tasks move", 3, 3, &exit_status) ||
      !parse_id (_steward_cli_arg (ctx, 1), &id, &exit_status) ||
      !parse_status (_steward_cli_arg (ctx, 2), &status, &exit_status))
    return exit_status;

  if (position_text != NULL &&
      !g_ascii_string_to_signed (position_text, 10, 0, G_MAXINT, &position, NULL))
    return _steward_cli_usage (_("“%s” is not a position: use 0 for the top of the column."), position_text);

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_store_move_task (store, id, status, (int)position, &error))
    return _steward_cli_fail_error (error);

  if (!(task = find_task (store, id, &exit_status)))
    return exit_status;

  print_one (ctx, task);

  return EXIT_SUCCESS;
}

static int
tasks_done (StewardCliContext *ctx)
{
  g_autoptr(StewardTask) task = NULL;
  g_autoptr(StewardTask) next = NULL;
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 next_id = 0;
  gint64 id = 0;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "tasks done", 2, 2, &exit_status) ||
      !parse_id (_steward_cli_arg (ctx, 1), &id, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_store_complete_task (store, id, &next_id, &error))
    return _steward_cli_fail_error (error);

  if (!(task = find_task (store, id, &exit_status)) ||
      (next_id != 0 && !(next = find_task (store, next_id, &exit_status))))
    return exit_status;

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      JsonObject *object;

      add_task (builder, task);
      root = json_builder_get_root (builder);
      object = json_node_get_object (root);
      if (next != NULL)
        {
          g_autoptr(JsonBuilder) next_builder = json_builder_new ();

          add_task (next_builder, next);
          json_object_set_member (object, "next", json_builder_get_root (next_builder));
        }
      else
        {
          json_object_set_null_member (object, "next");
        }
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  print_task_line (task);
  if (next != NULL)
    print_task_line (next);

  return EXIT_SUCCESS;
}

static int
tasks_delete (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  gint64 id = 0;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "tasks delete", 2, 2, &exit_status) ||
      !parse_id (_steward_cli_arg (ctx, 1), &id, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  if (!steward_store_delete_task (store, id, &error))
    return _steward_cli_fail_error (error);

  return EXIT_SUCCESS;
}

static int
tasks_clear_done (StewardCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  StewardStore *store;
  guint deleted;
  int exit_status;

  if (!_steward_cli_check_args (ctx, "tasks clear-done", 1, 1, &exit_status))
    return exit_status;

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  deleted = steward_store_clear_done_tasks (store, &error);
  if (error != NULL)
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "deleted");
      json_builder_add_int_value (builder, deleted);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  _steward_cli_print (ngettext ("Deleted %u done task.\n", "Deleted %u done tasks.\n", deleted), deleted);

  return EXIT_SUCCESS;
}

/* -- tasks extract --------------------------------------------------------- */

/* How much of a text a task found in it keeps as its source. */
#define EXCERPT_CHARS 200

typedef struct
{
  GMainLoop *loop;
  GPtrArray *drafts;
  GError    *error;
} ExtractRun;

static void
extract_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExtractRun *run = user_data;

  run->drafts = steward_task_extract_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

/* The text as a task's source: its whitespace made single spaces, and
 * cut at a word near EXCERPT_CHARS characters, with an ellipsis. */
static char *
dup_excerpt (const char *text)
{
  g_autoptr(GString) excerpt = g_string_new (NULL);
  g_auto(GStrv) words = g_strsplit_set (text, " \t\r\n\f\v", -1);
  glong length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong word_length = g_utf8_strlen (words[i], -1);

      if (word_length == 0)
        continue;

      if (length + word_length + 1 > EXCERPT_CHARS)
        {
          /* One word longer than the whole excerpt: cut it. */
          if (length == 0)
            {
              g_string_append_len (excerpt, words[i],
                                   g_utf8_offset_to_pointer (words[i], EXCERPT_CHARS - 1) - words[i]);
            }
          g_string_append (excerpt, "…");
          break;
        }

      if (length > 0)
        {
          g_string_append_c (excerpt, ' ');
          length++;
        }
      g_string_append (excerpt, words[i]);
      length += word_length;
    }

  return g_string_free (g_steal_pointer (&excerpt), FALSE);
}

/* The text of @path and when it was last changed, or %FALSE with the
 * failure said: the file's name and why. */
static gboolean
read_text_file (const char  *path,
                char       **text,
                GDateTime  **modified,
                int         *exit_status)
{
  g_autofree char *name = g_filename_display_name (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  struct stat info;
  gsize length;
  int fd;

  /* Opened first, for the reason in the system's words ("No such file or
   * directory", "Permission denied"). */
  if ((fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0 || fstat (fd, &info) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      /* Translators: %s is a file name, then why it could not be read */
      *exit_status = _steward_cli_fail (_("Could not read “%s”: %s."), name, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  if (S_ISDIR (info.st_mode))
    {
      *exit_status = _steward_cli_fail (_("Could not read “%s”: it is a folder."), name);
      return FALSE;
    }

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      *exit_status = _steward_cli_fail (_("Could not read “%s”: %s."), name, error->message);
      return FALSE;
    }

  if (!g_utf8_validate_len (contents, length, NULL))
    {
      *exit_status = _steward_cli_fail (_("Could not read “%s”: it is not text."), name);
      return FALSE;
    }

  *text = g_steal_pointer (&contents);
  *modified = g_date_time_new_from_unix_local (info.st_mtime);

  return TRUE;
}

static int
tasks_extract (StewardCliContext *ctx)
{
  g_autoptr(GMainLoop) loop = NULL;
  g_autoptr(GDateTime) written_at = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *trimmed = NULL;
  g_autofree char *source_ref = NULL;
  g_autoptr(StewardCliScratchDir) scratch = NULL;
  g_autoptr(StewardAttachment) image = NULL;
  const char *file = NULL;
  StewardTaskSource source;
  ExtractRun run = { 0 };
  StewardStore *store;
  int exit_status;

  if (!_steward_cli_take_value (ctx, "--file", &file, &exit_status))
    return exit_status;

  if (file != NULL)
    {
      if (!_steward_cli_check_args (ctx, "tasks extract", 1, 1, &exit_status))
        return exit_status;
    }
  else if (!_steward_cli_check_args (ctx, "tasks extract", 2, G_MAXUINT, &exit_status))
    {
      return exit_status;
    }

  if (file != NULL)
    {
      g_autoptr(GFile) gfile = g_file_new_for_commandline_arg (file);

      if (_steward_cli_looks_attached (file))
        {
          if (!_steward_cli_read_attached_file (file, &scratch, &image, &text, &written_at, &exit_status))
            return exit_status;
        }
      else if (!read_text_file (file, &text, &written_at, &exit_status))
        return exit_status;
      source = STEWARD_TASK_SOURCE_FILE;
      source_ref = g_file_get_uri (gfile);
    }
  else
    {
      text = _steward_cli_join_text (ctx, 1);
      written_at = steward_local_now ();
      source = STEWARD_TASK_SOURCE_TEXT;
      source_ref = dup_excerpt (text);
    }

  trimmed = g_strstrip (g_strdup (text));
  if (trimmed[0] == '\0')
    {
      if (file != NULL)
        {
          g_autofree char *name = g_filename_display_name (file);

          return _steward_cli_fail (_("There is no text in “%s”."), name);
        }
      return _steward_cli_usage (_("The text to find tasks in is empty."));
    }

  if (!(store = _steward_cli_open_store_for_writing (ctx)))
    return STEWARD_CLI_EXIT_FAILURE;

  loop = g_main_loop_new (NULL, FALSE);
  run.loop = loop;
  steward_task_extract_image_async (_steward_cli_get_services (ctx), text, image, written_at, NULL,
                                    extract_cb, &run);
  g_main_loop_run (loop);

  drafts = g_steal_pointer (&run.drafts);
  if (drafts == NULL)
    {
      g_autoptr(GError) extract_error = g_steal_pointer (&run.error);

      return _steward_cli_fail_error (extract_error);
    }

  for (guint i = 0; i < drafts->len; i++)
    {
      StewardTaskDraft *draft = g_ptr_array_index (drafts, i);

      draft->source = source;
      g_free (draft->source_ref);
      draft->source_ref = g_strdup (source_ref);
    }

  if (!(ids = steward_store_add_tasks (store, drafts, STEWARD_TASK_STATUS_TODO, &error)))
    return _steward_cli_fail_error (error);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < ids->len; i++)
        {
          g_autoptr(StewardTask) task = NULL;

          if (!(task = find_task (store, g_array_index (ids, gint64, i), &exit_status)))
            return exit_status;
          add_task (builder, task);
        }
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      _steward_cli_print_json (root);
      return EXIT_SUCCESS;
    }

  if (ids->len == 0)
    _steward_cli_say (_("No tasks were found in the text."));

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(StewardTask) task = NULL;

      if (!(task = find_task (store, g_array_index (ids, gint64, i), &exit_status)))
        return exit_status;
      print_task_line (task);
    }

  return EXIT_SUCCESS;
}

int
_steward_cli_tasks (StewardCliContext *ctx)
{
  const char *sub = _steward_cli_arg (ctx, 0);

  if (sub == NULL)
    return _steward_cli_usage (_("“tasks” needs one of add, list, show, edit, move, done, delete, clear-done or extract."));
  if (g_str_equal (sub, "add"))
    return tasks_add (ctx);
  if (g_str_equal (sub, "list"))
    return tasks_list (ctx);
  if (g_str_equal (sub, "show"))
    return tasks_show (ctx);
  if (g_str_equal (sub, "edit"))
    return tasks_edit (ctx);
  if (g_str_equal (sub, "move"))
    return tasks_move (ctx);
  if (g_str_equal (sub, "done"))
    return tasks_done (ctx);
  if (g_str_equal (sub, "delete"))
    return tasks_delete (ctx);
  if (g_str_equal (sub, "clear-done"))
    return tasks_clear_done (ctx);
  if (g_str_equal (sub, "extract"))
    return tasks_extract (ctx);

  return _steward_cli_usage (_("Unknown command “tasks %s”."), sub);
}
