/* steward-task-proposal.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-task-proposal"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "steward-markdown.h"
#include "steward-markdown-plain.h"
#include "steward-quick-add.h"
#include "steward-reply.h"
#include "steward-task-extractor.h"
#include "steward-task-proposal.h"

/* A chat reply that proposes tasks: one that called add_tasks, whose
 * text holds the JSON list extraction reads, or that lists them as a
 * Markdown checklist ("- [ ] Call Sam tomorrow 5pm", as the system prompt
 * asks for suggested tasks), each item read as quick add reads a line.
 * "Add 3 Tasks" shows under it. */

/* The stored reply as the extractor reads one: its text and its calls,
 * kept as steward_reply_dup_tool_calls_json() writes them. */
static StewardReply *
dup_reply (StewardMessage *message)
{
  g_autoptr(StewardReply) reply = steward_reply_new ();
  const char *tool_calls = steward_message_get_tool_calls (message);
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  steward_reply_append_text (reply, steward_message_get_content (message));

  if (tool_calls == NULL || strstr (tool_calls, STEWARD_TASK_EXTRACT_TOOL) == NULL)
    return g_steal_pointer (&reply);

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, tool_calls, -1, NULL) ||
      !(root = json_parser_get_root (parser)) || !JSON_NODE_HOLDS_ARRAY (root))
    return g_steal_pointer (&reply);

  for (guint i = 0; i < json_array_get_length (json_node_get_array (root)); i++)
    {
      JsonNode *node = json_array_get_element (json_node_get_array (root), i);
      JsonObject *object;
      StewardToolCall *call;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      object = json_node_get_object (node);
      call = steward_reply_ensure_tool_call (reply, -1);
      call->id = g_strdup (json_object_get_string_member_with_default (object, "id", ""));
      call->name = g_strdup (json_object_get_string_member_with_default (object, "name", ""));
      g_string_assign (call->arguments, json_object_get_string_member_with_default (object, "arguments", ""));
    }

  return g_steal_pointer (&reply);
}

/* The unticked items of the checklists in @text, each read as a quick
 * add line against @written_at; NULL when there are none. */
static GPtrArray *
read_checklist (const char *text,
                GDateTime  *written_at)
{
  g_autoptr(StewardMarkdownTree) tree = steward_markdown_parse_tree (text, -1);
  g_autoptr(GPtrArray) drafts = g_ptr_array_new_with_free_func ((GDestroyNotify)steward_task_draft_free);
  const StewardMarkdownNode *node = steward_markdown_tree_get_blocks (tree);

  /* Through the parent links: a reply may nest lists very deep */
  while (node != NULL)
    {
      if (node->kind == STEWARD_MARKDOWN_NODE_ITEM &&
          node->item.task == STEWARD_MARKDOWN_TASK_UNCHECKED &&
          node->children != NULL &&
          node->children->kind == STEWARD_MARKDOWN_NODE_PARAGRAPH)
        {
          g_autofree char *line = steward_markdown_plain_inlines (node->children->inlines);
          g_autoptr(StewardQuickAdd) parsed = steward_quick_add_parse (g_strstrip (line), written_at);

          if (parsed->title != NULL && parsed->title[0] != '\0')
            {
              StewardTaskDraft *draft = steward_task_draft_new (parsed->title);

              draft->due = parsed->due != NULL ? g_date_time_ref (parsed->due) : NULL;
              draft->due_has_time = parsed->due_has_time;
              if (parsed->has_priority)
                draft->priority = parsed->priority;
              draft->category = g_strdup (parsed->category);
              draft->rrule = g_strdup (parsed->rrule);
              g_ptr_array_add (drafts, draft);
            }
        }

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

  return drafts->len > 0 ? g_steal_pointer (&drafts) : NULL;
}

/**
 * steward_task_proposal_read:
 * @message: a stored message
 *
 * Reads the tasks a finished reply proposes, as extraction reads an
 * answer: its calls of %STEWARD_TASK_EXTRACT_TOOL, else a JSON object
 * in its text. Relative dates are read against the reply's time.
 *
 * Returns: (transfer full) (nullable) (element-type StewardTaskDraft):
 *   the drafts, at least one, each with the message as its source; or
 *   %NULL when @message proposes none (not a complete reply, no list, a
 *   malformed or empty one)
 */
GPtrArray *
steward_task_proposal_read (StewardMessage *message)
{
  g_autoptr(StewardReply) reply = NULL;
  g_autoptr(GDateTime) written_at = NULL;
  g_autoptr(GPtrArray) drafts = NULL;
  g_autoptr(GError) error = NULL;
  const char *tool_calls;
  const char *content;

  g_return_val_if_fail (STEWARD_IS_MESSAGE (message), NULL);

  if (steward_message_get_role (message) != STEWARD_MESSAGE_ROLE_ASSISTANT ||
      steward_message_get_status (message) != STEWARD_MESSAGE_STATUS_COMPLETE)
    return NULL;

  /* Asked of every reply shown: most hold none of these, and are passed
   * over without being parsed. */
  tool_calls = steward_message_get_tool_calls (message);
  content = steward_message_get_content (message);
  written_at = g_date_time_to_local (steward_message_get_created_at (message));
  if ((tool_calls != NULL && strstr (tool_calls, STEWARD_TASK_EXTRACT_TOOL) != NULL) ||
      strstr (content, "\"tasks\"") != NULL)
    {
      reply = dup_reply (message);
      if (!(drafts = steward_task_extract_read_reply (reply, written_at, &error)))
        g_debug ("Reply %" G_GINT64_FORMAT " proposes no tasks as a list: %s",
                 steward_message_get_id (message), error->message);
    }

  if ((drafts == NULL || drafts->len == 0) && strstr (content, "[ ]") != NULL)
    {
      g_clear_pointer (&drafts, g_ptr_array_unref);
      drafts = read_checklist (content, written_at);
    }

  if (drafts == NULL || drafts->len == 0)
    return NULL;

  for (guint i = 0; i < drafts->len; i++)
    {
      StewardTaskDraft *draft = g_ptr_array_index (drafts, i);

      draft->source = STEWARD_TASK_SOURCE_MESSAGE;
      g_free (draft->source_ref);
      draft->source_ref = g_strdup_printf ("%" G_GINT64_FORMAT, steward_message_get_id (message));
    }

  return g_steal_pointer (&drafts);
}
