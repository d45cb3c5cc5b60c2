/* steward-stale-redraft.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-stale-redraft"

#include "config.h"

#include "steward-stale-redraft.h"

/* "Regenerate Stale Phases": the phases an earlier change made stale,
 * drafted again one after the other in their order, each from the
 * earlier text as it is by then (so the second reads the first's new
 * draft). Stop lets the phase being drafted end and starts no other;
 * cancelling stops at once, keeping what arrived, as a single draft. */

struct _StewardStaleRedraft
{
  GObject            parent_instance;

  StewardServices   *services;
  gint64             project_id;
  char              *tier;

  GTask             *task;
  StewardPhaseDraft *current;
  guint              done;
  guint              total;
  gboolean           stopping;
};

G_DEFINE_FINAL_TYPE (StewardStaleRedraft, steward_stale_redraft, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CURRENT,
  PROP_DONE,
  PROP_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void draft_next (StewardStaleRedraft *self);

static void
steward_stale_redraft_finalize (GObject *object)
{
  StewardStaleRedraft *self = (StewardStaleRedraft *)object;

  g_assert (self->task == NULL);

  g_clear_object (&self->services);
  g_clear_object (&self->current);
  g_clear_pointer (&self->tier, g_free);

  G_OBJECT_CLASS (steward_stale_redraft_parent_class)->finalize (object);
}

static void
steward_stale_redraft_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  StewardStaleRedraft *self = STEWARD_STALE_REDRAFT (object);

  switch (prop_id)
    {
    case PROP_CURRENT:
      g_value_set_object (value, self->current);
      break;

    case PROP_DONE:
      g_value_set_uint (value, self->done);
      break;

    case PROP_TOTAL:
      g_value_set_uint (value, self->total);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
steward_stale_redraft_class_init (StewardStaleRedraftClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = steward_stale_redraft_finalize;
  object_class->get_property = steward_stale_redraft_get_property;

  properties[PROP_CURRENT] =
    g_param_spec_object ("current", NULL, NULL, STEWARD_TYPE_PHASE_DRAFT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DONE] =
    g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TOTAL] =
    g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
steward_stale_redraft_init (StewardStaleRedraft *self)
{
}

StewardStaleRedraft *
steward_stale_redraft_new (StewardServices *services,
                           gint64           project_id,
                           const char      *tier)
{
  StewardStaleRedraft *self;

  g_return_val_if_fail (STEWARD_IS_SERVICES (services), NULL);
  g_return_val_if_fail (tier != NULL, NULL);

  self = g_object_new (STEWARD_TYPE_STALE_REDRAFT, NULL);
  self->services = g_object_ref (services);
  self->project_id = project_id;
  self->tier = g_strdup (tier);

  return self;
}

StewardPhaseDraft *
steward_stale_redraft_get_current (StewardStaleRedraft *self)
{
  g_return_val_if_fail (STEWARD_IS_STALE_REDRAFT (self), NULL);

  return self->current;
}

guint
steward_stale_redraft_get_done (StewardStaleRedraft *self)
{
  g_return_val_if_fail (STEWARD_IS_STALE_REDRAFT (self), 0);

  return self->done;
}

guint
steward_stale_redraft_get_total (StewardStaleRedraft *self)
{
  g_return_val_if_fail (STEWARD_IS_STALE_REDRAFT (self), 0);

  return self->total;
}

void
steward_stale_redraft_stop (StewardStaleRedraft *self)
{
  g_return_if_fail (STEWARD_IS_STALE_REDRAFT (self));

  self->stopping = TRUE;
}

/* The first stale phase, and how many there are; NULL when none. */
static StewardPhase *
find_stale (StewardStaleRedraft  *self,
            guint                *n_stale,
            GError              **error)
{
  g_autoptr(GListModel) phases = NULL;
  StewardPhase *first = NULL;

  *n_stale = 0;
  if (!(phases = steward_store_list_phases (steward_services_get_store (self->services),
                                            self->project_id, error)))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(StewardPhase) phase = g_list_model_get_item (phases, i);

      if (steward_phase_get_status (phase) != STEWARD_PHASE_STATUS_STALE)
        continue;
      if (first == NULL)
        first = g_object_ref (phase);
      (*n_stale)++;
    }

  return first;
}

static void
finish (StewardStaleRedraft *self,
        GError              *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&self->task);

  if (g_set_object (&self->current, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
draft_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(StewardStaleRedraft) self = user_data;
  GError *error = NULL;

  if (!steward_phase_draft_run_finish (STEWARD_PHASE_DRAFT (object), result, &error))
    {
      finish (self, error);
      return;
    }

  self->done++;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DONE]);

  draft_next (self);
}

static void
draft_next (StewardStaleRedraft *self)
{
  g_autoptr(StewardPhase) phase = NULL;
  GError *error = NULL;
  guint n_stale;

  if (g_cancellable_set_error_if_cancelled (g_task_get_cancellable (self->task), &error))
    {
      finish (self, error);
      return;
    }

  /* None left (or stopped): done; error set: failed */
  if (self->stopping || !(phase = find_stale (self, &n_stale, &error)))
    {
      finish (self, error);
      return;
    }

  /* Phases made stale meanwhile count too */
  if (self->done + n_stale != self->total)
    {
      self->total = self->done + n_stale;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TOTAL]);
    }

  g_set_object (&self->current, NULL);
  self->current = steward_phase_draft_new (self->services, steward_phase_get_id (phase), self->tier, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT]);

  steward_phase_draft_run_async (self->current, g_task_get_cancellable (self->task),
                                 draft_cb, g_object_ref (self));
}

/**
 * steward_stale_redraft_run_async:
 *
 * Drafts every stale phase of the project again, in order, until none
 * is left, steward_stale_redraft_stop() was called, @cancellable was
 * cancelled or a draft failed (the phases before it keep their new
 * drafts).
 */
void
steward_stale_redraft_run_async (StewardStaleRedraft *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (STEWARD_IS_STALE_REDRAFT (self));
  g_return_if_fail (self->task == NULL);

  self->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (self->task, steward_stale_redraft_run_async);
  self->done = 0;
  self->total = 0;
  self->stopping = FALSE;

  draft_next (self);
}

gboolean
steward_stale_redraft_run_finish (StewardStaleRedraft  *self,
                                  GAsyncResult         *result,
                                  GError              **error)
{
  g_return_val_if_fail (STEWARD_IS_STALE_REDRAFT (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
