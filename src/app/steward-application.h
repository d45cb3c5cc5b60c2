/* steward-application.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-background.h"
#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_APPLICATION (steward_application_get_type ())

G_DECLARE_FINAL_TYPE (StewardApplication, steward_application, STEWARD, APPLICATION, AdwApplication)

/* The services of the running app, for widgets to take what they need */
#define STEWARD_SERVICES_DEFAULT \
  (steward_application_get_services (STEWARD_APPLICATION (g_application_get_default ())))

StewardApplication *steward_application_new             (void);
StewardServices    *steward_application_get_services    (StewardApplication *self);
StewardStore       *steward_application_get_store       (StewardApplication *self);
const GError       *steward_application_get_store_error (StewardApplication *self);
gboolean            steward_application_get_store_ready (StewardApplication *self);
SoupSession        *steward_application_get_session     (StewardApplication *self);
GtkWindow          *steward_application_present_main_window (StewardApplication *self);
StewardBackground  *steward_application_get_background  (StewardApplication *self);

G_END_DECLS
