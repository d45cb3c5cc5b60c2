/* steward-search-result.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-search-result"

#include "config.h"

#include "steward-markdown.h"
#include "steward-search-result-private.h"

/* One message that matched a history search: when the search is by
 * conversation, its best match, with how many more it has. */
struct _StewardSearchResult
{
  GObject    parent_instance;

  gint64     message_id;
  gint64     conversation_id;
  char      *conversation_title;
  StewardMessageRole role;
  char      *snippet;
  GDateTime *created_at;
  guint      n_more;
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
 * steward_search_result_get_n_more_matches:
 *
 * Returns: how many other messages of the conversation match, when the
 *   search was by conversation (steward_store_search_conversations()); 0
 *   otherwise
 */
guint
steward_search_result_get_n_more_matches (StewardSearchResult *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_RESULT (self), 0);
  return self->n_more;
}

void
_steward_search_result_set_snippet (StewardSearchResult *self,
                                    const char          *snippet)
{
  g_return_if_fail (STEWARD_IS_SEARCH_RESULT (self));

  g_free (self->snippet);
  self->snippet = g_strdup (snippet ? snippet : "");
}

void
_steward_search_result_set_n_more_matches (StewardSearchResult *self,
                                           guint                n_more)
{
  g_return_if_fail (STEWARD_IS_SEARCH_RESULT (self));
  self->n_more = n_more;
}

/* How many words a snippet shows, and how many of them come before the
 * first match when the text has that many. */
#define SNIPPET_WORDS        16
#define SNIPPET_WORDS_BEFORE 4

static gboolean
is_space (const char *p)
{
  return g_unichar_isspace (g_utf8_get_char (p));
}

/* Appends @word, dropping a match's end without its start and keeping
 * @open, whether a match is open. */
static void
append_marked_word (GString    *out,
                    const char *word,
                    gboolean   *open)
{
  const char *p = word;
  gsize start_len = strlen (STEWARD_SEARCH_MATCH_START);
  gsize end_len = strlen (STEWARD_SEARCH_MATCH_END);

  while (*p != '\0')
    {
      if (g_str_has_prefix (p, STEWARD_SEARCH_MATCH_START))
        {
          if (!*open)
            g_string_append (out, STEWARD_SEARCH_MATCH_START);
          *open = TRUE;
          p += start_len;
        }
      else if (g_str_has_prefix (p, STEWARD_SEARCH_MATCH_END))
        {
          if (*open)
            g_string_append (out, STEWARD_SEARCH_MATCH_END);
          *open = FALSE;
          p += end_len;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }
}

/**
 * _steward_search_dup_snippet:
 * @marked_markdown: a message's Markdown with STEWARD_SEARCH_MATCH_START
 *   and STEWARD_SEARCH_MATCH_END around the matched words (as FTS5's
 *   highlight() makes it)
 *
 * The words around the first match, as plain text: the Markdown is read
 * (md4c, through steward_markdown_parse_tree()) and only its text kept,
 * so neither stars nor backticks nor link targets show. The markers are
 * private-use characters, neither space nor punctuation, so they change
 * nothing of what Markdown finds around a word. White space is folded
 * to single spaces, and "…" stands where the text goes on. Every match
 * in it is closed.
 *
 * Returns: (transfer full): the snippet
 */
char *
_steward_search_dup_snippet (const char *marked_markdown)
{
  g_autoptr(StewardMarkdownTree) tree = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *plain = NULL;
  gboolean open = FALSE;
  char *p;
  int first = -1;
  int start;
  int end;

  tree = steward_markdown_parse_tree (marked_markdown ? marked_markdown : "", -1);
  plain = steward_markdown_plain_render (tree);

  /* Split in place at white space */
  p = plain;
  while (*p != '\0')
    {
      char *word;

      while (*p != '\0' && is_space (p))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;

      word = p;
      while (*p != '\0' && !is_space (p))
        p = g_utf8_next_char (p);

      if (*p != '\0')
        {
          char *next = g_utf8_next_char (p);

          *p = '\0';
          p = next;
        }

      if (first < 0 && strstr (word, STEWARD_SEARCH_MATCH_START) != NULL)
        first = words->len;
      g_ptr_array_add (words, word);
    }

  /* A match in what is not shown (a link's target) leaves none. */
  first = MAX (first, 0);
  start = MAX (0, MIN (first - SNIPPET_WORDS_BEFORE, (int)words->len - SNIPPET_WORDS));
  end = MIN ((int)words->len, start + SNIPPET_WORDS);

  if (start > 0)
    g_string_append (out, "…");
  for (int i = start; i < end; i++)
    {
      if (i > start)
        g_string_append_c (out, ' ');
      append_marked_word (out, g_ptr_array_index (words, i), &open);
    }
  if (open)
    g_string_append (out, STEWARD_SEARCH_MATCH_END);
  if (end < (int)words->len)
    g_string_append (out, "…");

  return g_string_free (g_steal_pointer (&out), FALSE);
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
