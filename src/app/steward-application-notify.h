/* steward-application-notify.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "steward-application.h"

G_BEGIN_DECLS

gboolean steward_application_has_focus          (StewardApplication *self);
gboolean steward_application_notify_job         (StewardApplication *self,
                                                 GtkWidget          *source,
                                                 const char         *id,
                                                 const char         *title,
                                                 const char         *body,
                                                 const char         *action,
                                                 GVariant           *target);
gboolean steward_application_notify_export      (StewardApplication *self,
                                                 gint64              project_id,
                                                 GFile              *file,
                                                 const GError       *error);

void     _steward_application_notify_init       (StewardApplication *self);

G_END_DECLS
