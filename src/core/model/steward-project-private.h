/* steward-project-private.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-project.h"

G_BEGIN_DECLS

StewardProject *_steward_project_new (gint64      id,
                                      const char *name,
                                      const char *template,
                                      const char *brief,
                                      GDateTime  *created_at,
                                      GDateTime  *updated_at);
void            _steward_project_update (StewardProject *self,
                                         StewardProject *fresh);

G_END_DECLS
