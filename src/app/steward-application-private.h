/* steward-application-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"
#include "steward-task-reminders.h"

G_BEGIN_DECLS

struct _StewardApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GCancellable    *cancellable;
  StewardServices *services;
  StewardTaskReminders *reminders;
};

void _steward_application_actions_init   (StewardApplication *self);
void _steward_application_reminders_init (StewardApplication *self);

G_END_DECLS
