/* steward-provider-dialog.h
 *
 * Copyright 2026 The Steward authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "steward-core.h"

G_BEGIN_DECLS

#define STEWARD_TYPE_PROVIDER_DIALOG (steward_provider_dialog_get_type ())

G_DECLARE_FINAL_TYPE (StewardProviderDialog, steward_provider_dialog, STEWARD, PROVIDER_DIALOG, AdwWindow)

StewardProviderDialog *steward_provider_dialog_new            (StewardProviderRegistry *providers,
                                                               SoupSession           *session,
                                                               StewardProvider       *provider);
StewardProvider       *steward_provider_dialog_get_provider   (StewardProviderDialog *self);
const char            *steward_provider_dialog_get_kind_label (const char            *kind);

G_END_DECLS
