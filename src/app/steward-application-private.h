/* steward-application-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

struct _StewardApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  GCancellable    *cancellable;
  StewardServices *services;
};

void _steward_application_actions_init (StewardApplication *self);

G_END_DECLS
