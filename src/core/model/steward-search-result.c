/* steward-search-result.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-search-result"

#include "config.h"

#include "steward-search-result-private.h"

/* One message that matched a history search. */
struct _StewardSearchResult
{
  GObject    parent_instance;

  gint64     message_id;
  gint64     conversation_id;
  char      *conversation_title;
  StewardMessageRole role;
  char      *snippet;
  GDateTime *created_at;
};

G_DEFINE_FINAL_TYPE (StewardSearchResult, steward_search_result, G_TYPE_OBJECT)

static void
steward_search_result_finalize (GObject *object)
{
  StewardSearchResult *self = (StewardSearchResult *)object;

  g_free (self->conversation_title);
  g_free (self->snippet);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (steward_search_result_parent_class)->finalize (object);
}

static void
steward_search_result_class_init (StewardSearchResultClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = steward_search_result_finalize;
}

static void
steward_search_result_init (StewardSearchResult *self)
{
}

StewardSearchResult *
_steward_search_result_new (gint64              message_id,
                            gint64              conversation_id,
                            const char         *conversation_title,
                            StewardMessageRole  role,
                            const char *snippet,
                            GDateTime  *created_at)
{
  StewardSearchResult *self = g_object_new (STEWARD_TYPE_SEARCH_RESULT, NULL);

  self->message_id = message_id;
  self->conversation_id = conversation_id;
  self->conversation_title = g_strdup (conversation_title ? conversation_title : "");
  self->role = role;
  self->snippet = g_strdup (snippet ? snippet : "");
  self->created_at = created_at ? g_date_time_ref (created_at) : g_date_time_new_from_unix_utc (0);

  return self;
}

gint64
steward_search_result_get_message_id (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), 0);
  return self->message_id;
}

gint64
steward_search_result_get_conversation_id (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), 0);
  return self->conversation_id;
}

const char *
steward_search_result_get_conversation_title (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), NULL);
  return self->conversation_title;
}

StewardMessageRole
steward_search_result_get_role (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), STEWARD_MESSAGE_ROLE_USER);
  return self->role;
}

const char *
steward_search_result_get_snippet (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), NULL);
  return self->snippet;
}

GDateTime *
steward_search_result_get_created_at (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), NULL);
  return self->created_at;
}

/**
 * steward_search_result_dup_snippet_marked:
 * @start: what to put before each match
 * @end: what to put after each match
 *
 * Returns: (transfer full): the snippet with the match markers replaced
 */
char *
steward_search_result_dup_snippet_marked (StewardSearchResult *self,
                                          const char          *start,
                                          const char          *end)
{
  g_auto(GStrv) opened = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), NULL);

  opened = g_strsplit (self->snippet, STEWARD_SEARCH_MATCH_START, -1);
  for (guint i = 0; opened[i]; i++)
    {
      g_auto(GStrv) closed = g_strsplit (opened[i], STEWARD_SEARCH_MATCH_END, -1);

      if (i > 0)
        g_string_append (out, start);
      for (guint j = 0; closed[j]; j++)
        {
          if (j > 0)
            g_string_append (out, end);
          g_string_append (out, closed[j]);
        }
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * steward_search_result_dup_snippet_markup:
 *
 * Returns: (transfer full): the snippet as Pango markup, matches in bold
 */
char *
steward_search_result_dup_snippet_markup (StewardSearchResult *self)
{
  g_autofree char *escaped = NULL;
  g_autoptr(StewardSearchResult) copy = NULL;

  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), NULL);

  /* The markers are not markup characters, so they survive escaping. */
  escaped = g_markup_escape_text (self->snippet, -1);
  copy = _steward_search_result_new (0, 0, NULL, STEWARD_MESSAGE_ROLE_USER, escaped, NULL);

  return steward_search_result_dup_snippet_marked (copy, "<b>", "</b>");
}
