/* steward-search-hit.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-search-hit"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "steward-enum-types.h"
#include "steward-search-hit.h"

/* One thing a search across everything found: a conversation (target:
 * its best matching message), a task, or a document project (target: the
 * phase whose text matched, or 0 when its name or brief did). The
 * desktop's search names it by a result id, "KIND:ID". */
struct _StewardSearchHit
{
  GObject parent_instance;

  /* Owned */
  char *title;
  char *snippet;

  StewardSearchHitKind kind;
  gint64 id;
  gint64 target_id;
};

G_DEFINE_FINAL_TYPE (StewardSearchHit, steward_search_hit, G_TYPE_OBJECT)

static void
steward_search_hit_finalize (GObject *object)
{
  StewardSearchHit *self = (StewardSearchHit *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->snippet, g_free);

  G_OBJECT_CLASS (steward_search_hit_parent_class)->finalize (object);
}

static void
steward_search_hit_class_init (StewardSearchHitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_search_hit_finalize;
}

static void
steward_search_hit_init (StewardSearchHit *self)
{
}

/**
 * steward_search_hit_new:
 * @kind: what was found
 * @id: its id: the conversation's, the task's or the project's
 * @target_id: where in it: the message of a conversation, the phase of a
 *   project, or 0
 * @title: its name as the user knows it
 * @snippet: (nullable): plain text around what matched
 */
StewardSearchHit *
steward_search_hit_new (StewardSearchHitKind  kind,
                        gint64                id,
                        gint64                target_id,
                        const char           *title,
                        const char           *snippet)
{
  StewardSearchHit *self;

  g_return_val_if_fail (id > 0, NULL);

  self = g_object_new (STEWARD_TYPE_SEARCH_HIT, NULL);
  self->kind = kind;
  self->id = id;
  self->target_id = target_id;
  self->title = g_strdup (title != NULL ? title : "");
  self->snippet = g_strdup (snippet != NULL ? snippet : "");

  return self;
}

StewardSearchHitKind
steward_search_hit_get_kind (StewardSearchHit *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_HIT (self), 0);

  return self->kind;
}

gint64
steward_search_hit_get_id (StewardSearchHit *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_HIT (self), 0);

  return self->id;
}

gint64
steward_search_hit_get_target_id (StewardSearchHit *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_HIT (self), 0);

  return self->target_id;
}

const char *
steward_search_hit_get_title (StewardSearchHit *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_HIT (self), NULL);

  return self->title;
}

/**
 * steward_search_hit_get_snippet:
 *
 * Returns: plain text around the match, or "" when there is none
 */
const char *
steward_search_hit_get_snippet (StewardSearchHit *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_HIT (self), NULL);

  return self->snippet;
}

/**
 * steward_search_hit_dup_result_id:
 *
 * Returns: (transfer full): "conversation:ID", "task:ID" or "project:ID"
 */
char *
steward_search_hit_dup_result_id (StewardSearchHit *self)
{
  g_return_val_if_fail (STEWARD_IS_SEARCH_HIT (self), NULL);

  return g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                          steward_enum_to_nick (STEWARD_TYPE_SEARCH_HIT_KIND, self->kind),
                          self->id);
}

/**
 * steward_search_hit_parse_result_id:
 * @result_id: as steward_search_hit_dup_result_id() makes it
 * @kind: (out): what it names
 * @id: (out): the id of what it names
 *
 * Returns: whether @result_id is a kind, a colon and a positive id
 */
gboolean
steward_search_hit_parse_result_id (const char           *result_id,
                                    StewardSearchHitKind *kind,
                                    gint64               *id)
{
  const char *colon;
  g_autofree char *nick = NULL;
  guint64 number;
  int value;

  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  if (result_id == NULL || !(colon = strchr (result_id, ':')))
    return FALSE;

  nick = g_strndup (result_id, colon - result_id);
  if (!steward_enum_from_nick (STEWARD_TYPE_SEARCH_HIT_KIND, nick, &value) ||
      !g_ascii_string_to_unsigned (colon + 1, 10, 1, G_MAXINT64, &number, NULL))
    return FALSE;

  *kind = value;
  *id = (gint64)number;

  return TRUE;
}
