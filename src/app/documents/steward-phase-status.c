/* steward-phase-status.c
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "steward-documents-page"

#include "config.h"

#include <glib/gi18n.h>

#include "steward-phase-status.h"

/* How a phase's status shows: a word, an icon and a colour (style.css),
 * the same in the phase list and above the editor, so that the status
 * never rests on colour alone. */

const char *
steward_phase_status_get_label (StewardPhaseStatus status)
{
  switch (status)
    {
    case STEWARD_PHASE_STATUS_NOT_STARTED:
      return C_("phase status", "Not Started");
    case STEWARD_PHASE_STATUS_IN_PROGRESS:
      return C_("phase status", "In Progress");
    case STEWARD_PHASE_STATUS_COMPLETED:
      return C_("phase status", "Completed");
    case STEWARD_PHASE_STATUS_STALE:
      return C_("phase status", "Stale");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
steward_phase_status_get_icon_name (StewardPhaseStatus status)
{
  switch (status)
    {
    case STEWARD_PHASE_STATUS_NOT_STARTED:
      return "radio-symbolic";
    case STEWARD_PHASE_STATUS_IN_PROGRESS:
      return "document-edit-symbolic";
    case STEWARD_PHASE_STATUS_COMPLETED:
      return "emblem-ok-symbolic";
    case STEWARD_PHASE_STATUS_STALE:
      return "dialog-warning-symbolic";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
steward_phase_status_get_css_class (StewardPhaseStatus status)
{
  switch (status)
    {
    case STEWARD_PHASE_STATUS_NOT_STARTED:
      return "steward-phase-not-started";
    case STEWARD_PHASE_STATUS_IN_PROGRESS:
      return "steward-phase-in-progress";
    case STEWARD_PHASE_STATUS_COMPLETED:
      return "steward-phase-completed";
    case STEWARD_PHASE_STATUS_STALE:
      return "steward-phase-stale";
    default:
      g_return_val_if_reached (NULL);
    }
}
