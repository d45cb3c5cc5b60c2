/* steward-system-prompt.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-system-prompt"

#include "config.h"

#include "steward-context.h"
#include "steward-system-prompt.h"

/* The system part of every prompt: who the user is (Preferences →
 * Personalization) and what Steward remembers about them. Every memory
 * goes while they all fit the memory budget; past it, the pinned ones
 * plus those most relevant to the new message (FTS5 ranking). Written
 * for the model, in English, whatever the interface language. */

/* A text setting without the spaces around it. */
static char *
dup_setting (StewardSettings *settings,
             const char      *key)
{
  const char *value = steward_settings_get_string (settings, key);

  return g_strstrip (g_strdup (value ? value : ""));
}

static void
add_personalization (StewardSettings *settings,
                     GString         *out)
{
  g_autofree char *name = dup_setting (settings, "personal.name");
  g_autofree char *language = dup_setting (settings, "personal.language");
  g_autofree char *tone = dup_setting (settings, "personal.tone");
  g_autofree char *instructions = dup_setting (settings, "personal.instructions");

  if (name[0] != '\0')
    g_string_append_printf (out, "\nThe user's name is %s.", name);
  if (language[0] != '\0')
    g_string_append_printf (out, "\nReply in %s unless asked otherwise.", language);
  if (tone[0] != '\0')
    g_string_append_printf (out, "\nUse this tone: %s.", tone);
  if (instructions[0] != '\0')
    g_string_append_printf (out, "\n\nThe user's instructions:\n%s", instructions);
}

static gboolean
contains_memory (GPtrArray     *chosen,
                 StewardMemory *memory)
{
  for (guint i = 0; i < chosen->len; i++)
    {
      if (steward_memory_get_id (g_ptr_array_index (chosen, i)) == steward_memory_get_id (memory))
        return TRUE;
    }

  return FALSE;
}

static GPtrArray *
choose_memories (StewardStore     *store,
                 StewardSettings  *settings,
                 const char       *new_message,
                 GError          **error)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) ranked = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 budget = steward_settings_get_int (settings, "memory.budget-tokens");
  gint64 total = 0, used = 0;
  guint n_items;

  if (!(all = steward_store_list_memories (store, error)))
    return NULL;

  n_items = g_list_model_get_n_items (all);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMemory) memory = g_list_model_get_item (all, i);

      total += steward_estimate_tokens (steward_memory_get_text (memory)) + 1;
    }

  /* Pinned ones always go, first. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(StewardMemory) memory = g_list_model_get_item (all, i);

      if (steward_memory_get_pinned (memory))
        {
          used += steward_estimate_tokens (steward_memory_get_text (memory)) + 1;
          g_ptr_array_add (chosen, g_steal_pointer (&memory));
        }
    }

  if (total <= budget)
    {
      for (guint i = 0; i < n_items; i++)
        {
          g_autoptr(StewardMemory) memory = g_list_model_get_item (all, i);

          if (!steward_memory_get_pinned (memory))
            g_ptr_array_add (chosen, g_steal_pointer (&memory));
        }

      return g_steal_pointer (&chosen);
    }

  if (!(ranked = steward_store_rank_memories (store, new_message, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (ranked); i++)
    {
      g_autoptr(StewardMemory) memory = g_list_model_get_item (ranked, i);
      gint64 tokens = steward_estimate_tokens (steward_memory_get_text (memory)) + 1;

      if (contains_memory (chosen, memory))
        continue;
      if (used + tokens > budget)
        break;

      used += tokens;
      g_ptr_array_add (chosen, g_steal_pointer (&memory));
    }

  return g_steal_pointer (&chosen);
}

/**
 * steward_system_prompt_build:
 * @new_message: what the user just wrote: memories relevant to it are
 *   chosen when not all of them fit
 *
 * Returns: (transfer full): the system part, or %NULL with @error set
 */
char *
steward_system_prompt_build (StewardStore     *store,
                             StewardSettings  *settings,
                             const char       *new_message,
                             GError          **error)
{
  g_autoptr(GString) out = g_string_new ("You are Steward, a personal assistant on the user's computer."
                                         " When you suggest tasks or to-dos for the user, write them as a"
                                         " Markdown checklist, one task per line (\"- [ ] Call Sam tomorrow 5pm\"),"
                                         " with the due date in words: the user can add them to their task"
                                         " board with one click.");
  g_autoptr(GPtrArray) memories = NULL;

  g_return_val_if_fail (STEWARD_IS_STORE (store), NULL);
  g_return_val_if_fail (STEWARD_IS_SETTINGS (settings), NULL);

  add_personalization (settings, out);

  if (!(memories = choose_memories (store, settings, new_message, error)))
    return NULL;

  if (memories->len > 0)
    {
      g_string_append (out, "\n\nWhat you know about the user (facts and preferences they shared):");
      for (guint i = 0; i < memories->len; i++)
        g_string_append_printf (out, "\n- %s",
                                steward_memory_get_text (g_ptr_array_index (memories, i)));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
